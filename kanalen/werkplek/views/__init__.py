"""The workspace's pages, one module per task."""
