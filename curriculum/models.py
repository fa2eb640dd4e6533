"""Curriculum distribution (phân phối chương trình): per school, school year,
grade and subject, the planned lessons week by week."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from pagemodels.choices import Grade, subject_choices
from pagemodels.fields import school_year_field

SEMESTER_I_LAST_WEEK = 18
LAST_WEEK = 35


def semester_of(week):
    return 1 if week <= SEMESTER_I_LAST_WEEK else 2


class CurriculumPlan(ClusterableModel):
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("trường"),
        on_delete=models.CASCADE,
        related_name="curriculum_plans",
        limit_choices_to={"kind": "school"},
    )
    school_year = school_year_field()
    grade = models.PositiveSmallIntegerField(_("khối lớp"), choices=Grade.choices)
    subject = models.CharField(_("môn học"), max_length=60, choices=subject_choices)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("unit"),
        FieldPanel("school_year"),
        FieldPanel("grade"),
        FieldPanel("subject"),
        InlinePanel("lessons", heading=_("Các bài học"), label=_("Bài học")),
    ]

    class Meta:
        verbose_name = _("phân phối chương trình")
        verbose_name_plural = _("phân phối chương trình")
        ordering = ["unit", "school_year", "grade", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "school_year", "grade", "subject"],
                name="one_plan_per_school_year_grade_subject",
            )
        ]

    def __str__(self):
        return f"{self.unit} – {self.school_year} – Lớp {self.grade} – {self.subject}"


class PlannedLesson(Orderable):
    plan = ParentalKey(CurriculumPlan, on_delete=models.CASCADE, related_name="lessons")
    week = models.PositiveSmallIntegerField(
        _("tuần"), validators=[MinValueValidator(1), MaxValueValidator(LAST_WEEK)]
    )
    topic = models.CharField(_("chủ đề/mạch nội dung"), max_length=255, blank=True)
    title = models.CharField(_("tên bài học"), max_length=255)
    periods = models.PositiveSmallIntegerField(
        _("số tiết"), default=1, validators=[MinValueValidator(1)]
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    panels = [
        FieldPanel("week"),
        FieldPanel("topic"),
        FieldPanel("title"),
        FieldPanel("periods"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bài học")
        verbose_name_plural = _("bài học")
        indexes = [models.Index(fields=["plan", "week"])]

    def __str__(self):
        return f"Tuần {self.week}: {self.title} (Lớp {self.plan.grade}, {self.plan.subject})"

    @property
    def semester(self):
        return semester_of(self.week)
