"""Behind the reverse proxy, the client's address comes from the proxy alone."""

from django.test import RequestFactory

from kcc.proxy import client_address_middleware


def test_it_takes_the_client_address_from_a_trusted_proxy_only(settings):
    gezien = []

    def view(request):
        gezien.append(request.META["REMOTE_ADDR"])

    settings.TRUSTED_PROXIES = ["172.16.0.0/12"]
    middleware = client_address_middleware(view)
    factory = RequestFactory()
    middleware(factory.get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="203.0.113.7"))
    # A client that sends its own header straight to the server is ignored.
    middleware(factory.get("/", REMOTE_ADDR="198.51.100.2", HTTP_X_FORWARDED_FOR="203.0.113.7"))
    # A proxy that appends: the entry it added is the last.
    middleware(
        factory.get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    )
    middleware(factory.get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="niet-een-adres"))
    assert gezien == ["203.0.113.7", "198.51.100.2", "203.0.113.9", "172.18.0.5"]
