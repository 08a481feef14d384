# The typo fallback also matches the keywords (zoekwoorden, trefwoorden):
# trigram indexes on those too, so "title OR keywords" stays an index search.
from django.db import migrations

INDEXEN = [("producten_product", "zoekwoorden"), ("producten_kennisitem", "trefwoorden")]


def forward(apps, schema_editor):
    for tabel, kolom in INDEXEN:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {tabel}_{kolom}_trgm ON {tabel} "
            f"USING gin ({kolom} gin_trgm_ops)",
            params=None,
        )


def backward(apps, schema_editor):
    for tabel, kolom in INDEXEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {tabel}_{kolom}_trgm", params=None)


class Migration(migrations.Migration):
    dependencies = [("producten", "0006_trigram")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
