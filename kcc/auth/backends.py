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
    """user_logged_in: a citizen's session ends after PORTAL_SESSION_SECONDS idle.

    Connected for every login route (simulator and OIDC broker) alike.
    """
    if user.is_klant and request is not None and hasattr(request, "session"):
        request.session.set_expiry(settings.PORTAL_SESSION_SECONDS)


class SimulatorBackend(BaseBackend):
    """Authenticates whoever the DigiD/eHerkenning simulator page names."""

    def authenticate(self, request, *, simulator_bsn=None, simulator_kvk=None, **kwargs):
        if simulator_bsn is not None and settings.DIGID_BACKEND == "simulator":
            if not is_valid_bsn(simulator_bsn):
                return None
            user = klant_gebruiker(bsn=simulator_bsn)
        elif simulator_kvk is not None and settings.EHERKENNING_BACKEND == "simulator":
            if len(simulator_kvk) != 8 or not simulator_kvk.isdigit():
                return None
            user = klant_gebruiker(kvk_nummer=simulator_kvk)
        else:
            return None
        return user if user.is_active else None

    def get_user(self, user_id):
        return User.objects.filter(pk=user_id, is_active=True).first()


class BrokerOIDCBackend(OIDCAuthenticationBackend):
    """DigiD and eHerkenning through an OIDC broker that returns a BSN or KVK claim."""

    def _identifier(self, claims) -> dict[str, str]:
        bsn = str(claims.get(settings.OIDC_BSN_CLAIM) or "")
        kvk = str(claims.get(settings.OIDC_KVK_CLAIM) or "")
        if bsn and is_valid_bsn(bsn):
            return {"bsn": bsn}
        if kvk and len(kvk) == 8 and kvk.isdigit():
            return {"kvk_nummer": kvk}
        return {}

    def verify_claims(self, claims) -> bool:
        return bool(self._identifier(claims))

    def filter_users_by_claims(self, claims):
        identifier = self._identifier(claims)
        if not identifier:
            return User.objects.none()
        return User.objects.filter(is_active=True, **identifier)

    def create_user(self, claims):
        return klant_gebruiker(**self._identifier(claims))

    def update_user(self, user, claims):
        return user
