import logging

from django.apps import AppConfig
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
        from django.db.models.signals import post_delete, post_save

        from kcc import roles
        from kcc.auth.backends import portaalsessie_beperken
        from kcc.kalender import sluitingsdagen_vergeten
        from kcc.models import Sluitingsdag

        post_migrate.connect(roles.sync_after_migrate, sender=self)
        for signal in (post_save, post_delete):
            signal.connect(
                lambda **kwargs: sluitingsdagen_vergeten(), sender=Sluitingsdag, weak=False
            )
        user_logged_in.connect(portaalsessie_beperken)
        logger.info("KCC platform (%s): %s", settings.DJANGO_ENV, settings.SERVICES_DESCRIPTION)


class KccAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "kcc.admin_site.BeheerSite"
