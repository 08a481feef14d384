"""The case screens of the workspace: the afdeling's werkvoorraad (work queue),
the case page and its actions, and case documents (staff and the customer
download them through here). They render in the workspace's frame
(``werkplek/base.html``); links to screens of higher apps come from
``kcc.links``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kcc import bestanden
from kcc.access import medewerker_required, per_uuid_of_404
from kcc.models import Afdeling, User
from kcc.secties import secties
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services
from zaken.models import OPEN_STATUSSEN, Zaak, ZaakStatus

_MAG_ZAKEN_ZIEN = ("kcc.zaken_behandelen", "kcc.klantbeeld_inzien")


def _int(waarde) -> int | None:
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return None


@require_GET
@medewerker_required(*_MAG_ZAKEN_ZIEN)
def werkvoorraad(request):
    filters = {
        "afdeling_id": _int(request.GET.get("afdeling")),
        "alleen_mijn": request.GET.get("mijn") == "1",
        "status": request.GET.get("status") or None,
        "product_id": _int(request.GET.get("product")),
        "termijn": request.GET.get("termijn") or None,
    }
    voorraad = zaken_selectors.werkvoorraad(
        user=request.user, na=request.GET.get("na"), voor=request.GET.get("voor"), **filters
    )
    zonder_pagina = request.GET.copy()
    for sleutel in ("na", "voor"):
        zonder_pagina.pop(sleutel, None)
    return render(
        request,
        "zaken/werkvoorraad.html",
        {
            "voorraad": voorraad,
            "filters": filters,
            "statussen": [(s, ZaakStatus(s).label) for s in OPEN_STATUSSEN],
            "afdelingen": Afdeling.objects.filter(actief=True),
            "vandaag": timezone.localdate(),
            "querystring": zonder_pagina.urlencode(),
        },
    )


@require_GET
@medewerker_required(*_MAG_ZAKEN_ZIEN)
def zaak_pagina(request, zaak_uuid):
    zaak = zaken_selectors.zaak_voor_medewerker(
        zaak_uuid=zaak_uuid, user=request.user, request=request
    )
    return render(
        request,
        "zaken/zaak.html",
        {
            "zaak": zaak,
            "acties": zaken_selectors.beschikbare_acties(zaak=zaak, user=request.user),
            "stappen": zaak.productversie.inhoud.get("statusstappen", []),
            "documentvereisten": zaak.productversie.inhoud.get("documenten", []),
            "collegas": zaken_selectors.collegas_voor_zaak(zaak=zaak),
            "contacten": zaken_selectors.contacten_over_zaak(zaak=zaak),
            # What higher building blocks keep about the case (the messages).
            "secties": secties("zaak", zaak=zaak, user=request.user),
            "afdelingen": Afdeling.objects.filter(actief=True).exclude(pk=zaak.afdeling_id),
            "vandaag": timezone.localdate(),
            # What was typed in a form the case refused, to correct it.
            "invoer": request.session.pop(_invoersleutel(zaak), {}),
        },
    )


# A refused text is kept for the page to show again, up to this many
# characters (the session is no place for a megabyte).
_BEWAARD_MAXIMUM = 20000


def _invoersleutel(zaak) -> str:
    return f"zaak-invoer-{zaak.uuid}"


def _overdragen(zaak, user, request):
    return zaken_services.zaak_overdragen(
        zaak=zaak,
        user=user,
        afdeling=per_uuid_of_404(Afdeling.objects.all(), request.POST.get("afdeling")),
        toelichting=request.POST.get("toelichting", ""),
    )


def _document(zaak, user, request):
    bestand = request.FILES.get("bestand")
    if bestand is None:
        raise ValidationError(_("Kies een bestand."))
    return zaken_services.zaak_document_toevoegen(
        zaak=zaak, user=user, bestand=bestand, naam=request.POST.get("naam", "")
    )


# Each action: the service it calls with the posted fields. The services
# check the role and the state again; the page only offers what is allowed.
_ZAAK_ACTIES = {
    "in_behandeling": lambda z, u, r: zaken_services.zaak_in_behandeling_nemen(
        zaak=z, user=u, verwachte_status=r.POST.get("verwachte_status")
    ),
    "wacht_op_klant": lambda z, u, r: zaken_services.zaak_wacht_op_klant(
        zaak=z,
        user=u,
        vraag=r.POST.get("vraag", ""),
        verwachte_status=r.POST.get("verwachte_status"),
    ),
    "hervatten": lambda z, u, r: zaken_services.zaak_hervatten(
        zaak=z,
        user=u,
        reden=r.POST.get("reden", ""),
        verwachte_status=r.POST.get("verwachte_status"),
    ),
    "statusstap": lambda z, u, r: zaken_services.zaak_statusstap_zetten(
        zaak=z, user=u, stap=r.POST.get("stap", "")
    ),
    "verlengen": lambda z, u, r: zaken_services.zaak_verlengen(
        zaak=z, user=u, weken=_int(r.POST.get("weken")) or 0, reden=r.POST.get("reden", "")
    ),
    "afhandelen": lambda z, u, r: zaken_services.zaak_afhandelen(
        zaak=z,
        user=u,
        resultaat=r.POST.get("resultaat", ""),
        toelichting=r.POST.get("toelichting", ""),
        verwachte_status=r.POST.get("verwachte_status"),
    ),
    "afwijzen": lambda z, u, r: zaken_services.zaak_afwijzen(
        zaak=z,
        user=u,
        reden=r.POST.get("reden", ""),
        verwachte_status=r.POST.get("verwachte_status"),
    ),
    "heropenen": lambda z, u, r: zaken_services.zaak_heropenen(
        zaak=z, user=u, reden=r.POST.get("reden", "")
    ),
    "intrekken": lambda z, u, r: zaken_services.zaak_intrekken(
        zaak=z, user=u, reden=r.POST.get("reden", "")
    ),
    "notitie": lambda z, u, r: zaken_services.zaak_notitie_toevoegen(
        zaak=z, user=u, tekst=r.POST.get("tekst", "")
    ),
    "toewijzen": lambda z, u, r: zaken_services.zaak_toewijzen(
        zaak=z, user=u, behandelaar=per_uuid_of_404(User.objects.all(), r.POST.get("behandelaar"))
    ),
    "overdragen": _overdragen,
    "document": _document,
}


@require_POST
@medewerker_required(*_MAG_ZAKEN_ZIEN)
def zaak_actie(request, zaak_uuid):
    zaak = zaken_selectors.zaak_voor_medewerker(
        zaak_uuid=zaak_uuid, user=request.user, request=request
    )
    actie = _ZAAK_ACTIES.get(request.POST.get("actie", ""))
    if actie is None:
        messages.error(request, _("Onbekende handeling."))
    else:
        try:
            gewijzigd = actie(zaak, request.user, request)
        except zaken_services.ZaakConflict as conflict:
            messages.warning(request, str(conflict))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            request.session[_invoersleutel(zaak)] = {
                veld: request.POST[veld][:_BEWAARD_MAXIMUM]
                for veld in ("tekst", "toelichting", "reden")
                if request.POST.get(veld)
            }
        else:
            messages.success(request, _("Opgeslagen."))
            # Handed to an afdeling this user does not work for: the case is
            # no longer theirs to open, so they go back to their work queue.
            zaak = gewijzigd if isinstance(gewijzigd, Zaak) else zaak
            if not (
                zaken_services.mag_behandelen(request.user, zaak)
                or request.user.has_perm("kcc.klantbeeld_inzien")
            ):
                messages.info(
                    request,
                    _("Zaak %(nummer)s ligt nu bij %(afdeling)s.")
                    % {"nummer": zaak.nummer, "afdeling": zaak.afdeling},
                )
                return redirect("zaken:werkvoorraad")
    return redirect("zaken:zaak", zaak_uuid=zaak.uuid)


@require_GET
@medewerker_required(*_MAG_ZAKEN_ZIEN)
def document(request, document_uuid):
    document = zaken_selectors.document_openen(
        document_uuid=document_uuid, user=request.user, request=request
    )
    return bestanden.download(
        document.bestand, bestandsnaam=document.bestandsnaam, soort=document.bestandstype
    )
