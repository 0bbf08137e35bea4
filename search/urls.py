"""JSON endpoints without a language prefix: the language is a parameter."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/search/", views.search_api, name="search_api"),
    path("api/search/suggest/", views.suggest_api, name="search_suggest"),
    path("api/search/click/<int:page_id>/", views.search_click, name="search_click"),
]
