"""Colloquial (Jakarta-style) Indonesian verb forms read as their standard root.

Citizens write "nutupin", "didatengin", "ngajuin", "kepotong", "dapet": the affixes of
everyday speech (-in for -kan/-i, the nasal prefixes ng-/nge-/ny-/n-/m-, passive ke-,
-nya) and its vowels ("dateng" for "datang", "sampe" for "sampai"). The dictionary knows
none of these forms and the spelling corrector, bound to one or two edits, guesses wrong.

`candidates()` undoes the affixes in every way the rules allow; the query builder keeps
the first candidate that the dictionary knows *and* the answers contain (or drops the
word when that is a stop word: "dapet" is "dapat"), and only for a word the dictionary
does not know, so a valid word is never rewritten.
"""

VOWELS = "aiueo"
# Suffixes of speech, longest first; "-nya" may follow "-in" ("benerinnya").
SUFFIXES = ("innya", "inya", "nya", "in")
# The standard suffix a stripped "-in" stands for: none (the root), "-kan" or "-i".
IN_SUFFIX_FORMS = ("", "kan", "i")
# Plain prefixes: passive di-, accidental ke- ("kepotong"), and the nasal nge- before a
# one-syllable-looking root ("ngecek", "ngelapor").
PLAIN_PREFIXES = ("di", "ke", "nge")
# A nasal prefix and the root's first letter it replaced ("nutup" <- "tutup").
NASAL_PREFIXES = (
    ("ny", ("s", "c")),  # nyari <- cari, nyampe <- sampe
    ("ng", ("", "k")),  # ngurus <- urus, ngirim <- kirim
    ("n", ("t",)),  # nulis <- tulis, nipu <- tipu
    ("m", ("p",)),  # mukul <- pukul, minjem <- pinjem
)
MIN_ROOT = 3


def _vowel_forms(root):
    """The root, and its standard vowels: "e" of the last syllable is often "a"
    ("dateng" -> "datang", "cepet" -> "cepat"), a final "e" often "ai" ("sampe")."""
    forms = [root]
    if root.endswith("e") and len(root) > MIN_ROOT:
        forms.append(root[:-1] + "ai")
    last = root.rfind("e")
    if 0 < last >= len(root) - 3 and last < len(root) - 1:
        forms.append(root[:last] + "a" + root[last + 1 :])
    return forms


def _unprefixed(word):
    """The word without a prefix of speech, in every way the prefixes allow."""
    found = [word]
    if any(word.startswith(prefix) for prefix, _replaced in NASAL_PREFIXES):
        # The standard form keeps the nasal behind me-: "nipu" -> "menipu", "ngurus" ->
        # "mengurus". Tried first: the stemmer reads "menipu" as "ipu", not as "tipu".
        found.append("me" + word)
    for prefix in PLAIN_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ROOT:
            found.append(word[len(prefix) :])
    if word.startswith("ke") and word.endswith("an") and len(word) - 4 >= MIN_ROOT:
        found.append(word[2:-2])  # ke-...-an: "ketauan" <- "tau"
    for prefix, replaced in NASAL_PREFIXES:
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < MIN_ROOT or rest[0] not in VOWELS:
            continue
        found.extend(first + rest for first in replaced)
    return found


def candidates(word):
    """Standard forms a colloquial word may stand for, most likely first; the word itself
    is not among them."""
    stems = [(word, False)]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_ROOT:
            stems.append((word[: -len(suffix)], suffix.startswith("in")))
            break
    out = []
    for base, had_in in stems:
        for unprefixed in _unprefixed(base):
            for root in _vowel_forms(unprefixed):
                forms = IN_SUFFIX_FORMS if had_in else ("",)
                for form in forms:
                    candidate = root + form
                    if candidate != word and len(candidate) >= MIN_ROOT and candidate not in out:
                        out.append(candidate)
    return out
