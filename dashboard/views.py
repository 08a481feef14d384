import csv
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dashboard import details, export, prognose, selectors
from dashboard.forms import KpiFilterForm, PlanningForm
from kanalen.models import Kanaal
from kcc.access import medewerker_required
from kcc.audit import Actie, audit_log
from kcc.choices import KanaalSoort


@require_GET
@medewerker_required("kcc.dashboard_bekijken")
def index(request):
    """The KPIs of a period against their targets, with the previous period."""
    formulier = KpiFilterForm(_met_standaard(request.GET, periode="maand"))
    context = {"form": formulier, "query": request.GET.urlencode()}
    if formulier.is_valid():
        f = formulier.filter()
        formaat = request.GET.get("formaat")
        if formaat in ("csv", "xlsx"):
            kpis = selectors.kpis(
                f,
                formule=formulier.cleaned_data.get("formule") or "met_verlaten",
                zonder_kort=formulier.cleaned_data.get("kort_verlaten_weglaten", False),
            )
            audit_log(
                user=request.user,
                actie=Actie.EXPORTEREN,
                object_type="dashboard.kpi",
                omschrijving=f"Dashboard-export KPI's {f.van}-{f.tot} ({formaat})",
                reden="Sturing op KPI's",
                request=request,
            )
            return export.downloaden(
                formaat,
                f"kpi-{f.van:%Y%m%d}-{f.tot:%Y%m%d}",
                [
                    _("KPI"),
                    _("Waarde"),
                    _("Doel"),
                    _("Op doel"),
                    _("Vorige periode"),
                    _("Aantal"),
                    _("Formule"),
                ],
                (
                    [
                        k.naam,
                        _rond(k.waarde),
                        k.doel,
                        {True: _("ja"), False: _("nee")}.get(k.op_doel, ""),
                        _rond(k.vorige),
                        k.aantal,
                        k.formule,
                    ]
                    for k in kpis
                ),
            )
        contact = selectors.contactcijfers(f)
        kosten = selectors.kosten_per_kanaal(f, contact)
        kosten_productgroep = selectors.kosten_per_productgroep(f)
        verloop_weken, verloop = selectors.verloop(
            f, formule=formulier.cleaned_data.get("formule") or "met_verlaten"
        )
        norm = selectors.normrealisatie(f)
        tevredenheid = selectors.tevredenheid(f)
        context.update(
            {
                "filter": f,
                "kpis": selectors.kpis(
                    f,
                    formule=formulier.cleaned_data.get("formule") or "met_verlaten",
                    norm=norm,
                    contact=contact,
                    tevreden=tevredenheid["totaal"],
                    zonder_kort=formulier.cleaned_data.get("kort_verlaten_weglaten", False),
                ),
                "kosten": kosten,
                "kosten_totaal": selectors.kostentotaal(kosten),
                "kosten_productgroep": kosten_productgroep,
                "kosten_productgroep_totaal": selectors.kostentotaal(kosten_productgroep),
                "grafiek": _staafgrafiek(kosten),
                "grafiek_hoogte": 30 * len(kosten),
                "vorige": f.vorige(),
                "heatmap": selectors.heatmap(f),
                "weekdagen": selectors.WEEKDAGEN,
                "tevredenheid": tevredenheid["kanaal"],
                "tevredenheid_per": [
                    {"titel": titel, "kolom": kolom, "regels": tevredenheid[tabel]}
                    for tabel, titel, kolom in (
                        ("product", _("Tevredenheid per product"), _("Product")),
                        ("afdeling", _("Tevredenheid per afdeling"), _("Afdeling")),
                        ("medewerker", _("Tevredenheid per medewerker"), _("Medewerker")),
                    )
                ],
                "wie": selectors.wie_neemt_contact_op(f),
                "top_producten": selectors.top_producten(f),
                "zonder_kennis": selectors.zonder_kennisitem(),
                "norm_per_product": selectors.norm_per_product(f, norm),
                "achterstand": selectors.achterstand(),
                "wachtrijen": selectors.wachtrij_per_kanaal(
                    f, formule=formulier.cleaned_data.get("formule") or "met_verlaten"
                ),
                "verloop_weken": verloop_weken,
                "verloop": verloop,
                "filter_samenvatting": formulier.samenvatting(),
            }
        )
    context.update(
        {
            "afdelingen": selectors.bezetting_per_afdeling(),
            "inzage": selectors.inzage_persoonsgegevens(dagen=7),
        }
    )
    return render(
        request, "dashboard/index.html", context, status=200 if formulier.is_valid() else 400
    )


@require_GET
@medewerker_required("kcc.dashboard_bekijken")
def planning(request):
    """Tomorrow's (or another day's, or a week's) forecast and staffing per
    half hour, by Erlang C and by Erlang A; a week also as CSV for the roster."""
    formulier = PlanningForm(
        _met_standaard(
            request.GET, kanaal="telefoon", max_bezetting="85", shrinkage="30", chats_tegelijk="2"
        )
    )
    context = {"form": formulier}
    if formulier.is_valid():
        data = formulier.cleaned_data
        vandaag = timezone.localdate()
        dag = data["datum"] or vandaag + timedelta(days=1)
        basis = min(dag, vandaag)
        doel = data["doel"] or selectors.doelen()["servicelevel"]
        binnen = selectors.norm_seconden(Kanaal.objects.filter(soort=data["kanaal"]).first())
        per_medewerker = data["chats_tegelijk"] if data["kanaal"] == KanaalSoort.CHAT else 1
        aht = prognose.gemiddelde_afhandeltijd(data["kanaal"], basis=basis)
        geduld = prognose.geduld(data["kanaal"], basis=basis)
        dagen = []
        for stap in range(7 if data["week"] else 1):
            deze = dag + timedelta(days=stap)
            regels, _aht = prognose.planning(
                data["kanaal"],
                dag=deze,
                basis=basis,
                doel_servicelevel=doel / 100,
                binnen=binnen,
                max_bezettingsgraad=data["max_bezetting"] / 100,
                shrinkage=data["shrinkage"] / 100,
                per_medewerker=per_medewerker,
                aht=aht,
                patience=geduld,
            )
            dagen.append(
                {
                    "dag": deze,
                    "regels": regels,
                    "aanbod": sum(r.bezetting.aanbod for r in regels),
                    "uren": sum(r.ingeroosterd for r in regels) / 2,
                    "gesloten": prognose.gesloten(data["kanaal"], deze),
                }
            )
        if request.GET.get("formaat") == "csv":
            return _planning_csv(data["kanaal"], dagen)
        context.update(
            {
                "dag": dag,
                "dagen": dagen,
                "week": data["week"],
                "regels": dagen[0]["regels"],
                "aht": aht,
                "geduld": geduld,
                "per_medewerker": per_medewerker,
                "doel": doel,
                "binnen": binnen,
                "aanbod": dagen[0]["aanbod"],
                "uren": dagen[0]["uren"],
                "nauwkeurigheid": prognose.nauwkeurigheid(data["kanaal"], basis=basis),
                "gesloten": dagen[0]["gesloten"],
                "weken": prognose.WEKEN,
                "csv_query": _met_formaat(request.GET, "csv"),
            }
        )
    return render(
        request, "dashboard/planning.html", context, status=200 if formulier.is_valid() else 400
    )


def _met_formaat(query, formaat: str) -> str:
    kopie = query.copy()
    kopie["formaat"] = formaat
    return kopie.urlencode()


def _planning_csv(kanaal: str, dagen: list[dict]) -> HttpResponse:
    """The roster's input: per day and half hour the forecast and the staff
    needed by Erlang C and by Erlang A, and how many to schedule."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bezetting-{kanaal}.csv"'
    schrijver = csv.writer(response, delimiter=";")
    schrijver.writerow(
        [
            _("datum"),
            _("half uur"),
            _("verwacht aanbod"),
            _("nodig (Erlang C)"),
            _("nodig (Erlang A)"),
            _("verwacht opgehangen (%)"),
            _("in te roosteren"),
        ]
    )
    for dag in dagen:
        for r in dag["regels"]:
            schrijver.writerow(
                [
                    dag["dag"].isoformat(),
                    r.tijd,
                    f"{r.bezetting.aanbod:.1f}".replace(".", ","),
                    r.nodig_c,
                    "" if r.nodig_a is None else r.nodig_a,
                    ""
                    if r.ongeduldig is None
                    else f"{r.ongeduldig.verlaten * 100:.1f}".replace(".", ","),
                    r.ingeroosterd,
                ]
            )
    return response


def _rond(waarde):
    # A number, not text: the CSV writes it with a decimal comma, the XLSX as a number.
    return None if waarde is None else round(waarde, 1)


@require_GET
@medewerker_required("kcc.dashboard_bekijken")
def detail(request, kpi):
    """The records behind one KPI for the same filter, paged; as CSV or XLSX."""
    soort = details.DETAILS.get(kpi)
    if soort is None:
        raise Http404
    formulier = KpiFilterForm(_met_standaard(request.GET, periode="maand"))
    if not formulier.is_valid():
        return render(
            request, "dashboard/detail.html", {"form": formulier, "detail": soort}, status=400
        )
    f = formulier.filter()
    afwijkend = request.GET.get("afwijkend") == "1"
    records = soort.records(f, afwijkend)
    kop = [str(titel) for titel, _kolom in soort.kolommen]
    formaat = request.GET.get("formaat")
    if formaat in ("csv", "xlsx"):
        audit_log(
            user=request.user,
            actie=Actie.EXPORTEREN,
            object_type=records.model._meta.label,
            omschrijving=f"Dashboard-export {kpi} {f.van}-{f.tot} ({formaat})",
            reden="Sturing op KPI's",
            request=request,
        )
        limiet = settings.DASHBOARD_EXPORT_MAX_RIJEN
        return export.downloaden(
            formaat,
            f"{kpi}-{f.van:%Y%m%d}-{f.tot:%Y%m%d}",
            kop,
            details.rijen(soort, records[:limiet].iterator(chunk_size=2000)),
        )
    trend = selectors.trend(f, kpi, formule=formulier.cleaned_data.get("formule") or "met_verlaten")
    pagina = Paginator(details.te_pagineren(kpi, f, afwijkend, records), 50).get_page(
        request.GET.get("pagina")
    )
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(
        request,
        "dashboard/detail.html",
        {
            "form": formulier,
            "kpi": kpi,
            "trend": trend,
            "detail": soort,
            "filter": f,
            "afwijkend": afwijkend,
            "kop": kop,
            "pagina": pagina,
            "rijen": list(
                zip(
                    details.links(soort, pagina.object_list),
                    details.rijen(soort, pagina.object_list),
                    strict=True,
                )
            ),
            "query": zonder_pagina.urlencode(),
            "max_rijen": settings.DASHBOARD_EXPORT_MAX_RIJEN,
        },
    )


WALLBOARD_GELDIG = 1  # seconds

WALLBOARD_DELEN = {
    "1": "dashboard/wallboard_deel.html",
    # The line above every workspace page: agents see the queues too.
    "strook": "dashboard/wallboard_strook.html",
}


@require_GET
@medewerker_required("kcc.dashboard_bekijken", "kcc.werkplek_gebruiken")
def wallboard(request):
    """Waiting now per queued channel, longest wait, agents available and
    today's service level; live over /ws/dashboard/wallboard/. Counts only,
    no customer: for the teamleider's screen and every agent's workspace."""
    sjabloon = WALLBOARD_DELEN.get(request.GET.get("deel"), "dashboard/wallboard.html")
    # Every agent's workspace asks after each queue event: the figures are
    # the same for all, so they are made at most once a second and shared.
    # (A second, not more: a page refetches at least two seconds after the
    # event it heard, so what it gets was made after that event.)
    figuren = cache.get_or_set("dashboard:wallboard", selectors.wallboard, WALLBOARD_GELDIG)
    return render(request, sjabloon, figuren)


def _staafgrafiek(regels: list[dict]) -> list[dict]:
    """Bars for the contacts-per-channel chart (an inline SVG, no scripts or
    CDN); the table next to it holds the same numbers."""
    hoogste = max((r["contacten"] for r in regels), default=0) or 1
    return [
        {
            **r,
            "y": 30 * i,
            # Whole pixels: a float would be printed with a decimal comma.
            "breedte": round(400 * r["contacten"] / hoogste),
            "tekst_x": round(400 * r["contacten"] / hoogste) + 116,
        }
        for i, r in enumerate(regels)
    ]


def _met_standaard(gegevens, **standaard):
    """The query string with defaults for what it leaves out: a link like
    ?formaat=csv from the default page keeps the default period."""
    data = gegevens.copy()
    for veld, waarde in standaard.items():
        if not data.get(veld):
            data[veld] = waarde
    return data
