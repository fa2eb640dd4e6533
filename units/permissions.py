"""What each unit group may do: only in its own page tree and collection."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupCollectionPermission, GroupPagePermission

EDITORS, APPROVERS = "editors", "approvers"
ROLE_LABELS = {EDITORS: _("Biên tập viên"), APPROVERS: _("Phê duyệt")}

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
PAGE_CODENAMES = {
    EDITORS: ["add_page", "change_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Wagtail checks image and document permissions against its own models
# (wagtailimages.Image, wagtaildocs.Document) whatever the custom models are.
_ASSETS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
COLLECTION_PERMISSIONS = {
    EDITORS: _ASSETS,
    APPROVERS: [
        *_ASSETS,
        ("wagtailimages", "delete_image"),
        ("wagtaildocs", "delete_document"),
    ],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(group, role, root_page, collection):
    """Give `group` its role's permissions; safe to call again."""
    group.permissions.add(_permission(*ADMIN_ACCESS))
    for codename in PAGE_CODENAMES[role]:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root_page,
            permission=_permission("wagtailcore", codename),
        )
    for app_label, codename in COLLECTION_PERMISSIONS[role]:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=_permission(app_label, codename),
        )
