"""Norm realisation of closed cases: the daily sums give exactly what
counting the cases gives, for any period and product filter, also after a
case is reopened and for today (never summed)."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from kcc.roles import Rol
from producten.models import Thema
from tests.factories import KlantFactory, UserFactory, maak_product
from zaken import normrealisatie, services
from zaken.models import NormrealisatieDag, NormrealisatiePerDag, Zaak, ZaakStatus
from zaken.selectors import normrealisatie_zaken

pytestmark = pytest.mark.django_db


def _moment(dagen_terug: int, uur: int) -> datetime:
    dag = timezone.localdate() - timedelta(days=dagen_terug)
    return datetime.combine(dag, time(uur, 30), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def producten(db):
    paspoort = maak_product(kanalen=[("balie", True, "84.40")])
    afval = maak_product(
        "afval",
        "Afvalcontainer",
        afdeling_code="openbare-ruimte",
        kanalen=[("internet", True, "0.00")],
    )
    afval.themas.set([Thema.objects.create(slug="afval", naam="Afval")])
    return [paspoort, afval]


def _gesloten_zaken(producten, rnd: random.Random, aantal: int, dagen: int = 30):
    klant = KlantFactory()
    medewerker = UserFactory(rollen=[Rol.KLANTMANAGER])
    for _ in range(aantal):
        product = rnd.choice(producten)
        zaak = services.zaak_registreren(
            klant=klant,
            product=product,
            kanaal="balie" if product.code == "paspoort" else "internet",
            user=medewerker,
        )
        gesloten = _moment(rnd.randrange(dagen), rnd.randrange(24))
        dag = timezone.localdate(gesloten)
        Zaak.objects.filter(pk=zaak.pk).update(
            status=rnd.choice(
                [ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN, ZaakStatus.INGETROKKEN]
            ),
            afgesloten_op=gesloten,
            streefdatum=rnd.choice([None, dag, dag - timedelta(days=1), dag + timedelta(days=2)]),
            uiterste_datum=rnd.choice([None, dag, dag - timedelta(days=3)]),
        )


def test_the_daily_sums_equal_counting_the_cases(producten):
    _gesloten_zaken(producten, random.Random(8), 120)
    vandaag = timezone.localdate()
    thema = Thema.objects.get(slug="afval")
    perioden = [
        (vandaag - timedelta(days=30), vandaag + timedelta(days=1)),
        (vandaag - timedelta(days=7), vandaag),
        (vandaag - timedelta(days=12), vandaag - timedelta(days=11)),
        (vandaag, vandaag + timedelta(days=1)),
    ]
    filters = [None, Q(product__themas=thema), Q(product__afdeling=producten[0].afdeling)]
    verwacht = {
        (i, j): normrealisatie.per_product(van=van, tot=tot, product_filter=pf)
        for i, (van, tot) in enumerate(perioden)
        for j, pf in enumerate(filters)
    }
    assert not NormrealisatieDag.objects.exists()  # so far: counted from the cases

    gebouwd = normrealisatie.bijwerken()
    assert vandaag not in gebouwd and vandaag - timedelta(days=1) in gebouwd
    assert NormrealisatiePerDag.objects.exists()
    assert len(normrealisatie.opgebouwde_dagen(vandaag - timedelta(days=30), vandaag)) >= 29
    for (i, j), figures in verwacht.items():
        van, tot = perioden[i]
        assert normrealisatie.per_product(van=van, tot=tot, product_filter=filters[j]) == figures
    # Withdrawn cases do not count; the rest all do.
    totaal = sum(r["aantal"] for r in verwacht[(0, 0)].values())
    assert (
        totaal
        == Zaak.objects.filter(status__in=[ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN]).count()
    )
    # A second run builds only the last day again.
    assert normrealisatie.bijwerken() == [vandaag - timedelta(days=1)]


def test_a_reopened_case_leaves_its_old_day_at_once(producten):
    tl = UserFactory(rollen=[Rol.TEAMLEIDER])
    tl.afdelingen.add(producten[0].afdeling)
    zaak = services.zaak_registreren(
        klant=KlantFactory(), product=producten[0], kanaal="balie", user=tl
    )
    services.zaak_in_behandeling_nemen(zaak=zaak, user=tl)
    services.zaak_afhandelen(zaak=zaak, user=tl, resultaat="Paspoort uitgereikt")
    drie_dagen = _moment(3, 10)
    Zaak.objects.filter(pk=zaak.pk).update(afgesloten_op=drie_dagen)
    normrealisatie.bijwerken()
    van, tot = timezone.localdate() - timedelta(days=7), timezone.localdate()
    assert timezone.localdate(drie_dagen) in normrealisatie.opgebouwde_dagen(van, tot)
    [regel] = normrealisatie_zaken(van=van, tot=tot)
    assert (regel["product"], regel["aantal"]) == ("Paspoort aanvragen", 1)

    services.zaak_heropenen(zaak=Zaak.objects.get(pk=zaak.pk), user=tl, reden="Verkeerde foto")
    assert normrealisatie_zaken(van=van, tot=tot) == []
    normrealisatie.bijwerken()
    assert normrealisatie_zaken(van=van, tot=tot) == []


def test_a_day_built_before_it_ended_is_not_trusted(producten):
    _gesloten_zaken(producten, random.Random(3), 6, dagen=1)  # all today
    vandaag = timezone.localdate()
    normrealisatie.dag_opbouwen(vandaag)
    assert normrealisatie.opgebouwde_dagen(vandaag, vandaag + timedelta(days=1)) == set()
    # A case closed after that build still counts.
    _gesloten_zaken(producten, random.Random(4), 3, dagen=1)
    figuren = normrealisatie.per_product(van=vandaag, tot=vandaag + timedelta(days=1))
    assert (
        sum(r["aantal"] for r in figuren.values())
        == Zaak.objects.filter(status__in=[ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN]).count()
    )
