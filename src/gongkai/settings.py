"""Django settings for gongkai.

Every environment read happens here, each with a default and a one-line comment
(12-factor). Development defaults never leak into production: with
``GONGKAI_PRODUCTION=1`` a missing secret fails fast and cookies become secure.
"""

import os
import secrets
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from gongkai import home

PACKAGE_DIR = home.PACKAGE_DIR


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Where var/ (database, media, search index, secret key) lives. Settings make no folder
# and write no file: the entry points do (gongkai.home.prepare).
BASE_DIR = home.base_dir()
VAR_DIR = BASE_DIR / "var"

# Production mode: secrets must come from the environment, cookies are secure.
PRODUCTION = _env_bool("GONGKAI_PRODUCTION", False)
# Debug pages and tracebacks; never on in production.
DEBUG = _env_bool("DEBUG", False) and not PRODUCTION


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when GONGKAI_PRODUCTION=1.")
    # Development and tests: generated once into var/ by the entry points (never
    # committed); a process that imports settings without one gets a key of its own.
    path = VAR_DIR / home.SECRET_KEY_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()

# Host names the site answers to, comma-separated (.localhost: the demo's sites, gongkai.sites).
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,testserver").split(",")
    if h.strip()
]
# Origins trusted for CSRF behind a proxy, comma-separated (https://gov.example.cn).
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    # django-ninja's templates and static files: /api/v1/docs served from here, no CDN.
    "ninja",
    "gongkai.core",
    "gongkai.portal",
    "gongkai.search",
    "gongkai.reports",
    "gongkai.foi",
    "gongkai.proactive",
    "gongkai.participation",
    "gongkai.listings",
    "gongkai.sites",
    "gongkai.guides",
    "gongkai.budgets",
    "gongkai.internal",
    "gongkai.enforcement",
    "gongkai.monitor",
    "gongkai.assessment",
    "gongkai.opendata",
    "gongkai.subscriptions",
    "gongkai.outreach",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost of ours: any error under /api/ leaves as JSON, whatever made it.
    "gongkai.core.apierrors.ApiErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before any page: the site the host name names (gongkai.sites) scopes everything after
    # (static files, served just above, need no site).
    "gongkai.sites.middleware.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Form fields, JSON and query strings that are not UTF-8 are refused, never stored as "�".
    "gongkai.core.middleware.RefuseInvalidTextMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Idle staff sessions end; a due second factor (django-otp) is required.
    "gongkai.core.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes last, as its documentation requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.core.context_processors.site",
                "gongkai.core.context_processors.navigation",
                "gongkai.portal.context_processors.site_identity",
                "gongkai.sites.context_processors.current_site",
            ],
        },
    }
]

# The database: a SQLite file under var/ by default, PostgreSQL via DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "") or f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
# A read replica of the primary for anonymous portal reads (docs/sites.md); none by default.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=60, conn_health_checks=True
    )
    # A replica that does not answer is left for the primary quickly (sites.dbrouter).
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["gongkai.sites.dbrouter.ReplicaRouter"]
# After a visitor sends something, their reads stay on the primary this long.
GONGKAI_REPLICA_PIN_SECONDS = int(os.environ.get("GONGKAI_REPLICA_PIN_SECONDS", "30"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent like PostgreSQL's: opening the file and running the PRAGMAs below on
    # every request cost about a millisecond of each portal page.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so two writers never both read
        # the same ledger head; WAL lets readers go on while one writes.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
    # One test database per process, so parallel test runs never share a file.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (django-tasks): "database" queues tasks in the database for
# `gongkai worker`; "immediate" runs them in the process (tests). See core/queue.py.
GONGKAI_TASKS_BACKEND = os.environ.get("GONGKAI_TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[GONGKAI_TASKS_BACKEND]
    }
}
# Seconds a running task may take before a worker treats it as lost (worker killed) and
# runs it again; each task may set its own.
GONGKAI_TASK_TIMEOUT = int(os.environ.get("GONGKAI_TASK_TIMEOUT", "600"))
# /healthz fails when the oldest runnable task has waited longer than this (seconds)…
GONGKAI_HEALTH_QUEUE_LAG_SECONDS = int(os.environ.get("GONGKAI_HEALTH_QUEUE_LAG_SECONDS", "300"))
# …or when the ledger head was last anchored longer ago than this (hours; the sweep is daily).
GONGKAI_HEALTH_ANCHOR_HOURS = int(os.environ.get("GONGKAI_HEALTH_ANCHOR_HOURS", "50"))

# The cache every worker shares (page cache generations, rate limits): a table in the
# database by default (created by `gongkai migrate`), or "locmem" for one process.
# Rendered public pages live in each worker's own memory ("pages"), stamped with the
# shared generation (core/cache.py): a page cache in the database would cost a write
# per page and serialise the workers on SQLite's one writer.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        if os.environ.get("GONGKAI_CACHE", "database") == "locmem"
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "gongkai_cache",
        }
    ),
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "gongkai-pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("GONGKAI_PAGE_CACHE_ENTRIES", "2000"))},
    },
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:workbench"
LOGOUT_REDIRECT_URL = "portal:home"

# Login lockout (django-axes): failures before a lock, and how long it lasts (hours).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
# Lockouts key on the client behind the trusted proxies below, not on the proxy.
AXES_CLIENT_IP_CALLABLE = "gongkai.core.clientip.client_address"


def _trusted_proxies() -> tuple[str, ...]:
    from gongkai.core.clientip import parse_networks

    value = os.environ.get("GONGKAI_TRUSTED_PROXIES", "")
    try:
        return parse_networks(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"GONGKAI_TRUSTED_PROXIES: {error}") from error


# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated);
# empty: none, the peer's address is the client's. Rate limits and lockouts key on it.
GONGKAI_TRUSTED_PROXIES = _trusted_proxies()

# Staff sessions: signed out after this many idle minutes, and after at most this many
# hours in all; closing the browser ends the session.
GONGKAI_SESSION_IDLE_MINUTES = int(os.environ.get("GONGKAI_SESSION_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = int(float(os.environ.get("GONGKAI_SESSION_MAX_HOURS", "12")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Single sign-on across the sites of one platform (gongkai.sites, 集约化): the parent domain
# that the platform's host and every body's site share, e.g. ".zhanjiang.gov.cn". Staff sign
# in once and are signed in on every site under it (the session and CSRF cookies are the
# parent's). Empty: each host keeps its own cookies, as a single-body installation does.
GONGKAI_COOKIE_DOMAIN = os.environ.get("GONGKAI_COOKIE_DOMAIN", "").strip() or None
SESSION_COOKIE_DOMAIN = GONGKAI_COOKIE_DOMAIN
CSRF_COOKIE_DOMAIN = GONGKAI_COOKIE_DOMAIN
# Two-factor sign-in (TOTP, django-otp): the issuer name shown in authenticator apps.
OTP_TOTP_ISSUER = os.environ.get("GONGKAI_OTP_ISSUER", "gongkai")

# The UI language; English is a translation away (add LocaleMiddleware and a catalog).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Uploaded files on an S3-compatible store (django-storages, `pip install -e ".[s3]"`) when
# a bucket is named; the access key and secret come from the environment too.
GONGKAI_S3_BUCKET = os.environ.get("GONGKAI_S3_BUCKET", "")
if GONGKAI_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": GONGKAI_S3_BUCKET,
            "endpoint_url": os.environ.get("GONGKAI_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("GONGKAI_S3_REGION") or None,
            "access_key": os.environ.get("GONGKAI_S3_ACCESS_KEY", ""),
            "secret_key": os.environ.get("GONGKAI_S3_SECRET_KEY", ""),
            "default_acl": "private",  # every file is served through the app's checks
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# E-mail: console output unless an SMTP host is given.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "gongkai@localhost")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Security baseline: CSRF everywhere (middleware above), strict headers.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: everything from our own origin; no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Logs never carry personal data: a filter masks ID, phone and card numbers.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "gongkai.core.logging.RedactPersonalData"}},
    # LOG_FORMAT=json: one JSON object per line (production); plain text otherwise.
    "formatters": {
        "json": {"()": "gongkai.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact"],
            "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "text",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"handlers": ["console"], "level": "WARNING"}},
}

# The public body this installation serves (its organisation code in the tree).
GONGKAI_SITE_NAME = os.environ.get("GONGKAI_SITE_NAME", "")
# How long a process trusts its cached calendar before checking for newly loaded years (s).
# Minimum seconds between showing and sending the application form (anti-spam).
GONGKAI_FOI_FORM_MIN_SECONDS = int(os.environ.get("GONGKAI_FOI_FORM_MIN_SECONDS", "3"))
# Failed tracking attempts allowed per client address, and per tracking code, per 15 minutes.
GONGKAI_FOI_TRACK_ATTEMPTS = int(os.environ.get("GONGKAI_FOI_TRACK_ATTEMPTS", "10"))
# Class sending SMS reminders (send(*, phone, message)); the default only records them.
GONGKAI_SMS_SENDER = os.environ.get("GONGKAI_SMS_SENDER", "gongkai.foi.sms.RecordingSender")
# Working days before a reply due date when reminders go out (local practice).
GONGKAI_FOI_REMINDER_WORKING_DAYS = tuple(
    int(d) for d in os.environ.get("GONGKAI_FOI_REMINDER_WORKING_DAYS", "5,3,1").split(",")
)
# Whether a fee notice pauses the reply clock (国办函〔2020〕109号 is silent; default yes).
GONGKAI_FOI_FEE_PAUSES_CLOCK = _env_bool("GONGKAI_FOI_FEE_PAUSES_CLOCK", True)
GONGKAI_CALENDAR_CACHE_SECONDS = int(os.environ.get("GONGKAI_CALENDAR_CACHE_SECONDS", "30"))

# Site monitor (国办秘函〔2019〕19号): the portal's address as visitors reach it; empty:
# the pages are opened in this process (no server needed).
GONGKAI_MONITOR_BASE_URL = os.environ.get("GONGKAI_MONITOR_BASE_URL", "")
# At most this many pages and images opened per run, links followed this deep.
GONGKAI_MONITOR_MAX_PAGES = int(os.environ.get("GONGKAI_MONITOR_MAX_PAGES", "500"))
GONGKAI_MONITOR_MAX_DEPTH = int(os.environ.get("GONGKAI_MONITOR_MAX_DEPTH", "4"))
# A run stops opening pages after this many seconds (its task times out after an hour).
GONGKAI_MONITOR_MAX_SECONDS = float(os.environ.get("GONGKAI_MONITOR_MAX_SECONDS", "1800"))
# Pause between two HTTP requests (politeness to the web server), in seconds.
GONGKAI_MONITOR_DELAY_SECONDS = float(os.environ.get("GONGKAI_MONITOR_DELAY_SECONDS", "0.5"))
# A page taking longer than this is reported as slow (the check's limit: 15 s to open).
GONGKAI_MONITOR_SLOW_SECONDS = float(os.environ.get("GONGKAI_MONITOR_SLOW_SECONDS", "15"))
# Availability samples of the key pages a day (the check opens a site 20+ times a day).
GONGKAI_MONITOR_PROBES_PER_DAY = int(os.environ.get("GONGKAI_MONITOR_PROBES_PER_DAY", "48"))
# The key pages sampled, site paths separated by commas (the home page first).
GONGKAI_MONITOR_PROBE_PATHS = os.environ.get("GONGKAI_MONITOR_PROBE_PATHS", "/").split(",")
# Other sites (external links, the office's watched sites): requests and seconds per run,
# pages per watched site, and the pause between two requests to one host.
GONGKAI_MONITOR_EXTERNAL_MAX_REQUESTS = int(
    os.environ.get("GONGKAI_MONITOR_EXTERNAL_MAX_REQUESTS", "300")
)
GONGKAI_MONITOR_EXTERNAL_MAX_SECONDS = float(
    os.environ.get("GONGKAI_MONITOR_EXTERNAL_MAX_SECONDS", "600")
)
GONGKAI_MONITOR_EXTERNAL_MAX_PAGES = int(os.environ.get("GONGKAI_MONITOR_EXTERNAL_MAX_PAGES", "30"))
GONGKAI_MONITOR_HOST_INTERVAL_SECONDS = float(
    os.environ.get("GONGKAI_MONITOR_HOST_INTERVAL_SECONDS", "2")
)

# Subscriptions and new-media channels (docs/outreach.md): the portal's public address, put
# in front of links in mails and text messages (confirm, unsubscribe, an item).
GONGKAI_PUBLIC_URL = os.environ.get("GONGKAI_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# Days a subscription waits for its confirmation before the address is erased.
GONGKAI_SUBSCRIPTION_CONFIRM_DAYS = int(os.environ.get("GONGKAI_SUBSCRIPTION_CONFIRM_DAYS", "7"))
# Class pushing a published item to a WeChat, Weibo, app or provincial-platform channel
# (push(*, channel, title, summary, url) -> remote id); the default only records.
GONGKAI_CHANNEL_SENDER = os.environ.get(
    "GONGKAI_CHANNEL_SENDER", "gongkai.outreach.senders.RecordingSender"
)
