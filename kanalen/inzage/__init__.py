"""The AVG dossier: everything the platform keeps about a person."""
