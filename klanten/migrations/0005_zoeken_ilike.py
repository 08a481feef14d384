# Django reads "contains, ignoring case" as UPPER(column) LIKE UPPER('%term%'):
# the plain trigram indexes of 0004 serve similarity, these expression
# indexes serve that LIKE, so a name search does not scan every customer.
from django.db import migrations

KOLOMMEN = ["geslachtsnaam", "voornamen", "organisatienaam"]


def indexen(apps, schema_editor):
    for kolom in KOLOMMEN:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS klanten_klant_{kolom}_upper_trgm ON klanten_klant "
            f"USING gin ((UPPER({kolom}::text)) gin_trgm_ops)",
            params=None,
        )


def indexen_weg(apps, schema_editor):
    for kolom in KOLOMMEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS klanten_klant_{kolom}_upper_trgm", params=None)


class Migration(migrations.Migration):
    dependencies = [("klanten", "0004_zoeken")]
    operations = [migrations.RunPython(indexen, indexen_weg, elidable=False)]
