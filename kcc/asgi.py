"""The ASGI entry point: the websockets (/ws/...) and nothing else in production.

Pages and the API are served by WSGI workers (kcc/wsgi.py, gunicorn); the
reverse proxy sends only /ws/ here. Django's HTTP application stays mounted so
the server answers /healthz/live for its own container check.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcc.settings")
# Read by the settings: no persistent database connections under ASGI, where
# synchronous code runs on a thread pool (see DATABASES in kcc/settings.py).
# Set, not defaulted: a value exported for the WSGI server must not leak in.
os.environ["KCC_SERVER_INTERFACE"] = "asgi"

from django.core.asgi import get_asgi_application

# Django must be set up before the consumers (and their models) are imported.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from kcc.proxy import ClientAdresAsgi  # noqa: E402
from kcc.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": ClientAdresAsgi(
            AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
    }
)
