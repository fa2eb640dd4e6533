"""One workflow per unit kind: the unit's approvers, then the authority's
review (which passes pages of types the authority has not chosen)."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from moderation.models import AuthorityReviewTask, UnitApprovalTask
from units.models import Unit
from units.permissions import AUTHORITY_GROUPS, SUPERVISORS

WORKFLOW_NAMES = {
    Unit.Kind.AUTHORITY: _("Quy trình duyệt – Cơ quan quản lý"),
    Unit.Kind.SCHOOL: _("Quy trình duyệt – Trường học"),
    Unit.Kind.CENTRE: _("Quy trình duyệt – Trung tâm học tập cộng đồng"),
}
UNIT_TASK_NAME = _("Người phê duyệt của đơn vị")
REVIEW_TASK_NAME = _("Cơ quan quản lý thẩm định")


def _task(model, name):
    task = model.objects.filter(name=str(name)).first()
    created = task is None
    if created:
        task = model.objects.create(name=str(name))
    return task, created


def ensure_workflows():
    """Create the workflows and their tasks once; attach every active unit's
    home to its kind's workflow. Idempotent; the authority's later choices
    (page types to review, reviewers) are kept."""
    approval, _created = _task(UnitApprovalTask, UNIT_TASK_NAME)
    review, created = _task(AuthorityReviewTask, REVIEW_TASK_NAME)
    if created:
        review.groups.set(Group.objects.filter(name=str(AUTHORITY_GROUPS[SUPERVISORS])))
    for kind, name in WORKFLOW_NAMES.items():
        workflow, created = Workflow.objects.get_or_create(name=str(name))
        if created:
            steps = [approval] if kind == Unit.Kind.AUTHORITY else [approval, review]
            for order, task in enumerate(steps):
                WorkflowTask.objects.create(
                    workflow=workflow, task=task, sort_order=order
                )
        for unit in Unit.objects.active().filter(kind=kind, root_page__isnull=False):
            WorkflowPage.objects.update_or_create(
                page_id=unit.root_page_id, defaults={"workflow": workflow}
            )
