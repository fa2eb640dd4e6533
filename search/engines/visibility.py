"""What no search may show, whatever the engine: drafts, pages under a view
restriction (password, groups, login), other languages, archived units."""

from wagtail.models import PageViewRestriction


def restricted_paths():
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def archived_unit_ids():
    from units.models import Unit

    return sorted(
        Unit.objects.filter(archived_at__isnull=False).values_list("pk", flat=True)
    )


def snippet_texts(page):
    """The page's searchable text other than its title, as typed (without the
    folded copies the index holds)."""
    from modelsearch import index

    from search.index import as_text

    texts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        value = index.SearchField.get_value(field, page)
        texts.append(as_text(value))
    return [text for text in texts if text]
