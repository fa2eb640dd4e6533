from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagemodelsConfig(AppConfig):
    name = "pagemodels"
    verbose_name = _("Kiểu trang")
