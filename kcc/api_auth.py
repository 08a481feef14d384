"""API authentication (its own module: DRF imports it while defining its views)."""

from django.middleware import csrf
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions


def _csrf_reden(reden: str) -> str:
    """Django's CSRF check says in English why it refused; the caller of the
    API gets it in Dutch."""
    if reden == csrf.REASON_NO_CSRF_COOKIE:
        return _("de CSRF-cookie ontbreekt")
    if reden == csrf.REASON_CSRF_TOKEN_MISSING:
        return _("het CSRF-token ontbreekt")
    if reden.startswith(("Origin checking failed", "Referer checking failed")):
        return _("het verzoek komt niet van een adres van dit platform")
    return _("het CSRF-token klopt niet")


class SessionAuthentication(authentication.SessionAuthentication):
    """Session login for the API, answering 401 (not 403) when it is missing,
    as the NL API Design Rules ask."""

    def authenticate_header(self, request):
        return 'Session realm="kcc"'

    def enforce_csrf(self, request):
        # DRF's own check, whose refusal reads "CSRF Failed: <English reason>".
        check = authentication.CSRFCheck(lambda request: None)
        check.process_request(request)  # reads the CSRF cookie
        reden = check.process_view(request, None, (), {})
        if reden:
            raise exceptions.PermissionDenied(
                _(
                    "De beveiligingscontrole (CSRF) is mislukt: %(reden)s. Wie met een "
                    "sessie inlogt, stuurt bij elke wijziging het CSRF-token mee in de "
                    "kop X-CSRFToken."
                )
                % {"reden": _csrf_reden(str(reden))},
                code="csrf_failed",
            )
