import json
import sys

from django.core.management.base import BaseCommand

from producten.catalogus import exporteren


class Command(BaseCommand):
    help = "Write the whole catalogue and knowledge base as JSON (to stdout or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write; default stdout")

    def handle(self, *args, output=None, **options):
        text = json.dumps(exporteren(), ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"Catalogue written to {output}.")
        else:
            sys.stdout.write(text + "\n")
