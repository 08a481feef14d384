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
