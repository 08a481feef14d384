from django.contrib import admin

from dashboard.models import Kpidoel


@admin.register(Kpidoel)
class KpidoelAdmin(admin.ModelAdmin):
    list_display = ["code", "doel"]
    list_editable = ["doel"]
