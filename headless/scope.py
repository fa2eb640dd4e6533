"""Which site a public API request reads: `?site=<hostname>` when given, else
the site of the request's Host (the default site when none matches)."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query
from ninja.errors import ValidationError as ParameterError
from wagtail.models import Site


def bad_parameter(name, message):
    return ParameterError(
        [{"type": "value_error", "loc": ["query", name], "msg": str(message)}]
    )


HOSTNAME = r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,253})(:[0-9]{1,5})?$"
SITE_PARAMETER = {
    "default": None,
    "pattern": HOSTNAME,
    "max_length": 261,
    "description": "Tên miền của trang (mặc định: theo Host).",
}


def site_for(request, site=None):
    if site:
        hostname = site.split(":", 1)[0].strip().lower()
        found = Site.objects.filter(hostname=hostname).select_related("root_page")
        found = found.first()
        if found is None:
            raise Http404(_("Không có trang thông tin nào ở %s.") % site)
        return found
    found = Site.find_for_request(request)
    if found is None:
        raise bad_parameter("site", _("Hãy cho biết trang thông tin (tham số site)."))
    return found


def public_pages(model, site):
    """Live, unrestricted pages of `model` on `site`."""
    return (
        model.objects.live()
        .public()
        .filter(path__startswith=site.root_page.path, depth__gt=site.root_page.depth)
    )


def page_or_404(model, site, page_id):
    page = public_pages(model, site).filter(pk=page_id).first()
    if page is None:
        raise Http404(_("Không có trang này trên trang thông tin đã chọn."))
    return page


SITE = Query(**SITE_PARAMETER)
