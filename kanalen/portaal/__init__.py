"""Mijn omgeving (PIP): the citizen's and business's own internet channel."""
