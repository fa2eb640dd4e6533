"""The figures of `UnitMeasures.figures()` as CSV or XLSX, one row per unit,
with Vietnamese column headers."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from oversight.coverage import STATUS_LABELS

COLUMNS = [
    ("unit", _("Mã đơn vị")),
    ("name", _("Tên đơn vị")),
    ("kind", _("Loại")),
    ("hostname", _("Tên miền")),
    ("school_year", _("Năm học")),
    ("score", _("Điểm đánh giá")),
    ("coverage_percent", _("Tỉ lệ ứng dụng CNTT (%)")),
    ("coverage_expected_percent", _("Tỉ lệ cần đạt đến nay (%)")),
    ("coverage_applied", _("Đã ứng dụng CNTT")),
    ("coverage_planned", _("Theo phân phối chương trình")),
    ("coverage_status", _("Tiến độ")),
    ("completeness_percent", _("Đầy đủ thông tin (%)")),
    ("checks_passed", _("Tiêu chí đạt")),
    ("checks_total", _("Số tiêu chí")),
    ("activity", _("Lượt đăng trong kì")),
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def rows(measures):
    for measure in measures:
        figures = measure.figures()
        figures["coverage_status"] = STATUS_LABELS.get(figures["coverage_status"], "")
        figures["kind"] = measure.unit.get_kind_display()
        yield [
            figures[key] if figures[key] is not None else "" for key, _label in COLUMNS
        ]


def as_csv(measures):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(label) for _key, label in COLUMNS])
    writer.writerows(rows(measures))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


def as_xlsx(measures, school_year):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Giám sát {school_year}"
    sheet.append([str(label) for _key, label in COLUMNS])
    for row in rows(measures):
        sheet.append(row)
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(measures, school_year, extension):
    if extension == "xlsx":
        content, content_type = as_xlsx(measures, school_year), XLSX
    else:
        content, content_type = as_csv(measures), "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="giam-sat-{school_year}.{extension}"'
    )
    return response
