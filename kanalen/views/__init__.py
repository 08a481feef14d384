"""Screens of the front office, one module per area."""
