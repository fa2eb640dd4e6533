import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from headless.blocks import Block, stream_out
from headless.listing import PageMeta, Paging, page_meta, paged, set_last_modified
from headless.problems import NOT_FOUND
from headless.scope import SITE, SITE_PARAMETER, page_or_404, public_pages, site_for
from pagemodels.choices import DocumentType, IssuingLevel
from pagemodels.models import DirectivePage

router = Router(tags=["directives"])


class DirectiveFilters(Paging):
    site: str | None = Field(**SITE_PARAMETER)
    level: IssuingLevel | None = None
    type: DocumentType | None = None
    year: int | None = Field(None, ge=1945, le=2100)


class DirectiveItem(PageMeta):
    number: str
    document_type: DocumentType
    document_type_label: str
    issuing_body: str
    issuing_level: IssuingLevel
    issuing_level_label: str
    issue_date: datetime.date
    effective_date: datetime.date | None
    summary: str
    signer: str


class DirectiveList(Schema):
    count: int
    items: list[DirectiveItem]


class DirectiveDetail(DirectiveItem):
    body: list[Block]
    attachments: list[Block]


def directive_item(page, request):
    return {
        **page_meta(page, request),
        "number": page.number,
        "document_type": page.document_type,
        "document_type_label": str(page.get_document_type_display()),
        "issuing_body": page.issuing_body,
        "issuing_level": page.issuing_level,
        "issuing_level_label": str(page.get_issuing_level_display()),
        "issue_date": page.issue_date,
        "effective_date": page.effective_date,
        "summary": page.summary,
        "signer": page.signer,
    }


@router.get("/", response={200: DirectiveList, **NOT_FOUND}, summary="Văn bản chỉ đạo")
def directive_list(request, response: HttpResponse, filters: Query[DirectiveFilters]):
    pages = public_pages(DirectivePage, site_for(request, filters.site))
    if filters.level:
        pages = pages.filter(issuing_level=filters.level)
    if filters.type:
        pages = pages.filter(document_type=filters.type)
    if filters.year:
        pages = pages.filter(issue_date__year=filters.year)
    pages = pages.order_by("-issue_date", "-pk")
    return paged(pages, filters, request, response, directive_item)


@router.get(
    "/{page_id}/", response={200: DirectiveDetail, **NOT_FOUND}, summary="Một văn bản"
)
def directive_detail(
    request, response: HttpResponse, page_id: int, site: str | None = SITE
):
    page = page_or_404(DirectivePage, site_for(request, site), page_id)
    set_last_modified(response, [page])
    return {
        **directive_item(page, request),
        "body": stream_out(page.body, request),
        "attachments": stream_out(page.attachments, request),
    }
