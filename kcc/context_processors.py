from django.conf import settings


def platform(request):
    context = {
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "mfa_medewerkers": settings.MFA_MEDEWERKERS,
        "login_simulator": "simulator" in {settings.DIGID_BACKEND, settings.EHERKENNING_BACKEND},
        "websocket_poort": settings.WEBSOCKET_PORT,
    }
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_klant:
        from kcc.auth.inlog import huidige_inlog

        context["klant_inlog"] = huidige_inlog(request)
    if user is not None and user.is_authenticated and user.is_medewerker:
        from kcc.models import Melding

        # A callable: only pages that show the count run the query.
        context["ongelezen_meldingen"] = lambda: Melding.objects.filter(
            ontvanger=user, gelezen_op__isnull=True
        ).count()
    return context
