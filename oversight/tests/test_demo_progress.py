"""The demo network shows varied, believable progress on the dashboard."""

import pytest
from django.contrib.auth import get_user_model

from oversight.measures import compute_measures, measured_units
from oversight.models import SchoolYearTarget
from pagemodels.fields import current_school_year

pytestmark = pytest.mark.django_db


def test_the_demo_network_has_varied_progress(demo):
    year = current_school_year()
    measures = {m.unit.key: m for m in compute_measures(year, measured_units())}
    assert len(measures) == 22
    scores = sorted(m.score for m in measures.values())
    assert scores[-1] - scores[0] >= 20
    failing = {
        c.key for m in measures.values() for c in m.completeness.checks if not c.passed
    }
    assert {"fields", "disclosure", "disclosure_changes", "news", "schedule"} <= failing
    assert (
        measures["thcstinhhuc"].coverage.applied == 0
    )  # a school that has not started
    if (
        SchoolYearTarget.for_year(year).expected_percent(
            measures["thdongvan"].coverage.as_of
        )
        >= 2
    ):
        statuses = {m.coverage.status for m in measures.values() if m.coverage}
        assert {"on_track", "behind"} <= statuses
        resources = measures["thtinhhuc"].coverage.applied
        assert resources > measures["ptdtbtthhucdong"].coverage.applied > 0


def test_the_dashboard_and_a_unit_page_render_on_the_demo(client, demo):
    client.force_login(get_user_model().objects.get(username="admin"))
    page = client.get("/admin/oversight/")
    assert page.status_code == 200
    assert page.content.decode().count("<tr>") >= 23
    unit = client.get("/admin/oversight/unit/thdongvan/")
    assert (
        "Việc cần làm tiếp" in unit.content.decode() or "100,0" in unit.content.decode()
    )
    home = client.get("/admin/").content.decode()
    assert "Mở bảng giám sát" in home
