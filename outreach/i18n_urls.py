"""Public views whose URLs carry the language (/id/..., /en/...)."""

urlpatterns = []
