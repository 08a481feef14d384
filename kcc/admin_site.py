from functools import wraps

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
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
