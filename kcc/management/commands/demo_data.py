from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Fill the database with a believable demo municipality. Safe to run again: "
        "records are updated in place. Every app may offer a `demo` module with a "
        "`laden(stdout)` function; they run in INSTALLED_APPS order."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Also run when DJANGO_ENV=production."
        )

    def handle(self, *args, force=False, **options):
        if settings.PRODUCTION and not force:
            raise CommandError(
                "Refusing to load demo data (with known passwords) in production; "
                "pass --force on an acceptance environment."
            )
        if settings.PRODUCTION and settings.DEMO_PASSWORD == "demo-kcc":  # noqa: S105
            raise CommandError("Set DEMO_PASSWORD to a password of your own before --force.")
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if app_config.name in settings.PROJECT_APPS and find_spec(module_name):
                    self.stdout.write(f"{app_config.verbose_name}:")
                    import_module(module_name).laden(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
