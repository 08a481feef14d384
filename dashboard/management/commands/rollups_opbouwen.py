import time

from django.core.management.base import BaseCommand, CommandError

from dashboard import rollups


class Command(BaseCommand):
    help = (
        "Build the dashboard rollups to the end in the foreground, with progress and without "
        "a time limit: after a deploy whose migration added a rollup (every day is rebuilt)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dagen-terug", type=int, default=1, help="also rebuild this many past days"
        )
        parser.add_argument(
            "--wachten",
            type=int,
            default=rollups.SLOT_SECONDEN,
            help="seconds to wait for a rollup run in progress (a worker's) to finish",
        )

    def handle(self, *args, dagen_terug, wachten, **options):
        begin = time.monotonic()

        def bij_dag(dag, gebouwd, resterend):
            # Every day of a small run; every 25th of a first build of years.
            if resterend % 25 == 0 or gebouwd + resterend <= 50:
                verstreken = time.monotonic() - begin
                self.stdout.write(
                    f"{dag.isoformat()} built: {gebouwd} done, {resterend} to go "
                    f"({verstreken:.0f} s)"
                )

        # A run in a worker holds the lock: it is done within its time limit
        # (or its lock expires if the worker died), then this takes the plan over.
        tot = begin + wachten
        gewacht, dagen = False, 0
        while True:
            stap = rollups.bijwerken_stap(dagen_terug=dagen_terug, bij_dag=bij_dag)
            if stap is None:
                if time.monotonic() > tot:
                    raise CommandError(f"Another rollup run held the lock for over {wachten} s.")
                if not gewacht:
                    self.stdout.write("Waiting for the rollup run in progress to finish...")
                    gewacht = True
                time.sleep(5)
                continue
            dagen += len(stap.gebouwd)
            if stap.resterend:
                raise CommandError("Another rollup run took over the lock; it builds the rest.")
            if not stap.hervat:
                break
            # That finished a plan an earlier run left; now the days since.
        self.stdout.write(
            self.style.SUCCESS(
                f"Rollups are current: {dagen} days built in {time.monotonic() - begin:.0f} s."
            )
        )
