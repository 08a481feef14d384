import logging

from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate

logger = logging.getLogger("kcc.startup")


class KccConfig(AppConfig):
    default = True
    name = "kcc"
    verbose_name = "KCC-platform"

    def ready(self):
        from django.conf import settings
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save, pre_save

        from kcc import invoer, roles
        from kcc.auth.backends import portaalsessie_beperken
        from kcc.kalender import sluitingsdagen_vergeten
        from kcc.links import link_registreren
        from kcc.models import Sluitingsdag

        post_migrate.connect(roles.sync_after_migrate, sender=self)
        link_registreren("beheer", "admin:index")
        for signal in (post_save, post_delete):
            signal.connect(
                lambda **kwargs: sluitingsdagen_vergeten(), sender=Sluitingsdag, weak=False
            )
        user_logged_in.connect(portaalsessie_beperken)
        for app in settings.PROJECT_APPS:
            for model in apps.get_app_config(app).get_models():
                pre_save.connect(invoer.lengte_bewaken, sender=model, weak=False)
        self._rechten_bewaken()
        self._koppelingen_bewaken()
        logger.info("KCC platform (%s): %s", settings.DJANGO_ENV, settings.SERVICES_DESCRIPTION)

    @staticmethod
    def _koppelingen_bewaken():
        """A changed applicatie, autorisatie or abonnement is read again at once."""
        from django.db.models.signals import post_delete, post_save

        from kcc.koppelingen import notificaties, toegang
        from kcc.koppelingen.models import Abonnement, Applicatie, Autorisatie

        for model in (Applicatie, Autorisatie):
            for signal in (post_save, post_delete):
                signal.connect(toegang.vergeten, sender=model, weak=False)
        for signal in (post_save, post_delete):
            signal.connect(notificaties.abonnementen_gewijzigd, sender=Abonnement, weak=False)

    @staticmethod
    def _rechten_bewaken():
        """Changes to groups or permissions make every cached copy stale."""
        from django.contrib.auth.models import Group, Permission
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from kcc import rechten
        from kcc.models import User

        for through in (
            User.groups.through,
            User.user_permissions.through,
            Group.permissions.through,
        ):
            m2m_changed.connect(rechten.vergeten, sender=through, weak=False)
        for model in (Group, Permission, User):
            post_delete.connect(rechten.vergeten, sender=model, weak=False)
        # Deactivating a user or making one superuser changes what they may do.
        post_save.connect(rechten.gebruiker_opgeslagen, sender=User, weak=False)


class KccAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "kcc.admin_site.BeheerSite"
