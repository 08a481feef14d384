"""The citizen portal (PIP): apply online, follow every request, own your
data, ask or complain, and rate the service."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kcc.roles import Rol
from tests.factories import AfdelingFactory, UserFactory, concept_maken
from zaken.models import Zaak

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


# The part of the demo catalogue these tests apply for: the passport (with a
# photo) and the compound verhuizing with its parts.
PRODUCTEN = [
    "paspoort",
    "verhuizing-naar-voorbeeldstad",
    "verhuizing-doorgeven",
    "parkeervergunning-bewoners",
    "afvalcontainer",
]


@pytest.fixture
def catalogus(db):
    from kcc.devdata.demo import producten as producten_demo
    from kcc.devdata.demo.kcc import AFDELINGEN
    from producten import catalogus as catalogus_import

    for code, naam, _email in AFDELINGEN:
        AfdelingFactory(code=code, naam=naam)
    data = producten_demo.als_export()
    data["producten"] = [p for p in data["producten"] if p["code"] in PRODUCTEN]
    data["kennisitems"] = []
    catalogus_import.importeren(data)


@pytest.fixture
def behandelaar(catalogus):
    from kcc.models import Afdeling

    gebruiker = UserFactory(rollen=[Rol.BEHANDELAAR], username="bh-portaal")
    gebruiker.afdelingen.set(Afdeling.objects.all())
    return gebruiker


@pytest.fixture
def ingelogd(client, burger, klant):
    client.force_login(burger)
    return client


@pytest.fixture
def andere_burger(db, andere_klant):
    from kcc.services import klant_gebruiker

    return klant_gebruiker(bsn=andere_klant.bsn)


def _pasfoto():
    return SimpleUploadedFile("pasfoto.png", PNG, content_type="image/png")


def _paspoort_aanvragen(client, *, spoed="nee", lengte="182"):
    formulier_url = concept_maken(client, "paspoort")
    stap1 = client.post(formulier_url, {"v-spoed": spoed, "v-lengte_cm": lengte, "actie": "verder"})
    assert stap1.status_code == 302, stap1.content.decode()[:2000]
    documenten_url = stap1["Location"]
    assert documenten_url.endswith("/documenten/")
    client.post(documenten_url, {"naam": "Pasfoto", "bestand": _pasfoto()})
    return formulier_url


def test_it_applies_for_a_passport_with_a_photo_and_confirms_the_case_number(
    ingelogd, klant, catalogus
):
    from kanalen.models import Aanvraag

    formulier_url = _paspoort_aanvragen(ingelogd)
    controleren = ingelogd.get(formulier_url + "controleren/")
    pagina = controleren.content.decode()
    assert "Controleer uw aanvraag" in pagina
    assert "Suzanne" in pagina  # known data shown, not asked
    assert "pasfoto.png" in pagina

    klaar = ingelogd.post(formulier_url + "controleren/", follow=True)
    pagina = klaar.content.decode()
    zaak = Aanvraag.objects.get(klant=klant).zaak
    assert zaak.nummer in pagina and "Wij verwachten dat uw aanvraag klaar is op" in pagina
    assert zaak.kanaal == "internet"
    assert zaak.antwoorden == {"spoed": False, "lengte_cm": 182}
    assert [d.naam for d in zaak.documenten.all()] == ["Pasfoto"]
    assert zaak.documenten.get().door_klant


def test_it_makes_one_case_when_the_application_is_sent_twice(ingelogd, klant, catalogus):
    from zaken.models import Zaak

    formulier_url = _paspoort_aanvragen(ingelogd)
    eerste = ingelogd.post(formulier_url + "controleren/")
    tweede = ingelogd.post(formulier_url + "controleren/")  # double click / back button
    assert eerste["Location"] == tweede["Location"]
    assert Zaak.objects.filter(klant=klant).count() == 1


def test_it_shows_what_was_sent_when_a_draft_is_saved_after_it_was_sent(
    ingelogd, klant, catalogus, monkeypatch
):
    from kanalen.models import Aanvraag
    from kanalen.portaal.views import aanvragen as portaal

    formulier_url = _paspoort_aanvragen(ingelogd)
    # The page was read while still a draft; in another tab it was sent.
    verouderd = Aanvraag.objects.get(klant=klant)
    ingelogd.post(formulier_url + "controleren/")
    monkeypatch.setattr(portaal, "_eigen_aanvraag", lambda klant, uuid: verouderd)

    antwoord = ingelogd.post(formulier_url, {"v-lengte_cm": "180"}, follow=True)

    assert antwoord.status_code == 200
    assert "Deze aanvraag was al verstuurd" in antwoord.content.decode()
    assert Zaak.objects.filter(klant=klant).count() == 1


def test_it_keeps_a_draft_and_resumes_it_later(ingelogd, klant, catalogus):
    from kanalen.models import Aanvraag

    # Opening the form stores nothing: a draft is made when the citizen saves.
    nieuw = "/pip/aanvragen/nieuw/paspoort/"
    for _ in range(3):
        assert "Volgende stap" in ingelogd.get(nieuw).content.decode()
    assert not Aanvraag.objects.exists()
    bewaard = ingelogd.post(nieuw, {"v-lengte_cm": "17", "actie": "bewaren"}, follow=True)
    assert "Uw aanvraag is bewaard" in bewaard.content.decode()
    assert "Paspoort aanvragen" in bewaard.content.decode()  # listed as a saved draft
    formulier_url = f"/pip/aanvragen/{Aanvraag.objects.get().uuid}/"

    # Starting the same product again resumes the draft with what was typed.
    opnieuw = ingelogd.get(nieuw)
    assert opnieuw["Location"] == formulier_url
    assert 'value="17"' in ingelogd.get(formulier_url).content.decode()
    assert Aanvraag.objects.filter(klant=klant).count() == 1

    # Deleting it asks first.
    vraag = ingelogd.post(formulier_url + "verwijderen/").content.decode()
    assert "verwijderen?" in vraag and "Ja, verwijderen" in vraag
    assert Aanvraag.objects.filter(klant=klant).count() == 1
    ingelogd.post(formulier_url + "verwijderen/", {"bevestigd": "ja"})
    assert not Aanvraag.objects.filter(klant=klant).exists()


def test_going_on_from_a_wrong_first_page_leaves_no_draft(ingelogd, klant, catalogus):
    from kanalen.models import Aanvraag

    nieuw = "/pip/aanvragen/nieuw/paspoort/"
    leeg = ingelogd.post(nieuw, {"actie": "verder"})
    assert leeg.status_code == 400
    assert "Er is iets niet goed ingevuld" in leeg.content.decode()
    fout = ingelogd.post(nieuw, {"v-lengte_cm": "twee meter", "actie": "verder"})
    assert fout.status_code == 400
    assert 'value="twee meter"' in fout.content.decode()  # what was typed stays
    assert not Aanvraag.objects.exists()

    goed = ingelogd.post(nieuw, {"v-spoed": "ja", "v-lengte_cm": "170", "actie": "verder"})
    aanvraag = Aanvraag.objects.get(klant=klant)
    assert goed["Location"] == f"/pip/aanvragen/{aanvraag.uuid}/documenten/"
    assert aanvraag.antwoorden == {"spoed": "ja", "lengte_cm": "170"}


def test_it_explains_wrong_answers_next_to_the_field(ingelogd, catalogus):
    formulier_url = concept_maken(ingelogd, "paspoort")
    fout = ingelogd.post(formulier_url, {"v-lengte_cm": "twee meter", "actie": "verder"})
    assert fout.status_code == 400
    pagina = fout.content.decode()
    assert "Er is iets niet goed ingevuld" in pagina
    assert 'aria-invalid="true"' in pagina and "Maak een keuze." in pagina


def test_it_refuses_a_fake_photo_with_a_friendly_message(ingelogd, catalogus):
    from kanalen.models import AanvraagDocument

    formulier_url = concept_maken(ingelogd, "paspoort")
    nep = SimpleUploadedFile("pasfoto.png", b"%PDF-1.4 geen foto", content_type="image/png")
    antwoord = ingelogd.post(formulier_url + "documenten/", {"naam": "Pasfoto", "bestand": nep})
    assert antwoord.status_code == 400
    assert "Hier kunt u alleen" in antwoord.content.decode()
    assert not AanvraagDocument.objects.exists()


def test_it_does_not_submit_without_the_required_document(ingelogd, klant, catalogus):
    formulier_url = concept_maken(ingelogd, "paspoort")
    ingelogd.post(formulier_url, {"v-spoed": "ja", "v-lengte_cm": "170", "actie": "verder"})
    antwoord = ingelogd.post(formulier_url + "controleren/")
    assert antwoord.status_code == 400
    assert "Voeg dit document toe: Pasfoto." in antwoord.content.decode()
    assert not klant.zaken.exists()


def test_it_turns_a_verhuizing_into_one_main_case_with_the_chosen_parts(ingelogd, klant, catalogus):
    from kanalen.models import Aanvraag

    formulier_url = concept_maken(ingelogd, "verhuizing-naar-voorbeeldstad")
    pagina = ingelogd.get(formulier_url).content.decode()
    assert 'name="v-soort_container"' not in pagina  # asked only for a chosen part
    antwoorden = {
        "v-verhuisdatum": "2026-03-20",
        "v-postcode": "1234 ab",
        "v-huisnummer": "5",
        "v-aantal_personen": "2",
        "v-eigen_woning": "Huurwoning",
        "v-parkeervergunning_nodig": "nee",
        "v-container_nodig": "ja",
        "actie": "verder",
    }
    # Saying yes to the container adds its questions to the page.
    meer = ingelogd.post(formulier_url, antwoorden)
    assert meer.status_code == 400
    assert 'name="v-soort_container"' in meer.content.decode()
    assert 'name="v-soort_auto"' not in meer.content.decode()  # no parking permit chosen

    antwoorden |= {
        "v-soort_container": "Papier (blauw)",
        "v-reden": "Er staat geen container bij mijn nieuwe woning",
    }
    verder = ingelogd.post(formulier_url, antwoorden)
    assert verder.status_code == 302, verder.content.decode()[:3000]
    klaar = ingelogd.post(formulier_url + "controleren/", follow=True)
    assert klaar.status_code == 200
    zaak = Aanvraag.objects.get(klant=klant).zaak
    assert sorted(d.product.code for d in zaak.deelzaken.all()) == [
        "afvalcontainer",
        "verhuizing-doorgeven",
    ]
    assert "Wat wij voor u regelen" in klaar.content.decode()


def test_it_follows_a_case_answers_the_question_and_the_clock_runs_again(
    ingelogd, klant, behandelaar
):
    from zaken import services
    from zaken.models import ZaakStatus

    formulier_url = _paspoort_aanvragen(ingelogd)
    ingelogd.post(formulier_url + "controleren/")
    zaak = klant.zaken.get()
    services.zaak_in_behandeling_nemen(zaak=zaak, user=behandelaar)
    services.zaak_wacht_op_klant(
        zaak=zaak, user=behandelaar, vraag="Stuur een pasfoto met een lichte achtergrond"
    )

    pagina = ingelogd.get(f"/pip/zaken/{zaak.uuid}/").content.decode()
    assert "Wij hebben informatie van u nodig" in pagina
    assert "Stuur een pasfoto met een lichte achtergrond" in pagina

    leeg = ingelogd.post(f"/pip/zaken/{zaak.uuid}/antwoord/", {"antwoord": ""})
    assert leeg.status_code == 400 and "Schrijf uw antwoord" in leeg.content.decode()

    antwoord = ingelogd.post(
        f"/pip/zaken/{zaak.uuid}/antwoord/",
        {"antwoord": "Hierbij een nieuwe foto", "bestand": _pasfoto(), "documentnaam": "Pasfoto"},
        follow=True,
    )
    assert "Wij hebben uw antwoord ontvangen" in antwoord.content.decode()
    zaak = Zaak.objects.get(pk=zaak.pk)
    assert zaak.status == ZaakStatus.IN_BEHANDELING and zaak.documenten.count() == 2


def test_it_lets_the_citizen_withdraw_a_request(ingelogd, klant, catalogus):
    from zaken.models import ZaakStatus

    formulier_url = _paspoort_aanvragen(ingelogd)
    ingelogd.post(formulier_url + "controleren/")
    zaak = klant.zaken.get()
    vraag = ingelogd.get(f"/pip/zaken/{zaak.uuid}/intrekken/")
    assert "Weet u zeker" in vraag.content.decode()
    ingelogd.post(f"/pip/zaken/{zaak.uuid}/intrekken/", {"reden": "Toch niet nodig"})
    zaak = Zaak.objects.get(pk=zaak.pk)
    assert zaak.status == ZaakStatus.INGETROKKEN


def test_it_rates_a_closed_case_once_from_the_link_in_the_closing_message(
    ingelogd, klant, behandelaar
):
    from kanalen.models import Beoordeling, Bericht
    from zaken import services

    # Asking for a rating is satisfaction research: the customer consented.
    ingelogd.post("/pip/mijn-gegevens/toestemming/", {"soort": "tevredenheidsonderzoek"})
    formulier_url = _paspoort_aanvragen(ingelogd)
    ingelogd.post(formulier_url + "controleren/")
    zaak = klant.zaken.get()
    url = f"/pip/beoordelen/zaak/{zaak.uuid}/"
    assert "als uw aanvraag of vraag is afgehandeld" in ingelogd.get(url).content.decode()

    services.zaak_in_behandeling_nemen(zaak=zaak, user=behandelaar)
    services.zaak_afhandelen(zaak=zaak, user=behandelaar, resultaat="Paspoort uitgereikt")
    slotbericht = Bericht.objects.filter(zaak=zaak).order_by("-aangemaakt").first()
    assert url in slotbericht.tekst

    zonder = ingelogd.post(url, {"opmerking": "prima"})
    assert zonder.status_code == 400 and "Kies een cijfer van 1 tot 5." in zonder.content.decode()
    ingelogd.post(url, {"score": "4", "opmerking": "Snel geholpen"})
    ingelogd.post(url, {"score": "1"})  # a second rating is not taken
    beoordeling = Beoordeling.objects.get()
    assert (beoordeling.score, beoordeling.kanaal, beoordeling.zaak) == (4, "internet", zaak)
    assert "U gaf ons al een 4 van 5" in ingelogd.get(url).content.decode()


def test_it_sends_a_complaint_that_the_citizen_can_follow(ingelogd, klant, catalogus):
    from klanten.models import Klantcontact

    leeg = ingelogd.post("/pip/vraag-of-klacht/", {"soort": "klacht", "tekst": " "})
    assert leeg.status_code == 400 and "Schrijf uw vraag" in leeg.content.decode()

    verstuurd = ingelogd.post(
        "/pip/vraag-of-klacht/",
        {"soort": "klacht", "onderwerp": "Wachttijd", "tekst": "Ik stond een uur te wachten."},
        follow=True,
    )
    pagina = verstuurd.content.decode()
    assert "reageren uiterlijk op" in pagina
    contact = Klantcontact.objects.get(klant=klant)
    assert (contact.soort, contact.kanaal) == ("klacht", "internet")
    verzoek = contact.contactverzoeken.get()
    # Awb 9:11: six weeks from receipt (Tuesday 10 March: Tuesday 21 April).
    assert verzoek.wettelijke_termijn_weken == 6 and verzoek.afdeling.code == "kcc"
    assert str(verzoek.uiterlijk_op) == "2026-04-21"
    assert "Ik stond een uur te wachten." in pagina  # in Mijn contacten, with its deadline


def test_it_corrects_the_phone_number_and_shows_who_looked(ingelogd, klant, klantmanager):
    from klanten.selectors import klant_inzien

    klant_inzien(klant_uuid=klant.uuid, user=klantmanager, reden="Klantbeeld geopend")
    fout = ingelogd.post(
        "/pip/mijn-gegevens/", {"email": "", "telefoon": "12", "berichtvoorkeur": "sms"}
    )
    assert fout.status_code == 400
    assert "Vul een telefoonnummer in als 06 12345678." in fout.content.decode()

    ingelogd.post(
        "/pip/mijn-gegevens/",
        {"email": "suzanne@example.nl", "telefoon": "06 87654321", "berichtvoorkeur": "sms"},
    )
    klant.refresh_from_db()
    assert (klant.telefoon, klant.berichtvoorkeur) == ("+31687654321", "sms")
    pagina = ingelogd.get("/pip/mijn-gegevens/").content.decode()
    assert "Wie heeft uw gegevens bekeken?" in pagina
    assert "Klantmanager (KCC)" in pagina and klantmanager.username not in pagina


def test_it_gives_and_withdraws_a_consent_and_downloads_everything(ingelogd, klant):
    ingelogd.post("/pip/mijn-gegevens/toestemming/", {"soort": "nieuwsbrief"})
    assert klant.toestemmingen.filter(ingetrokken_op__isnull=True).count() <= 1
    soort = klant.toestemmingen.first().soort if klant.toestemmingen.exists() else None
    if soort is None:  # the first choice the page offers
        from klanten.models import Toestemming

        soort = Toestemming.Soort.values[0]
        ingelogd.post("/pip/mijn-gegevens/toestemming/", {"soort": soort})
    assert klant.toestemmingen.filter(soort=soort, ingetrokken_op__isnull=True).exists()
    ingelogd.post("/pip/mijn-gegevens/toestemming/", {"soort": soort, "actie": "intrekken"})
    assert not klant.toestemmingen.filter(soort=soort, ingetrokken_op__isnull=True).exists()

    download = ingelogd.get("/pip/mijn-gegevens/download/")
    assert download["Content-Disposition"].startswith("attachment")
    dossier = json.loads(download.content)
    assert dossier["gegevens"]["bsn"] == klant.bsn
    assert dossier["toestemmingen"][0]["ingetrokken_op"]


def test_it_shows_messages_also_when_the_citizen_chose_portal_only(ingelogd, klant, behandelaar):
    from zaken import services

    klant.berichtvoorkeur = "portaal"
    klant.save()
    formulier_url = _paspoort_aanvragen(ingelogd)
    ingelogd.post(formulier_url + "controleren/")
    zaak = klant.zaken.get()
    services.zaak_in_behandeling_nemen(zaak=zaak, user=behandelaar)
    pagina = ingelogd.get("/pip/berichten/").content.decode()
    assert "Alleen in Mijn omgeving" in pagina and zaak.nummer in pagina


def test_it_publishes_last_months_norm_realisation(client, klant, behandelaar):
    from datetime import timedelta

    from django.utils import timezone

    from kcc.devdata.demo import kanalen as kanalen_demo
    from producten.models import Product
    from zaken import services

    kanalen_demo.laden(io.StringIO())
    vorige_maand = timezone.now().replace(day=1) - timedelta(days=10)
    paspoort = Product.objects.get(code="paspoort")
    for dagen_te_laat in (-1, 0, 3):  # early, on the day, three days late
        zaak = services.zaak_registreren(
            klant=klant,
            product=paspoort,
            kanaal="balie",
            user=behandelaar,
            antwoorden={"spoed": "nee", "lengte_cm": "170"},
        )
        services.zaak_in_behandeling_nemen(zaak=zaak, user=behandelaar)
        services.zaak_afhandelen(zaak=zaak, user=behandelaar, resultaat="Uitgereikt")
        Zaak.objects.filter(pk=zaak.pk).update(
            afgesloten_op=vorige_maand,
            streefdatum=timezone.localdate(vorige_maand) - timedelta(days=dagen_te_laat),
        )
    pagina = client.get("/normen/").content.decode()
    assert "Onze normen en hoe wij ze haalden" in pagina
    assert "Paspoort aanvragen</a></th><td>3</td><td>66,7%</td>" in pagina
    assert "Telefoon" in pagina  # every channel with its promise


# --- Another citizen's identifiers: 404 everywhere ------------------------------------


def test_it_answers_404_for_every_object_of_another_citizen(
    client, klant, andere_klant, andere_burger, burger, catalogus
):
    """A second citizen tries every portal address with the first one's ids."""
    from klanten import services as klant_services
    from zaken import services

    client.force_login(burger)
    formulier_url = _paspoort_aanvragen(client)
    concept_url = concept_maken(client, "verhuizing-doorgeven")
    client.post(formulier_url + "controleren/")
    zaak = klant.zaken.get()
    document = zaak.documenten.get()
    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="km404")
    contact = klant_services.klantcontact_registreren(
        klant=klant, user=agent, kanaal="telefoon", vraag="Paspoort?", in_een_keer_goed=True
    )
    services.zaak_in_behandeling_nemen(
        zaak=zaak, user=UserFactory(rollen=[Rol.TEAMLEIDER], username="tl404")
    )

    client.force_login(andere_burger)
    for methode, url in [
        ("get", f"/pip/zaken/{zaak.uuid}/"),
        ("post", f"/pip/zaken/{zaak.uuid}/antwoord/"),
        ("post", f"/pip/zaken/{zaak.uuid}/document/"),
        ("get", f"/pip/zaken/{zaak.uuid}/intrekken/"),
        ("post", f"/pip/zaken/{zaak.uuid}/intrekken/"),
        ("get", f"/pip/documenten/{document.uuid}/"),
        ("get", formulier_url),
        ("post", formulier_url),
        ("get", concept_url + "documenten/"),
        ("get", concept_url + "controleren/"),
        ("post", concept_url + "controleren/"),
        ("get", formulier_url + "verstuurd/"),
        ("post", concept_url + "verwijderen/"),
        ("get", f"/pip/beoordelen/zaak/{zaak.uuid}/"),
        ("get", f"/pip/beoordelen/contact/{contact.uuid}/"),
        ("get", f"/api/v1/zaken/{zaak.uuid}/"),
        ("get", f"/api/v1/zaakdocumenten/{document.uuid}/inhoud/"),
        ("post", f"/api/v1/zaken/{zaak.uuid}/documenten/"),
        ("post", f"/api/v1/zaken/{zaak.uuid}/intrekken/"),
    ]:
        antwoord = getattr(client, methode)(url)
        assert antwoord.status_code == 404, (methode, url, antwoord.status_code)
    zaak = Zaak.objects.get(pk=zaak.pk)
    assert zaak.is_open and klant.aanvragen.count() == 2

    lijsten = "".join(
        client.get(url).content.decode()
        for url in ["/pip/", "/pip/zaken/", "/pip/berichten/", "/pip/mijn-contacten/"]
    )
    assert zaak.nummer not in lijsten and "Paspoort?" not in lijsten
    assert client.get("/api/v1/zaken/").json()["count"] == 0


def test_it_keeps_staff_out_of_the_portal(client, catalogus, klantmanager):
    client.force_login(klantmanager)
    assert client.get("/pip/zaken/").status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/pip/",
        "/pip/zaken/",
        "/pip/aanvragen/",
        "/pip/berichten/",
        "/pip/mijn-contacten/",
        "/pip/mijn-gegevens/",
        "/pip/vraag-of-klacht/",
    ],
)
def test_it_sends_a_visitor_to_digid_first(client, url):
    antwoord = client.get(url)
    assert antwoord.status_code == 302 and "/pip/inloggen/" in antwoord["Location"]


def test_it_makes_a_citizen_known_only_to_the_person_register_a_customer(client, db):
    from kcc.services import klant_gebruiker
    from klanten.models import Klant

    AfdelingFactory(code="kcc")
    burger = klant_gebruiker(bsn="999993653")  # in the demo person register
    client.force_login(burger)
    assert client.get("/pip/mijn-gegevens/").status_code == 200
    assert Klant.objects.filter(bsn="999993653").exists()
