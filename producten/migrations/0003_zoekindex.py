# Full-text indexes for producten.zoeken: the expression is the one Django
# writes for SearchVector("zoektekst", config="dutch"), so the planner uses
# the index.
from django.db import migrations

TABELLEN = ["producten_product", "producten_kennisitem"]


def forward(apps, schema_editor):
    for tabel in TABELLEN:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {tabel}_zoektekst_fts ON {tabel} "
            f"USING gin (to_tsvector('dutch'::regconfig, COALESCE(zoektekst, '')))",
            params=None,
        )


def backward(apps, schema_editor):
    for tabel in TABELLEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {tabel}_zoektekst_fts", params=None)


class Migration(migrations.Migration):
    dependencies = [("producten", "0002_catalogus")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
