"""Which search engines this install runs, by engine name."""

from django.conf import settings
from modelsearch.backends import get_search_backend


def engine_backend_names():
    """{"database": backend name[, "opensearch": backend name]}."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    names = {"database": "database" if "database" in backends else "default"}
    if settings.OPENSEARCH_URL:
        names["opensearch"] = "default"
    return names


def get_engine(engine):
    return get_search_backend(engine_backend_names()[engine])
