"""Audit-log entries for records that hold citizens' personal data.

Wagtail's shared audit views (site history and its exports, the dashboard) list every
`ModelLogEntry` of a content type to anyone with any permission on it, labelled with the
record's `str()`. For reports that meant a unit officer saw every unit's reports with
tracking code (the citizen's credential) and title; for registrations, the registrant's
name and check-in code. Apps register such models here instead: their entries are stored
as `PrivateLogEntry`, labelled "<kind> #<id>" only, and shown to a user only where the
app's visibility rule says so.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

# model class -> callable(user) returning a Q over PrivateLogEntry rows of that model
_VISIBILITY_RULES = {}


def register_private_model(actions, model, visible_entries):
    """Call from a `register_log_actions` hook. `visible_entries(user)` returns a Q that
    selects the entries (of this model) the user may see; `entries_about` builds one
    from a queryset of the records themselves."""
    actions.register_model(model, PrivateLogEntry)
    _VISIBILITY_RULES[model] = visible_entries


def entries_about(queryset):
    """Entries about the records in `queryset` (object ids are stored as text)."""
    ids = queryset.order_by().annotate(_log_id=Cast("pk", models.CharField())).values("_log_id")
    return Q(object_id__in=ids)


def entries_for_model_permission_holders(model):
    """A rule in Wagtail's own spirit: anyone with a permission on the model sees its log."""
    app_label, model_name = model._meta.app_label, model._meta.model_name

    def rule(user):
        actions = ("add", "change", "delete", "view")
        if any(user.has_perm(f"{app_label}.{action}_{model_name}") for action in actions):
            return Q()
        return Q(pk__in=[])

    return rule


def private_label(instance):
    """ "Laporan #12": the kind of record and its id, in the site's main language, so the
    label carries no name, title or tracking code."""
    with translation.override(settings.LANGUAGE_CODE):
        return f"{capfirst(instance._meta.verbose_name)} #{instance.pk}"


class PrivateLogEntryManager(BaseLogEntryManager):
    def get_instance_title(self, instance):
        return private_label(instance)

    def log_action(self, instance, action, **kwargs):
        kwargs.pop("title", None)  # never a caller's label: it could carry personal data
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
        )

    def viewable_by_user(self, user):
        if not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        visible = Q(pk__in=[])
        for model, rule in _VISIBILITY_RULES.items():
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            visible |= Q(content_type=content_type) & rule(user)
        return self.filter(visible)


class PrivateLogEntry(BaseLogEntry):
    object_id = models.CharField(max_length=255, db_index=True)

    objects = PrivateLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("private log entry")
        verbose_name_plural = _("private log entries")

    def __str__(self):
        return f"PrivateLogEntry {self.pk}: {self.action} on {self.label}"

    def save(self, *args, **kwargs):
        # Wagtail's full_clean() also asks the database whether the content type exists,
        # a query for every entry (every report submitted); the manager takes it from
        # ContentType's cache. Every other check still runs.
        self.full_clean(exclude=["content_type"])
        return models.Model.save(self, *args, **kwargs)
