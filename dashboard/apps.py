from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = "Dashboard"

    def ready(self):
        from django.db.models.signals import post_save

        from dashboard import receivers
        from kanalen.models import Medewerkerstatus, Wachtrijgebeurtenis
        from kcc.links import link_registreren

        for model in (Wachtrijgebeurtenis, Medewerkerstatus):
            post_save.connect(
                receivers.wallboard_bijwerken,
                sender=model,
                dispatch_uid=f"dashboard.wallboard.{model.__name__}",
            )
        link_registreren("dashboard", "dashboard:index")
        # The queues now, for the workspace (counts only, no customer).
        link_registreren("wallboard", "dashboard:wallboard")
