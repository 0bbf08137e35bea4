from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ComplaintFormsConfig(AppConfig):
    name = "complaint_forms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import durations
        from .records import Category
        from .templatetags.report_form_tags import invalidate

        durations.connect()
        # The form's topic list is rendered once and reused (report_form_tags).
        post_save.connect(invalidate, sender=Category, dispatch_uid="report-fields-save")
        post_delete.connect(invalidate, sender=Category, dispatch_uid="report-fields-delete")
