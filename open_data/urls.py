"""Open data URLs without a language prefix: downloads, the catalogue and the API."""

from django.urls import path, re_path

from . import views

app_name = "open_data"

urlpatterns = [
    path("data/catalog.json", views.catalog, name="catalog"),
    re_path(
        r"^data/(?P<slug>[a-z0-9-]+)\.(?P<extension>csv|json)$",
        views.dataset_download,
        name="download",
    ),
    path("api/v1/datasets/", views.api_datasets, name="api_datasets"),
    path("api/v1/datasets/<str:slug>/", views.api_dataset, name="api_dataset"),
    path("api/v1/openapi.json", views.api_schema, name="openapi"),
]
