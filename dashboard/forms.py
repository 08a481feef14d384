"""The dashboard's filter: period and dimensions."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dashboard.selectors import Filter, ServicelevelFormule
from kcc.choices import KanaalSoort
from kcc.models import Afdeling, User
from kcc.roles import Rol
from kcc.widgets import DatumInvoer
from producten.models import Thema

VROEGST = date(2000, 1, 1)


def _vorige_maand(vandaag: date) -> tuple[date, date]:
    einde = vandaag.replace(day=1) - timedelta(days=1)
    return einde.replace(day=1), einde


class KpiFilterForm(forms.Form):
    PERIODES = [
        ("dag", _("Dag")),
        ("week", _("Week")),
        ("maand", _("Maand")),
        ("eigen", _("Eigen periode")),
    ]
    periode = forms.ChoiceField(label=_("Periode"), choices=PERIODES, initial="maand")
    datum = forms.DateField(
        label=_("Dag in de periode"),
        required=False,
        help_text=_("Leeg: gisteren, vorige week of vorige maand."),
        widget=DatumInvoer(),
    )
    van = forms.DateField(label=_("Van"), required=False, widget=DatumInvoer())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInvoer())
    kanaal = forms.ChoiceField(
        label=_("Kanaal"), required=False, choices=[("", _("Alle kanalen")), *KanaalSoort.choices]
    )
    thema = forms.ModelChoiceField(
        label=_("Productgroep"),
        required=False,
        queryset=Thema.objects.order_by("naam"),
        empty_label=_("Alle productgroepen"),
        to_field_name="slug",
    )
    afdeling = forms.ModelChoiceField(
        label=_("Afdeling (van het product)"),
        required=False,
        queryset=Afdeling.objects.filter(actief=True),
        empty_label=_("Alle afdelingen"),
        to_field_name="code",
    )
    team = forms.ModelChoiceField(
        label=_("Team (medewerkers van de afdeling)"),
        required=False,
        queryset=Afdeling.objects.filter(actief=True),
        empty_label=_("Alle teams"),
        to_field_name="code",
    )
    medewerker = forms.ModelChoiceField(
        label=_("Medewerker"),
        required=False,
        queryset=User.objects.filter(
            is_active=True, groups__name__in=[Rol.KLANTMANAGER, Rol.TEAMLEIDER]
        )
        .distinct()
        .order_by("first_name", "last_name"),
        empty_label=_("Alle medewerkers"),
        to_field_name="username",
    )
    formule = forms.ChoiceField(
        label=_("Formule servicelevel"),
        required=False,
        choices=list(ServicelevelFormule.KEUZES.items()),
        initial=ServicelevelFormule.MET_VERLATEN,
    )

    kort_verlaten_weglaten = forms.BooleanField(
        label=_("Verlaten binnen 5 seconden niet meetellen"), required=False
    )

    def samenvatting(self) -> str:
        """The filters in one line, for the folded filter form."""
        data = self.cleaned_data
        delen = [
            dict(self.fields["periode"].choices).get(data.get("periode"), ""),
            dict(self.fields["kanaal"].choices).get(data.get("kanaal") or "", ""),
        ]
        for veld in ("thema", "afdeling", "team", "medewerker"):
            if data.get(veld):
                delen.append(f"{self.fields[veld].label}: {data[veld]}")
        return " · ".join(str(deel) for deel in delen if deel)

    def clean(self):
        data = super().clean()
        vandaag = timezone.localdate()
        for veld in ("datum", "van", "tot"):
            if data.get(veld) and not VROEGST <= data[veld] <= vandaag + timedelta(days=366):
                self.add_error(veld, _("Kies een datum tussen 2000 en volgend jaar."))
                return data
        periode, datum = data.get("periode"), data.get("datum")
        if periode == "eigen":
            van, tot = data.get("van"), data.get("tot")
            if not van or not tot:
                raise forms.ValidationError(
                    _("Vul bij een eigen periode de begin- en einddatum in.")
                )
            if tot < van:
                raise forms.ValidationError(_("De einddatum ligt voor de begindatum."))
            if (tot - van).days > 366 * 2:
                raise forms.ValidationError(_("Kies een periode van hoogstens twee jaar."))
        elif periode == "dag":
            van = tot = datum or vandaag - timedelta(days=1)
        elif periode == "week":
            dag = datum or vandaag - timedelta(days=7)
            van = dag - timedelta(days=dag.weekday())
            tot = van + timedelta(days=6)
        else:
            if datum:
                van = datum.replace(day=1)
                tot = (van + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            else:
                van, tot = _vorige_maand(vandaag)
        data["van"], data["tot"] = van, tot
        return data

    def filter(self) -> Filter:
        data = self.cleaned_data
        return Filter(
            van=data["van"],
            tot=data["tot"],
            kanaal=data.get("kanaal") or "",
            thema=data.get("thema"),
            afdeling=data.get("afdeling"),
            team=data.get("team"),
            medewerker=data.get("medewerker"),
            medewerker_ids=tuple(data["team"].medewerkers.values_list("pk", flat=True))
            if data.get("team") and not data.get("medewerker")
            else (),
        )


class PlanningForm(forms.Form):
    kanaal = forms.ChoiceField(
        label=_("Kanaal"),
        choices=[
            (KanaalSoort.TELEFOON, KanaalSoort.TELEFOON.label),
            (KanaalSoort.CHAT, KanaalSoort.CHAT.label),
            (KanaalSoort.BALIE, KanaalSoort.BALIE.label),
        ],
        initial=KanaalSoort.TELEFOON,
    )
    datum = forms.DateField(
        label=_("Dag"),
        required=False,
        help_text=_("Leeg: morgen."),
        widget=DatumInvoer(),
    )
    doel = forms.IntegerField(
        label=_("Doel servicelevel (%)"), required=False, min_value=1, max_value=99
    )
    max_bezetting = forms.IntegerField(
        label=_("Hoogste bezettingsgraad (%)"), initial=85, min_value=50, max_value=100
    )
    shrinkage = forms.IntegerField(
        label=_("Shrinkage (%)"),
        initial=30,
        min_value=0,
        max_value=90,
        help_text=_("Het deel van de betaalde tijd dat niet aan de telefoon wordt gewerkt."),
    )
    chats_tegelijk = forms.IntegerField(
        label=_("Chats tegelijk per medewerker"),
        initial=2,
        min_value=1,
        max_value=6,
        help_text=_("Alleen voor de chat: hoeveel gesprekken één medewerker tegelijk voert."),
    )
    week = forms.BooleanField(
        label=_("De hele week vanaf deze dag (om het rooster te maken)"), required=False
    )

    def clean_datum(self):
        datum = self.cleaned_data.get("datum")
        vandaag = timezone.localdate()
        if datum and not vandaag - timedelta(days=366) <= datum <= vandaag + timedelta(days=366):
            raise forms.ValidationError(_("Kies een dag binnen een jaar van vandaag."))
        return datum
