"""Views bound to a page, called from the routes of the outreach pages with the page they
serve: the events listing, certificate verification, event registration and the programs'
request forms. They take the page as an argument and never import a page class (the pages
import this module). Signed-link views live in `link_views`."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_http_methods

from site_core.localized_urls import query_name
from site_core.responses import render_unindexed

from . import ambassadors, registrations, schools
from .forms import (
    AmbassadorApplicationForm,
    AssistedReportForm,
    EventFilterForm,
    RegistrationForm,
    SchoolRequestForm,
    VerifyForm,
)
from .limits import limited, too_many
from .links import REGISTRATION_LINK
from .models.choices import ProgramKind

EVENTS_PER_PAGE = 12


def event_listing(request, index_page):
    programs = list(index_page.programs().only("pk", "title", "path", "depth"))
    form = EventFilterForm(request.GET or None, programs=programs)
    events = index_page.events()
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


def verify_certificate(request, index_page):
    form = VerifyForm(request.GET or None)
    result = event = None
    checked = False
    if form.is_valid():
        checked = True
        result = registrations.verify_certificate(form.cleaned_data[query_name("code")])
    if result is not None:  # the event as this page's language names it
        event = result.event.get_translation_or_none(index_page.locale_id) or result.event
    return render_unindexed(
        request,
        "outreach/verify.html",
        {"page": index_page, "form": form, "result": result, "event": event, "checked": checked},
    )


@require_http_methods(["GET", "POST"])
def event_register(request, event):
    source = event.canonical()
    state = source.registration_state()
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and state == "open":
        if limited(request, "register"):
            return too_many(request, event)
        if form.is_valid():
            try:
                registration = registrations.register(event, **form.registration_fields())
            except registrations.RegistrationClosed:
                state = "closed"
            else:
                ticket = reverse("outreach:ticket", args=[REGISTRATION_LINK.token(registration)])
                return HttpResponseRedirect(f"{ticket}?new=1")
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


class ProgramFormView(View):
    """A program's request form (school session, ambassador application, assisted
    reporting): shown on GET, saved on POST, then the program's thank-you page."""

    http_method_names = ["get", "post"]
    template_name = "outreach/form_page.html"
    form_class = None
    program_kind = None  # the one kind of program that offers the form; None: every kind
    rate_group = ""
    thanks = ""  # the `what` of the program's thanks route
    heading = intro = submit = ""

    def setup(self, request, *args, program, **kwargs):
        super().setup(request, *args, **kwargs)
        self.program = program

    def dispatch(self, request, *args, **kwargs):
        allowed = request.method.lower() in self.http_method_names  # else 405 comes first
        if allowed and self.program_kind is not None and self.program.kind != self.program_kind:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def is_open(self):
        return True

    def get_form(self):
        return self.form_class(self.request.POST or None)

    def save(self, form):
        """Store the form's record (the program is always the canonical one)."""
        record = form.save(commit=False)
        record.program = self.program.canonical()
        record.save()
        return record

    def get_intro(self):
        return self.intro

    def get(self, request, **kwargs):
        return self.render(self.get_form())

    def post(self, request, **kwargs):
        form = self.get_form()
        if not self.is_open():
            return self.render(form)
        if limited(request, self.rate_group):
            return too_many(request, self.program)
        if form.is_valid():
            self.save(form)
            thanks = self.program.subpage_url("thanks", kwargs={"what": self.thanks})
            return HttpResponseRedirect(thanks)
        return self.render(form)

    def render(self, form):
        is_open = self.is_open()
        context = {
            "page": self.program,
            "form": form if is_open else None,
            "heading": self.heading,
            "intro": self.get_intro(),
            "submit": self.submit,
        }
        if not is_open:
            context["closed_message"] = _("Applications are closed at the moment.")
        return TemplateResponse(
            self.request, self.template_name, context, status=400 if form.errors else 200
        )


class SchoolRequestView(ProgramFormView):
    form_class = SchoolRequestForm
    program_kind = ProgramKind.SCHOOL
    rate_group = "school"
    thanks = "school"
    heading = gettext_lazy("Request a Lapor Goes To School session")
    intro = gettext_lazy("Tell us about your school. We reply by email within five working days.")
    submit = gettext_lazy("Send the request")

    def save(self, form):
        session_request = form.save(commit=False)
        session_request.program = self.program.canonical()
        session_request.language = translation.get_language() or settings.LANGUAGE_CODE
        session_request.save()
        schools.received(session_request)
        return session_request


class AmbassadorApplyView(ProgramFormView):
    form_class = AmbassadorApplicationForm
    program_kind = ProgramKind.AMBASSADOR
    rate_group = "apply"
    thanks = "application"
    heading = gettext_lazy("Apply to be a Duta Lapor")
    submit = gettext_lazy("Send my application")

    def is_open(self):
        return self.program.applications_are_open()

    def get_form(self):
        return self.form_class(self.request.POST or None, program=self.program)

    def save(self, form):
        application = form.save(commit=False)  # the form sets the canonical program
        application.language = translation.get_language() or settings.LANGUAGE_CODE
        application.save()
        ambassadors.received(application)
        return application

    def get_intro(self):
        source = self.program.canonical()
        return _("Ages %(min)s to %(max)s. Under 18? A parent or guardian must agree.") % {
            "min": source.min_age or "-",
            "max": source.max_age or "-",
        }


class AssistedReportingView(ProgramFormView):
    form_class = AssistedReportForm
    rate_group = "assisted"
    thanks = "assisted"
    heading = gettext_lazy("Ask for help to report")
    intro = gettext_lazy("We call you, meet you, or visit you. Tell us what works for you.")
    submit = gettext_lazy("Send the request")

    def save(self, form):
        assisted = form.save(commit=False)
        assisted.program = self.program.canonical()
        assisted.consent_at = timezone.now()
        assisted.save()
        return assisted


school_request = SchoolRequestView.as_view()
ambassador_apply = AmbassadorApplyView.as_view()
assisted_reporting = AssistedReportingView.as_view()


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
