"""Targets and weights are data the authority edits in the admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from oversight.models import SchoolYearTarget

pytestmark = pytest.mark.django_db

FORM = {
    "school_year": "2027-2028",
    "starts_on": "2027-09-06",
    "semester_one_percent": "20",
    "year_percent": "45",
    "count_by": "periods",
    "news_max_age_days": "14",
    "weight_coverage": "60",
    "weight_completeness": "30",
    "weight_activity": "10",
    "activity_days": "30",
    "activity_expected": "6",
}


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("pgd", "", "pw"))
    return client


def test_the_authority_sets_a_school_years_target(admin_client):
    response = admin_client.post("/admin/oversight_targets/new/", FORM)
    assert response.status_code == 302
    target = SchoolYearTarget.objects.get(school_year="2027-2028")
    assert (target.semester_one_percent, target.year_percent) == (20, 45)
    assert target.expected_percent(datetime.date(2027, 9, 12)) == pytest.approx(20 / 18)
    assert target.unit_label == "tiết"


def test_bad_targets_are_refused_in_vietnamese_and_kept_in_the_form(admin_client):
    bad = {**FORM, "semester_one_percent": "50", "year_percent": "40"}
    response = admin_client.post("/admin/oversight_targets/new/", bad)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chỉ tiêu cuối năm không được thấp hơn chỉ tiêu học kì I." in page
    assert 'value="2027-09-06"' in page
    bad = {
        **FORM,
        "weight_coverage": "0",
        "weight_completeness": "0",
        "weight_activity": "0",
    }
    page = admin_client.post("/admin/oversight_targets/new/", bad).content.decode()
    assert "Cần ít nhất một trọng số lớn hơn 0." in page
    assert not SchoolYearTarget.objects.exists()


def test_a_unit_editor_cannot_change_targets(client, network):
    editor = get_user_model().objects.create_user("gv", password="pw")
    editor.groups.add(network["school"].editors_group)
    client.force_login(editor)
    response = client.post("/admin/oversight_targets/new/", FORM)
    assert response.status_code == 302 and response.url == "/admin/"
    assert not SchoolYearTarget.objects.exists()
