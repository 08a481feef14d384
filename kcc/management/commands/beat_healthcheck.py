from datetime import datetime

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = "Exit non-zero when Celery beat's heartbeat task has not run recently."

    def add_arguments(self, parser):
        parser.add_argument("--max-age", type=int, default=180, help="seconds")

    def handle(self, *args, max_age, **options):
        last = cache.get("kcc:beat:heartbeat")
        if last is None:
            raise CommandError("No heartbeat from Celery beat yet.")
        age = (timezone.now() - datetime.fromisoformat(last)).total_seconds()
        if age > max_age:
            raise CommandError(f"Last beat heartbeat was {age:.0f} s ago (max {max_age} s).")
        self.stdout.write(f"Beat heartbeat {age:.0f} s ago.")
