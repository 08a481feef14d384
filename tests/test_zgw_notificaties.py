"""Notifications to subscribers: registered with a test message that must be
answered 2xx, written with the change, delivered by a worker with retries,
and each in the form of the official Notificaties files."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from kcc.koppelingen import notificaties
from kcc.koppelingen.models import Abonnement, Notificatie, NotificatieStatus
from tests import zgw
from tests.factories import PDF, maak_product

KANALEN = [("balie", True, "84.40"), ("internet", True, "84.40")]


class Ontvanger:
    """A subscriber's callback on a local port: keeps what it receives and
    answers ``status``."""

    def __init__(self):
        self.ontvangen: list[dict] = []
        self.koppen: list[dict] = []
        self.status = 204
        ontvanger = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                lengte = int(self.headers.get("Content-Length", 0))
                ontvanger.ontvangen.append(json.loads(self.rfile.read(lengte)))
                ontvanger.koppen.append(dict(self.headers))
                self.send_response(ontvanger.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/callback"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def sluiten(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def ontvanger():
    o = Ontvanger()
    yield o
    o.sluiten()


def geldig(bericht: dict) -> None:
    zgw.schema_valideren("notificaties-consumer", "Notificatie", bericht)
    zgw.schema_valideren("notificaties", "Message", bericht)


def test_the_beheerder_registers_an_abonnement_after_its_test_message(client, beheerder, ontvanger):
    client.force_login(beheerder)
    formulier = {
        "callback_url": ontvanger.url,
        "auth": "Token abc",
        "kanalen": json.dumps([{"naam": "zaken", "filters": {}}]),
        "actief": "on",
    }
    ontvanger.status = 500
    r = client.post("/beheer/kcc/abonnement/add/", formulier)
    assert r.status_code == 200
    assert "antwoordde 500" in r.content.decode()
    assert not Abonnement.objects.exists()

    ontvanger.status = 204
    r = client.post("/beheer/kcc/abonnement/add/", formulier)
    assert r.status_code == 302
    assert Abonnement.objects.get().callback_url == ontvanger.url
    test = ontvanger.ontvangen[-1]
    assert test["kanaal"] == "test"
    assert ontvanger.koppen[-1]["Authorization"] == "Token abc"
    geldig(test)

    r = client.post(
        "/beheer/kcc/abonnement/add/",
        {**formulier, "kanalen": json.dumps([{"naam": "zaken", "filters": {"bsn": "1"}}])},
    )
    assert "alleen gefilterd worden op" in r.content.decode()


def test_a_subscriber_hears_every_event_of_a_case(
    ontvanger, klant, teamleider, django_capture_on_commit_callbacks
):
    from zaken import services

    Abonnement.objects.create(
        callback_url=ontvanger.url, auth="Token x", kanalen=[{"naam": "zaken", "filters": {}}]
    )
    product = maak_product(
        kanalen=KANALEN, wettelijke_termijn_aantal=8, wettelijke_termijn_eenheid="weken"
    )
    with django_capture_on_commit_callbacks(execute=True):
        zaak = services.zaak_registreren(
            klant=klant, product=product, kanaal="balie", user=teamleider
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_in_behandeling_nemen(zaak=zaak, user=teamleider)
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_document_toevoegen(
            zaak=zaak,
            user=teamleider,
            bestand=SimpleUploadedFile("brief.pdf", PDF, content_type="application/pdf"),
            naam="Brief",
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_wacht_op_klant(zaak=zaak, user=teamleider, vraag="Stuur uw pasfoto")
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_hervatten(zaak=zaak, user=teamleider)
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_verlengen(zaak=zaak, user=teamleider, weken=4, reden="Advies nodig")
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_statusstap_zetten(zaak=zaak, user=teamleider, stap="Ligt klaar")
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_afhandelen(zaak=zaak, user=teamleider, resultaat="Verstrekt")

    gehoord = [(b["resource"], b["actie"]) for b in ontvanger.ontvangen]
    assert gehoord == [
        ("zaak", "create"),
        ("status", "create"),
        ("status", "create"),
        ("zaakinformatieobject", "create"),
        ("zaak", "partial_update"),
        ("status", "create"),
        ("zaak", "partial_update"),
        ("status", "create"),
        ("zaak", "partial_update"),
        ("status", "create"),
        ("status", "create"),
        ("resultaat", "create"),
    ]
    for bericht in ontvanger.ontvangen:
        geldig(bericht)
        assert bericht["kanaal"] == "zaken"
        assert bericht["hoofdObject"] == f"http://127.0.0.1:8000/zaken/api/v1/zaken/{zaak.uuid}"
        assert bericht["kenmerken"] == {
            "bronorganisatie": "123456782",
            "zaaktype": f"http://127.0.0.1:8000/catalogi/api/v1/zaaktypen/{zaak.productversie.uuid}",
            "vertrouwelijkheidaanduiding": "openbaar",
        }
    assert set(Notificatie.objects.values_list("status", flat=True)) == {"afgeleverd"}


def test_filters_choose_what_a_subscriber_hears_and_a_rollback_tells_nobody(
    ontvanger, klant, teamleider, django_capture_on_commit_callbacks
):
    from zaken import services

    Abonnement.objects.create(
        callback_url=ontvanger.url,
        kanalen=[{"naam": "zaken", "filters": {"vertrouwelijkheidaanduiding": "openbaar"}}],
    )
    geheim = maak_product(
        "bijstand", "Bijstand", kanalen=KANALEN, vertrouwelijkheid="vertrouwelijk"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_registreren(klant=klant, product=geheim, kanaal="balie", user=teamleider)
    assert ontvanger.ontvangen == []

    openbaar = maak_product(kanalen=KANALEN)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.zaak_registreren(klant=klant, product=openbaar, kanaal="balie", user=teamleider)
        raise RuntimeError("de wijziging gaat niet door")
    assert ontvanger.ontvangen == []
    assert not Notificatie.objects.exists()


def test_a_failed_delivery_is_tried_again_then_shown_and_can_be_resent(
    ontvanger, klant, teamleider, klok, client, beheerder, django_capture_on_commit_callbacks
):
    from zaken import services

    Abonnement.objects.create(callback_url=ontvanger.url, kanalen=[{"naam": "zaken"}])
    ontvanger.status = 503
    with django_capture_on_commit_callbacks(execute=True):
        services.zaak_registreren(
            klant=klant, product=maak_product(kanalen=KANALEN), kanaal="balie", user=teamleider
        )
    rijen = list(Notificatie.objects.order_by("id"))
    assert len(rijen) == 2
    assert {r.status for r in rijen} == {NotificatieStatus.WACHTRIJ}
    assert {r.pogingen for r in rijen} == {1}
    assert {r.laatste_fout for r in rijen} == {"HTTP 503"}

    # Not due yet: nothing goes out; then, after each backoff, again.
    assert notificaties.wachtrij_verwerken() == 0
    for _poging in range(notificaties.MAX_POGINGEN - 1):
        klok.move_to(timezone.now() + timedelta(hours=5))
        notificaties.wachtrij_verwerken()
    assert set(Notificatie.objects.values_list("status", flat=True)) == {"mislukt"}

    ontvanger.status = 200
    client.force_login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(
            "/beheer/kcc/notificatie/",
            {
                "action": "opnieuw_versturen",
                "_selected_action": [r.pk for r in rijen],
            },
        )
    assert r.status_code == 302
    assert set(Notificatie.objects.values_list("status", flat=True)) == {"afgeleverd"}
    assert [b["resource"] for b in ontvanger.ontvangen[-2:]] == ["zaak", "status"]


def test_an_applicatie_registers_its_own_abonnement_through_the_api(client, ontvanger, db):
    from kcc.koppelingen.models import Applicatie, Autorisatie

    geheim = "een-geheim-van-minstens-tweeendertig-tekens"
    app = Applicatie.objects.create(label="Zaaksysteem", client_id="zs", secret=geheim)
    Autorisatie.objects.create(
        applicatie=app, component="notificaties", scopes=["notificaties.consumeren"]
    )
    kop = {"HTTP_AUTHORIZATION": f"Bearer {zgw.jwt_maken('zs', geheim)}"}
    kanalen = client.get("/notificaties/api/v1/kanaal", **kop).json()
    assert kanalen[0]["naam"] == "zaken"
    assert "zaaktype" in kanalen[0]["filters"]

    body = {
        "callbackUrl": ontvanger.url,
        "auth": "Bearer abc",
        "kanalen": [{"naam": "zaken", "filters": {"bronorganisatie": "123456782"}}],
    }
    ontvanger.status = 401
    r = client.post("/notificaties/api/v1/abonnement", body, content_type="application/json", **kop)
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "callbackUrl"
    assert not Abonnement.objects.exists()

    ontvanger.status = 204
    r = client.post("/notificaties/api/v1/abonnement", body, content_type="application/json", **kop)
    assert r.status_code == 201, r.content
    assert ontvanger.ontvangen[-1]["kanaal"] == "test"
    url = r.json()["url"]
    assert client.get("/notificaties/api/v1/abonnement", **kop).json() == [r.json()]
    pad = url.removeprefix("http://127.0.0.1:8000")
    assert client.get(pad, **kop).json()["callbackUrl"] == ontvanger.url
    assert client.delete(pad, **kop).status_code == 204
    assert not Abonnement.objects.exists()

    r = client.post(
        "/notificaties/api/v1/abonnement",
        {**body, "kanalen": [{"naam": "besluiten"}]},
        content_type="application/json",
        **kop,
    )
    assert r.status_code == 400
    zonder = {"HTTP_AUTHORIZATION": f"Bearer {zgw.jwt_maken('onbekend', geheim)}"}
    assert client.get("/notificaties/api/v1/abonnement", **zonder).status_code == 403


def test_production_posts_notifications_only_to_https(client, ontvanger, settings, db):
    """An applicatie may not have the platform post cases to a plain-http
    (or internal) address in production: refused, nothing written, no post."""
    from kcc.koppelingen.models import Applicatie, Autorisatie

    geheim = "een-geheim-van-minstens-tweeendertig-tekens"
    app = Applicatie.objects.create(label="Zaaksysteem", client_id="zs", secret=geheim)
    Autorisatie.objects.create(
        applicatie=app, component="notificaties", scopes=["notificaties.consumeren"]
    )
    settings.PRODUCTION = True
    r = client.post(
        "/notificaties/api/v1/abonnement",
        {"callbackUrl": ontvanger.url, "auth": "Token x", "kanalen": [{"naam": "zaken"}]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {zgw.jwt_maken('zs', geheim)}",
    )
    assert r.status_code == 400
    assert "https://" in r.json()["invalidParams"][0]["reason"]
    assert ontvanger.ontvangen == []
    assert not Abonnement.objects.exists()
