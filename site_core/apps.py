from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteCoreConfig(AppConfig):
    name = "site_core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import access_log, caching, frame, uploads

        caching.connect_signals()
        frame.connect_signals()
        access_log.install()
        uploads.limit_pillow_globally()
