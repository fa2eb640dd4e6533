import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema
from wagtail.models import Page

from headless.blocks import Block, stream_out
from headless.listing import PageMeta, Paging, page_meta, paged, set_last_modified
from headless.media import ImageOut, image_out, with_renditions
from headless.problems import NOT_FOUND, PROBLEMS
from headless.scope import SITE, SITE_PARAMETER, page_or_404, public_pages, site_for
from pagemodels.choices import NewsCategory
from pagemodels.models import NewsPage
from units.models import Unit

router = Router(tags=["news"])


class NewsFilters(Paging):
    site: str | None = Field(**SITE_PARAMETER)
    category: NewsCategory | None = None


class NewsItem(PageMeta):
    date: datetime.date
    category: NewsCategory
    category_label: str
    summary: str
    cover: ImageOut | None


class NewsList(Schema):
    count: int
    items: list[NewsItem]


class NewsDetail(NewsItem):
    body: list[Block]
    gallery: list[Block]


def news_item(page, request):
    return {
        **page_meta(page, request),
        "date": page.date,
        "category": page.category,
        "category_label": str(page.get_category_display()),
        "summary": page.summary,
        "cover": image_out(page.cover_image, request),
    }


@router.get("/", response={200: NewsList, **NOT_FOUND}, summary="Tin tức của một trang")
def news_list(request, response: HttpResponse, filters: Query[NewsFilters]):
    site = site_for(request, filters.site)
    pages = public_pages(NewsPage, site).prefetch_related(
        with_renditions("cover_image")
    )
    if filters.category:
        pages = pages.filter(category=filters.category)
    pages = pages.order_by("-date", "-pk")
    return paged(pages, filters, request, response, news_item)


@router.get("/{page_id}/", response={200: NewsDetail, **NOT_FOUND}, summary="Một tin")
def news_detail(request, response: HttpResponse, page_id: int, site: str | None = SITE):
    page = page_or_404(NewsPage, site_for(request, site), page_id)
    set_last_modified(response, [page])
    return {
        **news_item(page, request),
        "body": stream_out(page.body, request),
        "gallery": stream_out(page.gallery, request),
    }


class NetworkFilters(Paging):
    category: NewsCategory | None = None
    unit: str | None = Field(None, max_length=80, description="Mã đơn vị.")


class NetworkNewsItem(NewsItem):
    unit: str | None


class NetworkNewsList(Schema):
    count: int
    items: list[NetworkNewsItem]


network_router = Router(tags=["network"])


@network_router.get(
    "/news/",
    response={200: NetworkNewsList, **PROBLEMS},
    summary="Tin các đơn vị gửi lên cổng của cơ quan quản lý",
)
def network_news(request, response: HttpResponse, filters: Query[NetworkFilters]):
    pages = (
        NewsPage.objects.live()
        .public()
        .filter(share_with_authority=True)
        .prefetch_related(with_renditions("cover_image"))
    )
    if filters.category:
        pages = pages.filter(category=filters.category)
    homes = dict(
        Unit.objects.active()
        .filter(root_page__isnull=False)
        .values_list("root_page__path", "key")
    )
    if filters.unit:
        home = next((p for p, key in homes.items() if key == filters.unit), None)
        pages = pages.filter(path__startswith=home) if home else pages.none()
    pages = pages.order_by("-date", "-pk")

    def item(page, request):
        return {
            **news_item(page, request),
            "unit": homes.get(page.path[: 2 * Page.steplen]),
        }

    return paged(pages, filters, request, response, item)
