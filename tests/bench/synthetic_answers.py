"""A large knowledge base of answers on their own topics, for measuring search at scale.

A city's real knowledge base grows by new topics, not by copies of the old answers: each
synthetic answer is about two or three topic words drawn (Zipf-like, so some topics recur
as in real life) from the Indonesian lexicon (Debian's hunspell-id stems; the sample's own
vocabulary when the dictionary is absent), framed in the service phrasing every answer
shares ("Bagaimana cara mengurus ...", "Ke mana melaporkan ...", "syarat", "dinas",
"kelurahan"). So the generic words compete as they would in a real corpus of 10,000
answers, while the topic vocabulary grows as a real one does.
"""

import random
import re
from pathlib import Path

HUNSPELL_ID = Path("/usr/share/hunspell/id_ID.dic")

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
]
SENTENCES = [
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


def synthetic_answers(rows, count, seed=4):
    """`count` answer rows (id, question, answer, tags, category) on their own topics."""
    rng = random.Random(seed)
    vocabulary = lexicon_words(rows)
    rng.shuffle(vocabulary)
    weights = [1 / (rank + 10) for rank in range(len(vocabulary))]
    for n in range(count):
        a, b, c = rng.choices(vocabulary, weights=weights, k=3)
        question = rng.choice(QUESTIONS).format(a=a, b=b)
        answer = " ".join(
            s.format(a=a, b=b, c=c) for s in rng.sample(SENTENCES, k=rng.randint(4, 6))
        )
        yield {
            "id": f"syn-{seed}-{n:06d}",
            "question": question[0].upper() + question[1:],
            "answer": answer,
            "tags": [a, b],
            "category": rng.choice(CATEGORIES),
        }
