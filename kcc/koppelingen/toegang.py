"""Who calls the standard APIs, and what they may read.

A ZGW call carries a JWT (HS256) signed with its applicatie's secret, with
the claims ``client_id``, ``iat``, ``user_id`` and ``user_representation``;
a Klantinteracties call carries ``Authorization: Token <token>``. Either way
the request's user is an ``ApiGebruiker``: the applicatie's rights
(``Toegang``) and the person it acts for, whom the audit log names.

An applicatie's rights are read once and kept in the process for
``TOEGANG_BEWAREN`` seconds: a change in the beheer takes effect within that
time on every server, at once on the one that saved it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import jwt
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, permissions

from kcc.choices import Vertrouwelijkheid
from kcc.koppelingen.models import Applicatie, token_hash

TOEGANG_BEWAREN = 10.0


@dataclass(frozen=True)
class Recht:
    """One scope's reach: every product up to ``overal`` (None: no product
    at all beyond those named), and named products up to their own maximum."""

    overal: str | None = None
    per_product: dict[int, str] = field(default_factory=dict)

    def groepen(self) -> list[tuple[list[int] | None, list[str]]]:
        """(product ids or None for all, the confidentialities allowed):
        one per distinct maximum, so a filter has at most one term per
        level however many products are granted."""
        per_maximum: dict[str, list[int]] = {}
        for product_id, maximum in self.per_product.items():
            per_maximum.setdefault(maximum, []).append(product_id)
        groepen: list[tuple[list[int] | None, list[str]]] = []
        if self.overal is not None:
            groepen.append((None, Vertrouwelijkheid.tot_en_met(self.overal)))
        for maximum, ids in sorted(per_maximum.items()):
            groepen.append((sorted(ids), Vertrouwelijkheid.tot_en_met(maximum)))
        return groepen

    def filter(self, *, product: str = "product_id", vertrouwelijkheid: str | None) -> Q:
        """The Q that keeps what this right reaches; ``vertrouwelijkheid`` is
        the field holding the object's confidentiality (None: the product's
        own maximum alone decides, as for a catalogue)."""
        delen = []
        for ids, toegestaan in self.groepen():
            deel = Q() if ids is None else Q(**{f"{product}__in": ids})
            if vertrouwelijkheid:
                deel &= Q(**{f"{vertrouwelijkheid}__in": toegestaan})
            if not deel:
                return Q()  # everything (an empty Q would vanish from an OR)
            delen.append(deel)
        voorwaarde = Q(pk__in=[])
        for deel in delen:
            voorwaarde |= deel
        return voorwaarde

    def staat_toe(self, product_id: int, vertrouwelijkheid: str | None = None) -> bool:
        maxima = [self.overal, self.per_product.get(product_id)]
        for maximum in maxima:
            if maximum is None:
                continue
            if vertrouwelijkheid is None or vertrouwelijkheid in Vertrouwelijkheid.tot_en_met(
                maximum
            ):
                return True
        return False


ALLES = Recht(overal=Vertrouwelijkheid.ZEER_GEHEIM)


@dataclass(frozen=True)
class Toegang:
    """An applicatie and its rights per scope."""

    applicatie_id: int
    label: str
    client_id: str
    secret: str
    alles: bool
    rechten: dict[str, Recht]

    def recht(self, scope: str) -> Recht | None:
        if self.alles:
            return ALLES
        return self.rechten.get(scope)


def _toegang_lezen(applicatie: Applicatie) -> Toegang:
    rechten: dict[str, dict] = {}
    for autorisatie in applicatie.autorisaties.all():
        for scope in autorisatie.scopes:
            recht = rechten.setdefault(scope, {"overal": None, "per_product": {}})
            maximum = autorisatie.max_vertrouwelijkheid
            if autorisatie.product_id is None:
                recht["overal"] = _hoogste(recht["overal"], maximum)
            else:
                huidig = recht["per_product"].get(autorisatie.product_id)
                recht["per_product"][autorisatie.product_id] = _hoogste(huidig, maximum)
    return Toegang(
        applicatie_id=applicatie.pk,
        label=applicatie.label,
        client_id=applicatie.client_id,
        secret=applicatie.secret,
        alles=applicatie.alle_rechten,
        rechten={scope: Recht(**waarden) for scope, waarden in rechten.items()},
    )


def _hoogste(a: str | None, b: str) -> str:
    if a is None:
        return b
    volgorde = list(Vertrouwelijkheid.values)
    return max(a, b, key=volgorde.index)


_bewaard: dict[tuple[str, str], tuple[float, Toegang | None]] = {}
_slot = threading.Lock()


def _toegang(soort: str, sleutel: str) -> Toegang | None:
    nu = time.monotonic()
    gevonden = _bewaard.get((soort, sleutel))
    if gevonden is not None and nu - gevonden[0] < TOEGANG_BEWAREN:
        return gevonden[1]
    zoek = {"client_id": sleutel} if soort == "client" else {"token_hash": sleutel}
    applicatie = (
        Applicatie.objects.filter(actief=True, **zoek).prefetch_related("autorisaties").first()
    )
    toegang = _toegang_lezen(applicatie) if applicatie else None
    with _slot:
        if len(_bewaard) > 1000:  # made-up client ids must not grow it without end
            _bewaard.clear()
        _bewaard[(soort, sleutel)] = (nu, toegang)
    return toegang


def vergeten(**kwargs) -> None:
    """An applicatie or its rights changed: read them again."""
    with _slot:
        _bewaard.clear()


class ApiGebruiker:
    """The request's user on the standard APIs: an applicatie acting for a
    person (``user_id``, as the JWT names them)."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False
    is_klant = False
    is_medewerker = False
    pk = None

    def __init__(self, toegang: Toegang, *, user_id: str = "", user_representation: str = ""):
        self.toegang = toegang
        self.user_id = user_id
        self.user_representation = user_representation

    def __str__(self):
        return self.toegang.label

    def get_username(self) -> str:
        return (
            f"{self.toegang.client_id}:{self.user_id}"[:150]
            if self.user_id
            else self.toegang.client_id
        )

    def rollen_label(self) -> str:
        return "applicatie"

    def has_perm(self, perm, obj=None) -> bool:
        return False


FOUTE_JWT = _("Het JWT is ongeldig: %(reden)s.")


class ZgwJwtAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <JWT>`` as the ZGW standards ask: HS256 with
    the applicatie's secret; ``iat`` required and not older than
    ``ZGW_JWT_GELDIGHEID`` seconds (an ``exp`` claim is checked as well)."""

    def authenticate(self, request):
        kop = request.META.get("HTTP_AUTHORIZATION", "")
        if not kop:
            return None
        soort, _spatie, waarde = kop.partition(" ")
        if soort.lower() != "bearer" or not waarde.strip():
            raise exceptions.AuthenticationFailed(
                _("Stuur een JWT als 'Authorization: Bearer <token>'.")
            )
        token = waarde.strip()
        try:
            kop_jwt = jwt.get_unverified_header(token)
            claims = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as fout:
            raise exceptions.AuthenticationFailed(FOUTE_JWT % {"reden": _("onleesbaar")}) from fout
        if kop_jwt.get("alg") != "HS256":
            raise exceptions.AuthenticationFailed(
                FOUTE_JWT % {"reden": _("alleen HS256 wordt geaccepteerd")}
            )
        client_id = claims.get("client_id") or claims.get("iss")
        toegang = _toegang("client", str(client_id)) if client_id else None
        if toegang is None:
            raise exceptions.AuthenticationFailed(
                FOUTE_JWT % {"reden": _("de client_id is niet bekend")}
            )
        try:
            claims = jwt.decode(
                token,
                toegang.secret,
                algorithms=["HS256"],
                options={"require": ["iat"], "verify_aud": False},
                leeway=settings.ZGW_JWT_SPELING,
            )
        except jwt.ExpiredSignatureError as fout:
            raise exceptions.AuthenticationFailed(FOUTE_JWT % {"reden": _("verlopen")}) from fout
        except jwt.PyJWTError as fout:
            raise exceptions.AuthenticationFailed(
                FOUTE_JWT % {"reden": _("de handtekening of de claims kloppen niet")}
            ) from fout
        iat = claims["iat"]
        if not isinstance(iat, int | float) or time.time() - iat > settings.ZGW_JWT_GELDIGHEID:
            raise exceptions.AuthenticationFailed(FOUTE_JWT % {"reden": _("verlopen")})
        gebruiker = ApiGebruiker(
            toegang,
            user_id=str(claims.get("user_id") or "")[:100],
            user_representation=str(claims.get("user_representation") or "")[:200],
        )
        return gebruiker, toegang


class TokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Token <token>``, as Open Klant's Klantinteracties API."""

    def authenticate(self, request):
        kop = request.META.get("HTTP_AUTHORIZATION", "")
        if not kop:
            return None
        soort, _spatie, waarde = kop.partition(" ")
        if soort.lower() != "token" or not waarde.strip():
            raise exceptions.AuthenticationFailed(
                _("Stuur het token van uw applicatie als 'Authorization: Token <token>'.")
            )
        toegang = _toegang("token", token_hash(waarde.strip()))
        if toegang is None:
            raise exceptions.AuthenticationFailed(_("Dit token is niet geldig."))
        return ApiGebruiker(toegang), toegang

    def authenticate_header(self, request):
        return "Token"


class HeeftScope(permissions.BasePermission):
    """The applicatie has the view's scope for at least one product (what it
    reaches is filtered further by the view)."""

    message = _("Uw applicatie heeft hiervoor geen autorisatie.")

    def has_permission(self, request, view) -> bool:
        gebruiker = request.user
        if not isinstance(gebruiker, ApiGebruiker):
            raise exceptions.NotAuthenticated(
                _("Er zijn geen inloggegevens meegestuurd (een JWT of token).")
            )
        return gebruiker.toegang.recht(view.scope) is not None
