"""Choices shared by every building block."""

import functools

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class KanaalSoort(models.TextChoices):
    """The ways a customer reaches the municipality. The registry of their
    opening hours, norms and costs is ``kanalen.Kanaal``; other apps store
    the code."""

    BALIE = "balie", _("Balie")
    TELEFOON = "telefoon", _("Telefoon")
    INTERNET = "internet", _("Internet")
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")
    CHAT = "chat", _("Chat")
    SMS = "sms", _("Sms")


class Weekdag(models.IntegerChoices):
    """Monday is 0, as ``date.weekday()`` counts."""

    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


class Doelgroep(models.TextChoices):
    BURGER = "burger", _("Inwoners")
    BEDRIJF = "bedrijf", _("Ondernemers")
    INSTELLING = "instelling", _("Instellingen")


@functools.cache
def _labels(model: type[models.Model], veld: str, taal: str | None) -> dict:
    return {waarde: str(label) for waarde, label in model._meta.get_field(veld).flatchoices}


def choice_label(model: type[models.Model], veld: str, waarde) -> str:
    """The label of ``waarde`` for the field's choices (the value if unknown)."""
    return _labels(model, veld, get_language()).get(waarde, waarde)


def weergave(obj: models.Model, veld: str) -> str:
    """What ``obj.get_<veld>_display()`` returns, from a table made once per
    language. Django's own builds and hashes every translated label on each
    call; a timeline or an export of thousands of rows calls it thousands
    of times."""
    waarde = getattr(obj, veld)
    return _labels(type(obj), veld, get_language()).get(waarde, waarde)


class Betrouwbaarheidsniveau(models.IntegerChoices):
    """How sure a login is of who logs in (level of assurance), on one scale
    for DigiD and eHerkenning: DigiD Basis is eH2, Midden eH2+, Substantieel
    eH3 and Hoog eH4. A product asks a minimum; a login states what it reached."""

    BASIS = 10, _("Basis")
    MIDDEN = 20, _("Midden")
    SUBSTANTIEEL = 30, _("Substantieel")
    HOOG = 40, _("Hoog")


class Machtiging(models.TextChoices):
    """On whose behalf a customer logged in, when not their own."""

    DIGID_MACHTIGEN = "digid_machtigen", _("DigiD Machtigen")
    BEWINDVOERING = "bewindvoering", _("Bewindvoering (eHerkenning)")


class Vertrouwelijkheid(models.TextChoices):
    """How confidential a product's cases are (the ZGW
    vertrouwelijkheidaanduiding), from open to most secret. An API client is
    granted cases up to a maximum."""

    OPENBAAR = "openbaar", _("Openbaar")
    BEPERKT_OPENBAAR = "beperkt_openbaar", _("Beperkt openbaar")
    INTERN = "intern", _("Intern")
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", _("Zaakvertrouwelijk")
    VERTROUWELIJK = "vertrouwelijk", _("Vertrouwelijk")
    CONFIDENTIEEL = "confidentieel", _("Confidentieel")
    GEHEIM = "geheim", _("Geheim")
    ZEER_GEHEIM = "zeer_geheim", _("Zeer geheim")

    @classmethod
    def tot_en_met(cls, maximum: str) -> list[str]:
        """The values no more confidential than ``maximum``."""
        waarden = list(cls.values)
        return waarden[: waarden.index(maximum) + 1]
