"""Outreach in the Wagtail admin: one "Outreach" menu with listings, exports, bulk status
changes, check-in and review screens. Personal data is visible only with the model
permissions that the "Outreach staff" group holds (see migration 0002)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

import django_filters

from site_core.audit import entries_for_model_permission_holders, register_private_model
from site_core.choosers import PermissionCheckedSnippetChooserViewSet
from site_core.exports import StaffExportMixin

from . import admin_views, ambassadors, registrations
from .models import (
    ActivityStatus,
    AmbassadorActivity,
    AmbassadorApplication,
    ApplicationReview,
    ApplicationStatus,
    AssistedReportRequest,
    ProgramPage,
    Registration,
    ReviewCriterion,
    SchoolSessionRequest,
)

# Their audit-log entries are labelled "<kind> #<id>", never with a name or check-in code.
PERSONAL_DATA_MODELS = (
    Registration,
    SchoolSessionRequest,
    AmbassadorApplication,
    AmbassadorActivity,
    AssistedReportRequest,
    ApplicationReview,
)


class SafeExportIndexView(StaffExportMixin, IndexView):
    """CSV/XLSX exports in staff's words (labels, local time) where no cell can start a
    spreadsheet formula."""


class PersonalDataViewSet(SnippetViewSet):
    index_view_class = SafeExportIndexView
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    copy_view_enabled = False
    inspect_view_enabled = True


def programs_in_default_language(request):
    return ProgramPage.objects.filter(locale=Locale.get_default())


class RegistrationFilterSet(WagtailFilterSet):
    program = django_filters.ModelChoiceFilter(
        label=_("Program"),
        queryset=programs_in_default_language,
        method="filter_program",
    )

    class Meta:
        model = Registration
        fields = ["status", "event", "under_18"]

    def filter_program(self, queryset, name, value):
        return queryset.filter(event__path__startswith=value.path)


class RegistrationViewSet(PersonalDataViewSet):
    model = Registration
    icon = "form"
    menu_label = _("Registrations")
    list_display = [
        "name",
        "event",
        "status",
        Column("check_in_code", label=_("Code")),
        "attended_at",
        "created_at",
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "check_in_code", "affiliation"]
    list_export = [
        "event",
        "name",
        "affiliation",
        "phone",
        "email",
        "under_18",
        "guardian_name",
        "guardian_contact",
        "accessibility_needs",
        "status",
        "check_in_code",
        "attended_at",
        "created_at",
    ]
    export_filename = "registrations"
    panels = [
        FieldPanel("name"),
        FieldPanel("affiliation"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        MultiFieldPanel(
            [FieldPanel("guardian_name"), FieldPanel("guardian_contact")],
            heading=_("Guardian"),
        ),
        FieldPanel("accessibility_needs"),
    ]


class SchoolSessionRequestViewSet(PersonalDataViewSet):
    model = SchoolSessionRequest
    icon = "group"
    menu_label = _("School requests")
    list_display = [
        TitleColumn(
            "school_name",
            label=_("School"),
            get_url=lambda obj: reverse("outreach_process_school_request", args=[obj.pk]),
        ),
        "npsn",
        "kecamatan",
        "status",
        "preferred_date_1",
        "expected_students",
        "created_at",
    ]
    list_filter = ["status", "level", "kecamatan"]
    search_fields = ["school_name", "npsn", "contact_name", "email"]
    list_export = [
        "school_name",
        "npsn",
        "level",
        "kecamatan",
        "address",
        "contact_name",
        "contact_role",
        "phone",
        "email",
        "expected_students",
        "grades",
        "preferred_date_1",
        "preferred_date_2",
        "preferred_date_3",
        "status",
        "proposed_start",
        "actual_students",
        "created_at",
    ]
    export_filename = "school-requests"
    panels = [
        FieldPanel("school_name"),
        FieldRowPanel([FieldPanel("npsn"), FieldPanel("level"), FieldPanel("kecamatan")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("expected_students"), FieldPanel("grades")]),
        FieldPanel("hall_size"),
        FieldPanel("equipment"),
        FieldPanel("accessibility_needs"),
        FieldPanel("staff_notes"),
    ]


class AmbassadorApplicationViewSet(PersonalDataViewSet):
    model = AmbassadorApplication
    icon = "user"
    menu_label = _("Duta Lapor applications")
    list_display = [
        TitleColumn(
            "name",
            label=_("Name"),
            get_url=lambda obj: reverse("outreach_review_application", args=[obj.pk]),
        ),
        "institution",
        "kecamatan",
        "status",
        Column("total_score", label=_("Average score"), accessor="total_score"),
        "created_at",
    ]
    list_filter = ["status", "kecamatan", "public_profile"]
    search_fields = ["name", "institution", "email"]
    list_export = [
        "name",
        "date_of_birth",
        "institution",
        "kecamatan",
        "phone",
        "email",
        "motivation",
        "activities",
        "social_media",
        "guardian_name",
        "guardian_contact",
        "status",
        "total_score",
        "created_at",
    ]
    export_filename = "ambassador-applications"
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("institution"), FieldPanel("kecamatan")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("motivation"),
        FieldPanel("activities"),
        FieldPanel("social_media"),
        MultiFieldPanel(
            [FieldPanel("public_profile"), FieldPanel("profile_bio")],
            heading=_("Public profile (only with the ambassador's agreement)"),
        ),
    ]

    def get_queryset(self, request):
        return AmbassadorApplication.objects.prefetch_related("reviews")


class AmbassadorActivityViewSet(PersonalDataViewSet):
    model = AmbassadorActivity
    icon = "doc-full-inverse"
    menu_label = _("Ambassador activities")
    list_display = ["title", "ambassador", "date", "kecamatan", "people_reached", "status"]
    list_filter = ["status", "kecamatan"]
    search_fields = ["title"]
    list_export = [
        "ambassador",
        "date",
        "title",
        "kecamatan",
        "sessions_held",
        "people_reached",
        "schools_reached",
        "status",
    ]
    export_filename = "ambassador-activities"
    panels = [
        FieldPanel("date"),
        FieldPanel("title"),
        FieldPanel("kecamatan"),
        FieldRowPanel(
            [
                FieldPanel("sessions_held"),
                FieldPanel("people_reached"),
                FieldPanel("schools_reached"),
            ]
        ),
        FieldPanel("photo"),
        FieldPanel("status"),
    ]


class AssistedReportRequestViewSet(PersonalDataViewSet):
    model = AssistedReportRequest
    icon = "help"
    menu_label = _("Assisted reporting")
    list_display = ["name", "method", "kecamatan", "preferred_time", "handled", "created_at"]
    list_filter = ["method", "handled", "kecamatan"]
    search_fields = ["name", "phone", "email"]
    list_export = [
        "name",
        "method",
        "phone",
        "email",
        "kecamatan",
        "address",
        "preferred_time",
        "needs",
        "handled",
        "created_at",
    ]
    export_filename = "assisted-reporting"
    panels = [
        FieldPanel("name"),
        FieldPanel("method"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("kecamatan"),
        FieldPanel("address"),
        FieldPanel("preferred_time"),
        FieldPanel("needs"),
        FieldPanel("handled"),
    ]


class ReviewCriterionViewSet(SnippetViewSet):
    model = ReviewCriterion
    icon = "tick-inverse"
    menu_label = _("Review criteria")
    list_display = ["name", "max_score", "sort_order", "is_active"]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class EventSeatsViewSet(ViewSet):
    """Events with capacity, waitlist and attendance counts, and the check-in screens."""

    name = "outreach_events"
    url_prefix = "outreach/events"
    icon = "date"
    menu_label = _("Events and check-in")

    def get_urlpatterns(self):
        return [
            path("", admin_views.event_seats, name="index"),
            path("<int:event_id>/check-in/", admin_views.check_in, name="check_in"),
        ]

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission="outreach.view_registration",
        )


class OutreachViewSetGroup(ViewSetGroup):
    menu_label = _("Outreach")
    menu_icon = "group"
    menu_order = 250
    items = (
        EventSeatsViewSet,
        RegistrationViewSet,
        SchoolSessionRequestViewSet,
        AmbassadorApplicationViewSet,
        AmbassadorActivityViewSet,
        AssistedReportRequestViewSet,
        ReviewCriterionViewSet,
    )


@hooks.register("register_admin_viewset")
def register_outreach_viewsets():
    return OutreachViewSetGroup()


@hooks.register("register_admin_urls")
def register_outreach_admin_urls():
    return [
        path(
            "outreach/school-requests/<int:pk>/process/",
            admin_views.process_school_request,
            name="outreach_process_school_request",
        ),
        path(
            "outreach/applications/<int:pk>/review/",
            admin_views.review_application,
            name="outreach_review_application",
        ),
    ]


class StatusBulkAction(SnippetBulkAction):
    """Change the status of many records at once, through the same rules as one by one."""

    template_name = "outreach/admin/confirm_bulk_status.html"
    action_priority = 50
    permission = None

    def check_perm(self, obj):
        return self.request.user.has_perm(self.permission)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d item updated.", "%(count)d items updated.", num_parent_objects
        ) % {"count": num_parent_objects}


class CancelRegistrationsBulkAction(StatusBulkAction):
    display_name = _("Cancel registrations")
    aria_label = _("Cancel the selected registrations")
    action_type = "outreach_cancel_registrations"
    models = [Registration]
    permission = "outreach.change_registration"

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for registration in objects:
            registrations.cancel(registration)
            log(registration, "outreach.status_change", user=user, data={"status": "cancelled"})
        return len(objects), 0


class CheckInBulkAction(StatusBulkAction):
    display_name = _("Mark attended")
    aria_label = _("Mark the selected people as attended")
    action_type = "outreach_check_in"
    models = [Registration]
    permission = "outreach.check_in_registration"

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        done = sum(1 for registration in objects if registrations.check_in(registration, user))
        return done, 0


def _application_action(status, label):
    class ApplicationStatusBulkAction(StatusBulkAction):
        display_name = label
        aria_label = label
        action_type = f"outreach_application_{status}"
        models = [AmbassadorApplication]
        permission = "outreach.review_application"

        @classmethod
        def execute_action(cls, objects, user=None, **kwargs):
            changed = sum(1 for app in objects if ambassadors.set_status(app, status, user=user))
            return changed, 0

    ApplicationStatusBulkAction.__name__ = f"Application{status.title()}BulkAction"
    return ApplicationStatusBulkAction


def _activity_action(status, label):
    class ActivityStatusBulkAction(StatusBulkAction):
        display_name = label
        aria_label = label
        action_type = f"outreach_activity_{status}"
        models = [AmbassadorActivity]
        permission = "outreach.change_ambassadoractivity"

        @classmethod
        def execute_action(cls, objects, user=None, **kwargs):
            for activity in objects:
                activity.status = status
                activity.save(update_fields=["status"])
                log(activity, "outreach.status_change", user=user, data={"status": status})
            return len(objects), 0

    ActivityStatusBulkAction.__name__ = f"Activity{status.title()}BulkAction"
    return ActivityStatusBulkAction


for action in (
    CancelRegistrationsBulkAction,
    CheckInBulkAction,
    _application_action(ApplicationStatus.SHORTLISTED, _("Shortlist")),
    _application_action(ApplicationStatus.ACCEPTED, _("Accept")),
    _application_action(ApplicationStatus.REJECTED, _("Reject")),
    _activity_action(ActivityStatus.APPROVED, _("Approve")),
    _activity_action(ActivityStatus.REJECTED, _("Reject")),
):
    hooks.register("register_bulk_action", action)


@hooks.register("register_log_actions")
def register_outreach_log_actions(actions):
    for action, label, message in (
        ("outreach.check_in", _("Check in"), _("Attendee checked in")),
        ("outreach.school_request.propose", _("Propose date"), _("Session date proposed")),
        ("outreach.school_request.confirm", _("Confirm session"), _("Session confirmed")),
        ("outreach.school_request.held", _("Mark held"), _("Session marked held")),
        ("outreach.school_request.cancel", _("Cancel session"), _("Session cancelled")),
        ("outreach.application.applied", _("Applied"), _("Application set to applied")),
        ("outreach.application.shortlisted", _("Shortlist"), _("Application shortlisted")),
        ("outreach.application.accepted", _("Accept"), _("Application accepted")),
        ("outreach.application.rejected", _("Reject"), _("Application rejected")),
        ("outreach.application.scored", _("Score"), _("Application scored")),
        ("outreach.status_change", _("Change status"), _("Status changed")),
    ):
        actions.register_action(action, label, message)
    for model in PERSONAL_DATA_MODELS:
        register_private_model(actions, model, entries_for_model_permission_holders(model))
