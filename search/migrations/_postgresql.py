"""SQL that only PostgreSQL runs, for this app's migrations (the loader skips
modules whose name starts with an underscore)."""

from django.db import migrations


def postgresql_only(forwards_sql, backwards_sql):
    """A migration operation running `forwards_sql` (or, reversed,
    `backwards_sql`) on PostgreSQL and nothing on other databases."""

    def run(sql):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql)

        return operation

    return migrations.RunPython(run(forwards_sql), run(backwards_sql))
