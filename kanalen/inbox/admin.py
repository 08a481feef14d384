"""Agents' availability and skills in the beheer screens."""

from django.contrib import admin

from kanalen.models import (
    Medewerkerstatus,
)
from kcc.admin_site import GeldigeAutocompleteMixin


@admin.register(Medewerkerstatus)
class MedewerkerstatusAdmin(GeldigeAutocompleteMixin, admin.ModelAdmin):
    """Which product groups an agent handles (routing by skill). The status
    itself is the agent's to set in the workspace."""

    list_display = ["medewerker", "status", "sinds"]
    list_select_related = ["medewerker"]
    readonly_fields = ["status", "sinds"]
    filter_horizontal = ["vaardigheden"]
    autocomplete_fields = ["medewerker"]
