import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from producten.catalogus import importeren


class Command(BaseCommand):
    help = "Load a catalogue JSON export. All or nothing: on any problem nothing changes."

    def add_arguments(self, parser):
        parser.add_argument("bestand")

    def handle(self, *args, bestand, **options):
        try:
            with open(bestand, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, json.JSONDecodeError) as error:
            raise CommandError(f"Cannot read {bestand}: {error}") from None
        try:
            aantallen = importeren(data)
        except ValidationError as error:
            raise CommandError("Nothing imported:\n- " + "\n- ".join(error.messages)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {aantallen['producten']} products and "
                f"{aantallen['kennisitems']} knowledge items."
            )
        )
