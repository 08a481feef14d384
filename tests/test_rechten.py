"""Permissions and roles are kept in the cache between requests, and every
change to them takes effect at once."""

import pytest
from django.contrib.auth.models import Group

from kcc.models import User
from kcc.roles import Rol
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _vers(user):
    return User.objects.get(pk=user.pk)  # as the next request loads it


def test_a_second_request_reads_permissions_and_roles_from_the_cache(
    django_assert_num_queries,
):
    user = UserFactory(rollen=[Rol.KLANTMANAGER], username="cache-km")
    assert _vers(user).has_perm("kcc.klantbeeld_inzien")
    volgende = _vers(user)
    with django_assert_num_queries(0):
        assert volgende.has_perm("kcc.klantbeeld_inzien")
        assert volgende.rollen == frozenset({Rol.KLANTMANAGER})


def test_a_new_role_counts_at_once():
    user = UserFactory(rollen=[Rol.BEHANDELAAR], username="cache-bh")
    assert not _vers(user).has_perm("kcc.zaken_toewijzen")
    user.groups.add(Group.objects.get(name=Rol.TEAMLEIDER))
    opnieuw = _vers(user)
    assert opnieuw.has_perm("kcc.zaken_toewijzen")
    assert Rol.TEAMLEIDER in opnieuw.rollen


def test_a_withdrawn_role_or_deactivation_counts_at_once():
    user = UserFactory(rollen=[Rol.TEAMLEIDER], username="cache-tl")
    assert _vers(user).has_perm("kcc.zaken_toewijzen")
    user.groups.clear()
    assert not _vers(user).has_perm("kcc.zaken_toewijzen")
    user.groups.add(Group.objects.get(name=Rol.TEAMLEIDER))
    assert _vers(user).has_perm("kcc.zaken_toewijzen")
    user.is_active = False
    user.save()
    assert not _vers(user).has_perm("kcc.zaken_toewijzen")


def test_a_group_losing_a_permission_counts_at_once():
    user = UserFactory(rollen=[Rol.TEAMLEIDER], username="cache-groep")
    assert _vers(user).has_perm("kcc.zaken_toewijzen")
    groep = Group.objects.get(name=Rol.TEAMLEIDER)
    groep.permissions.remove(*groep.permissions.filter(codename="zaken_toewijzen"))
    assert not _vers(user).has_perm("kcc.zaken_toewijzen")
