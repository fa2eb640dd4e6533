from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from pagemodels.blocks import BodyBlock
from pagemodels.choices import (
    Grade,
    Licence,
    ResourceType,
    TextbookSeries,
    subject_choices,
)
from pagemodels.fields import attachments_field, school_year_field
from pagemodels.models.base import BasePage, SectionPage

RESOURCE_FILTERS = ("subject", "grade", "resource_type", "series", "school_year")


class ResourceIndexPage(SectionPage):
    """Tài nguyên: a unit's teaching resources (shared into the authority's library)."""

    default_title = _("Tài nguyên")
    default_slug = "tai-nguyen"

    parent_page_types = ["home.SchoolHomePage", "home.CentreHomePage"]
    subpage_types = ["pagemodels.ResourcePage"]

    class Meta:
        verbose_name = _("trang tài nguyên")
        verbose_name_plural = _("trang tài nguyên")

    def get_context(self, request, *args, **kwargs):
        from search.query import FACETS, Scope
        from search.views import resource_search

        context = super().get_context(request, *args, **kwargs)
        unit = self.get_unit()
        scope = Scope(units=(unit.pk if unit else 0,), locale_id=self.locale_id)
        facets = [name for name in FACETS if name != "unit"]
        context.update(resource_search(request, scope, facets))
        return context


def lesson_mismatch(resource, lesson):
    """Why `lesson` cannot be linked from `resource`, or None."""
    plan = lesson.plan
    unit = resource.get_unit()
    if unit is None or plan.unit_id != unit.pk:
        return _("Chỉ được chọn bài học trong phân phối chương trình của trường mình.")
    if resource.grade != plan.grade or resource.subject != plan.subject:
        return _(
            "Bài học đã chọn thuộc lớp %(grade)s, môn %(subject)s: hãy chọn đúng "
            "khối lớp và môn học của tài nguyên."
        ) % {"grade": plan.grade, "subject": plan.subject}
    return None


class ResourcePageForm(WagtailAdminPageForm):
    """Offers only the planned lessons of the resource's own school, and of its
    grade and subject once they are saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("planned_lesson")
        if field is None:
            return
        from curriculum.models import PlannedLesson
        from units.models import Unit

        page = self.instance
        unit = Unit.for_page(page if page.pk else self.parent_page)
        lessons = PlannedLesson.objects.filter(plan__unit=unit).select_related("plan")
        if page.grade:
            lessons = lessons.filter(plan__grade=page.grade)
        if page.subject:
            lessons = lessons.filter(plan__subject=page.subject)
        field.queryset = lessons.order_by(
            "plan__grade", "plan__subject", "week", "sort_order"
        )


class ResourcePage(BasePage):
    parent_page_types = ["pagemodels.ResourceIndexPage"]
    subpage_types = []

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    summary = models.TextField(_("mô tả ngắn"), blank=True)
    subject = models.CharField(
        _("môn học"), max_length=60, blank=True, choices=subject_choices
    )
    grade = models.PositiveSmallIntegerField(
        _("khối lớp"), null=True, blank=True, choices=Grade.choices
    )
    series = models.CharField(
        _("bộ sách"), max_length=20, blank=True, choices=TextbookSeries.choices
    )
    resource_type = models.CharField(
        _("loại tài nguyên"), max_length=30, choices=ResourceType.choices
    )
    school_year = school_year_field(blank=True)
    author = models.CharField(_("tác giả"), max_length=150, blank=True)
    licence = models.CharField(
        _("giấy phép"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    files = attachments_field(_("tệp"))
    embed_url = models.URLField(
        _("đường dẫn nhúng"),
        blank=True,
        help_text=_("Video hoặc bài giảng e-learning trực tuyến (YouTube, ...)."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    planned_lesson = models.ForeignKey(
        "curriculum.PlannedLesson",
        verbose_name=_("bài học trong phân phối chương trình"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resources",
        help_text=_(
            "Bài học của trường, cùng khối lớp và môn học với tài nguyên. "
            "Bài giảng trình chiếu hoặc e-learning làm bài học này được tính "
            "là đã ứng dụng CNTT."
        ),
    )
    shared = models.BooleanField(
        _("chia sẻ vào thư viện chung"),
        default=True,
        help_text=_("Hiển thị trong thư viện tài nguyên dùng chung của phòng."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("subject"),
                FieldPanel("grade"),
                FieldPanel("series"),
                FieldPanel("school_year"),
                FieldPanel("planned_lesson"),
            ],
            heading=_("Phân loại"),
        ),
        FieldPanel("files"),
        FieldPanel("embed_url"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("licence"), FieldPanel("shared")],
            heading=_("Tác giả và giấy phép"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("author"),
        index.SearchField("body"),
        index.SearchField("classification"),
        index.AutocompleteField("title"),
        *[index.FilterField(name) for name in RESOURCE_FILTERS],
        index.FilterField("unit"),
        index.FilterField("shared"),
    ]

    class Meta:
        verbose_name = _("tài nguyên")
        verbose_name_plural = _("tài nguyên")

    base_form_class = ResourcePageForm

    def clean(self):
        super().clean()
        if not self.files and not self.embed_url:
            message = _("Hãy tải lên ít nhất một tệp hoặc nhập đường dẫn nhúng.")
            raise ValidationError({"files": message, "embed_url": message})
        if self.planned_lesson_id:
            problem = lesson_mismatch(self, self.planned_lesson)
            if problem:
                raise ValidationError({"planned_lesson": problem})

    def classification(self):
        """Its subject, grade, type and series as words, so that "toan lop 5"
        finds a grade 5 mathematics resource whatever its title says."""
        labels = [self.subject, self.get_resource_type_display()]
        if self.grade:
            labels.append(self.get_grade_display())
        if self.series:
            labels.append(self.get_series_display())
        return " ".join(str(label) for label in labels if label)

    def save(self, *args, **kwargs):
        unit = self.get_unit()
        self.unit_id = unit.pk if unit else None
        super().save(*args, **kwargs)
