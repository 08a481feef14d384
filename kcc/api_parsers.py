"""Reading JSON that came from outside (its own module: DRF imports it while
defining its views, through REST_FRAMEWORK's parser classes).

Python's json module parses as deep as the body nests and then gives up with
a RecursionError, not a ValueError; and PostgreSQL stores no NUL character
(``\\u0000``) in text or jsonb. Both are refused here, when the body is read,
as unreadable input: a 400 with a problem+json, never a server error halfway
through a write.
"""

from __future__ import annotations

import json

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers

# Far deeper than any document of the platform nests (a case's answers are a
# few levels), far below what takes Python's stack.
MAX_DIEPTE = 64


class OnleesbareJSON(ValueError):
    """The body is no JSON the platform can store."""


def _controleren(data) -> None:
    """Depth and NUL characters, walked without recursion."""
    te_doen = [(data, 1)]
    while te_doen:
        waarde, diepte = te_doen.pop()
        if diepte > MAX_DIEPTE:
            raise OnleesbareJSON(
                _("De gegevens zijn dieper genest dan %(max)s niveaus.") % {"max": MAX_DIEPTE}
            )
        if isinstance(waarde, dict):
            te_doen.extend((sleutel, diepte) for sleutel in waarde)
            te_doen.extend((kind, diepte + 1) for kind in waarde.values())
        elif isinstance(waarde, list):
            te_doen.extend((kind, diepte + 1) for kind in waarde)
        elif isinstance(waarde, str) and "\x00" in waarde:
            raise OnleesbareJSON(_("De gegevens bevatten een nul-teken (\\u0000)."))


def _geen_constante(naam: str):
    raise OnleesbareJSON(_("De gegevens bevatten %(naam)s; dat is geen JSON.") % {"naam": naam})


def json_lezen(body: bytes | str):
    """The JSON document in ``body``; OnleesbareJSON (a ValueError) when it is
    not JSON (NaN and Infinity are not), nests too deep or holds a NUL
    character."""
    try:
        data = json.loads(body, parse_constant=_geen_constante)
    except OnleesbareJSON:
        raise
    except RecursionError:
        raise OnleesbareJSON(
            _("De gegevens zijn dieper genest dan %(max)s niveaus.") % {"max": MAX_DIEPTE}
        ) from None
    except ValueError as fout:
        raise OnleesbareJSON(
            _("De gegevens zijn geen geldige JSON: %(fout)s") % {"fout": fout}
        ) from None
    _controleren(data)
    return data


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing what json_lezen refuses."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(
                _("De gegevens zijn dieper genest dan %(max)s niveaus.") % {"max": MAX_DIEPTE}
            ) from None
        try:
            _controleren(data)
        except OnleesbareJSON as fout:
            raise exceptions.ParseError(str(fout)) from None
        return data
