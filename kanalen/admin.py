"""The channel register in the beheer screens; each room's admin is imported
below.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# Each room registers its own models.
from kanalen.balie import admin as _balie_admin  # noqa: F401
from kanalen.berichten import admin as _berichten_admin  # noqa: F401
from kanalen.inbox import admin as _inbox_admin  # noqa: F401
from kanalen.models import (
    Kanaal,
    Openingstijd,
)


class OpeningstijdInline(admin.TabularInline):
    model = Openingstijd
    extra = 0


@admin.register(Kanaal)
class KanaalAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "soort",
        "norm_omschrijving",
        "kosten_per_contact",
        "volgorde",
        "actief",
    ]
    list_editable = ["volgorde", "actief"]
    inlines = [OpeningstijdInline]
    fieldsets = [
        (None, {"fields": ["soort", "naam", "bereikbaarheid", "volgorde", "actief"]}),
        (
            _("Norm"),
            {"fields": [("norm_percentage", "norm_aantal", "norm_eenheid"), "norm_omschrijving"]},
        ),
        (_("Kosten"), {"fields": ["kosten_per_contact"]}),
    ]
