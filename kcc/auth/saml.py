"""DigiD and eHerkenning over SAML, the municipality's own connection.

django-digid-eherkenning does the SAML: the request to DigiD or the
eHerkenning broker, the artifact resolution and the checks on signatures
and certificates, configured in the beheer (DigiD and eHerkenning
configuration, with the certificates). What the platform adds is what it
does with the answer: the customer (``klant_gebruiker``), and the level of
assurance reached and the vestiging as an ``Inlog`` for the session, the
rules and the audit log.

``DIGID_BACKEND=saml`` / ``EHERKENNING_BACKEND=saml`` switch it on.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from digid_eherkenning import digid_urls, eherkenning_urls
from digid_eherkenning.backends import DigiDBackend, eHerkenningBackend
from digid_eherkenning.choices import DigiDAssuranceLevels, SectorType
from digid_eherkenning.saml2.digid import DigiDClient
from digid_eherkenning.saml2.eherkenning import eHerkenningClient
from digid_eherkenning.views import (
    DigiDAssertionConsumerServiceView,
    DigiDLoginView,
    eHerkenningAssertionConsumerServiceView,
    eHerkenningLoginView,
)
from django.conf import settings
from django.urls import include, path, reverse
from onelogin.saml2.utils import OneLogin_Saml2_ValidationError

from kcc.auth.inlog import DIGID, EHERKENNING, STANDAARDNIVEAU, Inlog, inlog_meegeven, niveau_uit
from kcc.choices import Betrouwbaarheidsniveau
from kcc.identifiers import is_valid_bsn
from kcc.services import klant_gebruiker

logger = logging.getLogger(__name__)

VESTIGING_ATTRIBUUT = "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"
_DIGID_KLASSEN = {
    Betrouwbaarheidsniveau.BASIS: DigiDAssuranceLevels.base,
    Betrouwbaarheidsniveau.MIDDEN: DigiDAssuranceLevels.middle,
    Betrouwbaarheidsniveau.SUBSTANTIEEL: DigiDAssuranceLevels.substantial,
    Betrouwbaarheidsniveau.HOOG: DigiDAssuranceLevels.high,
}


def _bereikt(response) -> int:
    """The level the answer says was reached; none stated counts as Basis."""
    niveaus = [niveau_uit(klasse) for klasse in response.get_authn_contexts()]
    return max((n for n in niveaus if n), default=Betrouwbaarheidsniveau.BASIS)


class _FormulierNaarInlogdienst:
    """The page posts the SAML request to DigiD or the eHerkenning broker:
    that address, and only on this page, may be a form's target (the
    Content-Security-Policy allows forms to the platform only)."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        doel = urlsplit((getattr(response, "context_data", None) or {}).get("url") or "")
        if doel.scheme == "https" and doel.netloc:
            response._csp_update = {"form-action": [f"https://{doel.netloc}"]}
        return response


class EHerkenningSamlLoginView(_FormulierNaarInlogdienst, eHerkenningLoginView):
    pass


class DigiDSamlLoginView(_FormulierNaarInlogdienst, DigiDLoginView):
    """Asks DigiD for the level the product needs (``?niveau=30``), else the
    usual one; DigiD may answer with more, never with less."""

    def get_level_of_assurance(self):
        gevraagd = self.request.GET.get("niveau", "")
        if gevraagd.isdigit() and int(gevraagd) in _DIGID_KLASSEN:
            return _DIGID_KLASSEN[int(gevraagd)]
        return _DIGID_KLASSEN[STANDAARDNIVEAU[DIGID]]


def saml_login(request, middel: str):
    """The page that sends the customer on to DigiD or eHerkenning (the level
    eHerkenning asks is set per service in its configuration)."""
    if middel == "DigiD":
        return DigiDSamlLoginView.as_view()(request)
    return EHerkenningSamlLoginView.as_view()(request)


class DigiDSamlBackend(DigiDBackend):
    def authenticate(self, request, digid=None, saml_art=None, errors=None):
        if not digid or saml_art is None or settings.DIGID_BACKEND != "saml":
            return None
        errors = [] if errors is None else errors
        errors.clear()
        try:
            response = DigiDClient().artifact_resolve(request, saml_art)
            sector, _, bsn = response.get_nameid().partition(":")
        except OneLogin_Saml2_ValidationError as fout:
            errors.append(fout)
            self.handle_validation_error(request)
            return None
        if sector != SectorType.bsn or not is_valid_bsn(bsn):
            logger.warning("DigiD answered without a valid BSN (sector %s)", sector)
            return None
        user = klant_gebruiker(bsn=bsn)
        if not user.is_active:
            return None
        return inlog_meegeven(user, Inlog(middel=DIGID, niveau=_bereikt(response)))


class EHerkenningSamlBackend(eHerkenningBackend):
    def authenticate(self, request, eherkenning=None, saml_art=None):
        if not eherkenning or saml_art is None or settings.EHERKENNING_BACKEND != "saml":
            return None
        try:
            response = eHerkenningClient().artifact_resolve(request, saml_art)
            attributen = response.get_attributes()
        except OneLogin_Saml2_ValidationError:
            self.handle_validation_error(request)
            return None
        kvk = self.get_legal_subject_kvk(attributen)
        if len(kvk) != 8 or not kvk.isdigit():
            logger.warning("eHerkenning answered without a KVK number")
            return None
        vestiging = next(iter(attributen.get(VESTIGING_ATTRIBUUT) or []), "")
        vestiging = vestiging if len(vestiging) == 12 and vestiging.isdigit() else ""
        user = klant_gebruiker(kvk_nummer=kvk)
        if not user.is_active:
            return None
        inlog = Inlog(middel=EHERKENNING, niveau=_bereikt(response), vestigingsnummer=vestiging)
        return inlog_meegeven(user, inlog)


class _NaarKlantLogin:
    """A failed or cancelled login goes back to the customer's choice of
    DigiD or eHerkenning (with the library's message why), not to the staff
    login."""

    def get_login_url(self, **kwargs):
        return reverse("kcc:klant-login")


class DigiDSamlAntwoordView(_NaarKlantLogin, DigiDAssertionConsumerServiceView):
    pass


class EHerkenningSamlAntwoordView(_NaarKlantLogin, eHerkenningAssertionConsumerServiceView):
    pass


def _eigen_views(module, views: dict) -> list:
    """The library's addresses (and names: the metadata refers to them), with
    this platform's view where it adds something."""
    return [
        path(str(p.pattern), views[p.name], name=p.name) if p.name in views else p
        for p in module.urlpatterns
    ]


urlpatterns = [
    path(
        "digid/",
        include(
            (
                _eigen_views(
                    digid_urls,
                    {
                        "login": DigiDSamlLoginView.as_view(),
                        "acs": DigiDSamlAntwoordView.as_view(),
                    },
                ),
                "digid",
            )
        ),
    ),
    path(
        "eherkenning/",
        include(
            (
                _eigen_views(
                    eherkenning_urls,
                    {
                        "login": EHerkenningSamlLoginView.as_view(),
                        "acs": EHerkenningSamlAntwoordView.as_view(),
                    },
                ),
                "eherkenning",
            )
        ),
    ),
    path("metadata/", include("digid_eherkenning.metadata_urls")),
]
