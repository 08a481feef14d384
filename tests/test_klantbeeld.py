"""The klantbeeld as an agent uses it: find the caller, see every contact on
every channel, answer from the knowledge base, register the contact, hand
over, and see a colleague's work arrive live."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from kanalen.werkplek.consumers import KlantbeeldConsumer
from kcc.models import AuditLogEntry, Melding
from kcc.roles import Rol
from klanten import services
from klanten.models import Contactverzoek, Klant, Klantcontact, Toestemming
from tests.factories import (
    AfdelingFactory,
    KlantFactory,
    UserFactory,
    maak_kennisitem,
    maak_product,
)
from zaken import services as zaken_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def beller():
    return KlantFactory(
        bsn="999993653",
        voornamen="Suzanne",
        geslachtsnaam="Moulin",
        telefoon="06 12345678",
        email="suzanne@example.nl",
    )


@pytest.fixture
def paspoort():
    return maak_product(kanalen=[("balie", True, "84.40"), ("telefoon", False, None)])


def _contact(klant, user, kanaal, vraag, gestart_op=None, **kwargs):
    return services.klantcontact_registreren(
        klant=klant,
        user=user,
        kanaal=kanaal,
        vraag=vraag,
        in_een_keer_goed=True,
        tijd=services.Contacttijd(gestart_op=gestart_op),
        **kwargs,
    )


def test_an_agent_finds_the_caller_by_phone_and_sees_every_channel(
    client, klantmanager, beller, paspoort
):
    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega")
    _contact(beller, collega, "balie", "Vraag aan de balie over parkeren")
    _contact(beller, collega, "email", "Mail over de afvalpas")
    zaken_services.zaak_registreren(klant=beller, product=paspoort, kanaal="balie", user=collega)
    client.force_login(klantmanager)

    zoeken = client.post("/kcc/", {"q": "+31 6 1234 5678"}, follow=True).content.decode()
    assert f"/kcc/klanten/{beller.uuid}/" in zoeken

    pagina = client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    for tekst in ["Vraag aan de balie over parkeren", "Mail over de afvalpas", paspoort.naam]:
        assert tekst in pagina
    assert AuditLogEntry.objects.filter(
        gebruiker=klantmanager, betrokkene="999993653", actie="inzien"
    ).exists()


def test_an_agent_answers_from_the_knowledge_base_and_registers_the_contact(
    client, klantmanager, beller, paspoort
):
    item = maak_kennisitem(
        "Hoe lang is een paspoort geldig?",
        "Tien jaar voor volwassenen.",
        trefwoorden="paspoort geldig",
        producten=[paspoort],
    )
    client.force_login(klantmanager)
    url = f"/kcc/klanten/{beller.uuid}/"
    gezocht = client.get(url, {"kennis": "paspoort geldig"}).content.decode()
    assert "Hoe lang is een paspoort geldig?" in gezocht

    gekozen = client.get(url, {"kennisitem": str(item.uuid)}).content.decode()
    assert "Tien jaar voor volwassenen." in gekozen  # the answer, ready in the form

    response = client.post(
        f"{url}contact/",
        {
            "kanaal": "telefoon",
            "richting": "inkomend",
            "product": str(paspoort.uuid),
            "onderwerp": "Geldigheid paspoort",
            "vraag": "Hoe lang is mijn paspoort geldig?",
            "antwoord": "Tien jaar voor volwassenen.",
            "kennisitem": str(item.uuid),
            "kennis_geholpen": "ja",
            "in_een_keer_goed": "ja",
            "vervolg": "geen",
        },
    )
    assert response.status_code == 302
    contact = Klantcontact.objects.get()
    assert (contact.klant, contact.kennisitem, contact.kennis_geholpen) == (beller, item, True)
    assert (contact.in_een_keer_goed, contact.medewerker) == (True, klantmanager)
    assert item.gebruik.filter(geholpen=True).count() == 1
    assert "Hoe lang is mijn paspoort geldig?" in client.get(url).content.decode()


def test_the_contact_forms_knowledge_search_keeps_what_the_agent_typed(
    client, klantmanager, beller, paspoort
):
    """Without JavaScript the search posts the contact form: it comes back
    with the answers, everything typed and the contact's start time, and
    nothing is registered until the agent says so."""
    item = maak_kennisitem(
        "Hoe lang is een paspoort geldig?",
        "Tien jaar voor volwassenen.",
        trefwoorden="paspoort geldig",
        producten=[paspoort],
    )
    client.force_login(klantmanager)
    url = f"/kcc/klanten/{beller.uuid}/"
    getypt = {
        "kanaal": "telefoon",
        "richting": "inkomend",
        "onderwerp": "",
        "vraag": "Mijn paspoort verloopt, hoe lang is het geldig?",
        "gestart_op": "2026-12-06 09:58:12",
        "vervolg": "geen",
    }
    gezocht = client.post(
        f"{url}contact/", {**getypt, "kennis": "paspoort geldig", "kennis_zoeken": "1"}
    )
    pagina = gezocht.content.decode()
    assert gezocht.status_code == 200
    assert "Hoe lang is een paspoort geldig?" in pagina
    assert "Mijn paspoort verloopt, hoe lang is het geldig?" in pagina
    assert 'value="2026-12-06 09:58:12"' in pagina  # the start time, kept
    assert not Klantcontact.objects.exists()

    gekozen = client.post(
        f"{url}contact/",
        {**getypt, "onderwerp": "Verlopen", "kennisitem_kiezen": str(item.uuid)},
    ).content.decode()
    assert "Tien jaar voor volwassenen." in gekozen
    assert "Mijn paspoort verloopt, hoe lang is het geldig?" in gekozen
    assert 'value="Verlopen"' in gekozen  # the agent's own subject stays
    assert f'value="{item.uuid}"' in gekozen
    assert not Klantcontact.objects.exists()


def test_a_knowledge_search_from_the_contact_form_that_finds_nothing_is_counted(
    client, klantmanager, beller
):
    from producten.models import OnbeantwoordeZoekvraag

    client.force_login(klantmanager)
    url = f"/kcc/klanten/{beller.uuid}/"
    client.get(url, {"kennis": "zwembad openingstijden"})
    client.post(f"{url}contact/", {"kennis": "zwembad openingstijden", "kennis_zoeken": "1"})
    fragment = client.get("/kcc/kennisbank/contact/", {"kennis": "zwembad openingstijden"})
    assert "Niets gevonden in de kennisbank" in fragment.content.decode()
    rij = OnbeantwoordeZoekvraag.objects.get()
    assert (rij.zoekterm, rij.aantal, rij.bron) == ("zwembad openingstijden", 3, "werkplek")
    # Sending the form back with a mistake shows the answers again; that is
    # not a new search.
    client.post(f"{url}contact/", {"kennis": "zwembad openingstijden", "kanaal": "telefoon"})
    rij.refresh_from_db()
    assert rij.aantal == 3


def test_a_contact_form_with_mistakes_shows_them_and_writes_nothing(client, klantmanager, beller):
    client.force_login(klantmanager)
    response = client.post(
        f"/kcc/klanten/{beller.uuid}/contact/",
        {"kanaal": "telefoon", "richting": "inkomend", "vervolg": "contactverzoek"},
    )
    pagina = response.content.decode()
    assert response.status_code == 400
    assert "Kies ja of nee." in pagina
    assert "Kies de afdeling of collega die de klant terugbelt." in pagina
    assert not Klantcontact.objects.exists() and not Contactverzoek.objects.exists()


def test_a_question_for_a_colleague_becomes_their_contactverzoek_with_a_notice(
    client, klantmanager, beller, burger
):
    collega = UserFactory(rollen=[Rol.BEHANDELAAR], username="terugbeller", first_name="Ria")
    client.force_login(klantmanager)
    response = client.post(
        f"/kcc/klanten/{beller.uuid}/contact/",
        {
            "kanaal": "telefoon",
            "richting": "inkomend",
            "vraag": "Wanneer wordt de stoep gerepareerd?",
            "in_een_keer_goed": "nee",
            "vervolg": "contactverzoek",
            "medewerker": str(collega.uuid),
        },
    )
    assert response.status_code == 302
    verzoek = Contactverzoek.objects.get()
    assert (verzoek.medewerker, verzoek.klant, verzoek.telefoon) == (
        collega,
        beller,
        "+31612345678",
    )
    assert Melding.objects.filter(ontvanger=collega).count() == 1
    bevestiging = client.get(response["Location"]).content.decode()
    assert "Het contactverzoek staat bij Ria" in bevestiging and "None" not in bevestiging

    client.force_login(collega)
    lijst = client.get("/kcc/contactverzoeken/").content.decode()
    assert "Wanneer wordt de stoep gerepareerd?" in lijst
    # The customer has a phone number: "called back" is ticked already.
    assert f'id="teruggebeld-{verzoek.uuid}" name="teruggebeld" value="1" checked' in lijst
    client.post("/kcc/contactverzoeken/", {"verzoek": str(verzoek.uuid), "actie": "oppakken"})
    client.post(
        "/kcc/contactverzoeken/",
        {
            "verzoek": str(verzoek.uuid),
            "actie": "afhandelen",
            "uitkomst": "Volgende week.",
            "teruggebeld": "1",
        },
    )
    verzoek = Contactverzoek.objects.get()
    assert (verzoek.status, verzoek.uitkomst) == ("afgehandeld", "Volgende week.")
    # The call back is a contact of its own, outgoing, that answered it.
    terug = verzoek.beantwoord_in
    assert (terug.kanaal, terug.richting, terug.medewerker, terug.klant) == (
        "telefoon",
        "uitgaand",
        collega,
        beller,
    )
    assert terug.antwoord == "Volgende week." and terug.in_een_keer_goed is None

    # One thread on the klantbeeld: question -> contactverzoek -> call back.
    client.force_login(klantmanager)
    beeld = client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    vraag = verzoek.klantcontact
    assert f'id="tijdlijn-{vraag.uuid}"' in beeld and f'id="tijdlijn-{terug.uuid}"' in beeld
    assert f'<a href="#tijdlijn-{verzoek.uuid}">Leidde tot een contactverzoek</a>' in beeld
    assert f'<a href="#tijdlijn-{vraag.uuid}">Naar aanleiding van een contact</a>' in beeld
    assert f'<a href="#tijdlijn-{terug.uuid}">Beantwoord in een contact</a>' in beeld
    assert f'<a href="#tijdlijn-{verzoek.uuid}">Antwoord op een contactverzoek</a>' in beeld

    # And for the customer in Mijn contacten.
    client.force_login(burger)  # logged in with the BSN of `beller`
    eigen = client.get("/pip/mijn-contacten/").content.decode()
    assert "Naar aanleiding van uw contact van" in eigen and "Wij belden u terug op" in eigen


def test_a_contactverzoek_handled_without_a_call_registers_no_contact(client, klantmanager, beller):
    verzoek = services.contactverzoek_maken(
        klant=beller, user=klantmanager, vraag="Mail mij", medewerker=klantmanager
    )
    client.force_login(klantmanager)
    client.post(
        "/kcc/contactverzoeken/",
        {"verzoek": str(verzoek.uuid), "actie": "afhandelen", "uitkomst": "Gemaild."},
    )
    verzoek = Contactverzoek.objects.get()
    assert verzoek.status == "afgehandeld" and verzoek.beantwoord_in is None
    assert not Klantcontact.objects.filter(richting="uitgaand").exists()


def test_another_agent_cannot_touch_a_contactverzoek_that_is_not_theirs(
    client, klantmanager, beller
):
    afdeling = AfdelingFactory(naam="Wegen")
    verzoek = services.contactverzoek_maken(
        klant=beller, user=klantmanager, vraag="Stoep", afdeling=afdeling
    )
    buitenstaander = UserFactory(rollen=[Rol.BEHANDELAAR], username="elders")
    client.force_login(buitenstaander)
    assert "Stoep" not in client.get("/kcc/contactverzoeken/").content.decode()
    response = client.post(
        "/kcc/contactverzoeken/", {"verzoek": str(verzoek.uuid), "actie": "oppakken"}
    )
    assert response.status_code == 404
    assert Contactverzoek.objects.get().status == "open"


def test_a_new_case_from_the_contact_opens_the_products_form(
    client, klantmanager, beller, paspoort
):
    client.force_login(klantmanager)
    response = client.post(
        f"/kcc/klanten/{beller.uuid}/contact/",
        {
            "kanaal": "telefoon",
            "richting": "inkomend",
            "product": str(paspoort.uuid),
            "vraag": "Ik wil een paspoort aanvragen",
            "in_een_keer_goed": "ja",
            "vervolg": "zaak",
        },
    )
    contact = Klantcontact.objects.get()
    assert response.status_code == 302
    assert f"contact={contact.uuid}" in response["Location"]
    response = client.post(
        f"/kcc/klanten/{beller.uuid}/aanvraag/",
        {"product": str(paspoort.uuid), "kanaal": "telefoon", "contact": str(contact.uuid)},
    )
    assert response.status_code == 302
    contact = Klantcontact.objects.get()
    assert contact.zaak is not None and contact.zaak.klant == beller


def test_a_teamleider_merges_a_duplicate_from_the_klantbeeld(
    client, teamleider, klantmanager, beller
):
    dubbel = KlantFactory(
        bsn=None, voornamen="Suzanne", geslachtsnaam="Moulin", telefoon="0612345678"
    )
    _contact(dubbel, klantmanager, "telefoon", "Vraag op de dubbele registratie")
    client.force_login(klantmanager)
    assert "samenvoegen" not in client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    assert (
        client.post(
            f"/kcc/klanten/{beller.uuid}/samenvoegen/",
            {"dubbel": str(dubbel.uuid), "bevestigd": "ja"},
        ).status_code
        == 403
    )

    client.force_login(teamleider)
    pagina = client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    assert str(dubbel.uuid) in pagina
    client.post(f"/kcc/klanten/{beller.uuid}/samenvoegen/", {"dubbel": str(dubbel.uuid)})
    assert Klant.objects.get(pk=dubbel.pk).samengevoegd_in is None  # not confirmed
    client.post(
        f"/kcc/klanten/{beller.uuid}/samenvoegen/",
        {"dubbel": str(dubbel.uuid), "bevestigd": "ja"},
    )
    assert Klant.objects.get(pk=dubbel.pk).samengevoegd_in == beller
    response = client.get(f"/kcc/klanten/{dubbel.uuid}/")
    assert response["Location"] == f"/kcc/klanten/{beller.uuid}/"
    assert "Vraag op de dubbele registratie" in client.get(response["Location"]).content.decode()


def test_the_avg_dossier_holds_everything_and_its_export_is_logged(
    client, klantmanager, beller, paspoort
):
    _contact(beller, klantmanager, "balie", "Vraag aan de balie")
    services.toestemming_geven(
        klant=beller, user=klantmanager, soort="tevredenheidsonderzoek", via="balie"
    )
    zaken_services.zaak_registreren(
        klant=beller, product=paspoort, kanaal="balie", user=klantmanager
    )
    client.force_login(klantmanager)
    response = client.get(f"/kcc/klanten/{beller.uuid}/inzage/", {"formaat": "json"})
    dossier = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    tekst = json.dumps(dossier, ensure_ascii=False)
    for verwacht in ["999993653", "Vraag aan de balie", "tevredenheidsonderzoek", paspoort.naam]:
        assert verwacht in tekst
    assert AuditLogEntry.objects.filter(betrokkene="999993653", actie="exporteren").count() == 1
    leesbaar = client.get(f"/kcc/klanten/{beller.uuid}/inzage/").content.decode()
    assert "Vraag aan de balie" in leesbaar


def test_an_anonymous_question_counts_as_a_contact(client, klantmanager):
    client.force_login(klantmanager)
    leeg = client.post("/kcc/contact/", {"kanaal": "telefoon", "richting": "inkomend"})
    assert leeg.status_code == 400 and not Klantcontact.objects.exists()
    response = client.post(
        "/kcc/contact/",
        {
            "kanaal": "telefoon",
            "richting": "inkomend",
            "vraag": "Hoe laat is het stadhuis open?",
            "antwoord": "Van 9 tot 17 uur.",
            "in_een_keer_goed": "ja",
        },
    )
    assert response.status_code == 302
    contact = Klantcontact.objects.get()
    assert (contact.klant, contact.in_een_keer_goed) == (None, True)


def test_a_citizen_cannot_open_any_klantbeeld(client, burger, beller):
    client.force_login(burger)
    assert client.get(f"/kcc/klanten/{beller.uuid}/").status_code in (302, 403)
    assert client.get(f"/kcc/klanten/{beller.uuid}/inzage/").status_code in (302, 403)
    assert not AuditLogEntry.objects.filter(actie="inzien").exists()


def test_the_klantbeeld_reads_in_a_fixed_number_of_queries(
    client, klantmanager, beller, paspoort, django_assert_max_num_queries
):
    for i in range(30):
        _contact(beller, klantmanager, ["telefoon", "email", "balie"][i % 3], f"Vraag {i}")
    for _ in range(5):
        zaken_services.zaak_registreren(
            klant=beller, product=paspoort, kanaal="balie", user=klantmanager
        )
    client.force_login(klantmanager)
    # Among them: the customer, the audit line, cases + contactverzoeken +
    # consents (one query), the timeline (one query), whatever the history's
    # length; the rest is session, user and permissions (cached in production).
    with django_assert_max_num_queries(11):
        assert client.get(f"/kcc/klanten/{beller.uuid}/").status_code == 200


# --- Live updates ---------------------------------------------------------------------


def _verbind(user, klant_uuid):
    communicator = WebsocketCommunicator(KlantbeeldConsumer.as_asgi(), f"/ws/klanten/{klant_uuid}/")
    communicator.scope["user"] = user
    communicator.scope["url_route"] = {"kwargs": {"klant_uuid": str(klant_uuid)}}
    return communicator


@pytest.mark.django_db(transaction=True)
def test_a_colleagues_contact_appears_live_on_an_open_klantbeeld(klantmanager, beller):
    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega-live")

    async def scenario():
        communicator = _verbind(klantmanager, beller.uuid)
        connected, _ = await communicator.connect()
        assert connected
        await database_sync_to_async(_contact)(beller, collega, "chat", "Vraag via de chat")
        event = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return event

    event = async_to_sync(scenario)()
    assert event["type"] == "klantcontact"
    assert "Vraag via de chat" not in json.dumps(event)  # nothing personal in the notice


@pytest.mark.django_db(transaction=True)
def test_a_case_change_appears_live_on_an_open_klantbeeld(klantmanager, beller, paspoort):
    async def scenario():
        communicator = _verbind(klantmanager, beller.uuid)
        connected, _ = await communicator.connect()
        assert connected
        await database_sync_to_async(zaken_services.zaak_registreren)(
            klant=beller, product=paspoort, kanaal="balie", user=klantmanager
        )
        event = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return event

    assert async_to_sync(scenario)()["type"] == "zaak"


@pytest.mark.parametrize("wie", ["anoniem", "burger", "beheerder"])
def test_the_klantbeeld_websocket_refuses_who_may_not_see_it(wie, beller, burger, beheerder):
    user = {"anoniem": AnonymousUser(), "burger": burger, "beheerder": beheerder}[wie]

    async def scenario():
        communicator = _verbind(user, beller.uuid)
        return await communicator.connect()

    connected, code = async_to_sync(scenario)()
    assert not connected
    assert code == (4401 if wie == "anoniem" else 4403)


def test_the_live_refetch_brings_new_cases_and_contacts_and_is_logged(
    client, klantmanager, beller, paspoort
):
    zaak = zaken_services.zaak_registreren(
        klant=beller, product=paspoort, kanaal="balie", user=klantmanager
    )
    _contact(beller, klantmanager, "chat", "Vraag via de chat")
    client.force_login(klantmanager)
    deel = client.get(f"/kcc/klanten/{beller.uuid}/tijdlijn/").content.decode()
    assert 'data-live-blok="zaken-blok"' in deel and zaak.nummer in deel
    assert "Vraag via de chat" in deel
    assert AuditLogEntry.objects.filter(reden="Klantbeeld ververst (live)").count() == 1


def test_an_agent_corrects_contact_details_and_a_wrong_number_changes_nothing(
    client, klantmanager, beller
):
    client.force_login(klantmanager)
    url = f"/kcc/klanten/{beller.uuid}/contactgegevens/"
    gegevens = {"email": "nieuw@example.nl", "berichtvoorkeur": "sms", "taal": "nl"}
    fout = client.post(url, {**gegevens, "telefoon": "12"}, follow=True).content.decode()
    assert "telefoonnummer" in fout.lower()
    beller = Klant.objects.get(pk=beller.pk)
    assert (beller.email, beller.telefoon) == ("suzanne@example.nl", "+31612345678")
    client.post(url, {**gegevens, "telefoon": "06 87654321"})
    beller = Klant.objects.get(pk=beller.pk)
    assert (beller.email, beller.telefoon, beller.berichtvoorkeur) == (
        "nieuw@example.nl",
        "+31687654321",
        "sms",
    )


def test_an_agent_records_and_withdraws_a_consent(client, klantmanager, beller):
    client.force_login(klantmanager)
    url = f"/kcc/klanten/{beller.uuid}/toestemming/"
    client.post(url, {"soort": "tevredenheidsonderzoek", "kanaal": "telefoon"})
    assert beller.toestemmingen.get().actief
    client.post(url, {"soort": "tevredenheidsonderzoek", "actie": "intrekken"})
    assert not beller.toestemmingen.get().actief
    pagina = client.post(url, {"soort": "onzin"}, follow=True).content.decode()
    assert "Onbekende toestemming." in pagina


def test_a_long_history_shows_open_cases_and_the_latest_closed_ones(
    client, klantmanager, beller, paspoort
):
    zaken = [
        zaken_services.zaak_registreren(
            klant=beller, product=paspoort, kanaal="balie", user=klantmanager
        )
        for _ in range(13)
    ]
    for zaak in zaken[1:]:
        zaken_services.zaak_intrekken(zaak=zaak, user=klantmanager, reden="Niet meer nodig")
    client.force_login(klantmanager)
    pagina = client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    assert zaken[0].nummer in pagina  # open: always shown
    assert zaken[-1].nummer in pagina  # latest closed
    assert zaken[1].nummer not in pagina.split("zaken-blok")[1].split("tijdlijn-blok")[0]
    assert "Toon ook de eerder afgesloten zaken" in pagina
    alles = client.get(f"/kcc/klanten/{beller.uuid}/", {"zaken": "alle"}).content.decode()
    assert all(zaak.nummer in alles for zaak in zaken)


def test_a_citizen_sees_their_own_contacts_and_contactverzoeken_only(
    client, burger, klantmanager, beller, andere_klant
):
    afdeling = AfdelingFactory(naam="Wegen")
    _contact(beller, klantmanager, "telefoon", "Vraag", onderwerp="Losse stoeptegel")
    services.contactverzoek_maken(
        klant=beller, user=klantmanager, vraag="Stoeptegel liggt los", afdeling=afdeling
    )
    _contact(andere_klant, klantmanager, "balie", "Vraag", onderwerp="Geheime kwestie")
    client.force_login(burger)  # logged in with the BSN of `beller`
    pagina = client.get("/pip/mijn-contacten/").content.decode()
    assert "Losse stoeptegel" in pagina
    # The hand-over text is for the colleague; the customer reads what it is about.
    assert "Stoeptegel liggt los" not in pagina and "Uw vraag aan de gemeente" in pagina
    assert "Wij reageren uiterlijk op" in pagina
    assert "Geheime kwestie" not in pagina


def test_an_agent_sends_the_customer_a_message_with_the_link_to_apply(client, klantmanager, beller):
    from kanalen.models import Bericht

    paspoort = maak_product(kanalen=[("internet", True, "84.40")])
    client.force_login(klantmanager)
    url = f"/kcc/klanten/{beller.uuid}/bericht/"
    assert client.get(url).status_code == 200
    leeg = client.post(url, {"kanaal": "email"})
    assert leeg.status_code == 400 and "Bericht: " in leeg.content.decode()
    assert not Bericht.objects.exists()
    response = client.post(
        url,
        {
            "kanaal": "email",
            "onderwerp": "Paspoort aanvragen",
            "tekst": "Zoals besproken.",
            "product": str(paspoort.uuid),
        },
    )
    assert response.status_code == 302
    bericht = Bericht.objects.get()
    assert (bericht.klant, bericht.kanaal) == (beller, "email")
    assert f"/producten/{paspoort.code}/" in bericht.tekst


def test_what_a_customer_said_is_shown_as_text_never_as_html(client, klantmanager, beller):
    _contact(beller, klantmanager, "chat", "<script>alert(1)</script>", namens="<b>zoon</b>")
    client.force_login(klantmanager)
    pagina = client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    assert "<script>alert(1)</script>" not in pagina and "&lt;script&gt;" in pagina
    assert "<b>zoon</b>" not in pagina


def test_the_timeline_merges_every_source_newest_first_and_pages_back(
    klantmanager, beller, paspoort
):
    from datetime import timedelta

    from django.utils import timezone

    from kanalen.werkplek.selectors import tijdlijn

    nu = timezone.now()
    for dagen in (5, 3, 1):
        _contact(
            beller, klantmanager, "telefoon", f"Vraag {dagen}", gestart_op=nu - timedelta(dagen)
        )
    zaken_services.zaak_registreren(
        klant=beller, product=paspoort, kanaal="balie", user=klantmanager
    )
    services.contactverzoek_maken(
        klant=beller, user=klantmanager, vraag="Terugbellen", afdeling=AfdelingFactory()
    )
    regels = tijdlijn(klant=beller)
    assert [r.tijdstip for r in regels] == sorted((r.tijdstip for r in regels), reverse=True)
    assert {"contact", "zaak", "contactverzoek"} <= {r.soort for r in regels}
    zaakregel = next(r for r in regels if r.soort == "zaak")
    assert zaakregel.zaak_nummer.startswith("ZAAK-") and paspoort.naam in zaakregel.titel
    contact = next(r for r in regels if r.soort == "contact")
    assert (contact.kanaal, contact.door, contact.in_een_keer_goed) == (
        "Telefoon",
        str(klantmanager),
        True,
    )
    eerste = tijdlijn(klant=beller, aantal=2)
    verder = tijdlijn(klant=beller, voor=eerste[-1].tijdstip, aantal=10)
    assert [r.tekst for r in verder if r.soort == "contact"] == ["Vraag 1", "Vraag 3", "Vraag 5"]


@pytest.mark.parametrize("voor", ["kapot", "2026-13-45T10:00:00", "2026-11-01T10:00:00"])
def test_a_malformed_paging_cursor_shows_a_page_not_an_error(client, klantmanager, beller, voor):
    _contact(beller, klantmanager, "telefoon", "Vraag van vorige week")
    client.force_login(klantmanager)
    assert client.get(f"/kcc/klanten/{beller.uuid}/", {"voor": voor}).status_code == 200


def test_cases_contactverzoeken_and_consents_come_in_one_query(
    klantmanager, beller, paspoort, django_assert_num_queries
):
    from kanalen.werkplek.selectors import klantbeeld_kern

    open_zaak, *gesloten = [
        zaken_services.zaak_registreren(
            klant=beller, product=paspoort, kanaal="balie", user=klantmanager
        )
        for _ in range(4)
    ]
    for zaak in gesloten:
        zaken_services.zaak_intrekken(zaak=zaak, user=klantmanager, reden="Niet meer nodig")
    afdeling = AfdelingFactory(code="kcc-kern", naam="KCC kern")
    verzoek = services.contactverzoek_maken(
        klant=beller, user=klantmanager, vraag="Bel terug", afdeling=afdeling
    )
    services.toestemming_geven(
        klant=beller, user=klantmanager, soort=Toestemming.Soort.values[0], via="telefoon"
    )
    services.toestemming_geven(
        klant=beller, user=klantmanager, soort=Toestemming.Soort.values[1], via="telefoon"
    )
    services.toestemming_intrekken(
        klant=beller, user=klantmanager, soort=Toestemming.Soort.values[1]
    )

    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega-kern", first_name="Els")
    services.contactverzoek_maken(
        klant=beller, user=klantmanager, vraag="Mail terug", medewerker=collega
    )
    with django_assert_num_queries(1):
        kern = klantbeeld_kern(klant=beller, afgesloten=2)
    assert [z.nummer for z in kern.zaken.open] == [open_zaak.nummer]
    assert [z.nummer for z in kern.zaken.afgesloten] == [gesloten[2].nummer, gesloten[1].nummer]
    assert kern.zaken.ouder and kern.zaken.open[0].product.naam == paspoort.naam
    eerste = kern.contactverzoeken[0]
    assert (eerste.uuid, eerste.vraag, str(eerste.afdeling)) == (
        verzoek.uuid,
        "Bel terug",
        "KCC kern",
    )
    assert str(kern.contactverzoeken[1].medewerker).startswith("Els")
    assert list(kern.toestemmingen) == [Toestemming.Soort.values[0]]


def test_one_search_hit_opens_the_klantbeeld_at_once_with_focus_in_the_knowledge_search(
    client, klantmanager, beller, andere_klant
):
    client.force_login(klantmanager)
    antwoord = client.post("/kcc/", {"q": "+31 6 1234 5678"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/kcc/klanten/{beller.uuid}/"
    pagina = client.get(antwoord["Location"]).content.decode()
    assert 'id="kennis"' in pagina.split("autofocus")[0].rsplit("<input", 1)[1]
    # More than one hit (the same postcode): the list, to choose from.
    andere_klant.postcode = beller.postcode
    andere_klant.save()
    lijst = client.post("/kcc/", {"q": beller.postcode}).content.decode()
    assert f"/kcc/klanten/{beller.uuid}/" in lijst
    assert f"/kcc/klanten/{andere_klant.uuid}/" in lijst


def test_an_error_summary_links_to_the_first_radio_and_messages_look_like_their_level(
    client, klantmanager, beller
):
    client.force_login(klantmanager)
    antwoord = client.post(
        f"/kcc/klanten/{beller.uuid}/contact/",
        {"kanaal": "telefoon", "richting": "inkomend", "vraag": "Iets", "vervolg": "geen"},
    )
    pagina = antwoord.content.decode()
    assert 'href="#id_in_een_keer_goed_0"' in pagina
    assert 'id="id_in_een_keer_goed_0"' in pagina
    assert 'href="#"' not in pagina.split('id="foutsamenvatting"')[1].split("</div>")[0]
    antwoord = client.post(
        f"/kcc/klanten/{beller.uuid}/contact/",
        {
            "kanaal": "telefoon",
            "richting": "inkomend",
            "vraag": "Iets",
            "vervolg": "geen",
            "in_een_keer_goed": "ja",
            "gestart_op": "2026-12-07 09:00",
        },
        follow=True,
    )
    assert 'class="melding melding--succes"' in antwoord.content.decode()


def test_contact_and_case_are_one_thread_for_agent_case_worker_and_citizen(
    client, klantmanager, teamleider, beller, paspoort
):
    from kcc.services import klant_gebruiker

    gestart = services.klantcontact_registreren(
        klant=beller, user=klantmanager, kanaal="chat", vraag="Ik wil een paspoort aanvragen"
    )
    zaak = zaken_services.zaak_registreren(
        klant=beller, product=paspoort, kanaal="chat", user=klantmanager, klantcontact=gestart
    )
    later = services.klantcontact_registreren(
        klant=beller, user=klantmanager, kanaal="telefoon", onderwerp="Wanneer klaar?", zaak=zaak
    )
    from kanalen.models import Bericht

    bericht = Bericht.objects.create(
        klant=beller,
        zaak=zaak,
        kanaal="email",
        ontvanger="s.moulin@example.nl",
        onderwerp="Uw paspoort ligt klaar",
        tekst="U kunt het ophalen.",
    )
    client.force_login(teamleider)
    pagina = client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    assert "Contacten over deze zaak" in pagina
    # The messages about the case, kept by the channels, on the case page too.
    berichten = pagina.split('id="zaakberichten-kop"')[1].split("</section>")[0]
    assert f'id="bericht-{bericht.uuid}"' in berichten and "Uw paspoort ligt klaar" in berichten
    assert f'href="#contact-{gestart.uuid}"' in pagina  # "aangevraagd via ... uit een contact"
    assert f'id="contact-{later.uuid}"' in pagina and "Wanneer klaar?" in pagina
    client.force_login(klant_gebruiker(bsn=beller.bsn))
    mijn = client.get(f"/pip/zaken/{zaak.uuid}/").content.decode()
    assert "Uw contacten over deze aanvraag" in mijn and "Wanneer klaar?" in mijn
    assert "Ik wil een paspoort aanvragen" not in mijn  # staff notes stay with staff
    contacten = client.get("/pip/mijn-contacten/").content.decode()
    assert f'href="/pip/zaken/{zaak.uuid}/"' in contacten


def test_an_agent_registers_a_question_about_one_of_the_customers_cases(
    client, klantmanager, teamleider, beller, andere_klant, paspoort
):
    zaak = zaken_services.zaak_registreren(
        klant=beller, product=paspoort, kanaal="balie", user=teamleider
    )
    vreemd = zaken_services.zaak_registreren(
        klant=andere_klant, product=paspoort, kanaal="balie", user=teamleider
    )
    client.force_login(klantmanager)
    pagina = client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    assert f'<option value="{zaak.uuid}">{zaak.nummer}' in pagina
    velden = {
        "kanaal": "telefoon",
        "richting": "inkomend",
        "onderwerp": "Wanneer is mijn paspoort klaar?",
        "vervolg": "geen",
        "in_een_keer_goed": "ja",
        "gestart_op": "2026-12-07 09:00",
    }
    # Another customer's case (or no case at all) cannot be chosen: the form
    # comes back with the reason and nothing is registered.
    for verkeerd in (vreemd.uuid, "geen-uuid"):
        r = client.post(f"/kcc/klanten/{beller.uuid}/contact/", {**velden, "zaak": verkeerd})
        assert r.status_code == 400
        assert "Kies een zaak van deze klant, of geen zaak." in r.content.decode()
    assert not Klantcontact.objects.exists()
    client.post(f"/kcc/klanten/{beller.uuid}/contact/", {**velden, "zaak": zaak.uuid})
    assert Klantcontact.objects.get().zaak == zaak
    client.force_login(teamleider)
    assert (
        "Wanneer is mijn paspoort klaar?" in client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    )


def test_a_contact_on_the_klantbeeld_answers_an_open_contactverzoek(client, klantmanager, beller):
    eigen = services.contactverzoek_maken(
        klant=beller, user=klantmanager, vraag="Bel terug over de stoep", medewerker=klantmanager
    )
    elders = services.contactverzoek_maken(
        klant=beller, user=klantmanager, vraag="Vergunning", afdeling=AfdelingFactory(naam="VTH")
    )
    client.force_login(klantmanager)
    beeld = client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    assert f'<option value="{eigen.uuid}">' in beeld and "Antwoord op contactverzoek" in beeld
    velden = {
        "kanaal": "telefoon",
        "richting": "uitgaand",
        "vraag": "Stoep",
        "in_een_keer_goed": "ja",
        "vervolg": "geen",
    }
    # Without an answer, or for a contactverzoek of another afdeling, or a
    # made-up one: a clear error, and neither a contact nor a change.
    for extra, fout in (
        ({"antwoord_op": str(eigen.uuid)}, "de klant ziet het bij het contactverzoek"),
        ({"antwoord_op": str(elders.uuid), "antwoord": "Ja."}, "ligt bij VTH"),
        ({"antwoord_op": "niet-een-uuid", "antwoord": "Ja."}, "Kies een open contactverzoek"),
    ):
        r = client.post(f"/kcc/klanten/{beller.uuid}/contact/", {**velden, **extra})
        assert r.status_code == 400 and fout in r.content.decode(), extra
    assert not Klantcontact.objects.exists()
    assert {v.status for v in Contactverzoek.objects.all()} == {"open"}

    r = client.post(
        f"/kcc/klanten/{beller.uuid}/contact/",
        {**velden, "antwoord_op": str(eigen.uuid), "antwoord": "Wordt maandag gemaakt."},
    )
    assert r.status_code == 302
    eigen = Contactverzoek.objects.get(pk=eigen.pk)
    contact = Klantcontact.objects.get()
    assert (eigen.status, eigen.uitkomst, eigen.beantwoord_in) == (
        "afgehandeld",
        "Wordt maandag gemaakt.",
        contact,
    )
    beeld = client.get(f"/kcc/klanten/{beller.uuid}/").content.decode()
    assert f'<a href="#tijdlijn-{eigen.uuid}">Antwoord op een contactverzoek</a>' in beeld
    # Answered: it is no longer offered.
    assert f'<option value="{eigen.uuid}">' not in beeld
