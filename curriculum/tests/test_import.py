import io

import pytest
from openpyxl import Workbook, load_workbook

from curriculum.importer import (
    COLUMNS,
    CurriculumImportError,
    import_lessons,
    template_csv,
    template_xlsx,
)
from curriculum.models import CurriculumPlan, PlannedLesson
from pagemodels.factories import ResourcePageFactory
from pagemodels.models import ResourceIndexPage

pytestmark = pytest.mark.django_db

HEADER = "Tuần,Chủ đề/Mạch nội dung,Tên bài học,Số tiết,Ghi chú\n"


@pytest.fixture
def plan(network):
    return CurriculumPlan.objects.create(
        unit=network["school"], school_year="2026-2027", grade=2, subject="Toán"
    )


def csv_bytes(body, header=HEADER):
    return (header + body).encode("utf-8")


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_csv_import_creates_the_lessons_with_their_semesters(plan):
    count = import_lessons(
        plan,
        csv_bytes(
            "1,Phép cộng,Bài 1. Ôn tập,2,\n"
            "18,Phép cộng,Bài 2. Luyện tập,1,\n"
            "19,Hình học,Bài 3. Hình tứ giác,,Ôn cuối kì\n"
        ),
        "ppct-toan-2.csv",
    )
    assert count == 3
    lessons = list(plan.lessons.order_by("sort_order"))
    assert [(x.week, x.title, x.periods, x.semester) for x in lessons] == [
        (1, "Bài 1. Ôn tập", 2, 1),
        (18, "Bài 2. Luyện tập", 1, 1),
        (19, "Bài 3. Hình tứ giác", 1, 2),
    ]
    assert lessons[2].note == "Ôn cuối kì"


def test_xlsx_import_reads_the_first_sheet(plan):
    data = xlsx_bytes(
        [
            list(COLUMNS.values()),
            [1, "Số", "Bài 1", 1, None],
            [2.0, "Số", "Bài 2", 2.0, ""],
        ]
    )
    assert import_lessons(plan, data, "PPCT.XLSX") == 2
    assert list(plan.lessons.values_list("week", "periods")) == [(1, 1), (2, 2)]


def test_every_bad_cell_is_reported_and_nothing_is_written(plan):
    body = (
        "1,Số,Bài 1,1,\n"
        "abc,Số,Bài 2,1,\n"  # row 3: week not a number
        "40,Số,Bài 3,1,\n"  # row 4: week out of range
        "5,Số,,1,\n"  # row 5: empty title
        "6,Số,Bài 6,0,\n"  # row 6: zero periods
    )
    with pytest.raises(CurriculumImportError) as raised:
        import_lessons(plan, csv_bytes(body), "ppct.csv")
    problems = raised.value.problems
    assert [p.split(",")[0] for p in problems] == [
        "Dòng 3",
        "Dòng 4",
        "Dòng 5",
        "Dòng 6",
    ]
    assert "“Tuần”" in problems[0] and "“abc”" in problems[0]
    assert "“Tên bài học”" in problems[2]
    assert "“Số tiết”" in problems[3]
    assert not plan.lessons.exists()


def test_missing_columns_and_other_files_are_refused(plan):
    with pytest.raises(CurriculumImportError, match="Thiếu cột: Tên bài học"):
        import_lessons(
            plan, csv_bytes("1,Số,1\n", header="Tuần,Chủ đề,Số tiết\n"), "a.csv"
        )
    with pytest.raises(CurriculumImportError, match=r"\.xlsx hoặc \.csv"):
        import_lessons(plan, b"%PDF-1.4", "ppct.pdf")
    with pytest.raises(CurriculumImportError, match="Không đọc được"):
        import_lessons(plan, b"not a zip", "ppct.xlsx")


def test_reimport_keeps_linked_lessons_and_refuses_to_drop_them(plan, network):
    import_lessons(plan, csv_bytes("1,Số,Bài 1,1,\n2,Số,Bài 2,1,\n"), "a.csv")
    lesson = plan.lessons.get(title="Bài 2")
    index = ResourceIndexPage.objects.child_of(network["school"].root_page).get()
    resource = ResourcePageFactory(parent=index, grade=2, planned_lesson=lesson)

    import_lessons(
        plan, csv_bytes("1,Số,Bài 1,2,\n2,Số học,Bài 2,1,sửa\n3,Số,Bài 3,1,\n"), "b.csv"
    )
    lesson.refresh_from_db()
    assert (lesson.topic, lesson.note) == ("Số học", "sửa")
    assert plan.lessons.count() == 3

    with pytest.raises(CurriculumImportError, match="Bài 2"):
        import_lessons(plan, csv_bytes("1,Số,Bài 1,1,\n"), "c.csv")
    assert plan.lessons.count() == 3
    resource.refresh_from_db()
    assert resource.planned_lesson_id == lesson.pk


def test_the_templates_import_as_they_are(plan):
    sheet = load_workbook(io.BytesIO(template_xlsx())).active
    assert [cell.value for cell in sheet[1]] == list(COLUMNS.values())
    assert import_lessons(plan, template_xlsx(), "mau.xlsx") == 3
    PlannedLesson.objects.all().delete()
    assert import_lessons(plan, template_csv(), "mau.csv") == 3
