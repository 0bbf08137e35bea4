"""Public views: the submission endpoint, the confirmation and the tracking page.

The form itself is rendered by `ReportPage` or by `ReportFormBlock` on any page; both post
here. The tracking page shows status and the public timeline only: never the reporter's
identity, what they attached, or staff notes.
"""

import logging
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from site_core import outages
from site_core.localized_urls import query_name, query_value
from site_core.ratelimit import over_limit

from . import workflow
from .choices import Privacy
from .codes import normalise_tracking_code
from .forms import TRANSITION_FORMS, LookupForm, ReportForm
from .intake import create_report, tracking_code_for_key
from .knowledge_base import answers_for_draft
from .links import confirmation_url, report_page_for_active_locale, tracking_url
from .records import Report
from .tracking import DUE_FIELDS, next_step, timeline_label
from .transitions import CITIZEN_ACTIONS, Who

logger = logging.getLogger(__name__)


def report_form_context(
    request, form=None, *, kind="", category=None, force_confidential=False, title=""
):
    """Context for the form partial, for the page, the block and the error re-render."""
    if form is None:
        initial = {"title": title} if title else {}
        if kind:
            initial["kind"] = kind
        if category is not None:
            initial["category"] = category.pk
            if category.is_gender_based:
                initial["privacy"] = Privacy.CONFIDENTIAL
        if force_confidential:
            initial["privacy"] = Privacy.CONFIDENTIAL
        form = ReportForm(initial=initial)
    private_only = force_confidential or bool(category is not None and category.is_gender_based)
    if private_only:
        form.offer_private_choices_only()
    return {
        "report_form": form,
        "report_form_action": reverse("complaint_forms:submit"),
        "preset_kind": kind,
        "preset_category": category,
        "force_confidential": force_confidential,
        "private_only": private_only,
        "recaptcha_enabled": getattr(settings, "RECAPTCHA_ENABLED", False),
        "similar_answers_url": reverse("similar_answers"),
    }


def _rerender(request, form, status, notice=""):
    # Without JavaScript the citizen still sees answers matching what they typed.
    answers = answers_for_draft(
        form.data.get("title", "")[:300],
        form.data.get("description", "")[:1000],
        translation.get_language(),
    )
    host = getattr(request, "report_form_host", None)
    if host is not None:
        return host(form, status, notice, answers)
    context = report_form_context(request, form)
    context.update(notice=notice, page=None, form_page=report_page_for_active_locale())
    context["deflection_answers"] = answers
    return render(request, "complaint_forms/report_submit.html", context, status=status)


@require_GET
def ask_a_question(request):
    """A stable address for "ask us" links: the report page's consultation form."""
    page = report_page_for_active_locale()
    if page is None:
        raise Http404
    url = page.subpage_url("consultation")
    question = request.GET.get("q", "").strip()[:150]
    return HttpResponseRedirect(f"{url}?{urlencode({'q': question})}" if question else url)


@require_GET
def similar_answers(request):
    """Knowledge-base answers for a draft report, for the form's live suggestions."""
    if over_limit(request, "complaint_forms.similar_answers", settings.COMPLAINT_SUGGEST_RATE):
        return JsonResponse({"answers": []}, status=429)
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    answers = answers_for_draft(request.GET.get("q", "")[:1000], "", language)
    return JsonResponse({"answers": answers})


@require_POST
def submit_report(request):
    """Validate, store (in a transaction), then redirect to the confirmation (PRG).

    If the database is busy or away (the form itself reads topics from it) the citizen
    gets a page built without it, with everything typed kept, not a server error; sending
    again is safe (idempotency key)."""
    try:
        form = ReportForm(request.POST, request.FILES)
        return _submit(request, form)
    except DatabaseError:
        logger.exception("Report submission failed on the database")
        return _busy_response(request)


# Not carried over to the busy page: a fresh CSRF token comes with it, the captcha answer
# is single-use, and title and description are shown as fields to edit.
_NOT_KEPT = {"csrfmiddlewaretoken", "g-recaptcha-response", "captcha", "title", "description"}


def _busy_response(request):
    hidden = [
        (name, value)
        for name in request.POST
        if name not in _NOT_KEPT
        for value in request.POST.getlist(name)
    ]
    context = {
        "action": reverse("complaint_forms:submit"),
        "csrf_token": get_token(request),
        "title": request.POST.get("title", ""),
        "description": request.POST.get("description", ""),
        "hidden": hidden,
        "had_attachments": bool(request.FILES),
    }
    return outages.unavailable("complaint_forms/submit_busy.html", context)


def _submit(request, form):
    key = form["idempotency_key"].value()
    existing = tracking_code_for_key(key) if _is_uuid(key) else None
    if existing:
        return HttpResponseRedirect(confirmation_url(existing))
    if over_limit(request, "complaint_forms.submit", settings.COMPLAINT_SUBMIT_RATE, method="POST"):
        notice = _("Too many reports were sent from your connection. Please wait a while.")
        return _rerender(request, form, 429, notice)
    if not form.is_valid():
        notice = ""
        if form.has_captcha_outage():
            notice = form.errors["captcha"][0]
        return _rerender(request, form, 400, notice)
    data = form.cleaned_data
    report, _created = create_report(
        data, data["attachments"], idempotency_key=data["idempotency_key"]
    )
    return HttpResponseRedirect(confirmation_url(report.tracking_code))


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except (TypeError, ValueError):
        return False
    return True


def _lookup_limited(request):
    return over_limit(request, "complaint_forms.track", settings.COMPLAINT_TRACK_RATE)


def confirmation_response(request, code, page=None):
    if _lookup_limited(request):
        return render(request, "complaint_forms/rate_limited.html", {"page": page}, status=429)
    code = normalise_tracking_code(code)
    report = (
        Report.objects.filter(tracking_code=code)
        .only("tracking_code", "kind", "status", "reporter_email", *DUE_FIELDS)
        .first()
    )
    if report is None:
        raise Http404
    context = {
        "page": page,
        "report": report,
        "next_step": next_step(report),
        "tracking_url": tracking_url(report.tracking_code),
        "mailed": bool(report.reporter_email),
    }
    return _private(render(request, "complaint_forms/confirmation.html", context))


def _private(response):
    """A tracking code opens the report's timeline: no shared cache may keep the page."""
    response["Cache-Control"] = "private, no-store"
    return response


def tracking_response(request, page=None):
    return _private(_tracking_response(request, page))


def _tracking_response(request, page):
    context = {"page": page, "robots_noindex": True}
    if request.method == "POST":
        return _citizen_action(request, page, context)
    code = query_value(request.GET, "code")
    context["lookup_form"] = LookupForm({query_name("code"): code} if request.GET else None)
    if code:
        if _lookup_limited(request):
            context["notice"] = _("Too many look-ups from your connection. Please wait a while.")
            return render(request, "complaint_forms/tracking.html", context, status=429)
        report = _public_report(normalise_tracking_code(code))
        if report is None:
            context["not_found"] = True
            return render(request, "complaint_forms/tracking.html", context, status=404)
        context.update(_report_context(report, query_value(request.GET, "done")))
    return render(request, "complaint_forms/tracking.html", context)


def _public_report(code):
    if not code:
        return None
    return (
        Report.objects.filter(tracking_code=code)
        .select_related("assigned_unit")
        .only(
            "tracking_code",
            "kind",
            "status",
            "title",
            "created_at",
            "rating",
            "assigned_unit__name",
            "assigned_unit__short_name",
            "privacy",
            *DUE_FIELDS,
        )
        .first()
    )


def _report_context(report, done="", forms=None):
    forms = forms or {}
    context = {
        "report": report,
        "events": [(event, timeline_label(event)) for event in report.public_events()],
        "next_step": next_step(report),
        "done": done,
        # A private report's title may name people; show it only when the report is public.
        "show_title": report.privacy == Privacy.PUBLIC,
    }
    context["citizen_actions"] = [
        {
            "transition": transition,
            "form": forms.get(transition.name)
            or TRANSITION_FORMS[transition.form](prefix=transition.name),
        }
        for transition in workflow.available(report, {Who.CITIZEN})
    ]
    if done in CITIZEN_ACTIONS:
        context["done_message"] = CITIZEN_ACTIONS[done].done_message
    return context


def _citizen_action(request, page, context):
    if _lookup_limited(request):
        context["notice"] = _("Too many look-ups from your connection. Please wait a while.")
        return render(request, "complaint_forms/tracking.html", context, status=429)
    code = normalise_tracking_code(request.POST.get("kode", ""))
    action = request.POST.get("action", "")
    report = _public_report(code)
    if report is None or action not in CITIZEN_ACTIONS:
        context["not_found"] = True
        context["lookup_form"] = LookupForm()
        return render(request, "complaint_forms/tracking.html", context, status=404)
    transition = CITIZEN_ACTIONS[action]
    form = TRANSITION_FORMS[transition.form](request.POST, prefix=action)
    if transition.starts_from(report.status, Who.CITIZEN) and form.is_valid():
        try:
            workflow.perform(transition.action, report, data=form.cleaned_data)
        except workflow.TransitionNotAllowed:
            pass
        else:
            url = tracking_url(report.tracking_code) + "&" + urlencode({query_name("done"): action})
            return HttpResponseRedirect(url)
    context["lookup_form"] = LookupForm(initial={query_name("code"): report.tracking_code})
    context.update(_report_context(report, forms={action: form}))
    return render(request, "complaint_forms/tracking.html", context, status=400)


def confirmation_fallback(request, code):
    """Used when no ReportPage exists in the active language."""
    return confirmation_response(request, code)


def tracking_fallback(request):
    return tracking_response(request)
