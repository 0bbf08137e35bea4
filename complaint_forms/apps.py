from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ComplaintFormsConfig(AppConfig):
    name = "complaint_forms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import durations
        from .deadlines import drop_deadline_rules
        from .records import Category, ComplaintSettings, ExtraHoliday
        from .templatetags.report_form_tags import invalidate

        durations.connect()
        # The form's topic list is rendered once and reused (report_form_tags).
        post_save.connect(invalidate, sender=Category, dispatch_uid="report-fields-save")
        post_delete.connect(invalidate, sender=Category, dispatch_uid="report-fields-delete")
        for model in (ComplaintSettings, ExtraHoliday):
            uid = f"deadline-rules-{model.__name__}"
            post_save.connect(drop_deadline_rules, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(drop_deadline_rules, sender=model, dispatch_uid=f"{uid}-delete")
