"""Import a curriculum distribution from the spreadsheet schools already use
(XLSX or CSV; columns Tuần, Chủ đề/Mạch nội dung, Tên bài học, Số tiết,
Ghi chú). Every problem is reported by row and column, in Vietnamese, and
nothing is written unless the whole file is right."""

import csv
import io
from dataclasses import dataclass
from zipfile import BadZipFile

from django.db import transaction
from django.utils.translation import gettext as _

from cms.problems import ProblemsError
from curriculum.models import LAST_WEEK, PlannedLesson

COLUMNS = {
    "week": "Tuần",
    "topic": "Chủ đề/Mạch nội dung",
    "title": "Tên bài học",
    "periods": "Số tiết",
    "note": "Ghi chú",
}
REQUIRED = ("week", "title")
EXAMPLE_ROWS = [
    (1, "Số tự nhiên", "Bài 1. Tập hợp", 1, ""),
    (1, "Số tự nhiên", "Bài 2. Cách ghi số tự nhiên", 2, ""),
    (2, "Số tự nhiên", "Bài 3. Thứ tự trong tập hợp các số tự nhiên", 1, "Dạy ghép"),
]


class CurriculumImportError(ProblemsError):
    pass


@dataclass(frozen=True)
class LessonRow:
    row: int
    week: int
    topic: str
    title: str
    periods: int
    note: str


def _normalise(header):
    return " ".join(str(header or "").split()).casefold()


def _rows_from_csv(data):
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t") if text else csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _rows_from_xlsx(data):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_table(data, filename):
    """The sheet as a list of rows (lists of cells), header first."""
    name = filename.lower()
    try:
        if name.endswith(".xlsx"):
            return _rows_from_xlsx(data)
        if name.endswith(".csv"):
            return _rows_from_csv(data)
    except (
        UnicodeDecodeError,
        csv.Error,
        OSError,
        KeyError,
        ValueError,
        BadZipFile,
    ) as error:
        raise CurriculumImportError(
            [
                _("Không đọc được tệp “%(name)s”: %(error)s")
                % {"name": filename, "error": error}
            ]
        ) from error
    raise CurriculumImportError(
        [
            _("Chỉ nhận tệp .xlsx hoặc .csv (tệp đã gửi: “%(name)s”).")
            % {"name": filename}
        ]
    )


def _cell(values, index):
    if index is None or index >= len(values) or values[index] is None:
        return ""
    value = values[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _whole_number(text, row, column, problems, minimum, maximum=None):
    try:
        number = int(text)
    except ValueError:
        number = None
    if number is None or number < minimum or (maximum and number > maximum):
        bounds = f"{minimum}–{maximum}" if maximum else f"≥ {minimum}"
        problems.append(
            _(
                "Dòng %(row)d, cột “%(column)s”: cần một số nguyên %(bounds)s, đang là “%(value)s”."
            )
            % {"row": row, "column": column, "bounds": bounds, "value": text}
        )
    return number


def parse_lessons(table):
    """Validate the rows of a sheet; raise CurriculumImportError listing every problem."""
    if not table:
        raise CurriculumImportError([_("Tệp không có dữ liệu.")])
    header = [_normalise(cell) for cell in table[0]]
    positions = {
        key: header.index(_normalise(label)) if _normalise(label) in header else None
        for key, label in COLUMNS.items()
    }
    missing = [COLUMNS[key] for key in REQUIRED if positions[key] is None]
    if missing:
        raise CurriculumImportError(
            [
                _("Thiếu cột: %(columns)s (dòng tiêu đề phải là dòng đầu tiên).")
                % {"columns": ", ".join(missing)}
            ]
        )
    lessons, problems = [], []
    for row, values in enumerate(table[1:], start=2):
        cells = {key: _cell(values, index) for key, index in positions.items()}
        if not any(cells.values()):
            continue
        week = _whole_number(
            cells["week"], row, COLUMNS["week"], problems, 1, LAST_WEEK
        )
        periods = 1
        if cells["periods"]:
            periods = _whole_number(
                cells["periods"], row, COLUMNS["periods"], problems, 1
            )
        if not cells["title"]:
            problems.append(
                _("Dòng %(row)d, cột “%(column)s”: không được để trống.")
                % {"row": row, "column": COLUMNS["title"]}
            )
        for key in ("topic", "title", "note"):
            if len(cells[key]) > 255:
                problems.append(
                    _("Dòng %(row)d, cột “%(column)s”: dài quá 255 ký tự.")
                    % {"row": row, "column": COLUMNS[key]}
                )
        lessons.append(
            LessonRow(row, week, cells["topic"], cells["title"], periods, cells["note"])
        )
    if not problems and not lessons:
        problems.append(_("Tệp không có bài học nào."))
    if problems:
        raise CurriculumImportError(problems)
    return lessons


def import_lessons(plan, data, filename):
    """Replace the plan's lessons with the file's. Lessons that keep their week
    and title keep their identity (and the resources linked to them); a lesson
    that would disappear while resources link to it stops the import."""
    rows = parse_lessons(read_table(data, filename))
    with transaction.atomic():
        existing = {
            (lesson.week, lesson.title.casefold()): lesson
            for lesson in plan.lessons.select_for_update()
        }
        kept, created = [], []
        for order, row in enumerate(rows):
            lesson = existing.pop((row.week, row.title.casefold()), None)
            if lesson is None:
                lesson = PlannedLesson(plan=plan, week=row.week, title=row.title)
                created.append(lesson)
            else:
                kept.append(lesson)
            lesson.topic, lesson.periods, lesson.note = row.topic, row.periods, row.note
            lesson.sort_order = order
        linked = [lesson for lesson in existing.values() if lesson.resources.exists()]
        if linked:
            raise CurriculumImportError(
                [
                    _(
                        "Bài “%(title)s” (tuần %(week)d) đang được tài nguyên liên kết tới, không thể bỏ khỏi phân phối chương trình."
                    )
                    % {"title": lesson.title, "week": lesson.week}
                    for lesson in linked
                ]
            )
        PlannedLesson.objects.filter(
            pk__in=[gone.pk for gone in existing.values()]
        ).delete()
        PlannedLesson.objects.bulk_update(
            kept, ["topic", "periods", "note", "sort_order"]
        )
        PlannedLesson.objects.bulk_create(created)
        plan.save(update_fields=["updated_at"])
    return len(rows)


def template_xlsx():
    """The spreadsheet template schools fill in (header and example rows)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PPCT"
    sheet.append(list(COLUMNS.values()))
    for row in EXAMPLE_ROWS:
        sheet.append(list(row))
    for column, width in zip("ABCDE", (8, 30, 50, 10, 20), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS.values())
    writer.writerows(EXAMPLE_ROWS)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
