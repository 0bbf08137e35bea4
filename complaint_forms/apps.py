from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ComplaintFormsConfig(AppConfig):
    name = "complaint_forms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from site_core.models import WorkUnit

        from . import durations
        from .deadlines import drop_deadline_rules
        from .ranking import drop_public_ranking
        from .records import Category, ComplaintSettings, ExtraHoliday, Report
        from .templatetags.report_form_tags import invalidate

        durations.connect()
        # The form's topic list is rendered once and reused (report_form_tags).
        post_save.connect(invalidate, sender=Category, dispatch_uid="report-fields-save")
        post_delete.connect(invalidate, sender=Category, dispatch_uid="report-fields-delete")
        for model in (ComplaintSettings, ExtraHoliday):
            uid = f"deadline-rules-{model.__name__}"
            post_save.connect(drop_deadline_rules, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(drop_deadline_rules, sender=model, dispatch_uid=f"{uid}-delete")
        # The public ranking counts reports per unit in working hours (days off matter).
        for model in (Report, WorkUnit, ExtraHoliday):
            uid = f"public-ranking-{model.__name__}"
            post_save.connect(drop_public_ranking, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(drop_public_ranking, sender=model, dispatch_uid=f"{uid}-delete")
