"""Staff screens that are not plain listings: events and seats, check-in, processing a
school's request, and reviewing an ambassador application. Registered in wagtail_hooks."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

from . import ambassadors, registrations, schools
from .models import (
    AmbassadorApplication,
    ApplicationReview,
    ApplicationStatus,
    EventPage,
    EventStatus,
    ProgramKind,
    ProgramPage,
    Registration,
    RegistrationStatus,
    ReviewCriterion,
    SchoolSessionRequest,
)

CHECK_IN_PERMISSION = "outreach.check_in_registration"
REVIEW_PERMISSION = "outreach.review_application"


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def event_seats(request):
    """Every event in the default language with capacity, confirmed, waitlist, attended."""
    require(request, "outreach.view_registration")
    events = (
        EventPage.objects.filter(locale=Locale.get_default())
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            waitlisted=Count("registrations", filter=Q(registrations__status="waitlisted")),
            attended=Count("registrations", filter=Q(registrations__attended_at__isnull=False)),
        )
        .order_by("-start")
    )
    program_id = request.GET.get("program", "")
    status = request.GET.get("status", "")
    if program_id.isdigit():
        program = ProgramPage.objects.filter(pk=program_id).first()
        if program:
            events = events.child_of(program)
    if status in EventStatus.values:
        events = events.filter(status=status)
    return TemplateResponse(
        request,
        "outreach/admin/event_seats.html",
        {
            "events": events[:200],
            "programs": ProgramPage.objects.filter(locale=Locale.get_default()),
            "statuses": EventStatus.choices,
            "current_program": program_id,
            "current_status": status,
            "header_title": _("Events and seats"),
            "page_title": _("Events and seats"),
            "header_icon": "date",
        },
    )


def check_in(request, event_id):
    """A phone-friendly screen: find someone by code or name, mark them present."""
    require(request, CHECK_IN_PERMISSION)
    event = get_object_or_404(EventPage, pk=event_id)
    if request.method == "POST":
        registration = get_object_or_404(Registration, pk=request.POST.get("registration"))
        if registration.event_id != event.pk:
            raise PermissionDenied
        if registrations.check_in(registration, request.user):
            messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
        else:
            messages.warning(
                request, _("%(name)s was already checked in.") % {"name": registration.name}
            )
        return redirect(f"{request.path}?q={registration.check_in_code}")
    query = request.GET.get("q", "").strip()[:100]
    results = []
    if query:
        results = list(
            Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
            .filter(Q(check_in_code__iexact=query) | Q(name__icontains=query))
            .order_by("name")[:20]
        )
    counts = event.seat_counts()
    attended = Registration.objects.filter(event=event, attended_at__isnull=False).count()
    return TemplateResponse(
        request,
        "outreach/admin/check_in.html",
        {
            "event": event,
            "query": query,
            "results": results,
            "counts": counts,
            "attended": attended,
            "header_title": _("Check-in: %(title)s") % {"title": event.title},
            "page_title": _("Check-in"),
            "page_subtitle": event.title,
            "header_icon": "tick",
        },
    )


class ProcessSchoolRequestForm(forms.Form):
    ACTIONS = [
        ("propose", gettext_lazy("Propose a date")),
        ("confirm", gettext_lazy("Confirm (create or link the event)")),
        ("held", gettext_lazy("Mark held")),
        ("cancel", gettext_lazy("Cancel")),
    ]
    action = forms.ChoiceField(label=gettext_lazy("Action"), choices=ACTIONS)
    start = forms.DateTimeField(
        label=gettext_lazy("Date and time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    event = forms.ModelChoiceField(
        label=gettext_lazy("Existing event (optional)"),
        queryset=EventPage.objects.none(),
        required=False,
    )
    actual_students = forms.IntegerField(
        label=gettext_lazy("Students who attended"), min_value=0, required=False
    )

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = EventPage.objects.child_of(program).order_by("-start")

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "propose" and not cleaned.get("start"):
            self.add_error("start", _("Give the date and time to propose."))
        if action == "held" and cleaned.get("actual_students") is None:
            self.add_error("actual_students", _("Give the number of students."))
        return cleaned


def process_school_request(request, pk):
    require(request, "outreach.change_schoolsessionrequest")
    session_request = get_object_or_404(SchoolSessionRequest, pk=pk)
    form = ProcessSchoolRequestForm(request.POST or None, program=session_request.program)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == "propose":
                schools.propose_date(session_request, data["start"], user=request.user)
            elif data["action"] == "confirm":
                schools.confirm(
                    session_request, start=data["start"], event=data["event"], user=request.user
                )
            elif data["action"] == "held":
                schools.mark_held(session_request, data["actual_students"], user=request.user)
            else:
                schools.cancel(session_request, user=request.user)
        except schools.InvalidTransition:
            messages.error(request, _("That step is not possible in the request's current state."))
        else:
            messages.success(request, _("Done. The school has been emailed."))
            return redirect("outreach_process_school_request", pk=session_request.pk)
    return TemplateResponse(
        request,
        "outreach/admin/process_school_request.html",
        {
            "session_request": session_request,
            "form": form,
            "header_title": str(session_request),
            "page_title": _("School session request"),
            "page_subtitle": str(session_request),
            "header_icon": "group",
        },
    )


def review_application(request, pk):
    require(request, REVIEW_PERMISSION)
    application = get_object_or_404(AmbassadorApplication, pk=pk)
    criteria = list(ReviewCriterion.objects.filter(is_active=True))
    mine = {
        review.criterion_id: review.score
        for review in ApplicationReview.objects.filter(
            application=application, reviewer=request.user
        )
    }
    if request.method == "POST":
        if "status" in request.POST:
            status = request.POST["status"]
            if status in ApplicationStatus.values:
                ambassadors.set_status(application, status, user=request.user)
                messages.success(request, _("Status changed; the applicant has been emailed."))
        else:
            scores = {}
            for criterion in criteria:
                value = request.POST.get(f"criterion-{criterion.pk}", "")
                if value.isdigit():
                    scores[criterion] = int(value)
            ambassadors.score(application, request.user, scores)
            messages.success(request, _("Your scores are saved."))
        return redirect("outreach_review_application", pk=application.pk)
    reviews = (
        ApplicationReview.objects.filter(application=application)
        .values("reviewer__username")
        .annotate(total=Count("pk"), score_sum=Sum("score"))
    )
    return TemplateResponse(
        request,
        "outreach/admin/review_application.html",
        {
            "application": application,
            "criteria": [(c, mine.get(c.pk)) for c in criteria],
            "reviews": reviews,
            "average": application.total_score(),
            "statuses": ApplicationStatus.choices,
            "is_ambassador_program": application.program.kind == ProgramKind.AMBASSADOR,
            "header_title": str(application),
            "page_title": _("Ambassador application"),
            "page_subtitle": str(application),
            "header_icon": "user",
        },
    )
