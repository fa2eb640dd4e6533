"""Completeness of every unit's site: a list of checks, each passed or not,
with the concrete steps that would pass it. A fixed number of queries for
any number of units (pages are matched to their unit by the home page's path).
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Max, OuterRef
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Revision

from pagemodels.choices import DisclosureCategory
from pagemodels.models import (
    DisclosureItemPage,
    DisclosureYearPage,
    IntroductionPage,
    NewsPage,
    OrganisationMember,
    ScheduleEntry,
    TraditionPage,
)
from pagemodels.models.disclosure import disclosure_due_date, review_year
from units.models import Unit

HOME_PATH_LENGTH = 2 * Page.steplen
CHANGE_WORKING_DAYS = 10
# The four items the letter requires every school to publish every year.
REQUIRED_DISCLOSURE = (
    DisclosureCategory.DEVELOPMENT_PLAN,
    DisclosureCategory.EDUCATION_QUALITY,
    DisclosureCategory.STAFF,
    DisclosureCategory.FACILITIES,
)
HOME_FIELDS = {
    "intro": gettext_lazy("lời giới thiệu"),
    "address": gettext_lazy("địa chỉ"),
}
HOME_CONTACTS = ("phone", "email")


@dataclass
class Check:
    key: str
    label: str
    passed: bool
    detail: str = ""
    steps: list = field(default_factory=list)


@dataclass
class Completeness:
    checks: list = field(default_factory=list)

    @property
    def passed(self):
        return sum(check.passed for check in self.checks)

    @property
    def percent(self):
        return 100 * self.passed / len(self.checks) if self.checks else 0.0

    def steps(self):
        return [step for check in self.checks for step in check.steps]


def working_days_between(start, end):
    """Monday-to-Friday days after `start` up to and including `end`."""
    days, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        days += day.weekday() < 5
    return days


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def with_home_path(queryset, path="path"):
    return queryset.order_by().annotate(prefix=Substr(path, 1, HOME_PATH_LENGTH))


def _short(day):
    return date_format(day, "d/m/Y")


class CompletenessCheck:
    """Runs every check over a set of units with a fixed number of queries."""

    def __init__(self, units, target, as_of):
        self.units = [unit for unit in units if unit.root_page_id]
        self.target = target
        self.as_of = as_of
        self.paths = {unit.root_page.path for unit in self.units}

    def run(self):
        result = {unit.pk: Completeness() for unit in self.units}
        children = self._home_children()
        homes = self._home_values()
        schools = [u for u in self.units if u.kind == Unit.Kind.SCHOOL]
        centres = [u for u in self.units if u.kind == Unit.Kind.CENTRE]
        extra_fields = self._tradition_history(schools) | self._introductions(centres)
        disclosure = self._disclosure(schools) if schools else {}
        news = self._latest(NewsPage.objects.live(), "path", "date")
        schedule = self._latest(ScheduleEntry.objects.filter(page__live=True),
                                "page__path", "date")  # fmt: skip
        for unit in self.units:
            checks = result[unit.pk].checks
            path = unit.root_page.path
            checks.append(self.sections(unit, children.get(path, {})))
            checks.append(self.fields(homes.get(path, {}), extra_fields.get(path, [])))
            if unit.kind == Unit.Kind.SCHOOL:
                checks.extend(disclosure[path])
            if unit.kind == Unit.Kind.CENTRE:
                checks.append(self.schedule(schedule.get(path)))
            else:
                checks.append(self.news(news.get(path)))
        return result

    # -- queries ---------------------------------------------------------
    def _home_children(self):
        """{home path: {content type id: live}} of the homes' child pages."""
        children = {}
        rows = with_home_path(Page.objects.filter(depth=3)).values_list(
            "prefix", "content_type_id", "live"
        )
        for prefix, content_type_id, live in rows:
            if prefix in self.paths:
                types = children.setdefault(prefix, {})
                types[content_type_id] = types.get(content_type_id, False) or live
        return children

    def _home_values(self):
        values = {}
        by_class = {}
        for unit in self.units:
            by_class.setdefault(unit.root_page.specific_class, []).append(
                unit.root_page_id
            )
        for model, ids in by_class.items():
            for row in model.objects.filter(pk__in=ids).values(
                "path", *HOME_FIELDS, *HOME_CONTACTS
            ):
                values[row["path"]] = row
        return values

    def _tradition_history(self, schools):
        missing = {}
        if schools:
            for row in with_home_path(TraditionPage.objects.filter(depth=3)).values(
                "prefix", "history"
            ):
                if not row["history"]:
                    missing[row["prefix"]] = [_("lịch sử nhà trường")]
        return missing

    def _introductions(self, centres):
        missing = {}
        if centres:
            rows = (
                with_home_path(IntroductionPage.objects.filter(depth=3))
                .annotate(
                    has_members=Exists(
                        OrganisationMember.objects.filter(page=OuterRef("pk"))
                    )
                )
                .values("prefix", "general", "functions", "has_members")
            )
            for row in rows:
                names = [
                    name
                    for name, empty in (
                        (_("giới thiệu chung"), not row["general"]),
                        (_("chức năng, nhiệm vụ"), not row["functions"]),
                        (_("thành viên ban giám đốc"), not row["has_members"]),
                    )
                    if empty
                ]
                if names:
                    missing[row["prefix"]] = names
        return missing

    def _latest(self, queryset, path, date_field):
        rows = (
            with_home_path(queryset, path)
            .values("prefix")
            .annotate(latest=Max(date_field))
        )
        return {row["prefix"]: row["latest"] for row in rows}

    def _disclosure(self, schools):
        year = review_year(self.as_of)
        year_pages = {
            row["path"]: row["path"][:HOME_PATH_LENGTH]
            for row in DisclosureYearPage.objects.filter(
                live=True, school_year=year
            ).values("path")
        }
        items = {}
        drafts = {}
        rows = DisclosureItemPage.objects.filter(live=True).values(
            "pk", "path", "category", "due_date", "first_published_at",
            "has_unpublished_changes", "last_published_at",
        )  # fmt: skip
        for row in rows:
            home = row["path"][:HOME_PATH_LENGTH]
            parent = row["path"][: -Page.steplen]
            if parent in year_pages:
                items.setdefault(home, {})[row["category"]] = row
            if row["has_unpublished_changes"]:
                drafts[row["pk"]] = (home, row)
        pending = self._pending_since(drafts)
        return {
            unit.root_page.path: [
                self.disclosure_on_time(year, items.get(unit.root_page.path, {})),
                self.disclosure_changes(pending.get(unit.root_page.path, [])),
            ]
            for unit in schools
        }

    def _pending_since(self, drafts):
        """{home path: [(title label, day the first unpublished change was saved)]}"""
        first = {}
        revisions = Revision.page_revisions.filter(
            object_id__in=[str(pk) for pk in drafts]
        ).values_list("object_id", "created_at")
        for object_id, created_at in revisions:
            home, row = drafts[int(object_id)]
            if row["last_published_at"] and created_at <= row["last_published_at"]:
                continue
            key = int(object_id)
            if key not in first or created_at < first[key]:
                first[key] = created_at
        pending = {}
        for pk, created_at in first.items():
            home, row = drafts[pk]
            label = DisclosureCategory(row["category"]).label
            pending.setdefault(home, []).append((label, _local_date(created_at)))
        return pending

    # -- checks ----------------------------------------------------------
    def sections(self, unit, children):
        missing = []
        for model in unit.root_page.specific_class.required_sections:
            content_type = ContentType.objects.get_for_model(model)
            if not children.get(content_type.pk):
                missing.append(str(model.default_title))
        return Check(
            "sections",
            _("Đủ các mục bắt buộc"),
            not missing,
            ", ".join(missing),
            [_("Tạo và xuất bản mục “%s”") % name for name in missing],
        )

    def fields(self, home, extra):
        missing = [
            str(label) for name, label in HOME_FIELDS.items() if not home.get(name)
        ]
        if not any(home.get(name) for name in HOME_CONTACTS):
            missing.append(_("điện thoại hoặc thư điện tử"))
        missing += [str(name) for name in extra]
        return Check(
            "fields",
            _("Thông tin bắt buộc"),
            not missing,
            "; ".join(missing),
            [_("Điền %s") % "; ".join(missing)] if missing else [],
        )

    def disclosure_on_time(self, year, items):
        due = disclosure_due_date(year)
        problems, steps = [], []
        for category in REQUIRED_DISCLOSURE:
            label = category.label
            row = items.get(category)
            if row is None:
                problems.append(_("thiếu “%s”") % label)
                steps.append(
                    _("Công khai “%(item)s” năm học %(year)s")
                    % {"item": label, "year": year}
                )
                continue
            item_due = row["due_date"] or due
            published = _local_date(row["first_published_at"])
            if published and published > item_due:
                problems.append(
                    _("“%(item)s” công khai ngày %(day)s, quá hạn %(due)s")
                    % {"item": label, "day": _short(published), "due": _short(item_due)}
                )
        return Check(
            "disclosure",
            _("Công khai năm học %(year)s trước %(due)s") % {"year": year, "due": _short(due)},
            not problems,
            "; ".join(problems),
            steps,
        )  # fmt: skip

    def disclosure_changes(self, pending):
        late = [
            (label, since)
            for label, since in pending
            if working_days_between(since, self.as_of) > CHANGE_WORKING_DAYS
        ]
        return Check(
            "disclosure_changes",
            _("Thay đổi công khai trong %d ngày làm việc") % CHANGE_WORKING_DAYS,
            not late,
            "; ".join(_("“%(item)s” sửa từ %(day)s chưa xuất bản") % {"item": label, "day": _short(since)} for label, since in late),
            [_("Duyệt và xuất bản thay đổi của “%s”") % label for label, _since in late],
        )  # fmt: skip

    def news(self, latest):
        limit = self.target.news_max_age_days
        age = (self.as_of - latest).days if latest else None
        fresh = age is not None and age <= limit
        if latest is None:
            detail = _("chưa có tin nào")
        else:
            detail = _("tin gần nhất ngày %(day)s (%(age)d ngày trước)") % {
                "day": _short(latest),
                "age": age,
            }
        return Check(
            "news",
            _("Có tin mới trong %d ngày") % limit,
            fresh,
            detail,
            [] if fresh else [_("Đăng tin hoạt động mới")],
        )

    def schedule(self, latest):
        monday = self.as_of - datetime.timedelta(days=self.as_of.weekday())
        current = latest is not None and latest >= monday
        detail = (
            _("lịch gần nhất ngày %s") % _short(latest)
            if latest
            else _("chưa có lịch công tác")
        )
        return Check(
            "schedule",
            _("Lịch công tác tuần này"),
            current,
            detail,
            [] if current else [_("Cập nhật lịch công tác tuần này")],
        )


def compute_completeness(units, target, as_of=None):
    """{unit id: Completeness} for `units` (root pages loaded with them)."""
    as_of = timezone.localdate() if as_of is None else as_of
    return CompletenessCheck(units, target, as_of).run()
