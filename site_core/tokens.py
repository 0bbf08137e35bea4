"""Signed links sent by mail (tickets, cancel links, activity forms): one format, and an
expiry per kind so a forwarded or leaked link does not work forever (UU PDP 27/2022).

The format is Django's `signing.dumps(value, salt=namespace)`; links already sent keep
working as long as the namespace (the salt) and SECRET_KEY stay the same."""

import datetime

from django.conf import settings
from django.core import signing


def sign(value, namespace):
    """A URL-safe token for `value`, stamped with the time it was made."""
    return signing.dumps(value, salt=namespace)


def max_age(namespace):
    days = settings.SIGNED_LINK_MAX_AGE_DAYS[namespace]
    return datetime.timedelta(days=days)


def unsign(token, namespace):
    """The signed value, or None when the token is forged, for another kind, or expired."""
    try:
        return signing.loads(token, salt=namespace, max_age=max_age(namespace))
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None


class SignedLink:
    """Links to one kind of record: a token for a record, and the record for a token.

    `namespace` is the salt and the key of settings.SIGNED_LINK_MAX_AGE_DAYS."""

    def __init__(self, namespace):
        self.namespace = namespace

    def token(self, instance):
        return sign(instance.pk, self.namespace)

    def get(self, queryset, token):
        """The record of `queryset` the token names, or None (bad, expired or gone)."""
        pk = unsign(token, self.namespace)
        if pk is None:
            return None
        return queryset.filter(pk=pk).first()
