from django.apps import AppConfig


class ComplaintFormsConfig(AppConfig):
    name = "complaint_forms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import durations

        durations.connect()
