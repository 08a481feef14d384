"""The house rules of docs/architecture.md, checked on the source."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & set(settings.PROJECT_APPS)


# The project's wiring: the root URLconf and websocket routing mount every app.
WIRING = {Path("kcc/urls.py"), Path("kcc/routing.py")}


def test_it_lets_an_app_import_only_the_apps_above_it():
    order = settings.PROJECT_APPS
    wrong = []
    for position, app in enumerate(order):
        allowed = set(order[: position + 1])
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or path.relative_to(ROOT) in WIRING:
                continue
            for imported in _imported_apps(path) - allowed:
                wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert wrong == []


def test_it_reads_the_environment_only_in_one_place():
    readers = []
    for app in settings.PROJECT_APPS:
        for path in (ROOT / app).rglob("*.py"):
            text = path.read_text()
            if ("os.environ" in text or "os.getenv" in text) and path.name not in {
                "env.py",
                "celery.py",
                "asgi.py",
                "wsgi.py",
            }:
                readers.append(str(path.relative_to(ROOT)))
    assert readers == []


def test_it_never_sets_a_status_field_directly():
    # Status changes go through FSM transitions (STYLE.md, habit 3).
    offenders = []
    for app in settings.PROJECT_APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            text = path.read_text()
            if ".status = " in text or ".update(status=" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
