import factory
from django.contrib.auth.models import Group

from kcc.models import Afdeling, User
from klanten.models import Klant

WACHTWOORD = "correct-paard-batterij-niet"


class AfdelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afdeling
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"afdeling-{n}")
    naam = factory.Sequence(lambda n: f"Afdeling {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A staff member; give roles with UserFactory(rollen=[Rol.KLANTMANAGER])."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = "Mia"
    last_name = factory.Sequence(lambda n: f"Medewerker {n}")
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
            self.__dict__.pop("rollen", None)  # drop the cached property

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


class KlantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Klant

    soort = Klant.Soort.PERSOON
    bsn = factory.Iterator(["999993653", "999990019", "999991772", "999992570", "999995078"])
    voornamen = "Suzanne"
    geslachtsnaam = factory.Sequence(lambda n: f"Moulin{n}")
    straat = "Stationsstraat"
    huisnummer = "12"
    postcode = "1234AB"
    woonplaats = "Voorbeeldstad"
    email = "s.moulin@example.nl"


def maak_product(
    code="paspoort",
    naam="Paspoort aanvragen",
    *,
    publiceren=True,
    kanalen=None,
    afdeling_code="burgerzaken",
    **velden,
):
    """A product with a theme, channels and a status step, published by default."""
    from kcc.choices import KanaalSoort
    from producten import services
    from producten.models import Aanbieder, Product, ProductKanaal, Statusstap, Thema

    aanbieder, _ = Aanbieder.objects.get_or_create(
        code="gemeente", defaults={"naam": "Gemeente Voorbeeldstad", "soort": "gemeente"}
    )
    thema, _ = Thema.objects.get_or_create(slug="documenten", defaults={"naam": "Documenten"})
    defaults = {
        "samenvatting": f"{naam} bij de gemeente.",
        "omschrijving": "Een paspoort is een reisdocument.",
        "voorwaarden": "U staat ingeschreven in de gemeente\nU komt zelf naar de balie",
        "meenemen": "Een pasfoto",
        "servicenorm_aantal": 5,
        "servicenorm_eenheid": "werkdagen",
        "afdeling": AfdelingFactory(code=afdeling_code, naam=afdeling_code.title()),
    }
    defaults["aanbieder"] = aanbieder
    product = Product.objects.create(code=code, naam=naam, **{**defaults, **velden})
    product.themas.add(thema)
    for kanaal, aanvragen, kosten in (
        kanalen
        if kanalen is not None
        else [
            (KanaalSoort.BALIE, True, "84.40"),
            (KanaalSoort.INTERNET, False, None),
            (KanaalSoort.TELEFOON, False, None),
        ]
    ):
        ProductKanaal.objects.create(
            product=product, kanaal=kanaal, aanvragen=aanvragen, kosten=kosten
        )
    Statusstap.objects.create(
        product=product,
        volgorde=1,
        fase="in_behandeling",
        naam="Ligt klaar",
        burgertekst="Uw paspoort ligt klaar.",
        klant_informeren=True,
    )
    if publiceren:
        product = services.product_publiceren(product=product)
    return product


def maak_kennisitem(vraag, antwoord, *, trefwoorden="", producten=(), publiceren=True):
    from producten import services
    from producten.models import KennisItem

    item = KennisItem.objects.create(vraag=vraag, antwoord=antwoord, trefwoorden=trefwoorden)
    item.producten.set(producten)
    if publiceren:
        item = services.kennisitem_publiceren(item=item)
    return item


def concept_maken(client, code: str, antwoorden: dict | None = None) -> str:
    """A citizen opens a product's form and saves it (that makes the draft):
    the draft's address."""
    from kanalen.models import Aanvraag

    client.post(f"/pip/aanvragen/nieuw/{code}/", {**(antwoorden or {}), "actie": "bewaren"})
    aanvraag = Aanvraag.objects.filter(product__code=code, zaak__isnull=True).latest(
        "aangemaakt_op"
    )
    return f"/pip/aanvragen/{aanvraag.uuid}/"


def app_code(user: User) -> str:
    """The code the member of staff's authenticator app shows now (the app is
    linked first when it was not). Each call may be used once: the device
    forgets the last code it took, as a new half minute would."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    device.last_t = -1
    device.save(update_fields=["last_t"])
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


def medewerker_inloggen(client, username: str, password: str, **extra):
    """Log in at the staff login with the password and, when it asks for one,
    the code from the app; returns the last answer."""
    antwoord = client.post("/kcc/inloggen/", {"username": username, "password": password}, **extra)
    if antwoord.status_code == 302 and antwoord["Location"] == "/kcc/inloggen/code/":
        user = User.objects.get(username=username.strip().lower())
        antwoord = client.post("/kcc/inloggen/code/", {"code": app_code(user)}, **extra)
    return antwoord


def medewerker_inloggen_in_browser(page, url: str, user: User, password: str) -> None:
    """The same in a browser page (the app already linked), ending in the
    area the login leads to."""
    app_code(user)
    page.goto(f"{url}/kcc/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda adres: "/kcc/inloggen/" not in adres or "/code/" in adres)
    if "/kcc/inloggen/code/" in page.url:
        page.get_by_label("Code").fill(app_code(user))
        page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda adres: "/inloggen/" not in adres)


def _pdf_maken() -> bytes:
    """A real PDF of one blank page: uploads are parsed, so a few bytes that
    start with %PDF- are no longer taken for one."""
    import io

    from pypdf import PdfWriter

    schrijver = PdfWriter()
    schrijver.add_blank_page(width=595, height=842)
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


PDF = _pdf_maken()
