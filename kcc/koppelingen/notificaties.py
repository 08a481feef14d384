"""Notifications to subscribers, in the form of the Notificaties API.

How a notification travels (as the customers' messages do, kanalen.berichten):
1. ``melden`` is called in the transaction of the change it tells about; it
   writes one ``Notificatie`` per abonnement that wants it (a rolled-back
   change leaves none) and, on commit, queues ``kcc.tasks.notificatie_afleveren``.
2. The worker claims the row (``SELECT ... FOR UPDATE SKIP LOCKED``), posts
   the message to the callback URL outside the transaction, and records the
   outcome: a 2xx is delivered; anything else is tried again with an
   exponential backoff, and after MAX_POGINGEN it is "mislukt", visible in the
   beheer, where it can be sent again.
3. Beat runs ``wachtrij_verwerken`` every minute: what is due is queued, and
   a claim older than LEASE (the worker died) goes back to the queue.

Delivery is at least once: a receiver recognises a repeat by the message's
content (as the standard asks of receivers).
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import timedelta

import requests
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kcc.koppelingen.models import Abonnement, Notificatie, NotificatieStatus

logger = logging.getLogger(__name__)

MAX_POGINGEN = 8
LEASE = timedelta(minutes=5)
TIMEOUT = 10
BROKER_PAUZE_SECONDEN = 30
# The kanalen the platform publishes, with the kenmerken each message carries.
KANALEN = {"zaken": ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"]}

_broker_pauze_tot = 0.0


def bericht(
    *,
    kanaal: str,
    hoofd_object: str,
    resource: str,
    resource_url: str,
    actie: str,
    kenmerken: dict[str, str],
) -> dict:
    return {
        "kanaal": kanaal,
        "hoofdObject": hoofd_object,
        "resource": resource,
        "resourceUrl": resource_url,
        "actie": actie,
        "aanmaakdatum": timezone.now().isoformat(),
        "kenmerken": {naam: str(waarde) for naam, waarde in kenmerken.items()},
    }


_ABONNEMENTEN_VERSIE = "kcc:koppelingen:abonnementen"
_abonnementen: tuple[str | None, list[Abonnement]] = ("", [])


def abonnementen_gewijzigd(**kwargs) -> None:
    """An abonnement was saved or deleted: every process reads them again."""
    cache.set(_ABONNEMENTEN_VERSIE, uuid.uuid4().hex, timeout=None)


def _actieve_abonnementen() -> list[Abonnement]:
    """The active abonnementen, read again only when one changed (a version
    in the shared cache), so a change to a case costs no query for them."""
    global _abonnementen
    versie = cache.get(_ABONNEMENTEN_VERSIE)
    if versie is None or versie != _abonnementen[0]:
        if versie is None:
            versie = uuid.uuid4().hex
            cache.set(_ABONNEMENTEN_VERSIE, versie, timeout=None)
        _abonnementen = (versie, list(Abonnement.objects.filter(actief=True)))
    return _abonnementen[1]


def melden(**velden) -> list[Notificatie]:
    """Write the message for every active abonnement that wants it; queued
    for delivery when the surrounding transaction commits."""
    inhoud = bericht(**velden)
    rijen = [
        Notificatie(abonnement=abonnement, kanaal=inhoud["kanaal"], bericht=inhoud)
        for abonnement in _actieve_abonnementen()
        if abonnement.ontvangt(inhoud["kanaal"], inhoud["kenmerken"])
    ]
    if not rijen:
        return []
    rijen = Notificatie.objects.bulk_create(rijen)
    ids = [rij.pk for rij in rijen]
    transaction.on_commit(lambda: _in_wachtrij_zetten(ids))
    return rijen


def _in_wachtrij_zetten(ids: list[int]) -> None:
    global _broker_pauze_tot
    from kcc.tasks import notificatie_afleveren

    if time.monotonic() < _broker_pauze_tot:
        return
    try:
        for pk in ids:
            notificatie_afleveren.delay(pk)
    except Exception:  # broker unreachable: beat picks the rows up later
        _broker_pauze_tot = time.monotonic() + BROKER_PAUZE_SECONDEN
        logger.warning("Broker unreachable; notifications wait for beat", exc_info=True)


def kanalen_controleren(kanalen) -> list[dict]:
    """The kanalen of an abonnement: a list of ``{"naam", "filters"}`` with
    known kanalen and, as filters, only that kanaal's kenmerken."""
    fout = _(
        'Geef de kanalen als [{"naam": "zaken", "filters": {}}]; bekende kanalen: %(namen)s.'
    ) % {"namen": ", ".join(KANALEN)}
    if not isinstance(kanalen, list) or not kanalen:
        raise ValidationError(fout)
    for kanaal in kanalen:
        if not isinstance(kanaal, dict) or kanaal.get("naam") not in KANALEN:
            raise ValidationError(fout)
        filters = kanaal.get("filters") or {}
        if not isinstance(filters, dict) or not all(
            isinstance(waarde, str) and waarde for waarde in filters.values()
        ):
            raise ValidationError(fout)
        if set(filters) - set(KANALEN[kanaal["naam"]]):
            raise ValidationError(
                _("Op %(kanaal)s kan alleen gefilterd worden op %(kenmerken)s.")
                % {"kanaal": kanaal["naam"], "kenmerken": ", ".join(KANALEN[kanaal["naam"]])}
            )
    return [{"naam": k["naam"], "filters": dict(k.get("filters") or {})} for k in kanalen]


def posten(url: str, auth: str, inhoud: dict) -> requests.Response:
    koppen = {"Content-Type": "application/json"}
    if auth:
        koppen["Authorization"] = auth
    return requests.post(url, json=inhoud, headers=koppen, timeout=TIMEOUT)


def testbericht_sturen(callback_url: str, auth: str) -> None:
    """The message a new abonnement gets first; it must answer 2xx, else the
    abonnement is refused with the reason. In production only https: what is
    posted names the municipality's cases."""
    if settings.PRODUCTION and not callback_url.startswith("https://"):
        raise ValidationError(_("De callback-URL moet met https:// beginnen."))
    inhoud = bericht(
        kanaal="test",
        hoofd_object=f"{settings.ZGW_API_URL}/",
        resource="test",
        resource_url=f"{settings.ZGW_API_URL}/",
        actie="create",
        kenmerken={},
    )
    try:
        antwoord = posten(callback_url, auth, inhoud)
    except requests.RequestException as fout:
        raise ValidationError(
            _("De callback-URL is niet bereikbaar (%(fout)s).") % {"fout": type(fout).__name__}
        ) from None
    if not 200 <= antwoord.status_code < 300:
        raise ValidationError(
            _("De callback-URL antwoordde %(status)s op het testbericht; verwacht is 2xx.")
            % {"status": antwoord.status_code}
        )


def backoff(pogingen: int) -> timedelta:
    """1, 2, 4, 8 ... minutes after attempt 1, 2, 3 ..."""
    return timedelta(minutes=2 ** max(pogingen - 1, 0))


def _claimen(notificatie_id: int) -> Notificatie | None:
    with transaction.atomic():
        rij = (
            Notificatie.objects.select_for_update(skip_locked=True)
            .select_related("abonnement")
            .filter(
                pk=notificatie_id,
                status=NotificatieStatus.WACHTRIJ,
                volgende_poging__lte=timezone.now(),
            )
            .first()
        )
        if rij is None:
            return None
        rij.claimen()
        rij.geclaimd_op = timezone.now()
        rij.pogingen += 1
        rij.save(update_fields=["status", "geclaimd_op", "pogingen"])
        return rij


def afleveren(*, notificatie_id: int) -> str:
    """Deliver one notification if it is due and nobody else is delivering it."""
    rij = _claimen(notificatie_id)
    if rij is None:
        return "niet geclaimd"
    abonnement = rij.abonnement
    try:
        antwoord = posten(abonnement.callback_url, abonnement.auth, rij.bericht)
        fout = "" if 200 <= antwoord.status_code < 300 else f"HTTP {antwoord.status_code}"
    except requests.RequestException as error:
        fout = f"{type(error).__name__}: {error}"
    return _uitkomst(rij, fout=fout)


def _uitkomst(rij: Notificatie, *, fout: str) -> str:
    with transaction.atomic():
        geclaimd_op = rij.geclaimd_op
        rij = Notificatie.objects.select_for_update().get(pk=rij.pk)
        if rij.status != NotificatieStatus.BEZIG or rij.geclaimd_op != geclaimd_op:
            return "al afgehandeld"
        if not fout:
            rij.afgeleverd()
            rij.afgeleverd_op = timezone.now()
        elif rij.pogingen < MAX_POGINGEN:
            rij.later_opnieuw()
            rij.volgende_poging = timezone.now() + backoff(rij.pogingen)
        else:
            rij.mislukt()
            logger.warning("Notification %s failed for good: %s", rij.uuid, fout)
        rij.laatste_fout = fout[:500]
        rij.save()
        return rij.status


def wachtrij_verwerken(*, limit: int = 1000) -> int:
    """Beat: hand back stale claims, queue what is due. Returns how many were queued."""
    from kcc.tasks import notificatie_afleveren

    grens = timezone.now() - LEASE
    with transaction.atomic():
        for rij in Notificatie.objects.select_for_update(skip_locked=True).filter(
            status=NotificatieStatus.BEZIG, geclaimd_op__lt=grens
        )[:limit]:
            if rij.pogingen >= MAX_POGINGEN:
                rij.mislukt()
            else:
                rij.later_opnieuw()
            rij.laatste_fout = "De aflevering bleef steken; opnieuw in de wachtrij"
            rij.save()
    ids = list(
        Notificatie.objects.filter(
            status=NotificatieStatus.WACHTRIJ, volgende_poging__lte=timezone.now()
        )
        .order_by("volgende_poging", "id")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in ids:
        notificatie_afleveren.delay(pk)
    return len(ids)


@transaction.atomic
def opnieuw_versturen(*, notificaties) -> int:
    """Failed notifications back in the queue (the beheer's action)."""
    rijen = list(
        Notificatie.objects.select_for_update()
        .filter(pk__in=[n.pk for n in notificaties], status=NotificatieStatus.MISLUKT)
        .order_by("aangemaakt", "id")
    )
    for rij in rijen:
        rij.opnieuw_versturen()
        rij.pogingen = 0
        rij.volgende_poging = timezone.now()
        rij.save()
    ids = [rij.pk for rij in rijen]
    transaction.on_commit(lambda: _in_wachtrij_zetten(ids))
    return len(ids)
