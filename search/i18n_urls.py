"""Public views whose URLs carry the language (/id/..., /en/...)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    path(pgettext_lazy("URL", "search/"), views.search_page, name="search"),
    path(
        pgettext_lazy("URL", "search/feedback/<int:page_id>/"),
        views.answer_feedback,
        name="search_answer_feedback",
    ),
]
