"""A community learning centre: introduction and organisation, work
schedule by date range (and its iCal feed), programmes and plans."""

import datetime

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.errors import ProblemDetail

from headless.blocks import Block, stream_out
from headless.listing import PageMeta, Paging, page_meta, paged, set_last_modified
from headless.media import ImageOut, image_out, with_renditions
from headless.problems import NOT_FOUND
from headless.scope import (
    SITE,
    SITE_PARAMETER,
    page_or_404,
    public_pages,
    site_for,
)
from pagemodels.fields import SCHOOL_YEAR_PATTERN
from pagemodels.ical import schedule_calendar
from pagemodels.models import IntroductionPage, ProgrammePage, SchedulePage

router = Router(tags=["centre"])
MAX_DAYS = 366


class MemberOut(Schema):
    name: str
    role: str
    phone: str
    email: str
    photo: ImageOut | None


class IntroductionOut(PageMeta):
    intro: str
    general: list[Block]
    functions: list[Block]
    organisation_chart: ImageOut | None
    members: list[MemberOut]


class EntryOut(Schema):
    date: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None
    content: str
    place: str
    host: str
    participants: str


class ScheduleOut(Schema):
    url: str
    ical_url: str
    start: datetime.date
    end: datetime.date
    count: int
    items: list[EntryOut]


class ScheduleFilters(Schema):
    site: str | None = Field(**SITE_PARAMETER)
    start: datetime.date | None = Field(None, description="Mặc định: thứ Hai tuần này.")
    end: datetime.date | None = Field(
        None, description=f"Mặc định: 6 ngày sau start; tối đa {MAX_DAYS} ngày."
    )


class ProgrammeFilters(Paging):
    site: str | None = Field(**SITE_PARAMETER)
    school_year: str | None = Field(None, pattern=SCHOOL_YEAR_PATTERN.pattern)


class ProgrammeItem(PageMeta):
    school_year: str
    summary: str


class ProgrammeList(Schema):
    count: int
    items: list[ProgrammeItem]


class ProgrammeDetail(ProgrammeItem):
    body: list[Block]
    attachments: list[Block]


def _section(model, request, site):
    page = public_pages(model, site_for(request, site)).first()
    if page is None:
        raise Http404(_("Trang thông tin này không có mục đó."))
    return page


@router.get(
    "/introduction/",
    response={200: IntroductionOut, **NOT_FOUND},
    summary="Giới thiệu trung tâm",
)
def introduction(request, response: HttpResponse, site: str | None = SITE):
    page = _section(IntroductionPage, request, site)
    members = page.members.prefetch_related(with_renditions("photo"))
    set_last_modified(response, [page])
    return {
        **page_meta(page, request),
        "intro": page.intro,
        "general": stream_out(page.general, request),
        "functions": stream_out(page.functions, request),
        "organisation_chart": image_out(page.organisation_chart, request),
        "members": [
            {
                "name": m.name,
                "role": m.role,
                "phone": m.phone,
                "email": m.email,
                "photo": image_out(m.photo, request),
            }
            for m in members
        ],
    }


@router.get(
    "/schedule/", response={200: ScheduleOut, **NOT_FOUND}, summary="Lịch công tác"
)
def schedule(request, response: HttpResponse, filters: Query[ScheduleFilters]):
    page = _section(SchedulePage, request, filters.site)
    start, end = date_range(filters.start, filters.end)
    entries = page.entries.filter(date__range=(start, end))
    set_last_modified(response, [page])
    items = [
        {
            "date": e.date,
            "start_time": e.start_time,
            "end_time": e.end_time,
            "content": e.content,
            "place": e.place,
            "host": e.host,
            "participants": e.participants,
        }
        for e in entries
    ]
    return {
        "url": page.get_full_url(request),
        "ical_url": page.get_full_url(request) + page.reverse_subpage("ical"),
        "start": start,
        "end": end,
        "count": len(items),
        "items": items,
    }


@router.get(
    "/schedule.ics",
    response={404: ProblemDetail, 400: ProblemDetail},
    summary="Lịch công tác (iCalendar)",
    openapi_extra={
        "responses": {
            "200": {
                "description": "iCalendar",
                "content": {"text/calendar": {"schema": {"type": "string"}}},
            }
        }
    },
)
def schedule_ical(request, filters: Query[ScheduleFilters]):
    page = _section(SchedulePage, request, filters.site)
    start, end = date_range(filters.start, filters.end)
    entries = page.entries.filter(date__range=(start, end))
    body = schedule_calendar(page, request.get_host().split(":")[0], entries)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def date_range(start, end):
    """The requested days, at most MAX_DAYS of them (an end before the start
    is an empty range)."""
    if start is None:
        today = datetime.date.today()
        start = today - datetime.timedelta(days=today.weekday())
    longest = _plus(start, MAX_DAYS - 1)
    end = min(end or _plus(start, 6), longest)
    return start, end


def _plus(day, days):
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max


def programme_item(page, request):
    return {
        **page_meta(page, request),
        "school_year": page.school_year,
        "summary": page.summary,
    }


@router.get(
    "/programmes/",
    response={200: ProgrammeList, **NOT_FOUND},
    summary="Chương trình, kế hoạch",
)
def programmes(request, response: HttpResponse, filters: Query[ProgrammeFilters]):
    pages = public_pages(ProgrammePage, site_for(request, filters.site))
    if filters.school_year:
        pages = pages.filter(school_year=filters.school_year)
    pages = pages.order_by("-school_year", "title", "pk")
    return paged(pages, filters, request, response, programme_item)


@router.get(
    "/programmes/{page_id}/",
    response={200: ProgrammeDetail, **NOT_FOUND},
    summary="Một chương trình, kế hoạch",
)
def programme(request, response: HttpResponse, page_id: int, site: str | None = SITE):
    page = page_or_404(ProgrammePage, site_for(request, site), page_id)
    set_last_modified(response, [page])
    return {
        **programme_item(page, request),
        "body": stream_out(page.body, request),
        "attachments": stream_out(page.attachments, request),
    }
