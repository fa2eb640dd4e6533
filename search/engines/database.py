"""Library and site search on the database engine: one SQL statement per
search (search.engines.sql builds it for the database at hand) returning the
total, every facet's counts and the requested page of hits."""

from django.db import connection

from search import typos
from search.engines import visibility
from search.engines.sql import dialect, word_groups
from search.query import FACETS, Hit, LibraryQuery, Results, label_facets
from search.snippets import best_snippet

AUTOCOMPLETE_LIMIT = 8
MAX_AUTOCOMPLETE_WORDS = 8


def answer(ctes, params, query, facets=()):
    """Over the CTE `m`: its total, each facet's counts and the requested page
    of (id, score), best first, newest first among equals."""
    parts = ["SELECT 'total', '', COUNT(*) FROM m"]
    parts += [
        f"SELECT '{name}', CAST({name} AS TEXT), COUNT(*) FROM m GROUP BY {name}"
        for name in facets
    ]
    parts.append(
        "SELECT * FROM (SELECT 'hit', CAST(id AS TEXT), score FROM m"
        " ORDER BY score DESC, published DESC, id DESC LIMIT %s OFFSET %s) hits"
    )
    sql = f"WITH {ctes} " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        offset, size = query.hits_window
        cursor.execute(sql, [*params, size, offset])
        rows = cursor.fetchall()
    total, counts, ranked = 0, {}, []
    for kind, value, number in rows:
        if kind == "total":
            total = int(number)
        elif kind == "hit":
            ranked.append((int(value), float(number)))
        else:
            counts.setdefault(kind, {})[value] = int(number)
    return total, _typed(counts), ranked


def _typed(counts):
    """Facet values back to their Python types (SQL returned text)."""
    typed = {}
    for name, values in counts.items():
        if name in ("grade", "unit"):
            typed[name] = {int(v): c for v, c in values.items() if v not in (None, "")}
        else:
            typed[name] = values
    return typed


def hits_of(ranked, pages, words, corrections):
    return [
        Hit(
            pages[pk],
            score,
            best_snippet(visibility.snippet_texts(pages[pk]), words, corrections),
        )
        for pk, score in ranked
        if pk in pages
    ]


class DatabaseEngine:
    name = "database"

    def __init__(self):
        self.sql = dialect()

    def search(self, query):
        from pagemodels.models import ResourcePage

        words = query.words
        corrections = typos.corrections(words)
        ctes, params = self.sql.library(query, word_groups(words, corrections))
        total, counts, ranked = answer(ctes, params, query, FACETS)
        pages = ResourcePage.objects.select_related("unit").in_bulk(
            [pk for pk, _score in ranked]
        )
        return Results(
            hits_of(ranked, pages, words, corrections),
            total,
            query,
            self.name,
            facets=label_facets(counts, query.filters),
            corrections=corrections,
        )

    def autocomplete(self, text, scope, limit=AUTOCOMPLETE_LIMIT):
        """Titles of resources starting with the typed words, shortest first."""
        words = typos.words(text)[:MAX_AUTOCOMPLETE_WORDS]
        if not words:
            return []
        sql, params = self.sql.autocomplete(LibraryQuery(scope), words, limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [title for (title,) in cursor.fetchall()]

    def search_site(self, query):
        """Every live, public page under the site's home, best first."""
        from wagtail.models import Page

        words = query.words
        corrections = typos.corrections(words)
        groups = word_groups(words, corrections)
        if not groups:
            return Results([], 0, query, self.name)
        total, _counts, ranked = answer(*self.sql.site(query, groups), query)
        pages = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[pk for pk, _ in ranked]).specific()
        }
        return Results(
            hits_of(ranked, pages, words, corrections),
            total,
            query,
            self.name,
            corrections=corrections,
        )
