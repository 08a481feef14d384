from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kanalen.models import Kanaal, Openingstijd


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
