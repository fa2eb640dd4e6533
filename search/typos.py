"""One-letter typo tolerance for the database engine: query words missing from
the vocabulary of indexed words are widened with the known words one edit
away ("giamg" -> "giang"). OpenSearch does the same with `fuzziness`."""

import re

from search.folding import fold

WORD = re.compile(r"\w+")
# Words shorter than this are taken as typed: one edit in "toan" is another word.
TYPO_MIN_LENGTH = 5
MAX_WORD_LENGTH = 40
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
LOOKUP_CHUNK = 900


def words(text):
    """Folded, lower-case words: "Bài giảng Đồng Văn" -> ["bai", "giang", "dong", "van"]."""
    return WORD.findall(fold(text).lower())


def record(texts):
    """Add the words of `texts` to the vocabulary (called when text is indexed)."""
    from search.models import Term

    seen = {
        word
        for text in texts
        for word in words(text)
        if TYPO_MIN_LENGTH - 1 <= len(word) <= MAX_WORD_LENGTH
    }
    Term.objects.bulk_create(
        [Term(word=word) for word in sorted(seen)],
        ignore_conflicts=True,
        batch_size=500,
    )


def edits(word):
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    inserts = {a + c + b for a, b in splits for c in ALPHABET}
    return (deletes | transposes | replaces | inserts) - {word}


def _known(candidates):
    from search.models import Term

    candidates = sorted(candidates)
    found = set()
    for start in range(0, len(candidates), LOOKUP_CHUNK):
        chunk = candidates[start : start + LOOKUP_CHUNK]
        found.update(Term.objects.filter(word__in=chunk).values_list("word", flat=True))
    return found


def corrections(query_words):
    """{word: [known words one edit away]} for the long query words that no
    indexed text contains."""
    long_words = {w for w in query_words if len(w) >= TYPO_MIN_LENGTH}
    unknown = long_words - _known(long_words)
    if not unknown:
        return {}
    variants = {word: edits(word) for word in unknown}
    known = _known(set().union(*variants.values()))
    return {
        word: sorted(variants[word] & known)
        for word in sorted(unknown)
        if variants[word] & known
    }
