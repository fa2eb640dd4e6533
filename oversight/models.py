"""Targets per school year: IT-based lessons as a share of the curriculum
distribution, by the end of semester I and by the end of the year."""

import datetime

from django.core.validators import MaxValueValidator
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

    class Meta:
        verbose_name = _("chỉ tiêu năm học")
        verbose_name_plural = _("chỉ tiêu năm học")
        ordering = ["-school_year"]

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

    def deadlines(self):
        """(last week, percent) of each deadline, in order."""
        return [
            (SEMESTER_I_LAST_WEEK, self.semester_one_percent),
            (LAST_WEEK, self.year_percent),
        ]
