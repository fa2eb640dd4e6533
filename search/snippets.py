"""Highlighted snippets computed from a hit's own text: what the database
engine shows (OpenSearch highlights in the engine, search.engines.opensearch)."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.folding import fold

WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 200


def _wanted(words, corrections):
    wanted = set(words)
    for alternatives in corrections.values():
        wanted.update(alternatives)
    return wanted


def _matches(text, wanted):
    return [
        match.span()
        for match in WORD.finditer(text)
        if fold(match.group()).lower() in wanted
    ]


def _window(text, spans, length):
    if len(text) <= length:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 4)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    return start, end


def highlight(text, words, corrections=None, length=SNIPPET_LENGTH):
    """An HTML excerpt of `text` around the first matched word, every matched
    word in <mark>; empty when nothing matches."""
    text = unicodedata.normalize("NFC", " ".join((text or "").split()))
    spans = _matches(text, _wanted(words, corrections or {}))
    if not spans:
        return ""
    start, end = _window(text, spans, length)
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 (escaped above)


def best_snippet(texts, words, corrections=None):
    """The first of `texts` that has a match, highlighted."""
    for text in texts:
        snippet = highlight(text, words, corrections)
        if snippet:
            return snippet
    return ""
