"""kanalen listens to the building blocks below it."""

from kanalen.berichten import services as bericht_services
from kanalen.inbox import routering


def zaak_gewijzigd(sender, zaak, wijziging, **kwargs):
    """A case changed: tell the customer when the change says so (same
    transaction), and the agents who have the customer open (after commit)."""
    from kcc.realtime import klant_group, push_to_group

    if wijziging.klant_informeren:
        bericht_services.bericht_voor_zaakwijziging(zaak=zaak, wijziging=wijziging)
    push_to_group(
        klant_group(zaak.klant.uuid),
        {
            "type": "zaak",
            "tekst": f"{zaak.nummer}: {wijziging.statusstap or wijziging.get_naar_display()}",
        },
    )


def inbox_gewijzigd(sender, **kwargs):
    """An e-mail, SMS, letter or contactverzoek was stored (new, taken,
    released, done, routed): every open inbox fetches its list again. Chats
    say so from their own services, since a chat is saved on every message."""
    from kcc.realtime import INBOX_GROUP, push_to_group

    push_to_group(INBOX_GROUP, {"type": "wachtrij"})


def klanten_samengevoegd(sender, behouden, opheffen, **kwargs):
    """A duplicate customer was merged: the messages sent to them move along."""
    from kanalen.models import Bericht

    Bericht.objects.filter(klant=opheffen).update(klant=behouden)


def uitgelogd(sender, request, user, **kwargs):
    """An agent who logs out gets no more work routed to them."""
    if user is not None and user.is_authenticated:
        routering.afmelden(user)


def ingelogd(sender, request, user, **kwargs):
    """A citizen or business that logs in is greeted by name, not by the
    technical username: the name comes from their customer record (made
    from the person register on first use)."""
    if user is None or not user.is_klant:
        return
    from klanten import services as klant_services
    from klanten.selectors import klant_van_gebruiker

    klant = klant_van_gebruiker(user=user)
    if klant is None and user.bsn:
        klant = klant_services.klant_met_bsn(bsn=user.bsn, user=user)
    if klant is None:
        return
    if klant.soort == klant.Soort.PERSOON:
        achternaam = " ".join(p for p in [klant.voorvoegsel, klant.geslachtsnaam] if p)
        naam = (klant.voornamen[:150], achternaam[:150])
    else:
        naam = (klant.organisatienaam[:150], "")
    if (user.first_name, user.last_name) != naam:
        user.first_name, user.last_name = naam
        user.save(update_fields=["first_name", "last_name"])
