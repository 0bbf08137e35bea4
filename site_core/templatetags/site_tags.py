"""Template tags for the page frame: language links, menus, footer, metadata."""

import hashlib

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from site_core import frame
from site_core.localized_urls import (
    translate_query,
    view_url_in,
    with_query,
)
from site_core.models import ContactSettings, FooterText, NavigationSettings

register = template.Library()


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to the counterpart of what is shown: the page's translation,
    on the same route with the same arguments and filters for a routable page, or the same
    view for a non-page view. A page without a live translation links to that language's
    home page (`has_translation` is then False)."""
    request = context["request"]
    active = translation.get_language()
    page = _current_page(context)
    memo_key = (page.pk if page else request.path, active)
    memo = getattr(request, "_language_links", None)
    if memo and memo[0] == memo_key:
        return memo[1]  # head (hreflang) and header (switcher) both ask
    translations, homes = {}, {}
    if page is not None:
        translations, homes = _counterparts(request, page)
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = _page_url_in(request, page, translations.get(code), homes.get(code), code)
        else:
            url = view_url_in(request, code) or translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_active": code == active,
                "has_translation": page is None or code in translations,
            }
        )
    request._language_links = (memo_key, links)
    return links


def _counterparts(request, page):
    """The page's live translations and, where one is missing, the site's home pages, by
    language code; cached until a page is published, moved or deleted (the frame's
    version): fetching them was the slowest part of the frame on most pages."""
    site = Site.find_for_request(request)
    if not page.pk:
        return {}, _homes(site)

    def build(_locale):
        translations = {
            translated.locale.language_code: translated.specific_deferred
            for translated in page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = _homes(site) if len(translations) < len(settings.LANGUAGES) else {}
        return translations, homes

    return frame.cached(f"counterparts-{page.pk}", site, build)


def _homes(site):
    if not site:
        return {}
    translations = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in translations}


def _page_url_in(request, page, target, home, language):
    if target is None:
        return home.get_url(request) if home else f"/{language}/"
    # Page numbers differ between languages (not every page is translated): start at one.
    query = request.GET.copy()
    query.pop("page", None)
    match = getattr(request, "routable_resolver_match", None)
    if match is not None and getattr(request, "routable_page_id", None) == page.pk:
        return page.route_in(target, match, query, request)
    counterpart_query = getattr(page, "counterpart_query", None)
    if counterpart_query is not None:
        query = counterpart_query(query, target)
    return with_query(target.get_url(request), translate_query(query, language))


@register.simple_tag(takes_context=True)
def breadcrumb_links(context):
    """Title and URL of each ancestor of the page below the home page, cached with the
    frame: an ancestor's title or place changes only when a page is published, moved or
    deleted, which drops the frame's cache (fetching and routing each ancestor cost more
    than the rest of the frame)."""
    request = context["request"]
    page = _current_page(context)
    if page is None:
        return []

    def build(_locale):
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in page.get_ancestors()[2:]
        ]

    if not page.pk:  # a new page in the editor's preview: nothing to key the cache on
        return build(None)
    return frame.cached(f"breadcrumbs-{page.pk}", Site.find_for_request(request), build)


@register.simple_tag(takes_context=True)
def navigation(context, menu="main"):
    """Links of the main or footer menu in the active language."""
    site = Site.find_for_request(context["request"])

    def build(locale):
        nav = NavigationSettings.for_site(site)
        relation = nav.main_links if menu == "main" else nav.footer_links
        return frame.localized_links(relation.select_related("page"), locale)

    return frame.cached(f"menu-{menu}", site, build)


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The footer's words in the active language (organisation, opening hours, text)."""
    site = Site.find_for_request(context["request"])

    def build(locale):
        footer = FooterText.objects.filter(locale=locale, live=True).first()
        return footer or FooterText(locale=locale)

    return frame.cached("footer-text", site, build)


@register.simple_tag(takes_context=True)
def contact_details(context):
    site = Site.find_for_request(context["request"])
    return frame.cached("contact", site, lambda _locale: ContactSettings.for_site(site))


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context["request"]
    page = _current_page(context)
    if page is not None and page.pk:
        return request.build_absolute_uri(page.get_url(request))
    return request.build_absolute_uri(request.path)


@register.filter
def is_current_section(link, current):
    """True for the menu entry that the current page is, or lives under."""
    if not isinstance(current, Page) or not current.pk:
        return False
    return current.path.startswith(link["path"]) and len(link["path"]) > 8


class FrameFragmentNode(template.Node):
    def __init__(self, nodelist, name, args):
        self.nodelist, self.name, self.args = nodelist, name, args

    def render(self, context):
        request = context.get("request")
        values = [arg.resolve(context) for arg in self.args]
        if request is None or getattr(request, "is_preview", False) or None in values:
            return self.nodelist.render(context)  # a draft or an uncacheable variant
        digest = hashlib.md5(repr(values).encode(), usedforsecurity=False).hexdigest()
        site = Site.find_for_request(request)
        render = lambda _locale: self.nodelist.render(context)  # noqa: E731
        return frame.cached(f"fragment-{self.name}-{digest}", site, render)


@register.tag
def frame_fragment(parser, token):
    """`{% frame_fragment "name" arg ... %}...{% endframe_fragment %}`: the enclosed HTML
    cached per site, language and arguments under the frame's version, so it is rendered
    again after any publish, unpublish, move or delete (site_core.frame). Only for parts
    that are the same for every visitor of a published page in one language and show only
    what bumps the frame's version (pages, menus, footer and contact settings): listings and
    links, never forms (CSRF tokens), display preferences, the request's path or other
    records. An argument that is None renders the part uncached (a variant not worth
    keeping, e.g. a filter nobody links to); previews never use the cache."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("frame_fragment needs a name")
    nodelist = parser.parse(("endframe_fragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return FrameFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])
