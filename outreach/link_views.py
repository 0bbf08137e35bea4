"""Views behind the signed links in outreach mail, at the root URL (see urls.py). They
speak the language the person used to sign up, and are never indexed."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from site_core.responses import render_unindexed

from . import certificates, registrations, schools
from .forms import ActivityForm
from .limits import limited
from .links import ambassador_from_token, registration_from_token, school_request_from_token
from .models.choices import ApplicationStatus, RegistrationStatus, SchoolRequestStatus
from .qr import qr_svg


def _registration_or_404(token):
    registration = registration_from_token(token)
    if registration is None:
        raise Http404
    return registration


def ticket(request, token):
    registration = _registration_or_404(token)
    return render_unindexed(
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
        language=registration.language,
        no_store=True,
    )


@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    """GET asks to confirm (so mail scanners that follow links cancel nothing); POST cancels."""
    registration = _registration_or_404(token)
    done = False
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        registrations.cancel(registration)
        registration.refresh_from_db()
        done = True
    return render_unindexed(
        request,
        "outreach/cancel_registration.html",
        {"registration": registration, "event": registration.localized_event(), "done": done},
        language=registration.language,
    )


def certificate(request, token):
    registration = _registration_or_404(token)
    code = registrations.issue_certificate(registration)
    if code is None:
        return render_unindexed(
            request,
            "outreach/message.html",
            {
                "heading": gettext_lazy("No certificate yet"),
                "message": gettext_lazy(
                    "Certificates are for people checked in at an event that has been held."
                ),
            },
            language=registration.language,
            status=403,
        )
    pdf = certificates.render_pdf(registration)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sertifikat-{code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def cancel_school_request(request, token):
    session_request = school_request_from_token(token)
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
    return render_unindexed(
        request,
        "outreach/cancel_school_request.html",
        {"session_request": session_request, "done": done, "can_cancel": can_cancel},
        language=session_request.language,
    )


@require_http_methods(["GET", "POST"])
def log_activity(request, token):
    application = ambassador_from_token(token)
    if application is None or application.status != ApplicationStatus.ACCEPTED:
        raise Http404
    # Counted before the form reads the upload; each activity stores a photo.
    is_limited = limited(request, "activity", settings.OUTREACH_ACTIVITY_RATE)
    if is_limited:  # what was typed stays in the form; nothing is read or stored
        form = ActivityForm(initial=request.POST.dict())
    else:
        form = ActivityForm(request.POST or None, request.FILES or None)
    saved = False
    if not is_limited and request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.ambassador = application
        activity.save()
        saved = True
        form = ActivityForm()
    return render_unindexed(
        request,
        "outreach/log_activity.html",
        {
            "application": application,
            "form": form,
            "saved": saved,
            "limited": is_limited,
            "activities": application.activity_reports.all()[:20],
        },
        language=application.language,
        status=429 if is_limited else 400 if form.errors else 200,
    )
