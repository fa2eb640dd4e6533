import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelsearch import index
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable

from pagemodels.blocks import BodyBlock
from pagemodels.fields import attachments_field, image_field, school_year_field
from pagemodels.models.base import BasePage, SectionPage
from pagemodels.pagination import paginate


class IntroductionPage(SectionPage):
    """Giới thiệu: general introduction, functions and duties, organisation."""

    default_title = _("Giới thiệu")
    default_slug = "gioi-thieu"

    parent_page_types = ["home.CentreHomePage"]
    subpage_types = []

    general = StreamField(BodyBlock(), verbose_name=_("giới thiệu chung"), blank=True)
    functions = StreamField(
        BodyBlock(), verbose_name=_("chức năng, nhiệm vụ"), blank=True
    )
    organisation_chart = image_field(_("sơ đồ tổ chức"))

    content_panels = SectionPage.content_panels + [
        FieldPanel("general"),
        FieldPanel("functions"),
        FieldPanel("organisation_chart"),
        InlinePanel("members", heading=_("Cơ cấu tổ chức"), label=_("Thành viên")),
    ]
    search_fields = SectionPage.search_fields + [
        index.SearchField("general"),
        index.SearchField("functions"),
    ]

    class Meta:
        verbose_name = _("trang giới thiệu")
        verbose_name_plural = _("trang giới thiệu")


class OrganisationMember(Orderable):
    page = ParentalKey(
        IntroductionPage, on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("họ và tên"), max_length=100)
    role = models.CharField(
        _("chức vụ"), max_length=150, help_text=_("Ví dụ: Giám đốc trung tâm")
    )
    photo = image_field(_("ảnh"))
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]


def week_start(day):
    return day - datetime.timedelta(days=day.weekday())


class SchedulePage(RoutablePageMixin, SectionPage):
    """Lịch công tác: dated entries shown by week, with an iCal feed."""

    default_title = _("Lịch công tác")
    default_slug = "lich-cong-tac"

    parent_page_types = ["home.CentreHomePage", "home.SchoolHomePage"]
    subpage_types = []

    content_panels = SectionPage.content_panels + [
        InlinePanel("entries", heading=_("Lịch công tác"), label=_("Công việc")),
    ]

    class Meta:
        verbose_name = _("lịch công tác")
        verbose_name_plural = _("lịch công tác")

    def week_of(self, request):
        """The Monday of the requested week (?week=2026-W49), else this week."""
        value = request.GET.get("week", "")
        try:
            return datetime.datetime.strptime(value + "-1", "%G-W%V-%u").date()
        except ValueError:
            return week_start(datetime.date.today())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        monday = self.week_of(request)
        sunday = monday + datetime.timedelta(days=6)
        entries = self.entries.filter(date__range=(monday, sunday)).order_by(
            "date", "start_time"
        )
        context["days"] = [
            (
                monday + datetime.timedelta(days=offset),
                [e for e in entries if e.date == monday + datetime.timedelta(offset)],
            )
            for offset in range(7)
        ]
        context["monday"], context["sunday"] = monday, sunday
        context["previous_week"] = (monday - datetime.timedelta(days=7)).strftime(
            "%G-W%V"
        )
        context["next_week"] = (monday + datetime.timedelta(days=7)).strftime("%G-W%V")
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        from pagemodels.ical import schedule_calendar_response

        return schedule_calendar_response(self, request)


class ScheduleEntry(Orderable):
    page = ParentalKey(SchedulePage, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField(_("ngày"), db_index=True)
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    content = models.CharField(_("nội dung"), max_length=255)
    place = models.CharField(_("địa điểm"), max_length=150, blank=True)
    host = models.CharField(_("chủ trì"), max_length=150, blank=True)
    participants = models.CharField(_("thành phần"), max_length=255, blank=True)

    panels = [
        FieldPanel("date"),
        FieldPanel("start_time"),
        FieldPanel("end_time"),
        FieldPanel("content"),
        FieldPanel("place"),
        FieldPanel("host"),
        FieldPanel("participants"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("công việc")
        ordering = ["date", "start_time", "sort_order"]


class ProgrammeIndexPage(SectionPage):
    """Chương trình, kế hoạch: documents per school year."""

    default_title = _("Chương trình, kế hoạch")
    default_slug = "chuong-trinh-ke-hoach"

    parent_page_types = ["home.CentreHomePage"]
    subpage_types = ["pagemodels.ProgrammePage"]

    class Meta:
        verbose_name = _("trang chương trình, kế hoạch")
        verbose_name_plural = _("trang chương trình, kế hoạch")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programmes = ProgrammePage.objects.child_of(self).live().public()
        context["programmes"] = paginate(
            request, programmes.order_by("-school_year", "title")
        )
        return context


class ProgrammePage(BasePage):
    parent_page_types = ["pagemodels.ProgrammeIndexPage"]
    subpage_types = []

    school_year = school_year_field()
    summary = models.TextField(_("tóm tắt"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    attachments = attachments_field(_("tệp đính kèm"))

    content_panels = BasePage.content_panels + [
        FieldPanel("school_year"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("school_year"),
    ]

    class Meta:
        verbose_name = _("chương trình, kế hoạch")
        verbose_name_plural = _("chương trình, kế hoạch")
