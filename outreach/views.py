"""Public views: page-bound ones are called from routable page routes; signed-link views
live at the root URL (see urls.py) and speak the language the person used to sign up."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from django_ratelimit.core import is_ratelimited

from site_core.localized_urls import query_name

from . import ambassadors, certificates, registrations, schools
from .forms import (
    ActivityForm,
    AmbassadorApplicationForm,
    AssistedReportForm,
    EventFilterForm,
    RegistrationForm,
    SchoolRequestForm,
    VerifyForm,
)
from .models import (
    ApplicationStatus,
    EventPage,
    ProgramKind,
    RegistrationStatus,
    SchoolRequestStatus,
)
from .qr import qr_svg

EVENTS_PER_PAGE = 12
# Per IP address. A whole class may register from one school network, so event
# registration allows more than the forms one person fills in once.
FORM_RATES = {"register": "100/h"}
DEFAULT_FORM_RATE = "20/h"


def _limited(request, group, rate=None):
    rate = rate or FORM_RATES.get(group, DEFAULT_FORM_RATE)
    return request.method == "POST" and is_ratelimited(
        request, group=f"outreach.{group}", key="ip", rate=rate, method="POST", increment=True
    )


def _too_many(request, page):
    return TemplateResponse(
        request,
        "outreach/message.html",
        {
            "page": page,
            "heading": _("Too many attempts"),
            "message": _("Please wait a while and try again, or contact us by phone."),
        },
        status=429,
    )


def event_listing(request, index_page):
    programs = list(index_page.programs().only("pk", "title", "path", "depth"))
    form = EventFilterForm(request.GET or None, programs=programs)
    events = EventPage.objects.live().public().descendant_of(index_page).select_related("locale")
    when = "upcoming"
    if form.is_valid():
        data = form.cleaned_data
        when = data["when"] or "upcoming"
        program = next((p for p in programs if p.pk == data["program"]), None)
        if program is not None:
            events = events.child_of(program)
        if data["kecamatan"]:
            events = events.filter(kecamatan=data["kecamatan"])
        if data["audience"]:
            events = events.filter(audience=data["audience"])
    events = events.upcoming() if when == "upcoming" else events.past()
    page_obj = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    filters = request.GET.copy()
    filters.pop("page", None)
    return TemplateResponse(
        request,
        "outreach/event_listing.html",
        {
            "page": index_page,
            "form": form,
            "events": page_obj,
            "when": when,
            "filter_query": filters.urlencode(),
        },
    )


@require_http_methods(["GET", "POST"])
def event_register(request, event):
    source = event.canonical()
    state = source.registration_state()
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and state == "open":
        if _limited(request, "register"):
            return _too_many(request, event)
        if form.is_valid():
            try:
                registration = registrations.register(event, **form.registration_fields())
            except registrations.RegistrationClosed:
                state = "closed"
            else:
                token = registrations.make_token(registration)
                return HttpResponseRedirect(f"{_ticket_url(token)}?new=1")
    return TemplateResponse(
        request,
        "outreach/event_register.html",
        {
            "page": event,
            "form": form,
            "state": state,
            "seats": event.seat_counts(),
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


def _ticket_url(token):
    return reverse("outreach:ticket", args=[token])


def _registration_or_404(token):
    registration = registrations.registration_from_token(token)
    if registration is None:
        raise Http404
    return registration


def ticket(request, token):
    registration = _registration_or_404(token)
    with translation.override(registration.language):
        response = TemplateResponse(
            request,
            "outreach/ticket.html",
            {
                "registration": registration,
                "event": registration.localized_event(),
                "token": token,
                # Only a confirmed seat has a code to show; a cancelled one shows no name.
                "qr_svg": qr_svg(registration.check_in_code)
                if registration.status == RegistrationStatus.CONFIRMED
                else "",
                "is_new": request.GET.get("new") == "1",
                "certificate_ready": registration.can_have_certificate(),
            },
        )
        response.render()
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    """GET asks to confirm (so mail scanners that follow links cancel nothing); POST cancels."""
    registration = _registration_or_404(token)
    done = False
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        registrations.cancel(registration)
        registration.refresh_from_db()
        done = True
    with translation.override(registration.language):
        response = TemplateResponse(
            request,
            "outreach/cancel_registration.html",
            {"registration": registration, "event": registration.localized_event(), "done": done},
        )
        response.render()
    response["X-Robots-Tag"] = "noindex"
    return response


def certificate(request, token):
    registration = _registration_or_404(token)
    code = registrations.issue_certificate(registration)
    if code is None:
        with translation.override(registration.language):
            response = TemplateResponse(
                request,
                "outreach/message.html",
                {
                    "heading": _("No certificate yet"),
                    "message": _(
                        "Certificates are for people checked in at an event that has been held."
                    ),
                },
                status=403,
            )
            response.render()
        return response
    pdf = certificates.render_pdf(registration)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sertifikat-{code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def verify_certificate(request, index_page):
    form = VerifyForm(request.GET or None)
    result = event = None
    checked = False
    if form.is_valid():
        checked = True
        result = registrations.verify_certificate(form.cleaned_data[query_name("code")])
    if result is not None:  # the event as this page's language names it
        event = result.event.get_translation_or_none(index_page.locale_id) or result.event
    response = TemplateResponse(
        request,
        "outreach/verify.html",
        {"page": index_page, "form": form, "result": result, "event": event, "checked": checked},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def school_request(request, program):
    if program.kind != ProgramKind.SCHOOL:
        raise Http404
    form = SchoolRequestForm(request.POST or None)
    if request.method == "POST":
        if _limited(request, "school"):
            return _too_many(request, program)
        if form.is_valid():
            session_request = form.save(commit=False)
            session_request.program = program.canonical()
            session_request.language = translation.get_language() or settings.LANGUAGE_CODE
            session_request.save()
            schools.received(session_request)
            return HttpResponseRedirect(program.subpage_url("thanks", kwargs={"what": "school"}))
    return TemplateResponse(
        request,
        "outreach/form_page.html",
        {
            "page": program,
            "form": form,
            "heading": _("Request a Lapor Goes To School session"),
            "intro": _("Tell us about your school. We reply by email within five working days."),
            "submit": _("Send the request"),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def ambassador_apply(request, program):
    if program.kind != ProgramKind.AMBASSADOR:
        raise Http404
    is_open = program.applications_are_open()
    form = AmbassadorApplicationForm(request.POST or None, program=program)
    if request.method == "POST" and is_open:
        if _limited(request, "apply"):
            return _too_many(request, program)
        if form.is_valid():
            application = form.save(commit=False)
            application.language = translation.get_language() or settings.LANGUAGE_CODE
            application.save()
            ambassadors.received(application)
            return HttpResponseRedirect(
                program.subpage_url("thanks", kwargs={"what": "application"})
            )
    source = program.canonical()
    return TemplateResponse(
        request,
        "outreach/form_page.html",
        {
            "page": program,
            "form": form if is_open else None,
            "closed_message": None if is_open else _("Applications are closed at the moment."),
            "heading": _("Apply to be a Duta Lapor"),
            "intro": _("Ages %(min)s to %(max)s. Under 18? A parent or guardian must agree.")
            % {"min": source.min_age or "-", "max": source.max_age or "-"},
            "submit": _("Send my application"),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def assisted_reporting(request, program):
    form = AssistedReportForm(request.POST or None)
    if request.method == "POST":
        if _limited(request, "assisted"):
            return _too_many(request, program)
        if form.is_valid():
            assisted = form.save(commit=False)
            assisted.program = program.canonical()
            assisted.consent_at = timezone.now()
            assisted.save()
            return HttpResponseRedirect(program.subpage_url("thanks", kwargs={"what": "assisted"}))
    return TemplateResponse(
        request,
        "outreach/form_page.html",
        {
            "page": program,
            "form": form,
            "heading": _("Ask for help to report"),
            "intro": _("We call you, meet you, or visit you. Tell us what works for you."),
            "submit": _("Send the request"),
        },
        status=400 if form.errors else 200,
    )


THANKS = {
    "school": (
        gettext_lazy("Thank you, we have your request"),
        gettext_lazy("We sent a confirmation by email and will propose a date soon."),
    ),
    "application": (
        gettext_lazy("Thank you for applying"),
        gettext_lazy("We sent a confirmation by email. We will let you know the result."),
    ),
    "assisted": (
        gettext_lazy("Thank you, we will contact you"),
        gettext_lazy("A staff member will contact you soon."),
    ),
}


def program_thanks(request, program, what):
    if what not in THANKS:
        raise Http404
    heading, message = THANKS[what]
    return TemplateResponse(
        request,
        "outreach/message.html",
        {
            "page": program,
            "heading": heading,
            "message": message,
            "back": program,
            "confirmation": True,
        },
    )


@require_http_methods(["GET", "POST"])
def cancel_school_request(request, token):
    session_request = schools.request_from_token(token)
    if session_request is None:
        raise Http404
    done = False
    can_cancel = session_request.status in (
        SchoolRequestStatus.REQUESTED,
        SchoolRequestStatus.PROPOSED,
        SchoolRequestStatus.CONFIRMED,
    )
    if request.method == "POST" and can_cancel:
        schools.cancel(session_request)
        done = True
    with translation.override(session_request.language):
        response = TemplateResponse(
            request,
            "outreach/cancel_school_request.html",
            {"session_request": session_request, "done": done, "can_cancel": can_cancel},
        )
        response.render()
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def log_activity(request, token):
    application = ambassadors.application_from_token(token)
    if application is None or application.status != ApplicationStatus.ACCEPTED:
        raise Http404
    # Counted before the form reads the upload; each activity stores a photo.
    limited = _limited(request, "activity", settings.OUTREACH_ACTIVITY_RATE)
    if limited:  # what was typed stays in the form; nothing is read or stored
        form = ActivityForm(initial=request.POST.dict())
    else:
        form = ActivityForm(request.POST or None, request.FILES or None)
    saved = False
    if not limited and request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.ambassador = application
        activity.save()
        saved = True
        form = ActivityForm()
    with translation.override(application.language):
        response = TemplateResponse(
            request,
            "outreach/log_activity.html",
            {
                "application": application,
                "form": form,
                "saved": saved,
                "limited": limited,
                "activities": application.activity_reports.all()[:20],
            },
            status=429 if limited else 400 if form.errors else 200,
        )
        response.render()
    response["X-Robots-Tag"] = "noindex"
    return response
