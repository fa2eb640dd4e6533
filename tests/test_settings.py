"""Every settings module loads; production passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale

REPO = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "k9#Qz2vX!mT7pL4wR8nB1cY6hJ3sD0fG5aE-uI_oP+xV=zN&rW@tM*qK",
    "ALLOWED_HOSTS": "binhlieu.edu.vn,.binhlieu.edu.vn",
    "DATABASE_URL": "postgres://cms:secret@127.0.0.1:5432/cms",
}


def manage(*args, settings_module, extra_env=None):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "OPENSEARCH_URL", "SECRET_KEY"}
    }
    env["DJANGO_SETTINGS_MODULE"] = settings_module
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("module", ["dev", "test", "production"])
def test_settings_load(module):
    result = manage(
        "check",
        settings_module=f"cms.settings.{module}",
        extra_env=PRODUCTION_ENV if module == "production" else None,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_deploy_check_is_clean():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings_module="cms.settings.production",
        extra_env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = manage("check", settings_module="cms.settings.production", extra_env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_uses_the_database_task_queue():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])",
        settings_module="cms.settings.production",
        extra_env=PRODUCTION_ENV,
    )
    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend", result.stderr


def test_opensearch_url_switches_the_default_engine():
    code = (
        "from django.conf import settings as s; b = s.WAGTAILSEARCH_BACKENDS; "
        "print(b['default']['BACKEND'], b['database']['BACKEND'])"
    )
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        settings_module="cms.settings.dev",
        extra_env={"OPENSEARCH_URL": "http://127.0.0.1:9"},
    )
    assert result.stdout.split() == [
        "search.backends.opensearch",
        "search.backends.database",
    ], result.stderr


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["vi", "en"]
    assert "wagtail_localize" in settings.INSTALLED_APPS


def test_tests_run_tasks_immediately():
    backend = settings.TASKS["default"]["BACKEND"]
    assert backend == "django_tasks.backends.immediate.ImmediateBackend"


@pytest.mark.django_db
def test_default_locale_is_vietnamese():
    assert Locale.get_default().language_code == "vi"
