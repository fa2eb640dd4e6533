"""Every measure of every unit in one place: coverage (schools), completeness,
activity and the evaluation score built from them with the target's weights.
The dashboard, the exports and the API all read `compute_measures`, so their
figures cannot differ."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from oversight.completeness import compute_completeness, with_home_path
from oversight.coverage import compute_coverage
from oversight.models import SchoolYearTarget
from pagemodels.models import ScheduleEntry
from units.models import Unit

MEASURE_LABELS = {
    "coverage": gettext_lazy("Ứng dụng CNTT"),
    "completeness": gettext_lazy("Đầy đủ thông tin"),
    "activity": gettext_lazy("Hoạt động"),
}


@dataclass
class Component:
    """One measure's part of the score: its weight, how far the unit got
    (0–1), and the points that gives out of 100."""

    key: str
    weight: int
    share: float  # percent of the applicable weights
    value: float  # 0..1
    detail: str

    @property
    def label(self):
        return MEASURE_LABELS[self.key]

    @property
    def points(self):
        return self.share * self.value

    @property
    def lost(self):
        return self.share - self.points


@dataclass
class UnitMeasures:
    unit: Unit
    target: SchoolYearTarget
    coverage: object  # UnitCoverage, or None for centres
    completeness: object  # Completeness
    activity: int
    components: list

    @property
    def score(self):
        return round(sum(component.points for component in self.components), 1)

    def next_steps(self, limit=8):
        steps = list(self.completeness.steps())
        if self.coverage is not None:
            if not self.coverage.tally.planned:
                steps.append(
                    _("Nhập phân phối chương trình năm học %s")
                    % self.target.school_year
                )
            steps.extend(self.coverage.next_steps())
        missing = self.target.activity_expected - self.activity
        if missing > 0:
            steps.append(
                _(
                    "Đăng mới hoặc cập nhật thêm %(missing)d trang (đã có %(done)d trong %(days)d ngày qua)"
                )
                % {
                    "missing": missing,
                    "done": self.activity,
                    "days": self.target.activity_days,
                }
            )
        return steps[:limit]  # fmt: skip

    def figures(self):
        """The flat figures of one unit, as exported and served by the API."""
        coverage = self.coverage
        row = {
            "unit": self.unit.key,
            "name": self.unit.name,
            "kind": self.unit.kind,
            "hostname": self.unit.hostname,
            "school_year": self.target.school_year,
            "score": self.score,
            "completeness_percent": round(self.completeness.percent, 1),
            "checks_passed": self.completeness.passed,
            "checks_total": len(self.completeness.checks),
            "activity": self.activity,
            "coverage_percent": None,
            "coverage_expected_percent": None,
            "coverage_applied": None,
            "coverage_planned": None,
            "coverage_status": None,
        }
        if coverage is not None:
            row.update(
                coverage_percent=round(coverage.percent, 1),
                coverage_expected_percent=round(coverage.expected_percent, 1),
                coverage_applied=coverage.applied,
                coverage_planned=coverage.tally.planned,
                coverage_status=coverage.status,
            )
        return row


def activity_counts(units, since, until):
    """{unit id: content pages published (first time or again) plus schedule
    entries dated in [since, until)}."""
    pages = (
        with_home_path(Page.objects.filter(live=True, depth__gte=4))
        .filter(last_published_at__gte=since, last_published_at__lt=until)
        .values("prefix")
        .annotate(count=Count("pk"))
    )
    entries = (
        with_home_path(ScheduleEntry.objects.filter(page__live=True), "page__path")
        .filter(date__gte=since.date(), date__lt=until.date())
        .values("prefix")
        .annotate(count=Count("pk"))
    )
    counts = defaultdict(int)
    for row in [*pages, *entries]:
        counts[row["prefix"]] += row["count"]
    return {unit.pk: counts[unit.root_page.path] for unit in units}


def _coverage_value(coverage):
    if not coverage.tally.planned:
        return 0.0
    expected = coverage.expected_percent
    return 1.0 if expected <= 0 else min(1.0, coverage.percent / expected)


def _components(target, coverage, completeness, activity):
    values = {
        "completeness": (completeness.percent / 100,
                         _("%(passed)d/%(total)d tiêu chí") % {"passed": completeness.passed, "total": len(completeness.checks)}),
        "activity": (min(1.0, activity / target.activity_expected),
                     _("%(done)d/%(expected)d lượt đăng trong %(days)d ngày") % {"done": activity, "expected": target.activity_expected, "days": target.activity_days}),
    }  # fmt: skip
    if coverage is not None:
        values["coverage"] = (
            _coverage_value(coverage),
            _("%(percent)s%% so với %(expected)s%% cần đạt đến nay")
            % {
                "percent": number_format(coverage.percent, 1),
                "expected": number_format(coverage.expected_percent, 1),
            },
        )
    weights = {key: w for key, w in target.weights().items() if key in values}
    total = sum(weights.values()) or 1
    return [
        Component(key, weight, 100 * weight / total, *values[key])
        for key, weight in weights.items()
    ]


def measured_units(queryset=None):
    """The units the office evaluates: its schools and centres, active."""
    queryset = Unit.objects.active() if queryset is None else queryset
    return (
        queryset.exclude(kind=Unit.Kind.AUTHORITY)
        .filter(root_page__isnull=False)
        .select_related("root_page")
    )


def compute_measures(school_year, units, as_of=None):
    """[UnitMeasures] for `units` (a list of units with their root pages)."""
    as_of = timezone.localdate() if as_of is None else as_of
    units = list(units)
    target = SchoolYearTarget.for_year(school_year)
    schools = [unit for unit in units if unit.kind == Unit.Kind.SCHOOL]
    coverage = compute_coverage(school_year, schools, as_of=as_of)
    completeness = compute_completeness(units, target, as_of)
    end_of_day = timezone.make_aware(
        datetime.datetime.combine(as_of + datetime.timedelta(days=1), datetime.time())
    )
    since = end_of_day - datetime.timedelta(days=target.activity_days)
    activity = activity_counts(units, since, end_of_day)
    result = []
    for unit in units:
        unit_coverage = coverage.get(unit.pk)
        result.append(
            UnitMeasures(
                unit, target, unit_coverage, completeness[unit.pk], activity[unit.pk],
                _components(target, unit_coverage, completeness[unit.pk], activity[unit.pk]),
            )
        )  # fmt: skip
    return result
