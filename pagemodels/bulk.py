"""Adding many published pages under one parent at once, for demo data and
benchmarks: one INSERT per batch for the page rows, one raw save per
specific row, one search-index call per batch. Pages are validated first,
like `add_child`, but get no revisions (as pages created in code)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from modelsearch.backends import get_search_backends
from wagtail.models import Page

BATCH_SIZE = 500


def _page_row(page, parent, path, content_type):
    page.depth = parent.depth + 1
    page.path = path
    page.numchild = 0
    page.url_path = f"{parent.url_path}{page.slug}/"
    page.locale_id = parent.locale_id
    page.content_type = content_type
    page.draft_title = page.title
    page.has_unpublished_changes = not page.live
    page.latest_revision_created_at = page.last_published_at
    fields = {
        field.attname: getattr(page, field.attname)
        for field in Page._meta.concrete_fields
    }
    fields.pop("id")
    return Page(**fields)


def add_children(parent, pages, validate=True, index=True):
    """Append `pages` (instances of one specific page model, slugs set and
    unique among the parent's children) as the last children of `parent`;
    `index=False` leaves search indexing to a later `update_index`."""
    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    with transaction.atomic():
        for start in range(0, len(pages), BATCH_SIZE):
            batch = pages[start : start + BATCH_SIZE]
            rows = []
            for page in batch:
                step += 1
                path = Page._get_path(parent.path, parent.depth + 1, step)
                rows.append(_page_row(page, parent, path, content_type))
                if validate:
                    page.full_clean(
                        exclude=["path", "depth", "page_ptr", "translation_key"]
                    )
            for page, row in zip(batch, Page.objects.bulk_create(rows), strict=True):
                page.pk = page.id = page.page_ptr_id = row.pk
                page.translation_key = row.translation_key
                page.save_base(raw=True, force_insert=True)
            for backend in get_search_backends(with_auto_update=True) if index else ():
                backend.add_bulk(model, batch)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages
