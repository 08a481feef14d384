from django.apps import AppConfig


class KlantenConfig(AppConfig):
    name = "klanten"
    verbose_name = "Klanten"
