from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteCoreConfig(AppConfig):
    name = "site_core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import caching, frame, uploads

        caching.connect_signals()
        frame.connect_signals()
        uploads.limit_pillow_globally()
