import pytest

from kanalen.berichten import sms


def test_it_writes_sms_to_the_local_outbox_by_default(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = tmp_path
    sms.send_sms(to="+31612345678", text="Uw paspoort ligt klaar.")
    [file] = tmp_path.iterdir()
    assert "To: +31612345678" in file.read_text()
    assert "Uw paspoort ligt klaar." in file.read_text()


def test_it_keeps_sms_in_memory_for_tests(settings):
    settings.SMS_BACKEND = "locmem"
    sms.outbox.clear()
    sms.send_sms(to="+31612345678", text="Test")
    assert [m.text for m in sms.outbox] == ["Test"]


class _Antwoord:
    def __init__(self, status_code):
        self.status_code = status_code


@pytest.fixture
def gateway(settings):
    settings.SMS_BACKEND = "gateway"
    settings.SMS_GATEWAY_URL = "https://sms.example.nl/messages"
    settings.SMS_GATEWAY_TOKEN = "geheim"


def test_it_sends_through_the_http_gateway_with_our_reference(gateway, monkeypatch):
    verzoeken = []

    def post(url, json, headers, timeout):
        verzoeken.append((url, json, headers))
        return _Antwoord(201)

    monkeypatch.setattr("requests.post", post)
    sms.send_sms(to="+31612345678", text="Uw paspoort ligt klaar.", reference="abc")
    [(url, body, headers)] = verzoeken
    assert url == "https://sms.example.nl/messages"
    assert body["recipients"] == ["+31612345678"] and body["reference"] == "abc"
    assert headers["Authorization"] == "AccessKey geheim"


@pytest.mark.parametrize(
    ("antwoord", "fout"),
    [(503, sms.SmsTijdelijkMislukt), (429, sms.SmsTijdelijkMislukt), (422, sms.SmsMislukt)],
)
def test_it_tells_a_passing_gateway_failure_from_a_final_one(gateway, monkeypatch, antwoord, fout):
    monkeypatch.setattr("requests.post", lambda *a, **k: _Antwoord(antwoord))
    with pytest.raises(fout) as error:
        sms.send_sms(to="+31612345678", text="x")
    assert (error.type is sms.SmsTijdelijkMislukt) == (fout is sms.SmsTijdelijkMislukt)


def test_it_treats_an_unreachable_gateway_as_passing(gateway, monkeypatch):
    import requests

    def weg(*args, **kwargs):
        raise requests.ConnectionError("no route")

    monkeypatch.setattr("requests.post", weg)
    with pytest.raises(sms.SmsTijdelijkMislukt):
        sms.send_sms(to="+31612345678", text="x")


def test_it_normalises_dutch_phone_numbers_and_refuses_nonsense():
    from django.core.exceptions import ValidationError

    from kcc.telefoon import is_mobiel, normaliseer_telefoon

    assert normaliseer_telefoon("06 12 34 56 78") == "+31612345678"
    assert normaliseer_telefoon("+31 20 123 4567") == "+31201234567"
    assert is_mobiel("+31612345678") and not is_mobiel("+31201234567")
    with pytest.raises(ValidationError, match="geen geldig telefoonnummer"):
        normaliseer_telefoon("12")
