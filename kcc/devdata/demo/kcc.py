"""Demo data for the core: afdelingen and a staff account for every role.

Loaded by ``manage.py demo_data``; safe to run again (it updates in place).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group

from kcc.models import Afdeling, User
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
    stdout.write(f"  {len(AFDELINGEN)} afdelingen, {len(MEDEWERKERS)} medewerkers")
