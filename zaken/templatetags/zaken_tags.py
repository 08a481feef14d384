from django import template

from zaken.urls import zaak_url

register = template.Library()


@register.filter(name="zaak_url")
def zaak_url_filter(zaak_uuid) -> str:
    """``{{ zaak.uuid|zaak_url }}``: the case page (see zaken.urls.zaak_url)."""
    return zaak_url(zaak_uuid)
