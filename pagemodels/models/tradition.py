from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from pagemodels.blocks import BodyBlock
from pagemodels.choices import AchievementLevel, Grade
from pagemodels.fields import image_field, school_year_field
from pagemodels.models.base import BasePage, SectionPage


class TraditionPage(SectionPage):
    """Truyền thống và phát triển: history, pupils by year, the golden book."""

    default_title = _("Truyền thống và phát triển")
    default_slug = "truyen-thong"

    parent_page_types = ["home.SchoolHomePage"]
    subpage_types = ["pagemodels.PupilYearPage", "pagemodels.GoldenBookPage"]

    history = StreamField(BodyBlock(), verbose_name=_("lịch sử"), blank=True)

    content_panels = SectionPage.content_panels + [FieldPanel("history")]

    class Meta:
        verbose_name = _("trang truyền thống")
        verbose_name_plural = _("trang truyền thống")

    def golden_book(self):
        return GoldenBookPage.objects.child_of(self).live().public().first()

    def pupil_years(self):
        return (
            PupilYearPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-school_year")
        )


class PupilYearPage(BasePage):
    """Pupils of one school year: counts by grade and class. Names appear
    only for classes whose parents' consent is recorded (pupils are minors)."""

    parent_page_types = ["pagemodels.TraditionPage"]
    subpage_types = []

    school_year = school_year_field()

    content_panels = BasePage.content_panels + [
        FieldPanel("school_year"),
        InlinePanel("classes", heading=_("Các lớp"), label=_("Lớp")),
    ]

    class Meta:
        verbose_name = _("học sinh năm học")
        verbose_name_plural = _("học sinh các năm học")

    def total_pupils(self):
        return self.classes.aggregate(total=models.Sum("pupils"))["total"] or 0


class ClassCount(Orderable):
    page = ParentalKey(PupilYearPage, on_delete=models.CASCADE, related_name="classes")
    grade = models.PositiveSmallIntegerField(_("khối"), choices=Grade.choices)
    class_name = models.CharField(_("lớp"), max_length=20, help_text=_("Ví dụ: 6A"))
    pupils = models.PositiveSmallIntegerField(_("sĩ số"))
    girls = models.PositiveSmallIntegerField(_("học sinh nữ"), null=True, blank=True)
    names = models.TextField(
        _("danh sách học sinh"), blank=True, help_text=_("Mỗi dòng một tên.")
    )
    names_consent = models.BooleanField(
        _("đã có đồng ý của cha mẹ học sinh để công bố tên"), default=False
    )

    panels = [
        FieldPanel("grade"),
        FieldPanel("class_name"),
        FieldPanel("pupils"),
        FieldPanel("girls"),
        FieldPanel("names"),
        FieldPanel("names_consent"),
    ]

    def clean(self):
        super().clean()
        if self.names.strip() and not self.names_consent:
            raise ValidationError(
                {
                    "names_consent": _(
                        "Chỉ được nhập tên học sinh khi đã có sự đồng ý của cha mẹ."
                    )
                }
            )

    def public_names(self):
        if not self.names_consent:
            return []
        return [name.strip() for name in self.names.splitlines() if name.strip()]


class GoldenBookPage(BasePage):
    """Sổ vàng: outstanding pupils of the school over the years."""

    parent_page_types = ["pagemodels.TraditionPage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = models.TextField(_("lời giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("entries", heading=_("Học sinh tiêu biểu"), label=_("Học sinh")),
    ]

    class Meta:
        verbose_name = _("sổ vàng")
        verbose_name_plural = _("sổ vàng")


class GoldenBookEntry(Orderable):
    page = ParentalKey(GoldenBookPage, on_delete=models.CASCADE, related_name="entries")
    pupil_name = models.CharField(_("họ và tên"), max_length=100)
    school_year = school_year_field()
    class_name = models.CharField(_("lớp"), max_length=20)
    achievement = models.CharField(_("thành tích"), max_length=255)
    level = models.CharField(_("cấp"), max_length=20, choices=AchievementLevel.choices)
    photo = image_field(_("ảnh"))
    photo_consent = models.BooleanField(
        _("đã có đồng ý của cha mẹ học sinh để đăng ảnh"), default=False
    )

    panels = [
        FieldPanel("pupil_name"),
        FieldPanel("school_year"),
        FieldPanel("class_name"),
        FieldPanel("achievement"),
        FieldPanel("level"),
        FieldPanel("photo"),
        FieldPanel("photo_consent"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("học sinh tiêu biểu")

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_consent:
            raise ValidationError(
                {
                    "photo_consent": _(
                        "Chỉ được đăng ảnh học sinh khi đã có sự đồng ý của cha mẹ."
                    )
                }
            )

    def public_photo(self):
        return self.photo if self.photo_consent else None
