"""Export and import of the whole catalogue as JSON.

The format is the one ``catalogus_exporteren`` writes (version 1): themes,
life events, providers, products with their channels, status steps, form and
documents, and knowledge items. An import updates by code (products) or by
uuid or question text (knowledge items), is all-or-nothing, and names every
problem it finds, with where it is.
"""

from __future__ import annotations

from collections import Counter
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers
from rest_framework.settings import api_settings
from rest_framework.validators import UniqueValidator

from kcc.choices import Betrouwbaarheidsniveau, Doelgroep, KanaalSoort, Vertrouwelijkheid
from kcc.models import Afdeling, User
from producten import services
from producten.formulier import weekdagen_lezen
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
    """The whole catalogue in the file format.

    Lists are sorted here, by code (knowledge items by question), not by the database,
    whose order follows its collation: the same catalogue gives the same file anywhere.
    """
    producten = Product.objects.select_related("aanbieder", "afdeling").prefetch_related(
        "themas", "levensgebeurtenissen", "kanalen", "statusstappen", "vragen", "documenten"
    )
    kennisitems = KennisItem.objects.select_related("eigenaar").prefetch_related(
        "producten", "themas"
    )
    return {
        "formaat": FORMAAT_VERSIE,
        "themas": sorted([t.slug, t.naam, t.omschrijving] for t in Thema.objects.all()),
        "levensgebeurtenissen": sorted(
            [lg.slug, lg.naam, lg.omschrijving] for lg in Levensgebeurtenis.objects.all()
        ),
        "aanbieders": sorted([a.code, a.naam, a.soort, a.website] for a in Aanbieder.objects.all()),
        "producten": [_product_als_dict(p) for p in sorted(producten, key=lambda p: p.code)],
        "kennisitems": [
            _kennisitem_als_dict(k)
            for k in sorted(kennisitems, key=lambda k: (k.vraag, str(k.uuid)))
        ],
    }


def _kennisitem_als_dict(k: KennisItem) -> dict:
    return {
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
        "betrouwbaarheidsniveau": Betrouwbaarheidsniveau(p.betrouwbaarheidsniveau).name.lower(),
        "vertrouwelijkheid": p.vertrouwelijkheid,
        "extern": p.extern,
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


# --- Reading a file: its shape, checked by serializers ---------------------------------------
#
# The serializers check what the file says (types, required keys, choices, amounts, dates,
# and that every code it names exists) and report every problem at once; they write
# nothing. Where a model backs a part, its field rules (lengths, slugs, choices, digits)
# come from the model, so each rule lives in one place.


class _LeegIsNull:
    """A hand-written file may write "" or [] where the export writes null."""

    def validate_empty_values(self, data):
        if data in ("", []):
            data = None
        return super().validate_empty_values(data)


class _Tekst(serializers.CharField):
    """Text as the file gives it: leading and trailing spaces are kept, as the model does."""

    default_error_messages = {"invalid": gettext_lazy("Dit moet tekst zijn.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)


class _JaNee(serializers.BooleanField):
    default_error_messages = {"invalid": gettext_lazy("Dit moet true of false zijn.")}


class _Datum(_LeegIsNull, serializers.DateField):
    default_error_messages = {
        "invalid": gettext_lazy("Dit is geen datum; schrijf bijvoorbeeld 2026-01-31.")
    }


class _Bedrag(_LeegIsNull, serializers.DecimalField):
    default_error_messages = {
        "invalid": gettext_lazy("Schrijf een getal met een punt, bijvoorbeeld 12.50.")
    }


class _Code(_LeegIsNull, _Tekst):
    """The code of a row the import can point to: in the database, or added by the same file.

    ``soort`` is a key of the serializer context's ``bekend`` (see ``_bekende_codes``).
    """

    ONBEKEND = {
        "themas": gettext_lazy("Thema '%(code)s' bestaat niet."),
        "levensgebeurtenissen": gettext_lazy("Levensgebeurtenis '%(code)s' bestaat niet."),
        "aanbieders": gettext_lazy("Aanbieder '%(code)s' bestaat niet."),
        "afdelingen": gettext_lazy("Afdeling '%(code)s' bestaat niet."),
        "producten": gettext_lazy("Product '%(code)s' bestaat niet."),
    }

    def __init__(self, *, soort: str, **kwargs):
        self.soort = soort
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        code = super().to_internal_value(data)
        if code not in self.context["bekend"][self.soort]:
            raise serializers.ValidationError(self.ONBEKEND[self.soort] % {"code": code})
        return code


def _codes(soort: str) -> serializers.ListField:
    return serializers.ListField(child=_Code(soort=soort), default=list)


def _dubbel(waarden) -> list:
    return sorted(waarde for waarde, aantal in Counter(waarden).items() if aantal > 1)


class _Vorm(serializers.ModelSerializer):
    """The file's form of a model row: field rules from the model, messages in Dutch."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: _Tekst,
        models.TextField: _Tekst,
        models.BooleanField: _JaNee,
        models.DateField: _Datum,
        models.DecimalField: _Bedrag,
    }

    def build_standard_field(self, field_name, model_field):
        klasse, kwargs = super().build_standard_field(field_name, model_field)
        # An import updates the row with the same code, so an existing code is no error.
        kwargs["validators"] = [
            v for v in kwargs.get("validators", []) if not isinstance(v, UniqueValidator)
        ]
        # What the file leaves out gets the model's default, also on a row that exists:
        # the file describes each item whole, as the export writes it.
        if kwargs.get("required") is False and not kwargs.get("read_only"):
            kwargs["default"] = model_field.get_default
        return klasse, kwargs


class _Rij:
    """A row written as a list, its columns in the order of the serializer's fields:
    ``["afval", "Afval", "Uw container ..."]`` for a theme."""

    def to_internal_value(self, data):
        kolommen = list(self.fields)
        if not isinstance(data, list | tuple) or len(data) != len(kolommen):
            raise serializers.ValidationError(
                _("Verwacht een lijst [%(kolommen)s].") % {"kolommen": ", ".join(kolommen)}
            )
        return super().to_internal_value(dict(zip(kolommen, data, strict=True)))


class ThemaSerializer(_Rij, _Vorm):
    class Meta:
        model = Thema
        fields = ["slug", "naam", "omschrijving"]


class LevensgebeurtenisSerializer(ThemaSerializer):
    class Meta(ThemaSerializer.Meta):
        model = Levensgebeurtenis


class AanbiederSerializer(_Rij, _Vorm):
    class Meta:
        model = Aanbieder
        fields = ["code", "naam", "soort", "website"]


class TermijnSerializer(_LeegIsNull, _Rij, serializers.Serializer):
    """``[5, "werkdagen"]``; read as the pair (aantal, eenheid)."""

    aantal = serializers.IntegerField(min_value=0)
    eenheid = serializers.ChoiceField(choices=TermijnEenheid.choices)

    def to_internal_value(self, data):
        termijn = super().to_internal_value(data)
        return termijn["aantal"], termijn["eenheid"]


class KanaalinstellingSerializer(_Vorm):
    class Meta:
        model = ProductKanaal
        fields = ["aanvragen", "kosten"]


class _Kanalen(serializers.DictField):
    """``{"balie": {"aanvragen": true, "kosten": "84.40"}, ...}``, keyed by channel."""

    child = KanaalinstellingSerializer()

    def run_child_validation(self, data):
        onbekend = {
            str(kanaal): [_("Dit kanaal bestaat niet.")]
            for kanaal in data
            if kanaal not in KanaalSoort.values
        }
        try:
            kanalen = super().run_child_validation(data)
        except serializers.ValidationError as fout:
            raise serializers.ValidationError({**fout.detail, **onbekend}) from None
        if onbekend:
            raise serializers.ValidationError(onbekend)
        return kanalen


class StatusstapSerializer(_Rij, _Vorm):
    class Meta:
        model = Statusstap
        fields = ["fase", "naam", "burgertekst", "klant_informeren"]


class FormuliervraagSerializer(_Vorm):
    keuzes = serializers.ListField(child=_Tekst(), default=list)

    class Meta:
        model = Formuliervraag
        fields = [
            "sleutel",
            "vraag",
            "toelichting",
            "soort",
            "verplicht",
            "keuzes",
            "minimum",
            "maximum",
            "weekdagen",
        ]

    def validate_weekdagen(self, waarde):
        try:
            weekdagen_lezen(waarde)
        except ValueError as fout:
            raise serializers.ValidationError(
                _("'%(deel)s' is geen dag; schrijf bijvoorbeeld: ma, do.") % {"deel": fout}
            ) from None
        return waarde


class DocumentSerializer(_Vorm):
    bestandstypen = serializers.ListField(
        child=serializers.ChoiceField(choices=Documentvereiste.Bestandstype.choices),
        allow_empty=False,
    )

    class Meta:
        model = Documentvereiste
        fields = ["naam", "toelichting", "verplicht", "bestandstypen", "max_mb"]


class ProductSerializer(_Vorm):
    aanbieder = _Code(soort="aanbieders")
    afdeling = _Code(soort="afdelingen", allow_null=True, default=None)
    themas = _codes("themas")
    levensgebeurtenissen = _codes("levensgebeurtenissen")
    doelgroepen = serializers.MultipleChoiceField(
        choices=Doelgroep.choices, default=[Doelgroep.BURGER]
    )
    # The minimum login for an online application, by name (basis ... hoog).
    betrouwbaarheidsniveau = serializers.ChoiceField(
        choices=[n.name.lower() for n in Betrouwbaarheidsniveau], default="basis"
    )
    # How confidential its cases are, and whether customers' portals show them.
    vertrouwelijkheid = serializers.ChoiceField(
        choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.OPENBAAR
    )
    extern = serializers.BooleanField(default=True)
    servicenorm = TermijnSerializer(allow_null=True, default=None)
    wettelijke_termijn = TermijnSerializer(allow_null=True, default=None)
    overdracht = _Tekst(source="overdracht_instructie", allow_blank=True, default="")
    kanalen = _Kanalen(default=dict)
    statusstappen = StatusstapSerializer(many=True, default=list)
    vragen = FormuliervraagSerializer(many=True, default=list)
    documenten = DocumentSerializer(many=True, default=list)
    prefill = serializers.ListField(
        child=serializers.ChoiceField(choices=Product.PREFILL_VELDEN),
        source="prefill_velden",
        default=list,
    )
    onderdelen = _codes("producten")
    # Part code -> key of a yes/no question: the part is asked for only on "ja".
    onderdeel_voorwaarden = serializers.DictField(child=_Tekst(), allow_null=True, default=dict)
    status = serializers.ChoiceField(
        choices=Publicatiestatus.choices, default=Publicatiestatus.CONCEPT
    )

    class Meta:
        model = Product
        fields = [
            "code",
            "naam",
            "samenvatting",
            "omschrijving",
            "voorwaarden",
            "meenemen",
            "aanvragen",
            "zoekwoorden",
            "aanbieder",
            "afdeling",
            "themas",
            "levensgebeurtenissen",
            "doelgroepen",
            "betrouwbaarheidsniveau",
            "vertrouwelijkheid",
            "extern",
            "servicenorm",
            "wettelijke_termijn",
            "klaar_terwijl_u_wacht",
            "overdracht",
            "kanalen",
            "statusstappen",
            "vragen",
            "documenten",
            "prefill",
            "onderdelen",
            "onderdeel_voorwaarden",
            "status",
            "geldig_vanaf",
            "geldig_tot",
        ]

    def validate_vragen(self, vragen):
        if dubbel := _dubbel(v["sleutel"] for v in vragen):
            raise serializers.ValidationError(
                _("Twee vragen hebben dezelfde sleutel: %(s)s.") % {"s": ", ".join(dubbel)}
            )
        return vragen

    def validate_onderdelen(self, onderdelen):
        if dubbel := _dubbel(onderdelen):
            raise serializers.ValidationError(
                _("Een onderdeel staat er twee keer in: %(s)s.") % {"s": ", ".join(dubbel)}
            )
        return onderdelen

    def validate_onderdeel_voorwaarden(self, voorwaarden):
        return voorwaarden or {}

    def validate(self, attrs):
        fouten = {}
        vanaf, tot = attrs["geldig_vanaf"], attrs["geldig_tot"]
        if vanaf and tot and tot < vanaf:
            fouten["geldig_tot"] = [_("Deze datum ligt vóór geldig_vanaf.")]
        if attrs["code"] in attrs["onderdelen"]:
            fouten["onderdelen"] = [_("Een product kan geen onderdeel van zichzelf zijn.")]
        if voorwaarden := self._verkeerde_voorwaarden(attrs):
            fouten["onderdeel_voorwaarden"] = voorwaarden
        if fouten:
            raise serializers.ValidationError(fouten)
        return attrs

    @staticmethod
    def _verkeerde_voorwaarden(attrs) -> list[str]:
        janee = {v["sleutel"] for v in attrs["vragen"] if v["soort"] == Formuliervraag.Soort.JANEE}
        return [
            _(
                "Onderdeel %(onderdeel)s hangt af van %(sleutel)s, maar dat is geen "
                "ja/nee-vraag van dit product."
            )
            % {"onderdeel": onderdeel, "sleutel": sleutel}
            for onderdeel, sleutel in attrs["onderdeel_voorwaarden"].items()
            if sleutel not in janee
        ]


class KennisitemSerializer(_Vorm):
    uuid = serializers.UUIDField(
        allow_null=True,
        default=None,
        error_messages={"invalid": gettext_lazy("Dit is geen geldige uuid.")},
    )
    producten = _codes("producten")
    themas = _codes("themas")
    status = serializers.ChoiceField(
        choices=Publicatiestatus.choices, default=Publicatiestatus.CONCEPT
    )
    eigenaar = _Code(soort="afdelingen", allow_null=True, default=None)

    class Meta:
        model = KennisItem
        fields = [
            "uuid",
            "vraag",
            "antwoord",
            "trefwoorden",
            "producten",
            "themas",
            "status",
            "eigenaar",
            "herzien_op",
        ]


class CatalogusbestandSerializer(serializers.Serializer):
    """A whole export (the ``formaat`` is checked before)."""

    themas = ThemaSerializer(many=True, default=list)
    levensgebeurtenissen = LevensgebeurtenisSerializer(many=True, default=list)
    aanbieders = AanbiederSerializer(many=True, default=list)
    producten = ProductSerializer(many=True, default=list)
    kennisitems = KennisitemSerializer(many=True, default=list)

    def validate_producten(self, producten):
        if dubbel := _dubbel(p["code"] for p in producten):
            raise serializers.ValidationError(
                _("Deze productcodes staan er meer dan eens in: %(s)s.") % {"s": ", ".join(dubbel)}
            )
        return producten

    def validate_kennisitems(self, items):
        if dubbel := _dubbel(k["uuid"] for k in items if k["uuid"]):
            raise serializers.ValidationError(
                _("Deze uuids staan er meer dan eens in: %(s)s.")
                % {"s": ", ".join(map(str, dubbel))}
            )
        return items


def _bekende_codes(data: dict) -> dict[str, set[str]]:
    """What a reference in the file may name: a row in the database or one the file adds.

    Read from the unchecked file, leniently: a malformed row is the serializer's to report.
    """

    def in_bestand(sleutel: str) -> set[str]:
        rijen = data.get(sleutel)
        if not isinstance(rijen, list):
            return set()
        return {
            code
            for rij in rijen
            if isinstance(code := _uit_rij(rij, "code" if isinstance(rij, dict) else 0), str)
        }

    def in_database(model, veld: str) -> set[str]:
        return set(model.objects.values_list(veld, flat=True))

    return {
        "themas": in_database(Thema, "slug") | in_bestand("themas"),
        "levensgebeurtenissen": (
            in_database(Levensgebeurtenis, "slug") | in_bestand("levensgebeurtenissen")
        ),
        "aanbieders": in_database(Aanbieder, "code") | in_bestand("aanbieders"),
        "afdelingen": in_database(Afdeling, "code"),
        "producten": in_database(Product, "code") | in_bestand("producten"),
    }


def _uit_rij(rij, sleutel):
    """``rij[sleutel]`` of an unchecked row, or None."""
    try:
        return rij[sleutel] if isinstance(rij, list | tuple | dict) else None
    except (IndexError, KeyError):
        return None


# Section of the file -> (how an item is named in a message, the key that names it).
_SECTIES = {
    "themas": (gettext_lazy("Thema"), 0),
    "levensgebeurtenissen": (gettext_lazy("Levensgebeurtenis"), 0),
    "aanbieders": (gettext_lazy("Aanbieder"), 0),
    "producten": (gettext_lazy("Product"), "code"),
    "kennisitems": (gettext_lazy("Kennisitem"), "vraag"),
}


def _meldingen(fouten: dict, data: dict) -> list[str]:
    """DRF's nested errors as messages that say where: "Product paspoort, kanalen, fax: ..."."""
    return [
        _("%(waar)s: %(fout)s") % {"waar": _plaats(pad, data), "fout": tekst}
        for pad, tekst in _plat(fouten)
    ]


def _plat(fout, pad=()):
    """Every message in a nested error, with the path of keys and positions to it."""
    if isinstance(fout, dict):
        for sleutel, sub in fout.items():
            yield from _plat(
                sub, pad if sleutel == api_settings.NON_FIELD_ERRORS_KEY else (*pad, sleutel)
            )
    elif isinstance(fout, list):
        for index, sub in enumerate(fout):
            yield from _plat(sub, pad if isinstance(sub, str) else (*pad, index))
    else:
        yield pad, str(fout)


def _plaats(pad: tuple, data: dict) -> str:
    sectie, *rest = pad
    delen = [sectie]
    if rest and isinstance(rest[0], int):
        index, *rest = rest
        soort, sleutel = _SECTIES[sectie]
        naam = _uit_rij(data[sectie][index], sleutel)
        if isinstance(naam, str) and naam:
            delen = [f"{soort} {naam[:40]}"]
        else:
            delen = [_("%(soort)s nr. %(nummer)s") % {"soort": soort, "nummer": index + 1}]
    for deel in rest:
        if isinstance(deel, int):
            delen[-1] += " " + _("nr. %(nummer)s") % {"nummer": deel + 1}
        else:
            delen.append(str(deel))
    return ", ".join(delen)


# --- Saving what the serializers accepted ----------------------------------------------------


@transaction.atomic
def importeren(data: dict, *, user: User | None = None) -> dict[str, int]:
    """Load a catalogue export. Raises ValidationError listing every problem;
    on any problem nothing is changed."""
    if not isinstance(data, dict) or data.get("formaat") != FORMAAT_VERSIE:
        raise ValidationError(
            _("Dit is geen catalogusbestand (formaat %(versie)s).") % {"versie": FORMAAT_VERSIE}
        )
    bestand = CatalogusbestandSerializer(data=data, context={"bekend": _bekende_codes(data)})
    if not bestand.is_valid():
        raise ValidationError(_meldingen(bestand.errors, data))
    inhoud = bestand.validated_data

    _groepen_opslaan(inhoud)
    verwijzingen = _Verwijzingen()
    producten = [_product_opslaan(pd, verwijzingen) for pd in inhoud["producten"]]
    # Parts and knowledge items may name any product, also one further on in the file.
    verwijzingen.producten = _op_code(Product, "code")
    for product, pd in zip(producten, inhoud["producten"], strict=True):
        _onderdelen_opslaan(product, pd, verwijzingen)
    items = [_kennisitem_opslaan(kd, verwijzingen) for kd in inhoud["kennisitems"]]

    # Publication last: its checks need the channels, steps and parts in place.
    _publicatie_bijwerken(
        zip(producten, inhoud["producten"], strict=True),
        zip(items, inhoud["kennisitems"], strict=True),
        user=user,
    )
    return {"producten": len(producten), "kennisitems": len(items)}


def _groepen_opslaan(inhoud: dict) -> None:
    for model, sectie in [(Thema, "themas"), (Levensgebeurtenis, "levensgebeurtenissen")]:
        for rij in inhoud[sectie]:
            model.objects.update_or_create(slug=rij["slug"], defaults=rij)
    for rij in inhoud["aanbieders"]:
        Aanbieder.objects.update_or_create(code=rij["code"], defaults=rij)


def _op_code(model, veld: str) -> dict:
    return {getattr(obj, veld): obj for obj in model.objects.all()}


class _Verwijzingen:
    """The rows the file's codes point to, once its themes, life events and providers
    are saved. The serializers made sure every code is here."""

    def __init__(self):
        self.themas = _op_code(Thema, "slug")
        self.levensgebeurtenissen = _op_code(Levensgebeurtenis, "slug")
        self.aanbieders = _op_code(Aanbieder, "code")
        self.afdelingen = _op_code(Afdeling, "code")
        self.producten: dict[str, Product] = {}


def _product_opslaan(pd: dict, verwijzingen: _Verwijzingen) -> Product:
    norm_aantal, norm_eenheid = pd["servicenorm"] or (None, "")
    wet_aantal, wet_eenheid = pd["wettelijke_termijn"] or (None, "")
    velden = {
        "naam": pd["naam"],
        "samenvatting": pd["samenvatting"],
        "omschrijving": pd["omschrijving"],
        "voorwaarden": pd["voorwaarden"],
        "meenemen": pd["meenemen"],
        "aanvragen": pd["aanvragen"],
        "zoekwoorden": pd["zoekwoorden"],
        "aanbieder": verwijzingen.aanbieders[pd["aanbieder"]],
        "afdeling": verwijzingen.afdelingen.get(pd["afdeling"]),
        "voor_burger": Doelgroep.BURGER in pd["doelgroepen"],
        "voor_bedrijf": Doelgroep.BEDRIJF in pd["doelgroepen"],
        "voor_instelling": Doelgroep.INSTELLING in pd["doelgroepen"],
        "betrouwbaarheidsniveau": Betrouwbaarheidsniveau[pd["betrouwbaarheidsniveau"].upper()],
        "vertrouwelijkheid": pd["vertrouwelijkheid"],
        "extern": pd["extern"],
        "servicenorm_aantal": norm_aantal,
        "servicenorm_eenheid": norm_eenheid,
        "wettelijke_termijn_aantal": wet_aantal,
        "wettelijke_termijn_eenheid": wet_eenheid,
        "klaar_terwijl_u_wacht": pd["klaar_terwijl_u_wacht"],
        "overdracht_instructie": pd["overdracht_instructie"],
        "prefill_velden": pd["prefill_velden"],
        "geldig_vanaf": pd["geldig_vanaf"],
        "geldig_tot": pd["geldig_tot"],
    }
    # Not the status: that FSM field only moves through the services, at the end.
    product = Product.objects.filter(code=pd["code"]).first() or Product(code=pd["code"])
    for veld, waarde in velden.items():
        setattr(product, veld, waarde)
    product.save()
    product.themas.set([verwijzingen.themas[s] for s in pd["themas"]])
    product.levensgebeurtenissen.set(
        [verwijzingen.levensgebeurtenissen[s] for s in pd["levensgebeurtenissen"]]
    )

    # The file lists all of a product's channels, steps, questions and documents.
    product.kanalen.all().delete()
    ProductKanaal.objects.bulk_create(
        ProductKanaal(product=product, kanaal=kanaal, **instelling)
        for kanaal, instelling in pd["kanalen"].items()
    )
    product.statusstappen.all().delete()
    Statusstap.objects.bulk_create(
        Statusstap(product=product, volgorde=volgorde, **stap)
        for volgorde, stap in enumerate(pd["statusstappen"])
    )
    product.vragen.all().delete()
    Formuliervraag.objects.bulk_create(
        Formuliervraag(
            product=product, volgorde=volgorde, **{**vraag, "keuzes": "\n".join(vraag["keuzes"])}
        )
        for volgorde, vraag in enumerate(pd["vragen"])
    )
    product.documenten.all().delete()
    Documentvereiste.objects.bulk_create(
        Documentvereiste(product=product, volgorde=volgorde, **document)
        for volgorde, document in enumerate(pd["documenten"])
    )
    return product


def _onderdelen_opslaan(product: Product, pd: dict, verwijzingen: _Verwijzingen) -> None:
    product.onderdeel_regels.all().delete()
    ProductOnderdeel.objects.bulk_create(
        ProductOnderdeel(
            samengesteld=product,
            onderdeel=verwijzingen.producten[code],
            volgorde=volgorde,
            alleen_als=pd["onderdeel_voorwaarden"].get(code, ""),
        )
        for volgorde, code in enumerate(pd["onderdelen"])
    )


def _kennisitem_opslaan(kd: dict, verwijzingen: _Verwijzingen) -> KennisItem:
    # Matched on uuid (an export), else on the question (a hand-written file, or the
    # same item made by hand in another environment).
    item = (
        (kd["uuid"] and KennisItem.objects.filter(uuid=kd["uuid"]).first())
        or KennisItem.objects.filter(vraag=kd["vraag"]).first()
        or KennisItem(uuid=kd["uuid"] or uuid4())
    )
    item.vraag = kd["vraag"]
    item.antwoord = kd["antwoord"]
    item.trefwoorden = kd["trefwoorden"]
    item.eigenaar = verwijzingen.afdelingen.get(kd["eigenaar"])
    item.herzien_op = kd["herzien_op"]
    item.save()
    item.producten.set([verwijzingen.producten[c] for c in kd["producten"]])
    item.themas.set([verwijzingen.themas[s] for s in kd["themas"]])
    return item


def _publicatie_bijwerken(producten, items, *, user: User | None) -> None:
    """Give every product and knowledge item the status the file says.

    Raises ValidationError naming each one that cannot have it (a product without
    channels cannot be published, for one).
    """
    fouten = []
    for product, pd in producten:
        fouten += _melden(_("Product %s") % product.code, _productstatus, product, pd, user)
    for item, kd in items:
        fouten += _melden(_("Kennisitem %s") % item.vraag[:40], _kennisitemstatus, item, kd)
    if fouten:
        raise ValidationError(fouten)


def _melden(waar: str, stap, *args) -> list[str]:
    """Run ``stap(*args)``; the ValidationError it raises becomes messages that say where."""
    try:
        stap(*args)
    except ValidationError as error:
        return [_("%(waar)s: %(fout)s") % {"waar": waar, "fout": m} for m in error.messages]
    return []


def _productstatus(product: Product, pd: dict, user: User | None) -> None:
    gewenst = pd["status"]
    if gewenst == Publicatiestatus.GEPUBLICEERD and product.status != gewenst:
        services.product_publiceren(product=product, user=user)
    elif (
        gewenst == Publicatiestatus.INGETROKKEN and product.status == Publicatiestatus.GEPUBLICEERD
    ):
        services.product_intrekken(product=product)
    else:
        services.product_gewijzigd(product=product, user=user)


def _kennisitemstatus(item: KennisItem, kd: dict) -> None:
    gewenst = kd["status"]
    if gewenst == Publicatiestatus.GEPUBLICEERD and item.status != gewenst:
        services.kennisitem_publiceren(item=item)
    elif gewenst == Publicatiestatus.INGETROKKEN and item.status == Publicatiestatus.GEPUBLICEERD:
        services.kennisitem_intrekken(item=item)
