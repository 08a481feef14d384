"""Mounting a standard API: its operations without trailing slashes, its
``openapi.json`` (the official file narrowed to what is implemented, served
without authentication) and a ``Fout`` 404 for every other path under it.
Here also the mount of the Notificaties API."""

from django.http import HttpResponse
from django.urls import path, re_path

from kcc.koppelingen import abonnementen, standaarden
from kcc.koppelingen.zgw import api_url, zgw_niet_gevonden


def mount(component: str, versie: str, routes: list[tuple[str, type, str, tuple[str, ...]]]):
    operaties = tuple(
        (
            f"/{pad}".replace("<uuid:uuid>", "{uuid}").replace("<uuid:zaak_uuid>", "{zaak_uuid}"),
            methoden,
        )
        for pad, _view, _naam, methoden in routes
    )

    def openapi(request):
        inhoud = standaarden.geleverd(component, operaties, api_url(component).rstrip("/"))
        response = HttpResponse(inhoud, content_type="application/json")
        response["API-version"] = versie
        return response

    def niet_gevonden(request, rest=""):
        return zgw_niet_gevonden(request, component, versie)

    return [
        path("openapi.json", openapi, name=f"{component}-openapi"),
        *(path(pad, view.as_view(), name=f"{component}-{naam}") for pad, view, naam, _m in routes),
        re_path(r"^(?P<rest>.*)$", niet_gevonden),
    ]


notificaties_patterns = mount(
    "notificaties",
    abonnementen.VERSIE,
    [
        ("abonnement", abonnementen.AbonnementLijst, "abonnement-list", ("get", "post")),
        (
            "abonnement/<uuid:uuid>",
            abonnementen.AbonnementDetail,
            "abonnement-detail",
            ("get", "delete"),
        ),
        ("kanaal", abonnementen.KanaalLijst, "kanaal-list", ("get",)),
    ],
)
