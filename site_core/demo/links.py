"""Helpers other apps' demo loaders use to put their pages into the site frame."""

from site_core.models import HomePage, MainNavigationLink, NavigationSettings


def add_to_main_menu(site, page):
    nav = NavigationSettings.for_site(site)
    if not nav.main_links.filter(page=page).exists():
        MainNavigationLink.objects.create(setting=nav, page=page, sort_order=nav.main_links.count())


def add_home_link(page, label, description, label_en=None, description_en=None):
    """Add a call-to-action link to the home page and its English translation, once."""
    home = HomePage.objects.filter(locale__language_code="id").first()
    if home is None:
        return
    homes = {home: (page, label, description)}
    home_en = home.get_translation_or_none(_locale("en"))
    page_en = page.get_translation_or_none(_locale("en"))
    if home_en and page_en:
        homes[home_en.specific] = (page_en, label_en or label, description_en or description)
    for target_home, (target, text, more) in homes.items():
        if any(block.value["page"].pk == target.pk for block in target_home.call_to_action_links):
            continue
        target_home.call_to_action_links.append(
            ("link", {"page": target, "label": text, "description": more})
        )
        target_home.save_revision().publish()


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=code).first()
