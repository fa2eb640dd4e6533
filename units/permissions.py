"""What each unit group may do: only in its own page tree and collection."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupCollectionPermission, GroupPagePermission

EDITORS, APPROVERS = "editors", "approvers"
ROLE_LABELS = {EDITORS: _("Biên tập viên"), APPROVERS: _("Phê duyệt")}
SUPERVISORS, ADMINISTRATORS = "supervisors", "administrators"
AUTHORITY_GROUPS = {
    SUPERVISORS: _("Cơ quan quản lý – Giám sát"),
    ADMINISTRATORS: _("Cơ quan quản lý – Quản trị"),
}

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
        # sub-collections inside the unit's own collection
        ("wagtailcore", "add_collection"),
        ("wagtailcore", "change_collection"),
    ],
}


_SEE_ALL = ("oversight", "view_all_units")
# Supervisors read every unit and its figures; administrators also manage
# people, groups and the targets. Neither changes a unit's content.
AUTHORITY_PERMISSIONS = {
    SUPERVISORS: [ADMIN_ACCESS, _SEE_ALL],
    ADMINISTRATORS: [
        ADMIN_ACCESS,
        _SEE_ALL,
        *[("auth", f"{action}_{model}") for model in ("user", "group")
          for action in ("add", "change", "delete")],
        ("oversight", "add_schoolyeartarget"),
        ("oversight", "change_schoolyeartarget"),
    ],
}  # fmt: skip
# Read every unit's pages and drafts (see units.policy), granted at the root.
PAGE_VIEW = ("wagtailcore", "view_page")
# What every unit may do in the authority's shared collection: use, not change.
SHARED_COLLECTION = [
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]


def load_permissions():
    """Every permission a unit group can get, by (app label, codename)."""
    wanted = {ADMIN_ACCESS}
    wanted |= {("wagtailcore", c) for codes in PAGE_CODENAMES.values() for c in codes}
    wanted |= {pair for pairs in COLLECTION_PERMISSIONS.values() for pair in pairs}
    wanted |= {pair for pairs in AUTHORITY_PERMISSIONS.values() for pair in pairs}
    wanted.add(PAGE_VIEW)
    permissions = Permission.objects.filter(
        codename__in={codename for _app, codename in wanted}
    ).select_related("content_type")
    return {
        (p.content_type.app_label, p.codename): p
        for p in permissions
        if (p.content_type.app_label, p.codename) in wanted
    }


def grant(group, role, root_page, collection, permissions):
    """Give `group` its role's permissions (from load_permissions()); idempotent."""
    group.permissions.add(permissions[ADMIN_ACCESS])
    page_permissions = set(
        GroupPagePermission.objects.filter(group=group, page=root_page).values_list(
            "permission_id", flat=True
        )
    )
    for codename in PAGE_CODENAMES[role]:
        permission = permissions["wagtailcore", codename]
        if permission.pk not in page_permissions:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=permission
            )
    grant_collection(group, collection, COLLECTION_PERMISSIONS[role], permissions)


def grant_collection(group, collection, pairs, permissions):
    held = set(
        GroupCollectionPermission.objects.filter(
            group=group, collection=collection
        ).values_list("permission_id", flat=True)
    )
    for pair in pairs:
        permission = permissions[pair]
        if permission.pk not in held:
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission=permission
            )


def grant_authority(group, role, tree_root, permissions):
    group.permissions.add(*(permissions[pair] for pair in AUTHORITY_PERMISSIONS[role]))
    GroupPagePermission.objects.get_or_create(
        group=group, page=tree_root, permission=permissions[PAGE_VIEW]
    )
