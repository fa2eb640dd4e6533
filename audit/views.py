from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from audit import queries

PER_PAGE = 50


def index(request):
    user = request.user
    if not queries.can_view(user):
        raise PermissionDenied
    units = queries.units_for(user)
    unit = units.filter(key=request.GET.get("unit") or "").first()
    if unit is not None:
        scope = units.filter(pk=unit.pk)
    else:
        scope = None if queries.sees_all(user) else units
    action = request.GET.get("action") or None
    entries = queries.Entries(scope, action)
    page = Paginator(entries.ordered(), PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "audit/index.html",
        {
            "entries": queries.load(page.object_list),
            "page": page,
            "units": units,
            "unit": unit,
            "actions": entries.actions(),
            "action": action,
        },
    )
