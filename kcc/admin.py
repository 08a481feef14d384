from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kcc import tweede_factor
from kcc.audit import Actie, audit_log
from kcc.identifiers import is_valid_bsn
from kcc.koppelingen import admin as _koppelingen_admin  # noqa: F401
from kcc.models import Afdeling, AuditLogEntry, Sluitingsdag, User


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
        (_("Data"), {"fields": ["last_login", "date_joined", "tweede_factor"]}),
    ]
    filter_horizontal = ["groups", "afdelingen"]
    readonly_fields = ["last_login", "date_joined", "tweede_factor"]
    actions = ["tweede_factor_opnieuw"]

    @admin.display(description=_("tweede factor"))
    def tweede_factor(self, obj):
        device = TOTPDevice.objects.filter(user=obj, confirmed=True).first()
        if device is None:
            return _("Nog niet gekoppeld: bij de volgende login koppelt de medewerker een app.")
        return _("Authenticator-app gekoppeld; %(aantal)s herstelcodes over.") % {
            "aantal": tweede_factor.resterende_herstelcodes(obj)
        }

    @admin.action(
        description=_("Tweede factor opnieuw instellen (telefoon kwijt)"),
        permissions=["change"],
    )
    def tweede_factor_opnieuw(self, request, queryset):
        """A lost phone: the app and recovery codes go, the next login links a
        new app. Audited; nobody resets their own (another beheerder does)."""
        gedaan = 0
        for medewerker in queryset:
            if medewerker.pk == request.user.pk:
                self.message_user(
                    request,
                    _("Uw eigen tweede factor stelt een andere beheerder opnieuw in."),
                    messages.WARNING,
                )
                continue
            tweede_factor.opnieuw_instellen(
                medewerker=medewerker, door=request.user, request=request
            )
            gedaan += 1
        if gedaan:
            self.message_user(
                request,
                ngettext(
                    "De tweede factor van %(aantal)d medewerker is verwijderd; bij de "
                    "volgende login koppelt die een nieuwe app.",
                    "De tweede factor van %(aantal)d medewerkers is verwijderd; bij de "
                    "volgende login koppelen zij een nieuwe app.",
                    gedaan,
                )
                % {"aantal": gedaan},
                messages.SUCCESS,
            )

    def get_queryset(self, request):
        return super().get_queryset(request).filter(bsn__isnull=True, kvk_nummer__isnull=True)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk:
            # Nobody grants themselves a role: another beheerder has to.
            readonly += ["groups", "is_active"]
        return readonly

    # Account changes (roles, password, deactivation) go to the audit log as
    # well as to the admin's own history.
    def log_addition(self, request, obj, message):
        audit_log(
            user=request.user,
            actie=Actie.AANMAKEN,
            obj=obj,
            request=request,
            omschrijving=f"Medewerkersaccount {obj.get_username()} aangemaakt",
            reden="Gebruikersbeheer",
        )
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        audit_log(
            user=request.user,
            actie=Actie.WIJZIGEN,
            obj=obj,
            request=request,
            omschrijving=f"Medewerkersaccount {obj.get_username()} gewijzigd: {message}",
            reden="Gebruikersbeheer",
        )
        return super().log_change(request, obj, message)

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

    # The log names whose data was seen, so reading it is logged too.
    def changelist_view(self, request, extra_context=None):
        zoekterm = request.GET.get("q", "").strip()
        if zoekterm:
            audit_log(
                user=request.user,
                actie=Actie.ZOEKEN,
                object_type="kcc.AuditLogEntry",
                betrokkene=zoekterm if is_valid_bsn(zoekterm) else "",
                request=request,
                omschrijving="Auditlog doorzocht",
                reden="Controle op inzage (beheer)",
            )
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        entry = self.get_object(request, object_id)
        if entry is not None:
            audit_log(
                user=request.user,
                actie=Actie.INZIEN,
                obj=entry,
                betrokkene=entry.betrokkene,
                request=request,
                omschrijving="Auditlogregel bekeken",
                reden="Controle op inzage (beheer)",
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Sluitingsdag)
class SluitingsdagAdmin(admin.ModelAdmin):
    list_display = ["datum", "omschrijving"]
    date_hierarchy = "datum"


# The devices hold the secrets of staff's apps and their recovery codes: the
# beheer shows whether one is linked and resets it (above), never the secret.
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
