from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from kcc.devdata import schaaldata


class Command(BaseCommand):
    help = (
        "Fill PostgreSQL with scale data for benchmarks: customers, contacts and cases "
        "with their status history, written with COPY. Adds to what is there; loads the "
        "demo municipality first when the catalogue is empty."
    )

    def add_arguments(self, parser):
        parser.add_argument("--klanten", type=int, default=1_000_000)
        parser.add_argument("--zaken", type=int, default=2_000_000)
        parser.add_argument("--contacten", type=int, default=10_000_000)
        parser.add_argument(
            "--lange-historie",
            default="999993653",
            help="BSN of a (demo) customer who gets years of contacts and cases; '' for none.",
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, klanten, zaken, contacten, lange_historie, seed, **options):
        from django.conf import settings

        from producten.models import ProductVersie

        if settings.PRODUCTION:
            raise CommandError("Scale data is for benchmark databases, not production.")
        if min(klanten, zaken, contacten) < 0:
            raise CommandError("Give no negative numbers of customers, cases or contacts.")
        if not ProductVersie.objects.exists():
            call_command("demo_data", stdout=self.stdout)
        try:
            verslag = schaaldata.genereren(
                klanten=klanten,
                zaken=zaken,
                contacten=contacten,
                lange_historie_bsn=lange_historie or None,
                seed=seed,
                melden=self.stdout.write,
            )
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        totaal = sum(duur for _wat, _aantal, duur in verslag.stappen)
        self.stdout.write(self.style.SUCCESS(f"Klaar in {totaal:.0f} s."))
