from functools import wraps

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class BeheerSite(admin.AdminSite):
    """The admin at /beheer/, for the beheerder role only.

    Staff log in at the one staff login page; a logged-in user without the
    beheerder role gets the 403 page instead of a second login form.
    """

    site_header = _("Beheer KCC-platform")
    site_title = _("Beheer")
    index_title = _("Functioneel beheer")

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.has_perm("kcc.beheer_gebruiken")

    def admin_view(self, view, cacheable=False):
        wrapped = super().admin_view(view, cacheable)

        @wraps(view)
        def inner(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return wrapped(request, *args, **kwargs)

        return inner

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            raise PermissionDenied
        next_url = request.GET.get("next") or reverse("admin:index")
        return redirect_to_login(next_url, reverse("kcc:medewerker-login"))


class _GeldigeKeuzesMixin:
    """Django's autocomplete widget looks the submitted value up again to
    show it when the form comes back with an error, and a value that is no
    key at all ("abc" for a number) then fails the query: a server error
    instead of the form's own "Selecteer een geldige keuze". Only values of
    the right type are looked up; the field itself still refuses the rest."""

    def optgroups(self, name, value, attr=None):
        doel = self.field.target_field
        geldig = []
        for waarde in value:
            try:
                doel.get_prep_value(doel.to_python(waarde))
            except (TypeError, ValueError, ValidationError):
                continue
            geldig.append(waarde)
        return super().optgroups(name, geldig, attr)


class _AutocompleteSelect(_GeldigeKeuzesMixin, AutocompleteSelect):
    pass


class _AutocompleteSelectMultiple(_GeldigeKeuzesMixin, AutocompleteSelectMultiple):
    pass


class GeldigeAutocompleteMixin:
    """For a ModelAdmin or inline with ``autocomplete_fields``: its form
    survives any posted value (see _GeldigeKeuzesMixin). Every admin with
    autocomplete fields uses it."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = _AutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = _AutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
