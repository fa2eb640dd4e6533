"""The unit registry in the admin: a read-only view for the authority.
Units change through the registry file and `provision_units`, never here."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from units import people_views, review
from units.access import under
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
    return pages.filter(under(Scope(user).homes()))


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


@hooks.register("register_admin_urls")
def register_unit_urls():
    return [
        path("people/", people_views.index, name="units_people_index"),
        path("people/<slug:key>/", people_views.unit_people, name="units_people"),
        path(
            "people/<slug:key>/<int:user_id>/role/",
            people_views.change_role,
            name="units_people_role",
        ),
        path(
            "people/<slug:key>/<int:user_id>/remove/",
            people_views.remove_member,
            name="units_people_remove",
        ),
        path("review/<int:page_id>/", review.page_review, name="units_page_review"),
        path(
            "review/<int:page_id>/preview/",
            review.page_review_preview,
            name="units_page_review_preview",
        ),
    ]


@hooks.register("register_page_listing_buttons")
def review_button(page, user, next_url=None):
    """Readers who cannot edit a page (the authority) open it to read and
    comment."""
    if page.depth > 1 and not page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Xem và góp ý"), reverse("units_page_review", args=[page.pk]), priority=5
        )


class PeopleMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(people_views.managed_units(request.user))


@hooks.register("register_admin_menu_item")
def register_people_menu_item():
    return PeopleMenuItem(
        _("Thành viên"), reverse("units_people_index"), icon_name="group", order=820
    )
