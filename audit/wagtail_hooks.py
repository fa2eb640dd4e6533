from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from audit import actions, queries, views


@hooks.register("register_log_actions")
def register_audit_actions(registry):
    actions.register(registry)


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [path("audit/", views.index, name="audit_index")]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return queries.can_view(request.user)


@hooks.register("register_admin_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        _("Nhật ký"), reverse("audit_index"), icon_name="history", order=820
    )
