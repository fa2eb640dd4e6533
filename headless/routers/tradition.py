"""Tradition and development of a school: pupils by year (names only where
parents consented) and the golden book (photos only where they consented)."""

from django.db.models import Prefetch
from django.http import HttpResponse
from ninja import Router, Schema

from headless.listing import set_last_modified
from headless.media import ImageOut, image_out, with_renditions
from headless.problems import NOT_FOUND
from headless.scope import SITE, public_pages, site_for
from pagemodels.choices import AchievementLevel
from pagemodels.models import GoldenBookEntry, GoldenBookPage, PupilYearPage

router = Router(tags=["tradition"])


class ClassOut(Schema):
    grade: int
    class_name: str
    pupils: int
    girls: int | None
    names: list[str]


class PupilYearOut(Schema):
    school_year: str
    url: str
    total: int
    classes: list[ClassOut]


class PupilYears(Schema):
    count: int
    items: list[PupilYearOut]


class GoldenEntryOut(Schema):
    pupil_name: str
    school_year: str
    class_name: str
    achievement: str
    level: AchievementLevel
    level_label: str
    photo: ImageOut | None


class GoldenBookOut(Schema):
    url: str | None
    intro: str
    count: int
    items: list[GoldenEntryOut]


@router.get(
    "/pupils/", response={200: PupilYears, **NOT_FOUND}, summary="Học sinh qua các năm"
)
def pupil_years(request, response: HttpResponse, site: str | None = SITE):
    years = (
        public_pages(PupilYearPage, site_for(request, site))
        .prefetch_related("classes")
        .order_by("-school_year")
    )
    set_last_modified(response, years)
    items = []
    for year in years:
        classes = sorted(year.classes.all(), key=lambda c: (c.grade, c.class_name))
        items.append(
            {
                "school_year": year.school_year,
                "url": year.get_full_url(request),
                "total": sum(c.pupils for c in classes),
                "classes": [
                    {
                        "grade": c.grade,
                        "class_name": c.class_name,
                        "pupils": c.pupils,
                        "girls": c.girls,
                        "names": c.public_names(),
                    }
                    for c in classes
                ],
            }
        )
    return {"count": len(items), "items": items}


@router.get(
    "/golden-book/", response={200: GoldenBookOut, **NOT_FOUND}, summary="Sổ vàng"
)
def golden_book(request, response: HttpResponse, site: str | None = SITE):
    entries = GoldenBookEntry.objects.order_by("-school_year", "sort_order")
    book = (
        public_pages(GoldenBookPage, site_for(request, site))
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=entries.prefetch_related(with_renditions("photo")),
            )
        )
        .first()
    )
    if book is None:
        return {"url": None, "intro": "", "count": 0, "items": []}
    set_last_modified(response, [book])
    items = [
        {
            "pupil_name": entry.pupil_name,
            "school_year": entry.school_year,
            "class_name": entry.class_name,
            "achievement": entry.achievement,
            "level": entry.level,
            "level_label": str(entry.get_level_display()),
            "photo": image_out(entry.photo, request) if entry.photo_consent else None,
        }
        for entry in book.entries.all()
    ]
    return {
        "url": book.get_full_url(request),
        "intro": book.intro,
        "count": len(items),
        "items": items,
    }
