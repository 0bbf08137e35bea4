from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "outreach"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_unpublished, post_page_move

        from . import seats
        from .models import (
            AmbassadorActivity,
            AmbassadorApplication,
            EventPage,
            Registration,
            SchoolSessionRequest,
        )
        from .reach import REACH_CACHE

        counted = (
            EventPage,
            Registration,
            SchoolSessionRequest,
            AmbassadorApplication,
            AmbassadorActivity,
        )
        for model in counted:
            for signal in (post_save, post_delete):
                signal.connect(
                    REACH_CACHE.invalidate,
                    sender=model,
                    dispatch_uid=f"reach-{signal is post_save}-{model.__name__}",
                )
        for signal in (post_save, post_delete):
            signal.connect(
                seats.invalidate,
                sender=Registration,
                dispatch_uid=f"seats-{signal is post_save}",
            )
        page_unpublished.connect(REACH_CACHE.invalidate, dispatch_uid="reach-unpublished")
        post_page_move.connect(REACH_CACHE.invalidate, dispatch_uid="reach-moved")
