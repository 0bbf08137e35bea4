"""A large knowledge base of answers on their own topics, for measuring search at scale.

A city's knowledge base of 10,000 answers is not 240 answers copied, nor 240 answers plus
thousands of texts in another vocabulary: it is written by the same staff, in the same
service language, about many more topics that share the domain's words. Each synthetic
answer therefore

- is about a topic: one domain word that the real answers' questions use (weighted by
  how often they do, so "izin", "ktp", "sekolah" recur as they would) and one or two
  specific words from the Indonesian lexicon (Debian's hunspell-id stems, drawn Zipf-like,
  so the vocabulary keeps growing as a real one does);
- asks its question in one of many service phrasings;
- answers in text generated from the real answers' word pairs (a bigram chain that
  starts each sentence afresh and puts the topic's words in place of some content words),
  so word frequencies, punctuation and sentence shapes follow the real corpus while no
  answer is a copy of one; its length follows the real answers' lengths, spread wider.

So a query's words meet many answers on neighbouring topics ("izin" in hundreds of
answers), as they would in a real corpus of that size. `corpus_profile()` prints how the
synthetic corpus compares with the real one. `SEARCH_BENCH_CORPUS=templates` gives the
earlier generator (topic words framed in ten fixed sentences) for comparison.
"""

import random
import re
import statistics
from pathlib import Path

from search.text import is_stopword

HUNSPELL_ID = Path("/usr/share/hunspell/id_ID.dic")
TOKEN_RE = re.compile(r"\S+")
WORD_RE = re.compile(r"[a-z][a-z-]*")
SENTENCE_END = (".", "?", "!", ":")
TOPIC_SHARE = 0.15  # of the content words in an answer's text that become its topic words

QUESTIONS = [
    "Bagaimana cara mengurus {a} {b} di kelurahan?",
    "Apa syarat mengajukan {a} untuk {b}?",
    "Ke mana melaporkan {a} {b} yang mengganggu warga?",
    "Apakah {a} {b} dikenai biaya?",
    "Siapa yang menangani {a} di lingkungan {b}?",
    "Berapa lama proses {a} {b} di dinas terkait?",
    "Apa yang harus dilakukan jika {a} {b} rusak atau hilang?",
    "Di mana warga bisa mendapatkan layanan {a} {b}?",
    "Bagaimana prosedur pendaftaran {a} bagi {b}?",
    "Apakah {a} {b} memerlukan izin dari pemerintah kota?",
    "Apa itu {a} {b} dan siapa yang berhak?",
    "Bagaimana memperpanjang {a} {b} yang sudah habis masa berlakunya?",
    "Kapan jadwal layanan {a} {b} dibuka?",
    "Bisakah {a} {b} diurus secara daring?",
    "Apa sanksi bagi pelanggaran {a} {b}?",
    "Bagaimana mengajukan keberatan atas keputusan {a} {b}?",
    "Dokumen apa saja yang diperlukan untuk {a} {b}?",
    "Apakah ada bantuan pemerintah untuk {a} {b}?",
    "Bagaimana cara mengecek status {a} {b}?",
    "Siapa yang bisa dihubungi soal {a} {b} di kecamatan?",
    "Mengapa permohonan {a} {b} ditolak?",
    "Bolehkah {a} {b} diwakilkan kepada keluarga?",
]
CATEGORIES = [
    "pengaduan-lapor",
    "kependudukan",
    "perizinan",
    "kesehatan",
    "pendidikan",
    "sosial",
    "infrastruktur",
    "lingkungan",
]


def lexicon_words(fallback_rows):
    """Plain Indonesian word stems, 5-12 letters (affix flags stripped)."""
    if HUNSPELL_ID.exists():
        lines = HUNSPELL_ID.read_text(encoding="utf-8", errors="ignore").splitlines()[1:]
        found = {line.split("/")[0] for line in lines}
    else:
        found = set()
        for row in fallback_rows:
            found.update(re.findall(r"[a-z]+", (row["question"] + " " + row["answer"]).lower()))
    return sorted(w for w in found if w.isalpha() and w.islower() and 5 <= len(w) <= 12)


def is_content(token):
    word = token.lower().strip(".,;:?!()\"'")
    return bool(WORD_RE.fullmatch(word)) and len(word) > 3 and not is_stopword(word)


class WordPairs:
    """A bigram chain over the real answers' tokens (words with their punctuation)."""

    def __init__(self, texts):
        self.successors, self.starts = {}, []
        for text in texts:
            tokens = TOKEN_RE.findall(text)
            previous = None
            for token in tokens:
                if previous is None or previous.endswith(SENTENCE_END):
                    self.starts.append(token)
                else:
                    self.successors.setdefault(previous, []).append(token)
                previous = token

    def text(self, rng, length, topic):
        """About `length` tokens in sentences; some content words become topic words."""
        out = []
        while len(out) < length:
            token = rng.choice(self.starts)
            sentence = []
            while True:
                if is_content(token) and rng.random() < TOPIC_SHARE:
                    tail = token[len(token.rstrip(".,;:?!")) :]
                    sentence.append(rng.choice(topic) + tail)
                else:
                    sentence.append(token)
                following = self.successors.get(token)
                if token.endswith(SENTENCE_END) or not following or len(sentence) > 40:
                    break
                token = rng.choice(following)
            if not sentence[-1].endswith(SENTENCE_END):
                sentence[-1] += "."
            out.extend(sentence)
        return " ".join(out)


def domain_words(rows):
    """The real questions' and tags' content words with how many answers use them."""
    counts = {}
    for row in rows:
        text = " ".join([row["question"], *row.get("tags", [])]).lower()
        for word in set(re.findall(r"[a-z][a-z-]{3,}", text)):
            if not is_stopword(word):
                counts[word] = counts.get(word, 0) + 1
    words = sorted(counts)
    return words, [counts[w] for w in words]


def synthetic_answers(rows, count, seed=4, kind=None):
    """`count` answer rows (id, question, answer, tags, category) on their own topics."""
    import os

    kind = kind or os.environ.get("SEARCH_BENCH_CORPUS", "realistic")
    if kind == "templates":
        yield from template_answers(rows, count, seed)
        return
    rng = random.Random(seed)
    pairs = WordPairs(row["answer"] for row in rows)
    known, known_weights = domain_words(rows)
    vocabulary = lexicon_words(rows)
    rng.shuffle(vocabulary)
    new_weights = [1 / (rank + 50) for rank in range(len(vocabulary))]
    lengths = [len(row["answer"].split()) for row in rows]
    category_of = [row["category"] for row in rows]
    for n in range(count):
        domain = rng.choices(known, weights=known_weights)[0]
        specific = rng.choices(vocabulary, weights=new_weights, k=3)
        a, b = (domain, specific[0]) if rng.random() < 0.5 else (specific[0], domain)
        question = rng.choice(QUESTIONS).format(a=a, b=b)
        length = int(rng.choice(lengths) * rng.uniform(0.5, 1.5))
        answer = pairs.text(rng, length, [domain, *specific])
        yield {
            "id": f"syn-{seed}-{n:06d}",
            "question": question[0].upper() + question[1:],
            "answer": answer,
            "tags": [domain, specific[0]],
            "category": rng.choice(category_of),
        }


TEMPLATE_SENTENCES = [
    "Warga dapat mengajukan permohonan {a} melalui kantor kelurahan atau dinas terkait.",
    "Siapkan fotokopi KTP-el, kartu keluarga, dan dokumen pendukung tentang {b}.",
    "Petugas akan memeriksa berkas {a} dalam beberapa hari kerja.",
    "Jika ada kendala dengan {b}, sampaikan laporan melalui kanal LAPOR! dengan bukti foto.",
    "Layanan {a} tidak dipungut biaya kecuali yang ditetapkan peraturan daerah.",
    "Informasi jadwal dan persyaratan {a} diumumkan di situs resmi pemerintah kota.",
    "Untuk {c}, hubungi unit layanan pada jam kerja.",
    "Pastikan data {b} sesuai sebelum permohonan dikirim.",
    "Pengaduan tentang {a} {c} ditindaklanjuti oleh perangkat daerah yang berwenang.",
    "Simpan nomor pelacakan untuk memantau tindak lanjut {a}.",
]


def template_answers(rows, count, seed=4):
    """The earlier generator: lexicon topic words in ten fixed sentences (comparison)."""
    rng = random.Random(seed)
    vocabulary = lexicon_words(rows)
    rng.shuffle(vocabulary)
    weights = [1 / (rank + 10) for rank in range(len(vocabulary))]
    for n in range(count):
        a, b, c = rng.choices(vocabulary, weights=weights, k=3)
        question = rng.choice(QUESTIONS[:10]).format(a=a, b=b)
        answer = " ".join(
            s.format(a=a, b=b, c=c) for s in rng.sample(TEMPLATE_SENTENCES, k=rng.randint(4, 6))
        )
        yield {
            "id": f"syn-{seed}-{n:06d}",
            "question": question[0].upper() + question[1:],
            "answer": answer,
            "tags": [a, b],
            "category": rng.choice(CATEGORIES),
        }


def corpus_profile(rows, probes=("izin", "ktp-el", "sekolah", "sampah", "jalan", "laporan")):
    """Figures to compare a corpus with the real one: length, vocabulary, and the share
    of answers that contain a few common query words."""
    texts = [f"{row['question']} {row['answer']}".lower() for row in rows]
    tokens = [re.findall(r"[a-z][a-z-]+", text) for text in texts]
    profile = {
        "answers": len(rows),
        "median_words": statistics.median(len(t) for t in tokens),
        "p10_p90_words": tuple(
            round(q) for q in statistics.quantiles([len(t) for t in tokens], n=10)[::8]
        ),
        "distinct_words": len({w for t in tokens for w in t}),
        "distinct_questions_words": len(
            {w for row in rows for w in re.findall(r"[a-z]+", row["question"].lower())}
        ),
    }
    for probe in probes:
        share = sum(1 for t in tokens if probe in t) / len(rows)
        profile[f"share_{probe}"] = round(share, 3)
    return profile
