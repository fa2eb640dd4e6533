"""Paging, the Last-Modified header and the page fields every list shows."""

import datetime

from django.utils.http import http_date
from ninja import Field, Schema

MAX_LIMIT = 50
MAX_OFFSET = 1_000_000


class Paging(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"Tối đa {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PageMeta(Schema):
    id: int
    title: str
    url: str
    last_published_at: datetime.datetime | None


def page_meta(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "last_published_at": page.last_published_at,
    }


def set_last_modified(response, pages):
    """Last-Modified from the newest publication among `pages`."""
    stamps = [page.last_published_at for page in pages if page.last_published_at]
    if stamps:
        response["Last-Modified"] = http_date(max(stamps).timestamp())


def paged(queryset, paging, request, response, item):
    """{count, items} for one page of `queryset`, each item built by
    `item(page, request)`."""
    pages = list(queryset[paging.offset : paging.offset + paging.limit])
    set_last_modified(response, pages)
    return {"count": queryset.count(), "items": [item(page, request) for page in pages]}
