"""The house rules of docs/conventions.md, checked on the source."""

import ast
import re
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
# Development only (demo and scale data): it may use every app, none may use it.
DEVDATA = Path("kcc/devdata")


def _is_devdata(path: Path) -> bool:
    return path.relative_to(ROOT).is_relative_to(DEVDATA)


def test_it_lets_an_app_import_only_the_apps_above_it():
    order = settings.PROJECT_APPS
    wrong = []
    for position, app in enumerate(order):
        allowed = set(order[: position + 1])
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or path.relative_to(ROOT) in WIRING:
                continue
            if _is_devdata(path):
                continue
            for imported in _imported_apps(path) - allowed:
                wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert wrong == []


def test_it_keeps_the_development_data_out_of_the_product():
    users = []
    for app in settings.PROJECT_APPS:
        for path in (ROOT / app).rglob("*.py"):
            if _is_devdata(path) or "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                if any(name.startswith("kcc.devdata") for name in names):
                    users.append(str(path.relative_to(ROOT)))
    assert users == []


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


def test_it_builds_the_links_in_messages_only_on_the_public_address():
    """A link a customer opens from an e-mail or SMS is made by
    kcc.links.publieke_url; the address of a request is right only for the
    API's answers to their own caller."""
    offenders = []
    for app in settings.PROJECT_APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT)
            text = path.read_text()
            if "build_absolute_uri" in text and path.name != "api.py":
                offenders.append(f"{relative}: build_absolute_uri")
            if "PUBLIEKE_URL" in text and str(relative) not in {"kcc/links.py", "kcc/settings.py"}:
                offenders.append(f"{relative}: PUBLIEKE_URL")
    assert offenders == []


def test_it_never_sets_a_status_field_directly():
    # Status changes go through FSM transitions (docs/conventions.md, habit 2).
    offenders = []
    for app in settings.PROJECT_APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            text = path.read_text()
            if ".status = " in text or ".update(status=" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


# --- URL names ----------------------------------------------------------------
# A lower app cannot import a higher one, so it must not name its URLs either:
# it links there through a name the higher app registers (kcc.links).

# The URL namespaces each app owns (kcc/urls.py mounts them).
NAMESPACES = {
    "kcc": {"kcc", "admin", "api-v1"},
    "producten": set(),
    "klanten": set(),
    "zaken": {"zaken"},
    "kanalen": {"werkplek", "portaal", "publiek"},
    "dashboard": {"dashboard"},
}
URL_NAME = re.compile(r"^([a-z0-9-]+):[\w-]+$")
TEMPLATE_URL = re.compile(r"""{%\s*url\s+["']([a-z0-9-]+):[\w-]+["']""")
TEMPLATE_INCLUDE = re.compile(r"""{%\s*include\s+["']([^"']+)["']""")
TEMPLATES = ROOT / "templates"

# Which app's screens a template folder holds. Top-level templates (the site's
# frame, error pages) are the project's.
TEMPLATE_OWNERS = {
    "kcc": "kcc",
    "admin": "kcc",
    "admin/producten": "producten",
    "zaken": "zaken",
    "werkplek": "kanalen",
    "pip": "kanalen",
    "publiek": "kanalen",
    "includes": "kanalen",
    "dashboard": "dashboard",
}


def _higher_namespaces(app: str) -> dict[str, str]:
    order = settings.PROJECT_APPS
    return {
        namespace: higher
        for higher in order[order.index(app) + 1 :]
        for namespace in NAMESPACES[higher]
    }


def _template_owner(path: Path) -> str:
    folder = path.parent.relative_to(TEMPLATES).as_posix()
    while folder not in TEMPLATE_OWNERS and "/" in folder:
        folder = folder.rsplit("/", 1)[0]
    return TEMPLATE_OWNERS.get(folder, "kcc")


def _template_url_namespaces(path: Path, seen: set[Path] | None = None) -> set[str]:
    """The URL namespaces a template names, itself and through what it includes.
    (Not through what it extends: a page renders in the frame of its area.)"""
    seen = seen if seen is not None else set()
    if path in seen or not path.exists():
        return set()
    seen.add(path)
    text = path.read_text()
    found = set(TEMPLATE_URL.findall(text))
    for included in TEMPLATE_INCLUDE.findall(text):
        found |= _template_url_namespaces(TEMPLATES / included, seen)
    return found


def test_it_keeps_every_app_the_url_namespaces_of_apps_above_it_out_of_its_code():
    assert set(NAMESPACES) == set(settings.PROJECT_APPS)
    wrong = []
    for app in settings.PROJECT_APPS:
        higher = _higher_namespaces(app)
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if "migrations" in path.parts or relative in WIRING | {Path("kcc/settings.py")}:
                continue
            if _is_devdata(path):
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    match = URL_NAME.match(node.value)
                    if match and match.group(1) in higher:
                        wrong.append(f"{relative} names {node.value}")
    assert wrong == []


def test_it_keeps_every_app_the_url_namespaces_of_apps_above_it_out_of_its_templates():
    wrong = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        app = _template_owner(path)
        higher = _higher_namespaces(app)
        for namespace in sorted(_template_url_namespaces(path) & set(higher)):
            wrong.append(f"{path.relative_to(ROOT)} ({app}) names a URL of {higher[namespace]}")
    assert wrong == []


def test_the_url_name_check_would_catch_a_lower_app_naming_a_higher_url():
    # The check above finds nothing today; it must still be able to.
    assert "werkplek" in _higher_namespaces("zaken")
    assert "zaken" in _higher_namespaces("klanten")
    assert URL_NAME.match("werkplek:klantbeeld")
    assert TEMPLATE_URL.findall("{% url 'werkplek:klantbeeld' klant.uuid %}") == ["werkplek"]
