"""The benchmark servers' settings without any middleware: the true floor for
the bare view, so the cost of the platform's middleware chain (sessions,
CSRF, CSP, security headers, the second factor, django-axes, ...) shows as
the difference between the bare view with and without it."""

from benchmarks.settings import *  # noqa: F403

MIDDLEWARE = []
