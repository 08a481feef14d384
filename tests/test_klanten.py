"""Customers: finding them, their contacts on every channel, contactverzoeken,
consents, duplicates, the person register and retention."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kcc import kalender
from kcc.models import AuditLogEntry, Melding
from kcc.roles import Rol
from klanten import services
from klanten.models import Contactverzoek, ContactverzoekStatus, Klant, Klantcontact
from klanten.selectors import klanten_zoeken, mogelijke_dubbelen
from tests.factories import AfdelingFactory, KlantFactory, UserFactory, maak_kennisitem

pytestmark = pytest.mark.django_db


@pytest.fixture
def moulin():
    return KlantFactory(
        bsn="999993653",
        voornamen="Suzanne",
        geslachtsnaam="Moulin",
        geboortedatum="1985-03-14",
        email="S.Moulin@Example.nl",
        telefoon="06-12 34 56 78",
    )


@pytest.mark.parametrize(
    "zoekterm",
    [
        "0612345678",
        "06 12345678",
        "+31 6 1234 5678",
        "s.moulin@example.nl",
        "S.MOULIN@EXAMPLE.NL",
        "999993653",
        "moulin",
        "Suzanne Moulin",
        "moulin 14-03-1985",
        "1234AB 12",
    ],
)
def test_it_finds_a_customer_by_any_of_their_details(moulin, klantmanager, zoekterm):
    assert klanten_zoeken(zoekterm=zoekterm, user=klantmanager) == [moulin]


def test_it_stores_phone_and_email_in_one_form(moulin):
    assert (moulin.telefoon, moulin.email) == ("+31612345678", "s.moulin@example.nl")


def test_it_does_not_find_a_customer_with_the_wrong_birth_date(moulin, klantmanager):
    assert klanten_zoeken(zoekterm="moulin 15-03-1985", user=klantmanager) == []


def test_it_logs_every_customer_shown_in_the_results(moulin, klantmanager):
    klanten_zoeken(zoekterm="moulin", user=klantmanager)
    assert AuditLogEntry.objects.filter(betrokkene="999993653", actie="zoeken").count() == 1


def test_it_tolerates_typos_in_names_on_postgresql(klantmanager):
    mulder = KlantFactory(bsn="999997087", voornamen="Lotte", geslachtsnaam="Mulder")
    assert klanten_zoeken(zoekterm="Mullder", user=klantmanager) == [mulder]


@pytest.mark.parametrize(
    "zoekterm",
    ["mulder", "0612345678", "mulder 24-12-1988", "l.mulder@example.nl", "1234AD 17", "30001234"],
)
def test_a_customer_search_never_scans_every_customer_on_postgresql(zoekterm):
    from django.db import connection

    from klanten.selectors import zoekopdracht

    qs = Klant.objects.filter(zoekopdracht(zoekterm).filters)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = qs.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "Seq Scan" not in plan, plan


def test_it_makes_a_customer_from_the_person_register_on_first_contact(klantmanager):
    klant = services.klant_met_bsn(bsn="999991772", user=klantmanager)
    assert (klant.naam, klant.postcode, klant.brp_bijgewerkt_op is not None) == (
        "Aylin Demir",
        "1235BD",
        True,
    )
    assert services.klant_met_bsn(bsn="999991772", user=klantmanager) == klant
    assert services.klant_met_bsn(bsn="123456782", user=klantmanager) is None
    assert Klant.objects.count() == 1


def test_it_reads_a_person_from_the_haal_centraal_brp_api(settings, monkeypatch):
    from klanten import brp

    settings.BRP_BACKEND = "haalcentraal"
    settings.BRP_API_URL = "https://brp.example.nl/api/"
    settings.BRP_API_KEY = "sleutel"
    gevraagd = {}

    class Antwoord:
        status_code = 200

        def json(self):
            return {
                "type": "RaadpleegMetBurgerservicenummer",
                "personen": [
                    {
                        "burgerservicenummer": "999993653",
                        "naam": {"voornamen": "Suzanne", "geslachtsnaam": "Moulin"},
                        "geboorte": {"datum": {"type": "Datum", "datum": "1985-03-14"}},
                        "verblijfplaats": {
                            "verblijfadres": {
                                "officieleStraatnaam": "Stationsstraat",
                                "huisnummer": 12,
                                "huisletter": "a",
                                "postcode": "1234 AB",
                                "woonplaats": "Voorbeeldstad",
                            }
                        },
                        "geheimhoudingPersoonsgegevens": True,
                    }
                ],
            }

    def post(url, json, headers, timeout):
        gevraagd.update(url=url, body=json, headers=headers)
        return Antwoord()

    monkeypatch.setattr("requests.post", post)
    persoon = brp.persoon_opvragen("999993653")
    assert gevraagd["url"] == "https://brp.example.nl/api/personen"
    assert gevraagd["body"]["type"] == "RaadpleegMetBurgerservicenummer"
    assert gevraagd["headers"]["X-Api-Key"] == "sleutel"
    assert (persoon.huisnummer, persoon.postcode, persoon.geheimhouding) == ("12a", "1234AB", True)
    assert str(persoon.geboortedatum) == "1985-03-14"

    def kapot(*args, **kwargs):
        import requests

        raise requests.ConnectionError("weg")

    monkeypatch.setattr("requests.post", kapot)
    with pytest.raises(brp.BrpNietBereikbaar):
        brp.persoon_opvragen("999993653")


def test_it_registers_a_contact_answered_at_once_from_the_knowledge_base(moulin, klantmanager):
    from producten.models import KennisGebruik

    item = maak_kennisitem("Hoe lang is een paspoort geldig?", "Tien jaar.")
    begin = timezone.now() - timedelta(minutes=5)
    contact = services.klantcontact_registreren(
        klant=moulin,
        user=klantmanager,
        kanaal="telefoon",
        vraag="Hoe lang is mijn paspoort geldig?",
        antwoord=item.antwoord,
        kennisitem=item,
        kennis_geholpen=True,
        in_een_keer_goed=True,
        tijd=services.Contacttijd(gestart_op=begin),
    )
    assert contact.in_een_keer_goed and contact.medewerker == klantmanager
    assert 290 <= contact.duur_seconden <= 320
    assert KennisGebruik.objects.get().geholpen is True
    assert AuditLogEntry.objects.filter(object_id=str(contact.uuid)).exists()


def test_it_counts_an_anonymous_question_too(klantmanager):
    contact = services.klantcontact_registreren(
        klant=None,
        user=klantmanager,
        kanaal="balie",
        vraag="Waar is het stadhuis?",
        in_een_keer_goed=True,
    )
    assert contact.klant is None and Klantcontact.objects.count() == 1


def test_it_refuses_an_empty_contact_and_writes_nothing(moulin, klantmanager):
    with pytest.raises(ValidationError) as fout:
        services.klantcontact_registreren(klant=moulin, user=klantmanager, kanaal="telefoon")
    assert "vraag" in fout.value.message_dict
    with pytest.raises(ValidationError):
        services.klantcontact_registreren(
            klant=moulin, user=klantmanager, kanaal="duif", vraag="Hallo"
        )
    assert not Klantcontact.objects.exists()


def test_it_hands_a_question_over_as_a_contactverzoek_with_a_deadline(moulin, klantmanager):
    wi = AfdelingFactory(code="werk-inkomen", naam="Werk en Inkomen")
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-wi")
    leider.afdelingen.add(wi)
    contact = services.klantcontact_registreren(
        klant=moulin,
        user=klantmanager,
        kanaal="telefoon",
        vraag="Wanneer krijg ik mijn uitkering?",
        in_een_keer_goed=False,
        overgedragen_aan=wi,
    )
    services.klantcontact_doorzetten(contact=contact, user=klantmanager, afdeling=wi)
    verzoek = Contactverzoek.objects.get()
    assert (verzoek.klantcontact, verzoek.afdeling, verzoek.telefoon) == (
        contact,
        wi,
        "+31612345678",
    )
    assert verzoek.uiterlijk_op == kalender.werkdagen_optellen(timezone.localdate(), 2)
    [melding] = Melding.objects.filter(ontvanger=leider)
    assert "uitkering" in melding.titel

    behandelaar = UserFactory(rollen=[Rol.BEHANDELAAR], username="bh-wi")
    vreemde = UserFactory(rollen=[Rol.BEHANDELAAR], username="bh-vth")
    behandelaar.afdelingen.add(wi)
    with pytest.raises(PermissionDenied):
        services.contactverzoek_oppakken(contactverzoek=verzoek, user=vreemde)
    services.contactverzoek_oppakken(contactverzoek=verzoek, user=behandelaar)
    with pytest.raises(ValidationError):
        services.contactverzoek_oppakken(contactverzoek=verzoek, user=behandelaar)
    with pytest.raises(ValidationError):
        services.contactverzoek_afhandelen(contactverzoek=verzoek, user=behandelaar, uitkomst=" ")
    klaar = services.contactverzoek_afhandelen(
        contactverzoek=verzoek, user=behandelaar, uitkomst="Teruggebeld: betaling op de 25e."
    )
    assert klaar.status == ContactverzoekStatus.AFGEHANDELD
    assert klaar.medewerker == behandelaar and klaar.afgehandeld_op is not None


def test_it_flags_and_escalates_a_late_contactverzoek_once(moulin, klantmanager):
    wi = AfdelingFactory(code="werk-inkomen")
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-wi2")
    leider.afdelingen.add(wi)
    verzoek = services.contactverzoek_maken(
        klant=moulin, user=klantmanager, vraag="Bel terug", afdeling=wi
    )
    Melding.objects.all().delete()
    vandaag = timezone.localdate()
    Contactverzoek.objects.filter(pk=verzoek.pk).update(
        signaaldatum=vandaag - timedelta(days=3), uiterlijk_op=vandaag - timedelta(days=1)
    )
    assert services.contactverzoeken_bewaken() == ([verzoek.pk], [verzoek.pk])
    assert services.contactverzoeken_bewaken() == ([], [])
    assert Melding.objects.filter(ontvanger=leider, soort="escalatie").count() == 1


def test_it_needs_a_way_back_for_an_anonymous_contactverzoek(klantmanager):
    with pytest.raises(ValidationError) as fout:
        services.contactverzoek_maken(
            klant=None, user=klantmanager, vraag="Bel mij", afdeling=AfdelingFactory()
        )
    assert "telefoon" in fout.value.message_dict
    assert not Contactverzoek.objects.exists()


def test_it_corrects_contact_details_with_clear_messages(moulin, klantmanager):
    with pytest.raises(ValidationError) as fout:
        services.klant_contactgegevens_wijzigen(
            klant=moulin,
            user=klantmanager,
            email="geen-adres",
            telefoon="12",
            berichtvoorkeur="sms",
        )
    assert set(fout.value.message_dict) == {"email", "telefoon"}
    klant = services.klant_contactgegevens_wijzigen(
        klant=moulin, user=klantmanager, email="", telefoon="06 87654321", berichtvoorkeur="sms"
    )
    assert (klant.telefoon, klant.email, klant.berichtvoorkeur) == ("+31687654321", "", "sms")
    with pytest.raises(ValidationError) as fout:
        services.klant_contactgegevens_wijzigen(
            klant=klant, user=klantmanager, email="", telefoon="", berichtvoorkeur="email"
        )
    assert "berichtvoorkeur" in fout.value.message_dict


def test_it_records_consents_given_and_withdrawn(moulin, klantmanager):
    services.toestemming_geven(
        klant=moulin, user=klantmanager, soort="gegevens_hergebruiken", via="telefoon"
    )
    services.toestemming_geven(
        klant=moulin, user=klantmanager, soort="gegevens_hergebruiken", via="telefoon"
    )
    assert services.heeft_toestemming(moulin, "gegevens_hergebruiken")
    assert (
        services.toestemming_intrekken(
            klant=moulin, user=klantmanager, soort="gegevens_hergebruiken"
        )
        == 1
    )
    assert not services.heeft_toestemming(moulin, "gegevens_hergebruiken")
    assert moulin.toestemmingen.count() == 1


def test_it_merges_a_duplicate_keeping_all_history(moulin, klantmanager, teamleider):
    from kanalen.models import Bericht
    from tests.factories import maak_product
    from zaken import services as zaken_services

    dubbel = KlantFactory(
        bsn=None,
        voornamen="Suzanne",
        geslachtsnaam="Moulin",
        geboortedatum="1985-03-14",
        email="",
        telefoon="0201234567",
    )
    assert mogelijke_dubbelen(klant=moulin) == [dubbel]
    services.klantcontact_registreren(
        klant=dubbel, user=klantmanager, kanaal="balie", vraag="Vraag", in_een_keer_goed=True
    )
    product = maak_product(kanalen=[("balie", True, "1.00")])
    zaak = zaken_services.zaak_registreren(
        klant=dubbel, product=product, kanaal="balie", user=klantmanager
    )
    with pytest.raises(PermissionDenied):
        services.klanten_samenvoegen(behouden=moulin, opheffen=dubbel, user=klantmanager)
    services.klanten_samenvoegen(behouden=moulin, opheffen=dubbel, user=teamleider)
    dubbel = Klant.objects.get(pk=dubbel.pk)
    moulin = Klant.objects.get(pk=moulin.pk)
    assert dubbel.samengevoegd_in == moulin
    assert moulin.contacten.count() == 1 and moulin.zaken.get() == zaak
    assert Bericht.objects.filter(klant=dubbel).count() == 0
    assert Bericht.objects.filter(klant=moulin).exists()
    assert moulin.telefoon == "+31612345678"  # kept its own
    assert AuditLogEntry.objects.filter(omschrijving__icontains="samengevoegd").count() == 2
    assert klanten_zoeken(zoekterm="moulin", user=klantmanager) == [moulin]
    # A contact registered on the old record lands on the merged one.
    contact = services.klantcontact_registreren(
        klant=dubbel, user=klantmanager, kanaal="telefoon", vraag="Nog een", in_een_keer_goed=True
    )
    assert contact.klant == moulin


def test_it_refuses_to_merge_two_people_with_their_own_bsn(moulin, teamleider):
    ander = KlantFactory(bsn="999990019")
    with pytest.raises(ValidationError):
        services.klanten_samenvoegen(behouden=moulin, opheffen=ander, user=teamleider)
    assert Klant.objects.filter(samengevoegd_in__isnull=False).count() == 0


def test_it_anonymises_old_contact_notes_but_keeps_the_figures(moulin, klantmanager, settings):
    settings.KLANTCONTACT_BEWAARTERMIJN_DAGEN = 365
    oud, nieuw = (
        services.klantcontact_registreren(
            klant=moulin,
            user=klantmanager,
            kanaal="telefoon",
            onderwerp="Afval",
            vraag="Mijn buurman ...",
            antwoord="Wij gaan kijken.",
            namens="zoon",
            in_een_keer_goed=True,
            tijd=services.Contacttijd(
                gestart_op=timezone.now() - timedelta(days=dagen),
                beeindigd_op=timezone.now() - timedelta(days=dagen) + timedelta(minutes=3),
            ),
        )
        for dagen in (400, 10)
    )
    assert services.klantcontacten_anonimiseren(batch=1) == 1
    assert services.klantcontacten_anonimiseren() == 0
    oud = Klantcontact.objects.get(pk=oud.pk)
    assert (oud.vraag, oud.antwoord, oud.namens) == ("", "", "")
    assert (oud.onderwerp, oud.in_een_keer_goed, oud.duur_seconden) == ("Afval", True, 180)
    assert Klantcontact.objects.get(pk=nieuw.pk).vraag == "Mijn buurman ..."


def test_a_merged_registrations_phone_number_and_email_still_find_the_customer(
    client, klantmanager, teamleider
):
    from kanalen.post import services as post_services
    from kanalen.telefonie.services import bellers
    from klanten.selectors import klanten_zoeken

    behouden = KlantFactory(
        bsn="999993653", geslachtsnaam="Moulin", telefoon="+31612345678", email="s@example.nl"
    )
    dubbel = KlantFactory(
        bsn=None, geslachtsnaam="Moulin", telefoon="+31687654321", email="oud@example.nl"
    )
    services.klanten_samenvoegen(behouden=behouden, opheffen=dubbel, user=teamleider)
    # Search, the call's screen pop and the inbox find the one who remains.
    for term in ("06 87654321", "oud@example.nl"):
        assert klanten_zoeken(zoekterm=term, user=klantmanager) == [behouden], term
    assert bellers("0687654321") == [behouden]
    sms = post_services.sms_ontvangen(van="+31687654321", tekst="Nog een vraag")
    assert sms.klant == behouden
    # Never twice, when both numbers match.
    assert klanten_zoeken(zoekterm="Moulin", user=klantmanager) == [behouden]
