"""gunicorn settings for gongkai (``gunicorn -c deploy/gunicorn.conf.py gongkai.wsgi``).

Every value can be changed from the environment; logs are JSON lines with personal data
masked, the access log included (no query strings, no full client address).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core plus one: the portal is mostly waiting on the database.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Restart each process now and then, so a slow leak never grows.
max_requests = 5000
max_requests_jitter = 500
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips

accesslog = "-"
access_log_format = "%(m)s %(U)s %(s)s %(B)s %(M)sms"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "gongkai.core.logging.RedactPersonalData"}},
    "formatters": {"json": {"()": "gongkai.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact"],
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


def post_worker_init(worker):
    """Load jieba's dictionary (about a second of CPU) before this process takes requests:
    otherwise the first search each process serves waits for it, and so does the first
    after every max_requests restart (measured: searches stalled for seconds on a loaded
    machine while the index itself answers in milliseconds)."""
    try:
        from gongkai.search.analysis import words

        words("政务公开")
    except Exception:  # search is one page among many: the process starts anyway
        worker.log.warning("search warm-up failed", exc_info=True)
