"""Search-field declarations that index a diacritic-free copy of their text."""

from modelsearch import index

from search.folding import fold


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = value.values()
    if hasattr(value, "__iter__"):
        return "\n".join(as_text(item) for item in value)
    return str(value)


def with_folded_copy(value):
    text = as_text(value)
    folded = fold(text)
    return text if folded == text else f"{text}\n{folded}"


class FoldedSearchField(index.SearchField):
    def get_value(self, obj):
        return with_folded_copy(super().get_value(obj))


class FoldedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return with_folded_copy(super().get_value(obj))


def folded(field):
    """The folding counterpart of a search_fields entry (filters stay as they are)."""
    if type(field) is index.SearchField:
        return FoldedSearchField(field.field_name, boost=field.boost, **field.kwargs)
    if type(field) is index.AutocompleteField:
        return FoldedAutocompleteField(field.field_name, **field.kwargs)
    if isinstance(field, index.RelatedFields):
        return index.RelatedFields(field.field_name, [folded(f) for f in field.fields])
    return field


class FoldedIndexed:
    """Model mixin: every text field in search_fields also indexes its folded
    copy, so engines without Vietnamese folding (SQLite FTS5) still match."""

    @classmethod
    def get_search_fields(cls):
        return [folded(field) for field in super().get_search_fields()]
