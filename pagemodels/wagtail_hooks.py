"""Keep every unit's site whole: required sections and kept disclosure are
never deleted, moved or copied from the admin."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from pagemodels.protection import deletion_refusal, relocation_refusal


def _refuse(request, page, reason):
    messages.error(request, reason)
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def protect_from_deletion(request, page):
    reason = deletion_refusal(page)
    if reason:
        return _refuse(request, page, reason)
    return None


@hooks.register("before_move_page")
def protect_from_moving(request, page, destination):
    reason = relocation_refusal(page)
    if reason:
        return _refuse(request, page, reason)
    return None


@hooks.register("before_copy_page")
def protect_from_copying(request, page):
    reason = relocation_refusal(page)
    if reason:
        return _refuse(request, page, reason)
    return None


@hooks.register("before_bulk_action")
def protect_from_bulk_changes(request, action_type, objects, action_class_instance):
    if action_type not in {"delete", "move"}:
        return None
    check = deletion_refusal if action_type == "delete" else relocation_refusal
    for page in objects:
        reason = check(page)
        if reason:
            return _refuse(request, page, reason)
    return None
