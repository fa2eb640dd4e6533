from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from headless.blocks import Block, stream_out
from headless.listing import PageMeta, Paging, page_meta, paged, set_last_modified
from headless.problems import NOT_FOUND, PROBLEMS
from headless.scope import SITE, SITE_PARAMETER, page_or_404, public_pages, site_for
from pagemodels.choices import Licence, ResourceType, TextbookSeries
from pagemodels.fields import SCHOOL_YEAR_PATTERN
from pagemodels.models import ResourcePage

router = Router(tags=["resources"])


class ResourceFilters(Paging):
    site: str | None = Field(**SITE_PARAMETER)
    subject: str | None = Field(None, max_length=60)
    grade: int | None = Field(None, ge=1, le=9)
    type: ResourceType | None = None
    series: TextbookSeries | None = None
    school_year: str | None = Field(None, pattern=SCHOOL_YEAR_PATTERN.pattern)


class ResourceItem(PageMeta):
    unit: str | None
    summary: str
    subject: str
    grade: int | None
    resource_type: ResourceType
    resource_type_label: str
    series: TextbookSeries | None
    school_year: str
    author: str
    licence: Licence


class ResourceList(Schema):
    count: int
    items: list[ResourceItem]


class ResourceDetail(ResourceItem):
    embed_url: str
    body: list[Block]
    files: list[Block]


def resource_item(page, request):
    return {
        **page_meta(page, request),
        "unit": page.unit.key if page.unit else None,
        "summary": page.summary,
        "subject": page.subject,
        "grade": page.grade,
        "resource_type": page.resource_type,
        "resource_type_label": str(page.get_resource_type_display()),
        "series": page.series or None,
        "school_year": page.school_year,
        "author": page.author,
        "licence": page.licence,
    }


def filtered(pages, filters):
    for field, value in [
        ("subject", filters.subject),
        ("grade", filters.grade),
        ("resource_type", filters.type),
        ("series", filters.series),
        ("school_year", filters.school_year),
    ]:
        if value is not None:
            pages = pages.filter(**{field: value})
    return pages.select_related("unit").order_by("-first_published_at", "-pk")


@router.get(
    "/", response={200: ResourceList, **NOT_FOUND}, summary="Tài nguyên dạy học"
)
def resource_list(request, response: HttpResponse, filters: Query[ResourceFilters]):
    pages = filtered(
        public_pages(ResourcePage, site_for(request, filters.site)), filters
    )
    return paged(pages, filters, request, response, resource_item)


@router.get(
    "/{page_id}/", response={200: ResourceDetail, **NOT_FOUND}, summary="Một tài nguyên"
)
def resource_detail(
    request, response: HttpResponse, page_id: int, site: str | None = SITE
):
    page = page_or_404(ResourcePage, site_for(request, site), page_id)
    set_last_modified(response, [page])
    return {
        **resource_item(page, request),
        "embed_url": page.embed_url,
        "body": stream_out(page.body, request),
        "files": stream_out(page.files, request),
    }


class LibraryFilters(ResourceFilters):
    unit: str | None = Field(None, max_length=80, description="Mã đơn vị.")


library_router = Router(tags=["network"])


@library_router.get(
    "/library/",
    response={200: ResourceList, **PROBLEMS},
    summary="Thư viện tài nguyên dùng chung của mọi đơn vị",
)
def library(request, response: HttpResponse, filters: Query[LibraryFilters]):
    pages = ResourcePage.objects.live().public().filter(shared=True)
    if filters.unit:
        pages = pages.filter(unit__key=filters.unit)
    return paged(filtered(pages, filters), filters, request, response, resource_item)
