import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from headless.blocks import Block, stream_out
from headless.listing import PageMeta, Paging, page_meta, paged, set_last_modified
from headless.media import ImageOut, image_out, with_renditions
from headless.problems import NOT_FOUND
from headless.scope import SITE, SITE_PARAMETER, page_or_404, public_pages, site_for
from pagemodels.choices import NewsCategory
from pagemodels.models import NewsPage

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
