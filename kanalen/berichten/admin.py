"""Message templates and the outbox in the beheer screens."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kanalen.berichten.services import bericht_opnieuw_versturen, vul_in
from kanalen.models import (
    Bericht,
    BerichtSjabloon,
)
from kcc.admin_site import GeldigeAutocompleteMixin
from kcc.audit import Actie, audit_log

VOORBEELD = {
    "naam": "Suzanne Moulin",
    "zaaknummer": "ZAAK-2026-000123",
    "product": "Paspoort aanvragen",
    "status": "In behandeling",
    "tekst": "Uw paspoort ligt klaar. U kunt het ophalen aan de balie.",
    "datum": "24-11-2026",
}


@admin.register(BerichtSjabloon)
class BerichtSjabloonAdmin(GeldigeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["__str__", "onderwerp"]
    list_filter = ["sleutel"]
    search_fields = ["onderwerp", "tekst", "product__naam"]
    autocomplete_fields = ["product"]
    readonly_fields = ["voorbeeld"]
    fields = ["product", "sleutel", "onderwerp", "tekst", "sms_tekst", "voorbeeld"]

    @admin.display(description=_("voorbeeld (na opslaan)"))
    def voorbeeld(self, obj):
        if not obj.pk:
            return _("Sla het sjabloon op om een voorbeeld te zien.")
        return format_html(
            "<strong>{}</strong><br><pre style='white-space: pre-wrap'>{}</pre>{}",
            vul_in(obj.onderwerp, VOORBEELD),
            vul_in(obj.tekst, VOORBEELD),
            format_html("<p>Sms: {}</p>", vul_in(obj.sms_tekst, VOORBEELD))
            if obj.sms_tekst
            else "",
        )


@admin.register(Bericht)
class BerichtAdmin(admin.ModelAdmin):
    """Sent and failed messages; a failed one can be sent again."""

    list_display = ["aangemaakt", "kanaal", "onderwerp", "status", "pogingen", "laatste_fout"]
    list_filter = ["status", "kanaal"]
    actions = ["opnieuw_versturen"]
    readonly_fields = [
        "klant",
        "zaak",
        "kanaal",
        "ontvanger",
        "onderwerp",
        "tekst",
        "status",
        "aangemaakt",
        "volgende_poging",
        "pogingen",
        "verzonden_op",
        "laatste_fout",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        bericht = self.get_object(request, object_id)
        if bericht is not None:
            audit_log(
                user=request.user,
                actie=Actie.INZIEN,
                obj=bericht,
                betrokkene=bericht.klant.identificatie if bericht.klant else "",
                request=request,
                omschrijving="Bericht aan klant bekeken",
                reden="Controle verzending (beheer)",
            )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Opnieuw versturen"))
    def opnieuw_versturen(self, request, queryset):
        for bericht in queryset:
            try:
                bericht_opnieuw_versturen(bericht=bericht, user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
