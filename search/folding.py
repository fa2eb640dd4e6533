"""Diacritic folding for Vietnamese text.

Every search engine gets the same treatment: indexed text carries a folded
copy (see search.index) and queries are folded before they reach an engine
(see search.backends), so "dong van" finds "Đồng Văn" on SQLite, PostgreSQL
and OpenSearch alike.
"""

import copy
import unicodedata

_STROKED_D = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text):
    """Return text without diacritics: "Bài giảng Đồng Văn" -> "Bai giang Dong Van"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_STROKED_D))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped)


def fold_query(query):
    """Fold a query string, or every string inside a modelsearch query object."""
    if isinstance(query, str):
        return fold(query)
    folded = copy.copy(query)
    if isinstance(getattr(folded, "query_string", None), str):
        folded.query_string = fold(folded.query_string)
    if getattr(folded, "subquery", None) is not None:
        folded.subquery = fold_query(folded.subquery)
    if getattr(folded, "subqueries", None) is not None:
        folded.subqueries = [fold_query(sub) for sub in folded.subqueries]
    return folded


def ascii_slug(text):
    """A URL slug without diacritics: "Húc Động" -> "huc-dong"."""
    from django.utils.text import slugify

    return slugify(fold(text))
