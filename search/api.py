"""Search in the JSON API: the library of every unit, one site's pages, and
title suggestions. The same results as the HTML pages (search.service); while
OpenSearch is away these answer 503 rather than different results."""

from typing import Literal

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.models import Locale

from headless.routers.resources import ResourceItem, resource_item
from headless.scope import SITE_PARAMETER, bad_parameter, site_for
from pagemodels.choices import ResourceType, TextbookSeries, curriculum_subjects
from pagemodels.fields import SCHOOL_YEAR_PATTERN
from search import service
from search.query import (
    FACETS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    Scope,
    SearchInputError,
    library_query,
    site_query,
)

router = Router(tags=["search"])
ERRORS = {400: ProblemDetail, 404: ProblemDetail, 503: ProblemDetail}


class Paging(Schema):
    q: str = Field(
        "", max_length=MAX_QUERY_LENGTH, description="Từ khóa, có dấu hoặc không dấu."
    )
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class LibraryParams(Paging):
    subject: Literal[tuple(curriculum_subjects())] | None = None
    grade: int | None = Field(None, ge=1, le=9)
    resource_type: ResourceType | None = None
    series: TextbookSeries | None = None
    unit: str | None = Field(None, max_length=80, description="Mã đơn vị.")
    school_year: str | None = Field(None, pattern=SCHOOL_YEAR_PATTERN.pattern)


class FacetValueOut(Schema):
    value: str | int
    label: str
    count: int
    selected: bool


class LibraryHit(ResourceItem):
    score: float
    snippet: str = Field(description="HTML: đoạn trích, từ khớp trong <mark>.")


class LibraryResults(Schema):
    count: int
    page: int
    page_size: int
    engine: str
    corrections: dict[str, list[str]]
    facets: dict[str, list[FacetValueOut]]
    items: list[LibraryHit]


class SiteHit(Schema):
    id: int
    title: str
    url: str
    type: str
    score: float
    snippet: str


class SiteResults(Schema):
    count: int
    page: int
    page_size: int
    engine: str
    items: list[SiteHit]


class Suggestions(Schema):
    suggestions: list[str]


def _params(params):
    """Validated parameters back as the strings a query string would give."""
    return {
        key: str(getattr(value, "value", value))
        for key, value in params.dict().items()
        if value is not None
    }


def _query(build, *args):
    """The query, or a problem: 404 for a unit that does not exist (as for an
    unknown site), 400 naming any other bad parameter."""
    try:
        return build(*args)
    except SearchInputError as error:
        name, message = next(iter(error.errors.items()))
        if name == "unit":
            raise Http404(message) from error
        raise bad_parameter(name, message) from error


def unavailable(request, exc):
    """The API's answer to service.EngineUnavailableError (cms/api.py)."""
    response = problem_response(
        status=503,
        detail=_("Máy chủ tìm kiếm đang tạm gián đoạn, hãy thử lại sau ít phút."),
    )
    response["Retry-After"] = str(settings.SEARCH_ENGINE_RETRY_SECONDS)
    return response


def _locale_id():
    return Locale.get_active().pk


def _envelope(results):
    query = results.query
    return {
        "count": results.total,
        "page": query.page,
        "page_size": query.page_size,
        "engine": results.engine,
    }


@router.get(
    "/library/",
    response={200: LibraryResults, **ERRORS},
    summary="Tìm trong thư viện tài nguyên dùng chung",
)
def search_library(request, params: Query[LibraryParams]):
    query = _query(library_query, _params(params), Scope(locale_id=_locale_id()))
    results = service.search_library(query, fallback=False)
    return {
        **_envelope(results),
        "corrections": results.corrections,
        "facets": {
            name: [vars(value) for value in results.facets.get(name, [])]
            for name in FACETS
        },
        "items": [
            {
                **resource_item(hit.page, request),
                "score": hit.score,
                "snippet": hit.snippet,
            }
            for hit in results.hits
        ],
    }


class SiteParams(Paging):
    site: str | None = Field(**SITE_PARAMETER)


@router.get(
    "/site/",
    response={200: SiteResults, **ERRORS},
    summary="Tìm trong một trang thông tin",
)
def search_site(request, params: Query[SiteParams]):
    site = site_for(request, params.site)
    query = _query(site_query, _params(params), site.root_page.path, _locale_id())
    results = service.search_site(query, fallback=False)
    return {
        **_envelope(results),
        "items": [
            {
                "id": hit.page.pk,
                "title": hit.page.title,
                "url": hit.page.get_full_url(request),
                "type": str(hit.page._meta.verbose_name),
                "score": hit.score,
                "snippet": hit.snippet,
            }
            for hit in results.hits
        ],
    }


@router.get(
    "/autocomplete/",
    response={200: Suggestions, **ERRORS},
    summary="Gợi ý tên tài nguyên",
    url_name="search_suggest",
)
def suggest(request, q: str = Query(..., min_length=1, max_length=MAX_QUERY_LENGTH)):
    titles = service.autocomplete(q, Scope(locale_id=_locale_id()), fallback=False)
    return {"suggestions": titles}
