"""The work schedule as an iCalendar (RFC 5545) feed."""

import datetime

from django.http import HttpResponse
from django.utils import timezone


def _escape(text):
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode()
    parts = []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        while cut and (encoded[cut] & 0xC0) == 0x80:  # never split a UTF-8 char
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
    parts.append(encoded.decode())
    return "\r\n ".join(parts)


def _utc(moment):
    return f"{moment.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"


def _span(entry):
    """DTSTART and DTEND values: a whole day without a time, else an hour by default."""
    if entry.start_time is None:
        next_day = entry.date + datetime.timedelta(days=1)
        return f";VALUE=DATE:{entry.date:%Y%m%d}", f";VALUE=DATE:{next_day:%Y%m%d}"
    start = timezone.make_aware(datetime.datetime.combine(entry.date, entry.start_time))
    if entry.end_time and entry.end_time > entry.start_time:
        end = timezone.make_aware(datetime.datetime.combine(entry.date, entry.end_time))
    else:
        end = start + datetime.timedelta(hours=1)
    return f":{_utc(start)}", f":{_utc(end)}"


def schedule_calendar(page, host, entries=None):
    """The calendar of `page`'s entries (or of the given ones)."""
    now = _utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{host}//lich-cong-tac//VI",
        f"X-WR-CALNAME:{_escape(page.title)}",
        "CALSCALE:GREGORIAN",
    ]
    if entries is None:
        entries = page.entries.all().order_by("date", "start_time")
    for entry in entries:
        start, end = _span(entry)
        lines += [
            "BEGIN:VEVENT",
            f"UID:schedule-{entry.pk}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART{start}",
            f"DTEND{end}",
            f"SUMMARY:{_escape(entry.content)}",
        ]
        if entry.place:
            lines.append(f"LOCATION:{_escape(entry.place)}")
        details = [
            f"Chủ trì: {entry.host}" if entry.host else "",
            f"Thành phần: {entry.participants}" if entry.participants else "",
        ]
        if any(details):
            lines.append(f"DESCRIPTION:{_escape(chr(10).join(filter(None, details)))}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def schedule_calendar_response(page, request):
    response = HttpResponse(
        schedule_calendar(page, request.get_host().split(":")[0]),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response
