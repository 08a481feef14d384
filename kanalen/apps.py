from django.apps import AppConfig


class KanalenConfig(AppConfig):
    name = "kanalen"
    verbose_name = "Kanalen"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from kanalen import receivers
        from kcc.links import link_registreren
        from klanten.signals import klanten_samengevoegd
        from zaken.signals import zaak_gewijzigd

        zaak_gewijzigd.connect(receivers.zaak_gewijzigd, dispatch_uid="kanalen.zaak_gewijzigd")
        klanten_samengevoegd.connect(
            receivers.klanten_samengevoegd, dispatch_uid="kanalen.klanten_samengevoegd"
        )
        user_logged_out.connect(receivers.uitgelogd, dispatch_uid="kanalen.uitgelogd")
        user_logged_in.connect(receivers.ingelogd, dispatch_uid="kanalen.ingelogd")
        # Screens of the front office that lower apps link to (kcc.links).
        link_registreren("home", "publiek:home")
        link_registreren("werkplek", "werkplek:index")
        link_registreren("portaal", "portaal:index")
        link_registreren("klantbeeld", "werkplek:klantbeeld")
        link_registreren("contactverzoeken", "werkplek:contactverzoeken")
        link_registreren("productinformatie", "werkplek:product")
