"""The agent workspace: the screens that combine every channel and building block."""
