"""Settings for benchmark servers: the platform plus a bare baseline view."""

from kcc.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"

# Measure as production runs: no debug bookkeeping (query log, template
# debug information).
DEBUG = False
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
