"""The beheer of the applicaties that use the standard APIs."""

import secrets

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from kcc.koppelingen import notificaties
from kcc.koppelingen.models import (
    Abonnement,
    Applicatie,
    Autorisatie,
    Notificatie,
    NotificatieStatus,
)


class AutorisatieForm(forms.ModelForm):
    class Meta:
        model = Autorisatie
        fields = ["component", "scopes", "product", "max_vertrouwelijkheid"]


class AutorisatieInline(admin.TabularInline):
    model = Autorisatie
    form = AutorisatieForm
    extra = 1
    autocomplete_fields = ["product"]


class ApplicatieForm(forms.ModelForm):
    token_maken = forms.BooleanField(
        label=_("Nieuw token voor de Klantinteracties API maken"),
        required=False,
        help_text=_("Het token wordt één keer getoond na het opslaan; bewaar het meteen."),
    )

    class Meta:
        model = Applicatie
        fields = ["label", "client_id", "secret", "alle_rechten", "actief"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            # A new applicatie: a proposed secret, to copy into the other system.
            self.initial.setdefault("secret", secrets.token_urlsafe(36))
        else:
            # Once saved, the secret is never shown again; a new one replaces it.
            veld = self.fields["secret"]
            veld.required = False
            veld.widget = forms.PasswordInput(
                render_value=False, attrs={"autocomplete": "new-password"}
            )
            veld.help_text = _(
                "Leeg laten om het huidige geheim te houden. Een nieuw geheim (minstens 32 "
                "tekens) vervangt het oude meteen; geef het via een veilige weg door."
            )

    def clean_secret(self):
        waarde = self.cleaned_data.get("secret", "")
        if self.instance.pk and not waarde:
            return self.instance.secret
        return waarde


@admin.register(Applicatie)
class ApplicatieAdmin(admin.ModelAdmin):
    form = ApplicatieForm
    list_display = ["label", "client_id", "alle_rechten", "actief", "aangemaakt"]
    list_filter = ["actief"]
    search_fields = ["label", "client_id"]
    inlines = [AutorisatieInline]

    def save_model(self, request, obj, form, change):
        token = obj.token_maken() if form.cleaned_data.get("token_maken") else None
        super().save_model(request, obj, form, change)
        if token:
            messages.warning(
                request,
                _(
                    "Het token voor de Klantinteracties API van %(applicatie)s is %(token)s. "
                    "Het wordt niet opnieuw getoond."
                )
                % {"applicatie": obj.label, "token": token},
            )


class AbonnementForm(forms.ModelForm):
    callback_url = forms.URLField(label=_("callback-URL"), max_length=1000, assume_scheme="https")

    class Meta:
        model = Abonnement
        fields = ["callback_url", "auth", "kanalen", "actief"]

    def clean_kanalen(self):
        return notificaties.kanalen_controleren(self.cleaned_data["kanalen"])

    def clean(self):
        gegevens = super().clean()
        veranderd = {"callback_url", "auth"} & set(self.changed_data)
        if gegevens.get("callback_url") and (veranderd or not self.instance.pk):
            # The subscriber must answer the test message before it is registered.
            notificaties.testbericht_sturen(gegevens["callback_url"], gegevens.get("auth", ""))
        return gegevens


@admin.register(Abonnement)
class AbonnementAdmin(admin.ModelAdmin):
    form = AbonnementForm
    list_display = ["callback_url", "applicatie", "actief", "aangemaakt"]
    list_filter = ["actief"]
    readonly_fields = ["applicatie"]


@admin.register(Notificatie)
class NotificatieAdmin(admin.ModelAdmin):
    list_display = ["aangemaakt", "kanaal", "__str__", "abonnement", "status", "pogingen"]
    list_filter = ["status", "kanaal"]
    readonly_fields = [
        "uuid",
        "abonnement",
        "kanaal",
        "bericht",
        "status",
        "aangemaakt",
        "volgende_poging",
        "geclaimd_op",
        "pogingen",
        "afgeleverd_op",
        "laatste_fout",
    ]
    actions = ["opnieuw_versturen"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Mislukte notificaties opnieuw versturen"))
    def opnieuw_versturen(self, request, queryset):
        aantal = notificaties.opnieuw_versturen(
            notificaties=queryset.filter(status=NotificatieStatus.MISLUKT)
        )
        messages.success(
            request, _("%(aantal)s notificatie(s) staan weer in de wachtrij.") % {"aantal": aantal}
        )
