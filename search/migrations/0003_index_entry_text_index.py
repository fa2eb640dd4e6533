"""The GIN index on `title || body` that every PostgreSQL text match uses
(the index entry model declares none). Nothing happens on other databases."""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
    "USING gin ((title || body))"
)
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_vocabulary_and_pending_updates"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
