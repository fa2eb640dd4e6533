"""Settings shared by every environment. Values that differ per deployment
come from environment variables (see docs/configuration.md)."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from cms.env import env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "pagemodels",
    "units",
    "moderation",
    "curriculum",
    "oversight",
    "audit",
    "headless",
    "assets",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "units.guard.UnitIsolationMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, defaulting to an SQLite file in the project.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Languages: Vietnamese first, English second. More content languages
# (e.g. Tày) are added by configuration: CONTENT_LANGUAGES="vi,en,tyz".
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LANGUAGE_NAMES = {"vi": _("Tiếng Việt"), "en": _("Tiếng Anh")}
LANGUAGES = [
    (code, LANGUAGE_NAMES.get(code, code))
    for code in env_list("CONTENT_LANGUAGES", ["vi", "en"])
]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Cổng thông tin giáo dục")
# A page is published when its workflow completes, whoever approved last
# (the authority's reviewers hold no publish permission): docs/roles.md.
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.finish.publish_approved"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "assets.AssetImage"
WAGTAILDOCS_DOCUMENT_MODEL = "assets.AssetDocument"
WAGTAILDOCS_EXTENSIONS = [
    "csv", "doc", "docx", "mp4", "odp", "ods", "odt", "pdf", "ppt", "pptx",
    "txt", "xls", "xlsx", "zip",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 50) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024

# The education authority: the base domain under which every unit gets its
# hostname (tthtcd<locality>.<domain> for centres), and the pattern for schools.
AUTHORITY_DOMAIN = env_str("AUTHORITY_DOMAIN", "binhlieu.localhost")
SITE_PORT = env_int("SITE_PORT", 80)
SCHOOL_HOSTNAME_PATTERN = env_str(
    "SCHOOL_HOSTNAME_PATTERN", "{level}{locality}.{domain}"
)

# Search: the database backend by default (PostgreSQL full text with the
# diacritic-insensitive configuration of search/migrations). OPENSEARCH_URL
# makes OpenSearch the default engine; the database index is kept up to date
# beside it (under the name "database") as the fallback when OpenSearch is down.
SEARCH_TEXT_CONFIG = "vietnamese_unaccent"
OPENSEARCH_URL = env_str("OPENSEARCH_URL")
SEARCH_ENGINE_RETRY_SECONDS = env_int("SEARCH_ENGINE_RETRY_SECONDS", 30)
DATABASE_SEARCH_BACKEND = {
    "BACKEND": "search.backends.database",
    "SEARCH_CONFIG": SEARCH_TEXT_CONFIG,
}
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [OPENSEARCH_URL],
            "INDEX_PREFIX": env_str("OPENSEARCH_INDEX_PREFIX", "cms_"),
            "TIMEOUT": env_int("OPENSEARCH_TIMEOUT", 5),
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# Background work (search indexing and the like).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
