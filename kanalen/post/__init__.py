"""Written contact coming in: e-mail, SMS and letters, and their answers."""
