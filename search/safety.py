"""Queries from someone who may be in danger: they always get the help answer first.

A citizen who types "suami mukul istri", "anak dibully di sekolah" or "i want to kill
myself" must never see an empty page, whatever the relevance threshold thinks. Any query
with one of the words or phrases below puts the help answer (the page whose source id is
`SEARCH_HELP_ANSWER_SOURCE_ID`: SAPA 129, UPTD PPA, 110/112) first, in the query's
language, and the results page shows the emergency numbers. The lists are matched on
normalised words and on their stems, in Indonesian (formal, informal and the English
loanwords people use) and English.
"""

from functools import lru_cache

from django.conf import settings

from .text import standardise, stem, words

# Single words, as typed or as their stem ("dipukuli" -> "pukul").
DISTRESS_WORDS = {
    "id": set(
        """kdrt kekerasan mukul mukulin memukul dipukul dipukuli dipukulin gebuk digebuk
        digebukin hajar dihajar tampar ditampar nampar tendang ditendang nendang aniaya
        dianiaya penganiayaan siksa disiksa nyiksa penyiksaan cekik dicekik jambak dijambak
        bully dibully dibuli bullying rundung dirundung perundungan leceh dilecehkan
        pelecehan lecehin perkosa diperkosa pemerkosaan perkosaan cabul dicabuli pencabulan
        ancam diancam ngancam ancaman sekap disekap culik diculik penculikan sextortion
        pemerasan diperas bacok dibacok tusuk ditusuk kdp kbgo kbg trafficking eksploitasi
        dieksploitasi""".split()
    ),
    "en": set(
        """abuse abused abusive abuser beats beaten beating punch
        punched kicked choke choked strangled bully bullied bullying bullies harass
        harassed harassment harassing grope groped rape raped rapist assault assaulted
        molest molested stalk stalked stalker stalking threaten threatened threatening
        blackmail blackmailed sextortion suicide suicidal trafficking trafficked kidnap
        kidnapped violence violent""".split()
    ),
}
# Phrases (all words must appear in this order, anything between allowed).
DISTRESS_PHRASES = {
    "id": [
        ("bunuh", "diri"),
        ("akhiri", "hidup"),
        ("mengakhiri", "hidup"),
        ("ingin", "mati"),
        ("mau", "mati"),
        ("pengen", "mati"),
        ("lebih", "baik", "mati"),
        ("sakiti", "diri"),
        ("menyakiti", "diri"),
        ("lukai", "diri"),
        ("sebar", "foto"),
        ("sebarin", "foto"),
        ("foto", "bugil"),
        ("video", "bugil"),
        ("dalam", "bahaya"),
        ("nyawa", "terancam"),
        ("perdagangan", "orang"),
        ("jual", "anak"),
    ],
    "en": [
        ("kill", "myself"),
        ("end", "my", "life"),
        ("want", "to", "die"),
        ("hurt", "myself"),
        ("self", "harm"),
        ("domestic", "violence"),
        ("hits", "me"),
        ("hit", "me"),
        ("in", "danger"),
        ("not", "safe"),
        ("unsafe", "at", "home"),
        ("leak", "my"),
        ("share", "my", "photos"),
        ("touched", "me"),
    ],
}


# Stems that are also everyday words ("pukul 10" is ten o'clock, "suara keras" is loud).
EVERYDAY_STEMS = {"pukul", "keras", "tusuk", "beat", "hit"}


def _contains(sequence, phrase):
    position = 0
    for word in phrase:
        try:
            position = sequence.index(word, position) + 1
        except ValueError:
            return False
    return True


@lru_cache(maxsize=4)
def _listed_stems(code):
    return {stem(w, code) for w in DISTRESS_WORDS[code] if len(w) > 4} - EVERYDAY_STEMS


def is_distress_query(text, language="id"):
    """Does the query speak of violence, abuse, bullying, suicide or danger?

    Both languages' lists are checked: people mix them ("anak dibully", "kena bully").
    """
    raw = words(text)
    for code in ("id", "en"):
        tokens = standardise(raw, code)
        listed = DISTRESS_WORDS[code]
        listed_stems = _listed_stems(code)
        if any(t in listed or stem(t, code) in listed_stems for t in tokens):
            return True
        if any(_contains(raw, p) or _contains(tokens, p) for p in DISTRESS_PHRASES[code]):
            return True
    return False


def help_answer_source_id():
    return getattr(settings, "SEARCH_HELP_ANSWER_SOURCE_ID", "kb-218")
