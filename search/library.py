"""The PostgreSQL library table (search.models.LibraryEntry), kept by the
database engine's index: a resource's row is rewritten from its fresh index
entry whenever the resource is indexed, and goes with it."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

COLUMNS = (
    "page_id, title, unit_id, subject, grade, resource_type, series, school_year,"
    " shared, live, locale_id, path, first_published_at, vector"
)
UPSERT = f"""
INSERT INTO search_libraryentry ({COLUMNS})
SELECT p.id, p.title, r.unit_id, r.subject, r.grade, r.resource_type, r.series,
       r.school_year, r.shared, p.live, p.locale_id, p.path, p.first_published_at,
       e.title || e.body
FROM wagtailcore_page p
JOIN pagemodels_resourcepage r ON r.page_ptr_id = p.id
JOIN wagtailsearch_indexentry e
  ON e.content_type_id = %s AND e.object_id = CAST(p.id AS text)
WHERE p.id = ANY(%s)
ON CONFLICT (page_id) DO UPDATE SET
""" + ", ".join(f"{column} = EXCLUDED.{column}" for column in COLUMNS.split(", ")[1:])


def is_resource(model):
    from pagemodels.models import ResourcePage

    return issubclass(model, ResourcePage)


def store(model, objs):
    """Rewrite the rows of `objs` (resources just indexed) from their entries."""
    ids = [obj.pk for obj in objs]
    if not ids:
        return
    content_type = ContentType.objects.get_for_model(model).pk
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [content_type, ids])


def remove(obj):
    from search.models import LibraryEntry

    LibraryEntry.objects.filter(page_id=obj.pk).delete()


def clear():
    from search.models import LibraryEntry

    LibraryEntry.objects.all().delete()
