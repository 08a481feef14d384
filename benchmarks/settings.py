"""Settings for benchmark servers: the platform plus a bare baseline view."""

from kcc.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
