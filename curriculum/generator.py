"""Demo curriculum distributions: the national periods per subject and grade
(GDPT 2018, pagemodels/data/curriculum-periods-gdpt2018.csv) spread evenly
over the 35 weeks of a school year."""

import csv
from functools import cache

from django.db import transaction

from curriculum.models import LAST_WEEK, CurriculumPlan, PlannedLesson
from pagemodels.choices import CURRICULUM_FILE

LESSONS_PER_TOPIC = 8


@cache
def national_periods():
    """{grade: [(subject, periods per year), ...]}"""
    periods = {}
    with open(CURRICULUM_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            periods.setdefault(int(row["grade"]), []).append(
                (row["subject"], int(row["periods_per_year"]))
            )
    return periods


def periods_per_lesson(periods_per_year):
    """Long subjects group periods into lessons (Tiếng Việt 420 → 3 per lesson)."""
    if periods_per_year <= 70:
        return 1
    if periods_per_year <= 175:
        return 2
    return 3


def planned_lessons(subject, grade, periods_per_year):
    """(week, topic, title, periods) for every lesson of the year."""
    size = periods_per_lesson(periods_per_year)
    count = -(-periods_per_year // size)
    for index in range(count):
        periods = min(size, periods_per_year - index * size)
        yield (
            1 + index * LAST_WEEK // count,
            f"Chủ đề {1 + index // LESSONS_PER_TOPIC}",
            f"{subject} {grade} – Bài {index + 1}",
            periods,
        )


def generate_plans(unit, school_year):
    """Create the missing plans of a school for a school year; keep existing ones."""
    created = 0
    with transaction.atomic():
        for grade in unit.grades:
            for subject, periods_per_year in national_periods().get(grade, []):
                plan, is_new = CurriculumPlan.objects.get_or_create(
                    unit=unit, school_year=school_year, grade=grade, subject=subject
                )
                if not is_new and plan.lessons.exists():
                    continue
                PlannedLesson.objects.bulk_create(
                    PlannedLesson(
                        plan=plan, week=week, topic=topic, title=title,
                        periods=periods, sort_order=order,
                    )
                    for order, (week, topic, title, periods) in enumerate(
                        planned_lessons(subject, grade, periods_per_year)
                    )
                )  # fmt: skip
                created += 1
    return created
