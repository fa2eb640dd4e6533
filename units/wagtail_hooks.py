"""The unit registry in the admin: a read-only view for the authority.
Units change through the registry file and `provision_units`, never here."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

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
