"""The evaluation score on a hand-computed fixture, and the same figures
whichever way they are read: the admin table, the exports and the API.

On Monday 12 October 2026 (week 6 of 2026-2027) the target pro-rated to
today is 15% × 6/18 = 5%. The school plans 40 lessons and has one slide
lesson: 2.5%, half the way (0.5 × 50 = 25 points). Completeness: sections
and pending changes pass, fields and disclosure fail, news (11 days old)
passes: 3/5 (0.6 × 30 = 18). Activity: 3 news in the last 30 days out of
the 4 expected (0.75 × 20 = 15). Score: 58."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import APIToken

from curriculum.models import CurriculumPlan, PlannedLesson
from oversight.measures import compute_measures, measured_units
from oversight.models import SchoolYearTarget
from pagemodels.factories import NewsPageFactory, ResourcePageFactory
from pagemodels.models import NewsIndexPage, NewsPage, ResourceIndexPage
from search.folding import fold

pytestmark = pytest.mark.django_db
YEAR = "2026-2027"
TODAY = datetime.date(2026, 10, 12)


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def scored(network):
    school = network["school"]
    SchoolYearTarget.objects.create(
        school_year=YEAR, starts_on=datetime.date(2026, 9, 7), activity_expected=4
    )
    plan = CurriculumPlan.objects.create(
        unit=school, school_year=YEAR, grade=1, subject="Toán"
    )
    lessons = PlannedLesson.objects.bulk_create(
        PlannedLesson(plan=plan, week=1 + n // 2, title=f"Bài {n}") for n in range(40)
    )
    ResourcePageFactory(
        parent=ResourceIndexPage.objects.child_of(school.root_page).get(),
        planned_lesson=lessons[0],
        first_published_at=at(datetime.date(2026, 9, 8)),
    )
    news = NewsIndexPage.objects.child_of(school.root_page).get()
    for day in (1, 5, 10):
        page = NewsPageFactory(parent=news, date=datetime.date(2026, 10, day))
        NewsPage.objects.filter(pk=page.pk).update(last_published_at=at(page.date))
    return network  # fmt: skip


def measures_of(network):
    units = measured_units().order_by("key")
    return {m.unit.key: m for m in compute_measures(YEAR, units, as_of=TODAY)}


def test_the_score_of_a_school(scored):
    m = measures_of(scored)[scored["school"].key]
    assert m.coverage.percent == 2.5
    assert m.coverage.expected_percent == 5.0
    parts = {c.key: (c.share, c.value, round(c.points, 6)) for c in m.components}
    assert parts == {
        "coverage": (50.0, 0.5, 25.0),
        "completeness": (30.0, 0.6, 18.0),
        "activity": (20.0, 0.75, 15.0),
    }
    assert m.score == 58.0
    assert m.next_steps()[-1] == (
        "Đăng mới hoặc cập nhật thêm 1 trang (đã có 3 trong 30 ngày qua)"
    )
    assert "Khối 1 – Toán: 1/40 bài, cần thêm 5 bài để đạt 15%" in m.next_steps()


def test_a_school_without_a_plan_and_a_centre(scored):
    measures = measures_of(scored)
    other = measures[scored["other_school"].key]
    assert {c.key: c.value for c in other.components}["coverage"] == 0.0
    assert "Nhập phân phối chương trình năm học 2026-2027" in other.next_steps()
    centre = measures[scored["centre"].key]
    assert centre.coverage is None
    assert [(c.key, c.share) for c in centre.components] == [
        ("completeness", 60.0),
        ("activity", 40.0),
    ]


def test_the_weights_are_data(scored):
    SchoolYearTarget.objects.filter(school_year=YEAR).update(
        weight_coverage=1, weight_completeness=1, weight_activity=0
    )
    m = measures_of(scored)[scored["school"].key]
    assert m.score == round(50 * 0.5 + 50 * 0.6, 1)


def _user(name, *groups, permissions=()):
    user = get_user_model().objects.create_user(name, password="pw")
    user.groups.add(*groups)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[Permission.objects.get(codename=codename) for codename in permissions],
    )
    return user


def _api(client, user, path):
    _token, plaintext = APIToken.create_token(user=user, name="test")
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {plaintext}")


def test_admin_export_and_api_give_the_same_figures(client, scored, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    supervisor = _user("giamsat", permissions=["view_all_units"])
    expected = {key: m.figures() for key, m in measures_of(scored).items()}

    client.force_login(supervisor)
    exported = client.get(f"/admin/oversight/export.csv?year={YEAR}")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    by_key = {row[0]: row for row in rows[1:]}
    assert set(by_key) == set(expected)
    school = scored["school"].key
    assert by_key[school][5:10] == ["58.0", "2.5", "5.0", "1", "40"]

    served = _api(
        client, supervisor, f"/api/oversight/units/?school_year={YEAR}"
    ).json()
    assert {row["unit"]: row for row in served} == expected

    page = client.get(f"/admin/oversight/?year={YEAR}").content.decode()
    assert "58,0" in page and "2,5%" in page

    detail = _api(
        client, supervisor, f"/api/oversight/units/{school}/?school_year={YEAR}"
    )
    assert detail.json()["score"] == 58.0
    assert [c["points"] for c in detail.json()["components"]] == [25.0, 18.0, 15.0]


def test_a_unit_sees_only_itself_the_authority_sees_all(client, scored):
    school, other = scored["school"], scored["other_school"]
    editor = _user("giaovien", school.editors_group)
    client.force_login(editor)
    page = client.get("/admin/oversight/").content.decode()
    assert school.name in page and other.name not in page
    assert client.get(f"/admin/oversight/unit/{school.key}/").status_code == 200
    assert client.get(f"/admin/oversight/unit/{other.key}/").status_code == 404
    plan = CurriculumPlan.objects.create(
        unit=other, school_year=YEAR, grade=6, subject="Toán"
    )
    assert (
        client.get(f"/admin/oversight/unit/{other.key}/plan/{plan.pk}/").status_code
        == 404
    )
    assert (
        client.get(f"/admin/oversight/unit/{school.key}/plan/{plan.pk}/").status_code
        == 404
    )
    rows = (
        client.get("/admin/oversight/export.csv")
        .content.decode("utf-8-sig")
        .splitlines()
    )
    assert len(rows) == 2 and rows[1].startswith(school.key)
    served = _api(client, editor, "/api/oversight/units/").json()
    assert [row["unit"] for row in served] == [school.key]
    assert _api(client, editor, f"/api/oversight/units/{other.key}/").status_code == 404

    client.force_login(_user("giamsat", permissions=["view_all_units"]))
    page = client.get("/admin/oversight/").content.decode()
    assert all(scored[k].name in page for k in ("school", "other_school", "centre"))
    assert scored["authority"].name not in page


def test_strangers_are_refused(client, scored):
    assert client.get("/admin/oversight/").status_code == 302  # to the login page
    assert client.get("/api/oversight/units/").status_code == 401
    stranger = _user("khach")
    client.force_login(stranger)
    refused = client.get(
        "/admin/oversight/"
    )  # Wagtail's way: back home, with a message
    assert (refused.status_code, refused.url) == (302, "/admin/")
    response = _api(client, stranger, "/api/oversight/units/")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_bad_parameters(client, scored):
    supervisor = _user("giamsat", permissions=["view_all_units"])
    response = _api(client, supervisor, "/api/oversight/units/?school_year=2026")
    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"] == ["query", "school_year"]
    client.force_login(supervisor)
    page = client.get("/admin/oversight/?year=2026&sort=nonsense", follow=True)
    assert page.status_code == 200
    assert "Năm học “2026” không hợp lệ" in page.content.decode()
    assert client.get("/admin/oversight/export.pdf").status_code == 404


def test_the_table_sorts_by_any_column(client, scored):
    client.force_login(_user("giamsat", permissions=["view_all_units"]))
    names = [scored[k].name for k in ("school", "other_school", "centre")]

    def order(sort):
        page = client.get(f"/admin/oversight/?sort={sort}").content.decode()
        table = page[page.index("<tbody>") :]
        return sorted(names, key=table.index)

    assert order("name") == sorted(names, key=fold)
    assert order("-name") == list(reversed(order("name")))
    scores = {m.unit.name: m.score for m in compute_measures(YEAR, measured_units())}
    assert order("-score") == sorted(names, key=lambda n: -scores[n])
