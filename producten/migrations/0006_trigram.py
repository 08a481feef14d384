# Typo tolerance: pg_trgm (a trusted extension: the database
# owner may create it) and trigram indexes on the titles. Used when full-text
# search finds nothing ("pasport", "vuilnisbakk"). Customer name search uses the
# same extension.
from django.db import migrations

INDEXEN = [("producten_product", "naam"), ("producten_kennisitem", "vraag")]


def forward(apps, schema_editor):
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm", params=None)
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
    dependencies = [("producten", "0005_zoekvector")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
