"""The public API on the demo network: every endpoint answers in the shape
its OpenAPI document promises, per site, without drafts, private pages or
what parents did not consent to publish."""

import datetime
import io
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from headless.tests.openapi import errors
from pagemodels.factories import NewsPageFactory
from pagemodels.models import (
    ClassCount,
    GoldenBookEntry,
    GoldenBookPage,
    NewsIndexPage,
    NewsPage,
    PupilYearPage,
    ResourcePage,
    ScheduleEntry,
    SchedulePage,
)

pytestmark = pytest.mark.django_db

SCHOOL = "thdongvan.binhlieu.localhost"
CENTRE = "tthtcdhucdong.binhlieu.localhost"
PORTAL = "binhlieu.localhost"
LISTINGS = [
    (SCHOOL, "/api/site/", "/api/site/"),
    (CENTRE, "/api/site/", "/api/site/"),
    (PORTAL, "/api/site/", "/api/site/"),
    (PORTAL, "/api/units/", "/api/units/"),
    (SCHOOL, "/api/news/", "/api/news/"),
    (PORTAL, "/api/news/?category=hoat-dong", "/api/news/"),
    (SCHOOL, "/api/resources/?grade=2&type=bai-giang-e-learning", "/api/resources/"),
    (SCHOOL, "/api/disclosure/?school_year=2025-2026", "/api/disclosure/"),
    (PORTAL, "/api/directives/?level=huyen", "/api/directives/"),
    (CENTRE, "/api/directives/", "/api/directives/"),
    (SCHOOL, "/api/tradition/pupils/", "/api/tradition/pupils/"),
    (SCHOOL, "/api/tradition/golden-book/", "/api/tradition/golden-book/"),
    (CENTRE, "/api/centre/introduction/", "/api/centre/introduction/"),
    (CENTRE, "/api/centre/schedule/", "/api/centre/schedule/"),
    (CENTRE, "/api/centre/programmes/", "/api/centre/programmes/"),
    (PORTAL, "/api/network/news/", "/api/network/news/"),
    (PORTAL, "/api/network/library/?grade=6", "/api/network/library/"),
]
DETAILS = [
    (SCHOOL, "/api/news/", "/api/news/{page_id}/"),
    (SCHOOL, "/api/resources/", "/api/resources/{page_id}/"),
    (PORTAL, "/api/directives/", "/api/directives/{page_id}/"),
    (CENTRE, "/api/centre/programmes/", "/api/centre/programmes/{page_id}/"),
    (SCHOOL, "/api/disclosure/", "/api/disclosure/{page_id}/"),
]


@pytest.fixture(scope="module")
def document(demo_loaded, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return Client().get("/api/openapi.json").json()


@pytest.mark.parametrize(("host", "url", "path"), LISTINGS)
def test_listings_match_the_document(client, demo, document, host, url, path):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, response.content
    body = response.json()
    assert errors(document, path, body) == []
    if "items" in body and "schedule" not in url:
        assert body["count"] >= len(body["items"]) > 0


@pytest.mark.parametrize(("host", "listing", "path"), DETAILS)
def test_details_match_the_document(client, demo, document, host, listing, path):
    first = client.get(listing, HTTP_HOST=host).json()["items"][0]
    response = client.get(path.format(page_id=first["id"]), HTTP_HOST=host)
    assert response.status_code == 200
    body = response.json()
    assert errors(document, path, body) == []
    assert body["url"] == first["url"]


def test_images_are_renditions_with_alt_text(client, demo):
    items = client.get("/api/news/", HTTP_HOST=SCHOOL).json()["items"]
    cover = next(item["cover"] for item in items if item["cover"])
    assert cover["alt"]
    urls = {cover[size]["url"] for size in ("thumbnail", "medium", "large")}
    assert len(urls) == 3
    assert all(url.startswith(f"http://{SCHOOL}/media/images/") for url in urls)
    assert (cover["thumbnail"]["width"], cover["thumbnail"]["height"]) == (400, 225)


def test_site_parameter_overrides_the_host(client, demo):
    def pages(url, host):
        items = client.get(url, HTTP_HOST=host).json()["items"]
        return [(item["id"], item["url"]) for item in items]

    by_param = pages(f"/api/news/?site={SCHOOL}", CENTRE)
    assert by_param == pages("/api/news/", SCHOOL)
    assert by_param != pages("/api/news/", CENTRE)


def test_listing_queries_do_not_grow_with_page_size(client, demo):
    counts = []
    for limit in (10, 50):
        with CaptureQueriesContext(connection) as queries:
            body = client.get(f"/api/resources/?limit={limit}", HTTP_HOST=SCHOOL).json()
        assert len(body["items"]) == limit
        counts.append(len(queries))
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/news/?limit=2", HTTP_HOST=SCHOOL)
    small = len(queries)
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/news/?limit=50", HTTP_HOST=SCHOOL)
    assert counts[0] == counts[1]
    assert len(queries) == small


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/news/?limit=51", "limit"),
        ("/api/news/?limit=0", "limit"),
        ("/api/news/?offset=-1", "offset"),
        ("/api/news/?category=khong-co", "category"),
        ("/api/resources/?grade=10", "grade"),
        ("/api/resources/?school_year=2025", "school_year"),
        ("/api/directives/?year=abc", "year"),
        ("/api/news/?site=khong co", "site"),
    ],
)
def test_bad_parameters_are_a_problem_naming_them(client, demo, url, parameter):
    response = client.get(url, HTTP_HOST=SCHOOL)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 400
    assert parameter in [error["loc"][-1] for error in body["errors"]]


def test_unknown_or_foreign_ids_are_404(client, demo):
    other = client.get("/api/news/", HTTP_HOST=PORTAL).json()["items"][0]["id"]
    for url in (
        "/api/news/0/",
        f"/api/news/{other}/",
        "/api/resources/999999/",
        "/api/news/?site=khong-co.localhost",
    ):
        response = client.get(url, HTTP_HOST=SCHOOL)
        assert response.status_code == 404
        assert response.json()["status"] == 404


def test_drafts_and_private_pages_never_show(client, demo):
    school = demo["thdongvan"]
    section = NewsIndexPage.objects.child_of(school.root_page).get()
    draft = NewsPageFactory(parent=section, title="Tin nháp bí mật", live=False)
    private = NewsPageFactory(parent=section, title="Tin nội bộ")
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="noibo"
    )
    titles = [
        item["title"]
        for item in client.get("/api/news/?limit=50", HTTP_HOST=SCHOOL).json()["items"]
    ]
    assert "Tin nháp bí mật" not in titles and "Tin nội bộ" not in titles
    for page in (draft, private):
        assert client.get(f"/api/news/{page.pk}/", HTTP_HOST=SCHOOL).status_code == 404


def test_conditional_requests(client, demo):
    response = client.get("/api/news/", HTTP_HOST=SCHOOL)
    assert response["ETag"] and response["Last-Modified"]
    again = client.get(
        "/api/news/", HTTP_HOST=SCHOOL, HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


def test_the_document_types_every_block(client, demo, document):
    schemas = document["components"]["schemas"]
    for block in ("Heading", "Paragraph", "Image", "Attachment", "Embed", "Quote"):
        assert f"{block}BlockOut" in schemas
    body = schemas["NewsDetail"]["properties"]["body"]
    assert body["items"].get("discriminator", {}).get("propertyName") == "type"


def test_pupil_names_only_with_consent(client, demo):
    year = (
        PupilYearPage.objects.live()
        .filter(path__startswith=demo["thdongvan"].root_page.path)
        .first()
    )
    ClassCount.objects.create(
        page=year,
        grade=5,
        class_name="5Z",
        pupils=2,
        names="An\nBình",
        names_consent=True,
    )
    ClassCount.objects.create(
        page=year,
        grade=5,
        class_name="5Y",
        pupils=2,
        names="Cúc\nDũng",
        names_consent=False,
    )
    items = client.get("/api/tradition/pupils/", HTTP_HOST=SCHOOL).json()["items"]
    classes = {c["class_name"]: c for item in items for c in item["classes"]}
    assert classes["5Z"]["names"] == ["An", "Bình"]
    assert classes["5Y"]["names"] == []
    assert (
        "Cúc"
        not in client.get("/api/tradition/pupils/", HTTP_HOST=SCHOOL).content.decode()
    )


def test_golden_book_photos_only_with_consent(client, demo):
    book = GoldenBookPage.objects.live().get(
        path__startswith=demo["thdongvan"].root_page.path
    )
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 40), (9, 9, 9)).save(buffer, "PNG")
    photo = get_image_model().objects.create(
        title="Ảnh học sinh", file=ContentFile(buffer.getvalue(), name="hs.png")
    )
    for name, consent in [("Có Đồng Ý", True), ("Không Đồng Ý", False)]:
        GoldenBookEntry.objects.create(
            page=book, pupil_name=name, school_year="2025-2026", class_name="5A",
            achievement="Giải Nhất", level="huyen", photo=photo, photo_consent=consent,
        )  # fmt: skip
    items = client.get("/api/tradition/golden-book/", HTTP_HOST=SCHOOL).json()["items"]
    photos = {item["pupil_name"]: item["photo"] for item in items}
    assert photos["Có Đồng Ý"]["id"] == photo.pk
    assert photos["Không Đồng Ý"] is None


def test_schedule_by_date_range(client, demo):
    page = SchedulePage.objects.live().get(
        path__startswith=demo["tthtcdhucdong"].root_page.path
    )
    day = datetime.date(2027, 3, 15)
    ScheduleEntry.objects.create(
        page=page, date=day, content="Họp dân", place="Nhà văn hóa"
    )
    ScheduleEntry.objects.create(
        page=page, date=day + datetime.timedelta(days=10), content="Lớp tin học"
    )
    url = "/api/centre/schedule/?start=2027-03-10&end=2027-03-20"
    body = client.get(url, HTTP_HOST=CENTRE).json()
    assert [e["content"] for e in body["items"]] == ["Họp dân"]
    assert body["ical_url"].endswith("/ical/")
    ical = client.get(urlsplit(body["ical_url"]).path, HTTP_HOST=CENTRE)
    assert (ical.status_code, ical["Content-Type"][:13]) == (200, "text/calendar")
    ranged = client.get(url.replace("/schedule/", "/schedule.ics"), HTTP_HOST=CENTRE)
    assert ranged["Content-Type"].startswith("text/calendar")
    text = ranged.content.decode()
    assert "SUMMARY:Họp dân" in text and "Lớp tin học" not in text
    backwards = client.get(
        "/api/centre/schedule/?start=2027-03-20&end=2027-03-10", HTTP_HOST=CENTRE
    ).json()
    assert backwards["items"] == []
    long = client.get(
        "/api/centre/schedule/?start=2027-01-01&end=2030-01-01", HTTP_HOST=CENTRE
    ).json()
    assert long["end"] == "2028-01-01"


def test_network_lists_only_what_units_share(client, demo):
    news = client.get("/api/network/news/?limit=50", HTTP_HOST=SCHOOL).json()
    shared_news = NewsPage.objects.live().public().filter(share_with_authority=True)
    assert news["count"] == shared_news.count()
    assert all(item["unit"] for item in news["items"])
    library = client.get("/api/network/library/?limit=50", HTTP_HOST=SCHOOL).json()
    assert (
        library["count"]
        == ResourcePage.objects.live().public().filter(shared=True).count()
    )
    one = client.get("/api/network/library/?unit=thdongvan", HTTP_HOST=SCHOOL).json()
    assert {item["unit"] for item in one["items"]} == {"thdongvan"}
