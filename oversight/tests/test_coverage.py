"""Coverage on a hand-computed fixture: one school, one plan of 20 lessons
(lessons 1–10 of one period, 11–20 of two: 30 periods), the year starting on
Monday 7 September 2026 (defaults: 15% by week 18, 40% by week 35)."""

import datetime

import pytest
from django.utils import timezone

from curriculum.models import CurriculumPlan, PlannedLesson
from oversight.coverage import BEHIND, MISSED, NO_PLAN, ON_TRACK, compute_coverage
from oversight.models import CountBy, SchoolYearTarget
from pagemodels.factories import ResourcePageFactory
from pagemodels.models import ResourceIndexPage

pytestmark = pytest.mark.django_db
YEAR = "2026-2027"


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def school(network):
    school = network["school"]
    plan = CurriculumPlan.objects.create(
        unit=school, school_year=YEAR, grade=2, subject="Toán"
    )
    lessons = PlannedLesson.objects.bulk_create(
        PlannedLesson(plan=plan, week=n, title=f"Bài {n}", periods=1 if n <= 10 else 2)
        for n in range(1, 21)
    )
    index = ResourceIndexPage.objects.child_of(school.root_page).get()

    def resource(lesson, kind, day, live=True):
        ResourcePageFactory(
            parent=index, grade=2, subject="Toán", resource_type=kind,
            planned_lesson=lessons[lesson - 1], live=live,
            first_published_at=at(day) if live else None,
        )  # fmt: skip

    resource(1, "bai-giang-trinh-chieu", datetime.date(2026, 9, 15))  # week 2
    resource(1, "bai-giang-trinh-chieu", datetime.date(2026, 9, 8))  # week 1: earliest
    resource(2, "bai-giang-e-learning", datetime.date(2026, 10, 6))  # week 5
    resource(3, "phieu-hoc-tap", datetime.date(2026, 9, 22))  # not IT-based
    resource(11, "bai-giang-trinh-chieu", datetime.date(2027, 1, 20))  # week 20
    resource(12, "bai-giang-trinh-chieu", datetime.date(2026, 9, 9), live=False)
    return school


def coverage_of(school, day):
    return compute_coverage(YEAR, [school], as_of=day)[school.pk]


def test_default_target_and_weeks():
    target = SchoolYearTarget.for_year(YEAR)
    assert target.starts_on == datetime.date(2026, 9, 7)
    assert target.semester_one_ends_on == datetime.date(2027, 1, 10)
    assert target.year_ends_on == datetime.date(2027, 5, 9)
    assert target.week_of(datetime.date(2026, 9, 6)) == 0
    assert target.week_of(datetime.date(2026, 9, 13)) == 1
    assert target.week_of(datetime.date(2026, 9, 14)) == 2


def test_early_in_semester_one(school):
    coverage = coverage_of(school, datetime.date(2026, 10, 12))  # week 6
    assert coverage.week == 6
    assert (coverage.tally.planned, coverage.tally.applied(6)) == (20, 2)
    assert coverage.percent == 10.0
    assert coverage.status == ON_TRACK  # 10% ≥ 15% × 6/18
    assert coverage.next_steps() == [
        "Khối 2 – Toán: 2/20 bài, cần thêm 1 bài để đạt 15%"
    ]
    trend = coverage.trend()
    assert (trend[0], trend[3], trend[4], trend[19]) == (5.0, 5.0, 10.0, 15.0)


def test_semester_one_missed_then_behind(school):
    missed = coverage_of(school, datetime.date(2027, 1, 15))  # week 19
    assert (missed.percent, missed.status) == (10.0, MISSED)
    later = coverage_of(school, datetime.date(2027, 1, 25))  # week 21
    assert later.percent == 15.0
    assert later.status == BEHIND  # 15% < 15% + 25% × 3/17
    assert later.next_steps() == ["Khối 2 – Toán: 3/20 bài, cần thêm 5 bài để đạt 40%"]


def test_counted_by_periods(school):
    SchoolYearTarget.objects.create(
        school_year=YEAR, starts_on=datetime.date(2026, 9, 7), count_by=CountBy.PERIODS
    )
    coverage = coverage_of(school, datetime.date(2027, 1, 25))
    assert (coverage.tally.planned, coverage.tally.applied(coverage.week)) == (30, 4)
    assert coverage.next_steps() == [
        "Khối 2 – Toán: 4/30 tiết, cần thêm 8 tiết để đạt 40%"
    ]


def test_a_school_without_a_plan(network):
    coverage = coverage_of(network["other_school"], datetime.date(2026, 10, 12))
    assert coverage.status == NO_PLAN
    assert coverage.percent == 0.0


def test_the_units_admin_home_shows_its_coverage_and_next_steps(client, network):
    from django.contrib.auth import get_user_model

    from pagemodels.fields import current_school_year

    school = network["school"]
    plan = CurriculumPlan.objects.create(
        unit=school, school_year=current_school_year(), grade=3, subject="Toán"
    )
    PlannedLesson.objects.bulk_create(
        PlannedLesson(plan=plan, week=n, title=f"Bài {n}") for n in range(1, 11)
    )
    editor = get_user_model().objects.create_user("gv", password="pw")
    editor.groups.add(school.editors_group)
    client.force_login(editor)
    page = client.get("/admin/").content.decode()
    assert "Ứng dụng CNTT" in page
    assert school.name in page
    assert "Khối 3 – Toán: 0/10 bài, cần thêm" in page
    assert "<svg" in page
