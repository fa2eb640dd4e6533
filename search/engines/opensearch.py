"""Library and site search on OpenSearch, with opensearch-py's DSL over the
index modelsearch keeps: one request per search for hits, totals, every facet
(terms aggregations) and highlighted snippets."""

from django.utils.safestring import mark_safe
from modelsearch import index
from opensearchpy.helpers.search import Search

from search import typos
from search.engines import get_engine, visibility
from search.engines.visibility import snippet_texts
from search.query import FACETS, Hit, Results, label_facets
from search.snippets import best_snippet

AUTOCOMPLETE_LIMIT = 8
FACET_SIZE = 500
# One edit for words of five letters or more, none below (as the database engine).
FUZZINESS = f"AUTO:{typos.TYPO_MIN_LENGTH},100"
MARK = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "order": "none",
    "require_field_match": False,
}


class Fields:
    """Names of a model's fields in the OpenSearch documents."""

    def __init__(self, backend, model):
        self.mapping = backend.mapping_class(model)
        self.search_fields = model.get_search_fields()

    def _name(self, kind, name):
        for field in self.search_fields:
            if field.field_name == name and isinstance(field, kind):
                return self.mapping.get_field_column_name(field)
        raise KeyError(name)

    def filter(self, name):
        return self._name(index.FilterField, name)

    def text(self, name):
        return self._name(index.SearchField, name)


class OpenSearchEngine:
    name = "opensearch"

    def __init__(self):
        from pagemodels.models import ResourcePage

        self.backend = get_engine("opensearch")
        self.model = ResourcePage
        self.fields = Fields(self.backend, ResourcePage)
        self.page_index = self.backend.get_index_for_model(ResourcePage).name

    def _search(self):
        return Search(using=self.backend.es, index=self.page_index)

    def _visible(self, search, locale_id):
        search = search.filter({"term": {"live_filter": True}})
        if locale_id:
            search = search.filter({"term": {"locale_id_filter": locale_id}})
        for path in visibility.restricted_paths():
            search = search.exclude({"prefix": {"path_filter": path}})
        return search

    def _resources(self, scope, filters):
        fields = self.fields
        search = self._search().filter(
            {"term": {"_django_content_type": "pagemodels.ResourcePage"}}
        )
        search = self._visible(search, scope.locale_id)
        archived = visibility.archived_unit_ids()
        if archived:
            search = search.exclude({"terms": {fields.filter("unit"): archived}})
        if scope.library:
            search = search.filter({"term": {fields.filter("shared"): True}})
        else:
            search = search.filter(
                {"terms": {fields.filter("unit"): list(scope.units)}}
            )
        for name, value in filters.items():
            search = search.filter({"term": {fields.filter(name): value}})
        return search

    def _text_query(self, search, text, fuzzy=False):
        """Every word must match somewhere (with `fuzzy`, one typo allowed in
        long words); title matches and phrases score higher, exact diacritics
        too (the index keeps both the original and the folded token)."""
        match = {"query": text, "operator": "and"}
        if fuzzy:
            match.update(fuzziness=FUZZINESS, prefix_length=1)
        return search.query(
            {
                "bool": {
                    "must": [{"match": {"_all_text": match}}],
                    "should": [
                        {"match": {"title": {"query": text, "boost": 2}}},
                        {"match_phrase": {"title": {"query": text, "boost": 2}}},
                    ],
                }
            }
        )

    def search(self, query):
        """Exact words first; typos are tolerated only when that finds
        nothing (as the database engine corrects only unknown words)."""
        results = self._search_library(query, fuzzy=False)
        if results.total == 0 and _typo_prone(query.words):
            results = self._search_library(query, fuzzy=True)
        return results

    def _search_library(self, query, fuzzy):
        fields = self.fields
        search = self._resources(query.scope, query.filters)
        words = query.words
        if words:
            search = self._text_query(search, query.plain_text, fuzzy)
            search = search.sort(
                "_score", {"first_published_at_filter": "desc"}, {"id_filter": "desc"}
            )
            search = search.highlight_options(**MARK).highlight(
                *[fields.text(name) for name in ("summary", "body", "classification")],
                number_of_fragments=1,
                fragment_size=200,
            )
        else:
            search = search.sort(
                {"first_published_at_filter": "desc"}, {"id_filter": "desc"}
            )
        for name in FACETS:
            search.aggs.bucket(
                name, "terms", field=fields.filter(name), size=FACET_SIZE
            )
        search = search.extra(track_total_hits=True, _source=["pk"])
        offset, size = query.hits_window
        search = search[offset : offset + size]
        response = search.execute()
        counts = {
            name: {
                bucket.key: bucket.doc_count
                for bucket in response.aggregations[name].buckets
            }
            for name in FACETS
        }
        ranked = [
            (int(hit.pk), hit.meta.score or 0.0, _highlight(hit)) for hit in response
        ]
        pages = self.model.objects.select_related("unit").in_bulk(
            [pk for pk, *_ in ranked]
        )
        hits = [
            Hit(pages[pk], float(score), snippet)
            for pk, score, snippet in ranked
            if pk in pages
        ]
        return Results(
            hits,
            response.hits.total.value,
            query,
            self.name,
            facets=label_facets(counts, query.filters),
            corrections={},
        )

    def autocomplete(self, text, scope, limit=AUTOCOMPLETE_LIMIT):
        if not typos.words(text):
            return []
        search = self._resources(scope, {})
        search = search.query(
            "match",
            title_edgengrams={
                "query": " ".join(typos.WORD.findall(text)),
                "operator": "and",
            },
        )
        search = search.extra(_source=["title_filter"])[: limit * 3]
        titles = []
        for hit in search.execute():
            if hit.title_filter not in titles:
                titles.append(hit.title_filter)
        titles.sort(key=lambda title: (len(title), title))
        return titles[:limit]

    def search_site(self, query):
        if not query.words:
            return Results([], 0, query, self.name)
        results = self._search_site(query, fuzzy=False)
        if results.total == 0 and _typo_prone(query.words):
            results = self._search_site(query, fuzzy=True)
        return results

    def _search_site(self, query, fuzzy):
        from wagtail.models import Page

        search = self._visible(self._search(), query.locale_id)
        search = search.filter({"prefix": {"path_filter": query.root_path}})
        search = self._text_query(search, query.plain_text, fuzzy)
        search = search.sort("_score", {"id_filter": "desc"})
        search = search.extra(track_total_hits=True, _source=["pk"])
        offset, size = query.hits_window
        search = search[offset : offset + size]
        response = search.execute()
        ranked = [(int(hit.pk), hit.meta.score or 0.0) for hit in response]
        pages = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[pk for pk, _ in ranked]).specific()
        }
        hits = [
            Hit(pages[pk], score, best_snippet(snippet_texts(pages[pk]), query.words))
            for pk, score in ranked
            if pk in pages
        ]
        return Results(hits, response.hits.total.value, query, self.name)


def _typo_prone(words):
    return any(len(word) >= typos.TYPO_MIN_LENGTH for word in words)


def _highlight(hit):
    """The first highlighted fragment that is not a title: already escaped
    by the engine (encoder html), marks added by it."""
    highlight = getattr(hit.meta, "highlight", None)
    if not highlight:
        return ""
    for name, fragments in highlight.to_dict().items():
        if name.startswith("title") or name.startswith("_"):
            continue
        if fragments:
            return mark_safe(fragments[0].split("\n")[0])  # noqa: S308 (encoder html)
    return ""
