"""The unit registry in the admin: a read-only view for the authority.
Units change through the registry file and `provision_units`, never here."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from units.guard import SEE_ALL, Scope, usable_assets
from units.models import Unit


class ReadOnlyForAdministrators(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action not in {"view", "inspect"}:
            return False
        return user.is_active and user.is_superuser


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Đơn vị")
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "name",
        "kind",
        "school_level",
        "locality",
        "hostname",
        "archived_at",
    ]
    list_filter = ["kind", "school_level"]
    search_fields = ["name", "locality", "hostname"]
    inspect_view_fields = [
        "name", "kind", "school_level", "locality", "key", "hostname",
        "site", "root_page", "collection", "editors_group", "approvers_group",
        "archived_at", "created_at", "updated_at",
    ]  # fmt: skip
    form_fields = []


register_permission_policy(Unit, ReadOnlyForAdministrators(Unit))


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return UnitViewSet("units")


@hooks.register("construct_page_chooser_queryset")
def only_own_units_in_page_chooser(pages, request):
    """Page and link choosers offer the user's own units' pages only."""
    user = request.user
    if user.is_superuser or user.has_perm(SEE_ALL):
        return pages
    homes = Scope(user).homes()
    if not homes:
        return pages.none()
    in_units = Q()
    for path in homes:
        in_units |= Q(path__startswith=path)
    return pages.filter(in_units)


def _restricted(viewset):
    class Restricted(viewset):
        def get_queryset(self):
            return usable_assets(self.model, self.request.user).order_by("id")

    Restricted.__name__ = f"Unit{viewset.__name__}"
    return Restricted


@hooks.register("construct_admin_api", order=100)
def only_own_collections_in_admin_api(router):
    """The admin API lists the images and documents the user may use, not
    every unit's."""
    router.register_endpoint("images", _restricted(ImagesAdminAPIViewSet))
    router.register_endpoint("documents", _restricted(DocumentsAdminAPIViewSet))
