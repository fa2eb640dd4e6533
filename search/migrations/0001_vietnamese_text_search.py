"""A PostgreSQL text search configuration that ignores Vietnamese diacritics:
the "simple" parser and dictionary behind the unaccent filter. Nothing happens
on other databases."""

from django.db import migrations

from search.migrations._postgresql import postgresql_only

CONFIG = "vietnamese_unaccent"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""

DROP = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};"


class Migration(migrations.Migration):
    dependencies = []
    operations = [postgresql_only(CREATE, DROP)]
