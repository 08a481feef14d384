"""The agent starts a case; the afdeling works it from its queue."""

import pytest

from kcc.roles import Rol
from tests.factories import PDF, AfdelingFactory, UserFactory, maak_product
from zaken.models import Zaak, ZaakStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return maak_product(kanalen=[("balie", True, "84.40"), ("telefoon", False, None)])


@pytest.fixture
def behandelaar(product):
    user = UserFactory(rollen=[Rol.BEHANDELAAR], username="bz-queue")
    user.afdelingen.add(product.afdeling)
    return user


def test_it_lets_an_agent_start_a_case_and_the_afdeling_work_it(
    client, klantmanager, behandelaar, klant, product
):
    client.force_login(klantmanager)
    response = client.post(
        f"/kcc/klanten/{klant.uuid}/aanvraag/", {"product": str(product.uuid), "kanaal": "telefoon"}
    )
    zaak = Zaak.objects.get()
    assert response["Location"] == f"/kcc/zaken/{zaak.uuid}/"
    assert zaak.nummer in client.get(f"/kcc/klanten/{klant.uuid}/").content.decode()

    client.force_login(behandelaar)
    queue = client.get("/kcc/zaken/").content.decode()
    assert zaak.nummer in queue
    url = f"/kcc/zaken/{zaak.uuid}/actie/"
    stappen = [
        {"actie": "in_behandeling", "verwachte_status": "ontvangen"},
        {
            "actie": "wacht_op_klant",
            "vraag": "Stuur een pasfoto",
            "verwachte_status": "in_behandeling",
        },
        {"actie": "hervatten", "verwachte_status": "wacht_op_klant"},
        {"actie": "statusstap", "stap": "Ligt klaar"},
        {"actie": "notitie", "tekst": "Klant belt morgen"},
        {"actie": "afhandelen", "resultaat": "Uitgereikt", "verwachte_status": "in_behandeling"},
    ]
    for data in stappen:
        response = client.post(url, data, follow=True)
        assert "Opgeslagen." in response.content.decode(), data
    page = client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    assert "Afgehandeld" in page and "Klant belt morgen" in page and "Stuur een pasfoto" in page
    assert Zaak.objects.get().status == ZaakStatus.AFGEHANDELD


def test_it_tells_a_behandelaar_when_someone_else_was_first(
    client, behandelaar, klant, product, teamleider
):
    from zaken import services

    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    services.zaak_in_behandeling_nemen(zaak=zaak, user=teamleider)
    client.force_login(behandelaar)
    response = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/",
        {"actie": "in_behandeling", "verwachte_status": "ontvangen"},
        follow=True,
    )
    assert "intussen door iemand anders gewijzigd" in response.content.decode()


def test_it_hides_cases_of_other_afdelingen(client, klant, product, teamleider):
    from zaken import services

    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    vreemde = UserFactory(rollen=[Rol.BEHANDELAAR], username="vth-queue")
    vreemde.afdelingen.add(AfdelingFactory(code="vergunningen"))
    client.force_login(vreemde)
    assert zaak.nummer not in client.get("/kcc/zaken/").content.decode()
    assert client.get(f"/kcc/zaken/{zaak.uuid}/").status_code == 404
    assert client.post(f"/kcc/zaken/{zaak.uuid}/actie/", {"actie": "afwijzen"}).status_code == 404


def test_it_shows_only_the_buttons_this_user_may_use(
    client, behandelaar, klantmanager, klant, product, teamleider
):
    from zaken import services

    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    client.force_login(behandelaar)
    page = client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    assert 'value="in_behandeling"' in page and 'value="afhandelen"' not in page
    client.force_login(klantmanager)
    page = client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    assert 'value="in_behandeling"' not in page and 'value="intrekken"' in page


def test_it_reads_the_work_queue_in_a_fixed_number_of_queries(
    client, behandelaar, klant, product, teamleider, django_assert_max_num_queries
):
    from zaken import services

    for _ in range(20):
        services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    client.force_login(behandelaar)
    with django_assert_max_num_queries(10):
        assert client.get("/kcc/zaken/?termijn=deze_week").status_code == 200


@pytest.fixture
def parkeervergunning():
    from producten.models import Documentvereiste, Formuliervraag
    from producten.services import product_gewijzigd

    product = maak_product(
        "parkeren",
        "Parkeervergunning",
        kanalen=[("telefoon", True, "0"), ("internet", True, "0")],
        overdracht_instructie="Vraag of de klant al een vergunning voor een ander adres heeft.",
        prefill_velden=["naam", "adres"],
    )
    Formuliervraag.objects.create(
        product=product, sleutel="kenteken", vraag="Kenteken", soort="tekst", volgorde=1
    )
    Formuliervraag.objects.create(
        product=product,
        sleutel="soort_auto",
        vraag="Soort auto",
        soort="keuze",
        keuzes="Benzine\nElektrisch",
        volgorde=2,
    )
    Documentvereiste.objects.create(
        product=product, naam="Kentekenbewijs", bestandstypen=["pdf"], max_mb=2
    )
    product_gewijzigd(product=product)
    return product


def test_it_asks_the_products_questions_with_what_the_customer_said_before(
    client, klantmanager, klant, parkeervergunning, teamleider
):
    from klanten.models import Toestemming
    from zaken import services

    services.zaak_registreren(
        klant=klant,
        product=parkeervergunning,
        kanaal="telefoon",
        user=teamleider,
        antwoorden={"kenteken": "AB-123-C", "soort_auto": "Elektrisch"},
    )
    # The customer agreed that earlier answers fill in new forms.
    Toestemming.objects.create(
        klant=klant, soort=Toestemming.Soort.GEGEVENS_HERGEBRUIKEN, via="telefoon"
    )
    client.force_login(klantmanager)
    url = f"/kcc/klanten/{klant.uuid}/aanvraag/"
    page = client.get(url, {"product": str(parkeervergunning.uuid)}).content.decode()
    assert 'value="AB-123-C"' in page
    assert 'value="Elektrisch" selected' in page
    assert "al een vergunning voor een ander adres" in page  # the hand-over instruction
    assert "Stationsstraat 12" in page  # known data, not asked again

    fout = client.post(
        url, {"product": str(parkeervergunning.uuid), "kanaal": "telefoon", "v-kenteken": ""}
    )
    tekst = fout.content.decode()
    assert fout.status_code == 200
    assert "Er is iets niet goed ingevuld" in tekst and "Vul dit in." in tekst
    assert 'aria-invalid="true"' in tekst
    assert Zaak.objects.count() == 1

    ok = client.post(
        url,
        {
            "product": str(parkeervergunning.uuid),
            "kanaal": "telefoon",
            "v-kenteken": "XY-99-Z",
            "v-soort_auto": "Benzine",
            "overdracht": "Klant heeft haast: verhuist volgende week.",
        },
    )
    zaak = Zaak.objects.latest("id")
    assert ok["Location"] == f"/kcc/zaken/{zaak.uuid}/"
    assert zaak.antwoorden == {"kenteken": "XY-99-Z", "soort_auto": "Benzine"}
    assert zaak.overdracht == "Klant heeft haast: verhuist volgende week."
    page = client.get(ok["Location"]).content.decode()
    assert "Overdracht van het KCC" in page and "verhuist volgende week" in page
    assert "<dt>Kenteken</dt><dd>XY-99-Z</dd>" in page


def test_it_hands_a_case_to_another_afdeling_which_is_told(
    client, klantmanager, klant, product, teamleider
):
    from kcc.models import Melding
    from zaken import services

    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    vth = AfdelingFactory(code="vergunningen", naam="Vergunningen")
    vth_leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-vth-overdracht")
    vth_leider.afdelingen.add(vth)
    client.force_login(klantmanager)
    response = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/",
        {"actie": "overdragen", "afdeling": str(vth.uuid), "toelichting": "Hoort bij de bouw"},
        follow=True,
    )
    assert "Opgeslagen." in response.content.decode()
    zaak = Zaak.objects.get(pk=zaak.pk)
    assert zaak.afdeling == vth and "Hoort bij de bouw" in zaak.overdracht
    [melding] = Melding.objects.filter(ontvanger=vth_leider)
    assert zaak.nummer in melding.titel
    client.force_login(vth_leider)
    meldingen = client.get("/kcc/meldingen/").content.decode()
    assert zaak.nummer in meldingen and "meldingen-teller" in meldingen
    client.post("/kcc/meldingen/", {"melding": str(melding.uuid)})
    assert Melding.objects.get(pk=melding.pk).gelezen_op is not None
    leeg = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/",
        {"actie": "overdragen", "afdeling": str(product.afdeling.uuid), "toelichting": ""},
        follow=True,
    )
    assert "Schrijf op wat de afdeling moet weten." in leeg.content.decode()


def test_a_behandelaar_who_hands_a_case_away_goes_back_to_the_work_queue(
    client, behandelaar, klant, product, teamleider
):
    from zaken import services

    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    vth = AfdelingFactory(code="vergunningen", naam="Vergunningen")
    client.force_login(behandelaar)
    response = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/",
        {"actie": "overdragen", "afdeling": str(vth.uuid), "toelichting": "Hoort bij de bouw"},
        follow=True,
    )
    # Not a 404 on a case that is no longer theirs: their queue, and where it went.
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/kcc/zaken/"
    assert f"{zaak.nummer} ligt nu bij Vergunningen" in response.content.decode()


def test_it_keeps_case_documents_checked_and_behind_access_control(
    client, behandelaar, klant, parkeervergunning, teamleider
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kcc.models import AuditLogEntry
    from zaken import services

    behandelaar.afdelingen.add(parkeervergunning.afdeling)
    zaak = services.zaak_registreren(
        klant=klant,
        product=parkeervergunning,
        kanaal="telefoon",
        user=teamleider,
        antwoorden={"kenteken": "AB-123-C", "soort_auto": "Benzine"},
    )
    client.force_login(behandelaar)
    url = f"/kcc/zaken/{zaak.uuid}/actie/"
    png = SimpleUploadedFile("kenteken.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    geweigerd = client.post(
        url, {"actie": "document", "naam": "Kentekenbewijs", "bestand": png}, follow=True
    )
    assert "Hier kunt u alleen PDF gebruiken" in geweigerd.content.decode()
    assert zaak.documenten.count() == 0

    pdf = SimpleUploadedFile("Kenteken <scan>.pdf", PDF)
    client.post(url, {"actie": "document", "naam": "Kentekenbewijs", "bestand": pdf})
    document = zaak.documenten.get()
    assert document.bestandsnaam == "Kenteken scan.pdf" and document.bestandstype == "pdf"
    assert document.bestand.name.endswith(f"{document.uuid.hex}.pdf")
    page = client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    assert f"/kcc/documenten/{document.uuid}/" in page

    download = client.get(f"/kcc/documenten/{document.uuid}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert AuditLogEntry.objects.filter(
        gebruiker=behandelaar, omschrijving__contains="Kentekenbewijs"
    ).exists()

    vreemde = UserFactory(rollen=[Rol.BEHANDELAAR], username="vth-doc")
    vreemde.afdelingen.add(AfdelingFactory(code="vergunningen"))
    client.force_login(vreemde)
    assert client.get(f"/kcc/documenten/{document.uuid}/").status_code == 404


def test_it_pages_a_long_queue_forward_and_back_without_gaps(
    client, behandelaar, klant, product, teamleider
):
    from datetime import timedelta

    from django.utils import timezone

    from zaken import services

    vandaag = timezone.localdate()
    for i in range(120):
        zaak = services.zaak_registreren(
            klant=klant, product=product, kanaal="balie", user=teamleider
        )
        # Many cases share a deadline: the id breaks the tie.
        Zaak.objects.filter(pk=zaak.pk).update(termijndatum=vandaag + timedelta(days=i % 7))
    client.force_login(behandelaar)

    def pagina(query):
        response = client.get("/kcc/zaken/" + query)
        voorraad = response.context["voorraad"]
        return [z.pk for z in voorraad.zaken], voorraad

    gezien, voorraad = pagina("")
    assert voorraad.vorige is None
    paginas = [gezien]
    while voorraad.volgende:
        rijen, voorraad = pagina(f"?na={voorraad.volgende}")
        paginas.append(rijen)
    assert [len(p) for p in paginas] == [50, 50, 20]
    alle = [pk for p in paginas for pk in p]
    verwacht = list(Zaak.objects.order_by("termijndatum", "id").values_list("pk", flat=True))
    assert alle == verwacht
    terug, voorraad = pagina(f"?voor={voorraad.vorige}")
    assert terug == paginas[1]
    assert pagina("?na=kapot")[0] == paginas[0]
