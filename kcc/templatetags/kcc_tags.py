from django import template

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
    """'€ 84,40'; 'gratis' for 0; for no fixed price, a pointer to the explanation."""
    from django.utils.formats import number_format
    from django.utils.translation import gettext

    if bedrag in (None, ""):
        return gettext("afhankelijk van uw situatie")
    if bedrag == 0:
        return gettext("gratis")
    return f"€ {number_format(bedrag, decimal_pos=2)}"


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
def get_item(mapping, sleutel):
    """mapping[sleutel] in a template; None when absent."""
    return mapping.get(sleutel) if mapping else None


@register.filter
def telefoon(nummer):
    """'+31612345678' as people read it: '06 12345678'."""
    import phonenumbers

    if not nummer:
        return ""
    try:
        parsed = phonenumbers.parse(nummer, "NL")
    except phonenumbers.NumberParseException:
        return nummer
    if parsed.country_code == 31:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@register.filter(name="weergave")
def weergave_filter(obj, veld):
    """``{{ zaak|weergave:"status" }}``: get_status_display, fast (see kcc.choices)."""
    from kcc.choices import weergave

    return weergave(obj, veld)


def _kort(tekst: str, lengte: int = 300) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "\N{HORIZONTAL ELLIPSIS}"


@register.simple_tag
def tijdlijnregels(gebeurtenissen):
    """The lines of a customer's timeline (kanalen.selectors.Gebeurtenis).

    Written out in Python, with the translated words and the case URL worked
    out once per list rather than per line: a klantbeeld shows dozens of
    these, and this was the hottest part of its rendering. ``html.escape`` is
    what Django's ``escape`` calls for plain strings.
    """
    from html import escape

    from django.urls import reverse
    from django.utils import timezone
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext

    soorten = {
        "contact": gettext("Contact"),
        "zaak": gettext("Zaak"),
        "bericht": gettext("Bericht"),
        "contactverzoek": gettext("Contactverzoek"),
    }
    goed = escape(gettext("in één keer goed"))
    niet_goed = escape(gettext("niet in één keer"))
    in_een_keer = f' <span class="label label--open">{goed}</span>'
    niet_in_een_keer = f' <span class="label">{niet_goed}</span>'
    namens = escape(gettext("Namens de klant"))
    antwoord = escape(gettext("Antwoord"))
    voorbeeld = "00000000-0000-0000-0000-000000000000"
    zaak_url = reverse("zaken:zaak", kwargs={"zaak_uuid": voorbeeld}).replace(voorbeeld, "%s")
    regels = []
    for g in gebeurtenissen:
        label = soorten.get(g.soort, g.soort) + (f": {g.kanaal}" if g.kanaal else "")
        delen = [
            f'<li class="tijdlijn__{escape(g.soort)}"><strong>'
            f"{timezone.localtime(g.tijdstip):%d-%m-%Y %H:%M}</strong> "
            f'<span class="label">{escape(label)}</span> {escape(g.titel or "")}'
        ]
        if g.door:
            delen.append(f" <small>({escape(str(g.door))})</small>")
        if g.zaak_uuid:
            url = zaak_url % g.zaak_uuid
            delen.append(f' \N{EN DASH} <a href="{url}">{escape(g.zaak_nummer or "")}</a>')
        if g.soort == "contact":
            if g.in_een_keer_goed:
                delen.append(in_een_keer)
            elif g.in_een_keer_goed is False:
                delen.append(niet_in_een_keer)
            if g.namens:
                delen.append(f"<br><small>{namens}: {escape(g.namens)}</small>")
            if g.tekst:
                delen.append(f"<br>{escape(_kort(g.tekst))}")
            if g.antwoord:
                delen.append(f"<br><em>{antwoord}:</em> {escape(_kort(g.antwoord))}")
        elif g.tekst:
            delen.append(f"<br>{escape(_kort(g.tekst))}")
        delen.append("</li>\n")
        regels.append("".join(delen))
    return mark_safe("".join(regels))  # noqa: S308 - every value above is escaped


@register.simple_tag
def zaakregels(zaken):
    """The rows of the klantbeeld's case table (``KlantZaken``): open cases
    with their deadlines, then the latest closed ones with their closing
    date. In Python, like the timeline: a long history shows a few dozen."""
    from html import escape

    from django.urls import reverse
    from django.utils import timezone
    from django.utils.safestring import mark_safe

    from kcc.choices import weergave

    voorbeeld = "00000000-0000-0000-0000-000000000000"
    zaak_url = reverse("zaken:zaak", kwargs={"zaak_uuid": voorbeeld}).replace(voorbeeld, "%s")

    def datum(waarde):
        return f"{waarde:%d-%m-%Y}" if waarde else "-"

    regels = []
    for zaak in [*zaken.open, *zaken.afgesloten]:
        if zaak.is_open:
            termijn = datum(zaak.streefdatum) + (
                f" / {datum(zaak.uiterste_datum)}" if zaak.uiterste_datum else ""
            )
        else:
            termijn = datum(zaak.afgesloten_op and timezone.localtime(zaak.afgesloten_op))
        regels.append(
            f'<tr><td><a href="{zaak_url % zaak.uuid}">{escape(zaak.nummer)}</a></td>'
            f"<td>{escape(zaak.product.naam)}</td><td>{escape(weergave(zaak, 'status'))}</td>"
            f"<td>{termijn}</td></tr>\n"
        )
    return mark_safe("".join(regels))  # noqa: S308 - every value above is escaped


@register.simple_tag
def werkregels(items, nu):
    """The rows of the one inbox (``kanalen.werkvoorraad.Werkitem``): when
    the norm runs out (late, today, in minutes for a chat), the channel,
    who, what. In Python, like the timeline: the list is the agent's most
    visited page and shows up to fifty rows."""
    from html import escape

    from django.utils import timezone
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext

    soorten = {
        "chat": gettext("Chat"),
        "inbox": "",
        "contactverzoek": gettext("Contactverzoek"),
    }
    terugbellen = gettext("Terugbelverzoek")
    te_laat = f'<span class="label label--fout">{escape(gettext("te laat"))}</span>'
    vandaag = f'<span class="label label--open">{escape(gettext("vandaag"))}</span>'
    wacht = escape(gettext("wacht %(minuten)s min"))
    leeg = gettext("(geen onderwerp)")
    dag = timezone.localdate(nu)
    regels = []
    for item in items:
        uiterlijk = timezone.localtime(item.uiterlijk)
        if item.soort == "chat":
            minuten = max(0, int((nu - item.binnen).total_seconds() // 60))
            klok = wacht % {"minuten": minuten}
            if item.uiterlijk < nu:
                klok += " " + te_laat
        else:
            klok = f"{uiterlijk:%d-%m-%Y}"
            if uiterlijk.date() < dag:
                klok += " " + te_laat
            elif uiterlijk.date() == dag:
                klok += " " + vandaag
        if item.soort == "contactverzoek":
            kanaal = terugbellen if item.kanaal else soorten["contactverzoek"]
        else:
            kanaal = soorten[item.soort] or item.kanaal_label
        regels.append(
            f"<tr><td>{klok}</td><td>{escape(str(kanaal))}</td><td>{escape(item.wie or '-')}</td>"
            f'<td><a href="{escape(item.url)}">{escape(_kort(item.titel or leeg, 80))}</a></td>'
            f"<td>{timezone.localtime(item.binnen):%d-%m-%Y %H:%M}</td></tr>\n"
        )
    return mark_safe("".join(regels))  # noqa: S308 - every value above is escaped


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
