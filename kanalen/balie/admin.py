"""Desks and appointment schedules in the beheer screens."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kanalen.balie import apparaten
from kanalen.models import (
    Afspraakrooster,
    Balie,
    BalieApparaat,
)
from kcc.admin_site import GeldigeAutocompleteMixin
from kcc.audit import Actie, audit_log
from kcc.links import publieke_url


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


@admin.register(BalieApparaat)
class BalieApparaatAdmin(admin.ModelAdmin):
    """A kiosk or display is registered here; the link that couples the
    device is shown once, on saving a new one or on asking for a new link."""

    list_display = ["naam", "actief", "aangemaakt_op", "laatst_gezien_op"]
    list_filter = ["actief"]
    fields = ["naam", "actief", "aangemaakt_op", "laatst_gezien_op"]
    readonly_fields = ["aangemaakt_op", "laatst_gezien_op"]
    actions = ["nieuwe_koppellink"]

    def _link_tonen(self, request, apparaat, token):
        link = publieke_url(reverse("publiek:apparaat-koppelen", kwargs={"token": token}))
        self.message_user(
            request,
            format_html(
                "{} <code>{}</code>",
                _(
                    "Open deze link één keer op het apparaat „%(naam)s”; daarna werken de "
                    "kiosk en het wachtkamerscherm daar. De link wordt niet opnieuw getoond:"
                )
                % {"naam": apparaat.naam},
                link,
            ),
            messages.WARNING,
        )
        audit_log(
            user=request.user,
            actie=Actie.WIJZIGEN,
            obj=apparaat,
            request=request,
            omschrijving=f"Koppellink gemaakt voor balie-apparaat {apparaat.naam}",
            reden="Beheer kiosk en wachtkamerscherm",
        )

    def save_model(self, request, obj, form, change):
        token = None if change else apparaten.nieuw_token(obj)
        super().save_model(request, obj, form, change)
        if token:
            self._link_tonen(request, obj, token)

    @admin.action(description=_("Nieuwe koppellink maken (de oude werkt dan niet meer)"))
    def nieuwe_koppellink(self, request, queryset):
        for apparaat in queryset:
            token = apparaten.nieuw_token(apparaat)
            apparaat.save(update_fields=["token_hash"])
            self._link_tonen(request, apparaat, token)
