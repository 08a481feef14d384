from django.core.management.base import BaseCommand

from kcc.roles import rollen_bijwerken


class Command(BaseCommand):
    help = "Create the role groups and set their permissions (also runs after migrate)."

    def handle(self, *args, **options):
        rollen_bijwerken()
        self.stdout.write(self.style.SUCCESS("Roles are up to date."))
