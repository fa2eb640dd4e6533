"""Varied, believable progress for the demo network, from demo/progress.csv:
IT-based lessons linked to the curriculum at each school's pace, news of
different ages, disclosure on time, late, missing or with a change left
unpublished, contacts left empty, centre schedules behind. Applied to the
units whose content was loaded by the same run (so a second run adds nothing)."""

import csv
import datetime
import random
from functools import cached_property

from django.utils import timezone
from wagtail.models import Page, Revision

from curriculum.models import PlannedLesson
from home.demo import DEMO_DIR, UnitContent
from oversight.measures import measured_units
from oversight.models import SchoolYearTarget
from pagemodels.bulk import add_children
from pagemodels.choices import DisclosureCategory, ResourceType, TextbookSeries
from pagemodels.fields import current_school_year
from pagemodels.models import (
    DisclosureItemPage,
    NewsPage,
    ResourceIndexPage,
    ResourcePage,
    SchedulePage,
)
from pagemodels.models.disclosure import disclosure_due_date, review_year

PROGRESS_FILE = DEMO_DIR / "progress.csv"
ON_TIME_DAYS_BEFORE_DUE, LATE_DAYS_AFTER_DUE = 10, 15


def at(day, hour=8):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def set_published(queryset, moment):
    queryset.update(
        first_published_at=moment,
        last_published_at=moment,
        latest_revision_created_at=moment,
    )


class Progress:
    def __init__(self, unit, row, config, today):
        self.unit = unit
        self.row = row
        self.config = config
        self.today = today
        self.now = timezone.now()
        self.home = unit.root_page.specific
        self.rng = random.Random(unit.key)  # noqa: S311 (demo data)
        self.target = SchoolYearTarget.for_year(current_school_year(today))

    def content(self):
        return Page.objects.descendant_of(self.home).filter(depth__gte=4)

    def apply(self):
        opening = min(at(self.target.starts_on), self.now)
        set_published(self.content(), opening)
        if self.row["contacts"] == "no":
            self.home.phone = self.home.email = ""
            self.home.save_revision(log_action=False).publish()
        if self.row["pace"]:
            self.news(int(self.row["news_age_days"]))
            self.disclosure(self.row["disclosure"])
            self.it_lessons(float(self.row["pace"]))
        if self.row["schedule_weeks_behind"]:
            self.schedule(int(self.row["schedule_weeks_behind"]))

    def news(self, age_days):
        pages = list(NewsPage.objects.descendant_of(self.home).order_by("-date"))
        if not pages:
            return
        shift = self.today - datetime.timedelta(days=age_days) - pages[0].date
        for page in pages:
            page.date += shift
            page.save_revision(log_action=False).publish()
            set_published(NewsPage.objects.filter(pk=page.pk), at(page.date, 16))

    def disclosure(self, state):
        year = review_year(self.today)
        due = disclosure_due_date(year)
        items = DisclosureItemPage.objects.descendant_of(self.home)
        days = LATE_DAYS_AFTER_DUE if state == "late" else -ON_TIME_DAYS_BEFORE_DUE
        set_published(items, at(due + datetime.timedelta(days=days)))
        if state == "missing":
            page = items.filter(category=DisclosureCategory.FACILITIES).first()
            if page:
                page.unpublish(log_action=False)
        if state == "draft":
            page = items.filter(category=DisclosureCategory.STAFF).first()
            if page:
                page.summary += " Cập nhật: bổ sung 2 giáo viên hợp đồng."
                revision = page.save_revision(log_action=False)
                Revision.objects.filter(pk=revision.pk).update(
                    created_at=self.now - datetime.timedelta(days=21)
                )

    def it_lessons(self, pace):
        coverage_goal = pace * self.target.expected_percent(self.today) / 100
        lessons = list(
            PlannedLesson.objects.filter(
                plan__unit=self.unit,
                plan__school_year=self.target.school_year,
            ).select_related("plan")
        )
        count = round(coverage_goal * len(lessons))
        taught = [
            lesson
            for lesson in lessons
            if lesson.week <= self.target.week_of(self.today)
        ]
        factor = {lesson.plan_id: self.rng.uniform(0.2, 2.0) for lesson in lessons}
        taught.sort(key=lambda lesson: self.rng.random() / factor[lesson.plan_id])
        chosen = sorted(taught[:count], key=lambda lesson: (lesson.week, lesson.pk))
        index = ResourceIndexPage.objects.child_of(self.home).first()
        if index and chosen:
            add_children(
                index, [self.resource(lesson) for lesson in chosen], validate=False
            )

    def resource(self, lesson):
        data = self.config["it_lessons"]
        slides = self.rng.random() < data["slides_share"]
        kind = ResourceType.SLIDES if slides else ResourceType.ELEARNING
        words = {"kind": kind.label, "lesson": lesson.title, "week": lesson.week,
                 "topic": lesson.topic or lesson.plan.subject}  # fmt: skip
        published = min(
            at(self.target.week_end(lesson.week) - datetime.timedelta(days=self.rng.randint(2, 6)),
               self.rng.randint(7, 20)),
            self.now,
        )  # fmt: skip
        files = []
        if slides:
            files = [("file", {"document": self.document, "caption": ""})]
        return ResourcePage(
            title=data["title"].format(**words),
            slug=f"bai-giang-{lesson.pk}",
            summary=data["summary"].format(**words),
            unit=self.unit,
            subject=lesson.plan.subject,
            grade=lesson.plan.grade,
            series=self.rng.choice(TextbookSeries.values[:3]),
            resource_type=kind,
            school_year=lesson.plan.school_year,
            author=self.rng.choice(data["authors"]),
            files=files,
            embed_url="" if slides else data["embed_url"],
            planned_lesson=lesson,
            live=True,
            first_published_at=published,
            last_published_at=published,
        )

    @cached_property
    def document(self):
        data = self.config["it_lessons"]
        return UnitContent(self.unit, self.config).document(
            data["document"], data["document_title"]
        )

    def schedule(self, weeks_behind):
        page = SchedulePage.objects.child_of(self.home).first()
        if page is None or not weeks_behind:
            return
        entries = list(page.entries.all())
        for entry in entries:
            entry.date -= datetime.timedelta(weeks=weeks_behind)
        page.entries = entries
        page.save_revision(log_action=False).publish()


def load_progress(config, loaded_since, today=None):
    """Apply demo/progress.csv to the units whose content was loaded since
    `loaded_since` (a datetime)."""
    today = today or timezone.localdate()
    units = {unit.key: unit for unit in measured_units()}
    with open(PROGRESS_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        unit = units.get(row["unit"])
        if unit is None:
            continue
        fresh = Page.objects.descendant_of(unit.root_page).filter(
            depth__gte=4, first_published_at__gte=loaded_since
        )
        if fresh.exists():
            Progress(unit, row, config, today).apply()
