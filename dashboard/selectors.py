"""Read-only figures for the managers' dashboard."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from kcc.models import Afdeling, AuditLogEntry
from kcc.roles import Rol


def bezetting_per_afdeling() -> list[Afdeling]:
    """Active afdelingen with the number of active staff per role."""
    actief = Q(medewerkers__is_active=True)
    return list(
        Afdeling.objects.filter(actief=True)
        .annotate(
            medewerkers_totaal=Count("medewerkers", filter=actief, distinct=True),
            behandelaars=Count(
                "medewerkers",
                filter=actief & Q(medewerkers__groups__name=Rol.BEHANDELAAR),
                distinct=True,
            ),
            klantmanagers=Count(
                "medewerkers",
                filter=actief & Q(medewerkers__groups__name=Rol.KLANTMANAGER),
                distinct=True,
            ),
        )
        .order_by("naam")
    )


def inzage_persoonsgegevens(*, dagen: int = 7) -> list[dict]:
    """How often staff looked up customers in the last ``dagen`` days, per role."""
    sinds = timezone.now() - timedelta(days=dagen)
    Actie = AuditLogEntry.Actie
    rows = (
        AuditLogEntry.objects.filter(tijdstip__gte=sinds, actie__in=[Actie.INZIEN, Actie.ZOEKEN])
        .values("rollen", "actie")
        .annotate(aantal=Count("id"))
        .order_by("rollen", "actie")
    )
    labels = dict(Rol.choices)
    return [
        {
            **row,
            "rollen_label": ", ".join(labels.get(code, code) for code in row["rollen"].split(", ")),
            "actie_label": Actie(row["actie"]).label,
        }
        for row in rows
    ]
