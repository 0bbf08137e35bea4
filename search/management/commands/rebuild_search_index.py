"""Rebuild the Elasticsearch answer indexes with zero downtime.

Each language gets a new concrete index (alias name + timestamp); once it is filled,
the alias moves to it in one atomic call and the old indexes are deleted.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wagtail.models import Locale

from elasticsearch.helpers import bulk
from tqdm import tqdm

from search.answer_index import bump_version
from search.backends.elasticsearch import CONNECTION, client
from search.documents import alias_name, answer_document, document_fields, synonym_lines
from search.learning import learned_texts
from search.models import AnswerPage
from search.text import stream_text


class Command(BaseCommand):
    help = "Build new Elasticsearch indexes for answers and swap the aliases (no downtime)."

    def handle(self, *args, **options):
        if not getattr(settings, "ELASTICSEARCH_URL", ""):
            raise CommandError("ELASTICSEARCH_URL is not set: the database backend needs no index.")
        es = client()
        stamp = timezone.now().strftime("%Y%m%d%H%M%S")
        for locale in Locale.objects.all():
            language = locale.language_code
            alias = alias_name(language)
            new_index = f"{alias}-{stamp}"
            document = answer_document(language, new_index, synonym_lines(language))
            document.init(using=CONNECTION)
            pages = (
                AnswerPage.objects.live()
                .public()
                .filter(locale=locale)
                .select_related("category", "locale")
                .prefetch_related("tags")
            )
            learned = learned_texts()
            actions = (
                {
                    "_index": new_index,
                    "_id": page.pk,
                    "_source": document_fields(
                        page, stream_text(page.body.raw_data), learned.get(page.pk, "")
                    ),
                }
                for page in tqdm(pages, desc=language, disable=None, file=self.stderr)
            )
            bulk(es, actions)
            es.indices.refresh(index=new_index)
            old = list(es.options(ignore_status=404).indices.get_alias(name=alias) or {})
            old = [name for name in old if name != "error" and name != "status"]
            moves = [{"add": {"index": new_index, "alias": alias}}]
            moves += [{"remove": {"index": name, "alias": alias}} for name in old]
            es.indices.update_aliases(actions=moves)
            for name in old:
                es.indices.delete(index=name, ignore_unavailable=True)
            self.stdout.write(f"{alias} -> {new_index} ({pages.count()} answers)")
        bump_version()
