# Finding customers: typo-tolerant names (pg_trgm GIN indexes,
# which also serve ILIKE '%...%'), and one form for phone numbers (E.164) and
# e-mail addresses (lower case), so a search matches however they were typed.
from django.db import migrations

INDEXEN = [
    ("klanten_klant", "geslachtsnaam"),
    ("klanten_klant", "voornamen"),
    ("klanten_klant", "organisatienaam"),
]


def indexen(apps, schema_editor):
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm", params=None)
    for tabel, kolom in INDEXEN:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {tabel}_{kolom}_trgm ON {tabel} "
            f"USING gin ({kolom} gin_trgm_ops)",
            params=None,
        )


def indexen_weg(apps, schema_editor):
    for tabel, kolom in INDEXEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {tabel}_{kolom}_trgm", params=None)


def normaliseren(apps, schema_editor):
    from django.core.exceptions import ValidationError

    from kcc.telefoon import normaliseer_telefoon

    Klant = apps.get_model("klanten", "Klant")
    for klant in Klant.objects.only("pk", "email", "telefoon").iterator():
        telefoon = klant.telefoon
        if telefoon:
            try:
                telefoon = normaliseer_telefoon(telefoon)
            except ValidationError:
                pass
        email = (klant.email or "").strip().lower()
        if (telefoon, email) != (klant.telefoon, klant.email):
            Klant.objects.filter(pk=klant.pk).update(telefoon=telefoon, email=email)


class Migration(migrations.Migration):
    dependencies = [("klanten", "0003_klantcontacten")]
    operations = [
        migrations.RunPython(indexen, indexen_weg, elidable=False),
        migrations.RunPython(normaliseren, migrations.RunPython.noop),
    ]
