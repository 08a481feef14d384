from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from kanalen import api as kanalen_api
from kanalen.post import api as post_api
from kanalen.telefonie import api as telefonie_api
from kcc import api, views
from kcc.koppelingen import urls as koppelingen_urls
from klanten.klantinteracties import urls as ki_urls
from producten import api as producten_api
from zaken import api as zaken_api
from zaken.zgw import urls as zgw_urls

handler400 = "kcc.views.bad_request"
handler403 = "kcc.views.permission_denied"
handler404 = "kcc.views.page_not_found"
handler500 = "kcc.views.server_error"

account_patterns = [
    path("kcc/inloggen/", views.MedewerkerLoginView.as_view(), name="medewerker-login"),
    path("kcc/inloggen/code/", views.tweede_factor_view, name="tweede-factor"),
    path("kcc/inloggen/app-koppelen/", views.tweede_factor_koppelen, name="tweede-factor-koppelen"),
    path("kcc/herstelcodes/", views.herstelcodes, name="herstelcodes"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("pip/inloggen/", views.klant_login, name="klant-login"),
    path("pip/inloggen/digid/", views.digid_login, name="digid-login"),
    path("pip/inloggen/eherkenning/", views.eherkenning_login, name="eherkenning-login"),
]

api_v1_patterns = [
    path("mij/", api.MijView.as_view(), name="mij"),
    path("producten/", producten_api.ProductListView.as_view(), name="product-list"),
    path(
        "producten/<uuid:uuid>/", producten_api.ProductDetailView.as_view(), name="product-detail"
    ),
    path("kennisitems/", producten_api.KennisItemListView.as_view(), name="kennisitem-list"),
    path("kanalen/", kanalen_api.KanaalListView.as_view(), name="kanaal-list"),
    path(
        "telefonie/gebeurtenissen/",
        telefonie_api.GesprekGebeurtenisView.as_view(),
        name="telefonie-gebeurtenis",
    ),
    path("inbox/email/", post_api.InboxEmailView.as_view(), name="inbox-email"),
    path("inbox/sms/", post_api.InboxSmsView.as_view(), name="inbox-sms"),
    path("zaken/", zaken_api.ZaakListView.as_view(), name="zaak-list"),
    path("zaken/<uuid:uuid>/", zaken_api.ZaakDetailView.as_view(), name="zaak-detail"),
    *[
        path(f"zaken/<uuid:uuid>/{actie}/", view.as_view(), name=f"zaak-{actie}")
        for actie, view in zaken_api.ACTIES.items()
    ],
    path(
        "zaken/<uuid:uuid>/documenten/",
        zaken_api.ZaakDocumentToevoegenView.as_view(),
        name="zaak-documenten",
    ),
    path(
        "zaakdocumenten/<uuid:uuid>/inhoud/",
        zaken_api.ZaakDocumentInhoudView.as_view(),
        name="zaakdocument-inhoud",
    ),
    path("afdelingen/", api.AfdelingListView.as_view(), name="afdeling-list"),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    # Its script as a file of its own and no inline style: the page keeps to
    # the Content-Security-Policy like every other.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-v1:schema", template_name="kcc/api_docs.html"
        ),
        name="docs",
    ),
]

urlpatterns = [
    path("", include((account_patterns, "kcc"))),
    path("healthz/live", views.healthz_live, name="healthz-live"),
    path("healthz/ready", views.healthz_ready, name="healthz-ready"),
    # The address monitors already poll: the readiness answer itself, not a
    # redirect, so a monitor that does not follow redirects (or counts a 301 as
    # up) keeps reading the same status code.
    path("healthz", views.healthz_ready, name="healthz"),
    path("metrics", include("dashboard.metrics")),
    # Citizens and businesses start their login by choosing DigiD or
    # eHerkenning (with the broker's scope for that means, or the simulator);
    # the broker library's own start has neither, so it leads to that choice.
    path("oidc/authenticate/", views.oidc_inloggen),
    path("oidc/", include("mozilla_django_oidc.urls")),
    # DigiD/eHerkenning over SAML: the answer (ACS), logout and metadata
    # addresses of django-digid-eherkenning, there only when it is used.
    *(
        [path("", include("kcc.auth.saml"))]
        if "saml" in {settings.DIGID_BACKEND, settings.EHERKENNING_BACKEND}
        else []
    ),
    path("", include("kanalen.publiek.urls")),
    path("pip/", include("kanalen.portaal.urls")),
    path("kcc/", include("kanalen.werkplek.urls")),
    path("kcc/", include("zaken.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("api/", RedirectView.as_view(url="/api/v1/docs/", permanent=False), name="api-root"),
    # Browsers ask for /favicon.ico whatever the page says; the icon is an SVG.
    path(
        "favicon.ico",
        RedirectView.as_view(url=settings.STATIC_URL + "kcc/favicon.svg", permanent=True),
        name="favicon",
    ),
    path("api/v1/", include((api_v1_patterns, "api-v1"))),
    # The standard APIs other systems of the municipality use (ZGW).
    path("zaken/api/v1/", include((zgw_urls.zaken_patterns, "zgw-zaken"))),
    path("catalogi/api/v1/", include((zgw_urls.catalogi_patterns, "zgw-catalogi"))),
    path("documenten/api/v1/", include((zgw_urls.documenten_patterns, "zgw-documenten"))),
    path(
        "klantinteracties/api/v1/",
        include((ki_urls.klantinteracties_patterns, "zgw-klantinteracties")),
    ),
    path(
        "notificaties/api/v1/",
        include((koppelingen_urls.notificaties_patterns, "zgw-notificaties")),
    ),
    path("beheer/", admin.site.urls),
]
