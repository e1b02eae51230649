"""Non-English articles: translate paragraph by paragraph, then map evidence back.

A small local model reads English far better than Arabic or Urdu (measured: on the Arabic
seed it answered in Arabic and named the wrong people). So a non-English article is first
translated in one call, its paragraphs numbered `[1]`, `[2]`, ... so the translation can be
aligned with the original. Extraction and grounding run on the English text; then every
evidence span is mapped to the ORIGINAL paragraph it came from (`alignment: "translated"`),
and refined to the exact original phrase where code can find it (an ordinal, a quotation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from . import places
from .extract import LANGUAGE_NAMES, meeting_cue
from .llm import Message, ModelClient, Usage
from .prompt_files import load_prompt
from .reading import Article, sha256_text

_MARKER = re.compile(r"^\s*\[(\d{1,3})\]\s*", re.M)
_QUOTATION = re.compile(r"“([^”]{3,})”|«([^»]{3,})»|\"([^\"]{3,})\"")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Piece:
    """English text [start, end) translates original paragraph `source`."""

    start: int
    end: int
    source: Paragraph


@dataclass(frozen=True)
class Translation:
    original: str
    english: str
    pieces: tuple[Piece, ...]
    missing: tuple[int, ...]  # paragraph numbers the translation left out

    def by_paragraph(self) -> dict[Paragraph, str]:
        """The English of each translated paragraph of the original."""
        return {p.source: self.english[p.start : p.end] for p in self.pieces}

    def paragraph_at(self, english_offset: int) -> Paragraph | None:
        for piece in self.pieces:
            if piece.start <= english_offset < piece.end:
                return piece.source
        return None


def paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines, trimmed, with their offsets in the text."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        if not line.strip():
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        end = match.end() - (len(line) - len(line.rstrip()))
        found.append(Paragraph(start, end))
    return found


#: Common words that read as a place's name: French "réunion" (a meeting) is not Réunion,
#: Russian "того" ("of that") is not Togo.
_WORDS_NOT_NAMES = frozenset({"réunion", "réunions", "того", "Того"})


def _may_be_a_name(phrase: str) -> bool:
    """Whether a phrase can be a name: not a common word that reads as one, and a word of three
    letters or fewer is an acronym only in capitals (French "au" and "Au", "to the", are not
    the AU; "un", "a", is not the UN)."""
    if any(word in _WORDS_NOT_NAMES for word in phrase.split()):
        return False  # "la réunion"
    letters = [c for c in phrase if c.isalpha()]
    cased = [c for c in letters if c.lower() != c.upper()]
    if len(letters) > 3 or " " in phrase or not cased:
        return True
    return all(c.isupper() for c in cased)


def glossary(text: str, *, limit: int = 12) -> list[tuple[str, str]]:
    """Country, organisation and city names code recognises in the text: (as written, English).

    Found with the multilingual gazetteer of normalize.py over runs of one to three words, so
    the translator is told, e.g., that "باكستان" is Pakistan rather than left to guess.
    """
    from . import normalize

    words = re.findall(r"[^\s،,.:;()“”\"«»]+", text)
    found: dict[str, str] = {}
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in found or any(phrase in longer for longer in found):
                continue
            after = words[i + size] if i + size < len(words) else ""
            if not _may_be_a_name(phrase) or places.financial(phrase, after):
                continue
            code = normalize.party_code(phrase)
            if code:
                found[phrase] = normalize.party_name(code)
                continue
            city = normalize.city_info(phrase, extended=False)
            if city:
                found[phrase] = city[0]
            if len(found) >= limit:
                break
    return [(k, v) for k, v in found.items() if k != v]


def translation_messages(article: Article, paras: list[Paragraph], language: str) -> list[Message]:
    prompt = load_prompt("translate_article")
    header = prompt.header(count=len(paras), language=LANGUAGE_NAMES.get(language, language))
    names = glossary(article.text)
    if names:
        header += "\nNames in this article (use these English names): " + "; ".join(
            f"{written} = {english}" for written, english in names
        )
    numbered = "\n\n".join(
        f"[{i + 1}] {article.text[p.start : p.end]}" for i, p in enumerate(paras)
    )
    return [
        {"role": "system", "content": prompt.system},
        {"role": "user", "content": header + "\n\n<article>\n" + numbered + "\n</article>"},
    ]


def align(original: str, paras: list[Paragraph], translated: str) -> Translation:
    """Build the English text from the marked translation, remembering each piece's source."""
    chunks: dict[int, str] = {}
    marks = list(_MARKER.finditer(translated))
    for i, mark in enumerate(marks):
        number = int(mark.group(1))
        end = marks[i + 1].start() if i + 1 < len(marks) else len(translated)
        body = " ".join(translated[mark.end() : end].split())
        if 1 <= number <= len(paras) and body and number not in chunks:
            chunks[number] = body
    return _assembled(original, paras, chunks)


def _assembled(original: str, paras: list[Paragraph], chunks: dict[int, str]) -> Translation:
    """The English text of the translated paragraphs (``chunks``, by number) in order, each
    piece remembering its source."""
    english_parts: list[str] = []
    pieces: list[Piece] = []
    offset = 0
    for number in sorted(chunks):
        body = chunks[number]
        pieces.append(Piece(offset, offset + len(body), paras[number - 1]))
        english_parts.append(body)
        offset += len(body) + 2
    missing = tuple(n for n in range(1, len(paras) + 1) if n not in chunks)
    return Translation(original, "\n\n".join(english_parts), tuple(pieces), missing)


def translate_article(
    article: Article, client: ModelClient, *, language: str, max_tokens: int
) -> tuple[Translation, Usage]:
    paras = paragraphs(article.text)
    text, usage = client.complete(
        translation_messages(article, paras, language), max_tokens=max_tokens
    )
    return align(article.text, paras, text), usage


#: Words of a non-English original that report a meeting in so many words: Urdu "met",
#: "talks", "by telephone"; Arabic "talks", "a phone call", "received", "met"; Chinese
#: "talks", "met", "a phone call", "consultations"; Russian "talks", "met", "consultations";
#: French "held talks", "met", "consultations".
NATIVE_MEETING_CUE = re.compile(
    r"ملاقات\s+(?:کی|ہوئی)|مذاکرات|ٹیلی\s*فون|فون\s+پر|"
    r"مباحثات|محادثات|اتصالا?\s+هاتفي|التقى|استقبل|"
    r"会谈|会见|会晤|通电话|磋商|"
    r"переговор|встретил|встреч[аи]|телефонн\w+\s+разговор|консультаци|"
    r"s['’]est\s+entretenue?|se\s+sont\s+entretenu|rencontr[ée]|consultations",
    re.IGNORECASE,
)


def lost_meeting_paragraphs(translation: Translation) -> list[int]:
    """The numbers of the paragraphs of the original that report a meeting in so many words
    (``NATIVE_MEETING_CUE``) while their English reports none (``meeting_cue``, or the
    translation left them out): where a translation that became another story lost the
    meeting (the 1.5B model turned an Urdu cotton report's «... سے ملاقات کی» into a
    company's components)."""
    english = translation.by_paragraph()
    return [
        number
        for number, para in enumerate(paragraphs(translation.original), start=1)
        if NATIVE_MEETING_CUE.search(translation.original, para.start, para.end)
        and meeting_cue(english.get(para, "")) is None
    ]


def retranslate_paragraphs(
    article: Article,
    translation: Translation,
    numbers: list[int],
    client: ModelClient,
    *,
    language: str,
    max_tokens: int,
) -> tuple[Translation, Usage]:
    """``translation`` with the paragraphs ``numbers`` of the original translated again, on
    their own (the article's request, for those paragraphs only); a paragraph the answer
    leaves out keeps its first English."""
    paras = paragraphs(article.text)
    chosen = [paras[n - 1] for n in numbers]
    text, usage = client.complete(
        translation_messages(article, chosen, language), max_tokens=max_tokens
    )
    again = align(article.text, chosen, text)
    number = {para: n for n, para in enumerate(paras, start=1)}
    english = translation.by_paragraph() | again.by_paragraph()
    chunks = {number[para]: body for para, body in english.items()}
    return _assembled(article.text, paras, chunks), usage


def english_article(article: Article, translation: Translation) -> Article:
    """The same article (path, outlet, publication date) with the English text."""
    return replace(article, text=translation.english, sha256=sha256_text(translation.english))


def map_span(span: dict[str, Any], translation: Translation) -> dict[str, Any] | None:
    para = translation.paragraph_at(int(span["start"]))
    if para is None:
        return None
    return {
        **span,
        "start": para.start,
        "end": para.end,
        "text": translation.original[para.start : para.end],
        "alignment": "translated",
    }


def map_evidence(data: Any, translation: Translation) -> Any:
    """Walk a dumped record: every span into the English text becomes one into the original."""
    if isinstance(data, dict):
        if {"start", "end", "text"} <= data.keys() and isinstance(data.get("start"), int):
            return map_span(data, translation)
        out = {}
        for key, value in data.items():
            mapped = map_evidence(value, translation)
            if isinstance(value, list):
                mapped = [v for v in mapped if v is not None]
            out[key] = mapped
        return out
    if isinstance(data, list):
        return [map_evidence(v, translation) for v in data]
    return data


def original_quotation(paragraph_text: str) -> tuple[int, str] | None:
    """The first quotation inside a paragraph of the original: (offset in paragraph, text)."""
    match = _QUOTATION.search(paragraph_text)
    if not match:
        return None
    group = next(i for i in (1, 2, 3) if match.group(i))
    return match.start(group), match.group(group)
