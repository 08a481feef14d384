import pytest
from django.core.management import call_command

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


def test_it_logs_in_the_demo_accounts_with_the_readme_password(client):
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
