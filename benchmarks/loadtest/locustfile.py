"""A day at the KCC, for Locust: citizens, agents, a teamleider and chats.

Run through ``benchmarks/loadtest.py``, which starts the stack and passes
the websocket address (``LOADTEST_WS_URL``) and the demo password
(``LOADTEST_PASSWORD``). Requests are named by page, not by URL, so one
row in the statistics is one screen, whichever case or customer it showed.

Every user works like a person with a browser: it reads the form from the
page it was shown (with its CSRF token and the values the page filled in)
and posts it back, so a changed form is exercised as it is, not as it was
when this file was written.

The mix follows a municipality's day: most traffic comes from citizens in
Mijn omgeving and from KCC agents at the werkplek; some citizens chat; a
teamleider looks at the dashboard now and then; the mail server delivers
e-mail and SMS into the inbox the agents take their next item from.

Everything the users do is bounded by Locust's run time; a websocket waits
at most 10 s for an answer.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import random
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import websocket
from locust import HttpUser, between, events, task
from locust.exception import StopUser

PASSWORD = os.environ.get("LOADTEST_PASSWORD", "demo-kcc")
WS_URL = os.environ.get("LOADTEST_WS_URL", "").rstrip("/")
# Seconds people pause between screens are multiplied by this: 1 is a
# person reading and typing; smaller packs more work into a short run.
THINK = float(os.environ.get("LOADTEST_THINK", "1"))
# A product with a short online form and no documents, from the demo catalogue.
PRODUCT = os.environ.get("LOADTEST_PRODUCT", "uittreksel-brp")
# The secret the mail server and SMS gateway sign their webhooks with.
INBOX_SECRET = os.environ.get("LOADTEST_INBOX_SECRET", "")

# The load pattern only: which customer, which answer. Not a secret.
rnd = random.Random()  # noqa: S311

# Demo residents (README): three with cases, one with geheimhouding.
DEMO_BSNS = ["999993653", "999990019", "999991772", "999997087"]
# How an agent finds a customer: what the caller says first.
SEARCH_TERMS = [
    ("bsn", "999993653"),
    ("bsn", "999990019"),
    ("bsn", "999991772"),
    ("bsn", "999997087"),
    ("naam", "Moulin 14-03-1985"),
    ("naam", "van Dijk 02-11-1958"),
    ("naam", "Demir"),
    ("telefoon", "06 12345678"),
    ("telefoon", "020 1234567"),
    ("telefoon", "06-87654321"),
]
QUESTIONS = [
    ("Paspoort verlopen", "Hoe vraag ik een nieuw paspoort aan?", "Afspraak gemaakt aan de balie."),
    ("Verhuizing", "Kan ik mijn verhuizing online doorgeven?", "Ja, via Mijn omgeving."),
    ("Afvalpas", "Mijn afvalpas werkt niet meer.", "Nieuwe pas aangevraagd."),
    ("Stand van zaken", "Wanneer hoor ik iets over mijn aanvraag?", "Uitgelegd waar het staat."),
]
# Who writes in: demo residents (matched to their klantbeeld) and strangers.
SENDERS = [
    ("Suzanne Moulin", "s.moulin@example.nl"),
    ("Jan Pieter van Dijk", "jp.vandijk@example.nl"),
    ("Aylin Demir", "aylin.demir@example.nl"),
    ("K. Visser", "k.visser@example.com"),
]
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def elfproef_bsns(count: int) -> list[str]:
    """Valid BSNs from the test range (999xxxxxx), for citizens the
    municipality does not know yet. A fixed list, so repeated runs log in as
    the same few new residents instead of adding users every run."""
    found = []
    for n in range(100000, 999999):
        candidate = f"999{n:06d}"
        # The elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11.
        weights = range(9, 1, -1)
        total = sum(int(c) * g for c, g in zip(candidate[:8], weights, strict=True))
        if (total - int(candidate[8])) % 11 == 0 and candidate not in DEMO_BSNS:
            found.append(candidate)
            if len(found) == count:
                break
    return found


NEW_BSNS = elfproef_bsns(25)


# --- Reading forms the way a browser does --------------------------------------


@dataclass
class Form:
    action: str
    method: str
    values: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)
    attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)


class _FormParser(HTMLParser):
    """Every <form> on a page with what a browser would submit by default:
    hidden and filled-in inputs, checked radios, selected options and
    textarea contents; plus each field's choices and attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
            return
        form, name = self._form, a.get("name")
        if form is None:
            return
        if tag == "button" and name:
            form.buttons.append((name, a.get("value", "")))
        elif tag == "input" and name:
            kind = a.get("type", "text").lower()
            form.attrs[name] = {**a, "type": kind}
            if kind in ("radio", "checkbox"):
                form.choices.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.values[name] = a.get("value", "on")
            elif kind == "submit":
                form.buttons.append((name, a.get("value", "")))
            elif kind not in ("file", "reset", "image"):
                form.values[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select = name
            form.attrs[name] = {**a, "type": "select"}
            form.choices[name] = []
        elif tag == "option" and self._select:
            waarde = a.get("value", "")
            form.choices[self._select].append(waarde)
            if "selected" in a or self._select not in form.values:
                form.values[self._select] = waarde
        elif tag == "textarea" and name:
            self._textarea = name
            form.attrs[name] = {**a, "type": "textarea"}
            form.values[name] = ""

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_on(response) -> list[Form]:
    parser = _FormParser()
    parser.feed(response.text)
    for form in parser.forms:
        form.action = urljoin(response.url, form.action or response.url)
    return parser.forms


def form_with(
    response, *, action: str = "", field_name: str = "", button: tuple[str, str] | None = None
) -> Form | None:
    """The first POST form whose action contains ``action``, with a field
    (or button) named ``field_name`` and, if given, that exact button."""
    for form in forms_on(response):
        if form.method != "post" or action not in urlsplit(form.action).path:
            continue
        names = {*form.attrs, *form.values, *(button_name for button_name, _ in form.buttons)}
        if field_name and field_name not in names:
            continue
        if button and button not in form.buttons:
            continue
        return form
    return None


def answer(form: Form, name: str) -> str:
    """A valid answer to a product question, as a citizen would give it:
    keep what the page filled in (earlier answers), otherwise pick or type."""
    current = form.values.get(name, "")
    options = [k for k in form.choices.get(name, []) if k]
    attrs = form.attrs.get(name, {})
    kind = attrs.get("type", "text")
    if options:
        return current if current in options else rnd.choice(options)
    if current:
        return current
    if kind == "number":
        return attrs.get("min") or "1"
    if kind == "date":
        return (date.today() + timedelta(days=14)).isoformat()
    if kind == "email":
        return "burger@example.nl"
    if kind == "tel":
        return "0612345678"
    if attrs.get("maxlength") == "7":  # the postcode field
        return "1234 AB"
    return "Voor een nieuwe huurwoning"


def path_of(url: str) -> str:
    return urlsplit(url).path


def fail_unless(response, ok: bool, reason: str) -> bool:
    """Mark a caught response failed with a reason; True when it was fine."""
    if response.status_code >= 400:
        response.failure(f"HTTP {response.status_code}")
        return False
    if not ok:
        response.failure(
            f"{reason} (landed on {path_of(response.url)}, HTTP {response.status_code})"
        )
        return False
    response.success()
    return True


def think(low: float, high: float) -> None:
    time.sleep(rnd.uniform(low, high) * THINK)


# --- Citizens -----------------------------------------------------------------


class DigiDUser(HttpUser):
    """Someone logged in with DigiD (the simulator), one session for the run."""

    abstract = True
    bsn = ""

    def on_start(self):
        self.logged_in = self.log_in()

    def log_in(self) -> bool:
        with self.client.get(
            "/pip/inloggen/digid/", name="digid: inlogpagina", catch_response=True
        ) as r:
            form = form_with(r, field_name="bsn")
            if not fail_unless(r, form is not None, "no DigiD simulator form"):
                return False
        data = {**form.values, "bsn": self.bsn}
        with self.client.post(
            form.action, data=data, name="digid: inloggen", catch_response=True
        ) as r:
            path = path_of(r.url)
            return fail_unless(
                r, path.startswith("/pip/") and "/inloggen" not in path, "DigiD login refused"
            )

    def ensure_logged_in(self) -> bool:
        if not self.logged_in:
            self.logged_in = self.log_in()
        return self.logged_in

    def _portal_page(self, url: str, name: str) -> tuple[bool, str]:
        """A portal page; being sent to the login page means the session was lost."""
        with self.client.get(url, name=name, catch_response=True) as r:
            ok = fail_unless(r, "/inloggen" not in path_of(r.url), "session lost")
            if "/inloggen" in path_of(r.url):
                self.logged_in = False
            return ok, r.text if ok else ""


class Burger(DigiDUser):
    """A resident in Mijn omgeving: follows their cases (on the pages and
    through the API), and sometimes applies online."""

    weight = 12
    wait_time = between(3 * THINK, 10 * THINK)

    def on_start(self):
        # Mostly the demo residents (they have cases); now and then someone
        # new in town, whom the person register does not know yet.
        self.bsn = rnd.choice(DEMO_BSNS) if rnd.random() < 0.85 else rnd.choice(NEW_BSNS)
        super().on_start()

    @task(2)
    def mijn_omgeving(self):
        if self.ensure_logged_in():
            self._portal_page("/pip/", "pip: mijn omgeving")

    @task(6)
    def mijn_zaken(self):
        if not self.ensure_logged_in():
            return
        ok, html = self._portal_page("/pip/zaken/", "pip: mijn zaken")
        zaken = sorted(set(re.findall(rf'href="/pip/zaken/({UUID})/"', html)))
        if ok and zaken:
            think(2, 6)
            self._portal_page(f"/pip/zaken/{rnd.choice(zaken)}/", "pip: zaak")

    @task(2)
    def api_zaken(self):
        """The same cases as an API client with the session (e.g. the app)."""
        if not self.ensure_logged_in():
            return
        headers = {"Accept": "application/json"}
        with self.client.get(
            "/api/v1/zaken/", headers=headers, name="api: zaken", catch_response=True
        ) as r:
            try:
                zaken = [z["uuid"] for z in r.json()["results"]]
            except (ValueError, KeyError, TypeError):
                fail_unless(r, False, "not a page of cases")
                return
            r.success()
        if zaken:
            with self.client.get(
                f"/api/v1/zaken/{rnd.choice(zaken)}/",
                headers=headers,
                name="api: zaak",
                catch_response=True,
            ) as r:
                fail_unless(
                    r, r.headers.get("Content-Type", "").startswith("application/"), "no JSON"
                )

    @task(1)
    def aanvragen(self):
        """Apply online: start (or resume) the draft, answer, check, send."""
        if not self.ensure_logged_in() or self.bsn not in DEMO_BSNS:
            return  # someone the register does not know cannot apply online
        ok, _html = self._portal_page("/pip/aanvragen/", "pip: aanvragen")
        if not ok:
            return
        with self.client.get(
            f"/pip/aanvragen/nieuw/{PRODUCT}/", name="pip: aanvraag beginnen", catch_response=True
        ) as r:
            form = form_with(r, field_name="actie")
            # Two browsers of one resident share the draft: the other one
            # may just have sent it, which shows the confirmation instead.
            sent = "/verstuurd/" in r.url
            if not fail_unless(r, form is not None or sent, "no application form"):
                return
        if form is None:
            return
        think(5, 15)  # reading and answering the questions
        data = dict(form.values)
        for name_ in set(form.values) | set(form.choices):
            if name_.startswith("v-"):
                data[name_] = answer(form, name_)
        data["actie"] = "verder"
        with self.client.post(
            form.action, data=data, name="pip: aanvraag vragen", catch_response=True
        ) as r:
            moved_on = any(s in r.url for s in ("/controleren/", "/documenten/", "/verstuurd/"))
            if not fail_unless(r, moved_on, "answers not accepted") or "/controleren/" not in r.url:
                return
            form = form_with(r, action="/controleren/")
            if form is None:
                fail_unless(r, False, "no send button")
                return
        think(2, 5)
        with self.client.post(
            form.action, data=form.values, name="pip: aanvraag versturen", catch_response=True
        ) as r:
            fail_unless(r, "/verstuurd/" in r.url, "application not sent")


class ChattendeBurger(DigiDUser):
    """A resident with a question for the chat: starts it, waits on the
    websocket, sends a message and sees it come back, then goes."""

    weight = 3
    wait_time = between(10 * THINK, 30 * THINK)

    def on_start(self):
        self.bsn = rnd.choice(DEMO_BSNS)
        super().on_start()

    @task
    def chatten(self):
        if not self.ensure_logged_in():
            return
        with self.client.get("/chat/", name="chat: startpagina", catch_response=True) as r:
            form = form_with(r, field_name="vraag")
            if not fail_unless(r, form is not None, "no chat form"):
                return
        if form.values.get("actie") == "terugbellen":
            # Outside opening hours the page offers a callback instead.
            data = {**form.values, "telefoon": "0612345678", "vraag": "Bel mij terug, graag."}
            with self.client.post(
                form.action, data=data, name="chat: gesloten, terugbelverzoek", catch_response=True
            ) as r:
                fail_unless(r, True, "")
            return
        think(3, 8)
        data = {**form.values, "vraag": "Wanneer is mijn paspoort klaar?", "naam": "Bezoeker"}
        with self.client.post(
            form.action, data=data, name="chat: starten", catch_response=True
        ) as r:
            found = re.search(rf"/chat/({UUID})/", path_of(r.url))
            if not fail_unless(r, found is not None, "chat not started"):
                return
            chat_uuid = found[1]
        self.websocket(chat_uuid)
        if rnd.random() < 0.5:
            # Half give up before an agent answers (abandoned); the other
            # half stay in the queue, where an agent takes them.
            r = self.client.get(f"/chat/{chat_uuid}/", name="chat: gesprek")
            form = form_with(r, button=("actie", "verlaten"))
            if form is not None:
                self.client.post(
                    form.action, data={**form.values, "actie": "verlaten"}, name="chat: verlaten"
                )

    def websocket(self, chat_uuid: str) -> None:
        """Connect, send one message and wait until it comes back through the
        channel layer: the round trip a citizen sees. Both are reported as
        requests of type WS."""
        if not WS_URL:
            raise StopUser("LOADTEST_WS_URL is not set")
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.client.cookies)
        start = time.perf_counter()
        try:
            ws = websocket.create_connection(
                f"{WS_URL}/ws/chat/{chat_uuid}/",
                timeout=10,
                cookie=cookies,
                origin=self.host.rstrip("/"),
            )
        except Exception as error:
            self._ws_stat("ws chat: verbinden", start, error)
            return
        self._ws_stat("ws chat: verbinden", start)
        try:
            if self._ws_round_trip(ws, "ws chat: bericht heen en terug", self._send_message):
                # Waiting in the queue with the page open; the client keeps
                # the connection alive as the browser's script does.
                for _ in range(rnd.randint(1, 3)):
                    think(1, 3)
                    if not self._ws_round_trip(ws, "ws chat: ping", self._ping):
                        break
        finally:
            ws.close()

    def _ws_round_trip(self, ws, name: str, step) -> bool:
        start = time.perf_counter()
        try:
            length = step(ws)
        except Exception as error:
            self._ws_stat(name, start, error)
            return False
        self._ws_stat(name, start, length=length)
        return True

    @staticmethod
    def _send_message(ws) -> int:
        """Send a message; it is stored, then pushed back through Redis."""
        text = f"Mijn vraag {uuid.uuid4().hex[:8]}"
        ws.send(json.dumps({"type": "bericht", "tekst": text}))
        length = 0
        while True:  # the history of the chat comes first, then our message
            frame = _receive(ws)
            length += len(frame)
            event = json.loads(frame)
            if event.get("type") == "fout":
                raise RuntimeError(event.get("tekst") or "message refused")
            if event.get("type") == "bericht" and event.get("tekst") == text:
                return length

    @staticmethod
    def _ping(ws) -> int:
        ws.send(json.dumps({"type": "ping"}))
        while json.loads(_receive(ws)).get("type") != "pong":
            pass
        return 0

    def _ws_stat(self, name: str, start: float, error: Exception | None = None, length: int = 0):
        events.request.fire(
            request_type="WS",
            name=name,
            response_time=(time.perf_counter() - start) * 1000,
            response_length=length,
            exception=error,
            context={},
        )


def _receive(ws) -> str:
    """The next frame; an empty one means the server closed the connection."""
    frame = ws.recv()
    if not frame:
        raise ConnectionError("the server closed the websocket")
    return frame


# --- Staff --------------------------------------------------------------------

# Several simulated agents share each demo account, as colleagues never do;
# sessions are separate, so for the platform they are one person at several
# desks. Accounts are handed out in turn.
_KLANTMANAGERS = itertools.cycle(["klantmanager", "klantmanager2"])
# A refused staff login counts towards the lockout of that username (5 per
# quarter). After one refusal no other simulated user tries that account
# again, so a wrong password never locks out the demo accounts.
_REFUSED: set[str] = set()


class Medewerker(HttpUser):
    abstract = True
    username = ""
    lands_on = "/"

    def on_start(self):
        self.log_in()

    def log_in(self) -> None:
        if self.username in _REFUSED:
            raise StopUser(f"login of {self.username} was refused before")
        with self.client.get(
            "/kcc/inloggen/", name="werkplek: inlogpagina", catch_response=True
        ) as r:
            form = form_with(r, field_name="username")
            if not fail_unless(r, form is not None, "no login form"):
                raise StopUser("no login form")
        data = {**form.values, "username": self.username, "password": PASSWORD}
        with self.client.post(
            form.action, data=data, name="werkplek: inloggen", catch_response=True
        ) as r:
            # A refused login shows the login page again (also under /kcc/).
            path = path_of(r.url)
            if not fail_unless(
                r, path.startswith(self.lands_on) and "/inloggen" not in path, "login refused"
            ):
                _REFUSED.add(self.username)
                raise StopUser(f"login of {self.username} refused")


class Klantmanager(Medewerker):
    """A KCC agent: finds the caller, reads the klantbeeld, registers the
    contact; between calls takes the next item from the one inbox."""

    weight = 8
    wait_time = between(4 * THINK, 12 * THINK)
    lands_on = "/kcc/"

    def on_start(self):
        self.username = next(_KLANTMANAGERS)
        self.log_in()
        self.status("beschikbaar")

    def status(self, status: str) -> None:
        with self.client.get("/kcc/inbox/", name="inbox: overzicht", catch_response=True) as r:
            form = form_with(r, action="/kcc/status/")
            if not fail_unless(r, form is not None, "no status form"):
                return
        data = {**form.values, "status": status}
        with self.client.post(
            form.action, data=data, name="inbox: status wijzigen", catch_response=True
        ) as r:
            fail_unless(r, "/kcc/inbox/" in r.url, "status not changed")

    @task(5)
    def telefoontje(self):
        with self.client.get("/kcc/", name="werkplek: start", catch_response=True) as r:
            form = form_with(r, field_name="q")
            if not fail_unless(r, form is not None, "no search form"):
                return
        kind, term = rnd.choice(SEARCH_TERMS)
        think(1, 3)  # the caller spells it out
        with self.client.post(
            form.action,
            data={**form.values, "q": term},
            name=f"werkplek: klant zoeken ({kind})",
            catch_response=True,
        ) as r:
            found = sorted(set(re.findall(rf'href="/kcc/klanten/({UUID})/"', r.text)))
            if not fail_unless(r, bool(found), "customer not found"):
                return
        with self.client.get(
            f"/kcc/klanten/{found[0]}/", name="werkplek: klantbeeld", catch_response=True
        ) as r:
            form = form_with(r, action="/contact/", field_name="in_een_keer_goed")
            if not fail_unless(r, form is not None, "no contact form"):
                return
        think(20, 60)  # the conversation itself
        onderwerp, vraag, antwoord = rnd.choice(QUESTIONS)
        data = {
            **form.values,
            "onderwerp": onderwerp,
            "vraag": vraag,
            "antwoord": antwoord,
            "in_een_keer_goed": "ja" if rnd.random() < 0.8 else "nee",
            "vervolg": "geen",
        }
        afdelingen = [a for a in form.choices.get("afdeling", []) if a]
        if afdelingen and rnd.random() < 0.25:
            # A callback for an afdeling: the contactverzoeken in the inbox
            # come from here, so the queue the agents take from keeps filling.
            data.update(vervolg="contactverzoek", afdeling=rnd.choice(afdelingen))
        with self.client.post(
            form.action, data=data, name="werkplek: contact registreren", catch_response=True
        ) as r:
            fail_unless(r, "/kcc/klanten/" in r.url, "contact not registered")

    @task(3)
    def volgende_nemen(self):
        """Take the next item ("Neem het volgende") and deal with it: end the chat,
        answer or give back the e-mail, call back the contactverzoek.
        Nothing waiting is a normal answer."""
        with self.client.get("/kcc/inbox/", name="inbox: overzicht", catch_response=True) as r:
            form = form_with(r, action="/kcc/volgende/")
            if not fail_unless(r, form is not None, "no take-next button"):
                return
        with self.client.post(
            form.action,
            data=form.values,
            name="inbox: neem het volgende",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            location = r.headers.get("Location", "")
            if not fail_unless(r, r.status_code == 302, "no redirect"):
                return
        path = path_of(location)
        if path.startswith("/kcc/chats/"):
            self.handle_chat(urljoin(self.host, path))
        elif path.startswith("/kcc/inbox/") and path != "/kcc/inbox/":
            self.handle_inboxitem(urljoin(self.host, path))
        elif path.startswith("/kcc/contactverzoeken/"):
            self.handle_contactverzoek(urlsplit(location).fragment.removeprefix("verzoek-"))
        else:
            # Nothing waiting is a normal answer. Not being available is not:
            # set the status again (the page says why it refused).
            r = self.client.get(urljoin(self.host, path or "/kcc/inbox/"), name="inbox: overzicht")
            if "om werk te nemen" in r.text:
                self.status("beschikbaar")

    def handle_chat(self, url: str) -> None:
        with self.client.get(url, name="chat (medewerker): gesprek", catch_response=True) as r:
            message_form = form_with(r, field_name="tekst")
            end_form = form_with(r, field_name="in_een_keer_goed")
            if not fail_unless(r, end_form is not None, "chat not active"):
                return
        if message_form is not None:
            think(2, 6)
            self.client.post(
                message_form.action,
                data={**message_form.values, "tekst": "Goedemiddag, waarmee kan ik u helpen?"},
                name="chat (medewerker): bericht",
            )
        think(10, 30)
        with self.client.post(
            end_form.action,
            data={**end_form.values, "actie": "beeindigen"},
            name="chat (medewerker): beëindigen",
            catch_response=True,
        ) as r:
            fail_unless(r, "/kcc/chats/" in r.url, "chat not ended")

    def handle_inboxitem(self, url: str) -> None:
        with self.client.get(url, name="inbox: item", catch_response=True) as r:
            form = form_with(r, field_name="tekst")
            if not fail_unless(r, form is not None, "no answer form"):
                return
        think(10, 40)
        if rnd.random() < 0.3:
            data = {**form.values, "actie": "beantwoorden", "tekst": "Dank voor uw bericht."}
            name = "inbox: item beantwoorden"
        else:
            # Most go back: the demo inbox is small and should last the run.
            data = {**form.values, "actie": "vrijgeven"}
            name = "inbox: item teruggeven"
        with self.client.post(form.action, data=data, name=name, catch_response=True) as r:
            fail_unless(r, path_of(r.url) == "/kcc/inbox/", "not handled")

    def handle_contactverzoek(self, verzoek_uuid: str) -> None:
        with self.client.get(
            "/kcc/contactverzoeken/", name="contactverzoeken", catch_response=True
        ) as r:
            form = next(
                (
                    f
                    for f in forms_on(r)
                    if f.values.get("verzoek") == verzoek_uuid
                    and f.values.get("actie") == "afhandelen"
                ),
                None,
            )
            if not fail_unless(r, form is not None, "contactverzoek not listed"):
                return
        think(20, 60)  # calling the customer back
        data = {**form.values, "uitkomst": "Teruggebeld en de vraag beantwoord."}
        with self.client.post(
            form.action, data=data, name="contactverzoek afhandelen", catch_response=True
        ) as r:
            # Refusals come back to the same page, as a message instead.
            fail_unless(r, "is afgehandeld" in r.text, "not handled")


class Mailserver(HttpUser):
    """The mail server and the SMS gateway delivering what citizens send to
    the KCC, signed as the webhooks require. This is what fills the inbox
    the agents take from; one of them, whatever the number of users."""

    fixed_count = 1
    wait_time = between(10 * THINK, 30 * THINK)

    def on_start(self):
        if not INBOX_SECRET:
            raise StopUser("LOADTEST_INBOX_SECRET is not set")

    def _post(self, url: str, body: bytes, content_type: str, name: str) -> None:
        timestamp = str(int(time.time()))
        signature = hmac.new(
            INBOX_SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256
        ).hexdigest()
        headers = {
            "Content-Type": content_type,
            "X-KCC-Tijdstip": timestamp,
            "X-KCC-Handtekening": signature,
        }
        self.client.post(url, data=body, headers=headers, name=name)

    @task(3)
    def email(self):
        name_, address = rnd.choice(SENDERS)
        onderwerp, vraag, _antwoord = rnd.choice(QUESTIONS)
        message = EmailMessage()
        message["From"] = f"{name_} <{address}>"
        message["To"] = "info@voorbeeldstad.nl"
        message["Subject"] = onderwerp
        message["Message-ID"] = make_msgid(domain="example.nl")
        message["Date"] = formatdate(localtime=True)
        message.set_content(f"Beste gemeente,\n\n{vraag}\n\nMet vriendelijke groet,\n{name_}\n")
        self._post(
            "/api/v1/inbox/email/", message.as_bytes(), "message/rfc822", "api: inkomende e-mail"
        )

    @task(1)
    def sms(self):
        body = json.dumps(
            {"id": uuid.uuid4().hex, "van": "+31612345678", "tekst": "Is mijn paspoort klaar?"}
        ).encode()
        self._post("/api/v1/inbox/sms/", body, "application/json", "api: inkomende sms")


class Teamleider(Medewerker):
    """Looks at the dashboard and the wallboard now and then."""

    weight = 1
    wait_time = between(20 * THINK, 60 * THINK)
    username = "teamleider"
    lands_on = "/dashboard/"

    @task(3)
    def dashboard(self):
        self.client.get("/dashboard/", name="dashboard")

    @task(1)
    def wallboard(self):
        self.client.get("/dashboard/wallboard/", name="dashboard: wallboard")
