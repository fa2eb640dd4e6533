"""The audit log's own actions, as Wagtail log formatters."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from audit.signals import ADDED, GROUP_PERMISSIONS, LOGIN, LOGIN_FAILED, MEMBERSHIP


class Login(LogFormatter):
    label = gettext_lazy("Đăng nhập")
    message = gettext_lazy("Đăng nhập")


class LoginFailed(LogFormatter):
    label = gettext_lazy("Đăng nhập không thành công")

    def format_message(self, log_entry):
        username = log_entry.data.get("username", "")
        return _("Đăng nhập không thành công với tên “%(username)s”") % {
            "username": username
        }


class Membership(LogFormatter):
    label = gettext_lazy("Thay đổi nhóm quyền của người dùng")

    def format_message(self, log_entry):
        groups = ", ".join(log_entry.data.get("groups", []))
        if log_entry.data.get("change") == ADDED:
            return _("Thêm vào nhóm: %(groups)s") % {"groups": groups}
        return _("Rút khỏi nhóm: %(groups)s") % {"groups": groups}


class GroupPermissions(LogFormatter):
    label = gettext_lazy("Thay đổi quyền của nhóm")

    def format_message(self, log_entry):
        data = log_entry.data
        values = {"permissions": ", ".join(data.get("permissions", []))}
        if data.get("change") == ADDED:
            message = _("Cấp quyền: %(permissions)s")
        else:
            message = _("Thu hồi quyền: %(permissions)s")
        if "page" in data:
            message += _(" trên trang “%(target)s”")
            values["target"] = data["page"].get("title") or data["page"].get("id")
        elif "collection" in data:
            message += _(" trong thư mục “%(target)s”")
            values["target"] = data["collection"].get("title") or data[
                "collection"
            ].get("id")
        return message % values


FORMATTERS = {
    LOGIN: Login,
    LOGIN_FAILED: LoginFailed,
    MEMBERSHIP: Membership,
    GROUP_PERMISSIONS: GroupPermissions,
}


def register(actions):
    for action, formatter in FORMATTERS.items():
        actions.register_action(action)(formatter)
