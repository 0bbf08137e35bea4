"""What communications staff do in the admin: settings, workflow, scheduling, translation."""

import datetime
import time

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site, Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

import pytest

from site_core.models import ContactSettings, InformationPage
from tests.factories import InformationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-123456789")
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw-123456789")
    user.groups.add(Group.objects.get(name="Editor Konten"))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", "m@example.org", "pw-123456789")
    user.groups.add(Group.objects.get(name="Moderator Konten"))
    return user


def test_admin_speaks_indonesian(client):
    html = client.get("/admin/login/").content.decode()
    assert "Masuk" in html
    assert 'lang="id"' in html


def test_editor_changes_contact_settings_and_the_footer_shows_them(admin_client, home):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["site_core", "contactsettings", site.pk])
    response = admin_client.post(
        url,
        {"phone": "0511 111 222", "email": "x@example.org"},
    )
    assert response.status_code == 302
    assert ContactSettings.for_site(site).phone == "0511 111 222"
    html = admin_client.get("/id/").content.decode()
    assert 'href="tel:0511111222"' in html


def test_editor_adds_a_main_menu_link(admin_client, home):
    page = InformationPageFactory(parent=home, title="Layanan", slug="layanan")
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["site_core", "navigationsettings", site.pk])
    data = {
        "main_links-TOTAL_FORMS": "1",
        "main_links-INITIAL_FORMS": "0",
        "main_links-MIN_NUM_FORMS": "0",
        "main_links-MAX_NUM_FORMS": "8",
        "main_links-0-page": str(page.pk),
        "main_links-0-ORDER": "1",
        "main_links-0-id": "",
        "main_links-0-DELETE": "",
        "footer_links-TOTAL_FORMS": "0",
        "footer_links-INITIAL_FORMS": "0",
        "footer_links-MIN_NUM_FORMS": "0",
        "footer_links-MAX_NUM_FORMS": "12",
    }
    assert admin_client.post(url, data).status_code == 302
    html = admin_client.get("/id/").content.decode()
    assert 'aria-label="Menu utama"' in html
    assert '<a href="/id/layanan/">Layanan</a>' in html


def test_information_page_can_be_created_in_the_admin(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=["site_core", "informationpage", home.pk])
    data = nested_form_data(
        {
            "title": "Jam layanan",
            "slug": "jam-layanan",
            "introduction": "Kapan kami buka.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Senin sampai Jumat.</p>")),
                    ("heading", {"text": "Libur", "level": "h2"}),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    page = InformationPage.objects.get(slug="jam-layanan")
    assert page.live
    assert "Senin sampai Jumat." in admin_client.get(page.url).content.decode()


def test_home_page_image_needs_alternative_text(home):
    from django.core.exceptions import ValidationError

    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    home.hero_image = Image.objects.create(title="x", file=get_test_image_file())
    home.hero_image_alt = ""
    with pytest.raises(ValidationError) as error:
        home.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_editor_sends_for_approval_and_moderator_publishes(home, editor, moderator):
    page = InformationPageFactory(parent=home, live=False, slug="draf")
    page.save_revision(user=editor)
    assert not page.permissions_for_user(editor).can_publish()
    workflow = page.get_workflow()
    assert isinstance(workflow, Workflow)
    state = workflow.start(page, editor)
    page.refresh_from_db()
    assert not page.live
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, moderator)
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live


def test_scheduled_page_goes_live_only_when_its_time_comes(home):
    page = InformationPageFactory(parent=home, live=False, slug="nanti")
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live, "published before its time"
    time.sleep(2.5)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_page_is_translated_to_english_with_wagtail_localize(admin_client, home, home_en, locales):
    page = InformationPageFactory(parent=home, slug="panduan", title="Panduan")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = admin_client.post(url, {"locales": [locales["en"].pk]})
    assert response.status_code == 302
    translated = page.get_translation(locales["en"])
    assert Translation.objects.filter(target_locale=locales["en"]).exists()
    assert translated.locale == locales["en"]
    assert translated.translation_key == page.translation_key
    # Strings not yet translated fall back to the Indonesian source.
    assert translated.title == "Panduan"


def test_demo_loader_runs_twice_without_duplicates(db, monkeypatch, tmp_path, settings):
    settings.BASE_DIR = tmp_path
    settings.DEMO_CONTENT_COMMANDS = []
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-password-123")
    call_command("load_demo")
    from django.apps import apps

    tracked = [m for m in apps.get_models() if m._meta.app_label in ("site_core", "wagtailcore")]
    counts = {model: model.objects.count() for model in tracked}
    call_command("load_demo")
    assert {model: model.objects.count() for model in tracked} == counts
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert home.locale.language_code == "id"
    assert {p.locale.language_code for p in home.get_translations(inclusive=True)} == {"id", "en"}
    for slug in ("cara-melapor", "setelah-melapor", "pernyataan-aksesibilitas"):
        page = InformationPage.objects.get(slug=slug, locale__language_code="id")
        assert page.live and page.get_translations().live().exists()
    from site_core.models import NewsArticlePage

    assert NewsArticlePage.objects.filter(locale__language_code="id").count() >= 3
    assert NewsArticlePage.objects.filter(locale__language_code="en").count() >= 3
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(username="admin").check_password("demo-password-123")


def test_menu_follows_publishing_without_waiting_for_the_cache(client, home):
    from site_core.models import MainNavigationLink, NavigationSettings

    page = InformationPageFactory(parent=home, title="Layanan", slug="layanan")
    nav = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    MainNavigationLink.objects.create(setting=nav, page=page, sort_order=0)
    assert '<a href="/id/layanan/">Layanan</a>' in client.get("/id/").content.decode()

    page.title = "Layanan kota"
    page.save_revision().publish()
    assert '<a href="/id/layanan/">Layanan kota</a>' in client.get("/id/").content.decode()

    page.unpublish()
    assert "/id/layanan/" not in client.get("/id/").content.decode()
