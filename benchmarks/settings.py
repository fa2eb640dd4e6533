"""The quick-start configuration with DEBUG off, as a server in production
runs: what the load benchmarks measure."""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
