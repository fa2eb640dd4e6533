from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from pagemodels.blocks import BodyBlock
from search.index import FoldedIndexed

HOME_PAGE_TYPES = ["home.SchoolHomePage", "home.CentreHomePage", "home.PortalHomePage"]


class BasePage(FoldedIndexed, Page):
    """Every page of the project: searchable without diacritics."""

    class Meta:
        abstract = True

    def get_unit(self):
        from units.models import Unit

        return Unit.for_page(self)


class SectionPage(BasePage):
    """A required section of a unit's site: one per site, created by
    provisioning, never deleted, moved or copied by editors."""

    is_required_section = True
    max_count_per_parent = 1

    intro = models.TextField(_("lời giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


class StandardPage(BasePage):
    """A free-form page: an introduction and a body of blocks."""

    parent_page_types = [*HOME_PAGE_TYPES, "pagemodels.StandardPage"]

    summary = models.TextField(_("tóm tắt"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("trang nội dung")
        verbose_name_plural = _("trang nội dung")
