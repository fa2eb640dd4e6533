import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from curriculum.generator import generate_plans, planned_lessons
from curriculum.models import CurriculumPlan
from pagemodels.factories import ResourcePageFactory
from pagemodels.models import ResourceIndexPage


def test_lessons_spread_over_35_weeks_keep_the_national_periods():
    lessons = list(planned_lessons("Tiếng Việt", 1, 420))
    assert sum(periods for *_rest, periods in lessons) == 420
    weeks = [week for week, *_rest in lessons]
    assert weeks == sorted(weeks)
    assert (weeks[0], weeks[-1]) == (1, 35)
    assert {week <= 18 for week in weeks} == {True, False}
    assert sum(p for *_r, p in planned_lessons("Toán", 1, 105)) == 105


@pytest.mark.django_db
def test_every_school_gets_plans_for_its_grades(network):
    call_command("generate_curriculum", "--school-year", "2026-2027", verbosity=0)
    primary, secondary = network["school"], network["other_school"]
    assert set(primary.curriculum_plans.values_list("grade", flat=True)) == {
        1,
        2,
        3,
        4,
        5,
    }
    assert set(secondary.curriculum_plans.values_list("grade", flat=True)) == {
        6,
        7,
        8,
        9,
    }
    maths = CurriculumPlan.objects.get(unit=primary, grade=1, subject="Toán")
    assert sum(maths.lessons.values_list("periods", flat=True)) == 105
    assert not network["centre"].curriculum_plans.exists()
    assert generate_plans(primary, "2026-2027") == 0  # nothing twice


@pytest.mark.django_db
def test_a_resource_links_only_to_a_lesson_of_its_school_grade_and_subject(network):
    call_command("generate_curriculum", "--school-year", "2026-2027", verbosity=0)
    school, other = network["school"], network["other_school"]
    index = ResourceIndexPage.objects.child_of(school.root_page).get()
    lesson = CurriculumPlan.objects.get(
        unit=school, grade=2, subject="Toán"
    ).lessons.first()
    linked = ResourcePageFactory(
        parent=index, grade=2, subject="Toán", planned_lesson=lesson
    )
    assert linked.planned_lesson == lesson
    with pytest.raises(ValidationError, match="đúng khối lớp"):
        ResourcePageFactory(
            parent=index, grade=3, subject="Toán", planned_lesson=lesson
        )
    foreign = CurriculumPlan.objects.get(
        unit=other, grade=6, subject="Toán"
    ).lessons.first()
    with pytest.raises(ValidationError, match="của trường mình"):
        ResourcePageFactory(
            parent=index, grade=6, subject="Toán", planned_lesson=foreign
        )


@pytest.mark.django_db
def test_the_admin_offers_only_the_lessons_of_the_schools_grade_and_subject(
    client, network
):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    call_command("generate_curriculum", "--school-year", "2026-2027", verbosity=0)
    school = network["school"]
    index = ResourceIndexPage.objects.child_of(school.root_page).get()
    resource = ResourcePageFactory(parent=index, grade=2, subject="Toán")
    editor = get_user_model().objects.create_user("gv", password="pw")
    editor.groups.add(school.editors_group)
    client.force_login(editor)
    body = client.get(reverse("wagtailadmin_pages:edit", args=[resource.pk])).content
    body = body.decode()
    assert "Toán 2 – Bài 1 " in body
    assert "Toán 3 – Bài 1 " not in body  # another grade
    assert "Tiếng Việt 2 – Bài 1 " not in body  # another subject
    assert "Toán 6 – Bài 1 " not in body  # another school
