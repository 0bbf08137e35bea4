"""Open data URLs that carry the language: the unit award certificates."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import award_views

app_name = "open_data_awards"

urlpatterns = [
    path(pgettext_lazy("URL", "awards/<str:code>/"), award_views.verification, name="award"),
    path(
        pgettext_lazy("URL", "awards/<str:code>/certificate.pdf"),
        award_views.certificate,
        name="award_certificate",
    ),
]
