"""Workflow steps of the network: a unit's own approvers, then, for the page
types the authority chooses, the authority's review."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState

from units.access import home_paths, under
from units.models import Unit

ACTIONS = [
    ("reject", _("Yêu cầu chỉnh sửa"), True),
    ("approve", _("Phê duyệt và xuất bản"), False),
    ("approve", _("Phê duyệt kèm nhận xét"), True),
]


def approvers_group(page):
    unit = Unit.for_page(page)
    return unit.approvers_group if unit else None


def approves(user, page):
    if user.is_superuser:
        return True
    group = approvers_group(page)
    return group is not None and user.groups.filter(pk=group.pk).exists()


def pages_approved_by(user):
    """Ids (as strings, like WorkflowState.object_id) of the pages under the
    homes of the units `user` approves for, in every language."""
    approved = Unit.objects.active().filter(approvers_group__in=user.groups.all())
    pages = Page.objects.filter(under(home_paths(approved)))
    return pages.annotate(key=Cast("pk", CharField())).values("key")


class UnitApprovalTask(Task):
    """Approved by the approvers of the unit whose site holds the page: one
    task serves every unit of a kind."""

    def user_can_access_editor(self, obj, user):
        return approves(user, obj)

    def locked_for_user(self, obj, user):
        return not approves(user, obj)

    def user_can_lock(self, obj, user):
        return approves(user, obj)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        return ACTIONS if approves(user, obj) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        return states.filter(workflow_state__object_id__in=pages_approved_by(user))

    @classmethod
    def get_description(cls):
        return _("Người phê duyệt của đơn vị có trang duyệt và xuất bản.")

    class Meta:
        verbose_name = _("Phê duyệt của đơn vị")
        verbose_name_plural = _("Phê duyệt của đơn vị")


class AuthorityReviewTask(AbstractGroupApprovalTask):
    """The authority's review, only for the chosen page types; other pages
    pass this step at once."""

    page_types = models.ManyToManyField(
        ContentType,
        blank=True,
        verbose_name=_("loại trang cần thẩm định"),
        limit_choices_to={"app_label__in": ["pagemodels"]},
        related_name="+",
        help_text=_("Trang thuộc các loại này cần cơ quan quản lý thẩm định."),
    )

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "page_types"]
    admin_form_widgets = {
        "groups": forms.CheckboxSelectMultiple,
        "page_types": forms.CheckboxSelectMultiple,
    }

    def applies_to(self, obj):
        return self.page_types.filter(pk=obj.content_type_id).exists()

    def start(self, workflow_state, user=None):
        if self.applies_to(workflow_state.content_object):
            return super().start(workflow_state, user=user)
        return TaskState.objects.create(
            workflow_state=workflow_state,
            task=self,
            revision=workflow_state.content_object.get_latest_revision(),
            status=TaskState.STATUS_SKIPPED,
            finished_at=workflow_state.created_at,
        )

    @classmethod
    def get_description(cls):
        return _("Cơ quan quản lý thẩm định các loại trang đã chọn.")

    class Meta:
        verbose_name = _("Thẩm định của cơ quan quản lý")
        verbose_name_plural = _("Thẩm định của cơ quan quản lý")
