"""site_core.tokens: signed links in mail keep their format, so links already sent work."""

import time

from django.core import signing

import pytest

from site_core.tokens import SignedLink, sign, unsign

pytestmark = pytest.mark.django_db

DAY = 24 * 60 * 60
NAMESPACE = "outreach.registration"


@pytest.fixture
def records(django_user_model):
    return django_user_model.objects.all()


@pytest.fixture
def record(django_user_model):
    return django_user_model.objects.create_user("warga")


def backdated(value, namespace, days):
    """A token signed `days` ago, exactly as `signing.dumps` signs one today."""

    class Backdated(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - days * DAY)

    return Backdated(salt=namespace).sign_object(value, serializer=signing.JSONSerializer)


def test_a_link_sent_before_the_shared_helper_still_opens_its_record(record, records):
    """Links mailed by the per-app helpers were `signing.dumps(pk, salt=namespace)`."""
    old_token = signing.dumps(record.pk, salt=NAMESPACE)
    assert SignedLink(NAMESPACE).get(records, old_token) == record


def test_the_token_is_the_same_format_as_before(record, records):
    token = SignedLink(NAMESPACE).token(record)
    assert signing.loads(token, salt=NAMESPACE) == record.pk
    assert unsign(sign(record.pk, NAMESPACE), NAMESPACE) == record.pk


def test_a_token_of_another_kind_or_tampered_with_opens_nothing(record, records):
    token = SignedLink("outreach.ambassador").token(record)
    link = SignedLink(NAMESPACE)
    assert link.get(records, token) is None
    assert link.get(records, link.token(record) + "x") is None
    assert link.get(records, "not-a-token") is None


def test_a_link_expires_after_its_kinds_age(record, records, settings):
    settings.SIGNED_LINK_MAX_AGE_DAYS = {**settings.SIGNED_LINK_MAX_AGE_DAYS, NAMESPACE: 30}
    link = SignedLink(NAMESPACE)
    assert link.get(records, backdated(record.pk, NAMESPACE, 29)) == record
    assert link.get(records, backdated(record.pk, NAMESPACE, 31)) is None


def test_a_link_to_a_deleted_record_opens_nothing(record, records):
    link = SignedLink(NAMESPACE)
    token = link.token(record)
    record.delete()
    assert link.get(records, token) is None
