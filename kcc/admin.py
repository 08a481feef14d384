from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from kcc.models import Afdeling, AuditLogEntry, User


@admin.register(User)
class KccUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "rollen_label", "is_active"]
    list_filter = ["groups", "afdelingen", "is_active"]
    # Citizens' accounts are made by DigiD/eHerkenning logins; their BSN is
    # not the beheerder's business and is not shown here.
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Persoon"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Rollen en afdelingen"), {"fields": ["groups", "afdelingen", "is_active"]}),
        (_("Data"), {"fields": ["last_login", "date_joined"]}),
    ]
    filter_horizontal = ["groups", "afdelingen"]
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(bsn__isnull=True, kvk_nummer__isnull=True)

    @admin.display(description=_("rollen"))
    def rollen_label(self, obj):
        return obj.rollen_label()


@admin.register(Afdeling)
class AfdelingAdmin(admin.ModelAdmin):
    list_display = ["naam", "code", "email", "actief"]
    list_filter = ["actief"]
    search_fields = ["naam", "code"]
    prepopulated_fields = {"code": ["naam"]}


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, also for the beheerder."""

    list_display = ["tijdstip", "gebruikersnaam", "rollen", "actie", "object_type", "omschrijving"]
    list_filter = ["actie", "object_type", "rollen"]
    search_fields = ["gebruikersnaam", "betrokkene", "object_id"]
    date_hierarchy = "tijdstip"
    list_select_related = ["gebruiker"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
