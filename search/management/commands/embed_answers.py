"""Embed every live answer that has no stored vector (search.semantic).

Run once after deploying the model or importing many answers; publishing embeds the
answers it changes on its own (a background task).
"""

import time

from django.core.management.base import BaseCommand

from search import semantic
from search.answer_index import bump_version


class Command(BaseCommand):
    help = "Store the embedding model's vectors of the live answers that have none yet."

    def handle(self, *args, **options):
        if semantic.model() is None:
            self.stdout.write("The embedding model is off or not installed: nothing to do.")
            return
        start = time.perf_counter()
        embedded = semantic.embed_missing()
        if embedded:
            bump_version()
        self.stdout.write(
            f"Embedded {embedded} answers in {time.perf_counter() - start:.1f} s "
            f"({semantic.MODEL_NAME})."
        )
