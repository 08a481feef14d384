"""The scale-data generator writes data the platform's own queries can use."""

import io

import pytest
from django.core.management import call_command

from kcc.identifiers import is_valid_bsn
from klanten.models import Klant, Klantcontact
from zaken.models import EIND_STATUSSEN, GEEN_TERMIJN, StatusWijziging, Zaak

pytestmark = pytest.mark.django_db


def test_it_makes_valid_distinct_bsns():
    from kcc.devdata.schaaldata import bsns

    reeks = list(bsns(2000))
    assert len(set(reeks)) == 2000
    assert all(is_valid_bsn(b) for b in reeks)


def _indexen_en_sleutels(tabel):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [tabel])
        indexen = {r[0] for r in cursor.fetchall()}
        cursor.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass",
            [tabel],
        )
        return indexen, {r[0] for r in cursor.fetchall()}


def test_it_fills_customers_and_cases_with_history_and_can_add_more():
    voor = _indexen_en_sleutels("klanten_klantcontact")
    call_command("schaaldata", klanten=300, zaken=600, contacten=2000, stdout=io.StringIO())
    call_command(
        "schaaldata", klanten=100, zaken=100, contacten=500, lange_historie="", stdout=io.StringIO()
    )
    nieuw = Klant.objects.filter(bsn__startswith="2") | Klant.objects.filter(
        kvk_nummer__startswith="3"
    )
    assert nieuw.count() == 400
    assert all(is_valid_bsn(k.bsn) for k in nieuw if k.bsn)
    # Phone numbers as a search normalises them: an agent finds every caller.
    from kcc.telefoon import normaliseer_telefoon

    assert all(normaliseer_telefoon(k.telefoon) == k.telefoon for k in nieuw if k.telefoon)
    # The big batch was loaded without indexes and keys; they are all back.
    assert _indexen_en_sleutels("klanten_klantcontact") == voor
    assert len(voor[0]) >= 10 and len(voor[1]) >= 6
    moulin = Klant.objects.get(bsn="999993653")  # the demo customer with the long history
    zaken = Zaak.objects.exclude(klant__bsn__startswith="9")
    assert zaken.count() == 700
    assert moulin.zaken.count() >= 150 and moulin.contacten.count() >= 2500
    # 2,500 contacts for the new customers, about 8% of them anonymous.
    bekend = Klantcontact.objects.filter(klant__in=nieuw).count()
    assert 2100 < bekend < 2400
    assert Klantcontact.objects.filter(klant__isnull=True).count() >= 2500 - bekend
    assert Klantcontact.objects.filter(in_een_keer_goed=True).count() > 0.7 * bekend
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
    # The demo's norm sums were built before these cases came into their
    # days: after the next build the sums count them too.
    from datetime import timedelta

    from django.utils import timezone

    from zaken import normrealisatie

    normrealisatie.bijwerken()
    periode = {"van": timezone.localdate() - timedelta(days=800), "tot": timezone.localdate()}
    uit_sommen = normrealisatie.per_product(**periode)
    normrealisatie.alles_vervalt()
    assert uit_sommen == normrealisatie.per_product(**periode)  # now from the cases


def test_it_adds_queue_events_and_ratings_for_the_dashboard():
    from django.db.models import Avg, Count

    from kanalen.models import Beoordeling, Wachtrijgebeurtenis

    call_command("demo_data", stdout=io.StringIO())
    voor = Klantcontact.objects.order_by("-id").values_list("id", flat=True).first() or 0
    Wachtrijgebeurtenis.objects.all().delete()
    call_command(
        "schaaldata", klanten=200, zaken=0, contacten=3000, lange_historie="", stdout=io.StringIO()
    )
    wachtrij = Klantcontact.objects.filter(
        id__gt=voor, kanaal__in=["telefoon", "chat", "balie"], richting="inkomend"
    ).count()
    soorten = dict(
        Wachtrijgebeurtenis.objects.values_list("soort").annotate(n=Count("id")).order_by()
    )
    # Every queued contact was offered and answered; about 7% more gave up.
    assert soorten["beantwoord"] == wachtrij
    assert 0.03 * wachtrij < soorten["verlaten"] < 0.12 * wachtrij
    assert soorten["aangeboden"] == soorten["beantwoord"] + soorten["verlaten"]
    wacht = Wachtrijgebeurtenis.objects.filter(soort="beantwoord")
    telefoon = wacht.filter(kanaal="telefoon").aggregate(a=Avg("wachttijd_seconden"))["a"]
    balie = wacht.filter(kanaal="balie").aggregate(a=Avg("wachttijd_seconden"))["a"]
    assert 5 < telefoon < 60 and balie > 5 * telefoon
    beoordelingen = Beoordeling.objects.filter(klantcontact_id__gt=voor)
    bekend = Klantcontact.objects.filter(id__gt=voor, klant__isnull=False).count()
    assert 0.03 * bekend < beoordelingen.count() < 0.1 * bekend
    assert set(beoordelingen.values_list("score", flat=True)) <= {1, 2, 3, 4, 5}
    assert beoordelingen.filter(score__gte=4).count() > 0.5 * beoordelingen.count()
