from django.core.paginator import Paginator

DEFAULT_PAGE_SIZE = 12


def paginate(request, items, per_page=DEFAULT_PAGE_SIZE):
    """The requested page of `items`; bad or out-of-range numbers give the nearest page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
