"""Time to compute every oversight measure for a 200-unit network with a
whole school year (35 weeks) of data.

    python -m benchmarks.oversight [--database sqlite|postgresql] [--units 200]

A fresh database gets the generated registry of benchmarks/provisioning.py
(schools and centres), the GDPT 2018 curriculum of every school, IT-based
lessons linked to it over the 35 weeks (each school at its own pace, about
a third of its lessons), news, disclosure items and schedules. The figure is
`compute_measures` for every unit on the last day of the year, as the
dashboard, the exports and the API call it: median and worst of 7 runs, with
one unit's time in the same run as the baseline.
"""

import datetime
import random
import statistics
import time

from benchmarks.harness import entry, fresh_database, run_measure
from benchmarks.provisioning import generated_registry

YEAR = "2026-2027"
RUNS = 7


def timed(function, runs=RUNS):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def build(registry):
    """Provision the network and fill a school year of data (no search index)."""
    from django.core.management import call_command
    from django.utils import timezone

    from curriculum.generator import generate_plans
    from curriculum.models import PlannedLesson
    from oversight.models import SchoolYearTarget
    from pagemodels.bulk import add_children
    from pagemodels.choices import DisclosureCategory
    from pagemodels.models import (
        DisclosureIndexPage,
        DisclosureItemPage,
        DisclosureYearPage,
        NewsIndexPage,
        NewsPage,
        ResourceIndexPage,
        ResourcePage,
        ScheduleEntry,
        SchedulePage,
    )  # fmt: skip
    from units.models import Unit
    from units.provisioning import provision_units
    from units.registry import read_registry

    call_command("migrate", verbosity=0)
    provision_units(read_registry(registry))
    target = SchoolYearTarget.for_year(YEAR)
    rng = random.Random(YEAR)  # noqa: S311 (generated data)

    def moment(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))

    counts = {"lessons": 0, "resources": 0}
    for unit in (
        Unit.objects.active()
        .exclude(kind=Unit.Kind.AUTHORITY)
        .select_related("root_page")
    ):
        home = unit.root_page
        if unit.kind == Unit.Kind.SCHOOL:
            generate_plans(unit, YEAR)
            lessons = list(
                PlannedLesson.objects.filter(plan__unit=unit).select_related("plan")
            )
            pace = rng.uniform(0.15, 0.55)
            chosen = [lesson for lesson in lessons if rng.random() < pace]
            counts["lessons"] += len(lessons)
            counts["resources"] += len(chosen)
            add_children(
                ResourceIndexPage.objects.child_of(home).get(),
                [
                    ResourcePage(
                        title=f"Bài giảng {lesson.title}",
                        slug=f"bai-giang-{lesson.pk}",
                        unit=unit,
                        subject=lesson.plan.subject,
                        grade=lesson.plan.grade,
                        resource_type="bai-giang-trinh-chieu",
                        school_year=YEAR,
                        embed_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                        planned_lesson=lesson,
                        first_published_at=moment(target.week_end(lesson.week)),
                        last_published_at=moment(target.week_end(lesson.week)),
                    )
                    for lesson in chosen
                ],
                validate=False,
                index=False,
            )
            news_days = [
                target.starts_on + datetime.timedelta(days=7 * w)
                for w in range(0, 35, 3)
            ]
            add_children(
                NewsIndexPage.objects.child_of(home).get(),
                [
                    NewsPage(
                        title=f"Tin tuần {n}",
                        slug=f"tin-{n}",
                        date=day,
                        first_published_at=moment(day),
                        last_published_at=moment(day),
                    )
                    for n, day in enumerate(news_days)
                ],
                validate=False,
                index=False,
            )
            year_page = add_children(
                DisclosureIndexPage.objects.child_of(home).get(),
                [
                    DisclosureYearPage(
                        title="Năm học 2025-2026",
                        slug="2025-2026",
                        school_year="2025-2026",
                        first_published_at=moment(datetime.date(2026, 6, 20)),
                    )
                ],
                validate=False,
                index=False,
            )[0]
            add_children(
                year_page,
                [
                    DisclosureItemPage(
                        title=c.label,
                        slug=c.value,
                        category=c,
                        first_published_at=moment(
                            datetime.date(2026, rng.choice([6, 7]), 20)
                        ),
                    )
                    for c in DisclosureCategory
                ],
                validate=False,
                index=False,
            )
        else:
            schedule = SchedulePage.objects.child_of(home).get()
            ScheduleEntry.objects.bulk_create(
                ScheduleEntry(
                    page=schedule,
                    content="Sinh hoạt chuyên đề",
                    date=target.starts_on + datetime.timedelta(days=d),
                )
                for d in range(0, 245, 3)
            )
    return counts  # fmt: skip


def measure(registry):
    import django

    django.setup()
    from oversight.completeness import compute_completeness
    from oversight.coverage import compute_coverage
    from oversight.measures import compute_measures, measured_units
    from oversight.models import SchoolYearTarget

    started = time.perf_counter()
    counts = build(registry)
    built = time.perf_counter() - started
    target = SchoolYearTarget.for_year(YEAR)
    as_of = target.year_ends_on
    units = list(measured_units())
    schools = [unit for unit in units if unit.kind == "school"]
    one = [schools[0]]
    results = {
        "all measures, 1 unit (baseline)": timed(lambda: compute_measures(YEAR, one, as_of)),
        f"all measures, {len(units)} units": timed(lambda: compute_measures(YEAR, units, as_of)),
        f"coverage only, {len(schools)} schools": timed(lambda: compute_coverage(YEAR, schools, as_of)),
        f"completeness only, {len(units)} units": timed(lambda: compute_completeness(units, target, as_of)),
    }  # fmt: skip
    print(f"built in {built:.0f} s: {len(units)} units, {len(schools)} schools, "
          f"{counts['lessons']} planned lessons, {counts['resources']} IT-based lessons")  # fmt: skip
    baseline = results["all measures, 1 unit (baseline)"][0]
    for label, (median, worst) in results.items():
        print(f"{label}: median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms "
              f"({median / baseline:.1f}× one unit)")  # fmt: skip


def drive(args, workdir, server):
    registry = workdir / "units.csv"
    generated_registry(registry, args.units)
    database = fresh_database(args.database, workdir, server, "oversight")
    run_measure("benchmarks.oversight", database, registry)


if __name__ == "__main__":
    entry(measure, drive)
