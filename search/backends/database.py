"""The database search engine, chosen by the database vendor like
modelsearch's own, with Vietnamese query folding on every vendor.

On PostgreSQL both full-text search and autocomplete use SEARCH_CONFIG (the
unaccent-based configuration created by search/migrations); stock modelsearch
always uses "simple" for autocomplete.

Vendor modules are imported lazily: each declares models that exist only on
its own database.
"""

from functools import cache

from django.db import connection
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from modelsearch.index import SearchField

from search import library, typos
from search.backends.folding import QueryFoldingMixin
from search.index import as_text


class FallbackBackend(QueryFoldingMixin, DatabaseSearchBackend):
    pass


class VocabularyMixin:
    """Index mixin: the words of indexed text feed the typo vocabulary."""

    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        fields = [f for f in model.get_search_fields() if isinstance(f, SearchField)]
        typos.record(as_text(field.get_value(obj)) for obj in objs for field in fields)


def _postgres_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class Index(VocabularyMixin, PostgresIndex):
        """Also keeps the library table (search.library) beside the entries."""

        def add_items(self, model, objs):
            objs = list(objs)
            super().add_items(model, objs)
            if library.is_resource(model):
                library.store(model, objs)

        def delete_item(self, item):
            super().delete_item(item)
            library.remove(item)

        def reset(self):
            super().reset()
            library.clear()

    class PostgresBackend(QueryFoldingMixin, PostgresSearchBackend):
        index_class = Index

        def __init__(self, params):
            super().__init__(params)
            if self.config:
                self.autocomplete_config = self.config

    return PostgresBackend


def _sqlite_class():
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteIndex,
        SQLiteSearchBackend,
    )
    from modelsearch.backends.database.sqlite.utils import (
        fts5_available,
        fts_table_exists,
    )

    if not (fts5_available() and fts_table_exists()):
        return FallbackBackend

    class Index(VocabularyMixin, SQLiteIndex):
        pass

    class SQLiteBackend(QueryFoldingMixin, SQLiteSearchBackend):
        index_class = Index

    return SQLiteBackend


@cache
def backend_class(vendor):
    if vendor == "postgresql":
        return _postgres_class()
    if vendor == "sqlite":
        return _sqlite_class()
    return FallbackBackend


def SearchBackend(params):  # noqa: N802 (modelsearch's loading convention)
    return backend_class(connection.vendor)(params)
