"""Editor submits, the unit's approvers approve or ask for changes, the
authority reviews the page types it chose; scheduled publishing."""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from moderation.models import AuthorityReviewTask, UnitApprovalTask
from pagemodels.factories import NewsPageFactory
from pagemodels.models import NewsIndexPage, NewsPage
from units.permissions import AUTHORITY_GROUPS, SUPERVISORS

pytestmark = pytest.mark.django_db


def person(name, group, email=True):
    user = get_user_model().objects.create_user(
        name, email=f"{name}@truong.vn" if email else "", password="pw"
    )
    user.groups.add(group)
    return user


@pytest.fixture
def school(network):
    unit = network["school"]
    return {
        "unit": unit,
        "editor": person("bientap", unit.editors_group),
        "approver": person("hieutruong", unit.approvers_group),
        "outsider": person("hieutruongkhac", network["other_school"].approvers_group),
        "supervisor": person(
            "giamsat", Group.objects.get(name=str(AUTHORITY_GROUPS[SUPERVISORS]))
        ),
    }


def draft(school, title="Lễ khai giảng"):
    section = NewsIndexPage.objects.child_of(school["unit"].root_page).get()
    page = NewsPageFactory(
        parent=section, title=title, live=False, owner=school["editor"]
    )
    page.save_revision(user=school["editor"])
    return page


def submit(client, page, user):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = querydict_from_html(
        client.get(url).content.decode(), form_id="page-edit-form"
    )
    form.update({"body-count": "0", "gallery-count": "0", "action-submit": "1"})
    assert client.post(url, form).status_code == 302
    return WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")


def act(client, user, page, action, comment=""):
    client.force_login(user)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    return client.post(url, {"comment": comment} if comment else {})


def test_each_kind_has_its_workflow(network):
    for unit, name in [
        (network["school"], "Quy trình duyệt – Trường học"),
        (network["centre"], "Quy trình duyệt – Trung tâm học tập cộng đồng"),
        (network["authority"], "Quy trình duyệt – Cơ quan quản lý"),
    ]:
        workflow = unit.root_page.get_workflow()
        assert workflow.name == name
    school_tasks = [
        t.specific for t in network["school"].root_page.get_workflow().tasks
    ]
    assert [type(t) for t in school_tasks] == [UnitApprovalTask, AuthorityReviewTask]


def test_submission_notifies_only_the_units_approvers(client, school):
    page = draft(school)
    state = submit(client, page, school["editor"])
    assert isinstance(state.current_task_state.task.specific, UnitApprovalTask)
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients == ["hieutruong@truong.vn"]
    assert school["unit"].name in mail.outbox[0].subject
    assert f"/admin/pages/{page.pk}/edit/" in mail.outbox[0].body


def test_the_units_approver_approves_and_publishes(client, school):
    page = draft(school)
    submit(client, page, school["editor"])
    act(client, school["outsider"], page, "approve")
    page.refresh_from_db()
    assert not page.live
    act(client, school["approver"], page, "approve")
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "approved"


def test_approver_requests_changes_with_a_comment(client, school):
    page = draft(school)
    submit(client, page, school["editor"])
    mail.outbox.clear()
    act(client, school["approver"], page, "reject", comment="Thêm ảnh buổi lễ")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == "needs_changes"
    task_state = state.current_task_state
    assert (task_state.status, task_state.comment) == ("rejected", "Thêm ảnh buổi lễ")
    assert not NewsPage.objects.get(pk=page.pk).live
    assert "bientap@truong.vn" in [a for m in mail.outbox for a in m.to]


def test_authority_reviews_only_the_chosen_page_types(client, school):
    review = AuthorityReviewTask.objects.get()
    page = draft(school)
    submit(client, page, school["editor"])
    act(client, school["approver"], page, "approve")
    page.refresh_from_db()
    assert page.live  # news is not a chosen type: the review step passed

    review.page_types.set([ContentType.objects.get_for_model(NewsPage)])
    second = draft(school, "Công khai chất lượng giáo dục")
    submit(client, second, school["editor"])
    act(client, school["approver"], second, "approve")
    second.refresh_from_db()
    state = WorkflowState.objects.get(object_id=str(second.pk))
    assert not second.live
    assert isinstance(state.current_task_state.task.specific, AuthorityReviewTask)
    act(client, school["supervisor"], second, "approve")
    second.refresh_from_db()
    assert second.live
    skipped = TaskState.objects.filter(workflow_state__object_id=str(page.pk))
    assert set(skipped.values_list("status", flat=True)) == {"approved", "skipped"}


def test_scheduled_publishing_and_expiry(school):
    page = draft(school)
    now = timezone.now()
    page.go_live_at = now + datetime.timedelta(seconds=1)
    page.expire_at = now + datetime.timedelta(days=2)
    page.save_revision(user=school["approver"]).publish(user=school["approver"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    time.sleep(1.2)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    NewsPage.objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert (page.live, page.expired) == (False, True)
