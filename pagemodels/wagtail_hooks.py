"""Keep every unit's site whole: required sections and kept disclosure are
never deleted, moved or copied from the admin."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.models import Page

from pagemodels.protection import deletion_refusal, relocation_refusal


def _guard(check, request, page):
    """Refuse with a message and back to the explorer when `check` objects."""
    reason = check(page)
    if reason is None:
        return None
    messages.error(request, reason)
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def protect_from_deletion(request, page):
    return _guard(deletion_refusal, request, page)


@hooks.register("before_move_page")
def protect_from_moving(request, page, destination):
    return _guard(relocation_refusal, request, page)


@hooks.register("before_copy_page")
def protect_from_copying(request, page):
    return _guard(relocation_refusal, request, page)


@hooks.register("before_bulk_action")
def protect_from_bulk_changes(request, action_type, objects, action_class_instance):
    checks = {"delete": deletion_refusal, "move": relocation_refusal}
    if action_type not in checks:
        return None
    for page in objects:
        if isinstance(page, Page):
            refusal = _guard(checks[action_type], request, page)
            if refusal:
                return refusal
    return None
