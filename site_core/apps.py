from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.frontend_cache import apps as wagtail_frontend_cache


class SiteCoreConfig(AppConfig):
    name = "site_core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"
    default = True  # "site_core" in INSTALLED_APPS; FrontendCacheConfig below is named there

    def ready(self):
        from . import access_log, caching, frame, site_lookup, uploads

        caching.connect_signals()
        frame.connect_signals()
        site_lookup.connect_signals()
        access_log.install()
        uploads.limit_pillow_globally()


class FrontendCacheConfig(wagtail_frontend_cache.WagtailFrontendCacheAppConfig):
    """Wagtail's front-cache app without its publish and unpublish receivers: they queue
    the page's purge for the worker, behind whatever else it has to do (the mail of a
    burst of reports). site_core.caching purges as soon as the change is committed."""

    default = False

    def ready(self):
        pass
