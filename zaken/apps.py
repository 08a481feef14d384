from django.apps import AppConfig


class ZakenConfig(AppConfig):
    name = "zaken"
    verbose_name = "Zaken"

    def ready(self):
        from klanten.signals import klanten_samengevoegd
        from zaken import receivers

        klanten_samengevoegd.connect(
            receivers.klanten_samengevoegd, dispatch_uid="zaken.klanten_samengevoegd"
        )
