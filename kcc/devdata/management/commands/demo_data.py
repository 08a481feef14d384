from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kcc.devdata import demo


class Command(BaseCommand):
    help = (
        "Fill the database with a believable demo municipality. Safe to run again: "
        "records are updated in place."
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
            demo.laden(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
