"""URLs without a language prefix. Staff downloads live in the admin (wagtail_hooks)."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/reports/similar-answers/", views.similar_answers, name="similar_answers"),
]
