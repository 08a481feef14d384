"""Telephony: the phone system's events, the screen pop, a call as a contact."""
