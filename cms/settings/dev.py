"""Local development and the SQLite quick start (`make run`)."""

from cms.env import env_int, env_str

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-5c0b1c7e4d")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SITE_PORT = env_int("SITE_PORT", 8000)  # `make run` serves on :8000
