"""Settings shared by every environment.

Everything that differs between machines comes from environment variables; with none
set, the site runs on SQLite, local-memory cache and the database search backend.
No secret lives here.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "site_core",
    "complaint_forms",
    "outreach",
    "search",
    "open_data",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "site_core.apps.FrontendCacheConfig",  # wagtail.contrib.frontend_cache, purging on commit
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
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
    "django_recaptcha",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "site_core.middleware.SiteMiddleware",
    # Above sessions and CSRF: it must see the cookies they set to tell personal responses.
    "site_core.caching.CacheHeadersMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "site_core.middleware.PreviewFramingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "site_core.middleware.LocaleMiddleware",
    "site_core.middleware.AdminLanguageMiddleware",
    "site_core.middleware.OtherLanguageRedirectMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-axes must come last so it sees the result of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_core.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "site_core.context_processors.display_preferences",
            ],
        },
    },
]

WSGI_APPLICATION = "site_core.wsgi.application"

# Database: SQLite file by default, anything dj-database-url understands otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # a kept connection that broke is replaced
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (also the store of rate limits and login lockouts): Redis when REDIS_URL is set.
# It fails open (site_core/cache.py): while Redis is away each process uses its own memory,
# tries Redis again every CACHE_OUTAGE_RETRY_SECONDS and gives up on a call after the
# socket timeouts below, so an outage never takes pages or report intake down.
REDIS_URL = env("REDIS_URL", default="")
CACHE_OUTAGE_RETRY_SECONDS = env.float("CACHE_OUTAGE_RETRY_SECONDS", default=5)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "site_core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="lapor"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
                "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT", default=1.0),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "lapor",
        }
    }

# Pages answered while the database is away (HTTP 503) ask clients to retry after this.
OUTAGE_RETRY_AFTER_SECONDS = env.int("OUTAGE_RETRY_AFTER_SECONDS", default=30)

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

# Admin login brute-force protection. Counted in the shared cache (Redis) when there is
# one; the embedded default's local-memory cache is per process, so it uses the database.
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if REDIS_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client address comes from these request.META keys, first present wins:
# ["HTTP_X_REAL_IP"] behind nginx. Login lockouts and every form's rate limit use it.
TRUSTED_CLIENT_IP_HEADERS = env.list("TRUSTED_CLIENT_IP_HEADERS", default=["REMOTE_ADDR"])
AXES_CLIENT_IP_CALLABLE = "site_core.clients.client_ip"
RATELIMIT_IP_META_KEY = "site_core.clients.client_ip"

# Languages: Indonesian first, English second. More locales need only these two lists.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's strings first; then Indonesian for the admin strings that Wagtail's and
# wagtail-localize's own catalogues leave in English (hand-written; see docs/decisions.md).
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "admin_locale"]
TIME_ZONE = "Asia/Makassar"  # Banjarbaru, South Kalimantan (WITA)
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
# Complaint attachments live outside MEDIA_ROOT so no web server can serve them directly.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
# Every public upload (site_core/uploads.py): images are measured from their header and
# refused above this many pixels before any decoding, then stored at most this wide/high.
UPLOAD_MAX_IMAGE_PIXELS = env.int("UPLOAD_MAX_IMAGE_PIXELS", default=40_000_000)
UPLOAD_MAX_IMAGE_FRAMES = env.int("UPLOAD_MAX_IMAGE_FRAMES", default=50)
UPLOAD_IMAGE_MAX_SIDE = env.int("UPLOAD_IMAGE_MAX_SIDE", default=4096)
UPLOAD_PHOTO_MAX_BYTES = env.int("UPLOAD_PHOTO_MAX_BYTES", default=5 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640

# Mail: console in the embedded default, anything django-environ parses (smtp+tls://...) else.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Every mail (the project's, Wagtail's, password resets) passes site_core.mail.KeepingBackend,
# which keeps and retries what the mail server named by EMAIL_URL does not take.
MAIL_DELIVERY_BACKEND = EMAIL_BACKEND  # noqa: F821 (set from EMAIL_URL just above)
EMAIL_BACKEND = "site_core.mail.KeepingBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="LAPOR Banjarbaru <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Mail the server does not take is kept and retried (site_core/mail.py): first after this
# many seconds, then twice as long each time up to the maximum, for this many hours.
MAIL_RETRY_FIRST_DELAY_SECONDS = env.int("MAIL_RETRY_FIRST_DELAY_SECONDS", default=60)
MAIL_RETRY_MAX_DELAY_SECONDS = env.int("MAIL_RETRY_MAX_DELAY_SECONDS", default=3600)
MAIL_RETRY_HOURS = env.float("MAIL_RETRY_HOURS", default=24)

# Background work: django-tasks with the database queue; `manage.py db_worker` runs it.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# HTTP caching (site_core/caching.py): how long a front cache and a browser keep anonymous
# pages, and the front cache to purge on publish, unpublish, move and delete.
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=300)
BROWSER_CACHE_SECONDS = env.int("BROWSER_CACHE_SECONDS", default=0)
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL", default="")
WAGTAILFRONTENDCACHE = (
    {
        "varnish": {
            "BACKEND": "site_core.purging.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
            "TIMEOUT": env.float("FRONTEND_CACHE_TIMEOUT", default=2),
        }
    }
    if FRONTEND_CACHE_URL
    else {}
)
# Pages have their own slug per language: purge the URLs as they are, not once per language.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# A purge is sent when the change commits; one that fails goes to the worker, which tries
# again after each of these delays, then logs an error.
FRONTEND_CACHE_RETRY_SECONDS = [10, 60, 300, 1800]

# Who sees the system status panel on the admin dashboard (besides administrators).
SYSTEM_STATUS_PERMISSION = "complaint_forms.coordinate_reports"

# Wagtail
WAGTAIL_SITE_NAME = "LAPOR! Banjarbaru"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# No avatars from gravatar.com: editors' e-mail hashes stay with us, and the admin works offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Uploads: only document types people can open safely, and bounded sizes.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_BYTES", default=5 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Security headers that hold in every environment; production adds HTTPS-only ones.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}
# No inline script or style anywhere on public pages; the Wagtail admin manages its own.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://www.youtube.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# reCAPTCHA keys; without them (embedded default) the captcha is off and the honeypot and
# rate limit still protect the forms. Production refuses to start without real keys.
RECAPTCHA_PUBLIC_KEY = env("RECAPTCHA_PUBLIC_KEY", default="")
RECAPTCHA_PRIVATE_KEY = env("RECAPTCHA_PRIVATE_KEY", default="")
RECAPTCHA_ENABLED = bool(RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY)
# django-ratelimit warns about any cache it does not list; ours is django-redis' own class
# with a fail-open wrapper (site_core/cache.py), so its atomic counters are Redis'.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not RECAPTCHA_ENABLED:
    SILENCED_SYSTEM_CHECKS += ["django_recaptcha.recaptcha_test_key_error"]
# Google's scripts and frames, allowed by the CSP only where the captcha is on.
RECAPTCHA_CSP = {
    "script-src": ["https://www.google.com/recaptcha/", "https://www.gstatic.com/recaptcha/"],
    "frame-src": ["https://www.google.com/recaptcha/", "https://recaptcha.google.com/recaptcha/"],
    "connect-src": ["https://www.google.com/recaptcha/"],
}
if RECAPTCHA_ENABLED:
    for _directive, _sources in RECAPTCHA_CSP.items():
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += _sources

# Demo content: every app adds its own loader command; `load_demo` runs them in order,
# so site_core never imports the other apps.
DEMO_CONTENT_COMMANDS = []

# Secrets in URLs that access logs must not keep (site_core.access_log): the path segment
# after these names (tickets, cancel and activity links, report confirmations) and the
# values of these query parameters (the tracking page's ?kode=).
# The confirmation segment and the tracking-code parameter in every language (routes are
# translated: site_core/localized_urls.py).
LOG_MASKED_PATH_SEGMENTS = ["ticket", "school-request", "ambassador", "terkirim", "sent"]
LOG_MASKED_QUERY_PARAMS = ["kode", "code", "token"]

# Personal-data retention (UU PDP 27/2022), in days after each record's reference date;
# `manage.py purge_personal_data` (daily) runs every app's purge listed in
# PERSONAL_DATA_PURGERS. See README "Retention of personal data".
PERSONAL_DATA_RETENTION_DAYS = {
    # complaint identity and attachments, after the report is closed or rejected
    "complaint_identity": env.int("RETENTION_COMPLAINT_IDENTITY_DAYS", default=730),
    # event registrants' contact details, after the event
    "registration": env.int("RETENTION_REGISTRATION_DAYS", default=365),
    # school contact person's details, after the session (or the last change)
    "school_request": env.int("RETENTION_SCHOOL_REQUEST_DAYS", default=365),
    # Duta Lapor applicant details (birth date, guardian), after the decision
    "ambassador_application": env.int("RETENTION_AMBASSADOR_APPLICATION_DAYS", default=365),
    # assisted-reporting requests, handled or not, after they arrive
    "assisted_request": env.int("RETENTION_ASSISTED_REQUEST_DAYS", default=90),
    # mail the server never took (addresses, bodies), after the last retry gave up
    "undelivered_mail": env.int("RETENTION_UNDELIVERED_MAIL_DAYS", default=30),
}
PERSONAL_DATA_PURGERS = ["site_core.mail.purge"]
# Signed links in mail stop working this many days after they were sent.
SIGNED_LINK_MAX_AGE_DAYS = {
    "outreach.registration": env.int("SIGNED_LINK_REGISTRATION_DAYS", default=365),
    "outreach.school-request": env.int("SIGNED_LINK_SCHOOL_REQUEST_DAYS", default=180),
    "outreach.ambassador": env.int("SIGNED_LINK_AMBASSADOR_DAYS", default=365),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# The cron table (README, deploy/systemd): management command and interval in seconds.
# `manage.py run_scheduler` runs it where there is no cron (make stack, containers).
SCHEDULED_COMMANDS = [
    ("publish_scheduled", 60),
    ("retry_mail", 600),
    ("purge_personal_data", 86400),
]

SITE_DISPLAY_NAME = _("LAPOR! Banjarbaru")

# --- complaint_forms -------------------------------------------------------------------
# reCAPTCHA v3 (scored) by default; "v2" shows the checkbox instead.
RECAPTCHA_WIDGET = env("RECAPTCHA_WIDGET", default="v3")
RECAPTCHA_REQUIRED_SCORE = env.float("RECAPTCHA_REQUIRED_SCORE", default=0.5)
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = env.int("RECAPTCHA_VERIFY_REQUEST_TIMEOUT", default=5)
COMPLAINT_SUBMIT_RATE = env("COMPLAINT_SUBMIT_RATE", default="10/h")
COMPLAINT_TRACK_RATE = env("COMPLAINT_TRACK_RATE", default="30/10m")
# Per client: the report form's live "similar answers" while typing.
COMPLAINT_SUGGEST_RATE = env("COMPLAINT_SUGGEST_RATE", default="60/m")
COMPLAINT_ATTACHMENT_MAX_BYTES = env.int("COMPLAINT_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
COMPLAINT_ATTACHMENT_MAX_FILES = 3
# Office hours (WITA) per weekday (0 = Monday) in which the ranking counts a unit's time to
# first response, on working days only: the city's service hours, with the Friday prayer
# break. Lunch breaks on other days are not subtracted (the counter stays open).
COMPLAINT_OFFICE_HOURS = {
    **{weekday: [("07:30", "16:00")] for weekday in range(4)},
    4: [("07:30", "11:00"), ("13:30", "16:30")],
}
DEMO_CONTENT_COMMANDS += ["load_complaints_demo"]
PERSONAL_DATA_PURGERS += ["complaint_forms.retention.purge"]
SCHEDULED_COMMANDS += [("send_deadline_reminders", 3600)]

# --- search app (knowledge base and site search) -------------------------------------
DEMO_CONTENT_COMMANDS += ["import_knowledge_base"]
# PostgreSQL full-text search stems with the Snowball Indonesian stemmer.
if DATABASES["default"].get("ENGINE", "").endswith("postgresql"):
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "indonesian"
# Elasticsearch/OpenSearch for the knowledge base when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="lapor-dev")
ELASTICSEARCH_TIMEOUT = env.int("ELASTICSEARCH_TIMEOUT", default=5)
SEARCH_BACKEND = env("SEARCH_BACKEND", default="")
# Where `import_knowledge_base` reads its content (relative to BASE_DIR); the sample
# content ships with the app so the demo needs nothing outside the checkout.
KNOWLEDGE_BASE_DATA = env("KNOWLEDGE_BASE_DATA", default="search/data/knowledge_base/")
SEARCH_FEEDBACK_RATE = env("SEARCH_FEEDBACK_RATE", default="10/h")
# Per client: each search is logged (a task row), suggestions come while typing.
SEARCH_API_RATE = env("SEARCH_API_RATE", default="60/m")
SEARCH_SUGGEST_RATE = env("SEARCH_SUGGEST_RATE", default="120/m")
# Where search sends a citizen whose question has no answer yet.
SEARCH_CONSULTATION_URL_NAME = "complaint_forms:consultation"
# The answer shown first for a query about violence or danger (SAPA 129, UPTD PPA, 110/112).
SEARCH_HELP_ANSWER_SOURCE_ID = env("SEARCH_HELP_ANSWER_SOURCE_ID", default="kb-218")
# The neutral site that "Exit this page" opens on search results and answers about violence.
EXIT_THIS_PAGE_URL = env("EXIT_THIS_PAGE_URL", default="https://www.google.com/search?q=cuaca")
# Hunspell dictionaries (Debian hunspell-id, hunspell-en-us): without them, no spelling fixes.
SEARCH_DICTIONARY_DIR = env("SEARCH_DICTIONARY_DIR", default="/usr/share/hunspell")
# English-Indonesian dictionary (Debian dict-freedict-eng-ind, dictd files without suffix):
# English words no English answer uses are read in the Indonesian originals.
SEARCH_BILINGUAL_DICTIONARY = env(
    "SEARCH_BILINGUAL_DICTIONARY", default="/usr/share/dictd/freedict-eng-ind"
)
# An answer index up to this size is rebuilt at once when answers change (the request that
# notices waits, about 1 s per 300 answers); a larger one in a background thread while the
# previous one keeps answering. Production rebuilds every index in the background.
SEARCH_SYNC_REBUILD_MAX_ANSWERS = env.int("SEARCH_SYNC_REBUILD_MAX_ANSWERS", default=3000)
# Days the search query log (redacted query texts, clicks) is kept before purge.
SEARCH_QUERY_LOG_DAYS = env.int("SEARCH_QUERY_LOG_DAYS", default=180)
# Searches that must agree before an answer is indexed with a query's words (learning).
SEARCH_LEARN_MIN_CLICKS = env.int("SEARCH_LEARN_MIN_CLICKS", default=3)
# Answered consultations that must share a word before their answer is indexed with it.
SEARCH_LEARN_MIN_CONSULTATIONS = env.int("SEARCH_LEARN_MIN_CONSULTATIONS", default=3)
# The embedding model (search.semantic) ranks answers by meaning too; off, search is lexical.
SEARCH_EMBEDDINGS = env.bool("SEARCH_EMBEDDINGS", default=True)
# Threads the model uses for one query (one per web worker suits a worker per core).
SEARCH_EMBEDDING_THREADS = env.int("SEARCH_EMBEDDING_THREADS", default=1)
# Daily: embed answers a publish's task missed (model off, worker down), drop stale vectors.
SCHEDULED_COMMANDS += [("embed_answers", 86400)]
PERSONAL_DATA_PURGERS += ["search.privacy.purge"]

# --- outreach app (programs, events, registrations) ---
DEMO_CONTENT_COMMANDS += ["load_outreach_demo"]
# Per client: ambassadors' activity reports (each stores a photo).
OUTREACH_ACTIVITY_RATE = env("OUTREACH_ACTIVITY_RATE", default="20/h")
PERSONAL_DATA_PURGERS += ["outreach.retention.purge"]
SCHEDULED_COMMANDS += [("send_event_reminders", 3600)]

# --- open_data app (statistics, open data, API) ---------------------------------------
DEMO_CONTENT_COMMANDS += ["load_open_data_demo"]
# Counts below this are published as "< N" everywhere (pages, downloads, API).
OPEN_DATA_MIN_CELL = env.int("OPEN_DATA_MIN_CELL", default=5)
# Unit awards: each period (months, calendar-aligned; 3 = quarters) the ranking's top units
# are proposed for coordinators to confirm (`propose_unit_awards`, daily; it acts once a
# period has ended).
UNIT_AWARD_PERIOD_MONTHS = env.int("UNIT_AWARD_PERIOD_MONTHS", default=3)
UNIT_AWARD_TOP_UNITS = env.int("UNIT_AWARD_TOP_UNITS", default=3)
SCHEDULED_COMMANDS += [("propose_unit_awards", 86400)]
OPEN_DATA_PUBLISHER = env("OPEN_DATA_PUBLISHER", default="Pemerintah Kota Banjarbaru")
OPEN_DATA_CONTACT_EMAIL = env("OPEN_DATA_CONTACT_EMAIL", default="lapor@banjarbarukota.go.id")
OPEN_DATA_API_RATE = env("OPEN_DATA_API_RATE", default="120/m")
# Daily; mails last month's report once, on the first working day (open_data.archive).
SCHEDULED_COMMANDS += [("send_monthly_report", 86400)]
