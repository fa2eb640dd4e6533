"""Coverage of the curriculum distribution by IT-based lessons.

A planned lesson is IT-applied from the moment a live slide-lesson or
e-learning resource linked to it was first published. Coverage is applied
over planned, counted in lessons or in periods (the target's setting). All
figures for any number of schools come from two aggregate queries."""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Min, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from curriculum.models import LAST_WEEK, PlannedLesson
from oversight.models import CountBy, SchoolYearTarget
from pagemodels.choices import ResourceType
from pagemodels.models import ResourcePage

ON_TRACK, BEHIND, MISSED, NO_PLAN = "on_track", "behind", "missed", "no_plan"
STATUS_LABELS = {
    ON_TRACK: gettext_lazy("Đúng tiến độ"),
    BEHIND: gettext_lazy("Chậm tiến độ"),
    MISSED: gettext_lazy("Không đạt chỉ tiêu"),
    NO_PLAN: gettext_lazy("Chưa có phân phối chương trình"),
}


@dataclass
class Tally:
    """Planned and IT-applied amounts, the applied ones by school week."""

    planned: int = 0
    applied_by_week: list = field(default_factory=lambda: [0] * (LAST_WEEK + 1))

    def applied(self, week):
        """Applied by the end of `week` (0 = before the year starts)."""
        return sum(self.applied_by_week[: week + 1])

    def percent(self, week):
        return 100 * self.applied(week) / self.planned if self.planned else 0.0


def combined(tallies):
    """One tally adding up several (a network's schools)."""
    total = Tally()
    for tally in tallies:
        total.planned += tally.planned
        for week, amount in enumerate(tally.applied_by_week):
            total.applied_by_week[week] += amount
    return total


@dataclass
class PlanCoverage:
    grade: int
    subject: str
    tally: Tally = field(default_factory=Tally)


@dataclass
class UnitCoverage:
    unit_id: int
    target: SchoolYearTarget
    as_of: object  # a date
    week: int
    tally: Tally = field(default_factory=Tally)
    plans: dict = field(default_factory=dict)

    @property
    def percent(self):
        return self.tally.percent(self.week)

    @property
    def applied(self):
        return self.tally.applied(self.week)

    @property
    def unit_label(self):
        return self.target.unit_label

    def trend(self):
        """Coverage (%) at the end of every school week."""
        return [round(self.tally.percent(week), 1) for week in range(1, LAST_WEEK + 1)]

    def next_deadline(self):
        """(last week, percent) of the first deadline not yet passed (or the last)."""
        for last_week, percent in self.target.deadlines():
            if self.as_of <= self.target.week_end(last_week):
                return last_week, percent
        return self.target.deadlines()[-1]

    @property
    def expected_percent(self):
        return self.target.expected_percent(self.as_of)

    @property
    def status(self):
        """Missed: a passed deadline was not met and is still not met; else on
        track or behind against the expected (pro-rated) percent."""
        if not self.tally.planned:
            return NO_PLAN
        passed = [
            (last_week, percent)
            for last_week, percent in self.target.deadlines()
            if self.as_of > self.target.week_end(last_week)
        ]
        if passed:
            last_week, percent = passed[-1]
            if self.tally.percent(last_week) < percent and self.percent < percent:
                return MISSED
        return ON_TRACK if self.percent >= self.expected_percent else BEHIND

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    def next_steps(self, limit=5):
        """What each grade and subject still needs for the next deadline."""
        _last_week, percent = self.next_deadline()
        unit = self.unit_label
        steps = []
        for plan in self.plans.values():
            goal = math.ceil(plan.tally.planned * percent / 100)
            applied = plan.tally.applied(self.week)
            if applied < goal:
                steps.append((goal - applied, plan, applied))
        steps.sort(key=lambda step: (-step[0], step[1].grade, step[1].subject))
        return [
            _("Khối %(grade)d – %(subject)s: %(applied)d/%(planned)d %(unit)s, cần thêm %(missing)d %(unit)s để đạt %(percent)d%%")
            % {
                "grade": plan.grade, "subject": plan.subject, "applied": applied,
                "planned": plan.tally.planned, "unit": unit, "missing": missing,
                "percent": percent,
            }
            for missing, plan, applied in steps[:limit]
        ]  # fmt: skip


def _week_case(target):
    """The school week (0–35, as `week_of`) of the annotation `first`."""
    starts = [
        timezone.make_aware(
            datetime.datetime.combine(target.week_start(week), datetime.time())
        )
        for week in range(1, LAST_WEEK + 1)
    ]
    return Case(
        *[When(first__lt=start, then=Value(week)) for week, start in enumerate(starts)],
        default=Value(LAST_WEEK),
        output_field=IntegerField(),
    )


def compute_coverage(school_year, units, as_of=None):
    """{unit id: UnitCoverage} for `units` (schools) in `school_year`."""
    target = SchoolYearTarget.for_year(school_year)
    as_of = timezone.localdate() if as_of is None else as_of
    week = target.week_of(as_of)
    by_periods = target.count_by == CountBy.PERIODS
    unit_ids = [unit.pk for unit in units]
    result = {pk: UnitCoverage(pk, target, as_of, week) for pk in unit_ids}

    plans = (
        PlannedLesson.objects.filter(
            plan__school_year=school_year, plan__unit_id__in=unit_ids
        )
        .order_by()  # no ordering column in the GROUP BY
        .values("plan_id", "plan__unit_id", "plan__grade", "plan__subject")
        .annotate(lessons=Count("id"), periods=Sum("periods"))
    )
    plan_units = {}
    for row in plans:
        coverage = result[row["plan__unit_id"]]
        plan = PlanCoverage(row["plan__grade"], row["plan__subject"])
        plan.tally.planned = row["periods"] if by_periods else row["lessons"]
        coverage.plans[row["plan_id"]] = plan
        coverage.tally.planned += plan.tally.planned
        plan_units[row["plan_id"]] = coverage

    # One row per IT-applied lesson: its plan, its periods and the school
    # week of its first publication, computed by the database (a CASE over
    # the weeks' first instants) so no per-row date handling is left here.
    applied = (
        ResourcePage.objects.live()
        .filter(
            resource_type__in=ResourceType.it_applied(),
            planned_lesson__plan__school_year=school_year,
            planned_lesson__plan__unit_id__in=unit_ids,
            first_published_at__isnull=False,
        )
        .order_by()  # pages are ordered by path, which would split the groups
        .values(
            "planned_lesson_id", "planned_lesson__plan_id", "planned_lesson__periods"
        )
        .annotate(first=Min("first_published_at"))
        .annotate(week=_week_case(target))
        .values_list("planned_lesson__plan_id", "planned_lesson__periods", "week")
    )
    weeks = defaultdict(int)
    for plan_id, periods, published_week in applied:
        weeks[plan_id, published_week] += periods if by_periods else 1
    for (plan_id, published_week), amount in weeks.items():
        coverage = plan_units[plan_id]
        coverage.plans[plan_id].tally.applied_by_week[published_week] += amount
        coverage.tally.applied_by_week[published_week] += amount
    return result
