"""The outreach admin viewsets: listings with exports of the records people send, the
events-and-seats screens, and the processing and review screens of school requests and
ambassador applications. Registered as one "Outreach" menu in wagtail_hooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

import django_filters

from site_core.admin_menu import PermissionMenuItem
from site_core.choosers import PermissionCheckedSnippetChooserViewSet
from site_core.exports import StaffExportMixin

from . import admin_views
from .models import (
    AmbassadorActivity,
    AmbassadorApplication,
    AssistedReportRequest,
    ProgramPage,
    Registration,
    ReviewCriterion,
    SchoolSessionRequest,
)
from .models.ambassadors import APPLICATION_FIELDS
from .models.assisted_reporting import ASSISTED_REQUEST_FIELDS
from .models.school_requests import SCHOOL_REQUEST_FIELDS

SCHOOL_REQUEST_PROCESS_URL = "wagtailsnippets_outreach_schoolsessionrequest:process"
APPLICATION_REVIEW_URL = "wagtailsnippets_outreach_ambassadorapplication:review"


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
            get_url=lambda obj: reverse(SCHOOL_REQUEST_PROCESS_URL, args=[obj.pk]),
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
        *SCHOOL_REQUEST_FIELDS,
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

    def get_urlpatterns(self):
        process = admin_views.ProcessSchoolRequestView.as_view(
            index_url_name=self.get_url_name("list")
        )
        return [*super().get_urlpatterns(), path("process/<int:pk>/", process, name="process")]


class AmbassadorApplicationViewSet(PersonalDataViewSet):
    model = AmbassadorApplication
    icon = "user"
    menu_label = _("Duta Lapor applications")
    list_display = [
        TitleColumn(
            "name",
            label=_("Name"),
            get_url=lambda obj: reverse(APPLICATION_REVIEW_URL, args=[obj.pk]),
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
        *APPLICATION_FIELDS,
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

    def get_urlpatterns(self):
        review = admin_views.ReviewApplicationView.as_view(index_url_name=self.get_url_name("list"))
        return [*super().get_urlpatterns(), path("review/<int:pk>/", review, name="review")]


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
    list_export = [*ASSISTED_REQUEST_FIELDS, "handled", "created_at"]
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


class EventSeatsViewSet(ViewSet):
    """Events with capacity, waitlist and attendance counts, and the check-in screens."""

    name = "outreach_events"
    url_prefix = "outreach/events"
    icon = "date"
    menu_label = _("Events and check-in")

    def get_urlpatterns(self):
        check_in = admin_views.CheckInView.as_view(index_url_name=self.get_url_name("index"))
        return [
            path("", admin_views.EventSeatsView.as_view(), name="index"),
            path("<int:event_id>/check-in/", check_in, name="check_in"),
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
