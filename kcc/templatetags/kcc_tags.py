from django import template

from kcc import formaat

register = template.Library()


@register.filter
def met_aria(field):
    """Render a form field's widget with its help text and errors tied to it."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_hulp")
    attrs = {}
    if field.errors:
        described_by.append(f"{field.auto_id}_fout")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.field.required:
        attrs["required"] = True
    return field.as_widget(attrs=attrs)


_EENHEID_ENKELVOUD = {"dagen": "dag", "werkdagen": "werkdag", "weken": "week"}


@register.simple_tag
def termijn(aantal, eenheid):
    """'5 werkdagen', '1 week'; empty when there is no term."""
    if aantal in (None, ""):
        return ""
    woord = _EENHEID_ENKELVOUD.get(eenheid, eenheid) if aantal == 1 else eenheid
    return f"{aantal} {woord}"


@register.filter
def euro(bedrag):
    """A price: '€ 7.495,20'; 'gratis' for 0; for no fixed price, a pointer to the explanation."""
    from django.utils.translation import gettext

    if bedrag in (None, ""):
        return gettext("afhankelijk van uw situatie")
    if bedrag == 0:
        return gettext("gratis")
    return _vast(formaat.bedrag(bedrag))


@register.filter(name="bedrag")
def bedrag_filter(waarde):
    """An amount: '€ 7.495,20', also '€ 0,00'; '-' for none."""
    return _vast(formaat.bedrag(waarde)) or "-"


def _vast(bedrag: str) -> str:
    """The euro sign kept on the line of its amount (a no-break space) on a page."""
    return bedrag.replace("€ ", "€\N{NO-BREAK SPACE}")


@register.filter(name="getal")
def getal_filter(waarde, decimalen=None):
    """'7.495,2' with ``|getal:1``; '-' for none."""
    return formaat.getal(waarde, None if decimalen in (None, "") else int(decimalen)) or "-"


@register.simple_tag(takes_context=True)
def huidig(context, url, sectie=False):
    """aria-current for a navigation link: "page" on the page itself, "true"
    anywhere below it when ``sectie``; nothing elsewhere."""
    from django.utils.html import format_html

    path = context["request"].path
    if path == url:
        return format_html(' aria-current="{}"', "page")
    if sectie and path.startswith(url):
        return format_html(' aria-current="{}"', "true")
    return ""


@register.simple_tag(name="link")
def link_tag(naam, *args):
    """``{% link "klantbeeld" klant.uuid %}``: a screen of a higher app (kcc.links)."""
    from kcc.links import link

    return link(naam, *args)


@register.filter
def kort(tekst, lengte=300):
    """The text cut to ``lengte`` characters, the last an ellipsis. Cheaper
    than ``truncatechars`` (which weighs every character for combining marks)
    on the lists that show dozens of texts: the timeline, the inbox."""
    tekst = "" if tekst is None else str(tekst)
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "\N{HORIZONTAL ELLIPSIS}"


@register.filter
def moment(waarde):
    """'06-12-2026 14:05' in local time (kcc.formaat)."""
    return formaat.moment(waarde)


@register.filter
def datum(waarde):
    """'06-12-2026' (the local date of a moment)."""
    return formaat.datum(waarde)


@register.filter(name="datum_lang")
def datum_lang_filter(waarde):
    """'6 december 2026' (the local date of a moment)."""
    return formaat.datum_lang(waarde)


@register.filter(name="moment_lang")
def moment_lang_filter(waarde):
    """'6 december 2026 om 14:05' in local time."""
    return formaat.moment_lang(waarde)


@register.filter
def leesbaar(waarde, lang=False):
    """Any value as a person reads it (kcc.formaat.tekst): a date, a moment
    in local time, ja/nee, a number with a decimal comma."""
    return formaat.tekst(waarde, lang=bool(lang))


@register.filter
def get_item(mapping, sleutel):
    """mapping[sleutel] in a template; None when absent."""
    return mapping.get(sleutel) if mapping else None


@register.filter
def telefoon(nummer):
    """'+31612345678' as people read it: '06 12345678'."""
    return formaat.telefoonnummer(nummer)


@register.filter(name="weergave")
def weergave_filter(obj, veld):
    """``{{ zaak|weergave:"status" }}``: get_status_display, fast (see kcc.choices)."""
    from kcc.choices import weergave

    return weergave(obj, veld)


@register.simple_tag
def veld(field):
    """A form field with its label, help text and errors tied to it (WCAG):
    ``{% veld field %}``. Radio buttons get a fieldset with a legend.
    Written in Python: a workspace page renders many of these."""
    from django.utils.html import format_html, format_html_join
    from django.utils.translation import gettext

    optioneel = (
        format_html(" <span>{}</span>", gettext("(niet verplicht)"))
        if not field.field.required
        else ""
    )
    hulp = (
        format_html('<p class="hulp" id="{}_hulp">{}</p>', field.auto_id, field.help_text)
        if field.help_text
        else ""
    )
    fouten = (
        format_html(
            '<p class="foutmelding" id="{}_fout">{}</p>',
            field.auto_id,
            format_html_join(" ", "{}", ((fout,) for fout in field.errors)),
        )
        if field.errors
        else ""
    )
    klasse = "veld veld--fout" if field.errors else "veld"
    if getattr(field.field.widget, "input_type", None) == "radio":
        return format_html(
            '<fieldset class="{}">\n  <legend>{}{}</legend>\n  {}{}<div class="keuzes">{}</div>\n'
            "</fieldset>",
            klasse,
            field.label,
            optioneel,
            hulp,
            fouten,
            met_aria(field),
        )
    return format_html(
        '<div class="{}">\n  <label for="{}">{}{}</label>\n  {}{}{}\n</div>',
        klasse,
        field.id_for_label,
        field.label,
        optioneel,
        hulp,
        fouten,
        met_aria(field),
    )


@register.simple_tag(takes_context=True)
def pagina_query(context, nummer) -> str:
    """The page's query string with another page number (a search stays)."""
    from kcc.paginering import PARAMETER

    query = context["request"].GET.copy()
    query[PARAMETER] = nummer
    return query.urlencode()
