from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Kiểm duyệt")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from moderation import notifications

        notifications.connect()
