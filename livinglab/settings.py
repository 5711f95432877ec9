"""Living Lab settings: one module, driven by environment variables (see README)."""

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from livinglab.core.timeouts import postgres_options
from livinglab.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(env_str("LIVINGLAB_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("LIVINGLAB_TESTING", False)

SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is false"
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG or TESTING else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # thousands separators in credit amounts
    "ninja",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "livinglab.core",
    "livinglab.accounts",
    "livinglab.orgs",
    "livinglab.meetings",
    "livinglab.tracking",
    "livinglab.search",
    "livinglab.work",
    "livinglab.reports",
    "livinglab.needs",
    "livinglab.proposals",
    "livinglab.sites",
    "livinglab.opendata",
    "livinglab.trials",
    "livinglab.reviews",
    "livinglab.kpis",
    "livinglab.credits",
    "livinglab.sandbox",
]

MIDDLEWARE = [
    "livinglab.core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Control characters dropped from every form field before CSRF or a view reads it.
    "livinglab.core.text.TypedTextMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes last, as its documentation asks: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "livinglab.urls"
WSGI_APPLICATION = "livinglab.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "livinglab.core.context_processors.site",
            ],
        },
    },
]

# --- Database: SQLite in a file by default (WAL), PostgreSQL through DATABASE_URL.
_default_db = f"sqlite:///{VAR_DIR / 'livinglab.sqlite3'}"
try:
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", _default_db) or _default_db, conn_max_age=60
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    # Django's SQLite, whose writers take turns (a large import lets others in). Tests
    # run in memory, as on Django's own SQLite (which tools recognise by its name).
    DATABASES["default"]["ENGINE"] = "livinglab.core.sqlite"
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
# Set by `livinglab serve` for its web workers only (see core/timeouts.py); 0 is no limit.
LIVINGLAB_STATEMENT_SECONDS = env_int("LIVINGLAB_STATEMENT_SECONDS", 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        postgres_options(LIVINGLAB_STATEMENT_SECONDS)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication and sign-in protection.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
AXES_FAILURE_LIMIT = env_int("LIVINGLAB_SIGNIN_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LIVINGLAB_SIGNIN_LOCKOUT_MINUTES", 15))
# One account from one address: failures under many names from one address (or one
# shared proxy) must not lock everybody else out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "livinglab.accounts.client.client_address"
AXES_LOCKOUT_CALLABLE = "livinglab.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("LIVINGLAB_SIGNIN_LIMIT", True)

# --- Internationalisation: Traditional Chinese (Taiwan) first, English second.
LANGUAGE_CODE = "zh-hant"
LANGUAGES = [("zh-hant", "繁體中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Taipei")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["livinglab.formats"]  # amounts grouped by thousands, as officials write them

# --- Static files: collected at set-up, served by whitenoise; htmx comes from npm.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/htmx", PROJECT_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/leaflet", PROJECT_DIR / "node_modules" / "leaflet" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
LIVINGLAB_UPLOAD_MAX_BYTES = env_int("LIVINGLAB_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# The namespace this instance publishes its KPI scopes and values under (kpis exchange).
LIVINGLAB_KPI_INSTANCE = env_str("LIVINGLAB_KPI_INSTANCE", "local")

# --- Background tasks (django-tasks): the database backend serves one machine.
TASKS = {
    "default": {
        "BACKEND": env_str("LIVINGLAB_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- E-mail.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "livinglab@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- HTTPS behind a TLS-terminating reverse proxy.
HTTPS = env_bool("LIVINGLAB_HTTPS", not DEBUG and not TESTING)
# Reverse proxies in front of the server whose X-Forwarded-For is believed (one: the TLS
# proxy when LIVINGLAB_HTTPS is on).
LIVINGLAB_TRUSTED_PROXIES = env_int("LIVINGLAB_TRUSTED_PROXIES", 1 if HTTPS else 0)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("LIVINGLAB_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- The field-site map: Leaflet from npm; tiles only from the host a deployment names.
MAP_TILES = env_str("LIVINGLAB_MAP_TILES").strip()
MAP_ATTRIBUTION = env_str("LIVINGLAB_MAP_ATTRIBUTION").strip()


def _tile_origin(url: str) -> str:
    """The origin the map's tiles come from, for the CSP (`{s}` subdomains as a wildcard)."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.netloc:
        raise ImproperlyConfigured(
            f"LIVINGLAB_MAP_TILES must be an http(s) URL template, not {url!r}"
        )
    if not all(mark in url for mark in ("{z}", "{x}", "{y}")):
        raise ImproperlyConfigured("LIVINGLAB_MAP_TILES must contain {z}, {x} and {y}")
    host = re.sub(r"^\{s\}\.", "*.", parts.netloc)
    if "{" in host:
        raise ImproperlyConfigured("LIVINGLAB_MAP_TILES may only use {s} as a leading subdomain")
    return f"{parts.scheme}://{host}"


MAP_TILE_ORIGIN = _tile_origin(MAP_TILES)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusal_on_one_line": {"()": "livinglab.core.logs.RefusalOnOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["refusal_on_one_line"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Open data: the licence datasets are published under, and the longest a written
# file is served before it is written again even if no change was seen.
LIVINGLAB_OPENDATA_LICENCE = env_str("LIVINGLAB_OPENDATA_LICENCE", "OGDL-Taiwan-1.0")
if LIVINGLAB_OPENDATA_LICENCE not in ("OGDL-Taiwan-1.0", "CC-BY-4.0", "CC0-1.0"):
    raise ImproperlyConfigured(
        "LIVINGLAB_OPENDATA_LICENCE must be OGDL-Taiwan-1.0, CC-BY-4.0 or CC0-1.0"
    )
LIVINGLAB_OPENDATA_MAX_AGE = env_int("LIVINGLAB_OPENDATA_MAX_AGE", 24 * 3600)

SITE_NAME = _("Living Lab")
# The address people reach the site at, for links in e-mails (no trailing slash).
SITE_URL = env_str("LIVINGLAB_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
