"""Keep every search index fresh: publish, unpublish, move, delete and synonym edits."""

import logging

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from site_core import frame
from site_core.tasks import enqueue_on_commit

from . import answer_index, semantic, synonyms

logger = logging.getLogger(__name__)


def _answer_changed(instance):
    from .backends import get_backend
    from .models import AnswerPage

    answer_index.bump_version()
    backend = get_backend()
    if hasattr(backend, "update_answer") and isinstance(instance, AnswerPage):
        try:
            backend.update_answer(instance)
        except Exception:  # noqa: BLE001 - publishing must not fail when the index is down
            logger.exception("Could not update the search index for page %s", instance.pk)


def on_published(sender, instance, **kwargs):
    _answer_changed(instance)
    if semantic.enabled():
        from .tasks import embed_answer

        # Its new text, after the commit, off the editor's request (a worker runs it).
        enqueue_on_commit(embed_answer, instance.pk)


def on_unpublished(sender, instance, **kwargs):
    _answer_changed(instance)


def on_moved(sender, instance, **kwargs):
    _answer_changed(instance.specific_deferred)


def on_deleted(sender, instance, **kwargs):
    from .backends import get_backend

    answer_index.bump_version()
    backend = get_backend()
    if hasattr(backend, "remove_answer"):
        try:
            backend.remove_answer(instance)
        except Exception:  # noqa: BLE001 - deleting must not fail when the index is down
            logger.exception("Could not remove page %s from the search index", instance.pk)


def on_synonyms_changed(sender, instance, **kwargs):
    synonyms.invalidate()
    answer_index.bump_version()


def connect():
    from .models import AnswerCategory, AnswerPage, Synonym

    page_published.connect(on_published, sender=AnswerPage, dispatch_uid="search_published")
    page_unpublished.connect(on_unpublished, sender=AnswerPage, dispatch_uid="search_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_moved")
    post_delete.connect(on_deleted, sender=AnswerPage, dispatch_uid="search_deleted")
    for model in (Synonym,):
        post_save.connect(on_synonyms_changed, sender=model, dispatch_uid=f"search_syn_{model}")
        post_delete.connect(
            on_synonyms_changed, sender=model, dispatch_uid=f"search_syn_del_{model}"
        )
    post_save.connect(answer_index.bump_version, sender=AnswerCategory, dispatch_uid="search_cat")
    # The knowledge-base index caches its categories and listing with the site frame.
    post_save.connect(frame.invalidate, sender=AnswerCategory, dispatch_uid="search_cat_frame")
    post_delete.connect(frame.invalidate, sender=AnswerCategory, dispatch_uid="search_cat_del")
    # Any publish may change answer URLs (a parent's slug): the index keeps URLs.
    page_published.connect(answer_index.bump_version, dispatch_uid="search_any_published")

    from wagtail.contrib.search_promotions.models import SearchPromotion

    from .services import forget_promotions

    post_save.connect(forget_promotions, sender=SearchPromotion, dispatch_uid="search_promo")
    post_delete.connect(forget_promotions, sender=SearchPromotion, dispatch_uid="search_promo_d")
