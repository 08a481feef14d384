from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kcc.identifiers import is_valid_bsn
from kcc.models import User
from kcc.roles import Rol
from klanten.models import Klant

pytestmark = pytest.mark.django_db


def test_it_loads_a_demo_municipality_and_can_run_again():
    call_command("demo_data")
    counts = (User.objects.count(), Klant.objects.count())
    call_command("demo_data")
    assert (User.objects.count(), Klant.objects.count()) == counts
    for rol in [Rol.KLANTMANAGER, Rol.BEHANDELAAR, Rol.TEAMLEIDER, Rol.BEHEERDER]:
        assert User.objects.filter(groups__name=rol).exists(), rol
    assert User.objects.get(username="behandelaar").afdelingen.exists()
    bsns = Klant.objects.exclude(bsn=None).values_list("bsn", flat=True)
    assert bsns and all(is_valid_bsn(bsn) for bsn in bsns)


def test_it_logs_in_the_demo_accounts_with_the_readme_password(client, settings):
    """As `make run` starts it: the password alone, no app to link."""
    settings.MFA_MEDEWERKERS = False
    call_command("demo_data")
    response = client.post("/kcc/inloggen/", {"username": "teamleider", "password": "demo-kcc"})
    assert response["Location"] == "/dashboard/"


def test_it_refuses_to_load_demo_accounts_in_production(settings):
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("demo_data")


def test_it_makes_demo_cases_in_several_stages_once():
    from zaken.models import Zaak

    call_command("demo_data")
    statussen = set(Zaak.objects.values_list("status", flat=True))
    assert {"ontvangen", "in_behandeling", "wacht_op_klant", "afgehandeld"} <= statussen
    aantal = Zaak.objects.count()
    call_command("demo_data")
    assert Zaak.objects.count() == aantal


def test_the_demo_gives_every_dashboard_figure_something_to_show(client):
    from dashboard import details, selectors

    call_command("demo_data")
    vandaag = timezone.localdate()
    f = selectors.Filter(van=vandaag - timedelta(days=28), tot=vandaag - timedelta(days=1))
    kpis = {k.code: k for k in selectors.kpis(f)}
    for code in ("fcr", "servicelevel", "aht", "bezetting", "csat", "norm_zaken"):
        assert kpis[code].waarde is not None, code
    # Occupancy and norm realisation come out at believable values.
    assert 30 < kpis["bezetting"].waarde < 95
    assert 50 < kpis["norm_zaken"].waarde <= 100
    assert selectors.wie_neemt_contact_op(f)["regels"]

    # Every KPI's records open and download, row for row.
    client.force_login(User.objects.get(username="teamleider"))
    query = {"periode": "eigen", "van": f.van.isoformat(), "tot": f.tot.isoformat()}
    for code, detail in details.DETAILS.items():
        assert client.get(f"/dashboard/kpi/{code}/", query).status_code == 200, code
        antwoord = client.get(f"/dashboard/kpi/{code}/", {**query, "formaat": "csv"})
        regels = b"".join(antwoord.streaming_content).decode("utf-8-sig").splitlines()
        assert len(regels) == 1 + detail.records(f, False).count(), code


def test_it_keeps_the_demo_catalogue_a_file_the_export_writes_back_unchanged():
    """The demo catalogue is an export: imported into an empty catalogue and exported
    again it is the same file, so a beheerder could load it in the admin. Loading it
    again changes nothing."""
    import io
    import json

    from kcc.devdata.demo import kcc as kcc_demo
    from kcc.devdata.demo import producten as producten_demo
    from producten import catalogus
    from producten.models import KennisItem, Product, ProductVersie

    assert not Product.objects.exists()
    kcc_demo.laden(io.StringIO())  # the afdelingen the products and items name
    bestand = producten_demo.CATALOGUS.read_text(encoding="utf-8")
    aantallen = catalogus.importeren(json.loads(bestand))
    assert aantallen == {
        "producten": Product.objects.count(),
        "kennisitems": KennisItem.objects.count(),
    }
    export = json.dumps(catalogus.exporteren(), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(export) == json.loads(bestand)
    assert export == bestand

    versies = ProductVersie.objects.count()
    catalogus.importeren(json.loads(bestand))
    assert ProductVersie.objects.count() == versies
    assert json.dumps(catalogus.exporteren(), ensure_ascii=False, indent=2) + "\n" == bestand
