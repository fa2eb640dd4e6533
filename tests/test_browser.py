"""A parent on a phone, in a real browser (Debian's Chromium driven by Playwright)."""

import os
import shutil

import pytest

from pagemodels.factories import NewsPageFactory, ResourcePageFactory
from pagemodels.models import NewsIndexPage, ResourceIndexPage

pytestmark = [pytest.mark.sites, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of
    # the test itself are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def school_site(
    django_db_serialized_rollback, transactional_db, clean_search_index, network
):
    from conftest import refresh_search_index

    school = network["school"]
    resources = ResourceIndexPage.objects.child_of(school.root_page).get()
    for title, grade in [("Bài giảng Toán lớp 2", 2), ("Phiếu học tập Toán lớp 4", 4)]:
        ResourcePageFactory(parent=resources, title=title, grade=grade)
    news = NewsIndexPage.objects.child_of(school.root_page).get()
    NewsPageFactory(parent=news, title="Lễ khai giảng năm học mới")
    refresh_search_index()
    return school


def test_a_parent_finds_a_lesson_on_a_phone(
    browser, live_server, school_site, tmp_path
):
    port = live_server.url.rsplit(":", 1)[1]
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.goto(f"http://{school_site.hostname}:{port}/")
    assert school_site.name in page.title()
    assert page.locator("html").get_attribute("lang") == "vi"
    # readable on a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("link", name="Lễ khai giảng năm học mới").first.is_visible()

    page.get_by_role("navigation").get_by_role("link", name="Tài nguyên").first.click()
    page.wait_for_load_state()
    assert (
        page.get_by_role("heading", level=1).first.inner_text().strip() == "Tài nguyên"
    )
    assert page.get_by_text("Bài giảng Toán lớp 2").count() >= 1
    page.select_option("select[name=grade]", "4")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "grade=4" in page.url
    assert page.get_by_text("Phiếu học tập Toán lớp 4").count() >= 1
    assert page.get_by_text("Bài giảng Toán lớp 2").count() == 0
    page.screenshot(path=str(tmp_path / "resources-phone.png"), full_page=True)


@pytest.fixture
def supervised_school(django_db_serialized_rollback, transactional_db, network):
    """A school with a plan of 20 Toán lessons, two of them IT-applied, and a
    supervisor of the authority."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from curriculum.models import CurriculumPlan, PlannedLesson
    from pagemodels.fields import current_school_year

    school = network["school"]
    plan = CurriculumPlan.objects.create(
        unit=school, school_year=current_school_year(), grade=2, subject="Toán"
    )
    lessons = PlannedLesson.objects.bulk_create(
        PlannedLesson(plan=plan, week=n, title=f"Toán 2 – Bài {n}")
        for n in range(1, 21)
    )
    resources = ResourceIndexPage.objects.child_of(school.root_page).get()
    for lesson in lessons[:2]:
        ResourcePageFactory(
            parent=resources, grade=2, planned_lesson=lesson,
            title=f"Bài giảng trình chiếu: {lesson.title}",
        )  # fmt: skip
    user = get_user_model().objects.create_user("giamsat", password="giamsat-2026")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_all_units"])
    )
    return school


def test_a_supervisor_drills_down_from_the_dashboard_to_a_lesson(
    browser, live_server, supervised_school
):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "giamsat")
    page.fill("input[name=password]", "giamsat-2026")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Giám sát", exact=True).first.click()
    page.wait_for_load_state()
    assert (
        page.get_by_role("heading", level=1)
        .first.inner_text()
        .startswith("Giám sát các đơn vị")
    )
    page.get_by_role("columnheader", name="Đơn vị").get_by_role("link").click()
    page.wait_for_load_state()
    assert "sort=name" in page.url
    assert (
        page.get_by_role("columnheader", name="Đơn vị").get_attribute("aria-sort")
        == "ascending"
    )
    page.get_by_role("link", name=supervised_school.name).click()
    page.wait_for_load_state()
    assert page.get_by_text("Điểm đánh giá:").count() == 1
    assert page.locator("svg[role=img]").count() >= 1
    page.get_by_role("link", name="Toán", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("2/20 bài đã có bài giảng điện tử").count() == 1
    assert (
        page.get_by_role("link", name="Bài giảng trình chiếu: Toán 2 – Bài 1").count()
        == 1
    )


@pytest.fixture
def draft_under_review(django_db_serialized_rollback, transactional_db, network):
    """A draft news item of a school and the authority's supervisor."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from units.permissions import AUTHORITY_GROUPS, SUPERVISORS

    school = network["school"]
    news = NewsIndexPage.objects.child_of(school.root_page).get()
    draft = NewsPageFactory(parent=news, title="Kế hoạch tuần 15", live=False)
    draft.save_revision()
    supervisor = get_user_model().objects.create_user("giamsat", password="gs-2026")
    supervisor.groups.add(Group.objects.get(name=str(AUTHORITY_GROUPS[SUPERVISORS])))
    return draft


def test_a_supervisor_reads_a_draft_and_leaves_a_comment(
    browser, live_server, draft_under_review
):
    from wagtail.models import Comment

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "giamsat")
    page.fill("input[name=password]", "gs-2026")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/admin/pages/{draft_under_review.get_parent().pk}/")
    row = page.get_by_role("row").filter(has_text="Kế hoạch tuần 15")
    row.get_by_role("link", name="Xem và góp ý").click()
    page.wait_for_load_state()
    assert page.get_by_text("Bản nháp, chưa xuất bản.").count() == 1
    frame = page.frame_locator("iframe")
    assert frame.get_by_role("heading", name="Kế hoạch tuần 15").count() >= 1
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_load_state()
    assert page.get_by_text("Hãy nhập nội dung góp ý.").count() == 1
    page.get_by_label("Góp ý").fill("Bổ sung thời gian họp phụ huynh")
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_load_state()
    assert page.get_by_text("Đã gửi góp ý cho đơn vị.").count() == 1
    assert page.get_by_text("Bổ sung thời gian họp phụ huynh").count() == 1
    assert Comment.objects.filter(page=draft_under_review).count() == 1


@pytest.fixture
def library_network(
    django_db_serialized_rollback, transactional_db, clean_search_index, network
):
    from conftest import refresh_search_index
    from search.tests.library import build_library

    build_library(network)
    refresh_search_index()
    return network


def test_a_teacher_searches_the_shared_library_on_a_phone(
    browser, live_server, library_network, tmp_path
):
    port = live_server.url.rsplit(":", 1)[1]
    portal = library_network["authority"].site.hostname
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.goto(f"http://{portal}:{port}/thu-vien/")
    search_box = page.locator("main input[name=q]")
    search_box.fill("tho lu")
    suggestion = page.locator("datalist#suggestions option").first
    suggestion.wait_for(state="attached")
    assert (
        suggestion.evaluate("option => option.value")
        == "Bài giảng Ngữ văn lớp 6: Thơ lục bát"
    )

    search_box.fill("quang hop")
    search_box.press("Enter")
    page.wait_for_load_state()
    results = page.locator("ul.results > li")
    assert results.count() == 1
    assert "Quang hợp ở thực vật" in results.first.inner_text()

    search_box = page.locator("main input[name=q]")
    search_box.fill("bai giang")
    page.select_option("select[name=grade]", "7")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert "grade=7" in page.url
    assert page.locator("ul.results > li").count() == 2
    assert page.locator("ul.results mark").count() >= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(tmp_path / "library-phone.png"), full_page=True)
