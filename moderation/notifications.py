"""E-mail to a unit's approvers when a page of their unit awaits them.
Wagtail already tells the requester of approvals and change requests, and a
review group of the authority's step when a page reaches it."""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import TaskState
from wagtail.signals import task_submitted
from wagtail.users.models import UserProfile

from moderation.models import UnitApprovalTask, approvers_group
from units.models import Unit

logger = logging.getLogger(__name__)


def recipients(group, submitter):
    users = group.user_set.filter(is_active=True).exclude(email="")
    if submitter is not None:
        users = users.exclude(pk=submitter.pk)
    return [
        user for user in users if UserProfile.get_for_user(user).submitted_notifications
    ]


def message(page, unit, submitter, user):
    url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )
    who = submitter.get_full_name() or submitter.get_username() if submitter else "–"
    subject = _("[%(unit)s] Trang chờ phê duyệt: %(title)s") % {
        "unit": unit.name,
        "title": page.title,
    }
    body = _(
        "%(who)s đã gửi trang “%(title)s” để phê duyệt.\n\n"
        "Xem, phê duyệt hoặc yêu cầu chỉnh sửa: %(url)s\n"
    ) % {"who": who, "title": page.title, "url": url}
    return subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]


def notify_approvers(sender, instance, user=None, **kwargs):
    if not isinstance(instance.task.specific, UnitApprovalTask):
        return
    page = instance.workflow_state.content_object
    group = approvers_group(page)
    if group is None:
        return
    unit = Unit.for_page(page)
    messages = [message(page, unit, user, to) for to in recipients(group, user)]
    try:
        send_mass_mail(messages)
    except Exception:  # the submission stands; the mail server is logged
        logger.exception("Could not notify the approvers of %s", unit.key)


def connect():
    task_submitted.connect(
        notify_approvers, sender=TaskState, dispatch_uid="moderation.approvers"
    )
