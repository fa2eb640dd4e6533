from search.folding import fold_query


class QueryFoldingMixin:
    """Fold every search and autocomplete query before the engine sees it."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(
            query_compiler_class, fold_query(query), model_or_queryset, **kwargs
        )
