import datetime

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.models import Page

from headless.blocks import Block, stream_out
from headless.listing import PageMeta, Paging, page_meta, paged, set_last_modified
from headless.problems import NOT_FOUND
from headless.scope import SITE, SITE_PARAMETER, public_pages, site_for
from pagemodels.choices import DisclosureCategory
from pagemodels.fields import SCHOOL_YEAR_PATTERN
from pagemodels.models import DisclosureItemPage, DisclosureYearPage

router = Router(tags=["disclosure"])


class DisclosureFilters(Paging):
    site: str | None = Field(**SITE_PARAMETER)
    school_year: str | None = Field(None, pattern=SCHOOL_YEAR_PATTERN.pattern)
    category: DisclosureCategory | None = None


class DisclosureItem(PageMeta):
    school_year: str
    category: DisclosureCategory
    category_label: str
    due_date: datetime.date | None
    first_published_at: datetime.datetime | None
    summary: str


class DisclosureList(Schema):
    count: int
    items: list[DisclosureItem]


class StaffRow(Schema):
    group: str
    total: int
    female: int | None
    ethnic_minority: int | None
    postgraduate: int | None
    university: int | None
    college: int | None
    intermediate: int | None
    other: int | None


class FacilityRow(Schema):
    item: str
    unit: str
    quantity: int
    area_m2: float | None
    note: str


class DisclosureDetail(DisclosureItem):
    body: list[Block]
    staff: list[StaffRow]
    facilities: list[FacilityRow]
    attachments: list[Block]


def disclosure_item(page, request):
    return {
        **page_meta(page, request),
        "school_year": page.year,
        "category": page.category,
        "category_label": str(page.get_category_display()),
        "due_date": page.due_date,
        "first_published_at": page.first_published_at,
        "summary": page.summary,
    }


@router.get(
    "/",
    response={200: DisclosureList, **NOT_FOUND},
    summary="Công khai theo năm học và nội dung",
)
def disclosure_list(request, response: HttpResponse, filters: Query[DisclosureFilters]):
    pages = public_pages(DisclosureItemPage, site_for(request, filters.site))
    pages = pages.annotate(year=_parent_year())
    if filters.school_year:
        pages = pages.filter(year=filters.school_year)
    if filters.category:
        pages = pages.filter(category=filters.category)
    pages = pages.order_by("-year", "category", "pk")
    return paged(pages, filters, request, response, disclosure_item)


def _parent_year():
    """The school year of the item's parent (a DisclosureYearPage)."""
    parent_path = Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * Page.steplen)
    return Subquery(
        DisclosureYearPage.objects.filter(path=parent_path).values("school_year")[:1]
    )


def _rows(stream):
    return [dict(child.value) for child in stream]


@router.get(
    "/{page_id}/",
    response={200: DisclosureDetail, **NOT_FOUND},
    summary="Một nội dung công khai",
)
def disclosure_detail(
    request, response: HttpResponse, page_id: int, site: str | None = SITE
):
    pages = public_pages(DisclosureItemPage, site_for(request, site))
    page = pages.annotate(year=_parent_year()).filter(pk=page_id).first()
    if page is None:
        raise Http404(_("Không có trang này trên trang thông tin đã chọn."))
    set_last_modified(response, [page])
    facilities = [
        {**row, "area_m2": float(row["area_m2"]) if row["area_m2"] is not None else None,
         "unit": row["unit"] or "", "note": row["note"] or ""}
        for row in _rows(page.facilities_table)
    ]  # fmt: skip
    return {
        **disclosure_item(page, request),
        "body": stream_out(page.body, request),
        "staff": _rows(page.staff_table),
        "facilities": facilities,
        "attachments": stream_out(page.attachments, request),
    }
