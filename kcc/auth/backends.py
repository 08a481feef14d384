"""How citizens and businesses log in.

DigiD (citizens, by BSN) and eHerkenning (businesses, by KVK number) sit
behind one small interface: a login yields an identifier, and
``klant_gebruiker`` turns it into the platform user with the burger role.
``DIGID_BACKEND`` / ``EHERKENNING_BACKEND`` choose where the identifier
comes from:

- ``simulator``: a local page that asks for the number (development and
  demo only; production refuses to start with it unless explicitly allowed);
- ``oidc``: an OIDC broker in front of DigiD and eHerkenning, which returns
  the BSN or KVK number as a claim.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.backends import BaseBackend, ModelBackend
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from kcc.auth.inlog import (
    DIGID,
    EHERKENNING,
    STANDAARDNIVEAU,
    Inlog,
    inlog_meegeven,
    inlog_vastleggen,
    niveau_uit,
)
from kcc.choices import Machtiging
from kcc.identifiers import is_valid_bsn
from kcc.models import User
from kcc.services import klant_gebruiker


class StaffBackend(ModelBackend):
    """Django's username/password backend, with each user's permissions and
    roles kept in the cache between requests (kcc.rechten)."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            from kcc import rechten

            gevonden = rechten.uit_cache(user_obj.pk)
            if gevonden is None:
                perms = super().get_all_permissions(user_obj)
                rollen = user_obj.rollen_uit_database()
                rechten.bewaren(user_obj.pk, perms, rollen)
                user_obj.__dict__["rollen"] = rollen
            else:
                perms, rollen = gevonden
                user_obj.__dict__["rollen"] = rollen  # the cached_property, filled
            user_obj._perm_cache = perms
        return user_obj._perm_cache


def portaalsessie_beperken(sender, request, user, **kwargs):
    """user_logged_in: a citizen's session ends after PORTAL_SESSION_SECONDS
    idle, and keeps what the login said (level, machtiging, vestiging).

    Connected for every login route (simulator, OIDC broker, SAML) alike.
    """
    if user.is_klant and request is not None and hasattr(request, "session"):
        request.session.set_expiry(settings.PORTAL_SESSION_SECONDS)
        inlog_vastleggen(request, user)


class SimulatorBackend(BaseBackend):
    """Authenticates whoever the DigiD/eHerkenning simulator page names."""

    def authenticate(
        self, request, *, simulator_bsn=None, simulator_kvk=None, simulator_inlog=None, **kwargs
    ):
        """The customer the simulator page names, by BSN or KVK number.
        ``simulator_inlog`` is what the tester chose (level, machtiging,
        vestiging); with a machtiging the named customer is the one acted
        for and the tester's own number is the gemachtigde in it."""
        if simulator_inlog is not None:
            middel = simulator_inlog.middel
        else:
            middel = DIGID if simulator_bsn is not None else EHERKENNING
        route = settings.DIGID_BACKEND if middel == DIGID else settings.EHERKENNING_BACKEND
        if route != "simulator":
            return None
        if simulator_bsn is not None and is_valid_bsn(simulator_bsn):
            klant = {"bsn": simulator_bsn}
        elif simulator_kvk is not None and len(simulator_kvk) == 8 and simulator_kvk.isdigit():
            klant = {"kvk_nummer": simulator_kvk}
        else:
            return None
        inlog = simulator_inlog or Inlog(middel=middel, niveau=STANDAARDNIVEAU[middel])
        user = klant_gebruiker(**klant)
        return inlog_meegeven(user, inlog) if user.is_active else None

    def get_user(self, user_id):
        return User.objects.filter(pk=user_id, is_active=True).first()


class BrokerOIDCBackend(OIDCAuthenticationBackend):
    """DigiD and eHerkenning through an OIDC broker that returns a BSN or KVK claim."""

    """DigiD and eHerkenning through an OIDC broker. Besides the BSN or KVK
    number it reads, where the broker sends them, the level of assurance,
    a machtiging (the BSN acted for and who acts) and the vestiging; the
    claim names are settings (OIDC_*_CLAIM), defaulting to the names the
    eID standards use."""

    @staticmethod
    def _claim(claims, naam) -> str:
        waarde = claims.get(naam) if naam else None
        if isinstance(waarde, list):
            waarde = waarde[0] if waarde else None
        return str(waarde).strip() if waarde not in (None, "") else ""

    def _klant_en_inlog(self, claims) -> tuple[dict[str, str], Inlog] | None:
        bsn = self._claim(claims, settings.OIDC_BSN_CLAIM)
        kvk = self._claim(claims, settings.OIDC_KVK_CLAIM)
        vertegenwoordigde = self._claim(claims, settings.OIDC_VERTEGENWOORDIGDE_CLAIM)
        gemachtigde = self._claim(claims, settings.OIDC_GEMACHTIGDE_CLAIM)
        kvk = kvk if len(kvk) == 8 and kvk.isdigit() else ""
        bsn = bsn if is_valid_bsn(bsn) else ""
        middel = EHERKENNING if kvk else DIGID
        niveau = niveau_uit(
            self._claim(claims, settings.OIDC_LOA_CLAIM),
            settings.OIDC_STANDAARDNIVEAU[middel],
        )
        vestiging = self._claim(claims, settings.OIDC_VESTIGING_CLAIM)
        vestiging = vestiging if len(vestiging) == 12 and vestiging.isdigit() else ""
        if vertegenwoordigde:
            # Acting on someone's behalf: the customer is the one acted for.
            wie = gemachtigde or bsn or kvk
            if not is_valid_bsn(vertegenwoordigde) or not wie:
                return None
            soort = Machtiging.DIGID_MACHTIGEN if middel == DIGID else Machtiging.BEWINDVOERING
            inlog = Inlog(
                middel=middel,
                niveau=niveau,
                machtiging=soort,
                gemachtigde=wie,
                vestigingsnummer=vestiging if middel == EHERKENNING else "",
            )
            return {"bsn": vertegenwoordigde}, inlog
        if kvk:
            return {"kvk_nummer": kvk}, Inlog(middel, niveau, vestigingsnummer=vestiging)
        if bsn:
            return {"bsn": bsn}, Inlog(middel, niveau)
        return None

    def verify_claims(self, claims) -> bool:
        return self._gelezen(claims) is not None

    def _gelezen(self, claims):
        """The claims read once per login (verify_claims comes first)."""
        if getattr(self, "_gelezen_van", None) is not claims:
            self._gevonden, self._gelezen_van = self._klant_en_inlog(claims), claims
        return self._gevonden

    def filter_users_by_claims(self, claims):
        gevonden = self._gelezen(claims)
        if gevonden is None:
            return User.objects.none()
        return User.objects.filter(is_active=True, **gevonden[0])

    def create_user(self, claims):
        return klant_gebruiker(**self._gelezen(claims)[0])

    def update_user(self, user, claims):
        return user

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None and getattr(self, "_gevonden", None):
            inlog_meegeven(user, self._gevonden[1])
        return user
