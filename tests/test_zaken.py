"""Cases: registration, lifecycle, deadlines, compound requests, conflicts."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kcc import kalender
from kcc.models import Melding
from kcc.roles import Rol
from tests.factories import AfdelingFactory, KlantFactory, UserFactory, maak_product
from zaken import services
from zaken.models import StatusWijziging, Zaak, ZaakStatus
from zaken.signals import zaak_gewijzigd

pytestmark = pytest.mark.django_db


@pytest.fixture
def paspoort():
    return maak_product(
        wettelijke_termijn_aantal=8,
        wettelijke_termijn_eenheid="weken",
        kanalen=[("balie", True, "84.40"), ("internet", True, "80.00")],
    )


@pytest.fixture
def burgerzaken_behandelaar(paspoort):
    user = UserFactory(rollen=[Rol.BEHANDELAAR], username="bz")
    user.afdelingen.add(paspoort.afdeling)
    return user


@pytest.fixture
def zaak(klant, paspoort, klantmanager):
    return services.zaak_registreren(
        klant=klant, product=paspoort, kanaal="telefoon", user=klantmanager
    )


def haal(zaak):
    # Protected FSM fields cannot be refreshed in place: fetch anew.
    return Zaak.objects.get(pk=zaak.pk)


def test_it_registers_a_case_with_a_number_and_its_deadlines(zaak, paspoort):
    vandaag = timezone.localdate()
    assert zaak.nummer == f"ZAAK-{vandaag.year}-000001"
    assert zaak.status == ZaakStatus.ONTVANGEN
    assert zaak.afdeling == paspoort.afdeling
    assert zaak.streefdatum == kalender.servicenorm_einde(vandaag, 5, "werkdagen")
    assert zaak.uiterste_datum == kalender.wettelijke_termijn_einde(vandaag, 8, "weken")
    assert zaak.productversie.inhoud["servicenorm"] == [5, "werkdagen"]
    [eerste] = zaak.historie.all()
    assert (eerste.van, eerste.naar, eerste.klant_informeren) == ("", "ontvangen", True)


def test_it_numbers_cases_one_after_the_other(klant, paspoort, klantmanager):
    nummers = [
        services.zaak_registreren(
            klant=klant, product=paspoort, kanaal="balie", user=klantmanager
        ).nummer
        for _ in range(3)
    ]
    assert [n[-6:] for n in nummers] == ["000001", "000002", "000003"]


def test_it_refuses_a_product_that_is_not_offered_or_only_information(klant, klantmanager):
    concept = maak_product("concept", "Concept", publiceren=False)
    info = maak_product("info", "Info", kanalen=[("telefoon", False, None)])
    for product in [concept, info]:
        with pytest.raises(ValidationError):
            services.zaak_registreren(
                klant=klant, product=product, kanaal="telefoon", user=klantmanager
            )
    assert not Zaak.objects.exists()


def test_it_lets_a_citizen_apply_only_where_the_product_can_be_requested(klant, burger):
    balie_only = maak_product("rijbewijs", "Rijbewijs", kanalen=[("balie", True, "52.00")])
    with pytest.raises(ValidationError, match="niet via dit kanaal"):
        services.zaak_registreren(klant=klant, product=balie_only, kanaal="internet", user=burger)


def test_it_works_a_case_through_its_lifecycle(zaak, burgerzaken_behandelaar):
    user = burgerzaken_behandelaar
    zaak = services.zaak_in_behandeling_nemen(zaak=zaak, user=user)
    assert zaak.behandelaar == user
    zaak = services.zaak_wacht_op_klant(zaak=zaak, user=user, vraag="Stuur een nieuwe pasfoto")
    assert zaak.opgeschort_op == timezone.localdate()
    zaak = services.zaak_hervatten(zaak=zaak, user=user)
    zaak = services.zaak_statusstap_zetten(zaak=zaak, user=user, stap="Ligt klaar")
    zaak = services.zaak_afhandelen(zaak=zaak, user=user, resultaat="Paspoort uitgereikt")
    assert haal(zaak).status == ZaakStatus.AFGEHANDELD
    stappen = [(h.van, h.naar, h.statusstap) for h in zaak.historie.all()]
    assert stappen == [
        ("", "ontvangen", ""),
        ("ontvangen", "in_behandeling", ""),
        ("in_behandeling", "wacht_op_klant", ""),
        ("wacht_op_klant", "in_behandeling", ""),
        ("in_behandeling", "in_behandeling", "Ligt klaar"),
        ("in_behandeling", "afgehandeld", ""),
    ]
    teksten = [h.burgertekst for h in zaak.historie.filter(klant_informeren=True)]
    assert "Uw paspoort ligt klaar." in teksten
    assert any("Stuur een nieuwe pasfoto" in t for t in teksten)


def test_it_refuses_an_invalid_transition_and_changes_nothing(zaak, burgerzaken_behandelaar):
    with pytest.raises(services.ZaakConflict, match="status 'Ontvangen'"):
        services.zaak_afhandelen(zaak=zaak, user=burgerzaken_behandelaar, resultaat="Klaar")
    assert haal(zaak).status == ZaakStatus.ONTVANGEN
    assert zaak.historie.count() == 1


def test_it_lets_only_the_afdeling_or_a_teamleider_work_the_case(zaak, klantmanager, teamleider):
    andere = UserFactory(rollen=[Rol.BEHANDELAAR], username="vth")
    andere.afdelingen.add(AfdelingFactory(code="vergunningen"))
    for user in [andere, klantmanager]:
        with pytest.raises(PermissionDenied):
            services.zaak_in_behandeling_nemen(zaak=zaak, user=user)
    services.zaak_in_behandeling_nemen(zaak=zaak, user=teamleider)


def test_it_reports_a_conflict_when_the_case_changed_on_screen(
    zaak, burgerzaken_behandelaar, teamleider
):
    services.zaak_in_behandeling_nemen(zaak=zaak, user=teamleider)
    with pytest.raises(services.ZaakConflict, match="intussen door iemand anders"):
        services.zaak_afwijzen(
            zaak=zaak,
            user=burgerzaken_behandelaar,
            reden="Onvolledig",
            verwachte_status=ZaakStatus.ONTVANGEN,
        )


def test_a_case_past_its_norm_stays_late_when_its_clock_stopped_on_a_sunday(zaak):
    # Norm on Friday 20 November, waiting for the customer from Sunday 22
    # November, answered on Wednesday 2 December: still late, not due today.
    zaak.streefdatum = date(2026, 11, 20)
    zaak.opgeschort_op = date(2026, 11, 22)
    services._na_opschorting(zaak, date(2026, 12, 2))
    assert zaak.streefdatum < date(2026, 12, 2)
    assert zaak.opgeschort_op is None


@pytest.mark.parametrize("streef_na_stop", [3, -2])  # 3 working days left; 2 days late
def test_it_moves_every_deadline_on_by_the_time_the_clock_stood_still(
    zaak, burgerzaken_behandelaar, streef_na_stop
):
    user = burgerzaken_behandelaar
    services.zaak_in_behandeling_nemen(zaak=zaak, user=user)
    services.zaak_wacht_op_klant(zaak=zaak, user=user, vraag="Pasfoto")
    # The customer took ten days to answer.
    vandaag = timezone.localdate()
    gestopt = vandaag - timedelta(days=10)
    if streef_na_stop > 0:
        streef = kalender.werkdagen_optellen(gestopt, streef_na_stop)
    else:
        streef = gestopt - timedelta(days=-streef_na_stop)
    ruw = gestopt + timedelta(days=30)
    Zaak.objects.filter(pk=zaak.pk).update(
        opgeschort_op=gestopt, streefdatum=streef, uiterste_datum_ruw=ruw
    )
    zaak = services.zaak_hervatten(zaak=haal(zaak), user=user)
    stil = kalender.werkdagen_tussen(gestopt, vandaag)
    verschoven = kalender.werkdagen_optellen(streef, stil)
    if streef_na_stop < 0:
        assert zaak.streefdatum == min(verschoven, vandaag - timedelta(days=1))
        assert zaak.streefdatum < vandaag  # a late case stays late
    else:
        assert zaak.streefdatum == verschoven
    assert zaak.uiterste_datum_ruw == ruw + timedelta(days=10)
    assert zaak.uiterste_datum == kalender.atw_toepassen(
        timezone.localdate(zaak.geregistreerd_op), ruw + timedelta(days=10)
    )
    assert zaak.opgeschort_op is None


def test_it_extends_the_legal_term_once_with_a_reason(zaak, burgerzaken_behandelaar):
    user = burgerzaken_behandelaar
    ruw = zaak.uiterste_datum_ruw
    zaak = services.zaak_verlengen(zaak=zaak, user=user, weken=4, reden="Advies nodig")
    assert zaak.uiterste_datum_ruw == ruw + timedelta(weeks=4)
    assert zaak.uiterste_datum == kalender.atw_toepassen(
        timezone.localdate(zaak.geregistreerd_op), ruw + timedelta(weeks=4)
    )
    assert "Advies nodig" in zaak.historie.last().burgertekst
    with pytest.raises(ValidationError, match="al een keer verlengd"):
        services.zaak_verlengen(zaak=zaak, user=user, weken=2, reden="Nog meer")


def test_it_splits_a_compound_request_and_closes_it_with_its_last_part(klant, klantmanager):
    from producten import services as producten_services
    from producten.models import Product, ProductOnderdeel

    maak_product("verhuizing-doorgeven", "Verhuizing doorgeven", afdeling_code="burgerzaken")
    maak_product("afvalcontainer", "Afvalcontainer", afdeling_code="openbare-ruimte")
    verhuizing = maak_product("verhuizing", "Verhuizing", publiceren=False, afdeling=None)
    for volgorde, code in enumerate(["verhuizing-doorgeven", "afvalcontainer"]):
        ProductOnderdeel.objects.create(
            samengesteld=verhuizing, onderdeel=Product.objects.get(code=code), volgorde=volgorde
        )
    producten_services.product_publiceren(product=verhuizing)
    hoofd = services.zaak_registreren(
        klant=klant, product=verhuizing, kanaal="balie", user=klantmanager
    )
    delen = list(hoofd.deelzaken.order_by("nummer"))
    assert [d.afdeling.code for d in delen] == ["burgerzaken", "openbare-ruimte"]
    tl = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl2")
    for deel in delen:
        services.zaak_in_behandeling_nemen(zaak=deel, user=tl)
        assert haal(hoofd).status == ZaakStatus.IN_BEHANDELING
    services.zaak_afhandelen(zaak=delen[0], user=tl, resultaat="Verwerkt")
    assert haal(hoofd).status == ZaakStatus.IN_BEHANDELING
    with pytest.raises(ValidationError, match="deelzaken"):
        services.zaak_afhandelen(zaak=hoofd, user=tl, resultaat="Klaar")
    services.zaak_afhandelen(zaak=delen[1], user=tl, resultaat="Container geleverd")
    assert haal(hoofd).status == ZaakStatus.AFGEHANDELD


def test_it_lets_the_customer_withdraw_their_own_request_only(zaak, burger):
    other = UserFactory(username="ander")
    from django.contrib.auth.models import Group

    other.bsn = "999990019"
    other.save()
    other.groups.add(Group.objects.get(name=Rol.BURGER))
    with pytest.raises(PermissionDenied):
        services.zaak_intrekken(zaak=zaak, user=other)
    services.zaak_intrekken(zaak=zaak, user=burger, reden="Niet meer nodig")
    assert haal(zaak).status == ZaakStatus.INGETROKKEN


def test_it_lets_only_a_teamleider_reopen(zaak, burgerzaken_behandelaar, teamleider):
    services.zaak_in_behandeling_nemen(zaak=zaak, user=burgerzaken_behandelaar)
    services.zaak_afhandelen(zaak=zaak, user=burgerzaken_behandelaar, resultaat="Klaar")
    with pytest.raises(PermissionDenied):
        services.zaak_heropenen(zaak=zaak, user=burgerzaken_behandelaar, reden="Fout")
    services.zaak_heropenen(zaak=zaak, user=teamleider, reden="Verkeerde foto gebruikt")
    zaak = services.zaak_in_behandeling_nemen(zaak=zaak, user=teamleider)
    assert zaak.status == ZaakStatus.IN_BEHANDELING


def test_it_announces_each_change_inside_the_transaction(zaak, burgerzaken_behandelaar):
    ontvangen = []

    def receiver(sender, zaak, wijziging, **kwargs):
        ontvangen.append((zaak.status, wijziging.naar))

    zaak_gewijzigd.connect(receiver)
    try:
        services.zaak_in_behandeling_nemen(zaak=zaak, user=burgerzaken_behandelaar)
    finally:
        zaak_gewijzigd.disconnect(receiver)
    assert ontvangen == [("in_behandeling", "in_behandeling")]


def test_it_keeps_the_status_field_protected(zaak):
    with pytest.raises(AttributeError):
        zaak.status = ZaakStatus.AFGEHANDELD


@pytest.mark.django_db(transaction=True)
def test_it_lets_exactly_one_of_two_concurrent_transitions_win():
    import threading

    from django.db import connection

    from tests.factories import maak_product as maak

    product = maak(kanalen=[("balie", True, "84.40")])
    klant = KlantFactory(bsn="999993653")
    tl = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-concurrent")
    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=tl)
    services.zaak_in_behandeling_nemen(zaak=zaak, user=tl)

    start = threading.Barrier(2)
    uitkomsten = []

    def werk(actie):
        try:
            start.wait()
            if actie == "afhandelen":
                services.zaak_afhandelen(zaak=zaak, user=tl, resultaat="Klaar")
            else:
                services.zaak_afwijzen(zaak=zaak, user=tl, reden="Onvolledig")
            uitkomsten.append("gelukt")
        except services.ZaakConflict as conflict:
            uitkomsten.append(str(conflict))
        finally:
            connection.close()

    threads = [threading.Thread(target=werk, args=(a,)) for a in ["afhandelen", "afwijzen"]]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(uitkomsten)[1] == "gelukt" and uitkomsten.count("gelukt") == 1, uitkomsten
    assert any("Dit kan niet" in u for u in uitkomsten)
    eind = StatusWijziging.objects.filter(zaak=zaak, van="in_behandeling").exclude(
        naar="in_behandeling"
    )
    assert eind.count() == 1


@pytest.mark.django_db(transaction=True)
def test_it_hands_out_unique_numbers_under_concurrency():
    import threading

    from django.db import connection

    nummers = []

    def werk():
        try:
            for _ in range(10):
                nummers.append(services.volgend_zaaknummer(jaar=2026))
        finally:
            connection.close()

    threads = [threading.Thread(target=werk) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(nummers) == 50 == len(set(nummers))


def test_it_puts_the_80_percent_signal_on_the_right_working_day():
    from datetime import date

    # 5 working days from Thursday 2 April 2026 end on Monday 13 April (Good
    # Friday and Easter Monday are skipped); 80% is the 4th working day, the 10th.
    assert kalender.werkdagen_optellen(date(2026, 4, 2), 5) == date(2026, 4, 13)
    assert services.signaaldatum(date(2026, 4, 2), date(2026, 4, 13), None) == date(2026, 4, 10)
    assert services.signaaldatum(date(2026, 3, 2), None, date(2026, 3, 12)) == date(2026, 3, 10)


def test_it_flags_and_escalates_each_case_exactly_once(klant, paspoort, klantmanager, monkeypatch):
    live = []
    monkeypatch.setattr("kcc.realtime.push_to_user", lambda uuid, event: live.append((uuid, event)))
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-burgerzaken")
    leider.afdelingen.add(paspoort.afdeling)

    vandaag = timezone.localdate()
    bijna, te_laat, wacht = (
        services.zaak_registreren(klant=klant, product=paspoort, kanaal="balie", user=klantmanager)
        for _ in range(3)
    )
    Zaak.objects.filter(pk=bijna.pk).update(
        signaaldatum=vandaag, streefdatum=vandaag + timedelta(days=2)
    )
    Zaak.objects.filter(pk__in=[te_laat.pk, wacht.pk]).update(
        signaaldatum=vandaag - timedelta(days=5),
        streefdatum=vandaag - timedelta(days=1),
        termijndatum=vandaag - timedelta(days=1),
    )
    tl = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-x")
    services.zaak_in_behandeling_nemen(zaak=bijna, user=tl)
    services.zaak_in_behandeling_nemen(zaak=wacht, user=tl)
    services.zaak_wacht_op_klant(zaak=wacht, user=tl, vraag="Pasfoto")

    gesignaleerd, geescaleerd = services.termijnen_bewaken()
    assert sorted(gesignaleerd) == sorted([bijna.pk, te_laat.pk])
    assert geescaleerd == [te_laat.pk]
    assert services.termijnen_bewaken() == ([], [])
    assert Zaak.objects.get(pk=wacht.pk).geescaleerd_op is None

    # The behandelaar hears of the 80% mark, the afdeling's teamleider of the
    # escalation: stored for when they log in, and pushed live.
    [signaal] = Melding.objects.filter(ontvanger=tl)
    assert signaal.soort == Melding.Soort.SIGNAAL
    assert bijna.nummer in signaal.titel
    [escalatie] = Melding.objects.filter(ontvanger=leider)
    assert escalatie.soort == Melding.Soort.ESCALATIE
    assert te_laat.nummer in escalatie.titel
    assert escalatie.url == f"/kcc/zaken/{te_laat.uuid}/"
    assert sorted(str(uuid) for uuid, _ in live) == sorted([str(tl.uuid), str(leider.uuid)])


def test_it_reports_a_case_the_afdeling_did_not_pick_up_in_time_once(klant, paspoort, klantmanager):
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-oppak")
    leider.afdelingen.add(paspoort.afdeling)
    zaak = services.zaak_registreren(
        klant=klant, product=paspoort, kanaal="balie", user=klantmanager
    )
    vandaag = timezone.localdate()
    assert zaak.oppakken_uiterlijk == kalender.werkdagen_optellen(
        vandaag, paspoort.afdeling.oppaknorm_werkdagen
    )
    Zaak.objects.filter(pk=zaak.pk).update(oppakken_uiterlijk=vandaag - timedelta(days=1))
    services.termijnen_bewaken()
    services.termijnen_bewaken()
    [melding] = Melding.objects.filter(ontvanger=leider)
    assert melding.soort == Melding.Soort.NIET_OPGEPAKT
    services.zaak_in_behandeling_nemen(zaak=zaak, user=leider)
    assert haal(zaak).opgepakt_op is not None


def test_it_limits_a_back_office_teamleider_to_their_own_afdeling(zaak):
    vth_leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-vth")
    vth_leider.afdelingen.add(AfdelingFactory(code="vergunningen"))
    with pytest.raises(PermissionDenied):
        services.zaak_in_behandeling_nemen(zaak=zaak, user=vth_leider)
    kcc_leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-kcc")
    kcc_leider.afdelingen.add(AfdelingFactory(code="kcc"))
    services.zaak_in_behandeling_nemen(zaak=zaak, user=kcc_leider)


def test_it_assigns_only_colleagues_who_can_work_cases(zaak, burgerzaken_behandelaar, teamleider):
    from kcc.models import AuditLogEntry

    gewone = UserFactory(rollen=[Rol.KLANTMANAGER], username="km-x")
    gewone.afdelingen.add(zaak.afdeling)
    with pytest.raises(ValidationError, match="geen zaken behandelen"):
        services.zaak_toewijzen(zaak=zaak, user=teamleider, behandelaar=gewone)
    services.zaak_toewijzen(zaak=zaak, user=teamleider, behandelaar=burgerzaken_behandelaar)
    assert haal(zaak).behandelaar == burgerzaken_behandelaar
    assert AuditLogEntry.objects.filter(object_id=str(zaak.uuid), actie="wijzigen").exists()


def test_it_refuses_a_request_with_wrong_answers_and_writes_nothing(klant, klantmanager):
    from producten.models import Formuliervraag
    from producten.services import product_gewijzigd

    product = maak_product("uittreksel", "Uittreksel", kanalen=[("telefoon", True, "14.00")])
    Formuliervraag.objects.create(
        product=product, sleutel="aantal", vraag="Hoeveel?", soort="getal", maximum=5
    )
    product_gewijzigd(product=product)
    with pytest.raises(ValidationError) as fout:
        services.zaak_registreren(
            klant=klant,
            product=product,
            kanaal="telefoon",
            user=klantmanager,
            antwoorden={"aantal": "12"},
        )
    assert list(fout.value.message_dict) == ["aantal"]
    assert not Zaak.objects.exists() and not StatusWijziging.objects.exists()
    zaak = services.zaak_registreren(
        klant=klant, product=product, kanaal="telefoon", user=klantmanager, antwoorden={"aantal": 2}
    )
    assert zaak.antwoorden == {"aantal": 2}
    assert zaak.antwoorden_leesbaar() == [("Hoeveel?", "2")]


def test_the_portal_lists_open_cases_by_deadline_then_closed_ones_latest_closed_first(
    klant, paspoort, klantmanager
):
    from zaken.selectors import eigen_zaken

    zaken = [
        services.zaak_registreren(klant=klant, product=paspoort, kanaal="balie", user=klantmanager)
        for _ in range(4)
    ]
    nu = timezone.now()
    # Registered in this order, closed the other way round; one still open.
    for zaak, dagen in zip(zaken[:3], (1, 5, 3), strict=True):
        Zaak.objects.filter(pk=zaak.pk).update(
            status=ZaakStatus.AFGEHANDELD, afgesloten_op=nu - timedelta(days=dagen)
        )
    volgorde = [z.pk for z in eigen_zaken(klant=klant)]
    assert volgorde == [zaken[3].pk, zaken[0].pk, zaken[2].pk, zaken[1].pk]
