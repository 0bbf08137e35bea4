"""Staff screens that are not plain listings: events and seats, check-in, processing a
school's request, and reviewing an ambassador application. Class-based views with Wagtail's
admin furniture (header, breadcrumbs), served by the viewsets in wagtail_hooks."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
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


class PermissionRequiredMixin:
    """Staff without the model permission get 403, as Wagtail's own views answer."""

    permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OutreachAdminView(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    """Breadcrumbs: Home, then the listing the screen belongs to, then the screen."""

    index_url_name = None  # set by the viewset that serves the view
    index_label = ""

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.index_url_name:
            items.append({"url": reverse(self.index_url_name), "label": self.index_label})
        return items + [{"url": "", "label": self.get_header_title()}]


class EventSeatsView(OutreachAdminView, TemplateView):
    """Every event in the default language with capacity, confirmed, waitlist, attended."""

    template_name = "outreach/admin/event_seats.html"
    permission_required = "outreach.view_registration"
    page_title = gettext_lazy("Events and seats")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        default_locale = Locale.get_default()
        events = (
            EventPage.objects.filter(locale=default_locale)
            .annotate(
                confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
                waitlisted=Count("registrations", filter=Q(registrations__status="waitlisted")),
                attended=Count("registrations", filter=Q(registrations__attended_at__isnull=False)),
            )
            .order_by("-start")
        )
        program_id = self.request.GET.get("program", "")
        status = self.request.GET.get("status", "")
        if program_id.isdigit():
            program = ProgramPage.objects.filter(pk=program_id).first()
            if program:
                events = events.child_of(program)
        if status in EventStatus.values:
            events = events.filter(status=status)
        context.update(
            events=events[:200],
            programs=ProgramPage.objects.filter(locale=default_locale),
            statuses=EventStatus.choices,
            current_program=program_id,
            current_status=status,
        )
        return context


class CheckInView(OutreachAdminView, TemplateView):
    """A phone-friendly screen: find someone by code or name, mark them present."""

    template_name = "outreach/admin/check_in.html"
    permission_required = "outreach.check_in_registration"
    page_title = gettext_lazy("Check-in")
    header_icon = "tick"
    index_label = gettext_lazy("Events and seats")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.event = None

    def dispatch(self, request, *args, event_id, **kwargs):
        if request.user.has_perm(self.permission_required):
            self.event = get_object_or_404(EventPage, pk=event_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.event.title

    def post(self, request):
        registration = get_object_or_404(Registration, pk=request.POST.get("registration"))
        if registration.event_id != self.event.pk:
            raise PermissionDenied
        if registrations.check_in(registration, request.user):
            messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
        else:
            messages.warning(
                request, _("%(name)s was already checked in.") % {"name": registration.name}
            )
        return redirect(f"{request.path}?q={registration.check_in_code}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        query = self.request.GET.get("q", "").strip()[:100]
        results = []
        if query:
            results = list(
                Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
                .filter(Q(check_in_code__iexact=query) | Q(name__icontains=query))
                .order_by("name")[:20]
            )
        context.update(
            event=event,
            query=query,
            results=results,
            counts=event.seat_counts(),
            attended=Registration.objects.filter(event=event, attended_at__isnull=False).count(),
        )
        return context


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


class ProcessSchoolRequestView(OutreachAdminView, FormView):
    template_name = "outreach/admin/process_school_request.html"
    form_class = ProcessSchoolRequestForm
    permission_required = "outreach.change_schoolsessionrequest"
    page_title = gettext_lazy("School session request")
    header_icon = "group"
    index_label = gettext_lazy("School requests")

    def dispatch(self, request, *args, pk, **kwargs):
        if request.user.has_perm(self.permission_required):
            self.session_request = get_object_or_404(SchoolSessionRequest, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.session_request)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "program": self.session_request.program}

    def form_valid(self, form):
        data, session_request, user = form.cleaned_data, self.session_request, self.request.user
        try:
            if data["action"] == "propose":
                schools.propose_date(session_request, data["start"], user=user)
            elif data["action"] == "confirm":
                schools.confirm(
                    session_request, start=data["start"], event=data["event"], user=user
                )
            elif data["action"] == "held":
                schools.mark_held(session_request, data["actual_students"], user=user)
            else:
                schools.cancel(session_request, user=user)
        except schools.InvalidTransition:
            messages.error(
                self.request, _("That step is not possible in the request's current state.")
            )
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(self.request, _("Done. The school has been emailed."))
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        return super().get_context_data(session_request=self.session_request, **kwargs)


class ReviewApplicationView(OutreachAdminView, TemplateView):
    template_name = "outreach/admin/review_application.html"
    permission_required = "outreach.review_application"
    page_title = gettext_lazy("Ambassador application")
    header_icon = "user"
    index_label = gettext_lazy("Duta Lapor applications")

    def dispatch(self, request, *args, pk, **kwargs):
        if request.user.has_perm(self.permission_required):
            self.application = get_object_or_404(AmbassadorApplication, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.application)

    def criteria(self):
        return list(ReviewCriterion.objects.filter(is_active=True))

    def post(self, request):
        application = self.application
        if "status" in request.POST:
            status = request.POST["status"]
            if status in ApplicationStatus.values:
                ambassadors.set_status(application, status, user=request.user)
                messages.success(request, _("Status changed; the applicant has been emailed."))
        else:
            scores = {}
            for criterion in self.criteria():
                value = request.POST.get(f"criterion-{criterion.pk}", "")
                if value.isdigit():
                    scores[criterion] = int(value)
            ambassadors.score(application, request.user, scores)
            messages.success(request, _("Your scores are saved."))
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        mine = {
            review.criterion_id: review.score
            for review in ApplicationReview.objects.filter(
                application=application, reviewer=self.request.user
            )
        }
        reviews = (
            ApplicationReview.objects.filter(application=application)
            .values("reviewer__username")
            .annotate(total=Count("pk"), score_sum=Sum("score"))
        )
        context.update(
            application=application,
            criteria=[(c, mine.get(c.pk)) for c in self.criteria()],
            reviews=reviews,
            average=application.total_score(),
            statuses=ApplicationStatus.choices,
            is_ambassador_program=application.program.kind == ProgramKind.AMBASSADOR,
        )
        return context
