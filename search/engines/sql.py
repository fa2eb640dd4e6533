"""The SQL of the database engine, per database: each dialect gives the CTEs
ending in `m` (matching rows with their facet columns, score and publication
time) for the library and for a site, and the autocomplete statement.

PostgreSQL searches the library in its narrow library table (search.library:
one row and one weighted vector per resource), so neither the page tree nor
the index entries are joined per match. SQLite, the quick start, matches in
modelsearch's FTS5 table joined to the resources."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from search.engines import visibility

# Facet name -> column of the resource (and of the library table).
FACET_COLUMNS = {
    "subject": "subject",
    "grade": "grade",
    "resource_type": "resource_type",
    "series": "series",
    "unit": "unit_id",
    "school_year": "school_year",
}
RESOURCES = "pagemodels_resourcepage r JOIN wagtailcore_page p ON p.id = r.page_ptr_id"


class Conditions:
    """WHERE clauses and their parameters, built up in order."""

    def __init__(self):
        self.clauses, self.params = [], []

    def add(self, clause, *params):
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self):
        return " AND ".join(self.clauses) or "1 = 1"


def word_groups(words, corrections):
    """Each query word with its typo corrections: [["giamg", "giang"], ...]."""
    return [[word, *corrections.get(word, [])] for word in words]


def visible(conditions, alias, locale_id):
    """Live, in the language asked, under no view restriction."""
    conditions.add(f"{alias}.live = %s", True)
    if locale_id:
        conditions.add(f"{alias}.locale_id = %s", locale_id)
    for path in visibility.restricted_paths():
        conditions.add(f"{alias}.path NOT LIKE %s", path + "%")


def in_scope(conditions, alias, query):
    """The library's shared resources of active units, or a unit's own; and
    the filters asked for."""
    archived = visibility.archived_unit_ids()
    if archived:
        marks = ", ".join(["%s"] * len(archived))
        conditions.add(f"{alias}.unit_id NOT IN ({marks})", *archived)
    if query.scope.library:
        conditions.add(f"{alias}.shared = %s", True)
    else:
        marks = ", ".join(["%s"] * len(query.scope.units))
        conditions.add(f"{alias}.unit_id IN ({marks})", *query.scope.units)
    for name, value in query.filters.items():
        conditions.add(f"{alias}.{FACET_COLUMNS[name]} = %s", value)


def facet_columns(alias):
    return ", ".join(
        f"{alias}.{column} AS {name}" for name, column in FACET_COLUMNS.items()
    )


def resource_content_type():
    from pagemodels.models import ResourcePage

    return ContentType.objects.get_for_model(ResourcePage).pk


class Dialect:
    """The forms every database shares: resources joined to their index entries."""

    def resource_conditions(self, query):
        conditions = Conditions()
        visible(conditions, "p", query.scope.locale_id)
        in_scope(conditions, "r", query)
        return conditions

    def library(self, query, groups):
        conditions = self.resource_conditions(query)
        select = f"SELECT p.id AS id, {facet_columns('r')}"
        published = "p.first_published_at AS published"
        if not groups:
            sql = (
                f"{select}, 0.0 AS score, {published} FROM {RESOURCES}"
                f" WHERE {conditions.sql()}"
            )
            return f"m AS MATERIALIZED ({sql})", conditions.params
        score, score_params = self.score(query, groups)
        match_sql, match_params = self.match(groups)
        sql = (
            f"{select}, {score} AS score, {published} FROM {RESOURCES}{self.join()}"
            f" WHERE {match_sql} AND {conditions.sql()}"
        )
        params = [
            *score_params,
            resource_content_type(),
            *match_params,
            *conditions.params,
        ]
        return f"m AS MATERIALIZED ({sql})", params

    def score(self, query, groups):
        rank_sql, params = self.rank(groups)
        if query.exact:
            exact_sql, exact_params = self.exact("p", query.exact)
            return f"({rank_sql} + {exact_sql})", [*params, *exact_params]
        return rank_sql, params

    def site(self, query, groups):
        conditions = Conditions()
        visible(conditions, "p", query.locale_id)
        conditions.add("p.path LIKE %s", query.root_path + "%")
        match_sql, match_params = self.match(groups)
        rank_sql, rank_params = self.rank(groups)
        join = self.join().replace(
            "e.content_type_id = %s", "e.content_type_id = p.content_type_id"
        )
        sql = (
            f"SELECT p.id AS id, {rank_sql} AS score, p.first_published_at AS published"
            f" FROM wagtailcore_page p{join}"
            f" WHERE {match_sql} AND {conditions.sql()}"
        )
        params = [*rank_params, *match_params, *conditions.params]
        return f"m AS MATERIALIZED ({sql})", params

    def autocomplete(self, query, words, limit):
        conditions = self.resource_conditions(query)
        match_sql, match_params = self.prefix_match(words)
        sql = (
            f"SELECT p.title FROM {RESOURCES}{self.join()}"
            f" WHERE {match_sql} AND {conditions.sql()}"
            " GROUP BY p.title ORDER BY LENGTH(p.title), p.title LIMIT %s"
        )
        return sql, [resource_content_type(), *match_params, *conditions.params, limit]


class PostgresDialect(Dialect):
    """Full text on tsvectors of the vietnamese_unaccent configuration."""

    config = "vietnamese_unaccent"

    def tsquery(self, groups, prefix=False):
        star = ":*" if prefix else ""
        return " & ".join(
            "(" + " | ".join(f"'{word}'{star}" for word in group) + ")"
            for group in groups
        )

    def query(self):
        return f"to_tsquery('{self.config}', %s)"

    def join(self):
        return (
            " JOIN wagtailsearch_indexentry e ON e.content_type_id = %s"
            " AND e.object_id = CAST(p.id AS text)"
        )

    def match(self, groups):
        return f"(e.title || e.body) @@ {self.query()}", [self.tsquery(groups)]

    def rank(self, groups):
        query = self.query()
        return (
            f"(2 * e.title_norm * ts_rank(e.title, {query}) + ts_rank(e.body, {query}))",
            [self.tsquery(groups)] * 2,
        )

    def exact(self, alias, text):
        return f"CASE WHEN strpos(lower({alias}.title), %s) > 0 THEN 1 ELSE 0 END", [
            text
        ]

    def prefix_match(self, words):
        groups = [[word] for word in words]
        return f"e.autocomplete @@ {self.query()}", [self.tsquery(groups, prefix=True)]

    def library(self, query, groups):
        """From the library table alone: filters, facets and rank on one row
        per resource."""
        conditions = Conditions()
        visible(conditions, "l", query.scope.locale_id)
        in_scope(conditions, "l", query)
        score, params = "0.0", []
        if groups:
            tsquery = self.tsquery(groups)
            conditions.clauses.insert(0, f"l.vector @@ {self.query()}")
            conditions.params.insert(0, tsquery)
            score, params = f"ts_rank(l.vector, {self.query()})", [tsquery]
            if query.exact:
                exact_sql, exact_params = self.exact("l", query.exact)
                score, params = f"({score} + {exact_sql})", [*params, *exact_params]
        sql = (
            f"SELECT l.page_id AS id, {facet_columns('l')}, {score} AS score,"
            " l.first_published_at AS published FROM search_libraryentry l"
            f" WHERE {conditions.sql()}"
        )
        return f"m AS MATERIALIZED ({sql})", [*params, *conditions.params]


class SQLiteDialect(Dialect):
    """Full text on modelsearch's FTS5 table (columns autocomplete, body, title)."""

    def join(self):
        return (
            " JOIN wagtailsearch_indexentry e ON e.content_type_id = %s"
            " AND p.id = CAST(e.object_id AS INTEGER)"
            " JOIN wagtailsearch_indexentry_fts f ON f.rowid = e.id"
        )

    def expression(self, groups, columns, prefix=False):
        star = "*" if prefix else ""
        body = " AND ".join(
            "(" + " OR ".join(f'"{word}"{star}' for word in group) + ")"
            for group in groups
        )
        return f"{{{columns}}} : ({body})"

    def match(self, groups):
        return (
            "wagtailsearch_indexentry_fts MATCH %s",
            [self.expression(groups, "title body")],
        )

    def rank(self, groups):
        return "(-bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, 2.0))", []

    def exact(self, alias, text):
        variants = [text, text[:1].upper() + text[1:]]
        return (
            f"CASE WHEN instr({alias}.title, %s) > 0 OR instr({alias}.title, %s) > 0"
            " THEN 1 ELSE 0 END",
            variants,
        )

    def prefix_match(self, words):
        groups = [[word] for word in words]
        return (
            "wagtailsearch_indexentry_fts MATCH %s",
            [self.expression(groups, "autocomplete", prefix=True)],
        )


def dialect():
    return PostgresDialect() if connection.vendor == "postgresql" else SQLiteDialect()
