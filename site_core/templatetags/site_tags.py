"""Template tags for the page frame: language links, menus, footer, metadata."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from site_core.models import FooterText, NavigationSettings

register = template.Library()


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language; a page links to its own translation when one is live, and
    otherwise to that language's home page. Non-page views swap the URL prefix."""
    request = context["request"]
    active = translation.get_language()
    page = _current_page(context)
    translations = {}
    if page is not None and page.pk:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated
    homes = {}
    if page is not None and len(translations) < len(settings.LANGUAGES):
        site = Site.find_for_request(request)
        if site:
            for home in (
                site.root_page.get_translations(inclusive=True).live().select_related("locale")
            ):
                homes[home.locale.language_code] = home
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if page is not None:
            url = target.get_url(request) if target else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_active": code == active,
                "has_translation": page is None or code in translations,
            }
        )
    return links


def _localized_links(links):
    """Each linked page in the active language, fetched in one query rather than N."""
    pages = [link.page for link in links]
    keys = [p.translation_key for p in pages]
    locale = Locale.get_active()
    localized = {
        p.translation_key: p
        for p in Page.objects.live().public().filter(translation_key__in=keys, locale=locale)
    }
    return [localized[k] for k in keys if k in localized]


@register.simple_tag(takes_context=True)
def navigation(context, menu="main"):
    request = context["request"]
    nav = NavigationSettings.for_request(request)
    relation = nav.main_links if menu == "main" else nav.footer_links
    return _localized_links(relation.select_related("page").all())


@register.simple_tag
def footer_text():
    return FooterText.for_active_locale()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context["request"]
    page = _current_page(context)
    if page is not None and page.pk:
        return request.build_absolute_uri(page.get_url(request))
    return request.build_absolute_uri(request.path)


@register.filter
def is_current_section(page, current):
    """True for the menu entry that the current page lives under."""
    if not isinstance(current, Page) or not current.pk:
        return False
    return current.pk == page.pk or current.path.startswith(page.path) and page.depth > 2
