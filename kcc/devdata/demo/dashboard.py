"""The demo's dashboard: its rollups built from the demo's contacts."""

from dashboard import rollups


def laden(stdout) -> None:
    dagen = rollups.bijwerken()
    stdout.write(f"  rollups voor {len(dagen)} dagen")
