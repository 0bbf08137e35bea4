from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import admin_reports, views
from .sitemaps import AllLocalesSitemap

handler404 = "site_core.views.page_not_found"
handler500 = "site_core.views.server_error"

urlpatterns = [
    path("admin/reports/", include(admin_reports)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLocalesSitemap}}, name="sitemap"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("preferences/", views.display_preferences, name="display_preferences"),
    path("", include("search.urls")),
    path("", include("complaint_forms.urls")),
    path("", include("outreach.urls")),
    path("", include("open_data.urls")),
]

if settings.SERVE_MEDIA:  # dev and tests; production serves media from nginx or storage
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language in the URL: /id/... and /en/...
urlpatterns += i18n_patterns(
    path("", include("search.i18n_urls")),
    path("", include("complaint_forms.i18n_urls")),
    path("", include("outreach.i18n_urls")),
    path("", include("open_data.i18n_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
