"""Koppelingen: other systems of the municipality that use the platform
through the standard APIs (ZGW Zaken, Catalogi and Documenten, and
Klantinteracties): who they are, what they may read, and the messages they
subscribe to."""
