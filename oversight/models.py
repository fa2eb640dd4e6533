"""Targets per school year: IT-based lessons as a share of the curriculum
distribution, by the end of semester I and by the end of the year."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from curriculum.models import LAST_WEEK, SEMESTER_I_LAST_WEEK
from pagemodels.fields import school_year_field

OPENING_DAY = (9, 5)  # the school year opens on 5 September; week 1 starts
# on the first Monday from then on


class CountBy(models.TextChoices):
    LESSONS = "lessons", _("theo số bài")
    PERIODS = "periods", _("theo số tiết")


def _percent(label, default):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MaxValueValidator(100)]
    )


def _days(label, default):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MinValueValidator(1)]
    )


def _weight(label, default):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MaxValueValidator(100)]
    )


class SchoolYearTarget(models.Model):
    school_year = school_year_field(unique=True)
    starts_on = models.DateField(
        _("ngày bắt đầu tuần 1"),
        help_text=_("Thứ hai của tuần học đầu tiên."),
    )
    semester_one_percent = _percent(_("chỉ tiêu hết học kì I (%)"), 15)
    year_percent = _percent(_("chỉ tiêu cuối năm học (%)"), 40)
    count_by = models.CharField(
        _("cách tính"), max_length=10, choices=CountBy.choices, default=CountBy.LESSONS
    )
    # Completeness
    news_max_age_days = _days(_("tin mới nhất không cũ hơn (ngày)"), 30)
    # Evaluation: weights (any scale; shown as shares of their sum) and activity
    weight_coverage = _weight(_("trọng số ứng dụng CNTT"), 50)
    weight_completeness = _weight(_("trọng số đầy đủ thông tin"), 30)
    weight_activity = _weight(_("trọng số hoạt động"), 20)
    activity_days = _days(_("khoảng tính hoạt động (ngày)"), 30)
    activity_expected = models.PositiveSmallIntegerField(
        _("số lượt đăng mong đợi trong khoảng"),
        default=8,
        validators=[MinValueValidator(1)],
        help_text=_("Số trang đăng mới hoặc cập nhật để đạt trọn điểm hoạt động."),
    )

    class Meta:
        verbose_name = _("chỉ tiêu năm học")
        verbose_name_plural = _("chỉ tiêu năm học")
        ordering = ["-school_year"]
        permissions = [("view_all_units", _("Xem số liệu giám sát của mọi đơn vị"))]

    def __str__(self):
        return (
            f"{self.school_year}: {self.semester_one_percent}% / {self.year_percent}%"
        )

    @classmethod
    def for_year(cls, school_year):
        """The saved target of a school year, or the defaults (not saved)."""
        target = cls.objects.filter(school_year=school_year).first()
        if target is None:
            opening = datetime.date(int(school_year[:4]), *OPENING_DAY)
            monday = opening + datetime.timedelta(days=(7 - opening.weekday()) % 7)
            target = cls(school_year=school_year, starts_on=monday)
        return target

    def week_start(self, week):
        return self.starts_on + datetime.timedelta(weeks=week - 1)

    def week_end(self, week):
        return self.starts_on + datetime.timedelta(weeks=week, days=-1)

    def week_of(self, day):
        """The school week (1–35) that `day` falls in; 0 before the year starts."""
        if day < self.starts_on:
            return 0
        return min(LAST_WEEK, (day - self.starts_on).days // 7 + 1)

    @property
    def semester_one_ends_on(self):
        return self.week_end(SEMESTER_I_LAST_WEEK)

    @property
    def year_ends_on(self):
        return self.week_end(LAST_WEEK)

    def clean(self):
        super().clean()
        if self.semester_one_percent > self.year_percent:
            raise ValidationError(
                {
                    "year_percent": _(
                        "Chỉ tiêu cuối năm không được thấp hơn chỉ tiêu học kì I."
                    )
                }
            )
        if not (self.weight_coverage + self.weight_completeness + self.weight_activity):
            raise ValidationError(_("Cần ít nhất một trọng số lớn hơn 0."))

    @property
    def unit_label(self):
        return _("bài") if self.count_by == CountBy.LESSONS else _("tiết")

    def weights(self):
        """{measure: weight} as entered."""
        return {
            "coverage": self.weight_coverage,
            "completeness": self.weight_completeness,
            "activity": self.weight_activity,
        }

    def expected_percent(self, day):
        """The target pro-rated to `day`, from the last passed deadline (or 0%
        at the start) to the next one; the last deadline's once all passed."""
        start_week, start_percent = 0, 0
        for last_week, percent in self.deadlines():
            if day > self.week_end(last_week):
                start_week, start_percent = last_week, percent
                continue
            elapsed = max(0, self.week_of(day) - start_week) / (last_week - start_week)
            return start_percent + (percent - start_percent) * elapsed
        return start_percent

    def deadlines(self):
        """(last week, percent) of each deadline, in order."""
        return [
            (SEMESTER_I_LAST_WEEK, self.semester_one_percent),
            (LAST_WEEK, self.year_percent),
        ]
