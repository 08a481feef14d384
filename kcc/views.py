from __future__ import annotations

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_static.models import StaticDevice
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from kcc import health, tweede_factor
from kcc.api import TITELS, is_api_request, problem_response
from kcc.forms import (
    DigiDSimulatorForm,
    EHerkenningSimulatorForm,
    MedewerkerLoginForm,
    TweedeFactorForm,
)
from kcc.links import link, lokaal_adres
from kcc.roles import ROL_STARTPAGINA


def startpagina_voor(user) -> str:
    """The area a user lands in after logging in."""
    for rol, startpagina in ROL_STARTPAGINA:
        if user.heeft_rol(rol):
            return link(startpagina)
    if user.is_superuser:
        return reverse("admin:index")
    return link("home")


def _veilige_next(request: HttpRequest) -> str | None:
    return lokaal_adres(request, request.POST.get("next") or request.GET.get("next"))


class MedewerkerLoginView(LoginView):
    template_name = "kcc/medewerker_login.html"
    authentication_form = MedewerkerLoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return startpagina_voor(self.request.user)

    def form_valid(self, form):
        if not tweede_factor.vereist():
            return super().form_valid(form)
        # Not logged in yet: the code from the app comes first.
        tweede_factor.wachten(self.request, form.get_user(), self.get_redirect_url())
        return redirect("kcc:tweede-factor")


def _na_inloggen(request, volgende: str):
    return redirect(lokaal_adres(request, volgende) or startpagina_voor(request.user))


def _opnieuw_inloggen(request):
    messages.info(request, _("Log opnieuw in: het wachtwoord geldt vijf minuten voor de code."))
    return redirect("kcc:medewerker-login")


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def tweede_factor_view(request):
    """After the password: the code from the authenticator app, or a
    recovery code."""
    user = tweede_factor.wachtende(request)
    if user is None:
        return _opnieuw_inloggen(request)
    if not tweede_factor.ingericht(user):
        return redirect("kcc:tweede-factor-koppelen")
    formulier = TweedeFactorForm(request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        wachten = tweede_factor.even_wachten(user)
        device = (
            None
            if wachten
            else tweede_factor.code_controleren(user, formulier.cleaned_data["code"])
        )
        if device is not None:
            volgende = tweede_factor.inloggen(request, user, device)
            if isinstance(device, StaticDevice):  # a recovery code
                messages.warning(
                    request,
                    _(
                        "U logde in met een herstelcode; u heeft er nog %(aantal)s. "
                        "Maak nieuwe aan bij Herstelcodes als u er weinig over heeft."
                    )
                    % {"aantal": tweede_factor.resterende_herstelcodes(user)},
                )
            return _na_inloggen(request, volgende)
        formulier.add_error(
            "code",
            _("Te veel onjuiste codes. Wacht even en probeer het dan opnieuw.")
            if wachten
            else _(
                "Deze code klopt niet. Typ de code die uw app nu toont; staat de tijd "
                "op uw telefoon goed?"
            ),
        )
    return render(
        request,
        "kcc/tweede_factor.html",
        {"form": formulier},
        status=400 if formulier.errors else 200,
    )


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def tweede_factor_koppelen(request):
    """The first login: link an authenticator app (QR code or the secret
    typed in), confirm it with one code, then the recovery codes."""
    user = tweede_factor.wachtende(request)
    if user is None:
        return _opnieuw_inloggen(request)
    if tweede_factor.ingericht(user):
        return redirect("kcc:tweede-factor")
    device = tweede_factor.app_koppelen(user)
    formulier = TweedeFactorForm(request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        codes = tweede_factor.app_bevestigen(
            user, device, formulier.cleaned_data["code"], request=request
        )
        if codes is not None:
            volgende = tweede_factor.inloggen(request, user, device)
            request.session[tweede_factor.HERSTELCODES] = {"codes": codes, "volgende": volgende}
            return redirect("kcc:herstelcodes")
        formulier.add_error(
            "code",
            _("Deze code klopt niet. Scan de QR-code opnieuw of typ de sleutel over."),
        )
    return render(
        request,
        "kcc/tweede_factor_koppelen.html",
        {
            "form": formulier,
            "qr_code": tweede_factor.qr_code(device),
            "geheim": tweede_factor.geheim(device),
        },
        status=400 if formulier.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def herstelcodes(request):
    """The recovery codes, shown once just after they are made; a member of
    staff can make new ones (the old ones then stop working)."""
    if not request.user.is_authenticated or not request.user.is_medewerker:
        return redirect_to_login(request.get_full_path(), reverse("kcc:medewerker-login"))
    if not tweede_factor.vereist():
        raise Http404
    nieuw = request.session.pop(tweede_factor.HERSTELCODES, None)
    if request.method == "POST":
        nieuw = {"codes": tweede_factor.herstelcodes_maken(request.user, request=request)}
    return render(
        request,
        "kcc/herstelcodes.html",
        {
            "codes": (nieuw or {}).get("codes"),
            "verder": lokaal_adres(request, (nieuw or {}).get("volgende"))
            or startpagina_voor(request.user),
            "resterend": tweede_factor.resterende_herstelcodes(request.user),
        },
    )


@require_POST
def uitloggen(request):
    was_klant = request.user.is_authenticated and request.user.is_klant
    auth.logout(request)
    return render(request, "kcc/uitgelogd.html", {"was_klant": was_klant})


@never_cache
def klant_login(request):
    """Choose DigiD (citizens) or eHerkenning (businesses)."""
    if request.user.is_authenticated and request.user.is_klant:
        return redirect(_veilige_next(request) or link("portaal"))
    return render(
        request,
        "kcc/klant_login.html",
        {"next": _veilige_next(request) or "", "mislukt": "mislukt" in request.GET},
    )


def _klant_inloggen(request, user) -> HttpResponse:
    auth.login(request, user, backend="kcc.auth.backends.SimulatorBackend")
    return redirect(_veilige_next(request) or link("portaal"))


@never_cache
def oidc_inloggen(request):
    """The OIDC library's own start address: to the choice of DigiD or
    eHerkenning, which knows whether the broker or the simulator logs in."""
    login = reverse("kcc:klant-login")
    if next_url := _veilige_next(request):
        login += "?" + urlencode({"next": next_url})
    return redirect(login)


class _BrokerLoginView(OIDCAuthenticationRequestView):
    scopes_setting = ""

    def get_settings(self, attr, *args):
        if attr == "OIDC_RP_SCOPES":
            return getattr(settings, self.scopes_setting)
        return super().get_settings(attr, *args)


class DigiDBrokerLoginView(_BrokerLoginView):
    scopes_setting = "OIDC_DIGID_SCOPES"


class EHerkenningBrokerLoginView(_BrokerLoginView):
    scopes_setting = "OIDC_EHERKENNING_SCOPES"


def _login_via(request, *, middel, backend, broker_view, form_class):
    """DigiD or eHerkenning: to the OIDC broker, or the local simulator page.
    ``?niveau=30`` (a product that needs more) preselects that level."""
    if backend == "oidc":
        return broker_view.as_view()(request)
    if backend == "saml":
        from kcc.auth.saml import saml_login

        return saml_login(request, middel)
    niveau = request.GET.get("niveau", "")
    form = form_class(request.POST or None, niveau=int(niveau) if niveau.isdigit() else None)
    if request.method == "POST" and form.is_valid():
        user = auth.authenticate(request, simulator_inlog=form.inlog(), **form.klant())
        if user is None:
            form.add_error(None, _("Inloggen is niet gelukt. Dit account is geblokkeerd."))
        else:
            return _klant_inloggen(request, user)
    return render(
        request,
        "kcc/simulator_login.html",
        {"form": form, "middel": middel, "next": _veilige_next(request) or ""},
    )


@never_cache
def digid_login(request):
    return _login_via(
        request,
        middel="DigiD",
        backend=settings.DIGID_BACKEND,
        broker_view=DigiDBrokerLoginView,
        form_class=DigiDSimulatorForm,
    )


@never_cache
def eherkenning_login(request):
    return _login_via(
        request,
        middel="eHerkenning",
        backend=settings.EHERKENNING_BACKEND,
        broker_view=EHerkenningBrokerLoginView,
        form_class=EHerkenningSimulatorForm,
    )


@never_cache
@require_GET
def healthz_live(request):
    """The process answers; nothing it depends on is asked. The container
    healthcheck uses this, so a database or Redis blip does not mark every web
    container unhealthy at once: restarting them would not bring Redis back."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def healthz_ready(request):
    """Whether this process can serve: the proxy stops sending it requests
    while a dependency is down. Names the failed checks; why they failed is
    in the log only."""
    checks = health.run_checks()
    failed = [name for name, check in checks.items() if not check["ok"]]
    return JsonResponse(
        {"status": "unavailable" if failed else "ok", "failed": failed, "checks": checks},
        status=503 if failed else 200,
    )


# The error pages. A page gets the Dutch HTML page; the API (and only the
# API) a problem+json, also for an address that does not exist or an error
# no view caught, so a program never has to read an HTML page.

# A request Django refused to read: too large, too many fields or files.
_TE_GROOT = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def bad_request(request, exception=None):
    if isinstance(exception, _TE_GROOT):
        if is_api_request(request):
            return problem_response(
                request,
                status=413,
                title=TITELS[413],
                code="te_groot",
                detail=_(
                    "Het verzoek is groter dan het platform aanneemt, of heeft te veel "
                    "velden of bestanden. Verstuur minder tegelijk."
                ),
            )
        return render(request, "413.html", status=413)
    if is_api_request(request):
        return problem_response(
            request,
            status=400,
            title=TITELS[400],
            code="ongeldig_verzoek",
            detail=_("Dit verzoek kunnen wij niet verwerken."),
        )
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    if is_api_request(request):
        return problem_response(request, status=403, title=TITELS[403], code="permission_denied")
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    if is_api_request(request):
        return problem_response(request, status=404, title=TITELS[404], code="not_found")
    return render(request, "404.html", status=404)


def server_error(request):
    if is_api_request(request):
        return problem_response(
            request,
            status=500,
            title=TITELS[500],
            code="server_error",
            detail=_(
                "Door een storing kunnen wij uw verzoek nu niet afhandelen. "
                "Probeer het later opnieuw."
            ),
        )
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    if is_api_request(request):
        return problem_response(
            request,
            status=403,
            title=_("Het formulier is verlopen."),
            code="csrf_failed",
            detail=_("Stuur het CSRF-token mee (kop X-CSRFToken) bij een verzoek met een sessie."),
        )
    return render(request, "403_csrf.html", status=403)
