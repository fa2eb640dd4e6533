"""Logins, failed logins and permission changes land in Wagtail's log with
the keys of the units they concern."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry

from audit.signals import GROUP_PERMISSIONS, LOGIN, LOGIN_FAILED, MEMBERSHIP
from audit.tests.helpers import entries_of, member, published_news

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )


def test_a_login_is_logged_with_the_users_units(client, network):
    school = network["school"]
    user = member(school, "editors")
    assert login(client, user.username, "pw").status_code == 302
    (entry,) = entries_of(user, LOGIN)
    assert entry.user == user
    assert entry.data["units"] == [school.key]
    assert entry.timestamp is not None


def test_a_failed_login_is_logged_without_the_password(client, network):
    user = member(network["school"], "approvers")
    assert login(client, user.username, "sai-mat-khau").status_code == 200
    (entry,) = entries_of(user, LOGIN_FAILED)
    assert entry.data["username"] == user.username
    assert entry.data["units"] == [network["school"].key]
    assert "sai-mat-khau" not in json.dumps(entry.data)
    assert not entries_of(user, LOGIN).exists()


def test_a_failed_login_for_an_unknown_name_is_not_an_error(client, network):
    assert login(client, "khong-ai-ca", "pw").status_code == 200


def test_joining_a_units_group_is_logged_with_the_unit(network):
    school = network["school"]
    user = get_user_model().objects.create_user("moi", password="pw")
    user.groups.add(school.editors_group)
    (entry,) = entries_of(user, MEMBERSHIP)
    assert entry.data == {
        "change": "added",
        "groups": [school.editors_group.name],
        "units": [school.key],
    }


def test_membership_is_logged_from_the_groups_side_too(network):
    other = network["other_school"]
    user = get_user_model().objects.create_user("moi", password="pw")
    other.approvers_group.user_set.add(user)
    other.approvers_group.user_set.remove(user)
    changes = [e.data["change"] for e in entries_of(user, MEMBERSHIP)]
    assert sorted(changes) == ["added", "removed"]
    assert all(e.data["units"] == [other.key] for e in entries_of(user, MEMBERSHIP))


def test_only_real_removals_are_logged(network):
    school = network["school"]
    user = member(school, "editors")
    user.groups.remove(school.approvers_group)
    user.groups.clear()
    removals = entries_of(user, MEMBERSHIP).filter(data__change="removed")
    assert [e.data["groups"] for e in removals] == [[school.editors_group.name]]


def test_group_permissions_are_logged(network):
    school = network["school"]
    group = school.editors_group
    permission = Permission.objects.get(codename="delete_image")
    group.permissions.add(permission)
    entry = entries_of(group, GROUP_PERMISSIONS).first()  # the newest
    assert entry.data["permissions"] == ["wagtailimages.delete_image"]
    assert entry.data["units"] == [school.key]


def test_page_permissions_are_logged_with_the_pages_unit(network):
    school, other = network["school"], network["other_school"]
    permission = Permission.objects.get(codename="publish_page")
    grant = GroupPagePermission.objects.create(
        group=school.editors_group, page=other.root_page, permission=permission
    )
    grant.delete()
    entries = entries_of(school.editors_group, GROUP_PERMISSIONS).filter(
        data__page__id=other.root_page.pk
    )
    assert sorted(e.data["change"] for e in entries) == ["added", "removed"]
    assert all(e.data["units"] == sorted([school.key, other.key]) for e in entries)


def test_a_deleted_page_keeps_its_unit(network):
    school = network["school"]
    approver = member(school, "approvers")
    page = published_news(school, approver, "Tin sẽ xoá")
    page_id = page.pk
    page.delete(user=approver, skip_permission_checks=True)
    entry = PageLogEntry.objects.get(page_id=page_id, action="wagtail.delete")
    assert entry.data["units"] == [school.key]
