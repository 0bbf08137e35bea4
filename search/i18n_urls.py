"""Public views whose URLs carry the language (/id/..., /en/...)."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/feedback/<int:page_id>/", views.answer_feedback, name="search_answer_feedback"),
]
