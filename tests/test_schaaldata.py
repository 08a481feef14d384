"""The scale-data generator writes data the platform's own queries can use."""

import io

import pytest
from django.core.management import call_command

from kcc.identifiers import is_valid_bsn
from klanten.models import Klant
from zaken.models import EIND_STATUSSEN, GEEN_TERMIJN, StatusWijziging, Zaak

pytestmark = pytest.mark.django_db


def test_it_makes_valid_distinct_bsns():
    from kanalen.schaaldata import bsns

    reeks = list(bsns(2000))
    assert len(set(reeks)) == 2000
    assert all(is_valid_bsn(b) for b in reeks)


def test_it_fills_customers_and_cases_with_history_and_can_add_more(needs_postgres):
    call_command("schaaldata", klanten=300, zaken=600, stdout=io.StringIO())
    call_command("schaaldata", klanten=100, zaken=100, stdout=io.StringIO())
    nieuw = Klant.objects.filter(bsn__startswith="2") | Klant.objects.filter(
        kvk_nummer__startswith="3"
    )
    assert nieuw.count() == 400
    assert all(is_valid_bsn(k.bsn) for k in nieuw if k.bsn)
    zaken = Zaak.objects.exclude(klant__bsn__startswith="9")
    assert zaken.count() == 700
    assert len(set(zaken.values_list("nummer", flat=True))) == 700
    for zaak in zaken.prefetch_related("historie")[:200]:
        historie = list(zaak.historie.all())
        assert historie[0].naar == "ontvangen" and historie[-1].naar == zaak.status
        assert (zaak.afgesloten_op is not None) == (zaak.status in EIND_STATUSSEN)
        datums = [d for d in (zaak.streefdatum, zaak.uiterste_datum) if d]
        assert zaak.termijndatum == min(datums, default=GEEN_TERMIJN)
    assert StatusWijziging.objects.filter(zaak__in=zaken).count() >= 700
    # The number series goes on after the generated cases.
    from zaken import services

    jaar = Zaak.objects.latest("geregistreerd_op").geregistreerd_op.year
    assert services.volgend_zaaknummer(jaar=jaar) not in set(zaken.values_list("nummer", flat=True))
