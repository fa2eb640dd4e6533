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
def school_site(transactional_db, network):
    school = network["school"]
    resources = ResourceIndexPage.objects.child_of(school.root_page).get()
    for title, grade in [("Bài giảng Toán lớp 2", 2), ("Phiếu học tập Toán lớp 4", 4)]:
        ResourcePageFactory(parent=resources, title=title, grade=grade)
    news = NewsIndexPage.objects.child_of(school.root_page).get()
    NewsPageFactory(parent=news, title="Lễ khai giảng năm học mới")
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
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_load_state()
    assert "grade=4" in page.url
    assert page.get_by_text("Phiếu học tập Toán lớp 4").count() >= 1
    assert page.get_by_text("Bài giảng Toán lớp 2").count() == 0
    page.screenshot(path=str(tmp_path / "resources-phone.png"), full_page=True)
