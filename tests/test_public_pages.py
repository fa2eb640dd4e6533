"""The demo network's public sites: every page type renders on its own host
and nowhere else; lists filter and paginate; feeds and consent rules hold."""

import pytest
from django.utils.html import escape
from wagtail.models import Page

from pagemodels.factories import NewsPageFactory
from pagemodels.models import (
    ClassCount,
    DirectiveIndexPage,
    GoldenBookEntry,
    NewsIndexPage,
    NewsPage,
    PupilYearPage,
    SchedulePage,
)
from units.models import Unit

pytestmark = [pytest.mark.sites, pytest.mark.django_db]


def get(client, unit, path, **params):
    return client.get(path, params, HTTP_HOST=unit.hostname)


def relative_url(page):
    return page.get_url_parts()[2]


def test_every_page_type_renders_on_its_own_host_only(client, demo):
    seen_types = set()
    units = list(demo.values())
    for unit in units:
        other = units[(units.index(unit) + 1) % len(units)]
        pages = unit.root_page.get_descendants(inclusive=True).live().specific()
        for page in pages:
            if type(page) in seen_types and page.depth > 3:
                continue  # every type once per unit is enough beyond the sections
            seen_types.add(type(page))
            path = relative_url(page)
            response = get(client, unit, path)
            assert response.status_code == 200, (unit.hostname, path)
            body = response.content.decode()
            assert escape(page.title) in body, (unit.hostname, path)
            assert '<html lang="vi">' in body
            elsewhere = get(client, other, path)
            assert elsewhere.status_code == 404 or (
                elsewhere.context["page"].pk != page.pk
            ), (other.hostname, path)
    all_types = {
        model
        for page in Page.objects.live().specific()
        for model in [type(page)]
        if model is not Page
    }
    assert all_types <= seen_types


def test_navigation_lists_the_sites_sections(client, demo):
    school = demo["thdongvan"]
    body = get(client, school, "/").content.decode()
    for section in school.root_page.get_children().live():
        assert f'href="{relative_url(section)}"' in body or section.url in body


def test_news_filters_by_category_and_survives_bad_page_numbers(client, demo):
    school = demo["thdongvan"]
    news = NewsIndexPage.objects.child_of(school.root_page).get()
    url = relative_url(news)
    intro = get(client, school, url, category="gioi-thieu").content.decode()
    assert "Giới thiệu Trường Tiểu học Đồng Văn" in intro
    assert "Hội thi văn nghệ" not in intro
    for page in ("abc", "999", "-1"):
        assert get(client, school, url, page=page).status_code == 200
    assert get(client, school, url, category="khong-co").status_code == 200


def test_directives_filter_by_level_type_and_year(client, demo):
    portal = demo["authority"]
    index = DirectiveIndexPage.objects.child_of(portal.root_page).get()
    url = relative_url(index)
    district = get(client, portal, url, level="huyen").content.decode()
    assert "1093/PGD&amp;ĐT" in district
    assert "2650/SGD" not in district
    by_year = get(client, portal, url, year="2013", type="cong-van").content.decode()
    assert "1093/PGD&amp;ĐT" in by_year and "2650/SGD" in by_year
    none = get(client, portal, url, year="2020").content.decode()
    assert "1093/PGD&amp;ĐT" not in none
    assert get(client, portal, url, year="x'; drop", level="??").status_code == 200


def test_schedule_week_view_and_ical(client, demo):
    centre = demo["tthtcdhucdong"]
    schedule = SchedulePage.objects.child_of(centre.root_page).get()
    url = relative_url(schedule)
    this_week = get(client, centre, url).content.decode()
    assert "Giao ban công tác tuần" in this_week
    assert "phòng chống mua bán người" not in this_week  # next week's entry
    entry = schedule.entries.get(content__contains="mua bán người")
    next_week = get(client, centre, url, week=entry.date.strftime("%G-W%V"))
    assert "phòng chống mua bán người" in next_week.content.decode()
    assert get(client, centre, url, week="2026-W99").status_code == 200
    feed = get(client, centre, url + "ical/")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    text = feed.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == schedule.entries.count()
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_pupil_names_and_photos_need_consent(client, demo):
    school = demo["thdongvan"]
    year = PupilYearPage.objects.descendant_of(school.root_page).first()
    shown, hidden = year.classes.all()[:2]
    ClassCount.objects.filter(pk=shown.pk).update(
        names="Lò Văn An\nTriệu Thị Bình", names_consent=True
    )
    ClassCount.objects.filter(pk=hidden.pk).update(names="Nông Văn Cường")
    year.refresh_from_db()
    body = get(client, school, relative_url(year)).content.decode()
    assert "Lò Văn An" in body
    assert "Nông Văn Cường" not in body
    entry = GoldenBookEntry.objects.filter(
        page__path__startswith=school.root_page.path
    ).first()
    assert entry.public_photo() is None


def test_archived_units_disappear_from_the_directory(client, demo):
    from pagemodels.models import UnitDirectoryPage

    portal = demo["authority"]
    directory = UnitDirectoryPage.objects.child_of(portal.root_page).get()
    listing = get(client, portal, relative_url(directory)).content.decode()
    assert "Trường Tiểu học Hoành Mô" in listing
    Unit.objects.filter(key="thhoanhmo").update(archived_at="2026-01-01T00:00:00Z")
    listing = get(client, portal, relative_url(directory)).content.decode()
    assert "Trường Tiểu học Hoành Mô" not in listing


def test_localhost_serves_the_authority_portal(client, demo):
    response = client.get("/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert "Phòng Giáo dục và Đào tạo huyện Bình Liêu" in response.content.decode()


def test_sitemap_lists_only_the_sites_own_live_pages(client, demo):
    school, other = demo["thdongvan"], demo["thhoanhmo"]
    news = NewsIndexPage.objects.child_of(school.root_page).get()
    NewsPageFactory(parent=news, title="Bản nháp chưa duyệt", live=False)
    response = get(client, school, "/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"http://{school.hostname}/tin-tuc/" in body
    assert other.hostname not in body
    assert "ban-nhap" not in body
    robots = get(client, school, "/robots.txt").content.decode()
    assert f"Sitemap: http://{school.hostname}/sitemap.xml" in robots
    assert "Disallow: /admin/" in robots


def test_news_rss_feed(client, demo):
    from defusedxml import ElementTree

    school = demo["thdongvan"]
    news = NewsIndexPage.objects.child_of(school.root_page).get()
    NewsPageFactory(parent=news, title="Bản nháp chưa duyệt", live=False)
    response = get(client, school, relative_url(news) + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles[0] == "Hội thi văn nghệ chào mừng ngày Nhà giáo Việt Nam 20/11"
    assert "Bản nháp chưa duyệt" not in titles
    assert len(titles) == NewsPage.objects.child_of(news).live().count()
    links = [item.findtext("link") for item in channel.findall("item")]
    assert all(link.startswith(f"http://{school.hostname}/tin-tuc/") for link in links)


def test_resources_carry_schema_org_learning_resource(client, demo):
    import json
    import re

    from pagemodels.models import ResourcePage

    school = demo["thdongvan"]
    resource = ResourcePage.objects.descendant_of(school.root_page).live().first()
    body = get(client, school, relative_url(resource)).content.decode()
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    data = json.loads(found.group(1))
    assert data["@type"] == "LearningResource"
    assert data["name"] == resource.title
    assert data["publisher"]["name"] == school.name
