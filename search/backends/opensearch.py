"""OpenSearch (3.x) with Vietnamese folding: every text field is analysed with
asciifolding at index and at query time, autocomplete included."""

from copy import deepcopy

from modelsearch.backends.opensearch3 import (
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from search import outage
from search.backends.folding import QueryFoldingMixin

FOLDING_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "vi_folding"],
}

FOLDING_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "vi_folding": {"type": "asciifolding", "preserve_original": True},
            },
            "analyzer": {
                "default": FOLDING_ANALYZER,
                "default_search": FOLDING_ANALYZER,
                "folding": FOLDING_ANALYZER,
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "vi_folding", "edgengram"],
                },
            },
        }
    }
}


class Mapping(OpenSearch3Mapping):
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "folding",
    }


class SearchQueryCompiler(OpenSearch3SearchQueryCompiler):
    # Every word must match, as on the database engine.
    DEFAULT_OPERATOR = "and"
    mapping_class = Mapping


class AutocompleteQueryCompiler(OpenSearch3AutocompleteQueryCompiler):
    DEFAULT_OPERATOR = "and"
    mapping_class = Mapping


class OpenSearchBackend(QueryFoldingMixin, OpenSearch3SearchBackend):
    """Index writes never fail a save: while the node is away they are queued
    and applied when it answers again (search.outage)."""

    mapping_class = Mapping
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    settings = deep_update(
        deepcopy(OpenSearch3SearchBackend.settings), FOLDING_SETTINGS
    )

    def write_add(self, obj):
        super().add(obj)

    def write_delete(self, obj):
        super().delete(obj)

    def add(self, obj):
        outage.guarded([obj], "update", lambda: self.write_add(obj))

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        outage.guarded(
            obj_list,
            "update",
            lambda: super(OpenSearchBackend, self).add_bulk(model, obj_list),
        )

    def delete(self, obj):
        outage.guarded([obj], "delete", lambda: self.write_delete(obj))


SearchBackend = OpenSearchBackend
