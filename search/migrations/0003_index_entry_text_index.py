"""The GIN index on `title || body` that every PostgreSQL text match uses
(the index entry model declares none). Nothing happens on other databases."""

from django.db import migrations

from search.migrations._postgresql import postgresql_only

INDEX = "search_indexentry_title_body_gin"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
    "USING gin ((title || body))"
)
DROP = f"DROP INDEX IF EXISTS {INDEX}"


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_vocabulary_and_pending_updates"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [postgresql_only(CREATE, DROP)]
