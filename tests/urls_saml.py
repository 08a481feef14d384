"""The URLconf with DigiD/eHerkenning over SAML switched on (kcc.urls adds
these addresses only when DIGID_BACKEND or EHERKENNING_BACKEND is saml)."""

from django.urls import include, path

from kcc.urls import urlpatterns as platform

urlpatterns = [path("", include("kcc.auth.saml")), *platform]
