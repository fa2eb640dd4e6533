"""The authority's supervisors read every unit's pages and drafts and
comment on them, and change nothing."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Comment

from pagemodels.factories import NewsPageFactory
from pagemodels.models import NewsIndexPage
from units.permissions import AUTHORITY_GROUPS, SUPERVISORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(network):
    unit = network["school"]
    author = get_user_model().objects.create_user("bientap", password="pw")
    author.groups.add(unit.editors_group)
    section = NewsIndexPage.objects.child_of(unit.root_page).get()
    page = NewsPageFactory(
        parent=section, title="Tin nháp chờ góp ý", live=False, owner=author
    )
    page.save_revision(user=author)
    return page, author


@pytest.fixture
def supervisor(network):
    user = get_user_model().objects.create_user("giamsat", password="pw")
    user.groups.add(Group.objects.get(name=str(AUTHORITY_GROUPS[SUPERVISORS])))
    return user


def test_supervisor_explores_every_unit_and_reads_drafts(client, draft, supervisor):
    page, _author = draft
    client.force_login(supervisor)
    listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    assert listing.status_code == 200
    assert "Tin nháp chờ góp ý" in listing.content.decode()
    assert reverse("units_page_review", args=[page.pk]) in listing.content.decode()
    review = client.get(reverse("units_page_review", args=[page.pk]))
    assert review.status_code == 200
    assert "Bản nháp, chưa xuất bản." in review.content.decode()
    preview = client.get(reverse("units_page_review_preview", args=[page.pk]))
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"  # framed by the review page
    assert "Tin nháp chờ góp ý" in preview.content.decode()


def test_supervisor_comment_reaches_the_editor(client, draft, supervisor):
    page, author = draft
    client.force_login(supervisor)
    url = reverse("units_page_review", args=[page.pk])
    empty = client.post(url, {"text": ""})
    assert empty.status_code == 400
    assert "Hãy nhập nội dung góp ý." in empty.content.decode()
    assert client.post(url, {"text": "Bổ sung ảnh hoạt động"}).status_code == 302
    comment = Comment.objects.get(page=page)
    assert (comment.user, comment.contentpath) == (supervisor, "title")
    client.force_login(author)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    # the editor's comment panel is fed by a JSON script (ASCII-escaped)
    assert json.dumps("Bổ sung ảnh hoạt động") in editor.content.decode()


def test_supervisor_cannot_edit_or_publish(client, draft, supervisor):
    page, _author = draft
    client.force_login(supervisor)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit).status_code == 302
    client.post(edit, {"title": "Đổi tên", "action-publish": "1"})
    page.refresh_from_db()
    assert (page.title, page.live) == ("Tin nháp chờ góp ý", False)


def test_another_units_staff_cannot_open_the_review(client, draft, network):
    page, _author = draft
    outsider = get_user_model().objects.create_user("khac", password="pw")
    outsider.groups.add(network["other_school"].approvers_group)
    client.force_login(outsider)
    assert client.get(reverse("units_page_review", args=[page.pk])).status_code == 404
