import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock

from pagemodels.blocks import BodyBlock
from pagemodels.choices import NewsCategory
from pagemodels.fields import image_field
from pagemodels.models.base import BasePage, SectionPage
from pagemodels.pagination import paginate


class NewsIndexPage(RoutablePageMixin, SectionPage):
    """Tin tức: the news of a school (two categories) or of the authority."""

    default_title = _("Tin tức")
    default_slug = "tin-tuc"

    parent_page_types = ["home.SchoolHomePage", "home.PortalHomePage"]
    subpage_types = ["pagemodels.NewsPage"]

    class Meta:
        verbose_name = _("trang tin tức")
        verbose_name_plural = _("trang tin tức")

    def articles(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("cover_image")
            .order_by("-date", "-pk")
        )

    @path("rss/", name="rss")
    def rss(self, request):
        from pagemodels.feeds import NewsFeed

        return NewsFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        category = request.GET.get("category")
        if category in NewsCategory.values:
            articles = articles.filter(category=category)
        else:
            category = None
        context["categories"] = NewsCategory.choices
        context["current_category"] = category
        context["articles"] = paginate(request, articles)
        return context


class NewsPage(BasePage):
    parent_page_types = ["pagemodels.NewsIndexPage"]
    subpage_types = []

    date = models.DateField(_("ngày đăng"), default=datetime.date.today)
    category = models.CharField(
        _("chuyên mục"),
        max_length=20,
        choices=NewsCategory.choices,
        default=NewsCategory.ACTIVITY,
    )
    cover_image = image_field(_("ảnh đại diện"))
    summary = models.TextField(_("tóm tắt"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    gallery = StreamField(
        [("image", ImageBlock(label=_("Ảnh")))],
        verbose_name=_("bộ ảnh"),
        blank=True,
    )
    share_with_authority = models.BooleanField(
        _("gửi lên cổng thông tin của phòng"),
        default=False,
        help_text=_("Tin được hiển thị thêm ở mục tin các đơn vị trên cổng của phòng."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("cover_image")],
            heading=_("Thông tin bài viết"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("gallery"),
        FieldPanel("share_with_authority"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
