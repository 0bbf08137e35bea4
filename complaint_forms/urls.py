"""URLs without a language prefix. Staff downloads live in the admin (wagtail_hooks)."""

urlpatterns = []
