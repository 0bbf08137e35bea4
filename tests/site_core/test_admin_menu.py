"""PermissionMenuItem: the admin menu item every app uses for screens behind one permission."""

from django.contrib.auth.models import Permission
from django.test import RequestFactory

import pytest

from site_core.admin_menu import PermissionMenuItem

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


@pytest.fixture
def clerk(django_user_model):
    user = django_user_model.objects.create_user("clerk", password="x")  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_shown_only_to_users_who_hold_the_permission(clerk, django_user_model):
    item = PermissionMenuItem(
        "Undelivered mail", "/admin/mail/", permission="site_core.resend_outgoingmail"
    )
    assert not item.is_shown(request_for(clerk))

    clerk.user_permissions.add(Permission.objects.get(codename="resend_outgoingmail"))
    clerk = django_user_model.objects.get(pk=clerk.pk)  # permissions are cached per object
    assert item.is_shown(request_for(clerk))


def test_a_subclass_names_its_permission_for_viewsets_that_build_the_item(clerk):
    class MailMenuItem(PermissionMenuItem):
        permission = "site_core.resend_outgoingmail"

    item = MailMenuItem("Undelivered mail", "/admin/mail/")
    assert item.permission == "site_core.resend_outgoingmail"
    assert not item.is_shown(request_for(clerk))


def test_an_item_without_a_permission_is_refused():
    with pytest.raises(ValueError, match="needs a permission"):
        PermissionMenuItem("Everyone", "/admin/")


def test_the_undelivered_mail_item_is_in_the_settings_menu_only_for_those_who_resend(
    client, clerk, django_user_model
):
    client.force_login(clerk)
    assert "/admin/undelivered-mail/" not in client.get("/admin/").content.decode()

    clerk.user_permissions.add(Permission.objects.get(codename="resend_outgoingmail"))
    client.force_login(django_user_model.objects.get(pk=clerk.pk))
    assert "/admin/undelivered-mail/" in client.get("/admin/").content.decode()
