"""The database search engine, chosen by the database vendor like
modelsearch's own, with Vietnamese query folding on every vendor.

On PostgreSQL both full-text search and autocomplete use SEARCH_CONFIG (the
unaccent-based configuration created by search/migrations); stock modelsearch
always uses "simple" for autocomplete.
"""

from django.db import connection
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

from search.backends.folding import QueryFoldingMixin


class FallbackBackend(QueryFoldingMixin, DatabaseSearchBackend):
    pass


class SQLiteBackend(QueryFoldingMixin, SQLiteSearchBackend):
    pass


class PostgresBackend(QueryFoldingMixin, PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        if self.config:
            self.autocomplete_config = self.config


def SearchBackend(params):  # noqa: N802 (modelsearch's loading convention)
    if connection.vendor == "postgresql":
        return PostgresBackend(params)
    if connection.vendor == "sqlite" and fts5_available() and fts_table_exists():
        return SQLiteBackend(params)
    return FallbackBackend(params)
