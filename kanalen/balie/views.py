"""The counter's screens: appointments in the portal and the workspace, the
kiosk, the waiting room's display and the desk.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kanalen.balie import afspraken as afspraak_services
from kanalen.balie import apparaten
from kanalen.balie import wachtnummers as wachtnummer_services
from kanalen.models import Afspraak, Balie, Wachtnummer
from kanalen.portaal.views.klant import ingelogde_klant, ingelogde_klant_of_404
from kcc import formaat
from kcc.access import klant_required, medewerker_required, per_uuid_of_404
from kcc.audit import Actie, audit_log
from kcc.bevestigen import bevestiging_gevraagd
from kcc.choices import KanaalSoort
from kcc.identifiers import is_valid_bsn, normalise_bsn
from kcc.limiet import bezoekersadres, binnen_limiet
from klanten import services as klant_services
from klanten.selectors import klant_inzien
from zaken import services as zaken_services


def _tijdkeuze(request, product, *, behalve: Afspraak | None = None) -> dict:
    """The days with free places and, for the chosen day (?dag=, else the
    first), its free times; one pass over the booking window."""
    per_dag: dict = {}
    for slot in afspraak_services.boekbare_tijden(product=product, behalve=behalve):
        per_dag.setdefault(timezone.localdate(slot.begin), []).append(slot)
    try:
        gekozen = parse_date(request.GET.get("dag") or "")
    except ValueError:  # well-formed but impossible, e.g. 2026-13-45
        gekozen = None
    if gekozen not in per_dag:
        gekozen = next(iter(per_dag), None)
    return {
        "product": product,
        "dagen": [(dag, sum(t.vrij for t in tijden)) for dag, tijden in per_dag.items()],
        "gekozen_dag": gekozen,
        "tijden": per_dag.get(gekozen, []),
    }


def _begin_uit(request) -> datetime:
    try:
        begin = parse_datetime(request.POST.get("begin") or "")
        if begin is not None:
            # In local time: PostgreSQL keeps no offset beyond 15:59, and year
            # 9999 with a negative offset overflows here. A naive one is refused.
            begin = timezone.localtime(begin)
    except (ValueError, OverflowError):  # e.g. month 13
        begin = None
    if begin is None or timezone.is_naive(begin):
        raise ValidationError(_("Kies een tijd."), code="geen_tijd")
    return begin


@require_GET
@klant_required
def portaal_afspraken(request):
    klant = ingelogde_klant(request)
    afspraken = (
        list(klant.afspraken.select_related("product").order_by("-begin")[:50]) if klant else []
    )
    nu = timezone.now()
    return render(
        request,
        "pip/afspraken.html",
        {
            "klant": klant,
            "komend": sorted(
                (a for a in afspraken if a.status == Afspraak.Status.GEPLAND and a.begin > nu),
                key=lambda a: a.begin,
            ),
            "eerder": [
                a for a in afspraken if not (a.status == Afspraak.Status.GEPLAND and a.begin > nu)
            ],
            "producten": list(
                afspraak_services.afspraakproducten(doelgroep=klant.doelgroep if klant else None)
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_afspraak_maken(request, code):
    klant = ingelogde_klant_of_404(request)
    product = get_object_or_404(afspraak_services.afspraakproducten(), code=code)
    if not product.is_voor(klant.doelgroep):
        # Said before any time is shown, not after one was chosen.
        messages.error(request, zaken_services.doelgroep_uitleg(product))
        return redirect("portaal:afspraken")
    fout = ""
    if request.method == "POST":
        try:
            afspraak = afspraak_services.afspraak_maken(
                klant=klant,
                product=product,
                begin=_begin_uit(request),
                user=request.user,
                kanaal=KanaalSoort.INTERNET,
            )
        except ValidationError as fouten:
            fout = " ".join(fouten.messages)
        else:
            messages.success(
                request,
                _(
                    "Uw afspraak is gemaakt. U krijgt een bevestiging en de dag ervoor "
                    "een herinnering."
                ),
            )
            return redirect("portaal:afspraak", afspraak_uuid=afspraak.uuid)
    return render(
        request,
        "pip/afspraak_maken.html",
        {**_tijdkeuze(request, product), "fout": fout, "afspraak": None},
        status=400 if fout else 200,
    )


def _eigen_afspraak(request, afspraak_uuid) -> Afspraak:
    klant = ingelogde_klant_of_404(request)
    return get_object_or_404(
        Afspraak.objects.select_related("product"), uuid=afspraak_uuid, klant=klant
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_afspraak(request, afspraak_uuid):
    afspraak = _eigen_afspraak(request, afspraak_uuid)
    if request.method == "POST" and request.POST.get("actie") == "annuleren":
        vraag = bevestiging_gevraagd(
            request,
            vraag=_("Uw afspraak voor %(product)s op %(wanneer)s afzeggen?")
            % {"product": afspraak.product.naam, "wanneer": formaat.moment_lang(afspraak.begin)},
            uitleg=_(
                "De tijd komt vrij voor een ander. Wilt u later toch komen, dan maakt u "
                "een nieuwe afspraak."
            ),
            knop=_("Ja, afzeggen"),
            terug=reverse("portaal:afspraak", kwargs={"afspraak_uuid": afspraak.uuid}),
            basis="pip/base.html",
        )
        if vraag is not None:
            return vraag
        try:
            afspraak_services.afspraak_annuleren(afspraak=afspraak, user=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("Uw afspraak is afgezegd."))
        return redirect("portaal:afspraken")
    return render(
        request,
        "pip/afspraak.html",
        {
            "afspraak": afspraak,
            "wijzigbaar": afspraak.status == Afspraak.Status.GEPLAND
            and afspraak.begin > timezone.now(),
        },
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_afspraak_verzetten(request, afspraak_uuid):
    afspraak = _eigen_afspraak(request, afspraak_uuid)
    fout = ""
    if request.method == "POST":
        try:
            afspraak_services.afspraak_verzetten(
                afspraak=afspraak, begin=_begin_uit(request), user=request.user
            )
        except ValidationError as fouten:
            fout = " ".join(fouten.messages)
        else:
            messages.success(request, _("Uw afspraak is verzet."))
            return redirect("portaal:afspraak", afspraak_uuid=afspraak.uuid)
    return render(
        request,
        "pip/afspraak_maken.html",
        {
            **_tijdkeuze(request, afspraak.product, behalve=afspraak),
            "fout": fout,
            "afspraak": afspraak,
        },
        status=400 if fout else 200,
    )


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_afspraak(request, klant_uuid):
    """An agent books, or cancels, an appointment for the customer."""
    klant = klant_inzien(
        user=request.user,
        klant_uuid=klant_uuid,
        reden="Afspraak maken voor de klant",
        request=request,
    )
    producten = list(afspraak_services.afspraakproducten(doelgroep=klant.doelgroep))
    product = next((p for p in producten if p.code == request.GET.get("product")), None)
    fout = ""
    if request.method == "POST":
        if request.POST.get("actie") == "annuleren":
            afspraak = per_uuid_of_404(
                klant.afspraken.select_related("product"), request.POST.get("afspraak")
            )
            vraag = bevestiging_gevraagd(
                request,
                vraag=_("De afspraak voor %(product)s op %(wanneer)s afzeggen?")
                % {
                    "product": afspraak.product.naam,
                    "wanneer": formaat.moment_lang(afspraak.begin),
                },
                uitleg=_("De klant krijgt bericht dat de afspraak is afgezegd."),
                knop=_("Ja, afzeggen"),
                terug=reverse("werkplek:afspraak", kwargs={"klant_uuid": klant.uuid}),
                basis="werkplek/base.html",
            )
            if vraag is not None:
                return vraag
            try:
                afspraak_services.afspraak_annuleren(afspraak=afspraak, user=request.user)
            except ValidationError as fouten:
                messages.error(request, " ".join(fouten.messages))
            else:
                messages.success(request, _("De afspraak is afgezegd; de klant krijgt bericht."))
            return redirect("werkplek:afspraak", klant_uuid=klant.uuid)
        product = next((p for p in producten if p.code == request.POST.get("product")), None)
        if product is None:
            raise Http404
        try:
            afspraak = afspraak_services.afspraak_maken(
                klant=klant,
                product=product,
                begin=_begin_uit(request),
                user=request.user,
                kanaal=KanaalSoort.TELEFOON,
            )
        except ValidationError as fouten:
            fout = " ".join(fouten.messages)
        else:
            messages.success(
                request,
                _(
                    "Afspraak gemaakt voor %(wanneer)s, code %(code)s. "
                    "De klant krijgt een bevestiging."
                )
                % {
                    "wanneer": formaat.moment(afspraak.begin),
                    "code": afspraak.code,
                },
            )
            return redirect("werkplek:klantbeeld", klant_uuid=klant.uuid)
    context = {
        "klant": klant,
        "producten": producten,
        "komend": list(
            klant.afspraken.filter(status=Afspraak.Status.GEPLAND, begin__gt=timezone.now())
            .select_related("product")
            .order_by("begin")
        ),
        "fout": fout,
        "product": product,
    }
    if product is not None:
        context.update(_tijdkeuze(request, product))
    return render(request, "werkplek/afspraak.html", context, status=400 if fout else 200)


def alleen_in_het_gebouw(view):
    """The kiosk and the display: only the counter's network or a registered
    device (kanalen/balie/apparaten.py); anyone else reads why, politely."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not apparaten.verzoek_van_balie(request):
            return render(request, "publiek/alleen_balie.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
def apparaat_koppelen(request, token):
    """The beheerder's link, opened once on the kiosk or display: the device
    keeps its token in a cookie for years."""
    apparaat = apparaten.apparaat_met_token(token)
    if apparaat is None:
        raise Http404
    antwoord = render(request, "publiek/apparaat_gekoppeld.html", {"apparaat": apparaat})
    antwoord.set_cookie(
        apparaten.COOKIE,
        token,
        max_age=apparaten.COOKIE_SECONDEN,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
    return antwoord


@require_http_methods(["GET", "POST"])
@alleen_in_het_gebouw
def kiosk(request):
    """Take a number for a product, or check in for an appointment."""
    fout = ""
    code = ""
    status = 200
    if request.method == "POST":
        status = 400
        if not binnen_limiet(
            "kiosk",
            bezoekersadres(request),
            aantal=settings.BALIE_TICKETS_PER_10_MINUTEN,
            seconden=600,
        ):
            fout = _("Er zijn net veel nummers getrokken. Wacht even of meld u bij de balie.")
            status = 429
        else:
            try:
                if request.POST.get("actie") == "afspraak":
                    code = request.POST.get("code", "")
                    ticket = wachtnummer_services.aanmelden_met_code(code=code)
                else:
                    product = per_uuid_of_404(
                        wachtnummer_services.kioskproducten(), request.POST.get("product")
                    )
                    ticket = wachtnummer_services.wachtnummer_trekken(product=product)
            except (ValidationError, afspraak_services.BalieConflict) as fouten:
                fout = " ".join(getattr(fouten, "messages", [str(fouten)]))
            else:
                return redirect("publiek:kiosk-nummer", nummer_uuid=ticket.uuid)
    return render(
        request,
        "publiek/kiosk.html",
        {"producten": list(wachtnummer_services.kioskproducten()), "fout": fout, "code": code},
        status=status,
    )


@require_GET
@alleen_in_het_gebouw
def kiosk_nummer(request, nummer_uuid):
    ticket = get_object_or_404(
        Wachtnummer.objects.select_related("product"), uuid=nummer_uuid, datum=timezone.localdate()
    )
    return render(
        request,
        "publiek/kiosk_nummer.html",
        {"ticket": ticket, "voor_u": wachtnummer_services.wachtenden_voor(ticket)},
    )


@require_GET
@alleen_in_het_gebouw
def scherm(request):
    """The display in the waiting room: who goes to which desk. Live over
    /ws/balie/; without JavaScript the page is reloaded by the browser."""
    sjabloon = "publiek/scherm_deel.html" if request.GET.get("deel") else "publiek/scherm.html"
    return render(request, sjabloon, wachtnummer_services.schermstand())


def _wachtenden(user) -> dict:
    nu = timezone.now()
    wachtend = list(
        wachtnummer_services.wachtende_nummers(user=user).select_related("product", "afspraak")[:30]
    )
    for ticket in wachtend:
        ticket.wacht_minuten = int((nu - ticket.aangemaakt_op).total_seconds() // 60)
    return {
        "wachtend": wachtend,
        "vandaag_afspraken": Afspraak.objects.filter(
            status=Afspraak.Status.GEPLAND,
            begin__date=timezone.localdate(),
            begin__gte=nu - timedelta(minutes=settings.BALIE_AANMELDEN_NA_MINUTEN),
        ).count(),
    }


class _BsnFout(Exception):
    pass


@transaction.atomic
def _bezoek_afronden(request, huidig):
    """Finish the visit; a customer looked up by BSN is made (from the person
    register) in the same transaction, so a refused finish leaves nothing."""
    klant = huidig.klant
    bsn = normalise_bsn(request.POST.get("bsn", ""))
    if bsn and not is_valid_bsn(bsn):
        raise _BsnFout(_("Dit is geen geldig BSN: de elfproef klopt niet."))
    if bsn:
        klant = klant_services.klant_met_bsn(bsn=bsn, user=request.user)
        if klant is None:
            raise _BsnFout(_("Geen inwoner met dit BSN gevonden."))
    return wachtnummer_services.wachtnummer_afhandelen(
        wachtnummer=huidig,
        user=request.user,
        klant=klant,
        onderwerp=request.POST.get("onderwerp", ""),
        notitie=request.POST.get("notitie", ""),
        in_een_keer_goed=request.POST.get("in_een_keer_goed") != "nee",
    )


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_balie(request):
    """Call the next number to my desk, help the customer, finish as a contact."""
    if request.method == "GET" and request.GET.get("deel"):
        # The live refresh of the waiting list (after every ticket drawn or
        # called anywhere): numbers and products only, nothing to audit.
        return render(request, "werkplek/balie_wachtend.html", _wachtenden(request.user))
    balies = list(Balie.objects.filter(actief=True))
    balie = next((b for b in balies if str(b.uuid) == request.session.get("balie")), None)
    huidig = wachtnummer_services.huidig_nummer(request.user)
    fouten = {}
    if request.method == "POST":
        actie = request.POST.get("actie")
        try:
            if actie == "balie":
                balie = per_uuid_of_404(
                    Balie.objects.filter(actief=True), request.POST.get("balie")
                )
                request.session["balie"] = str(balie.uuid)
                return redirect("werkplek:balie")
            if actie == "volgende":
                if balie is None:
                    raise ValidationError(_("Kies eerst uw balie."))
                ticket = wachtnummer_services.volgende_oproepen(balie=balie, user=request.user)
                if ticket is None:
                    messages.info(request, _("Er wacht niemand."))
                else:
                    messages.success(
                        request,
                        _("%(nummer)s is opgeroepen naar %(balie)s.")
                        % {"nummer": ticket.nummer, "balie": balie.naam},
                    )
                return redirect("werkplek:balie")
            if huidig is None:
                raise afspraak_services.BalieConflict(_("U heeft geen nummer opgeroepen."))
            if actie == "opnieuw":
                wachtnummer_services.opnieuw_oproepen(wachtnummer=huidig, user=request.user)
                messages.info(
                    request, _("%(nummer)s is opnieuw omgeroepen.") % {"nummer": huidig.nummer}
                )
                return redirect("werkplek:balie")
            if actie == "niet_verschenen":
                wachtnummer_services.niet_verschenen(wachtnummer=huidig, user=request.user)
                messages.info(
                    request, _("%(nummer)s is niet verschenen.") % {"nummer": huidig.nummer}
                )
                return redirect("werkplek:balie")
            if actie == "afhandelen":
                ticket = _bezoek_afronden(request, huidig)
                messages.success(request, _("Het bezoek is vastgelegd als contact."))
                if ticket.klant_id and request.POST.get("daarna") == "klantbeeld":
                    return redirect("werkplek:klantbeeld", klant_uuid=ticket.klant.uuid)
                return redirect("werkplek:balie")
        except _BsnFout as fout:
            fouten["bsn"] = str(fout)
        except afspraak_services.BalieConflict as conflict:
            messages.error(request, str(conflict))
            return redirect("werkplek:balie")
        except ValidationError as fout:
            if hasattr(fout, "message_dict"):
                fouten.update({k: " ".join(v) for k, v in fout.message_dict.items()})
            else:
                messages.error(request, " ".join(fout.messages))
                return redirect("werkplek:balie")
    if huidig is not None and huidig.klant_id:
        audit_log(
            user=request.user,
            actie=Actie.INZIEN,
            obj=huidig,
            betrokkene=huidig.klant.identificatie,
            omschrijving=f"Klant aan de balie ({huidig.nummer})",
            reden="Klant aan de balie helpen",
            request=request,
        )
    return render(
        request,
        "werkplek/balie.html",
        {
            "balies": balies,
            "balie": balie,
            "huidig": huidig,
            "fouten": fouten,
            "invoer": request.POST if fouten else {},
            **_wachtenden(request.user),
        },
        status=400 if fouten else 200,
    )
