"""Build the demo site. Safe to run again: what exists is left as editors made it."""

from urllib.parse import urlparse

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Locale, Page, Site, Task, Workflow

from site_core.demo import content
from site_core.demo.accounts import (
    demo_accounts,
    demo_password,
    ensure_account,
    start_account_list,
)
from site_core.demo.images import hero_image
from site_core.demo.pages import ensure_child, ensure_translation, publish
from site_core.models import (
    ContactSettings,
    FooterNavigationLink,
    FooterText,
    HomePage,
    InformationPage,
    MainNavigationLink,
    NavigationSettings,
    NewsArticlePage,
    NewsIndexPage,
    WorkUnit,
)

# Each account line starts with this, so a test can read the list back.
ACCOUNT_LINE_PREFIX = "- "


class Command(BaseCommand):
    help = "Create the demo site: pages in Indonesian and English, settings and an admin."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-apps", action="store_true", help="Only the site's own pages, not other apps'."
        )

    @transaction.atomic
    def build_site(self):
        id_locale = Locale.objects.get_or_create(language_code="id")[0]
        en_locale = Locale.objects.get_or_create(language_code="en")[0]
        home = self.ensure_home(id_locale)
        home_en = ensure_translation(home, en_locale, **content.HOME["en"], slug="home-en")

        info_pages = []
        for data in content.INFORMATION_PAGES:
            fields = {k: data[k] for k in ("title", "introduction", "body")}
            page, _ = ensure_child(home, InformationPage, data["slug"], **fields)
            ensure_translation(page, en_locale, **data["en"])
            info_pages.append(page)

        index_data = content.NEWS_INDEX
        news_index, _ = ensure_child(
            home,
            NewsIndexPage,
            index_data["slug"],
            title=index_data["title"],
            introduction=index_data["introduction"],
        )
        ensure_translation(news_index, en_locale, **index_data["en"])
        for data in content.NEWS_ARTICLES:
            fields = {k: data[k] for k in ("title", "date", "summary", "body", "source_name")}
            article, created = ensure_child(news_index, NewsArticlePage, data["slug"], **fields)
            if created:
                article.tags.set(data["tags"])
                publish(article)
            # Tags are words: each language's articles carry their own.
            ensure_translation(article, en_locale, **data["en"], tags=data["tags_en"])

        self.ensure_settings(home, info_pages, news_index)
        self.name_workflow_in_indonesian()
        for short_name, name in content.WORK_UNITS:
            slug = short_name.lower().replace(" ", "")
            WorkUnit.objects.get_or_create(
                short_name=short_name, defaults={"name": name, "email": f"{slug}@banjarbaru.test"}
            )
        footer = FooterText.objects.filter(locale=id_locale).first()
        if footer is None:
            footer = FooterText.objects.create(**content.FOOTER["id"], locale=id_locale)
        if not FooterText.objects.filter(locale=en_locale).exists():
            FooterText.objects.create(
                **content.FOOTER["en"], locale=en_locale, translation_key=footer.translation_key
            )
        return home, home_en

    def ensure_home(self, locale):
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node()
        home = HomePage(
            title=content.HOME["title"],
            slug="beranda",
            locale=locale,
            hero_heading=content.HOME["hero_heading"],
            hero_text=content.HOME["hero_text"],
            hero_image=hero_image(),
            hero_image_alt=content.HOME["hero_image_alt"],
        )
        root.add_child(instance=home)
        publish(home)
        base_url = urlparse(settings.WAGTAILADMIN_BASE_URL)
        if site:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "LAPOR! Banjarbaru"
            site.hostname = base_url.hostname or site.hostname
            site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
            site.save()
            if old_root.depth == 2 and not isinstance(old_root.specific, HomePage):
                old_root.delete()  # Wagtail's "Welcome" placeholder page
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="LAPOR! Banjarbaru",
            )
        return home

    def name_workflow_in_indonesian(self):
        for english, indonesian in content.WORKFLOW_NAMES.items():
            Workflow.objects.filter(name=english).update(name=indonesian)
        for english, indonesian in content.TASK_NAMES.items():
            Task.objects.filter(name=english).update(name=indonesian)

    def ensure_settings(self, home, info_pages, news_index):
        site = Site.objects.get(is_default_site=True)
        contact = ContactSettings.for_site(site)
        if not contact.phone:
            for name, value in content.CONTACT.items():
                setattr(contact, name, value)
            contact.save()
        nav = NavigationSettings.for_site(site)
        if not nav.main_links.exists():
            for order, page in enumerate([*info_pages[:2], news_index]):
                MainNavigationLink.objects.create(setting=nav, page=page, sort_order=order)
        if not nav.footer_links.exists():
            for order, page in enumerate(info_pages):
                FooterNavigationLink.objects.create(setting=nav, page=page, sort_order=order)

    def ensure_users(self):
        """The superuser and the two content roles of the moderation workflow."""
        ensure_account("admin", superuser=True)
        ensure_account("editor", groups=["Editor Konten"])
        ensure_account("moderator", groups=["Moderator Konten"])

    def handle(self, *args, **options):
        start_account_list()
        self.build_site()
        self.ensure_users()
        if not options["skip_apps"]:
            for command in settings.DEMO_CONTENT_COMMANDS:
                self.stdout.write(f"Loading demo content: {command}")
                call_command(command, stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(f"  Site:  {settings.WAGTAILADMIN_BASE_URL}/id/")
        self.stdout.write(f"  Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write(f"  Password of every account below: {demo_password()}")
        for username, role in demo_accounts():
            self.stdout.write(f"  {ACCOUNT_LINE_PREFIX}{username:<24} {role}")
