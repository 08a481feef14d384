"""The roles of the platform (see DOMAIN.md) and what each may do.

Each role is a Django group whose permissions are set from ``ROL_RECHTEN``
after every ``migrate`` (and by ``manage.py rollen_bijwerken``), so the
groups are never edited by hand and a new permission reaches every
environment with the deployment that introduces it.
"""

from __future__ import annotations

import logging

from django.db import models
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class Rol(models.TextChoices):
    BURGER = "burger", _("Burger of ondernemer")
    KLANTMANAGER = "klantmanager", _("Klantmanager (KCC)")
    BEHANDELAAR = "behandelaar", _("Behandelaar (backoffice)")
    TEAMLEIDER = "teamleider", _("Teamleider")
    BEHEERDER = "beheerder", _("Functioneel beheerder")


# "app.codename" for one permission; "app.*" for every permission of an app's
# models (so a model added later is covered without touching this table).
_KLANTMANAGER = [
    "kcc.werkplek_gebruiken",
    "kcc.klantbeeld_inzien",
    # The KCC's own channels: a behandelaar works cases and the
    # contactverzoeken of their afdeling, not the citizens' mail and chats.
    "kcc.kanalen_beantwoorden",
]
ROL_RECHTEN: dict[str, list[str]] = {
    Rol.BURGER: ["kcc.portaal_gebruiken"],
    Rol.KLANTMANAGER: _KLANTMANAGER,
    Rol.BEHANDELAAR: ["kcc.werkplek_gebruiken", "kcc.zaken_behandelen"],
    Rol.TEAMLEIDER: [
        *_KLANTMANAGER,
        "kcc.zaken_behandelen",
        "kcc.zaken_toewijzen",
        "kcc.dashboard_bekijken",
    ],
    Rol.BEHEERDER: [
        "kcc.beheer_gebruiken",
        "kcc.view_user",
        "kcc.add_user",
        "kcc.change_user",
        "kcc.view_afdeling",
        "kcc.add_afdeling",
        "kcc.change_afdeling",
        "kcc.view_auditlogentry",
        "kcc.view_sluitingsdag",
        "kcc.add_sluitingsdag",
        "kcc.change_sluitingsdag",
        "kcc.delete_sluitingsdag",
        # The systems that use the standard APIs, and what each may read.
        "kcc.view_applicatie",
        "kcc.add_applicatie",
        "kcc.change_applicatie",
        "kcc.delete_applicatie",
        "kcc.view_autorisatie",
        "kcc.add_autorisatie",
        "kcc.change_autorisatie",
        "kcc.delete_autorisatie",
        "kcc.view_abonnement",
        "kcc.add_abonnement",
        "kcc.change_abonnement",
        "kcc.delete_abonnement",
        "kcc.view_notificatie",
        "kcc.change_notificatie",
        "producten.*",
        "kanalen.view_kanaal",
        "kanalen.add_kanaal",
        "kanalen.change_kanaal",
        "kanalen.view_openingstijd",
        "kanalen.add_openingstijd",
        "kanalen.change_openingstijd",
        "kanalen.delete_openingstijd",
        "kanalen.view_berichtsjabloon",
        "kanalen.add_berichtsjabloon",
        "kanalen.change_berichtsjabloon",
        "kanalen.delete_berichtsjabloon",
        "kanalen.view_bericht",
        "kanalen.change_bericht",
        "kanalen.view_balie",
        "kanalen.add_balie",
        "kanalen.change_balie",
        "kanalen.view_balieapparaat",
        "kanalen.add_balieapparaat",
        "kanalen.change_balieapparaat",
        "kanalen.view_afspraakrooster",
        "kanalen.add_afspraakrooster",
        "kanalen.change_afspraakrooster",
        "kanalen.delete_afspraakrooster",
        "dashboard.view_kpidoel",
        "dashboard.add_kpidoel",
        "dashboard.change_kpidoel",
        "dashboard.delete_kpidoel",
        "kanalen.view_medewerkerstatus",
        "kanalen.add_medewerkerstatus",
        "kanalen.change_medewerkerstatus",
        # Failed and successful staff logins; deleting a row lifts its lock.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accessfailurelog",
        "axes.view_accesslog",
    ],
}

# Where each role starts after logging in, in order of precedence: names of
# links (kcc.links) that the apps owning those screens register.
ROL_STARTPAGINA = [
    (Rol.BEHEERDER, "beheer"),
    (Rol.TEAMLEIDER, "dashboard"),
    (Rol.KLANTMANAGER, "werkplek"),
    (Rol.BEHANDELAAR, "werkplek"),
    (Rol.BURGER, "portaal"),
]


def rollen_bijwerken() -> None:
    """Create the role groups and set their permissions exactly as above."""
    from django.contrib.auth.models import Group, Permission
    from django.core.exceptions import ImproperlyConfigured

    for rol, rechten in ROL_RECHTEN.items():
        wanted = set()
        for recht in rechten:
            app_label, codename = recht.split(".", 1)
            perms = Permission.objects.filter(content_type__app_label=app_label)
            if codename != "*":
                perms = perms.filter(codename=codename)
                if not perms.exists():
                    raise ImproperlyConfigured(f"Role {rol}: permission {recht} does not exist.")
            wanted.update(perms.values_list("pk", flat=True))
        group, _created = Group.objects.get_or_create(name=rol)
        group.permissions.set(wanted)
    logger.debug("Role groups brought up to date")


def sync_after_migrate(sender, using, **kwargs):
    """post_migrate: make sure every app's permissions exist, then the roles."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    rollen_bijwerken()
