"""Settings for Maillage, read from the environment with safe development defaults.

Development (the default): SQLite under ``data/``, DEBUG on, e-mails written to files under
``data/mail``. Production: set ``MAILLAGE_ENV=production`` with the variables documented in
``docs/deployment.md``; ``manage.py check --deploy`` then passes with no warning.

This module must never hold a secret: every secret comes from the environment.
"""

import os
import sys
from pathlib import Path

import dj_database_url
import xstatic.pkg.leaflet as xstatic_leaflet
from django.core.exceptions import ImproperlyConfigured

from maillage.secret import development_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MAILLAGE_DATA_DIR", BASE_DIR / "data"))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("MAILLAGE_ENV", "development") == "production"
TESTING = "pytest" in sys.modules or os.environ.get("MAILLAGE_TESTING") == "1"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when MAILLAGE_ENV=production.")
    # Generated once per data folder (maillage/secret.py): no two installations share a key.
    SECRET_KEY = development_secret_key(DATA_DIR)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "maillage.apps.MaillageAdminConfig",  # django.contrib.admin, branded (maillage/admin.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "auditlog",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "django_prose_editor",  # static files of the minutes' rich-text editor (events)
    # Maillage domains (one app per domain, see ../shared/DESIGN.md).
    "core",
    "territory",
    "accounts",
    "directory",
    "booking",
    "events",
    "intervisions",
    "orientation",
    "helpdesk",
    "opendoors",
    "privacy",
    "messaging",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.CoordinatorMFAMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "privacy.middleware.ConsentMiddleware",
    "accounts.middleware.ProfileCompletionMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "maillage.urls"
WSGI_APPLICATION = "maillage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "maillage" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.site",
            ],
        },
    },
]

# --- Databases -------------------------------------------------------------------------------
# SQLite by default, tuned for concurrent web use: WAL journal (readers never block the writer),
# a busy timeout (a writer waits instead of failing), and IMMEDIATE transactions (a transaction
# takes the write lock when it starts, so two writers queue instead of failing half-way with
# "database is locked"). PostgreSQL through DATABASE_URL.
SQLITE_PATH = DATA_DIR / "maillage.sqlite3"
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------------------------
# Shared between processes (rate limits must hold across workers): Redis when REDIS_URL is set,
# the database otherwise. Tests use local memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
elif TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "maillage_cache",
        }
    }

# --- Authentication (django-allauth) ---------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
SITE_ID = 1
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "core:home"
LOGIN_URL = "account_login"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtraForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Maillage] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# Failed logins: at most 5 per e-mail address *from one IP address* per 5 minutes (so nobody can
# lock a colleague out: core/auth_adapter.py), and 20 per minute per IP address. Behind the
# reverse proxy, the client's address comes from X-Forwarded-For (MAILLAGE_TRUSTED_PROXY_COUNT
# proxies in front) or from one header the proxy sets (MAILLAGE_TRUSTED_CLIENT_IP_HEADER).
ACCOUNT_ADAPTER = "core.auth_adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {"login_failed": "20/m/ip,5/300s/key"}
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("MAILLAGE_TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("MAILLAGE_TRUSTED_CLIENT_IP_HEADER") or None
# Two-factor authentication (allauth.mfa): an authenticator app (TOTP) and recovery codes.
# Coordinators must have it before any page opens (core.middleware.CoordinatorMFAMiddleware);
# MAILLAGE_COORDINATOR_MFA=0 turns the requirement off (never in production: see
# docs/security.md). Demo coordinators get a known TOTP secret outside production (load_demo).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Maillage"
MAILLAGE_COORDINATOR_MFA = PRODUCTION or env_bool("MAILLAGE_COORDINATOR_MFA", True)
# Long-lived objects (code, templates, the search snapshot) frozen out of the garbage
# collector's full passes a few times per process (core/gcfreeze.py).
MAILLAGE_GC_FREEZE = env_bool("MAILLAGE_GC_FREEZE", True)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Internationalisation --------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "maillage" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
# Content written by organizations: French first, then Dutch, then English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "nl", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("fr", "nl", "en"),
    "fr": ("nl", "en"),
    "nl": ("fr", "en"),
    "en": ("fr", "nl"),
}

# --- Static files ----------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "maillage" / "static"]
# Front-end libraries come from PyPI packages: htmx from django-htmx ({% htmx_script %}),
# Leaflet from XStatic-Leaflet, served as static/leaflet/leaflet.js and leaflet.css.
STATICFILES_DIRS.append(("leaflet", xstatic_leaflet.BASE_DIR))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Uploads are private: no URL serves MEDIA_ROOT (not even in DEBUG); each app's view checks who
# may read a file and sends it as a download (core.uploads). Size limit of one upload:
MEDIA_URL = "media/"
MAILLAGE_UPLOAD_MAX_BYTES = int(os.environ.get("MAILLAGE_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
FILE_UPLOAD_PERMISSIONS = 0o640

# --- E-mail ----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Maillage <noreply@maillage.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "mail"

# --- Background tasks (django-tasks, database-backed worker: no broker needed) ---------------
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# --- API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Maillage HSDS API",
    "DESCRIPTION": "Read-only Open Referral HSDS 3.x API with the Maillage Brussels profile.",
    "VERSION": "3.1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# --- Maillage --------------------------------------------------------------------------------
MAILLAGE_SITE_NAME = "Maillage"
# Base of the absolute links in e-mails and feeds; empty = the Site's domain (SITE_DOMAIN).
MAILLAGE_BASE_URL = os.environ.get("MAILLAGE_BASE_URL", "")
# Map tiles: any XYZ tile URL; an empty value shows the map without a background layer.
MAILLAGE_MAP_TILES_URL = os.environ.get(
    "MAILLAGE_MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
MAILLAGE_MAP_ATTRIBUTION = os.environ.get("MAILLAGE_MAP_ATTRIBUTION", "© OpenStreetMap")


# --- Content-Security-Policy (django-csp) ----------------------------------------------------
# Every page: scripts, styles, fonts and requests from this origin only, no inline script or
# style anywhere (templates use static files; htmx is told not to inject its indicator style),
# images from here, data: URIs (the MFA QR code) and the map tile server. See docs/security.md.
def _tile_origin(url: str) -> list[str]:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        return []
    host = parts.hostname.replace("{s}", "*")
    return [f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")]


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_tile_origin(MAILLAGE_MAP_TILES_URL)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Production hardening (passes `manage.py check --deploy`) --------------------------------
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
