"""The mounts of the standard APIs of cases, catalogue and documents:
/zaken/api/v1, /catalogi/api/v1 and /documenten/api/v1. No trailing
slashes, as the standards write them; any other path under a mount is a
``Fout`` 404. Each serves its ``openapi.json`` (the official file, narrowed to
what is implemented) without authentication."""

from kcc.koppelingen.urls import mount
from zaken.zgw import catalogi, documenten, zaken

zaken_patterns = mount(
    "zaken",
    zaken.VERSIE,
    [
        ("zaken", zaken.ZaakLijst, "zaak-list", ("get",)),
        ("zaken/_zoek", zaken.ZaakZoek, "zaak-zoek", ("post",)),
        ("zaken/<uuid:uuid>", zaken.ZaakDetail, "zaak-detail", ("get", "head")),
        (
            "zaken/<uuid:zaak_uuid>/audittrail",
            zaken.AudittrailLijst,
            "audittrail-list",
            ("get",),
        ),
        (
            "zaken/<uuid:zaak_uuid>/audittrail/<uuid:uuid>",
            zaken.AudittrailDetail,
            "audittrail-detail",
            ("get",),
        ),
        ("statussen", zaken.StatusLijst, "status-list", ("get",)),
        ("statussen/<uuid:uuid>", zaken.StatusDetail, "status-detail", ("get", "head")),
        ("rollen", zaken.RolLijst, "rol-list", ("get",)),
        ("rollen/<uuid:uuid>", zaken.RolDetail, "rol-detail", ("get", "head")),
        ("resultaten", zaken.ResultaatLijst, "resultaat-list", ("get",)),
        ("resultaten/<uuid:uuid>", zaken.ResultaatDetail, "resultaat-detail", ("get", "head")),
        (
            "zaakinformatieobjecten",
            zaken.ZaakinformatieobjectLijst,
            "zaakinformatieobject-list",
            ("get",),
        ),
        (
            "zaakinformatieobjecten/<uuid:uuid>",
            zaken.ZaakinformatieobjectDetail,
            "zaakinformatieobject-detail",
            ("get", "head"),
        ),
    ],
)

catalogi_patterns = mount(
    "catalogi",
    catalogi.VERSIE,
    [
        ("catalogussen", catalogi.CatalogusLijst, "catalogus-list", ("get",)),
        ("catalogussen/<uuid:uuid>", catalogi.CatalogusDetail, "catalogus-detail", ("get",)),
        ("zaaktypen", catalogi.ZaaktypeLijst, "zaaktype-list", ("get",)),
        ("zaaktypen/<uuid:uuid>", catalogi.ZaaktypeDetail, "zaaktype-detail", ("get",)),
        ("statustypen", catalogi.StatustypeLijst, "statustype-list", ("get",)),
        ("statustypen/<uuid:uuid>", catalogi.StatustypeDetail, "statustype-detail", ("get",)),
        ("resultaattypen", catalogi.ResultaattypeLijst, "resultaattype-list", ("get",)),
        (
            "resultaattypen/<uuid:uuid>",
            catalogi.ResultaattypeDetail,
            "resultaattype-detail",
            ("get",),
        ),
        ("roltypen", catalogi.RoltypeLijst, "roltype-list", ("get",)),
        ("roltypen/<uuid:uuid>", catalogi.RoltypeDetail, "roltype-detail", ("get",)),
        (
            "informatieobjecttypen",
            catalogi.InformatieobjecttypeLijst,
            "informatieobjecttype-list",
            ("get",),
        ),
        (
            "informatieobjecttypen/<uuid:uuid>",
            catalogi.InformatieobjecttypeDetail,
            "informatieobjecttype-detail",
            ("get",),
        ),
    ],
)

documenten_patterns = mount(
    "documenten",
    documenten.VERSIE,
    [
        (
            "enkelvoudiginformatieobjecten/<uuid:uuid>",
            documenten.DocumentDetail,
            "enkelvoudiginformatieobject-detail",
            ("get", "head"),
        ),
        (
            "enkelvoudiginformatieobjecten/<uuid:uuid>/download",
            documenten.DocumentDownload,
            "enkelvoudiginformatieobject-download",
            ("get",),
        ),
    ],
)
