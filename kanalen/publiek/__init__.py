"""The public website: anyone, no login."""
