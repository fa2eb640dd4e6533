"""Search on the public sites: the resource search of the library and of each
unit's resources section (contexts for their pages), and a site's own search
page at /tim-kiem/."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from wagtail.models import Locale, Site

from search import service
from search.query import (
    FACETS,
    SearchInputError,
    library_query,
    site_query,
)


class ResultWindow:
    """The current page of hits posing as the whole list, for Django's
    Paginator (which only slices the page it shows)."""

    def __init__(self, hits, total):
        self.hits, self.total = hits, total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, _slice):
        return self.hits


def paginated(results):
    query = results.query
    paginator = Paginator(ResultWindow(results.hits, results.total), query.page_size)
    return paginator.page(min(query.page, paginator.num_pages))


def _without(params, names):
    params = params.copy()
    for name in names:
        params.pop(name, None)
    return params


def _parse(build, params, *args):
    """The query from `params`; a bad parameter is reported and left out,
    the rest of what was typed is kept."""
    try:
        return build(params, *args), {}
    except SearchInputError as error:
        return build(_without(params, error.errors), *args), error.errors


def facet_fields(results, filters, names):
    """For the filter form: each facet's label and options with their counts."""
    from pagemodels.models import ResourcePage
    from units.models import Unit

    fields = []
    for name in names:
        counted = {value.value: value for value in results.facets.get(name, [])}
        selected = filters.get(name)
        if name == "unit":
            label = Unit._meta.verbose_name
            choices = [(value.value, value.label) for value in counted.values()]
            choices.sort(key=lambda choice: choice[1])
            if selected is not None:
                selected = (
                    Unit.objects.filter(pk=selected)
                    .values_list("key", flat=True)
                    .first()
                )
        else:
            field = ResourcePage._meta.get_field(name)
            label = field.verbose_name
            choices = list(field.flatchoices) or sorted(
                ((value, value) for value in counted), reverse=True
            )
        if selected is not None and selected not in dict(choices):
            choices.append((selected, str(selected)))
        fields.append(
            {
                "name": name,
                "label": capfirst(label),
                "options": [
                    {
                        "value": value,
                        "label": text,
                        "count": counted[value].count if value in counted else None,
                        "selected": value == selected,
                    }
                    for value, text in choices
                ],
            }
        )
    return fields


def resource_search(request, scope, facets=FACETS):
    """Context for a page that lists resources: the search form, facet
    counts, the hits of the requested page and any notice."""
    query, errors = _parse(library_query, request.GET, scope)
    results = service.search_library(query)
    return {
        "search": results,
        "search_errors": errors,
        "filters": query.filters,
        "facet_fields": facet_fields(results, query.filters, facets),
        "resources": paginated(results),
    }


def site_search(request):
    site = Site.find_for_request(request)
    context = {"q": request.GET.get("q", ""), "page": None}
    if site is not None and context["q"].strip():
        root = site.root_page.localized
        query, errors = _parse(
            site_query, request.GET, root.path, Locale.get_active().pk
        )
        results = service.search_site(query)
        context.update(search=results, search_errors=errors, hits=paginated(results))
    return TemplateResponse(request, "search/site_search.html", context)
