"""The mount of the Klantinteracties API at /klantinteracties/api/v1: no
trailing slashes, a ``Fout`` 404 for any other path under it, and its
``openapi.json`` (the official file, narrowed to what is implemented)
served without authentication."""

from kcc.koppelingen.urls import mount
from klanten.klantinteracties import views

klantinteracties_patterns = mount(
    "klantinteracties",
    views.VERSIE,
    [
        ("partijen", views.PartijLijst, "partij-list", ("get",)),
        ("partijen/<uuid:uuid>", views.PartijDetail, "partij-detail", ("get",)),
        (
            "partij-identificatoren",
            views.PartijIdentificatorLijst,
            "partijidentificator-list",
            ("get",),
        ),
        (
            "partij-identificatoren/<uuid:uuid>",
            views.PartijIdentificatorDetail,
            "partijidentificator-detail",
            ("get",),
        ),
        ("klantcontacten", views.KlantcontactLijst, "klantcontact-list", ("get",)),
        ("klantcontacten/<uuid:uuid>", views.KlantcontactDetail, "klantcontact-detail", ("get",)),
        ("betrokkenen", views.BetrokkeneLijst, "betrokkene-list", ("get",)),
        ("betrokkenen/<uuid:uuid>", views.BetrokkeneDetail, "betrokkene-detail", ("get",)),
        ("digitaleadressen", views.DigitaalAdresLijst, "digitaaladres-list", ("get",)),
        (
            "digitaleadressen/<uuid:uuid>",
            views.DigitaalAdresDetail,
            "digitaaladres-detail",
            ("get",),
        ),
        ("internetaken", views.InterneTaakLijst, "internetaak-list", ("get",)),
        ("internetaken/<uuid:uuid>", views.InterneTaakDetail, "internetaak-detail", ("get",)),
        ("onderwerpobjecten", views.OnderwerpobjectLijst, "onderwerpobject-list", ("get",)),
        (
            "onderwerpobjecten/<uuid:uuid>",
            views.OnderwerpobjectDetail,
            "onderwerpobject-detail",
            ("get",),
        ),
        ("actoren", views.ActorLijst, "actor-list", ("get",)),
        ("actoren/<uuid:uuid>", views.ActorDetail, "actor-detail", ("get",)),
    ],
)
