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

from search.backends.folding import QueryFoldingMixin


class FallbackBackend(QueryFoldingMixin, DatabaseSearchBackend):
    pass


def _postgres_class():
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    class PostgresBackend(QueryFoldingMixin, PostgresSearchBackend):
        def __init__(self, params):
            super().__init__(params)
            if self.config:
                self.autocomplete_config = self.config

    return PostgresBackend


def _sqlite_class():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
    from modelsearch.backends.database.sqlite.utils import (
        fts5_available,
        fts_table_exists,
    )

    if not (fts5_available() and fts_table_exists()):
        return FallbackBackend

    class SQLiteBackend(QueryFoldingMixin, SQLiteSearchBackend):
        pass

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
