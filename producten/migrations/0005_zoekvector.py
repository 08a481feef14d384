# A stored, weighted tsvector per row (a generated column the models do not
# declare: Django has no field for it). Ranking then reads the
# stored vector instead of computing three to_tsvector() per matching row,
# and the GIN index serves the match. Replaces the expression indexes of 0003.
from django.db import migrations

KOLOMMEN = {
    "producten_product": [
        ("naam", "A"),
        ("zoekwoorden", "A"),
        ("samenvatting", "B"),
        ("omschrijving", "C"),
        ("voorwaarden", "D"),
    ],
    "producten_kennisitem": [("vraag", "A"), ("trefwoorden", "A"), ("antwoord", "C")],
}


def forward(apps, schema_editor):
    for tabel, velden in KOLOMMEN.items():
        vector = " || ".join(
            f"setweight(to_tsvector('dutch'::regconfig, coalesce({veld}, '')), '{gewicht}')"
            for veld, gewicht in velden
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {tabel}_zoektekst_fts", params=None)
        schema_editor.execute(
            f"ALTER TABLE {tabel} ADD COLUMN zoekvector tsvector "
            f"GENERATED ALWAYS AS ({vector}) STORED",
            params=None,
        )
        schema_editor.execute(
            f"CREATE INDEX {tabel}_zoekvector ON {tabel} USING gin (zoekvector)", params=None
        )


def backward(apps, schema_editor):
    for tabel in KOLOMMEN:
        schema_editor.execute(f"ALTER TABLE {tabel} DROP COLUMN zoekvector", params=None)
        # Give 0003's expression index back, which forward dropped: without it
        # the search of the version rolled back to reads the whole table.
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {tabel}_zoektekst_fts ON {tabel} "
            f"USING gin (to_tsvector('dutch'::regconfig, COALESCE(zoektekst, '')))",
            params=None,
        )


class Migration(migrations.Migration):
    dependencies = [("producten", "0004_kosten_toelichting")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
