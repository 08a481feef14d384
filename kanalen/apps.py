from django.apps import AppConfig


class KanalenConfig(AppConfig):
    name = "kanalen"
    verbose_name = "Kanalen"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_logged_out
        from django.db.models.signals import post_save

        from kanalen import receivers
        from kanalen.berichten import selectors as bericht_selectors
        from kanalen.post.models import Inboxitem
        from kcc.links import link_registreren
        from kcc.secties import sectie_registreren
        from klanten.models import Contactverzoek
        from klanten.signals import klanten_samengevoegd
        from zaken.signals import zaak_gewijzigd

        zaak_gewijzigd.connect(receivers.zaak_gewijzigd, dispatch_uid="kanalen.zaak_gewijzigd")
        sectie_registreren("zaak", bericht_selectors.zaak_sectie)
        klanten_samengevoegd.connect(
            receivers.klanten_samengevoegd, dispatch_uid="kanalen.klanten_samengevoegd"
        )
        user_logged_out.connect(receivers.uitgelogd, dispatch_uid="kanalen.uitgelogd")
        user_logged_in.connect(receivers.ingelogd, dispatch_uid="kanalen.ingelogd")
        # The one inbox updates live for every kind of item in it.
        for model in (Inboxitem, Contactverzoek):
            uid = f"kanalen.inbox.{model.__name__}"
            post_save.connect(receivers.inbox_gewijzigd, sender=model, dispatch_uid=uid)
        # Screens of the front office that lower apps link to (kcc.links).
        link_registreren("home", "publiek:home")
        link_registreren("werkplek", "werkplek:index")
        link_registreren("portaal", "portaal:index")
        link_registreren("klantbeeld", "werkplek:klantbeeld")
        link_registreren("contactverzoeken", "werkplek:contactverzoeken")
        link_registreren("productinformatie", "werkplek:product")
        link_registreren("productpagina", "publiek:product")
