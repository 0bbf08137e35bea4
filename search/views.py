"""Public search views: the result page, the JSON API, suggestions and answer feedback."""

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from site_core.ratelimit import over_limit

from . import services
from .backends.base import TYPE_LABELS
from .forms import AnswerFeedbackForm, SearchForm
from .models import AnswerFeedback, AnswerPage
from .privacy import redact

MAX_QUERY_CHARS = 200
MAX_PAGE = 100


def consultation_url(query=""):
    """Where a citizen asks what the site does not answer (the lead sets the URL name),
    carrying the question they searched for (redacted of personal numbers)."""
    name = getattr(settings, "SEARCH_CONSULTATION_URL_NAME", "")
    if name:
        try:
            url = reverse(name)
        except NoReverseMatch:
            pass
        else:
            return f"{url}?{urlencode({'q': redact(query)})}" if query else url
    return getattr(settings, "SEARCH_CONSULTATION_FALLBACK_URL", "https://www.lapor.go.id/")


def _page_number(value):
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def _language(value):
    codes = [code for code, _name in settings.LANGUAGES]
    return value if value in codes else None


@require_GET
def search_page(request):
    form = SearchForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    query = (data.get("q") or "")[:MAX_QUERY_CHARS].strip()
    filters = {"category": data.get("category") or "", "type": data.get("type") or ""}
    language = get_language()
    results = None
    if query:
        results = services.search(
            query, language=language, filters=filters, page=_page_number(request.GET.get("page"))
        )
    context = {
        "form": form,
        "query": query,
        "filters": filters,
        "results": results,
        "type_labels": TYPE_LABELS,
        "consultation_url": consultation_url(query),
        "exit_url": settings.EXIT_THIS_PAGE_URL,
    }
    return TemplateResponse(request, "search/search_results.html", context)


def _too_many_requests():
    response = JsonResponse(
        {"error": _("Too many searches from your connection. Try again in a minute.")},
        status=429,
    )
    response["Retry-After"] = "60"
    return response


def _has_nul(request):
    """A NUL byte in any parameter: no database takes one in a query or the query log."""
    return any("\x00" in key + value for key, values in request.GET.lists() for value in values)


def _unsearchable():
    return JsonResponse(
        {"error": _("The search text contains a character that is not allowed.")}, status=400
    )


def search_api_view(group, rate_setting, default_rate):
    """What both JSON search APIs check first (the rate, the language, NUL bytes); the view
    is called with the language and the query text."""

    def decorate(view):
        @require_GET
        @functools.wraps(view)
        def wrapped(request):
            if over_limit(request, group, getattr(settings, rate_setting, default_rate)):
                return _too_many_requests()
            language = _language(request.GET.get("lang", settings.LANGUAGE_CODE))
            if language is None:
                return JsonResponse({"error": _("Unknown language.")}, status=400)
            if _has_nul(request):
                return _unsearchable()
            return view(request, language, request.GET.get("q", "")[:MAX_QUERY_CHARS].strip())

        return wrapped

    return decorate


@search_api_view("search.api", "SEARCH_API_RATE", "60/m")
def search_api(request, language, query):
    if not query:
        return JsonResponse({"error": _("Type something to search for.")}, status=400)
    filters = {
        "category": request.GET.get("category", "")[:80],
        "type": request.GET.get("type", "") if request.GET.get("type") in TYPE_LABELS else "",
    }
    results = services.search(
        query, language=language, filters=filters, page=_page_number(request.GET.get("page"))
    )
    payload = results.as_dict()
    if not results.total:
        payload["consultation_url"] = consultation_url(query)
    response = JsonResponse(payload)
    response["Cache-Control"] = "no-store"
    return response


@search_api_view("search.suggest", "SEARCH_SUGGEST_RATE", "120/m")
def suggest_api(request, language, query):
    suggestions = services.suggest(query, language) if len(query) >= 2 else []
    response = JsonResponse({"query": query, "suggestions": suggestions})
    response["Cache-Control"] = "max-age=60"
    return response


@csrf_exempt  # a browser's <a ping> carries no token; it only counts a click
@require_POST
def search_click(request, page_id):
    """A citizen opened answer `page_id` from the results for `q` (see search.learning)."""
    from .tasks import record_search_click

    query = request.GET.get("q", "")[:MAX_QUERY_CHARS].strip()
    if query and AnswerPage.objects.live().public().filter(pk=page_id).exists():
        record_search_click.enqueue(page_id, redact(query))
    return HttpResponse(status=204)


# Without a CSRF token the answer page is the same for every visitor and a front cache can
# share it. A forged vote from another site costs little: it is anonymous, rate-limited per
# connection, and learning needs several votes (search.learning).
@csrf_exempt
@require_POST
def answer_feedback(request, page_id):
    page = get_object_or_404(AnswerPage.objects.live().public(), pk=page_id)
    if page.locale.language_code != get_language():
        raise Http404
    limited = over_limit(
        request,
        "search.feedback",
        getattr(settings, "SEARCH_FEEDBACK_RATE", "10/h"),
        method="POST",
    )
    form = AnswerFeedbackForm(request.POST)
    if limited:
        form.is_valid()
        form.add_error(None, _("Too many answers from your connection. Try again later."))
        return _render_answer(request, page, form, status=429)
    if not form.is_valid():
        return _render_answer(request, page, form, status=400)
    AnswerFeedback.objects.create(
        page=page,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"].strip(),
    )
    query = form.cleaned_data["q"].strip()
    if form.cleaned_data["helpful"] and query:
        from .tasks import record_search_click

        # A "yes" after a search is the citizen saying these words mean this answer.
        record_search_click.enqueue(page.pk, redact(query))
    return HttpResponseRedirect(f"{page.get_url(request)}?feedback=thanks#feedback")


def _render_answer(request, page, form, status):
    context = page.get_context(request)
    context["feedback_form"] = form
    return render(request, page.get_template(request), context, status=status)
