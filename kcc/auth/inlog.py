"""What a customer's login says beyond who they are.

Every login route (the simulator, the OIDC broker, SAML) hands over an
``Inlog``: the means (DigiD or eHerkenning), the level of assurance reached,
on whose behalf the person acts (DigiD Machtigen, bewindvoering) and, for
eHerkenning, the vestiging. ``inlog_vastleggen`` keeps it in the session and
in the audit log when the login completes; ``huidige_inlog`` reads it back
for the rules that depend on it (a product's minimum level, the case that
records who acted for whom).

The levels are compared on one scale (``Betrouwbaarheidsniveau``); the
standard SAML names of DigiD's and eHerkenning's levels map onto it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from digid_eherkenning.choices import AssuranceLevels, DigiDAssuranceLevels
from django.utils.translation import gettext as _

from kcc.choices import Betrouwbaarheidsniveau, Machtiging

SESSIESLEUTEL = "klant_inlog"
DIGID = "digid"
EHERKENNING = "eherkenning"

# The standard names (SAML AuthnContextClassRef, also what brokers return).
_STANDAARDNAMEN = {
    DigiDAssuranceLevels.base.value: Betrouwbaarheidsniveau.BASIS,
    DigiDAssuranceLevels.middle.value: Betrouwbaarheidsniveau.MIDDEN,
    DigiDAssuranceLevels.substantial.value: Betrouwbaarheidsniveau.SUBSTANTIEEL,
    DigiDAssuranceLevels.high.value: Betrouwbaarheidsniveau.HOOG,
    AssuranceLevels.non_existent.value: Betrouwbaarheidsniveau.BASIS,
    AssuranceLevels.low.value: Betrouwbaarheidsniveau.BASIS,
    AssuranceLevels.low_plus.value: Betrouwbaarheidsniveau.MIDDEN,
    AssuranceLevels.substantial.value: Betrouwbaarheidsniveau.SUBSTANTIEEL,
    AssuranceLevels.high.value: Betrouwbaarheidsniveau.HOOG,
}
# What the simulator offers first: DigiD's app without ID check is Midden,
# eHerkenning is usually asked for eH3.
STANDAARDNIVEAU = {
    DIGID: Betrouwbaarheidsniveau.MIDDEN,
    EHERKENNING: Betrouwbaarheidsniveau.SUBSTANTIEEL,
}

# eHerkenning's own way of naming its levels.
_EH_NAMEN = {
    Betrouwbaarheidsniveau.BASIS: "eH2",
    Betrouwbaarheidsniveau.MIDDEN: "eH2+",
    Betrouwbaarheidsniveau.SUBSTANTIEEL: "eH3",
    Betrouwbaarheidsniveau.HOOG: "eH4",
}


def niveau_uit(waarde, standaard: int | None = None) -> int | None:
    """The level a login route reported: a standard name (SAML class or
    eHerkenning loa URN), a number on our scale, or an eH name such as
    ``eH3``. Unknown values give ``standaard``: a login whose level is not
    understood counts as no more than the route promises."""
    if waarde in (None, ""):
        return standaard
    tekst = str(waarde).strip()
    if tekst in _STANDAARDNAMEN:
        return int(_STANDAARDNAMEN[tekst])
    for niveau, naam in _EH_NAMEN.items():
        if tekst.lower() == naam.lower():
            return int(niveau)
    if tekst.isdigit() and int(tekst) in Betrouwbaarheidsniveau.values:
        return int(tekst)
    return standaard


def niveau_naam(niveau: int, middel: str = DIGID) -> str:
    """``DigiD Substantieel`` or ``eHerkenning eH3``: how the customer knows it."""
    niveau = Betrouwbaarheidsniveau(niveau)
    if middel == EHERKENNING:
        return _("eHerkenning %(niveau)s") % {"niveau": _EH_NAMEN[niveau]}
    return _("DigiD %(niveau)s") % {"niveau": niveau.label}


def eis_naam(niveau: int) -> str:
    """A product's minimum in words that hold for both means."""
    niveau = Betrouwbaarheidsniveau(niveau)
    return _("DigiD %(digid)s of eHerkenning %(eh)s") % {
        "digid": niveau.label,
        "eh": _EH_NAMEN[niveau],
    }


@dataclass(frozen=True)
class Inlog:
    middel: str
    niveau: int
    # Whoever acts on the customer's behalf (their BSN or KVK number) and how.
    machtiging: str = ""
    gemachtigde: str = ""
    # eHerkenning: the vestiging (12 digits) the employee logged in for.
    vestigingsnummer: str = ""

    def __post_init__(self):
        if self.middel not in (DIGID, EHERKENNING):
            raise ValueError(f"Unknown means {self.middel!r}")
        Betrouwbaarheidsniveau(self.niveau)
        if bool(self.machtiging) != bool(self.gemachtigde):
            raise ValueError("A machtiging needs both its kind and who acts")
        if self.machtiging:
            Machtiging(self.machtiging)

    @property
    def niveau_naam(self) -> str:
        return niveau_naam(self.niveau, self.middel)

    @property
    def machtiging_naam(self) -> str:
        return Machtiging(self.machtiging).label if self.machtiging else ""

    def beschrijving(self) -> str:
        """For the audit log: the means, level and any machtiging, no numbers."""
        tekst = self.niveau_naam
        if self.machtiging:
            tekst += ", " + _("namens de klant via %(soort)s") % {"soort": self.machtiging_naam}
        if self.vestigingsnummer:
            tekst += ", " + _("vestiging %(nummer)s") % {"nummer": self.vestigingsnummer}
        return tekst


def huidige_inlog(request) -> Inlog:
    """What the customer's login said. A session without it (one from before
    levels were kept) counts as the lowest level of the customer's means."""
    gegevens = request.session.get(SESSIESLEUTEL) if hasattr(request, "session") else None
    try:
        return Inlog(**gegevens)
    except (TypeError, ValueError):
        user = getattr(request, "user", None)
        middel = EHERKENNING if getattr(user, "kvk_nummer", "") else DIGID
        return Inlog(middel=middel, niveau=Betrouwbaarheidsniveau.BASIS)


def inlog_meegeven(user, inlog: Inlog):
    """Called by a login route on the user it authenticated: the login signal
    (``inlog_vastleggen``) finds it there once the session is the user's."""
    user.klant_inlog = inlog
    return user


def inlog_vastleggen(request, user) -> None:
    """user_logged_in: keep what the login route said in the new session and
    record the login, with level and machtiging, in the audit log."""
    inlog = getattr(user, "klant_inlog", None)
    if request is None or not hasattr(request, "session") or not user.is_klant:
        return
    if inlog is None:
        request.session.pop(SESSIESLEUTEL, None)
        return
    request.session[SESSIESLEUTEL] = asdict(inlog)
    from kcc.audit import Actie, audit_log

    audit_log(
        user=user,
        actie=Actie.INLOGGEN,
        object_type="kcc.User",
        betrokkene=user.bsn or user.kvk_nummer or "",
        omschrijving=_("Ingelogd met %(inlog)s") % {"inlog": inlog.beschrijving()},
        reden=(
            _("Gemachtigde %(wie)s") % {"wie": inlog.gemachtigde}
            if inlog.gemachtigde
            else _("Inloggen op Mijn omgeving")
        ),
        request=request,
    )
