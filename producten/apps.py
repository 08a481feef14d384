from django.apps import AppConfig


class ProductenConfig(AppConfig):
    name = "producten"
    verbose_name = "Producten en kennisbank"
