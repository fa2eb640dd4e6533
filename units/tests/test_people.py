"""A unit's approvers manage its people, and only its people."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def person(username, *groups, email=""):
    user = get_user_model().objects.create_user(username, email=email, password="pw")
    user.groups.add(*groups)
    return user


@pytest.fixture
def school(network):
    return network["school"]


@pytest.fixture
def principal(client, school):
    user = person("hieutruong", school.approvers_group)
    client.force_login(user)
    return user


def people_url(unit):
    return reverse("units_people", args=[unit.key])


def test_approver_invites_a_new_editor(client, school, principal):
    response = client.post(
        people_url(school),
        {"full_name": "Hoàng Thị Thu", "email": "Thu.HT@truong.vn", "role": "editors"},
    )
    assert response.status_code == 302
    invited = get_user_model().objects.get(email="thu.ht@truong.vn")
    assert (invited.first_name, invited.last_name) == ("Hoàng Thị", "Thu")
    assert list(invited.groups.all()) == [school.editors_group]
    assert not invited.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["thu.ht@truong.vn"]
    assert school.name in message.subject
    link = next(
        line for line in message.body.splitlines() if "/password_reset/" in line
    )
    assert client.get(link.strip(), follow=True).status_code == 200


def test_a_teacher_of_two_schools_keeps_one_account(client, network, principal):
    school, other = network["school"], network["other_school"]
    teacher = person("giaovien", other.editors_group, email="gv@truong.vn")
    client.post(
        people_url(school),
        {"full_name": "Giáo Viên", "email": "GV@truong.vn", "role": "approvers"},
    )
    assert get_user_model().objects.filter(email__iexact="gv@truong.vn").count() == 1
    assert set(teacher.groups.all()) == {other.editors_group, school.approvers_group}
    assert mail.outbox == []


def test_invite_errors_are_in_vietnamese_and_keep_the_input(client, school, principal):
    response = client.post(
        people_url(school), {"full_name": "Lò Văn A", "email": "sai", "role": "editors"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Địa chỉ thư điện tử không hợp lệ." in text
    assert 'value="Lò Văn A"' in text
    member = person("bientap", school.editors_group, email="bt@truong.vn")
    again = client.post(
        people_url(school), {"full_name": "X", "email": member.email, "role": "editors"}
    )
    assert "Người này đã là thành viên của đơn vị." in again.content.decode()


def test_role_change_and_removal(client, network, school, principal):
    editor = person("bientap", school.editors_group)
    both = person(
        "haitruong", school.editors_group, network["other_school"].editors_group
    )
    client.post(
        reverse("units_people_role", args=[school.key, editor.pk]),
        {"role": "approvers"},
    )
    assert list(editor.groups.all()) == [school.approvers_group]
    client.post(reverse("units_people_remove", args=[school.key, editor.pk]))
    editor.refresh_from_db()
    assert (editor.groups.count(), editor.is_active) == (0, False)
    client.post(reverse("units_people_remove", args=[school.key, both.pk]))
    both.refresh_from_db()
    assert both.is_active
    assert list(both.groups.all()) == [network["other_school"].editors_group]


def test_only_the_units_approvers_manage_it(client, network, school):
    other_principal = person("khac", network["other_school"].approvers_group)
    editor = person("bientap", school.editors_group)
    for user in (other_principal, editor):
        client.force_login(user)
        assert client.get(people_url(school)).status_code == 404
        client.post(reverse("units_people_remove", args=[school.key, editor.pk]))
        assert editor.groups.filter(pk=school.editors_group_id).exists()
    assert client.get(reverse("units_people_index")).status_code == 404
