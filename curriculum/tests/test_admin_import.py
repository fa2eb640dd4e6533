import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from curriculum.importer import template_xlsx
from curriculum.models import CurriculumPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, network):
    user = get_user_model().objects.create_user("gv-dongvan", password="pw")
    user.groups.add(network["school"].editors_group)
    client.force_login(user)
    return user


def post(client, unit, body, name="ppct.csv", **fields):
    data = {
        "unit": unit.pk,
        "school_year": "2026-2027",
        "grade": 2,
        "subject": "Toán",
        "file": SimpleUploadedFile(name, body),
        **fields,
    }
    return client.post(reverse("curriculum_import"), data)


def test_an_editor_imports_the_schools_plan(client, network, editor):
    body = "Tuần,Chủ đề/Mạch nội dung,Tên bài học,Số tiết,Ghi chú\n1,Số,Bài 1,1,\n".encode()
    response = post(client, network["school"], body)
    assert response.status_code == 302
    plan = CurriculumPlan.objects.get(unit=network["school"], grade=2, subject="Toán")
    assert list(plan.lessons.values_list("title", flat=True)) == ["Bài 1"]
    listing = client.get(reverse("curriculum_plans")).content.decode()
    assert "Trường Tiểu học Đồng Văn" in listing


def test_errors_are_listed_in_vietnamese_and_the_form_keeps_its_values(
    client, network, editor
):
    body = "Tuần,Chủ đề/Mạch nội dung,Tên bài học,Số tiết,Ghi chú\nx,Số,Bài 1,1,\n".encode()
    response = post(client, network["school"], body, school_year="2026-2027")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dòng 2, cột “Tuần”" in page
    assert 'value="2026-2027"' in page
    assert not CurriculumPlan.objects.exists()


def test_another_schools_plan_and_a_grade_it_does_not_teach_are_refused(
    client, network, editor
):
    response = post(
        client, network["other_school"], template_xlsx(), "mau.xlsx", grade=6
    )
    assert response.status_code == 200
    assert not CurriculumPlan.objects.exists()
    response = post(client, network["school"], template_xlsx(), "mau.xlsx", grade=7)
    assert "không dạy lớp 7" in response.content.decode()
    assert not CurriculumPlan.objects.exists()


def test_templates_download_and_outsiders_are_kept_out(client, network, editor):
    xlsx = client.get(reverse("curriculum_template", args=["xlsx"]))
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"
    csv = client.get(reverse("curriculum_template", args=["csv"]))
    assert "Tên bài học" in csv.content.decode("utf-8-sig")
    centre_editor = get_user_model().objects.create_user("tt", password="pw")
    centre_editor.groups.add(network["centre"].editors_group)
    client.force_login(centre_editor)
    assert client.get(reverse("curriculum_import")).status_code in {302, 403}
    client.logout()
    assert client.get(reverse("curriculum_plans")).status_code == 302
