from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from pagemodels.blocks import BodyBlock
from pagemodels.models import BasePage


class HomePage(BasePage):
    """The home page (Trang nhất) of a site."""

    intro = models.TextField(_("lời giới thiệu"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")
