"""What the API must not publish about pupils, and the centre's schedule
and the network-wide lists."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from pagemodels.models import (
    ClassCount,
    GoldenBookEntry,
    GoldenBookPage,
    NewsPage,
    PupilYearPage,
    ResourcePage,
    ScheduleEntry,
    SchedulePage,
)

pytestmark = pytest.mark.django_db
SCHOOL = "thdongvan.binhlieu.localhost"
CENTRE = "tthtcdhucdong.binhlieu.localhost"


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
    assert (
        client.get(
            body["ical_url"].split(":8000")[-1].split(".localhost")[-1],
            HTTP_HOST=CENTRE,
        ).status_code
        == 200
    )
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
