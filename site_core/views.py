import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import health, outages, preferences


def _in_language(url_name, language):
    with translation.override(language):
        return reverse(url_name)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {_in_language('search', code)}" for code, _name in settings.LANGUAGES),
        "Disallow: /api/",
        "Disallow: /preferences/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon(request):
    return HttpResponseRedirect(static("site_core/img/favicon.svg"))


# Exempt from CSRF: it only sets a cosmetic cookie, and a token on every page would make
# pages uncacheable for anonymous visitors.
@csrf_exempt
@require_POST
def display_preferences(request):
    """Store text size and contrast from the no-JavaScript form, then go back."""
    prefs = preferences.parse(request.COOKIES.get(preferences.COOKIE_NAME))
    if request.POST.get("text") in preferences.TEXT_SIZES:
        prefs["text"] = request.POST["text"]
    if request.POST.get("contrast") in preferences.CONTRASTS:
        prefs["contrast"] = request.POST["contrast"]
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        preferences.COOKIE_NAME,
        preferences.serialise(prefs),
        max_age=preferences.MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


@require_GET
def healthz(request):
    """JSON for monitors and load balancers: 200 while the database answers, else 503."""
    result = health.report()
    response = JsonResponse(result, status=503 if result["status"] == "down" else 200)
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the database or context processors: the error may be the database.
    from django.template import loader

    if isinstance(sys.exc_info()[1], outages.DATABASE_UNREACHABLE):
        return outages.unavailable("503.html")

    template = loader.get_template("500.html")
    return HttpResponse(
        template.render(
            {"LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)}
        ),
        status=500,
    )
