from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from pagemodels.blocks import BodyBlock
from pagemodels.models import (
    BasePage,
    DirectiveIndexPage,
    DisclosureIndexPage,
    IntroductionPage,
    LibraryPage,
    NewsIndexPage,
    NewsPage,
    ProgrammeIndexPage,
    ResourceIndexPage,
    SchedulePage,
    StandardPage,
    TraditionPage,
    UnitDirectoryPage,
)


class BaseHomePage(BasePage):
    """Trang nhất: highlights, latest news, links to every section, contact.
    Home pages are created by provisioning only (one per unit site)."""

    parent_page_types = ["wagtailcore.Page"]
    required_sections = ()

    intro = models.TextField(_("lời giới thiệu"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nổi bật"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def sections(self):
        return self.get_children().live().public().in_menu().specific()

    def latest_news(self, limit=5):
        return (
            NewsPage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("cover_image")
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news()
        return context


def child_types(required, optional=()):
    """A home page's children: its sections, optional ones, free pages."""
    return [*required, *optional, StandardPage]


class SchoolHomePage(BaseHomePage):
    template = "home/home_page.html"
    required_sections = (
        NewsIndexPage,
        DisclosureIndexPage,
        ResourceIndexPage,
        TraditionPage,
    )
    subpage_types = child_types(required_sections, (DirectiveIndexPage, SchedulePage))

    class Meta:
        verbose_name = _("trang chủ trường học")
        verbose_name_plural = _("trang chủ trường học")


class CentreHomePage(BaseHomePage):
    template = "home/home_page.html"
    required_sections = (
        IntroductionPage,
        SchedulePage,
        ProgrammeIndexPage,
        ResourceIndexPage,
        DirectiveIndexPage,
    )
    subpage_types = child_types(required_sections)

    class Meta:
        verbose_name = _("trang chủ trung tâm học tập cộng đồng")
        verbose_name_plural = _("trang chủ trung tâm học tập cộng đồng")


class PortalHomePage(BaseHomePage):
    template = "home/home_page.html"
    required_sections = (
        NewsIndexPage,
        DirectiveIndexPage,
        UnitDirectoryPage,
        LibraryPage,
    )
    subpage_types = child_types(required_sections)

    class Meta:
        verbose_name = _("trang chủ cổng thông tin của phòng")
        verbose_name_plural = _("trang chủ cổng thông tin của phòng")

    def unit_news(self, limit=5):
        """News that units chose to share with the authority's portal."""
        return (
            NewsPage.objects.live()
            .public()
            .filter(share_with_authority=True)
            .not_descendant_of(self)
            .select_related("cover_image")
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unit_news"] = self.unit_news()
        return context
