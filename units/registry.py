"""Reading the unit registry file (CSV) into validated entries.

Columns: kind, school_level, name, locality, and optionally code (the
subdomain label, to tell apart two units that the convention would give the
same hostname). Every problem is reported with its line number before
anything is written."""

import csv
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from cms.problems import ProblemsError
from search.folding import fold
from units.models import Unit

REQUIRED_COLUMNS = ("kind", "school_level", "name", "locality")
LEVEL_LABELS = {
    Unit.SchoolLevel.TH: "th",
    Unit.SchoolLevel.THCS: "thcs",
    Unit.SchoolLevel.TH_THCS: "ththcs",
    Unit.SchoolLevel.PTDTBT_TH: "ptdtbtth",
    Unit.SchoolLevel.PTDTBT_THCS: "ptdtbtthcs",
}
LABEL_PATTERN = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


class RegistryError(ProblemsError):
    pass


@dataclass(frozen=True)
class Entry:
    line: int
    kind: str
    school_level: str
    name: str
    locality: str
    key: str
    hostname: str


def locality_slug(locality):
    """ASCII slug of a Vietnamese place name: "Húc Động" -> "hucdong"."""
    return re.sub(r"[^a-z0-9]", "", fold(locality).lower())


def hostname_for(kind, school_level, locality, code="", domain=None):
    domain = domain or settings.AUTHORITY_DOMAIN
    if kind == Unit.Kind.AUTHORITY:
        return domain
    if code:
        return f"{code}.{domain}"
    place = locality_slug(locality)
    if kind == Unit.Kind.CENTRE:
        return f"tthtcd{place}.{domain}"
    return settings.SCHOOL_HOSTNAME_PATTERN.format(
        level=LEVEL_LABELS[school_level], locality=place, domain=domain
    )


def key_for(hostname, domain=None):
    domain = domain or settings.AUTHORITY_DOMAIN
    if hostname == domain:
        return "authority"
    return hostname.removesuffix(f".{domain}").replace(".", "-")


def _entry(line, row):
    problems = []
    kind = (row.get("kind") or "").strip().lower()
    level = (row.get("school_level") or "").strip().upper()
    name = " ".join((row.get("name") or "").split())
    locality = " ".join((row.get("locality") or "").split())
    code = (row.get("code") or "").strip().lower()
    if kind not in Unit.Kind.values:
        problems.append(
            _(
                "dòng %(line)d: loại đơn vị không hợp lệ “%(kind)s” (cần: authority, school hoặc centre)"
            )
            % {"line": line, "kind": kind}
        )
    if kind == Unit.Kind.SCHOOL and level not in Unit.SchoolLevel.values:
        problems.append(
            _("dòng %(line)d: cấp học không hợp lệ “%(level)s” (cần: %(levels)s)")
            % {
                "line": line,
                "level": level,
                "levels": ", ".join(Unit.SchoolLevel.values),
            }
        )
    if kind != Unit.Kind.SCHOOL:
        level = ""
    if not name:
        problems.append(_("dòng %(line)d: thiếu tên đơn vị") % {"line": line})
    if not locality_slug(locality):
        problems.append(_("dòng %(line)d: thiếu địa bàn") % {"line": line})
    if code and not LABEL_PATTERN.match(code):
        problems.append(
            _("dòng %(line)d: mã “%(code)s” không dùng được làm tên miền")
            % {"line": line, "code": code}
        )
    if problems:
        return None, problems
    hostname = hostname_for(kind, level, locality, code)
    entry = Entry(line, kind, level, name, locality, key_for(hostname), hostname)
    return entry, []


def read_registry(path):
    """Parse and validate the registry; raise RegistryError listing every problem."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [
                c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])
            ]
            if missing:
                raise RegistryError(
                    [_("thiếu cột: %(columns)s") % {"columns": ", ".join(missing)}]
                )
            rows = [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise RegistryError(
            [_("không đọc được tệp: %(error)s") % {"error": error}]
        ) from error

    entries, problems, seen, names = [], [], {}, {}
    for line, row in rows:
        if not any((value or "").strip() for value in row.values()):
            continue
        entry, row_problems = _entry(line, row)
        problems += row_problems
        if entry is None:
            continue
        if entry.hostname in seen:
            problems.append(
                _(
                    "dòng %(line)d: “%(name)s” trùng tên miền %(host)s với dòng %(other)d (thêm cột code để phân biệt)"
                )
                % {
                    "line": line,
                    "name": entry.name,
                    "host": entry.hostname,
                    "other": seen[entry.hostname],
                }
            )
            continue
        if entry.name.casefold() in names:
            problems.append(
                _("dòng %(line)d: tên “%(name)s” đã có ở dòng %(other)d")
                % {
                    "line": line,
                    "name": entry.name,
                    "other": names[entry.name.casefold()],
                }
            )
            continue
        seen[entry.hostname] = line
        names[entry.name.casefold()] = line
        entries.append(entry)
    authorities = [e for e in entries if e.kind == Unit.Kind.AUTHORITY]
    if not problems and len(authorities) != 1:
        problems.append(
            _("tệp cần đúng một dòng authority (cơ quan quản lý), có %(count)d")
            % {"count": len(authorities)}
        )
    if problems:
        raise RegistryError(problems)
    return entries
