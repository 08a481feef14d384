"""Registering a letter that came by post."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kcc.widgets import DatumInvoer
from producten.models import Thema


class BriefForm(forms.Form):
    bsn = forms.CharField(
        label=_("BSN van de afzender"),
        max_length=11,
        required=False,
        help_text=_("Als de afzender een inwoner is die wij kennen; anders leeg laten."),
    )
    afzender = forms.CharField(
        label=_("Afzender (naam en adres)"),
        max_length=254,
        required=False,
        help_text=_("Zoals op de brief staat. Leeg: het adres van de klant."),
    )
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=300)
    ontvangen_op = forms.DateField(
        label=_("Ontvangen op"),
        widget=DatumInvoer(),
        initial=timezone.localdate,
    )
    thema = forms.ModelChoiceField(
        label=_("Productgroep"),
        queryset=Thema.objects.order_by("volgorde", "naam"),
        to_field_name="slug",
        required=False,
        empty_label=_("Herkennen uit het onderwerp"),
        help_text=_("Daarmee gaat de brief naar de collega's met kennis van dit onderwerp."),
    )
    scan = forms.FileField(label=_("Scan van de brief"), help_text=_("PDF, JPG of PNG."))
    # The scan of an earlier try that came back with an error (kcc.bestanden.vasthouden).
    scan_bewaard = forms.CharField(required=False, widget=forms.HiddenInput)
