"""Which pages editors may not delete, move or copy, and why."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _


def is_structural(page):
    """A unit's home page or one of its required sections."""
    from home.models import BaseHomePage

    model = page.specific_class
    return bool(model) and (
        getattr(model, "is_required_section", False) or issubclass(model, BaseHomePage)
    )


def deletion_refusal(page):
    """Why `page` must not be deleted, or None."""
    if is_structural(page):
        return _("“%(title)s” là mục bắt buộc của trang đơn vị: không thể xóa.") % {
            "title": page.title
        }
    years = getattr(page.specific_class, "protected_for_years", None)
    if years and page.first_published_at:
        kept_until = page.first_published_at + datetime.timedelta(days=365 * years)
        if timezone.now() < kept_until:
            return _(
                "“%(title)s” là thông tin công khai, phải lưu giữ ít nhất %(years)d năm "
                "(đến %(date)s): không thể xóa."
            ) % {"title": page.title, "years": years, "date": f"{kept_until:%d/%m/%Y}"}
    for child in page.get_descendants():
        reason = deletion_refusal(child)
        if reason:
            return reason
    return None


def relocation_refusal(page):
    if is_structural(page):
        return _(
            "“%(title)s” là mục bắt buộc của trang đơn vị: không thể di chuyển "
            "hoặc sao chép."
        ) % {"title": page.title}
    return None
