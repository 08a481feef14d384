import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kcc.admin_site import GeldigeAutocompleteMixin
from kcc.links import link
from producten import catalogus, selectors, services
from producten.formulier import formulier_voor
from producten.models import (
    Aanbieder,
    Documentvereiste,
    Formuliervraag,
    KennisGebruik,
    KennisItem,
    Levensgebeurtenis,
    OnbeantwoordeZoekvraag,
    Product,
    ProductKanaal,
    ProductOnderdeel,
    ProductVersie,
    Publicatiestatus,
    Statusstap,
    Thema,
)


@admin.register(Thema)
class ThemaAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "volgorde"]
    list_editable = ["volgorde"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Levensgebeurtenis)
class LevensgebeurtenisAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "volgorde"]
    list_editable = ["volgorde"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
    list_display = ["naam", "code", "soort", "website"]
    # A website typed without its scheme ("www.rdw.nl") is read as https://.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_filter = ["soort"]
    search_fields = ["naam", "code"]


class _NietLeegAlsGepubliceerd:
    """A published product keeps at least one row of this inline: the same
    rule publication checked (producten.services) cannot be undone by an edit."""

    def get_formset(self, request, obj=None, **kwargs):
        if obj is not None and obj.status == Publicatiestatus.GEPUBLICEERD and self._nodig(obj):
            kwargs.update(min_num=1, validate_min=True)
        return super().get_formset(request, obj, **kwargs)

    def _nodig(self, obj) -> bool:
        return True


class ProductKanaalInline(_NietLeegAlsGepubliceerd, admin.TabularInline):
    model = ProductKanaal
    extra = 0
    # collapse: folded without JavaScript; tab-*: the product page's tab.
    classes = ["collapse", "tab-kanalen"]


class StatusstapInline(_NietLeegAlsGepubliceerd, admin.TabularInline):
    model = Statusstap
    extra = 0
    classes = ["collapse", "tab-stappen"]

    def _nodig(self, obj) -> bool:
        return obj.statusstappen.exists()

    fields = ["volgorde", "fase", "naam", "burgertekst", "klant_informeren"]
    formfield_overrides = {
        Statusstap._meta.get_field("burgertekst").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 50})
        }
    }


class FormuliervraagInline(admin.StackedInline):
    model = Formuliervraag
    extra = 0
    classes = ["collapse", "tab-formulier"]
    fields = [
        ("volgorde", "sleutel", "soort", "verplicht"),
        "vraag",
        "toelichting",
        "keuzes",
        ("minimum", "maximum"),
        "weekdagen",
    ]


class DocumentvereisteForm(forms.ModelForm):
    bestandstypen = forms.MultipleChoiceField(
        label=_("toegestane bestandstypen"),
        choices=Documentvereiste.Bestandstype.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Documentvereiste
        fields = ["volgorde", "naam", "toelichting", "verplicht", "bestandstypen", "max_mb"]


class DocumentvereisteInline(admin.TabularInline):
    model = Documentvereiste
    form = DocumentvereisteForm
    extra = 0
    classes = ["collapse", "tab-documenten"]


class ProductOnderdeelInline(GeldigeAutocompleteMixin, admin.TabularInline):
    model = ProductOnderdeel
    fk_name = "samengesteld"
    extra = 0
    classes = ["collapse", "tab-indeling"]
    autocomplete_fields = ["onderdeel"]
    fields = ["onderdeel", "volgorde", "alleen_als"]
    verbose_name_plural = _("onderdelen (alleen voor een samengesteld product)")


class ProductForm(forms.ModelForm):
    prefill_velden = forms.MultipleChoiceField(
        label=_("vooraf ingevulde gegevens"),
        choices=Product.PREFILL_VELDEN,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Bekende klantgegevens die het online formulier al invult."),
    )

    class Meta:
        model = Product
        # The admin's fieldsets decide which fields the form shows.
        fields = ["prefill_velden"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    form = ProductForm
    list_display = [
        "naam",
        "code",
        "aanbieder",
        "status",
        "geldig_vanaf",
        "geldig_tot",
        "voorbeeld",
    ]
    list_filter = ["status", "themas", "levensgebeurtenissen", "aanbieder", "afdeling"]
    search_fields = ["naam", "code", "zoekwoorden"]
    readonly_fields = ["status", "gewijzigd", "voorbeeld"]
    filter_horizontal = ["themas", "levensgebeurtenissen"]
    inlines = [
        ProductKanaalInline,
        StatusstapInline,
        FormuliervraagInline,
        DocumentvereisteInline,
        ProductOnderdeelInline,
    ]
    actions = ["publiceren", "intrekken"]
    change_list_template = "admin/producten/product/change_list.html"
    change_form_template = "admin/producten/product/change_form.html"
    fieldsets = [
        (
            None,
            {
                "fields": ["naam", "code", "status", "voorbeeld", "samenvatting"],
                "classes": ["tab-teksten"],
            },
        ),
        (
            _("Informatie voor inwoners"),
            {
                "fields": ["omschrijving", "voorwaarden", "meenemen", "aanvragen", "zoekwoorden"],
                "classes": ["collapse", "tab-teksten"],
            },
        ),
        (
            _("Indeling"),
            {
                "fields": [
                    "aanbieder",
                    "afdeling",
                    "themas",
                    "levensgebeurtenissen",
                    ("voor_burger", "voor_bedrijf", "voor_instelling"),
                    "betrouwbaarheidsniveau",
                    ("vertrouwelijkheid", "extern"),
                ],
                "classes": ["collapse", "tab-indeling"],
            },
        ),
        (
            _("Normen en termijnen"),
            {
                "fields": [
                    ("servicenorm_aantal", "servicenorm_eenheid"),
                    ("wettelijke_termijn_aantal", "wettelijke_termijn_eenheid"),
                    "klaar_terwijl_u_wacht",
                ],
                "classes": ["collapse", "tab-normen"],
            },
        ),
        (
            _("Online formulier"),
            {"fields": ["prefill_velden"], "classes": ["collapse", "tab-formulier"]},
        ),
        (
            _("Overdracht aan de afdeling"),
            {"fields": ["overdracht_instructie"], "classes": ["collapse", "tab-indeling"]},
        ),
        (
            _("Publicatie"),
            {
                "fields": [("geldig_vanaf", "geldig_tot"), "gewijzigd"],
                "classes": ["collapse", "tab-normen"],
            },
        ),
    ]

    @admin.display(description=_("voorbeeld"))
    def voorbeeld(self, obj):
        if not obj.pk:
            return "-"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            link("productinformatie", obj.code),
            _("Bekijk zoals medewerkers en inwoners het zien"),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A published product that changed gets a new version; cases keep theirs.
        services.product_gewijzigd(product=form.instance, user=request.user)

    @admin.action(description=_("Publiceren"))
    def publiceren(self, request, queryset):
        for product in queryset:
            try:
                services.product_publiceren(product=product, user=request.user)
                self.message_user(request, _("%s is gepubliceerd.") % product, messages.SUCCESS)
            except ValidationError as error:
                self.message_user(request, f"{product}: {' '.join(error.messages)}", messages.ERROR)

    @admin.action(description=_("Intrekken"))
    def intrekken(self, request, queryset):
        for product in queryset:
            try:
                services.product_intrekken(product=product)
                self.message_user(request, _("%s is ingetrokken.") % product, messages.SUCCESS)
            except ValidationError as error:
                self.message_user(request, f"{product}: {' '.join(error.messages)}", messages.ERROR)

    def get_urls(self):
        extra = [
            path(
                "exporteren/",
                self.admin_site.admin_view(self.exporteren_view),
                name="producten_catalogus_exporteren",
            ),
            path(
                "importeren/",
                self.admin_site.admin_view(self.importeren_view),
                name="producten_catalogus_importeren",
            ),
            path(
                "<int:pk>/publicatie/",
                self.admin_site.admin_view(self.publicatie_view),
                name="producten_product_publicatie",
            ),
            path(
                "<int:pk>/formulier/",
                self.admin_site.admin_view(self.formulier_view),
                name="producten_product_formulier",
            ),
        ]
        return extra + super().get_urls()

    def publicatie_view(self, request, pk):
        """The buttons on the product page: publish (when every check passes)
        or withdraw; back to the page with what happened."""
        product = self.get_object(request, str(pk))
        if request.method != "POST" or product is None:
            raise PermissionDenied
        if not self.has_change_permission(request, product):
            raise PermissionDenied
        handeling = request.POST.get("handeling")
        if handeling == "publiceren":
            self.publiceren(request, Product.objects.filter(pk=product.pk))
        elif handeling == "intrekken":
            self.intrekken(request, Product.objects.filter(pk=product.pk))
        return redirect(reverse("admin:producten_product_change", args=[product.pk]))

    def formulier_view(self, request, pk):
        """The online form as the citizen will see it, with the questions as
        they are saved now (also before publishing). Sending it checks the
        answers as the portal does; nothing is stored."""
        product = self.get_object(request, str(pk))
        if product is None or not self.has_view_permission(request, product):
            raise PermissionDenied
        vragen = services.product_snapshot(product)["vragen"]
        if request.method == "POST":
            formulier = formulier_voor(vragen, data=request.POST, prefix="v")
            gecontroleerd = formulier.is_valid()
        else:
            formulier, gecontroleerd = formulier_voor(vragen, prefix="v"), False
        return render(
            request,
            "producten/formulier_voorbeeld.html",
            {"product": product, "formulier": formulier, "gecontroleerd": gecontroleerd},
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        product = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "publicatie_bezwaren": services.publicatie_bezwaren(product) if product else [],
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def exporteren_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(
            json.dumps(catalogus.exporteren(), ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="catalogus-{timezone.localdate():%Y-%m-%d}.json"'
        )
        return response

    def importeren_view(self, request):
        # An import writes products, knowledge items, themes and providers.
        if not request.user.has_perms(
            [
                "producten.change_product",
                "producten.add_product",
                "producten.change_kennisitem",
                "producten.add_kennisitem",
                "producten.change_thema",
                "producten.change_aanbieder",
            ]
        ):
            raise PermissionDenied
        form = CatalogusImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                aantallen = catalogus.importeren(form.cleaned_data["data"], user=request.user)
            except ValidationError as error:
                for melding in error.messages[:20]:
                    form.add_error(None, melding)
            else:
                self.message_user(
                    request,
                    _("Geïmporteerd: %(producten)s producten en %(kennisitems)s kennisitems.")
                    % aantallen,
                    messages.SUCCESS,
                )
                return redirect("admin:producten_product_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Catalogus importeren"),
            "form": form,
            "opts": self.model._meta,
        }
        return render(request, "admin/producten/catalogus_import.html", context)


class CatalogusImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Catalogusbestand (JSON)"),
        help_text=_("Een bestand dat met 'Exporteren' is gemaakt. Alles of niets wordt ingelezen."),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > 20 * 1024 * 1024:
            raise ValidationError(_("Het bestand is groter dan 20 MB."))
        try:
            self.cleaned_data["data"] = json.loads(bestand.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValidationError(_("Dit is geen geldig JSON-bestand.")) from None
        return bestand


@admin.register(ProductVersie)
class ProductVersieAdmin(admin.ModelAdmin):
    list_display = ["product", "nummer", "aangemaakt", "aangemaakt_door"]
    list_filter = ["product"]
    readonly_fields = ["product", "nummer", "inhoud", "aangemaakt", "aangemaakt_door"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(KennisItem)
class KennisItemAdmin(admin.ModelAdmin):
    list_display = ["vraag", "status", "eigenaar", "herzien_op", "gewijzigd"]
    list_filter = ["status", "themas", "eigenaar"]
    search_fields = ["vraag", "trefwoorden", "antwoord"]
    readonly_fields = ["status", "gewijzigd"]
    filter_horizontal = ["producten", "themas"]
    fields = [
        "vraag",
        "antwoord",
        "trefwoorden",
        "producten",
        "themas",
        "eigenaar",
        "herzien_op",
        "status",
        "gewijzigd",
    ]
    actions = ["publiceren", "intrekken"]
    change_list_template = "admin/producten/kennisitem/change_list.html"

    @admin.action(description=_("Publiceren"))
    def publiceren(self, request, queryset):
        for item in queryset:
            try:
                services.kennisitem_publiceren(item=item)
            except ValidationError as error:
                self.message_user(request, f"{item}: {' '.join(error.messages)}", messages.ERROR)

    @admin.action(description=_("Intrekken"))
    def intrekken(self, request, queryset):
        for item in queryset:
            try:
                services.kennisitem_intrekken(item=item)
            except ValidationError as error:
                self.message_user(request, f"{item}: {' '.join(error.messages)}", messages.ERROR)

    def get_urls(self):
        return [
            path(
                "rapport/",
                self.admin_site.admin_view(self.rapport_view),
                name="producten_kennisbank_rapport",
            ),
            *super().get_urls(),
        ]

    def rapport_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Gebruik van de kennisbank"),
            "opts": self.model._meta,
            **selectors.kennisbank_rapport(),
        }
        return render(request, "admin/producten/kennisbank_rapport.html", context)


class AlleenLezenAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(KennisGebruik)
class KennisGebruikAdmin(AlleenLezenAdmin):
    list_display = ["item", "kanaal", "geholpen", "tijdstip"]
    list_filter = ["geholpen", "kanaal"]
    list_select_related = ["item"]


@admin.register(OnbeantwoordeZoekvraag)
class OnbeantwoordeZoekvraagAdmin(AlleenLezenAdmin):
    list_display = ["zoekterm", "bron", "aantal", "laatst"]
    list_filter = ["bron"]
    search_fields = ["zoekterm"]
