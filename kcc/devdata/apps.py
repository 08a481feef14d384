from django.apps import AppConfig


class DevdataConfig(AppConfig):
    name = "kcc.devdata"
    label = "devdata"
    verbose_name = "Demo- en schaaldata"
