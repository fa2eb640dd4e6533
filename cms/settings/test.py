"""Test settings: the database and OpenSearch come from the environment
(tests/run.py starts real PostgreSQL and OpenSearch and passes their URLs)."""

from cms.env import env_str

from .base import *  # noqa: F403
from .base import OPENSEARCH_URL, WAGTAILSEARCH_BACKENDS

SECRET_KEY = env_str("SECRET_KEY", "test-only-not-secret-9a1f")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = "cmstest_"
