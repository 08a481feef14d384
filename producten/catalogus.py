"""Export and import of the whole catalogue as JSON.

The format is the one ``catalogus_exporteren`` writes (version 1): themes,
life events, providers, products with their channels, status steps, form and
documents, and knowledge items. An import updates by code (products) or by
question text (knowledge items), is all-or-nothing, and names every problem
it finds.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils.translation import gettext as _

from kcc.choices import Doelgroep, KanaalSoort
from kcc.models import Afdeling, User
from producten import services
from producten.models import (
    Aanbieder,
    Documentvereiste,
    Formuliervraag,
    KennisItem,
    Levensgebeurtenis,
    Product,
    ProductKanaal,
    ProductOnderdeel,
    Publicatiestatus,
    Statusstap,
    TermijnEenheid,
    Thema,
)

FORMAAT_VERSIE = 1


def exporteren() -> dict:
    producten = (
        Product.objects.select_related("aanbieder", "afdeling")
        .prefetch_related(
            "themas", "levensgebeurtenissen", "kanalen", "statusstappen", "vragen", "documenten"
        )
        .order_by("code")
    )
    return {
        "formaat": FORMAAT_VERSIE,
        "themas": [[t.slug, t.naam, t.omschrijving] for t in Thema.objects.all()],
        "levensgebeurtenissen": [
            [lg.slug, lg.naam, lg.omschrijving] for lg in Levensgebeurtenis.objects.all()
        ],
        "aanbieders": [[a.code, a.naam, a.soort, a.website] for a in Aanbieder.objects.all()],
        "producten": [_product_als_dict(p) for p in producten],
        "kennisitems": [
            {
                "uuid": str(k.uuid),
                "vraag": k.vraag,
                "antwoord": k.antwoord,
                "trefwoorden": k.trefwoorden,
                "producten": sorted(p.code for p in k.producten.all()),
                "themas": sorted(t.slug for t in k.themas.all()),
                "status": k.status,
                "eigenaar": k.eigenaar.code if k.eigenaar else None,
                "herzien_op": k.herzien_op.isoformat() if k.herzien_op else None,
            }
            for k in KennisItem.objects.prefetch_related("producten", "themas").select_related(
                "eigenaar"
            )
        ],
    }


def _product_als_dict(p: Product) -> dict:
    snapshot = services.product_snapshot(p)
    return {
        "code": p.code,
        "naam": p.naam,
        "samenvatting": p.samenvatting,
        "omschrijving": p.omschrijving,
        "voorwaarden": p.voorwaarden,
        "meenemen": p.meenemen,
        "aanvragen": p.aanvragen,
        "zoekwoorden": p.zoekwoorden,
        "aanbieder": p.aanbieder.code,
        "afdeling": p.afdeling.code if p.afdeling else None,
        "themas": sorted(t.slug for t in p.themas.all()),
        "levensgebeurtenissen": sorted(lg.slug for lg in p.levensgebeurtenissen.all()),
        "doelgroepen": p.doelgroepen,
        "servicenorm": snapshot["servicenorm"],
        "wettelijke_termijn": snapshot["wettelijke_termijn"],
        "klaar_terwijl_u_wacht": p.klaar_terwijl_u_wacht,
        "overdracht": p.overdracht_instructie,
        "kanalen": snapshot["kanalen"],
        "statusstappen": [
            [s["fase"], s["naam"], s["burgertekst"], s["klant_informeren"]]
            for s in snapshot["statusstappen"]
        ],
        "vragen": snapshot["vragen"],
        "documenten": snapshot["documenten"],
        "prefill": snapshot["prefill"],
        "onderdelen": snapshot["onderdelen"],
        "onderdeel_voorwaarden": snapshot["onderdeel_voorwaarden"],
        "status": p.status,
        "geldig_vanaf": p.geldig_vanaf.isoformat() if p.geldig_vanaf else None,
        "geldig_tot": p.geldig_tot.isoformat() if p.geldig_tot else None,
    }


class _Fouten:
    def __init__(self):
        self.lijst: list[str] = []

    def check(self, ok: bool, melding: str) -> bool:
        if not ok:
            self.lijst.append(melding)
        return ok


def _termijn(waarde, fouten: _Fouten, waar: str) -> tuple[int | None, str]:
    if not waarde:
        return None, ""
    aantal, eenheid = waarde
    fouten.check(
        eenheid in TermijnEenheid.values,
        _("%(waar)s: onbekende eenheid %(w1)r") % {"waar": waar, "w1": eenheid},
    )
    fouten.check(
        isinstance(aantal, int) and aantal >= 0,
        _("%(waar)s: termijn moet een getal zijn") % {"waar": waar},
    )
    return aantal, eenheid


def _bedrag(waarde, fouten: _Fouten, waar: str) -> Decimal | None:
    if waarde in (None, ""):
        return None
    try:
        return Decimal(str(waarde))
    except InvalidOperation:
        fouten.check(False, _("%(waar)s: %(w1)r is geen bedrag") % {"waar": waar, "w1": waarde})
        return None


# What a malformed file raises while it is read: wrong types, missing keys,
# bad dates, values the database refuses. Each becomes a message.
_VORMFOUTEN = (TypeError, ValueError, KeyError, AttributeError, IntegrityError, DataError)


def _onderdeel(fouten: _Fouten, waar: str, stap) -> object | None:
    """Run ``stap`` in a savepoint; a malformed part becomes a message, not a crash."""
    try:
        with transaction.atomic():
            return stap()
    except ValidationError as error:
        fouten.lijst.extend(_("%(waar)s: %(w1)s") % {"waar": waar, "w1": m} for m in error.messages)
    except _VORMFOUTEN as error:
        fouten.lijst.append(
            _("%(waar)s: dit onderdeel heeft niet de verwachte vorm (%(fout)s).")
            % {"waar": waar, "fout": type(error).__name__}
        )
    return None


@transaction.atomic
def importeren(data: dict, *, user: User | None = None) -> dict[str, int]:
    """Load a catalogue export. Raises ValidationError listing every problem;
    on any problem nothing is changed."""
    fouten = _Fouten()
    if not isinstance(data, dict) or data.get("formaat") != FORMAAT_VERSIE:
        raise ValidationError(
            _("Dit is geen catalogusbestand (formaat %(versie)s).") % {"versie": FORMAAT_VERSIE}
        )
    for sleutel in ["themas", "levensgebeurtenissen", "aanbieders", "producten", "kennisitems"]:
        if not isinstance(data.get(sleutel, []), list):
            raise ValidationError(_("'%(sleutel)s' moet een lijst zijn.") % {"sleutel": sleutel})

    def groep(model, rij):
        slug, naam, omschrijving = rij
        obj = model.objects.filter(slug=slug).first() or model(slug=slug)
        obj.naam, obj.omschrijving = naam, omschrijving
        obj.full_clean()
        obj.save()

    def aanbieder(rij):
        code, naam, soort, website = rij
        obj = Aanbieder.objects.filter(code=code).first() or Aanbieder(code=code)
        obj.naam, obj.soort, obj.website = naam, soort, website
        obj.full_clean()
        obj.save()

    for rij in data.get("themas", []):
        _onderdeel(fouten, _("Thema %s") % str(rij)[:40], lambda rij=rij: groep(Thema, rij))
    for rij in data.get("levensgebeurtenissen", []):
        _onderdeel(
            fouten,
            _("Levensgebeurtenis %s") % str(rij)[:40],
            lambda rij=rij: groep(Levensgebeurtenis, rij),
        )
    for rij in data.get("aanbieders", []):
        _onderdeel(fouten, _("Aanbieder %s") % str(rij)[:40], lambda rij=rij: aanbieder(rij))

    themas = {t.slug: t for t in Thema.objects.all()}
    gebeurtenissen = {lg.slug: lg for lg in Levensgebeurtenis.objects.all()}
    aanbieders = {a.code: a for a in Aanbieder.objects.all()}
    afdelingen = {a.code: a for a in Afdeling.objects.all()}

    producten: dict[str, tuple[Product, dict]] = {}
    for pd in data.get("producten", []):
        waar = _("Product %s") % (pd.get("code", "?") if isinstance(pd, dict) else "?")
        product = _onderdeel(
            fouten,
            waar,
            lambda pd=pd, waar=waar: _product_opslaan(
                pd, fouten, waar, themas, gebeurtenissen, aanbieders, afdelingen
            ),
        )
        if product is not None:
            producten[product.code] = (product, pd)

    bekend = {p.code: p for p in Product.objects.all()}
    for code, (product, pd) in producten.items():
        product.onderdeel_regels.all().delete()
        voorwaarden = pd.get("onderdeel_voorwaarden") or {}
        sleutels = {v.get("sleutel") for v in pd.get("vragen", []) if v.get("soort") == "janee"}
        for onderdeel_code, sleutel in voorwaarden.items():
            fouten.check(
                sleutel in sleutels,
                _(
                    "Product %(code)s: onderdeel %(onderdeel)s hangt af van %(sleutel)s, maar dat "
                    "is geen ja/nee-vraag van het product"
                )
                % {"code": code, "onderdeel": onderdeel_code, "sleutel": sleutel},
            )
        for volgorde, onderdeel_code in enumerate(pd.get("onderdelen", [])):
            if fouten.check(
                onderdeel_code in bekend,
                _("Product %(code)s: onderdeel %(onderdeel)s bestaat niet")
                % {"code": code, "onderdeel": onderdeel_code},
            ):
                ProductOnderdeel.objects.create(
                    samengesteld=product,
                    onderdeel=bekend[onderdeel_code],
                    volgorde=volgorde,
                    alleen_als=voorwaarden.get(onderdeel_code, ""),
                )

    aantal_items = 0
    for kd in data.get("kennisitems", []):
        waar = _("Kennisitem %s") % (
            str(kd.get("vraag", "?"))[:40] if isinstance(kd, dict) else "?"
        )
        _onderdeel(
            fouten,
            waar,
            lambda kd=kd, waar=waar: _kennisitem_opslaan(
                kd, fouten, waar, themas, bekend, afdelingen
            ),
        )
        aantal_items += 1

    if fouten.lijst:
        raise ValidationError(fouten.lijst)

    # Publication last: its checks need the channels, steps and parts in place.
    for code, (product, pd) in producten.items():
        gewenst = pd.get("status", Publicatiestatus.CONCEPT)
        try:
            if gewenst == Publicatiestatus.GEPUBLICEERD and product.status != gewenst:
                services.product_publiceren(product=product, user=user)
            elif (
                gewenst == Publicatiestatus.INGETROKKEN
                and product.status == Publicatiestatus.GEPUBLICEERD
            ):
                services.product_intrekken(product=product)
            else:
                services.product_gewijzigd(product=product, user=user)
        except ValidationError as error:
            fouten.lijst.extend(
                _("Product %(code)s: %(m)s") % {"code": code, "m": m} for m in error.messages
            )
    if fouten.lijst:
        raise ValidationError(fouten.lijst)
    return {"producten": len(producten), "kennisitems": aantal_items}


def _product_opslaan(pd, fouten, waar, themas, gebeurtenissen, aanbieders, afdelingen):
    if not fouten.check(
        bool(pd.get("code")) and bool(pd.get("naam")),
        _("%(waar)s: code en naam zijn verplicht") % {"waar": waar},
    ):
        return None
    fouten.check(
        pd.get("aanbieder") in aanbieders,
        _("%(waar)s: onbekende aanbieder %(w1)r") % {"waar": waar, "w1": pd.get("aanbieder")},
    )
    afdeling_code = pd.get("afdeling")
    fouten.check(
        afdeling_code is None or afdeling_code in afdelingen,
        _("%(waar)s: onbekende afdeling %(w1)r") % {"waar": waar, "w1": afdeling_code},
    )
    doelgroepen = pd.get("doelgroepen", [Doelgroep.BURGER])
    fouten.check(
        set(doelgroepen) <= set(Doelgroep.values),
        _("%(waar)s: onbekende doelgroep") % {"waar": waar},
    )
    norm_aantal, norm_eenheid = _termijn(pd.get("servicenorm"), fouten, waar)
    wet_aantal, wet_eenheid = _termijn(pd.get("wettelijke_termijn"), fouten, waar)
    prefill = pd.get("prefill", [])
    fouten.check(
        set(prefill) <= {code for code, _label in Product.PREFILL_VELDEN},
        _("%(waar)s: onbekend veld in prefill") % {"waar": waar},
    )
    if pd.get("aanbieder") not in aanbieders:
        return None
    velden = {
        "naam": pd["naam"],
        "samenvatting": pd.get("samenvatting", ""),
        "omschrijving": pd.get("omschrijving", ""),
        "voorwaarden": pd.get("voorwaarden", ""),
        "meenemen": pd.get("meenemen", ""),
        "aanvragen": pd.get("aanvragen", ""),
        "zoekwoorden": pd.get("zoekwoorden", ""),
        "aanbieder": aanbieders[pd["aanbieder"]],
        "afdeling": afdelingen.get(afdeling_code),
        "voor_burger": Doelgroep.BURGER in doelgroepen,
        "voor_bedrijf": Doelgroep.BEDRIJF in doelgroepen,
        "voor_instelling": Doelgroep.INSTELLING in doelgroepen,
        "servicenorm_aantal": norm_aantal,
        "servicenorm_eenheid": norm_eenheid,
        "wettelijke_termijn_aantal": wet_aantal,
        "wettelijke_termijn_eenheid": wet_eenheid,
        "klaar_terwijl_u_wacht": bool(pd.get("klaar_terwijl_u_wacht")),
        "overdracht_instructie": pd.get("overdracht", ""),
        "prefill_velden": prefill,
        "geldig_vanaf": date.fromisoformat(pd["geldig_vanaf"]) if pd.get("geldig_vanaf") else None,
        "geldig_tot": date.fromisoformat(pd["geldig_tot"]) if pd.get("geldig_tot") else None,
    }
    product = Product.objects.filter(code=pd["code"]).first()
    if product is None:
        product = Product(code=pd["code"], **velden)
    else:
        for veld, waarde in velden.items():
            setattr(product, veld, waarde)
    product.full_clean(exclude=["zoektekst", "status"])  # status: FSM, set by services
    product.save()

    onbekend = [s for s in pd.get("themas", []) if s not in themas]
    fouten.check(
        not onbekend, _("%(waar)s: onbekende thema's %(w1)s") % {"waar": waar, "w1": onbekend}
    )
    product.themas.set([themas[s] for s in pd.get("themas", []) if s in themas])
    onbekend = [s for s in pd.get("levensgebeurtenissen", []) if s not in gebeurtenissen]
    fouten.check(
        not onbekend,
        _("%(waar)s: onbekende levensgebeurtenissen %(w1)s") % {"waar": waar, "w1": onbekend},
    )
    product.levensgebeurtenissen.set(
        [gebeurtenissen[s] for s in pd.get("levensgebeurtenissen", []) if s in gebeurtenissen]
    )

    product.kanalen.all().delete()
    for kanaal, instelling in pd.get("kanalen", {}).items():
        if fouten.check(
            kanaal in KanaalSoort.values,
            _("%(waar)s: onbekend kanaal %(w1)r") % {"waar": waar, "w1": kanaal},
        ):
            ProductKanaal.objects.create(
                product=product,
                kanaal=kanaal,
                aanvragen=bool(instelling.get("aanvragen")),
                kosten=_bedrag(instelling.get("kosten"), fouten, waar),
            )
    product.statusstappen.all().delete()
    for volgorde, (fase, naam, tekst, informeren) in enumerate(pd.get("statusstappen", [])):
        if fouten.check(
            fase in Statusstap.Fase.values,
            _("%(waar)s: onbekende fase %(w1)r") % {"waar": waar, "w1": fase},
        ):
            Statusstap.objects.create(
                product=product,
                volgorde=volgorde,
                fase=fase,
                naam=naam,
                burgertekst=tekst,
                klant_informeren=bool(informeren),
            )
    product.vragen.all().delete()
    for volgorde, vraag in enumerate(pd.get("vragen", [])):
        if fouten.check(
            vraag.get("soort") in Formuliervraag.Soort.values,
            _("%(waar)s: vraag %(w1)r heeft een onbekende soort")
            % {"waar": waar, "w1": vraag.get("sleutel")},
        ):
            Formuliervraag.objects.create(
                product=product,
                volgorde=volgorde,
                sleutel=vraag["sleutel"],
                vraag=vraag["vraag"],
                toelichting=vraag.get("toelichting", ""),
                soort=vraag["soort"],
                verplicht=bool(vraag.get("verplicht", True)),
                keuzes="\n".join(vraag.get("keuzes", [])),
                minimum=_bedrag(vraag.get("minimum"), fouten, waar),
                maximum=_bedrag(vraag.get("maximum"), fouten, waar),
            )
    product.documenten.all().delete()
    for volgorde, doc in enumerate(pd.get("documenten", [])):
        typen = doc.get("bestandstypen", [])
        if fouten.check(
            bool(typen) and set(typen) <= set(Documentvereiste.Bestandstype.values),
            _("%(waar)s: document %(w1)r heeft onbekende bestandstypen")
            % {"waar": waar, "w1": doc.get("naam")},
        ):
            Documentvereiste.objects.create(
                product=product,
                volgorde=volgorde,
                naam=doc["naam"],
                toelichting=doc.get("toelichting", ""),
                verplicht=bool(doc.get("verplicht", True)),
                bestandstypen=typen,
                max_mb=int(doc.get("max_mb", 10)),
            )
    return product


def _kennisitem_opslaan(kd, fouten, waar, themas, producten, afdelingen):
    if not fouten.check(bool(kd.get("vraag")), _("%s: vraag is verplicht") % waar):
        return
    # Matched on uuid (an export), else on the question (a hand-written file).
    item = None
    if kd.get("uuid"):
        item = KennisItem.objects.filter(uuid=kd["uuid"]).first()
    item = item or KennisItem.objects.filter(vraag=kd["vraag"]).first() or KennisItem()
    if kd.get("uuid") and item._state.adding:
        item.uuid = kd["uuid"]
    item.vraag = kd["vraag"]
    item.antwoord = kd.get("antwoord", "")
    item.trefwoorden = kd.get("trefwoorden", "")
    item.eigenaar = afdelingen.get(kd.get("eigenaar") or "")
    item.herzien_op = date.fromisoformat(kd["herzien_op"]) if kd.get("herzien_op") else None
    item.full_clean(exclude=["zoektekst", "status"])
    item.save()
    onbekend = [c for c in kd.get("producten", []) if c not in producten]
    fouten.check(
        not onbekend, _("%(waar)s: onbekende producten %(w1)s") % {"waar": waar, "w1": onbekend}
    )
    item.producten.set([producten[c] for c in kd.get("producten", []) if c in producten])
    onbekend = [s for s in kd.get("themas", []) if s not in themas]
    fouten.check(
        not onbekend, _("%(waar)s: onbekende thema's %(w1)s") % {"waar": waar, "w1": onbekend}
    )
    item.themas.set([themas[s] for s in kd.get("themas", []) if s in themas])
    gewenst = kd.get("status", Publicatiestatus.CONCEPT)
    if gewenst == Publicatiestatus.GEPUBLICEERD and item.status != gewenst and item.antwoord:
        services.kennisitem_publiceren(item=item)
    elif gewenst == Publicatiestatus.INGETROKKEN and item.status == Publicatiestatus.GEPUBLICEERD:
        services.kennisitem_intrekken(item=item)
