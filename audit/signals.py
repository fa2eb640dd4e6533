"""What goes into the audit log besides Wagtail's own entries: logins,
failed logins and permission changes; and the unit keys stamped on every new
entry (data["units"]) while its object still exists."""

import contextlib
import contextvars
import logging

from django.contrib.auth import get_user_model, user_logged_in, user_login_failed
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    ModelLogEntry,
    Page,
    PageLogEntry,
)

from audit import keys

logger = logging.getLogger(__name__)

LOGIN, LOGIN_FAILED = "audit.login", "audit.login_failed"
MEMBERSHIP, GROUP_PERMISSIONS = "audit.group_membership", "audit.group_permissions"
ADDED, REMOVED = "added", "removed"


_suspended = contextvars.ContextVar("audit_suspended", default=False)


@contextlib.contextmanager
def suspended():
    """No permission-change entries while a database is restored from a dump
    (its m2m rows are set again, and its content types may not exist yet)."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def logged_in(sender, request, user, **kwargs):
    log(user, LOGIN, user=user, data={"units": keys.of_member(user)})


def login_failed(sender, credentials, request=None, **kwargs):
    users = get_user_model()
    username = credentials.get(users.USERNAME_FIELD) or credentials.get("username")
    username = str(username or "")[:150]
    account = users._default_manager.filter(**{users.USERNAME_FIELD: username})
    account = account.first()
    if account is None:
        # nothing to log against: the log's entries belong to an object
        logger.warning("Failed login for unknown username %r", username)
        return
    data = {"username": username, "units": keys.of_member(account)}
    log(account, LOGIN_FAILED, data=data)


def _changes(through, instance, action, reverse, pk_set, left, right):
    """(ADDED or REMOVED, [(left pk, right pks)]) once an m2m change between
    `left` and `right` is done; None before. What a removal really removes is
    read before it happens, since `pk_set` may name pairs that never were."""
    mine, theirs = (right, left) if reverse else (left, right)
    stash = f"_audit_removed_{through._meta.db_table}"
    if action in ("pre_remove", "pre_clear"):
        rows = through.objects.filter(**{mine: instance.pk})
        if pk_set is not None:
            rows = rows.filter(**{f"{theirs}__in": pk_set})
        instance.__dict__[stash] = set(rows.values_list(f"{theirs}_id", flat=True))
        return None
    if action == "post_add":
        change, pks = ADDED, set(pk_set or ())
    elif action in ("post_remove", "post_clear"):
        change, pks = REMOVED, instance.__dict__.pop(stash, set())
    else:
        return None
    if not pks:
        return None
    if reverse:
        return change, [(pk, {instance.pk}) for pk in sorted(pks)]
    return change, [(instance.pk, pks)]


def membership_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if _suspended.get():
        return
    changes = _changes(sender, instance, action, reverse, pk_set, "user", "group")
    if changes is None:
        return
    change, pairs = changes
    users = get_user_model()._default_manager.in_bulk([pk for pk, _g in pairs])
    for user_pk, group_pks in pairs:
        groups = Group.objects.filter(pk__in=group_pks).order_by("name")
        data = {
            "change": change,
            "groups": [group.name for group in groups],
            "units": keys.of_groups(group_pks),
        }
        log(users[user_pk], MEMBERSHIP, data=data)


def permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if _suspended.get():
        return
    changes = _changes(sender, instance, action, reverse, pk_set, "group", "permission")
    if changes is None:
        return
    change, pairs = changes
    groups = Group.objects.in_bulk([pk for pk, _p in pairs])
    for group_pk, permission_pks in pairs:
        permissions = Permission.objects.filter(pk__in=permission_pks)
        data = {
            "change": change,
            "permissions": sorted(
                _name(p) for p in permissions.select_related("content_type")
            ),
            "units": keys.of_groups([group_pk]),
        }
        log(groups[group_pk], GROUP_PERMISSIONS, data=data)


def _name(permission):
    return f"{permission.content_type.app_label}.{permission.codename}"


def object_permission_changed(sender, instance, change):
    group = Group.objects.filter(pk=instance.group_id).first()
    if group is None:
        return
    units = set(keys.of_groups([group.pk]))
    data = {"change": change, "permissions": [_name(instance.permission)]}
    if isinstance(instance, GroupPagePermission):
        page = Page.objects.filter(pk=instance.page_id).first()
        units.update(keys.of_page(page))
        data["page"] = {"id": instance.page_id, "title": page and page.title}
    else:
        collection = Collection.objects.filter(pk=instance.collection_id).first()
        units.update(keys.of_collection(collection))
        data["collection"] = {
            "id": instance.collection_id,
            "title": collection and collection.name,
        }
    data["units"] = sorted(units)
    log(group, GROUP_PERMISSIONS, data=data)


def object_permission_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and not _suspended.get():
        object_permission_changed(sender, instance, ADDED)


def object_permission_deleted(sender, instance, **kwargs):
    if _suspended.get():
        return
    object_permission_changed(sender, instance, REMOVED)


def stamp_page_entry(sender, instance, raw=False, **kwargs):
    if raw or instance.pk or "units" in instance.data:
        return
    instance.data = {**instance.data, "units": keys.of_page(instance.page)}


def stamp_model_entry(sender, instance, raw=False, **kwargs):
    if raw or instance.pk or "units" in instance.data or not instance.content_type:
        return
    model = instance.content_type.model_class()
    if model is None or not keys.describes(model):
        return
    target = model._default_manager.filter(pk=instance.object_id).first()
    if target is not None:
        instance.data = {**instance.data, "units": keys.of_object(target)}


def connect():
    user_logged_in.connect(logged_in, dispatch_uid="audit_login")
    user_login_failed.connect(login_failed, dispatch_uid="audit_login_failed")
    m2m_changed.connect(
        membership_changed,
        sender=get_user_model().groups.through,
        dispatch_uid="audit_membership",
    )
    m2m_changed.connect(
        permissions_changed,
        sender=Group.permissions.through,
        dispatch_uid="audit_group_permissions",
    )
    for model in (GroupPagePermission, GroupCollectionPermission):
        uid = f"audit_{model._meta.model_name}"
        post_save.connect(object_permission_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(object_permission_deleted, sender=model, dispatch_uid=uid)
    pre_save.connect(stamp_page_entry, sender=PageLogEntry, dispatch_uid="audit_page")
    pre_save.connect(
        stamp_model_entry, sender=ModelLogEntry, dispatch_uid="audit_model"
    )
