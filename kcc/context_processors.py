from django.conf import settings


def platform(request):
    return {
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "login_simulator": "simulator" in {settings.DIGID_BACKEND, settings.EHERKENNING_BACKEND},
    }
