"""Demo data for the core: afdelingen and a staff account for every role.

Loaded by ``manage.py demo_data``; safe to run again (it updates in place).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group

from kcc.koppelingen.models import token_hash
from kcc.models import Afdeling, Applicatie, Autorisatie, User
from kcc.roles import Rol

AFDELINGEN = [
    ("kcc", "Klant Contact Centrum", "kcc@voorbeeldstad.nl"),
    ("burgerzaken", "Burgerzaken", "burgerzaken@voorbeeldstad.nl"),
    ("vergunningen", "Vergunningen, Toezicht en Handhaving", "vth@voorbeeldstad.nl"),
    ("belastingen", "Belastingen", "belastingen@voorbeeldstad.nl"),
    ("werk-inkomen", "Werk en Inkomen", "werkeninkomen@voorbeeldstad.nl"),
    ("openbare-ruimte", "Openbare Ruimte", "openbareruimte@voorbeeldstad.nl"),
]

# username, first name, last name, roles, afdelingen
MEDEWERKERS = [
    ("klantmanager", "Kim", "de Vries", [Rol.KLANTMANAGER], ["kcc"]),
    ("klantmanager2", "Mohamed", "El Amrani", [Rol.KLANTMANAGER], ["kcc"]),
    ("behandelaar", "Bas", "Jansen", [Rol.BEHANDELAAR], ["burgerzaken"]),
    ("behandelaar-vth", "Fatma", "Yilmaz", [Rol.BEHANDELAAR], ["vergunningen"]),
    ("teamleider", "Tara", "Bakker", [Rol.TEAMLEIDER], ["kcc"]),
    ("beheerder", "Ben", "Visser", [Rol.BEHEERDER], []),
]


# The systems that use the standard APIs in the demo (README, "Koppelingen"):
# client_id, label, secret for their JWT, what they read, up to which confidentiality.
APPLICATIES = [
    (
        "open-inwoner",
        "Open Inwoner",
        "demo-open-inwoner-geheim-voor-de-jwt-0001",
        ["zaken", "catalogi", "documenten", "klantinteracties"],
        "zaakvertrouwelijk",
        "demo-open-inwoner-token-klantinteracties-01",
    ),
    (
        "kiss",
        "KISS",
        "demo-kiss-geheim-voor-de-jwt-000000000002",
        ["zaken", "catalogi", "documenten", "klantinteracties"],
        "vertrouwelijk",
        "demo-kiss-token-voor-klantinteracties-0002",
    ),
]


def applicaties_laden() -> None:
    for client_id, label, secret, components, maximum, token in APPLICATIES:
        applicatie, _ = Applicatie.objects.update_or_create(
            client_id=client_id,
            defaults={
                "label": label,
                "secret": secret,
                "token_hash": token_hash(token),
                "actief": True,
            },
        )
        applicatie.autorisaties.all().delete()
        Autorisatie.objects.bulk_create(
            Autorisatie(
                applicatie=applicatie,
                component=component,
                scopes=[f"{component}.lezen"],
                max_vertrouwelijkheid=maximum,
            )
            for component in components
        )


def laden(stdout) -> None:
    afdelingen = {}
    for code, naam, email in AFDELINGEN:
        afdelingen[code], _ = Afdeling.objects.update_or_create(
            code=code, defaults={"naam": naam, "email": email, "actief": True}
        )
    password = settings.DEMO_PASSWORD
    groups = {group.name: group for group in Group.objects.filter(name__in=Rol.values)}
    for username, voornaam, achternaam, rollen, codes in MEDEWERKERS:
        user, created = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": voornaam,
                "last_name": achternaam,
                "email": f"{username}@voorbeeldstad.nl",
                "is_active": True,
            },
        )
        if created or not user.has_usable_password():
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.set([groups[rol] for rol in rollen])
        user.afdelingen.set([afdelingen[code] for code in codes])
    applicaties_laden()
    stdout.write(
        f"  {len(AFDELINGEN)} afdelingen, {len(MEDEWERKERS)} medewerkers, "
        f"{len(APPLICATIES)} applicaties"
    )
