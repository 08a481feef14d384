"""Desks and appointment schedules in the beheer screens."""

from django.contrib import admin

from kanalen.models import (
    Afspraakrooster,
    Balie,
)
from kcc.admin_site import GeldigeAutocompleteMixin


@admin.register(Balie)
class BalieAdmin(admin.ModelAdmin):
    list_display = ["naam", "volgorde", "actief"]
    list_editable = ["volgorde", "actief"]


@admin.register(Afspraakrooster)
class AfspraakroosterAdmin(GeldigeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["product", "weekdag", "van", "tot", "slotduur_minuten", "balies"]
    list_filter = ["weekdag", "product"]
    list_select_related = ["product"]
    autocomplete_fields = ["product"]
