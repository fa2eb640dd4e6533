"""Completeness on hand-built units, checked on Friday 4 December 2026: the
disclosure under review is 2025-2026 (due 30 June 2026), news may be 30 days
old, a centre's schedule must reach this week (from Monday 30 November)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Revision

from oversight.completeness import compute_completeness, working_days_between
from oversight.models import SchoolYearTarget
from pagemodels.choices import DisclosureCategory
from pagemodels.factories import NewsPageFactory
from pagemodels.models import (
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosureYearPage,
    NewsIndexPage,
    ScheduleEntry,
    SchedulePage,
    TraditionPage,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 4)
REQUIRED = [
    DisclosureCategory.DEVELOPMENT_PLAN,
    DisclosureCategory.EDUCATION_QUALITY,
    DisclosureCategory.STAFF,
    DisclosureCategory.FACILITIES,
]


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def fill_contacts(unit, **values):
    home = unit.root_page.specific
    fields = {"intro": "Giới thiệu", "address": "Xã Đồng Văn", "phone": "0203 111"}
    for name, value in {**fields, **values}.items():
        setattr(home, name, value)
    home.save()


def disclose(school, published_on, categories=REQUIRED, year="2025-2026"):
    index = DisclosureIndexPage.objects.child_of(school.root_page).get()
    year_page = index.add_child(
        instance=DisclosureYearPage(title=f"Năm học {year}", school_year=year)
    )
    items = {}
    for category in categories:
        item = year_page.add_child(
            instance=DisclosureItemPage(title=category.label, category=category)
        )
        day = (
            published_on.get(category)
            if isinstance(published_on, dict)
            else published_on
        )
        DisclosureItemPage.objects.filter(pk=item.pk).update(first_published_at=at(day))
        items[category] = item
    return items  # fmt: skip


@pytest.fixture
def school(network):
    """A school passing every check."""
    school = network["school"]
    fill_contacts(school)
    tradition = TraditionPage.objects.child_of(school.root_page).get()
    tradition.history = [("paragraph", "<p>Thành lập năm 1962.</p>")]
    tradition.save()
    news = NewsIndexPage.objects.child_of(school.root_page).get()
    NewsPageFactory(parent=news, date=TODAY - datetime.timedelta(days=30))
    disclose(school, datetime.date(2026, 6, 20))
    return school


def checks_of(unit, as_of=TODAY):
    target = SchoolYearTarget.for_year("2026-2027")
    completeness = compute_completeness([unit], target, as_of)[unit.pk]
    return completeness, {check.key: check for check in completeness.checks}


def test_a_complete_school_passes_every_check(school):
    completeness, checks = checks_of(school)
    assert list(checks) == [
        "sections",
        "fields",
        "disclosure",
        "disclosure_changes",
        "news",
    ]
    assert all(check.passed for check in checks.values()), checks
    assert completeness.percent == 100.0
    assert completeness.steps() == []


def test_a_unit_missing_a_section(school):
    TraditionPage.objects.child_of(school.root_page).get().unpublish()
    completeness, checks = checks_of(school)
    assert not checks["sections"].passed
    assert checks["sections"].detail == "Truyền thống và phát triển"
    assert completeness.percent == 80.0
    assert completeness.steps() == ["Tạo và xuất bản mục “Truyền thống và phát triển”"]


def test_a_late_and_a_missing_disclosure_item(network):
    school = network["school"]
    disclose(
        school,
        {c: datetime.date(2026, 6, 30) for c in REQUIRED[:2]}
        | {DisclosureCategory.STAFF: datetime.date(2026, 7, 1)},
        categories=REQUIRED[:3],
    )
    _completeness, checks = checks_of(school)
    check = checks["disclosure"]
    assert check.label == "Công khai năm học 2025-2026 trước 30/06/2026"
    assert not check.passed
    assert check.detail == (
        "“Thông tin đội ngũ” công khai ngày 01/07/2026, quá hạn 30/06/2026; "
        "thiếu “Thông tin về cơ sở vật chất”"
    )
    assert check.steps == ["Công khai “Thông tin về cơ sở vật chất” năm học 2025-2026"]


def test_an_item_of_another_year_does_not_count(network):
    school = network["school"]
    disclose(school, datetime.date(2026, 6, 1), year="2026-2027")
    _completeness, checks = checks_of(school)
    assert not checks["disclosure"].passed
    assert checks["disclosure"].detail.count("thiếu") == 4


def test_an_item_with_its_own_earlier_due_date(network):
    school = network["school"]
    items = disclose(school, datetime.date(2026, 6, 20))
    DisclosureItemPage.objects.filter(pk=items[REQUIRED[0]].pk).update(
        due_date=datetime.date(2026, 6, 15)
    )
    _completeness, checks = checks_of(school)
    assert "quá hạn 15/06/2026" in checks["disclosure"].detail


def test_working_days():
    friday, monday = datetime.date(2026, 11, 20), datetime.date(2026, 11, 23)
    assert working_days_between(friday, monday) == 1
    assert working_days_between(friday, friday) == 0
    assert working_days_between(friday, datetime.date(2026, 12, 4)) == 10


def test_a_change_must_be_published_within_ten_working_days(school):
    item = DisclosureItemPage.objects.get(category=DisclosureCategory.STAFF)
    item.summary = "Bổ sung 2 giáo viên."
    revision = item.save_revision()
    saved = at(datetime.date(2026, 11, 20))  # Friday: 10 working days to 4 December
    Revision.objects.filter(pk=revision.pk).update(created_at=saved)
    item.save_revision()  # a later draft does not reset the clock
    _completeness, checks = checks_of(school)
    assert checks["disclosure_changes"].passed
    _completeness, checks = checks_of(school, as_of=datetime.date(2026, 12, 7))
    check = checks["disclosure_changes"]
    assert not check.passed
    assert check.detail == "“Thông tin đội ngũ” sửa từ 20/11/2026 chưa xuất bản"
    assert check.steps == ["Duyệt và xuất bản thay đổi của “Thông tin đội ngũ”"]


def test_stale_news_and_missing_contacts(school):
    fill_contacts(school, phone="", email="")
    _completeness, checks = checks_of(school, as_of=TODAY + datetime.timedelta(days=1))
    assert not checks["news"].passed
    assert checks["news"].detail == "tin gần nhất ngày 04/11/2026 (31 ngày trước)"
    assert not checks["fields"].passed
    assert checks["fields"].detail == "điện thoại hoặc thư điện tử"


def test_a_centre_needs_its_introduction_and_a_current_schedule(network):
    centre = network["centre"]
    fill_contacts(centre)
    schedule = SchedulePage.objects.child_of(centre.root_page).get()
    ScheduleEntry.objects.create(
        page=schedule, date=datetime.date(2026, 11, 27), content="Họp"
    )
    completeness, checks = checks_of(centre)
    assert list(checks) == ["sections", "fields", "schedule"]
    assert checks["fields"].detail == (
        "giới thiệu chung; chức năng, nhiệm vụ; thành viên ban giám đốc"
    )
    assert not checks["schedule"].passed
    assert checks["schedule"].detail == "lịch gần nhất ngày 27/11/2026"
    ScheduleEntry.objects.create(
        page=schedule, date=datetime.date(2026, 11, 30), content="Họp"
    )
    _completeness, checks = checks_of(centre)
    assert checks["schedule"].passed
    assert completeness.percent == pytest.approx(100 / 3)


def test_the_query_count_does_not_grow_with_units(
    network, django_assert_max_num_queries
):
    units = [network["school"], network["other_school"], network["centre"]]
    target = SchoolYearTarget.for_year("2026-2027")
    with django_assert_max_num_queries(12):
        compute_completeness(units, target, TODAY)
