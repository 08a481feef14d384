"""API authentication (its own module: DRF imports it while defining its views)."""

from rest_framework import authentication


class SessionAuthentication(authentication.SessionAuthentication):
    """Session login for the API, answering 401 (not 403) when it is missing,
    as the NL API Design Rules ask."""

    def authenticate_header(self, request):
        return 'Session realm="kcc"'
