"""gunicorn's settings for the WSGI web service (pages and the REST API).

    gunicorn -c python:kcc.gunicorn_conf kcc.wsgi:application

Synchronous workers, one request at a time each: every view of the platform
is synchronous, so a worker process per request in flight is the fastest way
to serve them, and each worker keeps one persistent database connection
(CONN_MAX_AGE), which bounds the connections at the number of workers.
Everything here can be set from the environment, as gunicorn's own
GUNICORN_CMD_ARGS can.
"""

import os

from kcc.env import env_int, env_str

bind = env_str("GUNICORN_BIND", "0.0.0.0:8000")
# gunicorn's own advice for sync workers: (2 x cores) + 1, counting the cores
# this process may run on (a container's CPU set), not the host's.
_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
workers = env_int("WEB_CONCURRENCY", 2 * (_cores or 1) + 1, minimum=1)
worker_class = "sync"
# A request that takes longer than this is stuck: the worker is replaced.
timeout = env_int("GUNICORN_TIMEOUT", 60, minimum=5)
graceful_timeout = 30
# Behind the proxy: it keeps the client connections; this only has to
# outlast the proxy's idle keep-alive to its upstream.
keepalive = 5
# A worker is replaced after this many requests (plus jitter, so they do not
# all restart at once): a slow leak in a library cannot grow without bound.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 5000, minimum=0)
max_requests_jitter = max_requests // 10
# The proxy in front sets X-Forwarded-Proto; trust it from these addresses.
forwarded_allow_ips = env_str("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# The access log line: who asked what, how it ended and how long it took (µs),
# with the request id the proxy (or the platform) gave it.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus rid=%({x-request-id}o)s'
