"""The quick-start demo: `load_demo` builds a browsable portal, and again
changes nothing."""

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from pagemodels.models import StandardPage

pytestmark = [pytest.mark.sites, pytest.mark.django_db]


def load():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_builds_the_portal_and_is_idempotent():
    load()
    counts = (Page.objects.count(), Site.objects.count(), Locale.objects.count())
    load()
    assert (
        Page.objects.count(),
        Site.objects.count(),
        Locale.objects.count(),
    ) == counts
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.site_name == "Phòng Giáo dục và Đào tạo huyện Bình Liêu"
    assert {loc.language_code for loc in Locale.objects.all()} == {"vi", "en"}
    assert StandardPage.objects.filter(title="Bài giảng Toán lớp 5").exists()


def test_demo_portal_and_admin_answer():
    load()
    client = Client()
    home = client.get("/")
    assert home.status_code == 200
    body = home.content.decode()
    assert '<html lang="vi">' in body
    assert "Phòng Giáo dục và Đào tạo huyện Bình Liêu" in body
    page = client.get("/bai-giang-toan-lop-5/")
    assert page.status_code == 200
    assert "Bài giảng Toán lớp 5" in page.content.decode()
    assert client.login(username="admin", password="binhlieu-demo")
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert 'lang="vi"' in admin.content.decode()


def test_demo_search_without_diacritics_finds_the_demo_lesson():
    load()
    from wagtail.models import Page as WagtailPage

    results = WagtailPage.objects.live().search("bai giang toan")
    assert [page.title for page in results] == ["Bài giảng Toán lớp 5"]
