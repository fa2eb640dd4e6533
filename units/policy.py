"""Page permissions with a "view" grant.

Wagtail lets a user explore only the pages where they hold add, change,
publish, lock, unlock or bulk-delete. The authority's supervisors must read
every unit's pages and drafts without being able to change any of them, so a
GroupPagePermission with Django's `view_page` also makes its pages
explorable. Nothing else reads it: every change still needs its own grant.
"""

from wagtail.models import AbstractPage
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

VIEW = "view_page"
# The actions Wagtail asks about when it decides whether a user may open the
# page explorer or the page search at all.
EXPLORE = {"add", "change", "publish", "bulk_delete", "lock", "unlock"}


class UnitPagePermissionPolicy(PagePermissionPolicy):
    def _view_roots(self, user):
        return [
            perm.page
            for perm in self.get_cached_permissions_for_user(user)
            if perm.permission.codename == VIEW
        ]

    def user_has_any_permission(self, user, actions):
        if super().user_has_any_permission(user, actions):
            return True
        return set(actions) >= EXPLORE and bool(self._view_roots(user))

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if user.is_superuser or not user.is_active:
            return pages
        for root in self._view_roots(user):
            pages |= self.model._default_manager.descendant_of(root, inclusive=True)
        return pages

    def instances_with_direct_explore_permission(self, user):
        pages = super().instances_with_direct_explore_permission(user)
        if user.is_superuser or not user.is_active:
            return pages
        return [*pages, *self._view_roots(user)]

    def can_view(self, user, page):
        """Whether `user` may read `page` and its drafts in the admin."""
        if not user.is_active:
            return False
        return self.explorable_instances(user).filter(pk=page.pk).exists()


def register():
    register_permission_policy(AbstractPage, UnitPagePermissionPolicy())
