"""One article to one ArticleBrief: read -> propose (model) -> ground + normalise (code) -> brief.

"The model proposes, code verifies": every fact the model proposes is looked up in the
article; a fact whose support is not found is dropped and listed in `rejected`, unless the
caller asked to keep ungrounded facts (they are then kept, marked by empty evidence).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Protocol

from . import (
    cyrillic,
    dating,
    from_mention,
    from_text,
    gazetteer,
    injection,
    led_by,
    mechanisms,
    name_lexicon,
    normalize,
    places,
    romanize,
    subjects,
    titles,
    towns,
)
from .config import Settings
from .errors import ArticleTooLongError
from .extract import ArticleFacts, MeetingProposal, propose, translate
from .grounding import find_any
from .llm import ModelClient, Usage
from .prompt_files import prompt_versions
from .reading import Article
from .records import (
    SCHEMA_VERSION,
    ArticleBrief,
    Delegation,
    Framework,
    Location,
    MeetingDate,
    MeetingRecord,
    MeetingStatus,
    NextMeeting,
    Outcome,
    Party,
    Person,
    Quote,
    Rejected,
    RunInfo,
    SourceInfo,
    Span,
    Topic,
)
from .translation import (
    NATIVE_MEETING_CUE,
    Translation,
    english_article,
    lost_meeting_paragraphs,
    map_evidence,
    original_quotation,
    retranslate_paragraphs,
    translate_article,
)

#: Bump when grounding or normalisation changes what a brief contains: it is part of the
#: cache key, so results made by older code are not served as current.
PIPELINE_VERSION = "30"
#: Tokens the system prompt and the tool schema take (measured: about 1,500 with Qwen2.5).
PROMPT_OVERHEAD_TOKENS = 1600
OPENAI_CONTEXT = 128_000
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F]")
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", "”": "”"}
_QUOTE_OPEN = "".join(_QUOTE_PAIRS)
_SENTENCE_END = re.compile(r"[.!?؟。]\s|\n")


# ---- size ----------------------------------------------------------------------------------


def estimate_tokens(text: str) -> int:
    """A conservative token estimate: ~4 chars/token for Latin text, ~1.6 for other scripts."""
    latin = len(text.encode("ascii", "ignore"))  # the ASCII characters, counted in C
    return int(latin / 3.5 + (len(text) - latin) / 1.6) + 1


def context_limit(settings: Settings) -> int:
    if settings.provider == "local":
        return settings.n_ctx - PROMPT_OVERHEAD_TOKENS - settings.max_tokens
    return OPENAI_CONTEXT - PROMPT_OVERHEAD_TOKENS - settings.max_tokens


def check_fits(article: Article, settings: Settings) -> None:
    tokens = estimate_tokens(article.text)
    limit = context_limit(settings)
    if tokens > limit:
        raise ArticleTooLongError(path=article.label, tokens=tokens, limit=limit)


def cache_key(article: Article, client: ModelClient, settings: Settings) -> str:
    """Identity of a result: same article, prompts, model and output-relevant settings."""
    return cache_key_for(article, client.provider, client.model, settings)


def cache_key_for(article: Article, provider: str, model: str, settings: Settings) -> str:
    basis = {
        "sha256": article.sha256,
        "published": article.published,
        "prompts": prompt_versions(),
        "provider": provider,
        "model": model,
        "max_tokens": settings.max_tokens,
        "temperature": settings.temperature,
        "keep_ungrounded": settings.keep_ungrounded,
        "schema": SCHEMA_VERSION,
        "pipeline": PIPELINE_VERSION,
    }
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()


# ---- grounding helpers -------------------------------------------------------------------


@dataclass
class Grounder:
    """Grounds phrases in one article and collects what failed."""

    text: str
    keep_ungrounded: bool = False
    threshold: float = 0.8
    rejected: list[Rejected] = field(default_factory=list)

    def span(self, *phrases: str | None, near: int | None = None) -> Span | None:
        candidates = [p for p in phrases if p and p.strip()]
        if not candidates:
            return None
        return find_any(self.text, candidates, threshold=self.threshold, near=near)

    def reject(self, where: str, value: object, reason: str, evidence: str | None = None) -> None:
        self.rejected.append(
            Rejected(
                field=where,
                value=None if value is None else str(value),
                reason=reason,
                proposed_evidence=evidence,
            )
        )

    def expand_sentence(self, span: Span) -> Span:
        """Widen a span to the end of its sentence (outcomes are stated by sentences)."""
        match = _SENTENCE_END.search(self.text, span.end)
        end = match.start() + 1 if match else len(self.text)
        end = min(end, span.start + 600)
        while end > span.end and self.text[end - 1].isspace():
            end -= 1
        return span.model_copy(update={"end": end, "text": self.text[span.start : end]})

    def expand_quotation(self, span: Span) -> Span | None:
        """The whole quotation the span starts in, or None if it is not inside quote marks."""
        start = span.start
        while start < span.end and self.text[start] in _QUOTE_OPEN:
            start += 1
        before = self.text[max(0, start - 3) : start]
        opener = next((ch for ch in reversed(before) if ch in _QUOTE_OPEN), None)
        if opener is None:
            return None
        close = self.text.find(_QUOTE_PAIRS[opener], max(span.end, start + 1))
        if close == -1 or close - start > 1500:
            return None
        return span.model_copy(
            update={"start": start, "end": close, "text": self.text[start:close]}
        )


def _is_latin(text: str) -> bool:
    return not _NON_LATIN_LETTER.search(text)


_CJK_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇两\d]+[轮次届]?")


def ordinal_spans(text: str, value: int) -> list[Span]:
    """Every place in the text where an ordinal equal to `value` is written.

    One word first ("9th", "ninth", "العاشرة"); two words only when neither word alone is the
    ordinal ("twenty first", "第 九").
    """
    spans: list[Span] = []
    for start, fragment, found in _ordinal_candidates(text):
        if found != value:
            continue
        cleaned = fragment.strip(_ORDINAL_STRIP)
        offset = start + fragment.find(cleaned)
        # Chinese writes no spaces: the ordinal is the 第...次 inside the run of characters
        for cjk in _CJK_ORDINAL.finditer(cleaned):
            if normalize.ordinal_value(cjk.group()) == value:
                offset, cleaned = offset + cjk.start(), cjk.group()
                break
        spans.append(Span(start=offset, end=offset + len(cleaned), text=cleaned))
    return spans


_ORDINAL_STRIP = ".,;:()“”\"'«»،"


@functools.lru_cache(maxsize=16)
def _ordinal_candidates(text: str) -> tuple[tuple[int, str, int], ...]:
    """(start, fragment, value) of every word, or pair of words, of ``text`` that reads as an
    ordinal, in text order: a word that is one; else the word and the next, when neither is
    one alone. What ``ordinal_spans`` looks through for any value: it runs several times per
    article on the same text (the meeting's round, its anchors), so the text is read once
    (bounded: the few articles the batch's workers have in hand)."""
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]

    def value_of(fragment: str) -> int | None:
        cleaned = fragment.strip(_ORDINAL_STRIP)
        return normalize.ordinal_value(cleaned) if cleaned else None

    values = [value_of(word) for _, word in words]  # each word read once
    found: list[tuple[int, str, int]] = []
    for i, (start, word) in enumerate(words):
        value = values[i]
        if value == 1 and i and normalize.says_before(words[i - 1][1], word.strip(_ORDINAL_STRIP)):
            continue  # «جس سے پہلے», before which
        if value is not None and i + 1 < len(words):
            # a word that begins a longer ordinal ("الحادي عشر") is read with the next
            nxt_start, nxt = words[i + 1]
            pair = text[start : nxt_start + len(nxt)]
            longer = normalize.longer_ordinal(
                word.strip(_ORDINAL_STRIP), pair.strip(_ORDINAL_STRIP)
            )
            if longer is not None:
                found.append((start, pair, longer))
                continue
        if value is not None:
            found.append((start, word, value))
        elif i + 1 < len(words) and values[i + 1] is None:
            nxt_start, nxt = words[i + 1]
            pair = text[start : nxt_start + len(nxt)]
            pair_value = value_of(pair)
            if pair_value is not None:
                found.append((start, pair, pair_value))
    return tuple(found)


def nearest(spans: list[Span], near: int | None) -> Span | None:
    if not spans:
        return None
    if near is None:
        return spans[0]
    return min(spans, key=lambda s: abs(s.start - near))


def meeting_id(codes: list[str], series: str | None, round_: int | None, when: str | None) -> str:
    """Stable for the same meeting across runs and articles: the date counts only if no round."""
    key = normalize.series_key(series) if series else ""
    basis = "|".join(
        ["+".join(sorted(codes)), key, str(round_ or ""), "" if round_ else when or ""]
    )
    return "mtg_" + hashlib.sha256(basis.encode()).hexdigest()[:12]


#: A bracket, which no name holds.
_BRACKET = re.compile(r"[()\[\]]")
_NAME_AFTER_TITLE = re.compile(
    r"[ ,]{0,3}((?:[A-Z][\w'’.-]+)(?:[ -](?:[A-Z][\w'’.-]+|al|bin|ibn|de|da|van|von|el)){1,3})"
)


#: Words of a meeting, a mechanism or a body, which no person's name has.
_MEETING_WORDS = re.compile(
    r"\b(?:commission|committee|council|working\s+group|dialogue|consultations|meeting|"
    r"session|forum|talks|conference|summit|delegation|ministry|secretariat)\b",
    re.IGNORECASE,
)


def person_name(text: str, name: str, span: Span | None) -> tuple[str, Span | None] | None:
    """The head's name in Latin script and its span, or None if it names no person.

    A party's name is never taken as a person's. When the model gives a job title instead of
    a name ("Chinese Vice Foreign Minister"), the person is the name the article writes right
    after that title ("... Minister Gao Mingyuan").
    """
    name = name.strip()
    if not name or normalize.party_code(name) or normalize.city_info(name):
        return None  # a country or a city is not a person ("Nairobi" as a head)
    if _MEETING_WORDS.search(name):
        return None  # nor a mechanism or a body ("Ministerial Commission" as a head)
    if _NOT_ONE_NAME.search(name) or _BRACKET.search(name):
        return None  # nor a phrase of a garbled translation ("(between the Islamic Affairs)")
    if normalize.looks_like_title(name):
        if span is None:
            return None
        match = _NAME_AFTER_TITLE.match(text, span.end)
        if match is None or normalize.looks_like_title(match.group(1)):
            return None
        start, end = match.span(1)
        name = normalize.clean_person_name(match.group(1))  # without "Mr." or "H.E."
        at = match.group(1).rfind(name) if name else -1
        if at >= 0:
            start += at
            end = start + len(name)
        return text[start:end], Span(start=start, end=end, text=text[start:end])
    return (name if _is_latin(name) else normalize.latinize(name)), span


_SPEAKER_WINDOW = 250
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]{2,}")
_SPEAKER_STOPWORDS = frozenset({"the", "and", "for", "said", "statement", "spokesperson"})


def speaker_named_near(text: str, speaker: str, quotation: Span) -> bool:
    """A quotation's speaker must be named (any name word, or their party or office) within a
    few sentences of it ("..., Baloch said")."""
    window = text[
        max(0, quotation.start - _SPEAKER_WINDOW) : quotation.end + _SPEAKER_WINDOW
    ].casefold()
    words = [w.casefold() for w in _NAME_WORD.findall(speaker)]
    words = [w for w in words if w not in _SPEAKER_STOPWORDS]
    return any(re.search(rf"(?<!\w){re.escape(w)}", window) for w in words)


_TITLE_BREAK = re.compile(r"[.;:!?()\n]\s|[;()\n]|\s(?:by|with|par)\s")


def title_before(text: str, name: Span | None, title: str | None) -> str | None:
    """The whole office written right before a name, when the model's title is its start or
    part of it: title "Director" for "... by Director of the Policy Planning Department Ganbaatar
    Tsogtbayar" -> "Director of the Policy Planning Department"; "General" for
    "Director-General of the Foreign Policy Bureau Kenji Moriwaki" -> "Director-General of
    the Foreign Policy Bureau". None when the title is not written there."""
    if name is None or not title or not title.strip():
        return None
    lead = text[max(0, name.start - 160) : name.start]
    breaks = list(_TITLE_BREAK.finditer(lead))
    if breaks:
        lead = lead[breaks[-1].end() :]
    found = lead.casefold().rfind(title.strip().casefold())
    if found < 0:
        return None
    while found > 0 and (lead[found - 1].isalnum() or lead[found - 1] == "-"):
        found -= 1
    office = " ".join(lead[found:].split()).strip(" ,")
    return office if office and len(office.split()) <= 16 else None


def full_name(text: str, name: str, span: Span | None) -> tuple[str, Span | None]:
    """A head given by surname only ("Baloch") gets the full name the article writes for
    them ("Foreign Secretary Amna Baloch" -> "Amna Baloch"), with that span."""
    if len(name.split()) != 1 or not _is_latin(name):
        return name, span
    pattern = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3})" + re.escape(name) + r"(?!\w)")
    for match in pattern.finditer(text):
        words = match.group(1).split()
        while words and normalize.looks_like_title(words[0]):
            words = words[1:]
        while words and (normalize.party_code(words[0]) or words[0].casefold() in ("the", "and")):
            words = words[1:]
        if not words or any(normalize.looks_like_title(w) for w in words):
            continue
        start = match.start(1) + match.group(1).index(words[0])
        end = match.end()
        return " ".join(text[start:end].split()), Span(start=start, end=end, text=text[start:end])
    return name, span


def meeting_title(round_: int | None, parties: list[Party], series: str | None, kind: str) -> str:
    names = "–".join(pt.name for pt in parties)
    what = "meeting" if kind == "other" else kind.replace("_", " ")  # not "A–B other"
    words = [ordinal(round_) if round_ else None, names, series or what]
    return " ".join(x for x in words if x)


def renamed(m: MeetingRecord) -> None:
    """The meeting's id and title again, after code changed its series, round or date."""
    codes = [pt.code or pt.name for pt in m.parties]
    m.id = meeting_id(codes, m.series, m.round, m.date.value)
    m.title = meeting_title(m.round, m.parties, m.series, m.kind)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---- building a meeting record -----------------------------------------------------------


def verified_status(
    g: Grounder,
    where: str,
    proposed: MeetingStatus,
    sentences: list[tuple[int, int]],
    when: MeetingDate,
    published: date | None,
) -> MeetingStatus:
    """The model's held/announced, checked against the meeting's own sentences and date: a
    meeting dated on or before publication, or reported only in the past tense, was held; one
    reported only in the future tense is announced. "mentioned" is kept as proposed."""
    if proposed == "mentioned":
        return proposed
    # the sentence that dates the meeting says its tense first ("the sixth meeting ..., held
    # in Doha on November 2", in a story whose lead says what "will" follow from it)
    tense = None
    if when.evidence and _exact(when.evidence[0]):
        at = when.evidence[0].start
        tense = from_text.tense_of(g.text, [(s, e) for s, e in sentences if s <= at < e])
    tense = tense or from_text.tense_of(g.text, sentences)
    status: MeetingStatus = proposed
    dated_before = bool(
        published
        and when.value
        and len(when.value) == 10
        and when.value <= published.isoformat()
        and not normalize.is_bare_weekday(when.text)  # "on Tuesday" says no tense
    )
    if proposed == "announced" and (dated_before or tense == "past"):
        status = "held"
    elif proposed == "held" and tense == "future" and not dated_before:
        status = "announced"
    if status != proposed:
        reason = (
            f"dated {when.value}, on or before publication"
            if dated_before and status == "held"
            else f"the meeting's own sentences report it in the {tense} tense"
        )
        g.reject(f"{where}.status", proposed, f"{reason}: {status}")
    return status


def dated(
    g: Grounder,
    where: str,
    span: Span,
    status: str,
    published: date | None,
    language: str,
) -> MeetingDate | None:
    """The meeting date written at ``span``; None (and rejected) if a held meeting would be
    dated after the article's publication."""
    nd = normalize.normalize_date(span.text, published=published, language=language)
    after = published and nd.value and len(nd.value) == 10 and nd.value > published.isoformat()
    if after and status == "held":
        g.reject(
            f"{where}.date",
            nd.value,
            f"a held meeting dated after publication ({published})",
            span.text,
        )
        return None
    return MeetingDate(
        value=nd.value,
        precision=nd.precision,
        text=span.text,
        resolved_from=nd.resolved_from,
        evidence=[span],
    )


def dated_ahead(when: MeetingDate, published: date, language: str) -> MeetingDate:
    """The date of a meeting still to come, a bare weekday ("on Tuesday") or a date without a
    year ("23 March") read forward from publication, not back."""
    nd = normalize.normalize_date(when.text, published=published, language=language, ahead=True)
    return when.model_copy(update={"value": nd.value, "precision": nd.precision})


#: What stands before the name of a larger event a bilateral meeting was held beside ("on
#: the margins of the G20 Foreign Ministers' Meeting", «на полях», «en marge de la»,
#: «على هامش أعمال الدورة»).
_HOST_EVENT_BEFORE = re.compile(
    r"(?:\b(?:margins?|sidelines?)\s+of\s+(?:the\s+)?|на\s+полях|в\s+рамках|"
    r"en\s+marge\s+(?:de\s+la|de\s+l['’]|du|des|de)|"
    r"على\s+هامش(?:\s+أعمال)?(?:\s+(?:الدورة|الاجتماع|القمة|الجولة|المؤتمر))?)\s*$",
    re.IGNORECASE,
)


def _numbers_the_host_event(text: str, ordinal: Span) -> bool:
    """Whether an ordinal numbers the event a meeting was held on the sidelines of ("on the
    sidelines of the seventh ... meeting", «на полях седьмого Совещания»)."""
    return bool(_HOST_EVENT_BEFORE.search(text, max(0, ordinal.start - 30), ordinal.start))


def build_meeting(
    g: Grounder, p: MeetingProposal, index: int, published: date | None, language: str
) -> MeetingRecord | None:
    where = f"meetings[{index}]"
    field_evidence: dict[str, list[Span]] = {}

    # series (anchor for the round's position): the name of a mechanism, never of the plan
    # or agreement the meeting is held under (that one belongs in `framework`)
    series: str | None = None
    framework_names = list(p.framework)
    series_span = g.span(p.series)
    if p.series and series_span and not normalize.is_mechanism(p.series):
        g.reject(
            f"{where}.series",
            p.series,
            "names a plan or agreement, not a meeting mechanism (kept under framework)",
        )
        if not any(normalize.series_key(f) == normalize.series_key(p.series) for f in p.framework):
            framework_names.append(p.series)
        series_span = None
    elif (
        p.series
        and series_span
        and _HOST_EVENT_BEFORE.search(g.text, max(0, series_span.start - 40), series_span.start)
    ):
        g.reject(
            f"{where}.series",
            p.series,
            "the event the meeting was held on the sidelines of, not its mechanism",
        )
        series_span = None
    elif p.series and series_span:
        series = normalize.canonical_series(p.series) or p.series
        field_evidence["series"] = [series_span]
    elif p.series:
        g.reject(f"{where}.series", p.series, "series name not found in the article")
        if g.keep_ungrounded:
            series = normalize.canonical_series(p.series)
    anchor = series_span.start if series_span else None

    # round: the ordinal must be written in the article
    round_: int | None = None
    if p.round is not None:
        found = nearest(ordinal_spans(g.text, p.round), anchor)
        if found and _numbers_the_host_event(g.text, found):
            g.reject(f"{where}.round", p.round, "the number of the event it was held beside")
        elif found:
            round_ = p.round
            field_evidence["round"] = [found]
        else:
            g.reject(f"{where}.round", p.round, f"no ordinal {p.round} in the article")
            round_ = p.round if g.keep_ungrounded else None

    # parties
    parties: list[Party] = []
    for i, proposed in enumerate(p.parties):
        code = normalize.party_of(proposed)
        is_head = any(normalize.same_person(proposed, h.name) for h in p.heads)
        if code is None and (is_head or not normalize.could_be_party(proposed)):
            g.reject(f"{where}.parties[{i}]", proposed, "not a country or organisation")
            continue
        aliases = [proposed, normalize.party_name(code), code] if code else [proposed]
        span = g.span(*aliases, near=anchor)
        if span is None:
            g.reject(f"{where}.parties[{i}]", proposed, "party not named in the article")
            if not g.keep_ungrounded:
                continue
        if code and any(existing.code == code for existing in parties):
            continue
        name = normalize.party_name(code) if code else proposed
        parties.append(Party(name=name, code=code, evidence=[span] if span else []))

    # date
    meeting_date = MeetingDate(value=None, precision="unknown", text=None)
    if p.date_text:
        span = g.span(p.date_text)
        if span is None:
            g.reject(f"{where}.date", p.date_text, "date not found in the article")
        else:
            meeting_date = dated(g, where, span, p.status, published, language) or meeting_date

    # place
    location = Location(city=None, country=None)
    if p.city:
        info = normalize.city_info(p.city)
        span = g.span(p.city, info[0] if info else None)
        if span is None:
            g.reject(f"{where}.location.city", p.city, "city not found in the article")
        else:
            city = info[0] if info else (p.city or span.text)
            location = Location(city=city, country=info[1] if info else None, evidence=[span])

    # what the model left out, read by code from the sentences that carry the meeting's
    # grounded series or city (grounded by construction, and this meeting's own)
    sentences = from_text.meeting_sentences(g.text, [series_span, *location.evidence])
    if round_ is None:
        found_round = from_text.round_in(g.text, sentences)
        # "on the sidelines of the seventh CICA ministerial meeting": the host event's number
        if found_round is not None and not _numbers_the_host_event(g.text, found_round[1]):
            round_ = found_round[0]
            field_evidence["round"] = [found_round[1]]
    if meeting_date.value is None:
        near = series_span.start if series_span else None
        date_span = from_text.date_in(g.text, sentences, near)
        if date_span is not None:
            meeting_date = dated(g, where, date_span, p.status, published, language) or meeting_date
    if series is None and "round" in field_evidence:
        # the mechanism's name as written right after the ordinal that numbers the meeting
        written = from_text.series_after(g.text, field_evidence["round"][0])
        if written is not None:
            series = normalize.canonical_series(written.text) or written.text
            field_evidence["series"] = [written]
            sentences += from_text.meeting_sentences(g.text, [written])
    elif series is not None and round_ is not None:
        fuller = fuller_series(g.text, series, round_)
        if fuller is not None:
            series, field_evidence["series"] = fuller[0], [fuller[1]]
    status = verified_status(g, where, p.status, sentences, meeting_date, published)
    if status == "announced" and published and meeting_date.text:
        meeting_date = dated_ahead(meeting_date, published, language)

    # delegations
    delegations: list[Delegation] = []
    for i, head in enumerate(p.heads):
        # a title or party written into the name ("Minister of Trade, Tovai Abdi") is not it
        cleaned = normalize.clean_person_name(head.name, head.title)
        if cleaned != head.name and g.span(cleaned) is not None:
            office = title_before(g.text, g.span(cleaned), head.title)
            head = head.model_copy(update={"name": cleaned, "title": office or head.title})
        span = g.span(head.name)
        if span is None:
            g.reject(
                f"{where}.delegations[{i}].head.name",
                head.name,
                "person not named in the article",
            )
            if not g.keep_ungrounded:
                continue
        named = person_name(g.text, head.name, span)
        if named is None:
            g.reject(
                f"{where}.delegations[{i}].head.name",
                head.name,
                "a country, organisation or job title, not a person",
            )
            continue
        head_name, span = full_name(g.text, *named)
        if any(normalize.same_person(head_name, d.head.name) for d in delegations):
            continue
        # kept even when not among the meeting's parties: a head may represent a body of a
        # party (the EEAS for the EU)
        code = normalize.party_of(head.party) if head.party else None
        delegations.append(
            Delegation(
                party=code,
                head=Person(
                    name=head_name,
                    title=head.title or None,
                    name_as_written=span.text if span else None,
                ),
                role="head",
                evidence=[span] if span else [],
            )
        )

    # a meeting with one party or none left: the sides are the heads' parties the article names
    for d in delegations:
        if len(parties) >= 2:
            break
        if d.party and not any(pt.code == d.party for pt in parties):
            side = normalize.party_name(d.party)
            party_span = g.span(side, *normalize.COUNTRY_ALIASES.get(d.party, ()), near=anchor)
            if party_span is not None:
                parties.append(Party(name=side, code=d.party, evidence=[party_span]))

    # topics
    topics: list[Topic] = []
    for i, proposed in enumerate(p.topics):
        whole = g.span(proposed) or from_text.topic_span(g.text, proposed)
        # a list given as one topic that the text does not write as one ("humanitarian
        # catastrophe in Sudan, urgent need for unhindered humanitarian access, ...") is
        # grounded item by item
        parts = [] if whole else from_text.proposed_list_items(proposed)
        items = (
            [(part, g.span(part) or from_text.topic_span(g.text, part)) for part in parts]
            if len(parts) > 1
            else [(proposed, whole)]
        )
        for label, span in items:
            if span is None:
                g.reject(f"{where}.topics[{i}]", label, "topic not found in the article")
                if not g.keep_ungrounded:
                    continue
            if any(t.label.casefold() == label.casefold() for t in topics):
                continue
            topics.append(Topic(label=label, evidence=[span] if span else []))

    # outcomes
    outcomes: list[Outcome] = []
    for i, outcome in enumerate(p.outcomes):
        # the model gives the sentence's first words; the outcome is that sentence
        span = g.span(outcome.quote)
        if span is None:
            g.reject(f"{where}.outcomes[{i}]", outcome.quote, "outcome not stated in the article")
            continue
        sentence = g.expand_sentence(span)
        text = " ".join(sentence.text.split())
        if any(o.text == text for o in outcomes):
            continue
        outcomes.append(Outcome(kind=outcome.kind, text=text, evidence=[sentence]))

    # quotes: the model gives the first words, code recovers the whole quotation
    quotes: list[Quote] = []
    for i, quote in enumerate(p.quotes):
        span = g.span(quote.start)
        whole = g.expand_quotation(span) if span else None
        if whole is None:
            g.reject(
                f"{where}.quotes[{i}]",
                quote.start,
                "not a quotation in the article" if span else "quotation not found",
            )
            continue
        if any(q.text == whole.text for q in quotes):
            continue
        speaker = quote.speaker.strip() or None
        if speaker and not speaker_named_near(g.text, speaker, whole):
            g.reject(
                f"{where}.quotes[{i}].speaker",
                speaker,
                "speaker not named next to the quotation",
            )
            speaker = None
        quotes.append(Quote(speaker=speaker, text=whole.text, evidence=[whole]))

    # next meeting
    next_meeting: NextMeeting | None = None
    if p.next_meeting is not None:
        nm = p.next_meeting
        span = g.span(nm.quote, nm.when)
        if span is None:
            g.reject(f"{where}.next_meeting", nm.quote, "next meeting not found in the article")
        else:
            next_nd = (
                normalize.normalize_date(
                    nm.when, published=published, language=language, ahead=True
                )
                if nm.when
                else None
            )
            when_span = g.span(nm.when) if nm.when else None
            info = normalize.city_info(nm.city) if nm.city else None
            city_span = g.span(nm.city, info[0] if info else None) if nm.city else None
            next_meeting = NextMeeting(
                date=MeetingDate(
                    value=next_nd.value,
                    precision=next_nd.precision,
                    text=when_span.text,
                    resolved_from=next_nd.resolved_from,
                    evidence=[when_span],
                )
                if next_nd and when_span
                else None,
                location=Location(
                    city=info[0] if info else nm.city,
                    country=info[1] if info else None,
                    evidence=[city_span],
                )
                if city_span
                else None,
                text=span.text,
                evidence=[span],
            )

    # framework (never a party's name)
    refs: list[Framework] = []
    for i, name in enumerate(framework_names):
        if normalize.party_code(name):
            g.reject(f"{where}.framework[{i}]", name, "a party's name, not an agreement or plan")
            continue
        span = g.span(name)
        if span is None:
            g.reject(f"{where}.framework[{i}]", name, "not found in the article")
            continue
        refs.append(Framework(name=name, evidence=[span]))

    if not parties and series is None:
        g.reject(where, p.series or p.kind, "meeting with no grounded parties or series")
        return None

    codes = [pt.code or pt.name for pt in parties]
    kind = normalize.kind_of_series(series) or p.kind
    return MeetingRecord(
        id=meeting_id(codes, series, round_, meeting_date.value),
        status=status,
        primary=False,
        kind=kind,  # type: ignore[arg-type]
        series=series,
        round=round_,
        title=meeting_title(round_, parties, series, p.kind),
        parties=parties,
        date=meeting_date,
        location=location,
        delegations=delegations,
        topics=topics,
        outcomes=outcomes,
        quotes=quotes,
        next_meeting=next_meeting,
        framework=[r.name for r in refs],
        framework_refs=refs,
        field_evidence=field_evidence,
    )


# ---- English for non-English articles ---------------------------------------------------


def englishify(
    facts: ArticleFacts, client: ModelClient, *, language: str, max_tokens: int
) -> tuple[ArticleFacts, Usage]:
    """Translate values the model left in the article's script (one short extra call)."""
    slots: list[tuple[object, str]] = []

    def want(obj: object, attr: str) -> None:
        value = getattr(obj, attr)
        if isinstance(value, str) and value and not _is_latin(value):
            slots.append((obj, attr))

    for m in facts.meetings:
        want(m, "series")
        want(m, "city")
        for head in m.heads:
            want(head, "title")
            want(head, "party")
        for quote in m.quotes:
            want(quote, "speaker")
        if m.next_meeting:
            want(m.next_meeting, "city")
    if not slots:
        return facts, Usage()
    items = [str(getattr(obj, attr)) for obj, attr in slots]
    english, usage = translate(items, client, language=language, max_tokens=max_tokens)
    for (obj, attr), value in zip(slots, english, strict=True):
        if value and _is_latin(value):
            setattr(obj, attr, value)
    return facts, usage


# ---- the brief -----------------------------------------------------------------------------


_MARKER = re.compile(r"^\[\d+\]\s*")


def article_headline(text: str) -> str | None:
    """The article's own title: its first line of 4 to 30 words, not all capitals, in Latin
    script (for a translated article, the English translation's first line, which stands
    only when the article reports no meeting: ``finish`` puts the primary meeting's checked
    title in its place)."""
    for line in text.splitlines()[:8]:
        line = _MARKER.sub("", line).strip()
        words = line.split()
        if 4 <= len(words) <= 30 and not line.isupper() and _is_latin(line):
            return line
    return None


def split_topics(text: str, topics: list[Topic]) -> list[Topic]:
    """The model's topics, a list given as one topic split into its items (each with its own
    span)."""
    out: list[Topic] = []
    for topic in topics:
        span = topic.evidence[0] if topic.evidence else None
        if span is None or span.alignment == "translated" or "," not in topic.label:
            out.append(topic)
            continue
        items = from_text.split_list(text, span)
        if len(items) == 1:
            out.append(topic)
            continue
        for item in items:
            label = " ".join(item.text.split())
            if not any(t.label.casefold() == label.casefold() for t in out):
                out.append(Topic(label=label, category=topic.category, evidence=[item]))
    return out


#: Topics read from the text are added to the primary meeting's up to this many in all.
_TOPICS_MAX = 12


def topics_from_text(text: str, topics: list[Topic]) -> list[Topic]:
    """What the article says was discussed ("discussed X, Y and Z", "topics included ..."),
    read by code, each item its own exact span; a topic the model already gave (sharing a
    content word) is not repeated."""
    added: list[Topic] = []
    for span in from_text.topics_in(text):
        if len(topics) + len(added) >= _TOPICS_MAX:
            break
        label = " ".join(span.text.split())
        if any(from_text.same_topic(label, t.label) for t in [*topics, *added]):
            continue
        added.append(Topic(label=label, evidence=[span]))
    return added


def topics_from_places(m: MeetingRecord, original: str) -> list[Topic]:
    """The meeting's topics, and after them the countries, regions and organisations the
    ORIGINAL names in a sentence about what was discussed (not the parties or the venue's
    country), each with its exact span. A topic about places alone ("Myanmar issues", "the
    Gaza crisis") is not repeated; a subject that names a country or region ("scams and fraud
    in Myanmar") keeps the place as its own topic too."""
    exclude = {p.code for p in m.parties if p.code}
    if m.location.country:
        exclude.add(m.location.country)
    topics = list(m.topics)
    found = places.places_discussed(original, exclude)
    labels = [p.label for p in found]
    for place in found:
        if len(topics) >= _TOPICS_MAX:
            break
        naming = [t for t in topics if from_text.same_topic(t.label, place.label)]
        if naming and (
            place.code in normalize.ORGANISATIONS  # "BRICS and IBSA" covers BRICS
            or any(from_text.about_places(t.label, labels) for t in naming)
        ):
            continue
        span = Span(start=place.start, end=place.end, text=original[place.start : place.end])
        topics.append(Topic(label=place.label, category="place", evidence=[span]))
    return topics


def topics_pointed_in_original(m: MeetingRecord, original: str) -> None:
    """A translated topic's evidence is the original sentence its English was aligned to; a
    topic naming a subject of ``subjects``' table ("trade") points instead at the word that
    names it in the original («والتجارة»): in that sentence, else in the first sentence
    that says what was discussed (the alignment may have picked the headline). A topic the
    table does not know keeps its sentence."""
    for topic in m.topics:
        span = topic.evidence[0] if topic.evidence else None
        if span is None or span.alignment != "translated":
            continue
        found = subjects.subject_in(original, topic.label, (span.start, span.end))
        if found is not None:
            start, end = found
            topic.evidence = [Span(start=start, end=end, text=original[start:end])]


def topics_from_subjects(m: MeetingRecord, original: str) -> list[Topic]:
    """The meeting's topics, and after them the sectors and subjects (trade, visas, rice...)
    the ORIGINAL of a translated article names in a sentence about what was discussed or
    agreed (``subjects.subjects_discussed``), each with its exact span; one a topic already
    names is not repeated."""
    topics = list(m.topics)
    for found in subjects.subjects_discussed(original):
        if len(topics) >= _TOPICS_MAX:
            break
        if any(s.known.search(t.label) for s in found.subjects for t in topics):
            continue
        span = Span(start=found.start, end=found.end, text=original[found.start : found.end])
        topics.append(Topic(label=found.label, category="sector", evidence=[span]))
    return topics


def drop_generic_topics(m: MeetingRecord, index: int, rejected: list[Rejected]) -> None:
    """A topic that names no subject ("all areas", "bilateral relations", "two parties"), a
    head of delegation, the meeting's own mechanism ("joint ministerial commission"), a
    fragment of a sentence ("by this plan") or a whole sentence is listed in ``rejected`` and
    left out; the others lose lead-in words and letters of another script
    (``from_text.tidy_topic_label``)."""
    kept: list[Topic] = []
    parties = [p.name for p in m.parties]
    heads = [d.head.name for d in m.delegations]
    own = normalize.series_key(m.series) if m.series else None
    for j, topic in enumerate(m.topics):
        for label in from_text.topic_parts(from_text.tidy_topic_label(topic.label)):
            fault = from_text.topic_fault(label, parties)
            if fault is None and any(normalize.same_person(label, head) for head in heads):
                fault = "names a head of delegation, not a subject"
            if fault is None and m.series and own == normalize.series_key(label):
                fault = "names the meeting's own mechanism, not a subject"
            if fault:
                rejected.append(
                    Rejected(
                        field=f"meetings[{index}].topics[{j}]",
                        value=label,
                        reason=fault,
                        proposed_evidence=topic.evidence[0].text if topic.evidence else None,
                    )
                )
            elif not any(k.label.casefold() == label.casefold() for k in kept):
                kept.append(topic.model_copy(update={"label": label}))
    m.topics = kept


def projects_from_text(text: str, topics: list[Topic]) -> list[Topic]:
    """Named projects ("the Matarbari deep-sea port") in the sentences that say what was
    discussed, each its exact span; one a topic already names is not repeated."""
    added: list[Topic] = []
    for span in from_text.projects_in(text, [(0, len(text))]):
        if len(topics) + len(added) >= _TOPICS_MAX:
            break
        label = " ".join(span.text.split())
        if any(from_text.same_topic(label, t.label) for t in [*topics, *added]):
            continue
        added.append(Topic(label=label, category="project", evidence=[span]))
    return added


def write_summary(meetings: list[MeetingRecord], headline: str) -> str:
    """2-4 English sentences written by code from the grounded record (no free text)."""
    if not meetings:
        return f"{headline.rstrip('.')}. The article reports no diplomatic meeting."
    m = meetings[0]
    parties = " and ".join(p.name for p in m.parties) or "The parties"
    verb = {"held": "held", "announced": "will hold", "mentioned": "held"}[m.status]
    what = m.series or m.kind.replace("_", " ")
    if m.round:
        what = f"the {ordinal(m.round)} round of the {what}"
    elif m.series:
        what = f"the {what}"
    else:
        what = f"a {what}"
    place = f" in {m.location.city}" if m.location.city else ""
    when = f" on {m.date.value}" if m.date.value and m.date.precision == "day" else ""
    if m.date.value and m.date.precision in ("month", "year"):
        when = f" in {m.date.value}"
    sentences = [f"{parties} {verb} {what}{place}{when}."]
    heads = [
        f"{d.head.name}" + (f" ({d.head.title})" if d.head.title else "") for d in m.delegations
    ]
    if heads:
        sentences.append("The delegations were led by " + " and ".join(heads) + ".")
    if m.topics:
        labels = [t.label for t in m.topics[:4]]
        sentences.append("Topics included " + ", ".join(labels) + ".")
    if len(meetings) > 1:
        sentences.append(f"The article also refers to {len(meetings) - 1} other meeting(s).")
    return " ".join(sentences[:4])


def build_brief(
    article: Article,
    facts: ArticleFacts,
    *,
    language: str,
    published: date | None,
    settings: Settings,
    run: RunInfo,
) -> ArticleBrief:
    g = Grounder(
        article.text, keep_ungrounded=settings.keep_ungrounded, threshold=settings.fuzzy_threshold
    )
    meetings: list[MeetingRecord] = []
    for i, proposal in enumerate(facts.meetings):
        record = build_meeting(g, proposal, i, published, language)
        if record is None:
            continue
        if any(existing.id == record.id for existing in meetings):
            continue
        meetings.append(record)
    if meetings:
        held = next((i for i, m in enumerate(meetings) if m.status == "held"), 0)
        meetings.insert(0, meetings.pop(held))
        meetings[0] = meetings[0].model_copy(update={"primary": True})
        meetings[0].topics = split_topics(article.text, meetings[0].topics)
        meetings[0].topics += topics_from_text(article.text, meetings[0].topics)
        meetings[0].topics += projects_from_text(article.text, meetings[0].topics)
    headline = article_headline(article.text) or (
        meetings[0].title if meetings else "Article with no diplomatic meeting"
    )
    return ArticleBrief(
        source=SourceInfo(
            path=article.path,
            url=article.url,
            sha256=article.sha256,
            outlet=article.outlet,
            published=published.isoformat() if published else None,
            language=language,
            chars=article.chars,
        ),
        headline=headline,
        summary=write_summary(meetings, headline),
        meetings=meetings,
        rejected=g.rejected,
        run=run,
    )


def publication_date(article: Article) -> date | None:
    if article.published:
        return date.fromisoformat(article.published)
    return normalize.detect_published(article.text)


def translation_budget(article: Article, settings: Settings) -> int:
    """Output tokens for translating the article: about its own size, within the context."""
    tokens = estimate_tokens(article.text)
    room = (settings.n_ctx if settings.provider == "local" else OPENAI_CONTEXT) - tokens - 400
    return max(512, min(int(tokens * 1.1) + 200, room))


def round_from_original(
    m: MeetingRecord, index: int, original: str, language: str, rejected: list[Rejected]
) -> None:
    """The round's evidence is the ordinal as the ORIGINAL writes it (in the paragraph the
    translation's came from, if there). When the original does not write the translation's
    round at all (or none was read), the primary meeting takes the first ordinal in the
    original that numbers a mechanism code knows (mechanisms.py), with that mechanism; with
    none, a round the original never writes is dropped ("очередного раунда", "a regular
    round", is no number)."""
    para = m.field_evidence["round"][0] if "round" in m.field_evidence else None
    exact = ordinal_spans(original, m.round) if m.round is not None else []
    inside = [s for s in exact if para and para.start <= s.start < para.end]
    if not inside:  # elsewhere, the ordinal must number a meeting («السفينة الأولى» does not)
        exact = [s for s in exact if _numbers_a_mechanism(original, s, language)]
    if (inside or exact) and _numbers_the_host_event(original, (inside or exact)[0]):
        # «на полях седьмого Совещания ... СВМДА»: the host event's number, and its name
        _drop_round(m, index, "the number of the event it was held on the sidelines of", rejected)
        if m.series and not any(_exact(s) for s in m.field_evidence.get("series", [])):
            m.series = None
            m.field_evidence.pop("series", None)
        return
    if inside or exact:
        m.field_evidence["round"] = [(inside or exact)[0]]
        series_from_original(m, index, original, language, rejected)
        return
    # a call is no numbered session («подготовке к первому заседанию Межправительственной
    # комиссии», preparing the commission's first meeting, is a topic of the call)
    numbered = (
        mechanisms.first_numbered(original, language) if index == 0 and m.kind != "call" else None
    )
    if numbered is not None and _announces_later(original, numbered[1], language):
        numbered = None  # «... کمیشن کا آٹھواں اجلاس ... جون میں بشکیک میں منعقد ہوگا»
    if numbered is not None and _numbers_the_host_event(original, numbered[1]):
        numbered = None  # «на полях седьмого Совещания ... СВМДА»: the host event's number
    if numbered is None and m.round is not None and index == 0:
        counted = first_meeting_ordinal(original, language)
        if counted is not None:  # «کمیٹی کا آٹھواں اجلاس»: a mechanism no table lists
            _renumber(m, index, *counted, "a meeting", rejected)
            return
    if numbered is None:
        if m.round is not None:  # a round the original never writes was made up
            _drop_round(m, index, "no such ordinal in the original", rejected)
        return
    value, ordinal_span, english, span = numbered
    _renumber(m, index, value, ordinal_span, "the meeting", rejected)
    # another place that writes this round may name the mechanism in full (the headline's
    # «مشترکہ ورکنگ گروپ کا چوتھا اجلاس», the body's «تجارت و سرمایہ کاری سے متعلق ...»)
    if not series_from_original(m, index, original, language, rejected):
        set_series(m, index, english, span, rejected)


def _numbers_a_mechanism(original: str, ordinal: Span, language: str) -> bool:
    """Whether the ordinal at ``ordinal`` numbers a mechanism's meeting: a name code reads
    stands next to it (mechanisms.series_after, from_text.series_after)."""
    return bool(
        mechanisms.series_after(original, ordinal, language)
        or from_text.series_after(original, ordinal)
    )


def _drop_round(m: MeetingRecord, index: int, reason: str, rejected: list[Rejected]) -> None:
    """The meeting has no round; the one it had is listed in ``rejected`` with ``reason``."""
    rejected.append(Rejected(field=f"meetings[{index}].round", value=str(m.round), reason=reason))
    m.round = None
    m.field_evidence.pop("round", None)


def _announces_later(original: str, ordinal: Span, language: str) -> bool:
    """Whether an ordinal past the lead stands in a sentence that announces a meeting to come
    (the mechanism's next session, not the meeting the article reports)."""
    announcing = _ANNOUNCING_IN.get(language)
    if announcing is None or ordinal.start < _LEAD:
        return False
    start, end = dating.sentence_of(original, ordinal.start)
    return announcing.search(original, start, end) is not None


def _renumber(
    m: MeetingRecord, index: int, value: int, ordinal: Span, what: str, rejected: list[Rejected]
) -> None:
    """The meeting's round is ``value``, which the original writes at ``ordinal``; a round
    of the model's that the original never writes is listed in ``rejected``."""
    if m.round is not None:
        rejected.append(
            Rejected(
                field=f"meetings[{index}].round",
                value=str(m.round),
                reason=f"no such ordinal in the original, which numbers {what} {value}",
                proposed_evidence=ordinal.text,
            )
        )
    m.round = value
    m.field_evidence["round"] = [ordinal]


def first_meeting_ordinal(original: str, language: str) -> tuple[int, Span] | None:
    """The first ordinal in the original with a word for a meeting right around it
    (_numbers_a_meeting: «آٹھواں اجلاس», "eighth meeting"): its value and span."""
    for start, _fragment, value in _ordinal_candidates(original):
        if not 0 < value < 200:
            continue
        span = next((s for s in ordinal_spans(original, value) if s.start >= start), None)
        if span is not None and _numbers_a_meeting(original, span, language):
            return value, span
    return None


def fuller_series(text: str, series: str, round_: int) -> tuple[str, Span] | None:
    """The mechanism's name in full where the text writes it after this round's ordinal and
    the model gave a short form of it ("Joint Commission" for "the fourth meeting of the
    Mongolia-Thailand Joint Commission on Bilateral Cooperation"): the longest such name and
    its span, or None."""
    key = normalize.series_key(series)
    best: tuple[str, Span] | None = None
    for ordinal in ordinal_spans(text, round_):
        written = from_text.series_after(text, ordinal)
        if written is None:
            continue
        name = normalize.canonical_series(written.text) or written.text
        if normalize.series_key(name).startswith(key + " ") and (
            best is None or len(name) > len(best[0])
        ):
            best = (name, written)
    return best


def series_from_original(
    m: MeetingRecord, index: int, original: str, language: str, rejected: list[Rejected]
) -> bool:
    """The mechanism's name as the ORIGINAL writes it after the meeting's ordinal, when code
    knows that term (mechanisms.py), wins over the translation's name for it; of the places
    the original writes that ordinal, the one that names the mechanism in full. Whether it
    found one."""
    found = mechanisms.series_after(original, m.field_evidence["round"][0], language)
    # the same ordinal elsewhere may write the mechanism's full name (a headline shortens it)
    for ordinal_span in ordinal_spans(original, m.round) if m.round is not None else []:
        other = mechanisms.series_after(original, ordinal_span, language)
        if other and found and normalize.series_key(found[0]) in normalize.series_key(other[0]):
            if len(other[0]) > len(found[0]):
                found = other
        elif other and found is None:
            found = other
    if found is None:
        return False
    set_series(m, index, found[0], found[1], rejected)
    return True


def series_named_in_original(
    m: MeetingRecord, index: int, original: str, language: str, rejected: list[Rejected]
) -> None:
    """A translated meeting's series that the original does not write after an ordinal is
    the listed mechanism the original names in the meeting's own sentences, else in the
    headline and lead ("очередной раунд межмидовских консультаций": Foreign Ministry
    Consultations, over the translation's "Mid-Year Consultations")."""
    if not m.series or any(_exact(span) for span in m.field_evidence.get("series", [])):
        return  # no series to name (a visit, a call), or read in the original already
    regions = [*anchor_sentences(m, original, language), (0, min(len(original), _LEAD))]
    for start, end in regions:
        found = mechanisms.named_in(original, start, end, language)
        if found is not None:
            set_series(m, index, found[0], found[1], rejected)
            return


def set_series(
    m: MeetingRecord, index: int, english: str, span: Span, rejected: list[Rejected]
) -> None:
    """The original's name for the mechanism becomes the record's series (the id and title
    follow); a different name the translation gave is listed in `rejected`."""
    m.field_evidence["series"] = [span]
    if not m.series or normalize.series_key(m.series) != normalize.series_key(english):
        rejected.append(
            Rejected(
                field=f"meetings[{index}].series",
                value=m.series,
                reason=f"the original names the mechanism after its ordinal {english!r}",
                proposed_evidence=span.text,
            )
        )
        m.series = english
        m.kind = normalize.kind_of_series(english) or m.kind  # type: ignore[assignment]
    renamed(m)


# ---- the meeting's date, checked in the original ---------------------------------------

#: A span longer than this is a whole paragraph (a translated article's evidence), not the
#: exact phrase of a fact.
_PHRASE_MAX = 200


def _exact(span: Span) -> bool:
    return span.alignment != "translated" and span.end - span.start <= _PHRASE_MAX


def anchor_sentences(
    m: MeetingRecord, original: str, language: str, *, with_city: bool = True
) -> list[tuple[int, int]]:
    """The sentences of the original that carry the meeting's exact series, round or city (not
    the city with ``with_city=False``), or its ordinal before the mechanism's name."""
    anchors = [
        *m.field_evidence.get("round", []),
        *m.field_evidence.get("series", []),
        *(m.location.evidence if with_city else []),
    ]
    found: list[tuple[int, int]] = []
    for span in anchors:
        if _exact(span):
            bounds = dating.sentence_of(original, span.start)
            if bounds not in found:
                found.append(bounds)
    # the other places the original numbers this mechanism
    for bounds in _numbered_sentences(original, m.round, language) if m.round is not None else ():
        if bounds not in found:
            found.append(bounds)
    # a meeting of no mechanism: the sentence that names both heads («mardi dernier à Rabat,
    # le ministre ... Karim Benjelloun, a reçu son homologue malien, Boubacar Sidibé»)
    if not m.series:
        both = _sentence_of_both_heads(m, original)
        if both is not None and both not in found:
            found.append(both)
    return found


def _sentence_of_both_heads(m: MeetingRecord, original: str) -> tuple[int, int] | None:
    """The first sentence of the original that writes two heads' names: their exact spans, or
    a Latin name written as it is in a Latin-script original."""
    latin_original = _is_latin(original[:200])
    heads_in: Counter[tuple[int, int]] = Counter()  # sentence -> how many heads it names
    for d in m.delegations:
        at = [e.start for e in d.evidence if _exact(e)]
        name = d.head.name
        if not at and name and latin_original and _is_latin(name):
            at = [x.start() for x in re.finditer(re.escape(name), original)]
        heads_in.update({dating.sentence_of(original, position) for position in at})
    shared = [bounds for bounds, heads in heads_in.items() if heads >= 2]
    return min(shared) if shared else None


@functools.lru_cache(maxsize=16)
def _numbered_sentences(original: str, round_: int, language: str) -> tuple[tuple[int, int], ...]:
    """The sentences where the original writes the ordinal ``round_`` before a mechanism's
    name, in text order (the same for every use of one meeting's round: computed once)."""
    found: list[tuple[int, int]] = []
    for ordinal_span in ordinal_spans(original, round_):
        if _exact(ordinal_span) and (
            mechanisms.series_after(original, ordinal_span, language)
            or from_text.series_after(original, ordinal_span)
        ):
            found.append(dating.sentence_of(original, ordinal_span.start))
    return tuple(found)


#: The lead of an article, where a wire report says when and where the meeting was held.
_LEAD = 600


def _venue_regions(m: MeetingRecord, original: str) -> list[tuple[int, int]]:
    """Where the meeting's venue is written: the paragraph a translation read the city from,
    and the sentences of the article's lead that write that city (in any of its forms)."""
    found = [(span.start, span.end) for span in m.location.evidence if not _exact(span)]
    info = normalize.city_info(m.location.city) if m.location.city else None
    if info is None:
        return found
    written = [s for s, _e, english in normalize.cities_in(original) if english == info[0]]
    lead = [dating.sentence_of(original, s) for s in written if s < _LEAD]
    # none in the lead, nor in the paragraph the translation gave: wherever it is written
    # (a report about something else that names the venue once, far down)
    if not lead and not any(s <= at < e for s, e in found for at in written):
        lead = [dating.sentence_of(original, at) for at in written[:1]]
    return found + [b for b in dict.fromkeys(lead) if b not in found]


def _on_the_dateline(original: str, evidence: Span, language: str) -> bool:
    """Whether a span lies on the line of the article's dateline."""
    found = dating.dateline(original, language)
    if found is None:
        return False
    line_start = original.rfind("\n", 0, found.span.start) + 1
    line_end = original.find("\n", found.span.end)
    return line_start <= evidence.start and evidence.end <= (
        line_end if line_end != -1 else len(original)
    )


#: A digit or a Chinese numeral (a range's first day).
_NUMBER = re.compile(r"[\d〇一二三四五六七八九十]")
#: How far before the model's date a range's first day may be written ("17-18 November").
_RANGE_LEAD = 12


def _range_around(
    text: str, evidence: Span, language: str, reference: date | None, ahead: bool
) -> dating.Found | None:
    """The range of days the model's date ends ("18 November" of "17-18 November",
    "3 au 4 mars"): read with the days written just before it, its first day."""
    if not _NUMBER.search(text, max(0, evidence.start - _RANGE_LEAD), evidence.start):
        return None  # no day written just before: no range (and no cost)
    for f in dating.dates_in(
        text,
        max(0, evidence.start - _RANGE_LEAD),
        evidence.end,
        language=language,
        reference=reference,
        ahead=ahead,
    ):
        if f.span.start < evidence.start < f.span.end and f.precision == "day":
            return f
    return None


def date_from_original(
    m: MeetingRecord,
    index: int,
    original: str,
    language: str,
    reference: date | None,
    rejected: list[Rejected],
) -> None:
    """Check the meeting's date against the dates the ORIGINAL writes for it.

    The date the meeting's own sentences write in their body wins over a dateline the model
    took (the dateline dates the report) and, for a translated article, over the
    translation's date when they differ (translations drift on month names). A weekday or a
    date without a year is resolved against the publication date, else the dateline's.
    """
    held = m.status == "held"
    ahead = m.status == "announced"
    current = m.date
    evidence = current.evidence[0] if current.evidence else None
    regions = anchor_sentences(m, original, language)

    def and_the_venues() -> list[tuple[int, int]]:
        # after those, the paragraph a translation placed the meeting in and the lead's
        # sentences that write its city (a wire's "провели в понедельник в Аддис-Абебе")
        return regions + [b for b in _venue_regions(m, original) if b not in regions]

    def body_date(extra: list[tuple[int, int]]) -> dating.Found | None:
        """meeting_date over the anchors, the venues, then ``extra``; the venues are read only
        when the anchors give no date written in full outside a dateline (one they give
        ranks first whatever follows, and reading the venues costs a city scan)."""
        first = dating.meeting_date(
            original, regions, language=language, reference=reference, held=held, ahead=ahead
        )
        if first is not None and not first.dateline and not first.weekday_only:
            return first
        return dating.meeting_date(
            original,
            and_the_venues() + extra,
            language=language,
            reference=reference,
            held=held,
            ahead=ahead,
        )

    chosen: dating.Found | None = None
    reason = ""
    if evidence is not None and _exact(evidence):
        own = dating.dates_in(
            original,
            evidence.start,
            evidence.end,
            language=language,
            reference=reference,
            ahead=ahead,
        )
        widened = _range_around(original, evidence, language, reference, ahead)
        if current.value is None and own:
            chosen, reason = own[0], ""
        elif widened is not None and widened.value != current.value:
            chosen, reason = widened, "a meeting of several days is dated by its first"
        elif any(f.dateline for f in own) or _on_the_dateline(original, evidence, language):
            # the model dated the meeting by the report ("Wednesday, February 11, 2026", or
            # only the weekday of "اسلام آباد — جمعرات 19 فروری 2026")
            body = body_date([])
            if body is not None and not body.dateline and body.value != current.value:
                chosen = body
                reason = "the dateline dates the report; the meeting's own sentence dates it"
    else:
        # a translated article: then the sentences that say who met or led (when the
        # translation anchored nothing), last the paragraph the date came from
        extra = [] if regions else list(led_by_sentences(original, language))
        if evidence is not None:
            extra.append((evidence.start, evidence.end))
        body = body_date(extra)
        if body is not None and body.value != current.value:
            chosen = body
            reason = "the original dates the meeting otherwise"
    if chosen is not None:
        replace_date(m, index, chosen, reason, rejected)
    if (
        m.status == "announced"
        and reference is not None
        and m.date.precision == "day"
        and m.date.value
        and m.date.value <= reference.isoformat()
    ):
        rejected.append(
            Rejected(
                field=f"meetings[{index}].status",
                value=m.status,
                reason=f"dated {m.date.value}, on or before publication: held",
            )
        )
        m.status = "held"


def _headline_end(original: str) -> int:
    """Where the article's first line that is not blank (its headline) ends; -1 when it is
    the only line."""
    return original.find("\n", len(original) - len(original.lstrip()))


@functools.lru_cache(maxsize=16)
def led_by_sentences(original: str, language: str) -> tuple[tuple[int, int], ...]:
    """The sentences of an Urdu or Arabic original that say who met or who led a side
    («... نے منگل کو ... سے ملاقات کی», «برئاسة ...», «أجرى ... مباحثات ... مع ...»), in text
    order: the meeting's own sentences when a garbled translation anchored none."""
    if language == "ur":
        spans = [h.start for h in led_by.heads_led(original)]
        spans += [h.start for h, _c in led_by.heads_cochaired_urdu(original)]
        spans += [h.start for h, _c in led_by.heads_met_urdu(original)]
    elif language == "ar":
        spans = [h.start for h in led_by.heads_chaired(original)]
        spans += [h.start for h, _c in led_by.heads_cochaired(original)]
        spans += [h.start for h, _c in led_by.heads_met_arabic(original)]
    else:
        # the first sentence past the headline that reports a meeting in so many words
        # («... вчера провел телефонный разговор с ...», «s'est entretenu avec», «会谈»)
        cue = NATIVE_MEETING_CUE.search(original, max(_headline_end(original), 0))
        spans = [cue.start()] if cue else []
    return tuple(sorted({dating.sentence_of(original, start) for start in spans}))


def status_from_original(
    m: MeetingRecord, index: int, original: str, language: str, rejected: list[Rejected]
) -> None:
    """A translated meeting's held/announced, checked against the tense the ORIGINAL reports
    it in (from_text.tense_in): its sentences that carry the series, round, city or date, or
    the paragraph the translation's date came from. Reported only in the past, it was held;
    only in the future, it is announced. "mentioned" is kept, but for the primary meeting (an
    article that reports a meeting in passing still reports it held: «прошедшем»)."""
    if m.status == "mentioned" and not m.primary:
        return
    regions = anchor_sentences(m, original, language)
    if not regions:  # the translation anchored nothing: the sentences that say who met
        regions = list(led_by_sentences(original, language))
    for span in m.date.evidence:
        regions.append(
            dating.sentence_of(original, span.start) if _exact(span) else (span.start, span.end)
        )
    tense = from_text.tense_in(original, regions, language)
    status = {"past": "held", "future": "announced"}.get(tense or "", m.status)
    if status == m.status:
        return
    rejected.append(
        Rejected(
            field=f"meetings[{index}].status",
            value=m.status,
            reason=f"the original reports the meeting in the {tense} tense: {status}",
        )
    )
    m.status = status  # type: ignore[assignment]


#: A telephone or video call, in the six languages ("s'est entretenu au téléphone").
_CALL = re.compile(
    r"(?i:\b(?:tele)?phone\s+(?:call|conversation|talks?)|\bvideo\s+(?:call|conference)|"
    r"\bby\s+(?:tele)?phone|\bau\s+téléphone|entretien\s+téléphonique|"
    r"(?:по\s+телефону|телефонн\w+\s+разговор\w*))|"
    r"اتصالا?\s+هاتفيا?|اتصال\s+هاتفي|مكالمة\s+هاتفية|ٹیلیفون|ٹیلی فون|فون\s+پر|"
    r"通电话|通话|视频会晤|电话"
)
#: The call must be named in the article's opening: its first this many characters.
_CALL_LEAD = 600


def call_from_original(
    m: MeetingRecord,
    index: int,
    original: str,
    language: str,
    reference: date | None,
    rejected: list[Rejected],
) -> None:
    """An article whose opening reports a telephone or video call, for a meeting the model
    gave no series: the meeting is that call (kind "call", so no venue), dated by the call's
    own sentences (a weekday resolved against the dateline); date_from_original then makes a
    call dated on or before publication "held"."""
    if m.series or m.kind == "call":
        return
    call = _CALL.search(original, 0, _CALL_LEAD)
    if call is None:
        return
    where = f"meetings[{index}]"
    rejected.append(
        Rejected(
            field=f"{where}.kind",
            value=m.kind,
            reason=f"the article reports a call: {call.group()!r}",
        )
    )
    m.kind = "call"
    sentences = []
    for cue in _CALL.finditer(original, 0, _CALL_LEAD):
        bounds = dating.sentence_of(original, cue.start())
        if bounds not in sentences:
            sentences.append(bounds)
    found = dating.meeting_date(
        original, sentences, language=language, reference=reference, held=True
    )
    if found is not None and found.value != m.date.value:
        replace_date(m, index, found, "the call's own sentence dates it", rejected)
    m.title = meeting_title(m.round, m.parties, m.series, m.kind)


def _located(original: str, s: int, e: int, english: str) -> Location:
    """The city ``english`` as a location, with its country and its exact span [s, e)."""
    info = normalize.city_info(english)
    return Location(
        city=english,
        country=info[1] if info else None,
        evidence=[Span(start=s, end=e, text=original[s:e])],
    )


def _town_venue(m: MeetingRecord, original: str, regions: list[tuple[int, int]]) -> Location | None:
    """A town of the parties' countries that the regions call a city by name («في أحد فنادق
    مدينة العقبة», «سیاحتی شہر چولپان آتا میں», "港口城市克里比"): the first, or None
    (``towns``: the city tables leave out towns under a big city's size)."""
    codes = [p.code for p in m.parties if p.code]
    for start, end in dict.fromkeys(regions):
        for town in towns.towns_named(original, start, end, codes):
            span = Span(start=town.start, end=town.end, text=original[town.start : town.end])
            return Location(city=town.english, country=town.code, evidence=[span])
    return None


def _town_as_written(
    m: MeetingRecord, city: str, original: str, regions: list[tuple[int, int]]
) -> Location | None:
    """The town of the parties' countries the model's unknown city nearly spells ("Buhara"),
    where the regions of the original write it («в Бухаре»: towns.town_as_written)."""
    codes = [p.code for p in m.parties if p.code]
    town = towns.town_as_written(city, original, dict.fromkeys(regions), codes)
    if town is None:
        return None
    span = Span(start=town.start, end=town.end, text=original[town.start : town.end])
    return Location(city=town.english, country=town.code, evidence=[span])


def _first_city(original: str, regions: list[tuple[int, int]]) -> Location | None:
    """The first known city the original writes in these regions as a place ("in Warsaw",
    "وارسا میں"; not a dateline's, which names where the report was filed), else the first
    it writes at all, as a location with its exact span."""
    for start, end in regions:
        found = normalize.cities_in(original, start, end)
        if not found:
            continue
        datelines = {(s, e) for s, e, _ in _dateline_cities(original, start, end)}
        placed = [
            (s, e, english)
            for s, e, english in found
            if (s, e) not in datelines
            and (_place_before(original, s) or _PLACE_AFTER.match(original, e))
        ]
        if placed:  # «الكويت وقيرغيزستان تعقدان ... في بشكيك»: the city written as a place
            return _located(original, *placed[0])
        # not a city a delegation came from ("with 22 officials from Manila")
        found = [f for f in found if not _ORIGIN_BEFORE.search(original, max(0, f[0] - 12), f[0])]
        if found:
            return _located(original, *found[0])
    return None


#: Words before a city that name where someone came from, not where they met.
_ORIGIN_BEFORE = re.compile(r"(?:\bfrom|(?<!\w)из|(?:قادما|قادمة|قادمين)\s+من)\s+$", re.I)


#: Urdu's postposition of place after a city ("وارسا میں", in Warsaw).
_PLACE_AFTER = re.compile(r"\s*میں\b")


#: A dateline's place: the first words of a line, before its separator ("الكويت - 3 - 11").
_DATELINE_PLACE = re.compile(r"^[ \t]*([^\W\d_][^\n\d,،(\-–—]{0,30}?)[ \t]*[,،(\-–—]", re.M)


def _dateline_cities(original: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, English name) of each known city a dateline in [start, end) opens with
    («الكويت» is Kuwait City there, though elsewhere it is the country)."""
    for place in _DATELINE_PLACE.finditer(original, start, end):
        info = normalize.city_info(place.group(1))
        if info is not None:
            yield place.start(1), place.end(1), info[0]


def _city_of(original: str, country: str, regions: list[tuple[int, int]]) -> Location | None:
    """The first city of ``country`` the original writes in these regions, or as the place of
    a dateline in them, with its exact span; None if none."""
    for start, end in regions:
        found = [
            city
            for city in [
                *normalize.cities_in(original, start, end),
                *_dateline_cities(original, start, end),
            ]
            if (normalize.city_info(city[2]) or ("", None))[1] == country
        ]
        if found:
            return _located(original, *min(found))
    return None


#: The opening of an article, where its dateline stands (characters).
_OPENING = 400


def _next_city_where_announced(nm: NextMeeting, original: str) -> None:
    """A known city the original does not write where the next meeting is announced gives
    way to the city it writes there after a preposition of place ("пройдет в 2026 году в
    Москве" over the model's Riyadh, the venue of this meeting)."""
    city = nm.location.city if nm.location else None
    regions = [(e.start, e.end) for e in nm.evidence]
    if not city or not regions:
        return
    written = [
        (s, e, english)
        for start, end in regions
        for s, e, english in normalize.cities_in(original, start, end)
    ]
    if any(english == city for _, _, english in written):
        return
    for s, e, english in written:
        if _VENUE_BEFORE.search(original, max(0, s - 6), s):
            nm.location = _located(original, s, e, english)
            return


def next_city_from_original(m: MeetingRecord, index: int, original: str) -> None:
    """A country given as the next meeting's city ("will be held in Tunisia" for "à Tunis")
    becomes the city of that country the original writes where the next meeting is announced;
    else the next meeting has no city."""
    nm = m.next_meeting
    if nm is None or nm.location is None or not nm.location.city:
        return
    city = nm.location.city
    country = normalize.party_code(city) if normalize.city_info(city) is None else None
    if country is None:
        _next_city_where_announced(nm, original)
        return
    named = _city_of(original, country, [(e.start, e.end) for e in nm.evidence])
    if named is None:  # the one city of that country the article names, if only one
        cities = {
            english: (s, e)
            for s, e, english in normalize.cities_in(original)
            if (normalize.city_info(english) or ("", None))[1] == country
        }
        if len(cities) == 1:
            (english, (s, e)), *_ = cities.items()
            named = _located(original, s, e, english)
    nm.location = named or Location(city=None, country=country if len(country) == 3 else None)


#: A meeting held by video link, in the sentence that reports it ("held ... by
#: videoconference", "по видеосвязи", "以视频方式举行", "عبر تقنية الاتصال المرئي").
_REMOTELY = re.compile(
    r"(?i:\b(?:by|via|through|over)\s+(?:a\s+)?video\s*(?:-?\s*conference|link|call)\b|"
    r"\bvideoconference\b|\bvirtual\s+(?:meeting|format|session|talks)\b|"
    r"\b(?:held|met|meet|convened)\s+virtually\b|\bonline\s+(?:meeting|format)\b|"
    r"\bpar\s+visioconf[ée]rence|\ben\s+visioconf[ée]rence|\bpar\s+vid[ée]oconf[ée]rence|"
    r"\bв\s+(?:режиме|формате)\s+(?:видеоконференц|видеосвяз|онлайн)|\bпо\s+видеосвяз)|"
    r"视频(?:方式|连线|会议)|(?:الاتصال|الربط)\s+المرئي|تقنية\s+الفيديو|"
    r"ویڈیو\s*(?:لنک|کانفرنس)"
)


def _held_remotely(m: MeetingRecord, original: str, language: str) -> bool:
    """Whether the sentences that report the meeting say it was held by video link."""
    return any(_REMOTELY.search(original, s, e) for s, e in anchor_sentences(m, original, language))


def city_from_original(
    m: MeetingRecord, index: int, original: str, language: str, rejected: list[Rejected]
) -> None:
    """Check the meeting's city against the original: a call has no venue; a country is not
    a city (the city the meeting's own sentences name is taken instead, as is one the model
    left out); a known city's evidence is its name as the original writes it."""
    where = f"meetings[{index}].location.city"
    city = m.location.city
    if city:  # "Seoul (private)", "Fuzhou, Fujian Province": the city is the first part
        bare = re.sub(r"\s*\([^)]*\)", "", city).split(",")[0].strip()
        if bare and bare != city and normalize.city_info(bare):
            m.location = m.location.model_copy(update={"city": bare})
            city = bare
    remote = m.kind != "call" and _held_remotely(m, original, language)
    if m.kind == "call" or remote:
        if city:
            what = "a meeting held by video link" if remote else "a call"
            rejected.append(
                Rejected(field=where, value=city, reason=f"{what} has no venue: city dropped")
            )
            m.location = Location(city=None, country=None)
        return
    capital = _capital_venue(m, original, language) if m.status == "held" else None
    if capital is not None and capital.city != city:  # «چلی کے دارالحکومت سینٹیاگو میں»
        if city:
            reason = f"the meeting's sentence names the capital: {capital.evidence[0].text!r}"
            rejected.append(Rejected(field=where, value=city, reason=reason))
        m.location = capital
        return
    country = normalize.party_code(city) if city and normalize.city_info(city) is None else None
    if city and country:
        regions = [*anchor_sentences(m, original, language), (0, min(len(original), _OPENING))]
        named = _city_of(original, country, regions)
        reason = "a country, not a city"
        if named is not None:
            reason += f"; the original names {named.evidence[0].text!r}, a city of it"
        rejected.append(Rejected(field=where, value=city, reason=reason))
        m.location = named or Location(city=None, country=None)
        if named is not None:
            return
        city = None
    if city and normalize.city_info(city) is None and not _written_as_venue(m, original):
        # not a city GeoNames knows either ("Shangri-La hotel", a translation's "Maputu"):
        # the city the original writes where the model read it, or in the meeting's sentences
        evidence = m.location.evidence[0] if m.location.evidence else None
        regions = [(evidence.start, evidence.end)] if evidence else []
        regions += anchor_sentences(m, original, language)
        regions.append((0, min(len(original), _OPENING)))  # else the dateline's city
        named = _cjk_venue(original, _round_sentences(m, original, regions[:-1]))
        named = named or _town_venue(m, original, regions[:-1])
        named = (
            named or _town_as_written(m, city, original, regions) or _first_city(original, regions)
        )
        if named is not None:
            written = named.evidence[0].text
            rejected.append(
                Rejected(
                    field=where,
                    value=city,
                    reason=f"not a known city; the original names {written!r}",
                )
            )
            m.location = named
            return
    if city is None:
        anchors = anchor_sentences(m, original, language)
        named = _cjk_venue(original, _round_sentences(m, original, anchors))
        named = named or _town_venue(m, original, anchors) or _first_city(original, anchors)
        if named is not None:
            m.location = named
        return
    evidence = m.location.evidence[0] if m.location.evidence else None
    if evidence is not None and not _exact(evidence):
        same = [
            (s, e)
            for s, e, english in normalize.cities_in(original, evidence.start, evidence.end)
            if english == city and not _in_foreign_name(original, s)
        ]
        if same:
            s, e = same[0]
            m.location.evidence = [Span(start=s, end=e, text=original[s:e])]
            evidence = m.location.evidence[0]
    if evidence is not None and m.status == "held":
        reason = "named outside the meeting's own sentences; the venue is"
        to_come = _TIME_TO_COME.match(original, evidence.end) if _exact(evidence) else None
        if to_come is not None:
            reason = f"the venue of a meeting to come ({to_come.group().strip()!r}); this one is"
            # "prepared for a session of their council in Astana next month": the venue of a
            # meeting to come; this one's is the dateline's city, if it names another
            venue = next(
                (
                    _located(original, *found)
                    for found in _dateline_cities(original, 0, min(len(original), _OPENING))
                    if found[2] != city
                ),
                None,
            )
        elif _exact(evidence):
            venue = _venue_elsewhere(m, original, language, evidence)
        else:
            venue = _venue_of_translated(m, original, language, city)
        if venue is not None and venue.city != city:
            rejected.append(
                Rejected(
                    field=where,
                    value=city,
                    reason=f"{reason} {venue.evidence[0].text!r}",
                )
            )
            m.location = venue


#: "The capital of X" before a city's name, in Urdu («چلی کے دارالحکومت», Chile's capital) and
#: Arabic («عاصمة تنزانيا»): the country's words and the name that follows.
_CAPITAL_OF = re.compile(
    r"(?P<country>[\u0600-\u06ff]+(?:\s[\u0600-\u06ff]+)?)\s+(?:کے|کی|کا)\s+دارالحکومت"
    r"\s+(?P<city>[\u0600-\u06ff]+)|عاصمة\s+(?P<country2>[\u0600-\u06ff]+)\s+(?P<city2>[\u0600-\u06ff]+)"
)


def _capital_venue(m: MeetingRecord, original: str, language: str) -> Location | None:
    """The capital of a country, where the meeting's sentences say it was held in "X's
    capital" and name the city, perhaps in a spelling no table has («سینٹیاگو» for
    «سانتیاگو»); None else."""
    if language not in ("ur", "ar"):
        return None
    for s, e in anchor_sentences(m, original, language, with_city=False):
        for found in _CAPITAL_OF.finditer(original, s, e):
            group = "country" if found.group("country") else "country2"
            words = found.group(group)
            start = found.start(group)
            code = normalize.party_code(words)
            if code is None:  # «کو چلی»: the country is the last word
                last = words.split()[-1]
                code, start = normalize.party_code(last), found.end(group) - len(last)
            capital = gazetteer.capital_of(code) if code else None
            if capital is None:
                continue
            end = found.end("city") if found.group("city") else found.end("city2")
            return _located(original, start, end, capital)
    return None


#: What follows the city of a meeting still to come ("in Astana next month").
_TIME_TO_COME = re.compile(
    r"\s+(?:next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year)|"
    r"in\s+the\s+coming\s+(?:days|weeks|months))\b",
    re.IGNORECASE,
)


#: A word of place before a city in the six languages ("in", "à", "в", "на" before an
#: island's city: «на Пхукете», "在", «في», and Urdu's "میں" after it is not needed: the city
#: is the first one those sentences name).
#: A word of place right before a city ("in", «في», «в», 在), or with the kind of place
#: between ("in the resort of", «في منتجع», «في مدينة», "в городе", "dans la ville de").
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|à|en|в|во|на)\s+"
    r"(?:the\s+(?:city|town|resort|port)\s+of\s+|(?:городе|курорте)\s+)?"
    r"|\bdans\s+la\s+ville\s+de\s+|在|في\s*(?:(?:مدينة|منتجع|العاصمة)\s+)?|ب)$",
    re.IGNORECASE,
)
#: How far before a city ``_place_before`` looks.
_PLACE_REACH = 30


def _place_before(original: str, start: int) -> bool:
    """Whether a word of place (``_PLACE_BEFORE``) stands right before ``start``."""
    return _PLACE_BEFORE.search(original, max(0, start - _PLACE_REACH), start) is not None


def _venue_of_translated(
    m: MeetingRecord, original: str, language: str, city: str
) -> Location | None:
    """The venue of a held meeting whose city came from a translation: when the ORIGINAL's
    sentences that carry the meeting's series or round (or write its round elsewhere) name
    known cities, none of them the model's, the city they name after a word of place (else
    the first they name) is it ("在利马同...共同主持第十二次...磋商" over the model's Beijing)."""
    # and the other sentences that write the round (a headline carries the anchors)
    anchors = anchor_sentences(m, original, language, with_city=False)
    anchors = _round_sentences(m, original, anchors)
    said = _cjk_venue(original, anchors) if language == "zh" else None
    if said is not None and said.city != city:  # "在尼泊尔博卡拉同...": not the model's Bokaro
        return said
    town = _town_venue(m, original, anchors)
    if town is not None and town.city != city:  # "在喀麦隆南部大区港口城市克里比同..."
        return town
    named = [
        c
        for s, e in dict.fromkeys(anchors)
        for c in normalize.cities_in(original, s, e)
        if not _in_dateline(original, from_text.span_at(original, c[0], c[1]))
    ]  # not the place of publication a lead sentence opens with ("ہنوئی / اسلام آباد (اے پی پی)")
    if not named or any(english == city for _, _, english in named):
        return None
    for s, e, english in named:
        if _place_before(original, s):
            return _located(original, s, e, english)
    return _located(original, *named[0])


#: Where a Chinese sentence says a meeting took place: 在 ... 举行 ("在云南省西双版纳傣族自治州
#: 景洪市告庄国际酒店举行"), and a city by its suffix (景洪市).
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2}")
_CJK_VENUE = re.compile(r"在([^。，,；;]{1,40}?)(?:举行|召开|举办|会谈|会见|主持)")
#: The name before 市: two characters, or three after a province's or prefecture's suffix or
#: at the start ("西双版纳傣族自治州景洪市" -> 景洪, "石家庄市" -> 石家庄).
_CJK_CITY = re.compile(
    r"(?:(?<=[省州区县盟])|(?<![\u4e00-\u9fff]))([\u4e00-\u9fff]{2,3})市|([\u4e00-\u9fff]{2})市"
)


def _round_sentences(
    m: MeetingRecord, original: str, regions: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """These regions, then the sentences of every place the original writes the round."""
    written = ordinal_spans(original, m.round) if m.round is not None else []
    return regions + [dating.sentence_of(original, o.start) for o in written]


#: Where a Chinese clause starts, and the words in it that put its meeting to come (agreed,
#: will, plans, next year...).
_CJK_CLAUSE_START = re.compile(r"[，。；;,\u3000\s]")
_CJK_TO_COME = re.compile(r"商定|同意|决定|将|拟|计划|明年|下月|下半年")


def _cjk_venue(original: str, regions: list[tuple[int, int]]) -> Location | None:
    """The city a Chinese sentence names where it says the meeting took place: a city the
    gazetteer knows, else a name written with 市 (city), spelt in pinyin ("景洪市" ->
    "Jinghong"); None when no such place is written."""
    if not _CJK_RUN.search(original):
        return None
    for start, end in regions:
        for venue in _CJK_VENUE.finditer(original, start, end):
            clause = _CJK_CLAUSE_START.split(original[start : venue.start()])[-1]
            if _CJK_TO_COME.search(clause):
                continue  # "双方商定9月在巴库召开...": the venue of a meeting to come
            s, e = venue.span(1)
            known = [  # not a piece of a person's name (贝拉斯科, Velasco, is not 贝拉, Beira)
                c
                for c in normalize.cities_in(original, s, e)
                if not _in_foreign_name(original, c[0])
            ]
            if known:
                return _located(original, *known[-1])
            spelt = _cjk_city_of_country(original, s, e)
            if spelt is not None:
                return spelt
            town = _CJK_CITY.search(original, s, e)
            if town is not None:
                ts, te = town.span(1) if town.group(1) else town.span(2)
                name = normalize.latinize(original[ts:te]).replace(" ", "").capitalize()
                return Location(city=name, evidence=[from_text.span_at(original, ts, te)])
    return None


def _cjk_city_of_country(original: str, start: int, end: int) -> Location | None:
    """A city written right after its country's name in [start, end) whose Chinese name no
    table has ("尼泊尔博卡拉", Pokhara, Nepal): the city of that country the gazetteer knows
    whose letters the characters transliterate (name_lexicon.chinese_pattern); None else."""
    for place in places.names_in(original, start, end):
        if place.code is None or len(place.code) != 3:
            continue
        run = _CJK_TOWN.match(original, place.end, end)
        if run is None:
            continue
        for size in range(len(run.group()), 1, -1):
            written = run.group()[:size]
            pattern = name_lexicon.chinese_pattern(written)
            if pattern is None:
                continue
            found = [
                c
                for c in gazetteer.cities_of(place.code)
                if pattern.fullmatch(name_lexicon.fold(c))
            ]
            if len(found) == 1:
                s = place.end
                return Location(
                    city=found[0],
                    country=place.code,
                    evidence=[Span(start=s, end=s + size, text=written)],
                )
    return None


#: The characters after a country's name that may write a town's name (not "同", "与"...).
_CJK_TOWN = re.compile(r"[\u4e00-\u9fff]{2,4}")


#: A preposition of place right before a city ("met in Iasi", "à Dakar", "в Казани").
_VENUE_BEFORE = re.compile(r"(?:\b(?:in|at|à|в|во)|في)\s+$", re.IGNORECASE)
#: Words of a building or a venue, not a town ("Serena Hotel", "State House", "APEC Haus"),
#: and an acronym, which names a body or its building, never a town ("KICC", "APEC ...").
_BUILDING = re.compile(
    r"(?i:\b(?:hotel|palace|house|haus|hall|cent(?:re|er)|resort|ministry|building|"
    r"headquarters|office|embassy|residence|club|complex|villa)\b)|\b[A-Z]{2,6}\b"
)


def _written_as_venue(m: MeetingRecord, original: str) -> bool:
    """The model's city, unknown to the gazetteer (a smaller town: "met in Livingstone", "à
    Flic-en-Flac"), is kept when the original writes it as it is, right after a preposition of
    place, where the model read it (in the paragraph a translation came from), and it is not
    the name of a building. Its evidence becomes that exact name."""
    city = m.location.city
    evidence = m.location.evidence[0] if m.location.evidence else None
    if evidence is None or not city or not city[:1].isupper() or _BUILDING.search(city):
        return False
    for found in re.finditer(re.escape(city) + r"(?!\w)", original):
        s, e = found.span()
        if not evidence.start <= s < evidence.end:
            continue
        if _VENUE_BEFORE.search(original, max(0, s - 6), s):
            m.location.evidence = [Span(start=s, end=e, text=original[s:e])]
            return True
    return False


#: A line's dateline before its agency tag: "ہنوئی / اسلام آباد (اے پی پی)", "Rabat (MAP)".
_DATELINE_HEAD = re.compile(r"[^\n().:،]{2,50}?\s*\([^)\n]{2,25}\)")


def _in_dateline(original: str, span: Span) -> bool:
    """Whether a span stands in its line's dateline, before the agency's tag (a lead sentence
    that opens with the dateline holds the place of publication, not the venue)."""
    line_start = original.rfind("\n", 0, span.start) + 1
    head = _DATELINE_HEAD.match(original, line_start)
    if head is not None and span.end <= head.start() + head.group().rfind("("):
        return True
    # the place before a dateline's date ("مسقط في 8 ديسمبر /العُمانية/", "Bishkek, 3 May -")
    if span.start - line_start > _DATELINE_PLACE_AT:
        return False
    line_end = original.find("\n", span.end)
    end = min(len(original) if line_end == -1 else line_end, span.end + 60)
    # any reference year reads a year-less dateline ("8 ديسمبر"): only its place matters here
    dates = dating.dates_in(original, span.end, end, language="", reference=_ANY_DAY)
    return bool(dates) and dates[0].dateline and dates[0].span.start - span.end <= _DATELINE_GAP


_ANY_DAY = datetime.date(2000, 1, 1)
#: A dateline's place opens its line (within this many characters) ...
_DATELINE_PLACE_AT = 20
#: ... and its date follows within this many ("مسقط في 8", "BISHKEK, 3").
_DATELINE_GAP = 6


def _venue_elsewhere(
    m: MeetingRecord, original: str, language: str, evidence: Span
) -> Location | None:
    """The venue, when the model's city stands outside the meeting's own sentences (for a
    meeting without series or round, its dateline's lead): the city those sentences name as a
    place ("the commission met in Iasi" over a dateline's Chisinau, «جکارتہ میں»), else,
    for a city the model took from the headline, the dateline's city; None when the model's
    city is in those sentences or nothing names another."""
    anchors = anchor_sentences(m, original, language, with_city=False)
    in_dateline = _in_dateline(original, evidence)
    if not anchors and in_dateline:
        # no series or round to find the meeting's sentences by: the lead its dateline opens
        # («أستانا في 10 مارس ... أجرى ... مباحثات ... في منتجع بوراباي»)
        anchors = [dating.sentence_of(original, evidence.start)]
    if not anchors or (any(s <= evidence.start < e for s, e in anchors) and not in_dateline):
        return None
    cjk = _cjk_venue(original, anchors)  # "9日在坦首都多多马举行", in Tanzania's capital Dodoma
    if cjk is not None:
        return cjk
    for start, end in anchors:
        for s, e, english in normalize.cities_in(original, start, end):
            if _place_before(original, s) or _PLACE_AFTER.match(original, e):
                return _located(original, s, e, english)
    if not in_dateline and any(
        english == m.location.city
        for start, end in anchors
        for _s, _e, english in normalize.cities_in(original, start, end)
    ):
        return None  # no city there is a place the meeting was in, and one is the model's
    town = _town_venue(m, original, anchors)  # «کرغزستان کے سیاحتی شہر چولپان آتا میں»
    if town is not None:
        return town
    title_end = _headline_end(original)
    if not 0 <= evidence.start < title_end:
        return None
    dateline = next(_dateline_cities(original, title_end, min(len(original), _OPENING)), None)
    return _located(original, *dateline) if dateline else None


#: What stands after the next round's ordinal when it numbers this mechanism's next meeting:
#: a round word not followed by "of" ("the twelfth round in Buenos Aires"), or the series.
_ROUND_WORD = re.compile(r"\s*(?:round|session|meeting|edition)\b(?!\s+of\b)", re.IGNORECASE)
#: "Session of the JMC", "meeting of the Joint Commission": a round word of the series.
_ROUND_OF = re.compile(
    r"\s*(?i:round|session|meeting)\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


#: "Round of consultations": a round word of the series' head noun, written in lower case.
_ROUND_OF_HEAD = re.compile(r"\s*(?i:round|session|meeting)\s+of\s+(?:the\s+)?([a-z][\w-]*)\b")


def _of_series(after: str, series: str | None) -> bool:
    """Whether the words after an ordinal are a round word "of" the series, by its name or
    its initials ("the 9th Session of the JMC", of the Joint Ministerial Commission)."""
    if not series:
        return False
    head = _ROUND_OF_HEAD.match(after)
    if head is not None and normalize.series_key(series).split()[-1:] == [
        normalize.series_key(head.group(1))
    ]:
        return True  # "the fourth round of consultations", of the Policy Consultations
    found = _ROUND_OF.match(after)
    if found is None:
        return False
    name = found.group("name")
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w-]*", series)).upper()
    key = normalize.series_key(series)
    return name == initials or normalize.series_key(name).startswith(key)


#: A sentence that announces rather than reports ("will be held", "agreed to hold", "next").
_ANNOUNCING = re.compile(
    r"\b(?:will|shall|to be held|to hold|to meet|to convene|next|scheduled|planned|due to)\b",
    re.IGNORECASE,
)
#: A month and year or a year standing alone ("in May 2027", "in 2027", "2026年").
_MONTH_OR_YEAR = re.compile(
    r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?(?<![\d.])(?:19|20|١٩|٢٠|۱۹|۲۰)\d{2}(?!\d|\.\d)|"  # «٢٠٢٧», «۲۰۲۷» too
    r"\b(?:next|the following) year\b"
)


def next_round_from_text(
    m: MeetingRecord,
    index: int,
    text: str,
    published: date | None,
    rejected: list[Rejected],
    language: str = "en",
) -> None:
    """The next meeting of a numbered mechanism, read where the text announces its next round
    ("They agreed to hold the twelfth round in Buenos Aires in 2027", "第八次外交部间战略对话于
    2026年在比勒陀利亚举行"). It replaces the model's next meeting when that was read elsewhere
    (another mechanism's round, another meeting of the same day), and corrects the date and
    city the model read in the same place. The ordinal must number a meeting: in English a round
    word (not "round of <something else>") or the series' own name follows it, and the sentence
    announces; in other languages a round word or a listed mechanism stands next to it."""
    for start, end in _next_round_sentences(m, text, language):
        found = _next_from_sentence(text, start, end, published, language)
        if found is None:
            return
        current = m.next_meeting
        if current is not None and any(e.start < end and start < e.end for e in current.evidence):
            # the model read this very place: what code reads there in the original wins
            if found.date is not None and found.date.value is not None:
                current.date = found.date
            if found.location is not None and found.location.city is not None:
                current.location = found.location
            return
        if current is not None:
            rejected.append(
                Rejected(
                    field=f"meetings[{index}].next_meeting",
                    value=current.text or "",
                    reason="not the next round; the text announces it as "
                    f"{text[start:end].strip()[:120]!r}",
                )
            )
        m.next_meeting = found
        return


#: Words of a sentence that announces a meeting still to come, by language.
_ANNOUNCING_IN = {
    "en": _ANNOUNCING,
    "fr": re.compile(r"prochain|se tiendr|aur(?:a|ont) lieu|tiendr", re.IGNORECASE),
    "ru": re.compile(r"следующ|состоится|состоятся|пройд[её]т|будет", re.IGNORECASE),
    "zh": re.compile(r"将|下一|下次|下届"),
    "ar": re.compile(r"المقبل|القادم|ستعقد|سيعقد|ستنعقد"),
    "ur": re.compile(r"آئندہ|اگلا|اگلی|اگلے|ہوگا|ہوگی|ہو گا|ہو گی"),
}


#: Words of a sentence that agrees on or announces a meeting to come: _ANNOUNCING_IN's, and
#: these ("agreed to hold", «اتفق الطرفان على عقد», «договорились провести»).
_AGREEING_IN = {
    "fr": r"tenir|convenu|réuniront|accueiller",
    "ru": r"очередн|состо[ия]т|пройд|договорил|провести|проведут",
    "zh": r"同意|明年|拟",
    "ar": r"ست?عقد|اتفق|على عقد|سيتم|ستستضيف|تستضيف|المنتظر|المقرر|يتوقع|أن\s+ت\u064f?عقد|"
    r"أن\s+ي\u064f?عقد",
    "ur": r"اتفاق|گی|گا|گے",
}
_TO_COME_IN = {
    language: re.compile(f"{_ANNOUNCING_IN[language].pattern}|{extra}", re.IGNORECASE)
    for language, extra in _AGREEING_IN.items()
}


def next_meeting_announced(
    m: MeetingRecord, index: int, original: str, language: str, rejected: list[Rejected]
) -> None:
    """A translated meeting's next meeting that only the translation's sentences support, in
    none of which the original announces or agrees on anything to come (fr_02: a sentence on
    three agreements signed), is listed in ``rejected`` and dropped."""
    nm = m.next_meeting
    cue = _TO_COME_IN.get(language)
    if nm is None or cue is None or not nm.evidence:
        return
    if any(_exact(e) for e in [*nm.evidence, *(nm.date.evidence if nm.date else [])]):
        return  # code read its date or city in the original
    if any(cue.search(original, e.start, e.end) for e in nm.evidence):
        return
    rejected.append(
        Rejected(
            field=f"meetings[{index}].next_meeting",
            value=nm.text or "",
            reason="the original's sentence announces no meeting to come",
        )
    )
    m.next_meeting = None


def round_not_the_next(
    m: MeetingRecord, index: int, original: str, language: str, rejected: list[Rejected]
) -> None:
    """A held meeting given the number of the NEXT round (the model read "the twelfth round
    will be held in Vientiane in 2026" for the eleventh's) takes the round before it, when
    every place the original writes that number announces a meeting to come and the number
    before it numbers a meeting too ("中老第十一轮外交部磋商在西双版纳举行")."""
    announcing = _ANNOUNCING_IN.get(language)
    if m.round is None or m.round < 2 or m.status != "held" or announcing is None:
        return
    written = ordinal_spans(original, m.round)
    if not written:
        return
    for span in written:
        start, end = dating.sentence_of(original, span.start)
        if not announcing.search(original, start, end):
            return
    before = [
        o for o in ordinal_spans(original, m.round - 1) if _numbers_a_meeting(original, o, language)
    ]
    if not before:
        return
    rejected.append(
        Rejected(
            field=f"meetings[{index}].round",
            value=str(m.round),
            reason="the original writes this number only for the next meeting; this one is "
            f"{before[0].text!r}",
        )
    )
    m.round -= 1
    m.field_evidence["round"] = [before[0]]
    # the series (and the places read from its sentence) was read at the next round's
    # ordinal: read it again at this one's; the title and id follow the round
    if "series" in m.field_evidence:
        series_from_original(m, index, original, language, rejected)
    renamed(m)


def round_of_a_meeting_to_come(
    m: MeetingRecord,
    index: int,
    original: str,
    language: str,
    reference: date | None,
    rejected: list[Rejected],
) -> None:
    """A held meeting given the number (and the mechanism) of a meeting still to come: every
    sentence of the original that writes the number announces a meeting and one dates it
    after the reference date ("whose 10th session is scheduled to be held in Astana on Oct.
    30"). The number is dropped, and the series with it when it is written there only."""
    announcing = _ANNOUNCING_IN.get(language)
    if m.round is None or m.status != "held" or announcing is None or reference is None:
        return
    written = ordinal_spans(original, m.round)
    sentences = [dating.sentence_of(original, span.start) for span in written]
    if not sentences or not all(announcing.search(original, s, e) for s, e in sentences):
        return
    later = [
        f
        for s, e in sentences
        for f in dating.dates_in(original, s, e, language=language, reference=reference, ahead=True)
        if f.value > reference.isoformat()
    ]
    if not later:
        return
    where = f"meetings[{index}]"
    reason = f"the original writes it only for a meeting to come, on {later[0].value}"
    rejected.append(Rejected(field=f"{where}.round", value=str(m.round), reason=reason))
    m.round = None
    m.field_evidence.pop("round", None)
    series = m.field_evidence.get("series", [])
    if m.series and series and all(any(s <= sp.start < e for s, e in sentences) for sp in series):
        rejected.append(Rejected(field=f"{where}.series", value=m.series, reason=reason))
        m.series = None
        m.field_evidence.pop("series", None)
    if any(s <= sp.start < e for sp in m.date.evidence for s, e in sentences):
        if m.date.value is not None:
            rejected.append(Rejected(field=f"{where}.date", value=m.date.value, reason=reason))
        m.date = MeetingDate(value=None, precision="unknown", text=None)  # the body's, below
    renamed(m)


#: Words that make an ordinal number a meeting, by language, looked for right around it
#: ("XVe session", "девятая министерская встреча", "第八次", «الدورة الثامنة», «آٹھواں دور»).
#: A mechanism's name right after an English ordinal ("the 11th Joint Commission").
_MECHANISM_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,5}?\s+(?:Dialogue|Commission|Committee|Council|Consultations|"
    r"Working Group|Summit|Forum|Meeting|Talks|Session|Round|Retreat)\b"
)
_ROUND_WORDS = {
    "fr": re.compile(r"session|réunion|édition|round|cycle", re.IGNORECASE),
    "ru": re.compile(r"заседани|встреч|раунд|сесси|консультаци|(?<!\w)тур", re.IGNORECASE),
    "zh": re.compile(r"[次轮届]|会议|对话|磋商"),
    "ar": re.compile(r"الدور|الجول|الاجتماع|اجتماع|دورة|جولة"),
    "ur": re.compile(r"دور|اجلاس|مشاورت|ملاقات"),
}
_ROUND_WORD_WINDOW = 30


def _numbers_a_meeting(text: str, ordinal: Span, language: str) -> bool:
    """Whether an ordinal numbers a meeting: in English a round word follows it; in other
    languages a listed mechanism is named with it (mechanisms.series_after), or a round word
    stands right around it."""
    if language == "en":
        return bool(
            _ROUND_WORD.match(text, ordinal.end) or _MECHANISM_AFTER.match(text, ordinal.end)
        )
    if mechanisms.series_after(text, ordinal, language) is not None:
        return True
    words = _ROUND_WORDS.get(language)
    if words is None:
        return False
    around = text[max(0, ordinal.start - 12) : ordinal.end + _ROUND_WORD_WINDOW]
    return bool(words.search(around))


#: "The next round", by language: a word for next beside a word for a meeting ("la prochaine
#: session", "следующее заседание", "下一轮", «الجولة المقبلة», «آئندہ دور»).
_NEXT_ROUND = {
    "en": re.compile(
        r"\bnext\s+(?:\w+\s+)?(?:round|session|meeting|edition|dialogue|consultations?)\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\bprochaine?s?\s+(?:session|réunion|édition|round|consultations?)\b", re.IGNORECASE
    ),
    "ru": re.compile(
        r"следующ\w*\s+(?:\w+\s+)?(?:заседани|встреч|раунд|сесси|консультаци)", re.IGNORECASE
    ),
    "zh": re.compile(r"下一轮|下一次|下次|下届"),
    "ar": re.compile(
        r"(?:الجولة|الدورة|الاجتماع|الاجتماعات|المشاورات)\s+(?:\S+\s+)?(?:المقبلة|القادمة|المقبل|القادم)"
    ),
    "ur": re.compile(r"(?:آئندہ|اگلا|اگلی|اگلے)\s+(?:\S+\s+)?(?:دور|اجلاس|نشست|مشاورت)"),
}


#: Where a series key's fields begin ("joint commission | for cooperation").
_SERIES_FIELDS = re.compile(r" (?:on|for) ")


def _next_round_sentences(m: MeetingRecord, text: str, language: str) -> Iterator[tuple[int, int]]:
    """The sentences that announce the mechanism's next meeting: where the round after this
    one is written as a number of a meeting (in English, followed by a round word, not "round
    of <something else>", or by the series' name, in an announcing sentence), then where
    "the next round" is written."""
    if m.round is not None:
        # the name up to its head noun: "the 6th Mixed Commission" names the Mixed Commission
        # on Technical, Scientific, Educational and Cultural Cooperation
        key = _SERIES_FIELDS.split(normalize.series_key(m.series))[0] if m.series else None
        for ordinal in ordinal_spans(text, m.round + 1):
            if language == "en":
                after = text[ordinal.end : ordinal.end + 80]
                names_series = bool(key) and normalize.series_key(after).startswith(key or "")
                if not (_ROUND_WORD.match(after) or names_series or _of_series(after, m.series)):
                    continue
            elif not _numbers_a_meeting(text, ordinal, language):
                continue
            start, end = dating.sentence_of(text, ordinal.start)
            if language == "en" and not _ANNOUNCING.search(text, start, end):
                continue
            yield start, end
    pattern = _NEXT_ROUND.get(language)
    for found in pattern.finditer(text) if pattern is not None else ():
        yield dating.sentence_of(text, found.start())


#: "This year" for a meeting still to come ("later this year"), in the six languages.
_THIS_YEAR = re.compile(
    r"(?i:\b(?:later\s+)?this\s+year\b|\bcette\s+ann[ée]e\b|\bв\s+этом\s+году)|今年|"
    r"(?:هذا|خلال)\s+العام(?:\s+الجاري)?|العام\s+الجاري|اس\s+سال|رواں\s+سال"
)


def next_year_from_reference(m: MeetingRecord, reference: date | None) -> None:
    """A next meeting dated only "next year" or "later this year" (the model's words, or the
    translation's) takes its year from the reference date (publication, else dateline), else
    from the held meeting's own date."""
    when = m.next_meeting.date if m.next_meeting is not None else None
    if when is None or when.value is not None or not when.text:
        return
    # with no publication date or dateline, the year of the meeting held (the report is
    # written within days of it: "下一次战略对话明年...", after a dialogue of 14 January 2027)
    held = m.date.value if m.status == "held" and m.date.value else None
    base = reference.year if reference is not None else int(held[:4]) if held else None
    if base is None:
        return
    if _NEXT_YEAR.search(when.text):
        year = base + 1
    elif _THIS_YEAR.search(when.text):
        year = base
    else:
        return
    resolved = "published" if reference is not None else "text"
    when.value, when.precision, when.resolved_from = str(year), "year", resolved


#: "Next year" in the six languages, read against the publication date.
_NEXT_YEAR = re.compile(
    r"(?i:\bnext\s+year\b|l['’]ann[ée]e\s+prochaine|l['’]an\s+prochain|"
    r"в\s+(?:следующем|будущем)\s+году)|明年|(?:العام|السنة)\s+(?:المقبل|القادم|المقبلة|القادمة)|"
    r"(?:آئندہ|اگلے)\s+(?:سال|برس)"
)


def _next_from_sentence(
    text: str, start: int, end: int, published: date | None, language: str = "en"
) -> NextMeeting | None:
    """A next meeting from the sentence that announces it: its date (a day, else a month and
    year, a year, or "next year") and its city (in English the one after a preposition of place;
    in other languages the last the sentence names); None when it names neither."""
    when: MeetingDate | None = None
    days = dating.dates_in(text, start, end, language=language, reference=published, ahead=True)
    if days:
        day = days[0]
        when = MeetingDate(
            value=day.value,
            precision="day",
            text=day.span.text,
            resolved_from=day.resolved_from,
            evidence=[day.span],
        )
    else:
        # a year before the report's is not when the next meeting takes place
        match = next(
            (
                m
                for m in _MONTH_OR_YEAR.finditer(text, start, end)
                if published is None
                or not (year := re.search(r"\d{4}", m.group().translate(normalize.ASCII_DIGITS)))
                or int(year.group()) >= published.year
            ),
            None,
        )
        next_year = _NEXT_YEAR.search(text, start, end) if published is not None else None
        if match is not None:
            written = match.group().translate(normalize.ASCII_DIGITS)
            nd = normalize.normalize_date(written, published=published, ahead=True)
            if nd.value is not None:
                span = from_text.span_at(text, *match.span())
                when = MeetingDate(
                    value=nd.value,
                    precision=nd.precision,
                    text=span.text,
                    resolved_from=nd.resolved_from,
                    evidence=[span],
                )
        elif published is not None:
            # "next year", else "this year" («خلال ... العام الجاري»)
            this_year = None if next_year else _THIS_YEAR.search(text, start, end)
            said = next_year or this_year
            if said is not None:
                span = from_text.span_at(text, *said.span())
                when = MeetingDate(
                    value=str(published.year + (1 if next_year else 0)),
                    precision="year",
                    text=span.text,
                    resolved_from="published",
                    evidence=[span],
                )
    where: Location | None = None
    # in other languages the last city the sentence names ("في مدينة الرياض": مدينة, "city",
    # is also a city's name)
    cities = [
        (s, e, english)
        for s, e, english in normalize.cities_in(text, start, end)
        if language != "en" or _VENUE_BEFORE.search(text, max(0, s - 6), s)
    ]
    if cities:
        where = _located(text, *(cities[-1] if language != "en" else cities[0]))
    if when is None and where is None:
        return None
    sentence = from_text.span_at(text, start, end)
    return NextMeeting(date=when, location=where, text=sentence.text, evidence=[sentence])


def _name_from_original(
    d: Delegation,
    index: int,
    i: int,
    name: str,
    span: tuple[int, int, str],
    rejected: list[Rejected],
) -> None:
    """The head's name is ``name``, read where the original writes it (``span``: start, end,
    the text written there), which becomes its evidence; a different name of the model's is
    listed in ``rejected``."""
    start, end, written = span
    name = romanize.joined_suffix(written, name, d.party)
    if name != d.head.name:
        rejected.append(
            Rejected(
                field=f"meetings[{index}].delegations[{i}].head.name",
                value=d.head.name,
                reason=f"the original writes {written!r}: {name}",
            )
        )
        d.head.name = name
    d.evidence = [Span(start=start, end=end, text=written)]


def _title_from_original(
    d: Delegation, index: int, i: int, english: str, reason: str, rejected: list[Rejected]
) -> None:
    """The head's title is ``english``, the title the original writes, unless the model's
    already says it (titles.says); a title it replaces is listed in ``rejected``."""
    if titles.says(d.head.title, english):
        return
    rejected.append(
        Rejected(
            field=f"meetings[{index}].delegations[{i}].head.title",
            value=d.head.title,
            reason=reason,
        )
    )
    d.head.title = english


def _title_written(
    d: Delegation, index: int, i: int, title: titles.TitleInText, rejected: list[Rejected]
) -> None:
    """The title the original writes next to the head (titles, cyrillic) is the head's, unless
    the model's says it (_title_from_original); its span joins the head's evidence."""
    reason = f"the original writes {title.written!r}: {title.english}"
    _title_from_original(d, index, i, title.english, reason, rejected)
    span = Span(start=title.start, end=title.end, text=title.written)
    if span not in d.evidence:
        d.evidence.append(span)


_CJK_NAME = re.compile(r"[\u4e00-\u9fff]")


#: The hundred commonest Chinese surnames (a title's next characters are a name only after one).
_CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤"
)
#: Characters that end a two-character name when they follow it ("邓怀与..." is not read).
_AFTER_NAME = frozenset("与和同在表说会分共举率出及对向等就为将也并则")
_CHINESE_NAME_AT = re.compile(r"^[\u4e00-\u9fff]")


def _chinese_name_after_title(original: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The first Chinese name the original writes right after an official's title between
    ``start`` and ``end``: (start, end, its pinyin)."""
    for match in _CHINESE_TITLE_THEN_NAME.finditer(original, start, end):
        name = match.group(1)
        if name[0] not in _CHINESE_SURNAMES:
            continue
        if len(name) == 3 and name[2] in _AFTER_NAME:
            name = name[:2]
        s = match.start(1)
        return s, s + len(name), normalize.latinize(name)
    return None


def _chinese_title(
    d: Delegation, index: int, i: int, original: str, start: int, rejected: list[Rejected]
) -> None:
    """The title the original writes right before a head's name ("外交部副部长邓怀远": Vice
    Foreign Minister; "外交部秘书长玛丽安娜·...": Secretary-General of the Ministry of Foreign
    Affairs) replaces a title of the model's that does not say it."""
    for written in _CHINESE_TITLES_LONGEST_FIRST:
        if not original.endswith(written, 0, start):
            continue
        title = _CHINESE_TITLES[written]
        if original.endswith("外交部", 0, start - len(written)):
            if title in _CHINESE_MINISTRY_OFFICES:
                title = f"{title} of the Ministry of Foreign Affairs"
            elif "Minister" in title and "Foreign" not in title:
                title = title.replace("Minister", "Foreign Minister", 1)
        reason = f"the original writes the title before the name: {title}"
        _title_from_original(d, index, i, title, reason, rejected)
        return


_CHINESE_TITLES = {
    "副部长": "Vice Minister", "部长助理": "Assistant Minister", "部长": "Minister",
    "副外长": "Vice Foreign Minister", "外长": "Foreign Minister", "大使": "Ambassador",
    "特使": "Special Envoy", "特别代表": "Special Representative", "司长": "Director-General",
    "主任": "Director", "副总理": "Vice Premier", "总理": "Premier", "副主席": "Vice President",
    "主席": "President", "秘书长": "Secretary-General", "国务委员": "State Councilor",
    "常务秘书": "Permanent Secretary", "国务秘书": "State Secretary",
    "外交秘书": "Foreign Secretary", "执行主任": "Executive Director",
    "副总理兼外交部长": "Deputy Prime Minister and Foreign Minister",
    "外交部长": "Foreign Minister",
}  # fmt: skip
#: Titles that name no ministry of their own, "of the Ministry of Foreign Affairs" when
#: written after 外交部 (外交部秘书长: Secretary-General of the Ministry of Foreign Affairs).
_CHINESE_MINISTRY_OFFICES = frozenset(
    {"Secretary-General", "Permanent Secretary", "State Secretary"}
)
_CHINESE_TITLES_LONGEST_FIRST = sorted(_CHINESE_TITLES, key=len, reverse=True)
#: Chinese officials' titles written right before the name ("外交部副部长邓怀远").
_CHINESE_TITLE_THEN_NAME = re.compile(
    "(?:" + "|".join(_CHINESE_TITLES_LONGEST_FIRST) + ")([\u4e00-\u9fff]{2,3})"
)


#: One syllable of pinyin, as a translation writes a Chinese name's syllables apart.
_PINYIN_SYLLABLE = re.compile(r"^[A-Z][a-z]{0,5}$")


def cjk_head_from_original(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """A Chinese head's name is the romanisation of the characters the ORIGINAL writes: the
    two- or three-character name in the head's paragraph whose pinyin has the translation's
    given name (the translation got "高明远" as "Li Mingyuan") becomes the name, with its
    exact span."""
    for i, d in enumerate(m.delegations):
        evidence = d.evidence[0] if d.evidence else None
        words = d.head.name.split()
        if len(words) == 3 and d.party == "CHN" and all(_PINYIN_SYLLABLE.match(w) for w in words):
            words = [words[0], words[1] + words[2].casefold()]  # "Qi Wen Tao": Qi Wentao
        if evidence is None or _exact(evidence) or len(words) != 2:
            continue
        given = words[1].casefold()
        best: tuple[int, int, str] | None = None
        # the head's paragraph, then the lead (a translation may point to the headline)
        for region_start, region_end in (
            (evidence.start, evidence.end),
            (0, min(len(original), _LEAD)),
        ):
            best = _pinyin_name_in(original, region_start, region_end, given)
            if best is None and d.party == "CHN" and not _CHINESE_NAME_AT.match(d.head.name):
                # the translation's name is not in the paragraph at all ("Wang Wenying" for
                # 邓怀远): the Chinese official's name the original writes after a title there
                best = _chinese_name_after_title(original, region_start, region_end)
            if best is not None:
                break
        if best is None:
            continue
        start, end, latin = best
        # the translation's name is part of the one the original writes after a title ("Li
        # Ming" for 钱立明: 外交部副部长钱立明)
        whole = _chinese_name_after_title(original, max(0, start - 8), end)
        if whole is not None and whole[0] < start < whole[1]:
            start, end, latin = whole
        _name_from_original(d, index, i, latin, (start, end, original[start:end]), rejected)
        _chinese_title(d, index, i, original, start, rejected)


#: A foreign name as Chinese writes it: its parts joined by a middle dot
#: (玛丽亚·克里斯蒂娜·贝拉斯科).
_CJK_DOTTED = re.compile(r"[\u4e00-\u9fff]+(?:[·•・][\u4e00-\u9fff]+)+")
#: Titles written right before a foreign name, which its first part must not take in
#: ("外交部副部长玛丽亚").
_CJK_TITLE_END = re.compile(
    "(?:" + "|".join([*_CHINESE_TITLES_LONGEST_FIRST, "常务秘书", "秘书", "助理", "代表", "次长",
    "国务卿", "大臣", "议长", "总统", "首相", "署长", "局长", "会长", "事务", "先生", "女士"]) + ")"
)  # fmt: skip
#: Characters a foreign name's last part does not run into (贝拉斯科共同主持: "jointly chair").
_CJK_AFTER_FOREIGN_NAME = frozenset(
    "与和同在表说会分共举率出及对向等就为将也并则的进主于是时称指强应邀参谈一"
)
#: A part of a foreign name is at most this many characters.
_CJK_PART = 6


def _foreign_names_in(original: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Each dotted foreign name the original writes: (start, end, its parts' spans), a title
    before it and the words after it cut off."""
    out = []
    for m in _CJK_DOTTED.finditer(original):
        parts = [(p.start(), p.end()) for p in re.finditer(r"[\u4e00-\u9fff]+", m.group())]
        parts = [(m.start() + a, m.start() + b) for a, b in parts]
        first_start, first_end = parts[0]
        titles_before = list(_CJK_TITLE_END.finditer(original, first_start, first_end))
        if titles_before:
            first_start = titles_before[-1].end()
        last_start, last_end = parts[-1]
        cut = next(
            (k for k in range(last_start, last_end) if original[k] in _CJK_AFTER_FOREIGN_NAME),
            last_end,
        )
        parts[0], parts[-1] = (first_start, first_end), (last_start, cut)
        if len(parts) == 1:
            parts = [(first_start, cut)]
        if all(0 < b - a <= _CJK_PART for a, b in parts):
            out.append((parts[0][0], parts[-1][1], parts))
    return out


def _in_foreign_name(original: str, at: int) -> bool:
    """Whether position ``at`` is inside a foreign name written in Chinese characters (贝拉 in
    玛丽亚·何塞·贝拉斯科 is no city)."""
    if not _CJK_NAME.match(original, at):
        return False
    line_start = original.rfind("\n", 0, at) + 1
    line_end = original.find("\n", at)
    line = original[line_start : len(original) if line_end == -1 else line_end]
    return any(a <= at - line_start < b for a, b, _parts in _foreign_names_in(line))


def _written_by(word: str, characters: str) -> bool:
    """Whether Chinese characters may write a Latin name word: their consonant keys meet,
    a c read as ts too (Slovene "Vodopivec", 沃多皮韦茨)."""
    keys = name_lexicon.latin_keys(word) | name_lexicon.latin_keys(word.replace("c", "s"))
    return bool(keys & name_lexicon.chinese_keys(characters))


def cjk_foreign_head_from_original(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """A foreign head of a Chinese article is spelt from the name the original writes
    (玛丽亚·克里斯蒂娜·贝拉斯科, translated "Maria Cristina Besacosa"): paired with the dotted
    name of as many parts whose consonants agree with most of the model's words, each word
    the model spelt as no name list has, or as a listed name its characters do not write
    ("Penda Xiong" for 彭达·希孔戈), is replaced by the name the list ranks for the head's
    country that its characters transliterate (name_lexicon.chinese_spelling: Velasco,
    Shikongo)."""
    names = _foreign_names_in(original)
    for i, d in enumerate(m.delegations):
        words = normalize.canonical_person(d.head.name).split()
        if d.party == "CHN" or not words or _CJK_NAME.search(d.head.name):
            continue
        best: tuple[int, tuple[int, int, list[tuple[int, int]]]] | None = None
        for found in names:
            if len(found[2]) != len(words):
                continue
            agree = sum(
                _written_by(w, original[a:b]) for w, (a, b) in zip(words, found[2], strict=True)
            )
            if best is None or agree > best[0]:
                best = (agree, found)
        if best is None or best[0] == 0:
            continue
        _agree, (start, end, parts) = best
        spelt = []
        for word, (a, b) in zip(words, parts, strict=True):
            # a listed name the characters do not write ("Xiong" for 希孔戈) is spelt anew
            listed = (
                None
                if name_lexicon.listed(word) and _written_by(word, original[a:b])
                else name_lexicon.chinese_spelling(original[a:b], d.party)
            )
            spelt.append(listed or word)
        name = " ".join(spelt)
        _name_from_original(d, index, i, name, (start, end, original[start:end]), rejected)
        d.head.name_as_written = original[start:end]
        _chinese_title(d, index, i, original, start, rejected)


def _pinyin_name_in(original: str, start: int, end: int, given: str) -> tuple[int, int, str] | None:
    """The first three- or two-character run of original[start:end] whose pinyin is a
    surname and the given name ``given``: (start, end, pinyin)."""
    for size in (3, 2):
        for at in range(start, end - size + 1):
            piece = original[at : at + size]
            if not all(_CJK_NAME.match(ch) for ch in piece):
                continue
            latin = normalize.latinize(piece)
            parts = latin.split()
            if len(parts) == 2 and parts[1].casefold() == given:
                return at, at + size, latin
    return None


def _names_a_party(written: str) -> bool:
    """Whether a run of Arabic-script words names a country or organisation (also after the
    conjunction و, "and")."""
    return any(
        normalize.party_code(word) or (word.startswith("و") and normalize.party_code(word[1:]))
        for word in written.split()
    )


def _a_place(name: str) -> bool:
    compact = name.replace(" ", "")
    return any(normalize.city_info(n) or normalize.party_code(n) for n in (name, compact))


#: A headline longer than this is not one line of a headline.
_HEADLINE_MAX = 200


def parties_from_headline(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """A translated meeting's party the translation got wrong ("UN" for «یورپی یونین», a bank
    for Pakistan): when the original's headline names exactly two parties and the meeting has
    one of them, its other party (or the one code knows no code for, or the missing one) is
    the headline's other party; when it has neither, and the opening names none of its
    parties, the headline's two are its parties. A party no country or organisation code
    knows is dropped (a translation's invention: "Southwestern Indian Ocean Islands'
    government")."""
    _party_from_headline(m, index, original, rejected)
    for i, party in enumerate(m.parties):
        if not party.code:
            rejected.append(
                Rejected(
                    field=f"meetings[{index}].parties[{i}]",
                    value=party.name,
                    reason="not a country or organisation code knows (from a translation)",
                )
            )
    m.parties = [p for p in m.parties if p.code]


def _party_from_headline(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    # the headline: the first of the opening lines that names two parties in its first
    # _HEADLINE_MAX characters (an outlet's or a ministry's name, or a dateline, may stand
    # above it; a headline that names them "پاکستان-قازقستان" leaves it to the lead)
    lines = islice((ln for ln in _LINES.finditer(original) if ln.group().strip()), 4)
    heads = (
        (
            ln.end(),
            places.parties_named(original, ln.start(), min(ln.end(), ln.start() + _HEADLINE_MAX)),
        )
        for ln in lines
    )
    line_end, named = next(((e, n) for e, n in heads if len(n) == 2), (0, []))
    if not named:
        return
    codes = [p.code for p in named]
    known = [p for p in m.parties if p.code]
    if not known:  # the translation gave no party code knows: the headline's two
        m.parties += [_party_written(original, p) for p in named]
        return
    kept = [p for p in known if p.code in codes]

    def in_opening() -> set[str | None]:
        """The codes of the parties the opening (the headline and the lead) names."""
        opening = places.parties_named(original, 0, min(len(original), _OPENING + line_end))
        return {p.code for p in opening}

    if not kept:
        # none of the headline's two, and none the opening names either (the model took
        # the OIC and ECO a later paragraph names for «پاکستان اور آذربائیجان»): the two
        if not {q.code for q in known} & in_opening():
            for i, dropped in enumerate(m.parties):
                rejected.append(
                    Rejected(
                        field=f"meetings[{index}].parties[{i}]",
                        value=dropped.name,
                        reason="the original's headline names "
                        + " and ".join(repr(original[p.start : p.end]) for p in named),
                    )
                )
            m.parties = [_party_written(original, p) for p in named]
        return
    if len(kept) != 1 or len(known) > 2:
        return
    right = next(p for p in named if p.code != kept[0].code)
    party = _party_written(original, right)
    wrong = next((p for p in known if p.code not in codes), None)
    if wrong is not None:
        if wrong.code in in_opening():
            return  # the opening names it: a party the headline leaves out ("страны Залива")
    else:  # the model's other party is none code knows, or it gave one party only
        wrong = next((p for p in m.parties if not p.code), None)
    if wrong is None:
        m.parties.append(party)
        return
    rejected.append(
        Rejected(
            field=f"meetings[{index}].parties[{m.parties.index(wrong)}]",
            value=wrong.name,
            reason=f"the original's headline names {original[right.start : right.end]!r} "
            f"({right.label}) beside {kept[0].name}",
        )
    )
    m.parties[m.parties.index(wrong)] = party


#: A word of Arabic-script text, for its party adjectives («الموريتانية», «پاکستانی»).
_SCRIPT_WORD = re.compile(r"[^\s،,.:;()«»\"'؛۔-]+")


def _parties_in(original: str, start: int, end: int, language: str) -> list[tuple[str, int, int]]:
    """(code, start, end) of every party an Arabic or Urdu text[start:end] names, by its name
    (places.parties_named) or its people's adjective, in text order."""
    side = led_by.arabic_side_code if language == "ar" else led_by.side_code
    found = [(p.code, p.start, p.end) for p in places.parties_named(original, start, end) if p.code]
    for word in _SCRIPT_WORD.finditer(original, start, end):
        code = side(word.group())
        if code is not None:
            found.append((code, word.start(), word.end()))
    return sorted(found, key=lambda f: f[1])


def parties_never_named(
    m: MeetingRecord, index: int, original: str, language: str, rejected: list[Rejected]
) -> None:
    """A translated meeting's party that the Arabic or Urdu original never names, by its name
    or its people's adjective, is the translation's invention (Mauritania translated as
    "South Africa"): a party the meeting's own sentences name («اللجنة المشتركة الموريتانية
    اليابانية») and it lacks takes its place. Without one, it is kept."""
    named = {code for code, _s, _e in _parties_in(original, 0, len(original), language)}
    wrong = [p for p in m.parties if p.code and p.code not in named]
    # the parties the meeting's sentences name that it lacks, in text order (the tables may
    # miss a form of a country's name: a party is dropped only for one of these)
    instead: list[Party] = []
    for start, end in anchor_sentences(m, original, language):
        for code, s, e in _parties_in(original, start, end, language):
            if all(p.code != code for p in [*m.parties, *instead]):
                evidence = [from_text.span_at(original, s, e)]
                instead.append(Party(name=normalize.party_name(code), code=code, evidence=evidence))
    for party, other in zip(wrong, instead, strict=False):
        i = m.parties.index(party)
        rejected.append(
            Rejected(
                field=f"meetings[{index}].parties[{i}]",
                value=party.name,
                reason="the original names it nowhere (a translation's error); the meeting's "
                f"sentence names {other.evidence[0].text!r} ({other.name})",
            )
        )
        m.parties[i] = other


def _party_written(original: str, named: places.Place) -> Party:
    """A party the original names, as the record's party with its exact span."""
    return Party(
        name=normalize.party_name(named.code or "") or named.label,
        code=named.code,
        evidence=[from_text.span_at(original, named.start, named.end)],
    )


#: China and a partner abbreviated to a character each, before what the two share
#: ("中哈外交部战略对话", "中纳两国", "中斯第二轮战略对话"): the partner's first character.
_CHINESE_PAIR = re.compile(
    r"中([\u4e00-\u9fff])(?=两国|外交部|第|战略|政治|联合|政府间|双边|关系|合作|磋商|对话|友好|"
    r"永久|全面|经贸)"
)


def party_of_chinese_pair(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """China's partner as a Chinese original abbreviates it ("中哈": 哈萨克斯坦, Kazakhstan, the
    one country the original names in full whose name opens with that character): a party the
    translation gave instead that the original names nowhere ("Hong Kong" for 中哈) is
    replaced by it, and a meeting with China alone gets it."""
    codes = [p.code for p in m.parties]
    if "CHN" not in codes:
        return
    named = places.parties_named(original, 0, len(original))
    letters = {found.group(1) for found in _CHINESE_PAIR.finditer(original)}
    partners = [
        p
        for p in named
        if p.code not in (None, "CHN") and original[p.start : p.start + 1] in letters
    ]
    if len(partners) != 1:
        return
    partner = partners[0]
    if partner.code in codes:
        return
    named_codes = {p.code for p in named}
    strays = [i for i, p in enumerate(m.parties) if p.code != "CHN" and p.code not in named_codes]
    if len(m.parties) == 1:
        m.parties.append(_party_written(original, partner))
    elif len(strays) == 1:
        j = strays[0]
        rejected.append(
            Rejected(
                field=f"meetings[{index}].parties[{j}]",
                value=m.parties[j].name,
                reason=f"the original names it nowhere; its pair of China is {partner.label} "
                f"({original[partner.start : partner.end]})",
            )
        )
        m.parties[j] = _party_written(original, partner)


_LINES = re.compile(r"[^\n]+")


def one_head_per_side(m: MeetingRecord, index: int, rejected: list[Rejected]) -> None:
    """A translated meeting's side with two heads, one of them found in the original (its
    name's exact span) and the other only in the translation, is led by the one found: the
    other is the translation's ("Crispin Quissey" beside «ٹوماش ویژبِتسکی»). A head of no
    side that the original does not name, when it names each side's head, is dropped too. A
    head whose name in the original is a piece of another head's is that person twice:
    dropped."""
    names = [
        (d.evidence[0].start, d.evidence[0].end) if d.evidence and _exact(d.evidence[0]) else None
        for d in m.delegations
    ]
    found = {d.party for d, name in zip(m.delegations, names, strict=True) if name is not None}
    sides = {p.code for p in m.parties if p.code}
    kept: list[Delegation] = []
    for i, d in enumerate(m.delegations):
        reason = None
        mine = names[i]
        if d.party in found and mine is None:
            reason = "not in the original; the original names this side's head"
        elif d.party is None and mine is None and sides and sides <= found:
            # a translation's invention ("Karachi (Atif Rupprecht)" for «اسٹاف رپورٹر»)
            reason = "of no side, and not in the original, which names both sides' heads"
        elif mine is not None and any(
            other is not None and other != mine and other[0] <= mine[0] and mine[1] <= other[1]
            for other in names
        ):  # «ماريانا» inside «ماريانا كاستيو أورتيز», the other side's head
            reason = "a piece of another head's name in the original: the same person"
        if reason is not None:
            rejected.append(
                Rejected(
                    field=f"meetings[{index}].delegations[{i}].head.name",
                    value=d.head.name,
                    reason=reason,
                )
            )
            continue
        kept.append(d)
    m.delegations = kept


#: Letters of the scripts a translation leaves behind: Cyrillic, Arabic, CJK, Korean.
_OTHER_SCRIPT = re.compile(
    r"[\u0400-\u04ff\u0600-\u06ff\u0750-\u077f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)


def titles_in_english(m: MeetingRecord, index: int, rejected: list[Rejected]) -> None:
    """A head's title with letters of another script left in it by a translation ("... of the
    Nan比亚 International Development and Trade Office") is garbled: listed in ``rejected``
    and left out."""
    for i, d in enumerate(m.delegations):
        title = d.head.title
        if title and _OTHER_SCRIPT.search(title):
            rejected.append(
                Rejected(
                    field=f"meetings[{index}].delegations[{i}].head.title",
                    value=title,
                    reason="letters of another script in an English title: a garbled translation",
                )
            )
            d.head.title = None


#: A report's byline, whose name is the writer's, not a head of delegation's: a short line
#: «كتب – أحمد سمير», "By CHANDA MULENGA", «Par Awa Diop», «Автор: ...», «رپورٹ: ...», or
#: a Chinese wire's «（记者 周海涛）».
_BYLINE = re.compile(
    r"^[ \t]*(?:كتب|كتبت|بقلم|(?i:by|par|автор|текст)|رپورٹ|تحریر)\b[^\n]{0,60}$"
    r"|[（(]记者[^）)\n]{0,40}[）)]",
    re.MULTILINE,
)


def heads_not_bylines(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """A head the original names only in the report's byline (_BYLINE) is its writer: dropped."""
    bylines = [(b.start(), b.end()) for b in _BYLINE.finditer(original)]
    if not bylines:
        return
    kept: list[Delegation] = []
    for i, d in enumerate(m.delegations):
        exact = [e for e in d.evidence if _exact(e)]
        if exact and all(any(s <= e.start < t for s, t in bylines) for e in exact):
            rejected.append(
                Rejected(
                    field=f"meetings[{index}].delegations[{i}].head.name",
                    value=d.head.name,
                    reason="named only in the report's byline: its writer, not a head",
                )
            )
            continue
        kept.append(d)
    m.delegations = kept


def heads_on_both_sides(m: MeetingRecord, index: int, rejected: list[Rejected]) -> None:
    """In a meeting of two parties, a head the model gave to neither (a Kuwaiti assistant
    minister given to "EU") leads the side that has no head yet."""
    codes = [p.code for p in m.parties if p.code]
    if len(codes) != 2:
        return
    outside = [d for d in m.delegations if d.party not in codes]
    headless = [c for c in codes if not any(d.party == c for d in m.delegations)]
    if len(outside) != 1 or len(headless) != 1:
        return
    d = outside[0]
    rejected.append(
        Rejected(
            field=f"meetings[{index}].delegations[{m.delegations.index(d)}].party",
            value=d.party or "",
            reason=f"not a party to the meeting; the head leads the other side, {headless[0]}",
        )
    )
    d.party = headless[0]


def cyrillic_head_from_original(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """A head in a Russian original is the name the original writes (cyrillic.find_name: the
    written name nearest the model's spelling, put in the nominative), spelt as English media
    spell Russian names ("Mikhail Lavrinenkov" -> «Михаил Лаврентьев» -> "Mikhail
    Lavrentyev"), with its exact span; a foreign name the model spelt near the original's keeps
    the model's spelling ("D. Setiawan" for «Д.Сетиаваном»). The title written before the name
    (cyrillic.title_before: «вице-премьер Армении») is the head's title unless the model's
    already says it."""
    for i, d in enumerate(m.delegations):
        evidence = d.evidence[0] if d.evidence else None
        if evidence is None:
            continue
        if _exact(evidence):
            name_start = evidence.start
        else:
            found = cyrillic.find_name(original, d.head.name)
            if found is None:
                continue
            name = cyrillic.spelling_for(d.head.name, found)
            written = (found.start, found.end, found.written)
            _name_from_original(d, index, i, name, written, rejected)
            name_start = found.start
        title = cyrillic.title_before(original, name_start)
        if title is not None:
            _title_written(d, index, i, title, rejected)


#: How much better (rapidfuzz ratio) a name written elsewhere in the original must match the
#: model's than the one in the paragraph the translation points to, to be taken instead.
_BETTER_NAME = 15


def _native_name(
    original: str, evidence: Span, name: str, party: str | None
) -> romanize.NameInText | None:
    """Where the original writes the model's name as an Arabic-script name of ``party``'s: in
    the paragraph the translation points to, else anywhere; anywhere also when it matches
    far better there («احمد نواز خٹک» for "Ahmad Nazhik", over the paragraph's «امور ڈویژن»,
    "Affairs Division")."""
    found = romanize.find_name(original, evidence.start, evidence.end, name, party)
    if found is not None and found.score + _BETTER_NAME > 100:
        return found  # no match elsewhere can be better by _BETTER_NAME
    anywhere = romanize.find_name(original, 0, len(original), name, party)
    if anywhere is not None and _a_place(anywhere.latin):
        anywhere = None  # "Islam Abad" is Islamabad, not a person
    if found is None or (anywhere is not None and anywhere.score >= found.score + _BETTER_NAME):
        return anywhere
    return found


def arabic_head_from_original(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """A head from an Arabic-name country (romanize.NAME_COUNTRIES) is spelt from the name
    the ORIGINAL writes in the head's paragraph, by romanize.find_name ("Mazan Abdullah Faziz"
    -> «مازن عبد الله الفايز» -> "Mazen Abdullah Al-Fayez"), with its exact span; any other
    head's name keeps the words whose consonants the original's agree with and spells the
    others from it (romanize.spell_foreign: "Robert Costa Ribeiro" -> «ماریانا کوستا
    ریبیرو» -> "Mariana Costa Ribeiro")."""
    for i, d in enumerate(m.delegations):
        evidence = d.evidence[0] if d.evidence else None
        if evidence is None or _exact(evidence):
            continue
        if d.party in romanize.NAME_COUNTRIES:
            found = _native_name(original, evidence, d.head.name, d.party)
        else:  # a name not Arabic by origin: each word checked against the original's
            found = romanize.spell_foreign(
                original, evidence.start, evidence.end, d.head.name, d.party
            )
            # a name whose every word is an attested name of the meeting's Arabic-script
            # side is that side's (the model gave «احمد نواز» to the SCO): spelt as such
            arabic_side = next(
                (p.code for p in m.parties if p.code in romanize.NAME_COUNTRIES), None
            )
            native = (
                _native_name(original, evidence, d.head.name, arabic_side)
                if found is not None and arabic_side is not None
                else None
            )
            if (
                found is not None
                and native is not None
                and (
                    (native.start, native.end) == (found.start, found.end)
                    or native.score >= found.score + _BETTER_NAME
                )
                and romanize.attested_name(native.written, arabic_side)
            ):
                found = native
        if found is None or _names_a_party(found.written):
            continue  # «مصر وإندونيسيا تعقدان», "Egypt and Indonesia hold", is no person
        written = (found.start, found.end, found.written)
        _name_from_original(d, index, i, found.latin, written, rejected)
        d.head.name_as_written = found.written
        title = titles.title_near(original, found.start, found.end, party=d.party)
        if title is not None:
            _title_written(d, index, i, title, rejected)


#: A model's name whose consonants match the original's this well is kept as spelt (its
#: vowels are better than a letter-by-letter reading: "Dov Thanh", not "Do Van Sana").
_SAME_NAME = 60
#: Words no one person's name holds ("Sery and Yidaitsi" is a garbled name).
_NOT_ONE_NAME = re.compile(r"\b(?:and|of|the|for)\b")


def arabic_heads_chaired(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """The head an Arabic ORIGINAL names in a "<side> was chaired by" clause
    (led_by.heads_chaired: «ترأس الجانب الأردني ... السفير نضال العبادي»), or in a "chaired by X
    and Y" sentence whose parts name the sides (led_by.heads_cochaired), or who held talks
    with the other side's (led_by.heads_met_arabic), leads that side: a
    side the model gave no head gets it; a side whose head the model gave is not that name
    (its name is not where the clause writes it) has the clause's name instead, spelt from
    the original (romanize) near the model's spelling, with the title written next to it."""
    codes = [p.code for p in m.parties if p.code]
    named = [
        (found, led_by.arabic_side_code(found.side)) for found in led_by.heads_chaired(original)
    ]
    named += _sides_of_pairs(led_by.heads_cochaired(original), codes)
    named += _sides_of_pairs(led_by.heads_met_arabic(original), codes)
    named += _sides_of_pairs(led_by.heads_received_arabic(original), codes)
    _sides_by_name(m, index, [(f, c) for f, c in named if c in codes], rejected)
    for found, code in named:
        if code is None or code not in codes:
            continue
        mine = [(i, d) for i, d in enumerate(m.delegations) if d.party == code]
        if any(
            _exact(e) and e.start <= found.start and found.end <= e.end
            for _i, d in mine
            for e in d.evidence
        ):
            continue  # the model's head for this side, found where the clause names it
        proposed = mine[0][1].head.name if mine else ""
        shorter = len(proposed.split()) < len(found.written.split())
        if (
            proposed
            and romanize.consonant_match(proposed, found.written) >= _SAME_NAME
            and not _NOT_ONE_NAME.search(proposed)
            and not (shorter and code not in romanize.NAME_COUNTRIES)
        ):
            latin = proposed  # the model's spelling of this name
        elif code in romanize.NAME_COUNTRIES:
            latin = romanize.romanize(found.written, code, proposed)
        elif shorter:
            # the model left words out («تنوير أحمد صديقي» as "Ahmed Sadique"): each word of
            # the original, in the model's spelling where that spells it, else from the letters
            latin = romanize.spell_with_model(found.written, proposed, code)
        else:
            spelt = romanize.spell_foreign(original, found.start, found.end, proposed, code)
            latin = (
                spelt.latin
                if spelt is not None and (spelt.start, spelt.end) == (found.start, found.end)
                else " ".join(romanize.spell_word(w, code) for w in found.written.split())
            )
        # not the other head's title («وكيل وزارة الخارجية ...، وسعادة دو فان ثانه»)
        title = titles.title_near(original, found.start, found.end, found.part_start, code)
        if mine:
            i, d = mine[0]
            _name_from_original(
                d, index, i, latin, (found.start, found.end, found.written), rejected
            )
            d.head.name_as_written = found.written
            d.evidence = _head_evidence(found, title)
            if title is not None:
                _title_written(d, index, i, title, rejected)
            continue
        m.delegations.append(_head_from_original(code, latin, found, title))


def _sides_by_name(
    m: MeetingRecord,
    index: int,
    named: list[tuple[led_by.LedBy, str | None]],
    rejected: list[Rejected],
) -> None:
    """A head the model gave to the wrong side: its name is the one the original writes for
    the other side (by its consonants), and that side has no head of that name; it takes
    the original's side."""
    for found, code in named:
        for i, d in enumerate(m.delegations):
            if (
                code is None
                or d.party == code
                or d.head is None
                or romanize.consonant_match(d.head.name, found.written) < _SAME_NAME
                or any(
                    o.party == code
                    and o.head is not None
                    and romanize.consonant_match(o.head.name, found.written) >= _SAME_NAME
                    for o in m.delegations
                )
            ):
                continue
            reason = f"the original names {found.written!r} as the {code} side's head"
            _to_side(d, index, i, code, reason, rejected)


def _to_side(
    d: Delegation, index: int, i: int, code: str, reason: str, rejected: list[Rejected]
) -> None:
    """The head leads the side ``code``; the party the model gave is listed in ``rejected``."""
    rejected.append(
        Rejected(
            field=f"meetings[{index}].delegations[{i}].party", value=d.party or "", reason=reason
        )
    )
    d.party = code


def _sides_of_pairs(
    heads: list[tuple[led_by.LedBy, str | None]], codes: list[str]
) -> list[tuple[led_by.LedBy, str | None]]:
    """Heads named two by two ("chaired by X and Y", side ""), each with its side: the party
    its part names, or, for the one of a pair whose part names none, the meeting's other
    party. A head named alone (its side's words given) keeps its own."""
    out: list[tuple[led_by.LedBy, str | None]] = []
    i = 0
    while i < len(heads):
        first, first_code = heads[i]
        pair = heads[i + 1] if i + 1 < len(heads) else None
        if pair is not None and first.side == "" and pair[0].side == "":
            second, second_code = pair
            if len(codes) == 2 and (first_code is None) != (second_code is None):
                known = first_code or second_code
                other = next((c for c in codes if c != known), None) if known in codes else None
                first_code, second_code = first_code or other, second_code or other
            out += [(first, first_code), (second, second_code)]
            i += 2
            continue
        out.append((first, first_code))
        i += 1
    return out


def _head_evidence(found: led_by.LedBy, title: titles.TitleInText | None) -> list[Span]:
    """A head's name as the original writes it, and its title there if any."""
    evidence = [Span(start=found.start, end=found.end, text=found.written)]
    if title is not None:
        evidence.append(Span(start=title.start, end=title.end, text=title.written))
    return evidence


def _head_from_original(
    code: str, latin: str, found: led_by.LedBy, title: titles.TitleInText | None
) -> Delegation:
    """A head the model left out, as the original names it in a clause about who led."""
    return Delegation(
        party=code,
        head=Person(
            name=romanize.joined_suffix(found.written, latin, code),
            title=title.english if title else None,
            name_as_written=found.written,
        ),
        role="head",
        evidence=_head_evidence(found, title),
    )


def urdu_heads_from_original(
    m: MeetingRecord, index: int, original: str, rejected: list[Rejected]
) -> None:
    """A head the Urdu ORIGINAL names in a "delegation led by" clause (led_by.heads_led), a
    "co-chaired by X and Y" sentence or an "on X's behalf ... represented" clause
    (led_by.heads_cochaired_urdu), and the model left out, joins the meeting: its side is the
    party the clause names, else the one party left without a head; its name is spelt from
    the original (romanize), its title read next to it (titles). A head the model gave that
    side elsewhere (ur_19's "António Guterres", ur_23's name spelt from «چوتھا دور ہنوئی») is
    listed in ``rejected`` and replaced."""
    codes = [p.code for p in m.parties if p.code]
    named = [(found, led_by.side_code(found.side)) for found in led_by.heads_led(original)]
    named += _sides_of_pairs(led_by.heads_cochaired_urdu(original), codes)
    for found, code in named:
        given = next(
            (
                (i, d)
                for i, d in enumerate(m.delegations)
                if _same_written(d, found.written) or _given_at(d, found)
            ),
            None,
        )
        if given is not None:  # a head the model gave, found in the original
            i, d = given
            if code in codes and d.party in codes and d.party != code:  # on the other side
                reason = f"the original says {found.written!r} led the {code} side"
                _to_side(d, index, i, code, reason, rejected)
            continue
        if code is None:
            left = [c for c in codes if not any(d.party == c for d in m.delegations)]
            code = left[0] if len(left) == 1 else None
        if code is None or code not in codes:
            continue
        # the clause says who led this side: a head of the model's spelt from other words of
        # the original («چوتھا دور ہنوئی», "fourth round Hanoi", for "Shahid Khan") is not it
        for i, d in enumerate(m.delegations):
            if d.party == code:
                rejected.append(
                    Rejected(
                        field=f"meetings[{index}].delegations[{i}].head.name",
                        value=d.head.name,
                        reason=f"the original says {found.written!r} led this side",
                    )
                )
        m.delegations = [d for d in m.delegations if d.party != code]
        m.delegations.append(_head_spelt(code, found, original))
    # added for a visit, or when no head of the model's leads a party of the meeting (ur_16:
    # its one head was given to the OIC, whose council the two ministers met beside)
    sides = any(d.party in codes for d in m.delegations)
    _heads_who_met(m, original, codes, add=m.kind == "visit" or not sides)


def _given_at(d: Delegation, found: led_by.LedBy) -> bool:
    """Whether the model's head has an exact span where the original writes ``found``."""
    return any(_exact(e) and e.start < found.end and found.start < e.end for e in d.evidence)


def _same_written(d: Delegation, written: str) -> bool:
    """Whether a head's name as written is ``written``, or its end after a rank («سردار احمد
    نواز» for «احمد نواز»): one person the text names in two places."""
    own = d.head.name_as_written if d.head else None
    return bool(own) and (own == written or f"{written} ".endswith(f" {own} "))


def _head_spelt(code: str, found: led_by.LedBy, original: str) -> Delegation:
    """The head ``found`` in the original, for the side ``code``: spelt as its country's
    names are (romanize), with the title written next to it (titles)."""
    if code in romanize.NAME_COUNTRIES:
        latin = romanize.romanize(found.written, code, "")
    else:
        latin = " ".join(romanize.spell_word(w, code) for w in found.written.split())
    title = titles.title_near(original, found.start, found.end, found.part_start, code)
    return _head_from_original(code, latin, found, title)


def _heads_who_met(m: MeetingRecord, original: str, codes: list[str], *, add: bool) -> None:
    """A visit's side the model gave no head: the person an Urdu sentence says met the
    other side («... ژواؤ میگیل کاروالیو ... نے ... محمد احسن ملک سے ملاقات کی»,
    led_by.heads_met_urdu), its side the party its words name, else the one left, added
    when ``add`` (a visit, or no head at all); when the model gave that person to the other
    side, beside that side's own head, the person moves to this side."""
    for found, code in _sides_of_pairs(led_by.heads_met_urdu(original), codes):
        if code is None:
            left = [c for c in codes if not any(d.party == c for d in m.delegations)]
            code = left[0] if len(left) == 1 else None
        if code is None or code not in codes or any(d.party == code for d in m.delegations):
            continue
        # the model's head of no party of the meeting, where the sentence names this side's
        astray = [d for d in m.delegations if d.party not in codes and _given_at(d, found)]
        if astray:
            m.delegations.remove(astray[0])
            m.delegations.append(_head_spelt(code, found, original))
            continue
        # the model gave this person, but to the other side (two heads for one party)
        same = [d for d in m.delegations if d.head.name_as_written == found.written]
        if same and sum(d.party == same[0].party for d in m.delegations) > 1:
            same[0].party = code
        elif add:
            m.delegations.append(_head_spelt(code, found, original))


def replace_date(
    m: MeetingRecord, index: int, chosen: dating.Found, reason: str, rejected: list[Rejected]
) -> None:
    """The date read from the original becomes the meeting's; the one it replaces is listed."""
    current = m.date
    where = f"meetings[{index}].date"
    if current.value is not None:
        rejected.append(
            Rejected(
                field=where,
                value=current.value,
                reason=f"{reason}: {chosen.value}",
                proposed_evidence=current.text,
            )
        )
    m.date = chosen.as_meeting_date()
    codes = [pt.code or pt.name for pt in m.parties]
    m.id = meeting_id(codes, m.series, m.round, m.date.value)


def _hollow(m: MeetingRecord) -> bool:
    """Whether the model's meeting holds nothing that makes it a diplomatic meeting: no
    series, and no head of delegation on any side (a football match's coach)."""
    return not m.series and not any(d.party for d in m.delegations)


def back_to_original(
    brief: ArticleBrief, translation: Translation, article: Article, language: str
) -> ArticleBrief:
    """Point every span of a brief made from the translation into the original article."""
    data = brief.model_dump(mode="json")
    meetings = [
        MeetingRecord.model_validate(m) for m in map_evidence(data["meetings"], translation)
    ]
    rejected = list(brief.rejected)
    if translation.missing:
        rejected.append(
            Rejected(
                field="translation",
                value=", ".join(str(n) for n in translation.missing),
                reason="these paragraphs were not translated; facts in them were not read",
            )
        )
    for i, m in enumerate(meetings):
        round_from_original(m, i, article.text, language, rejected)
        kept: list[Quote] = []
        for j, quote in enumerate(m.quotes):
            ev = quote.evidence[0] if quote.evidence else None
            found = original_quotation(article.text[ev.start : ev.end]) if ev else None
            if ev is None or found is None:
                rejected.append(
                    Rejected(
                        field=f"meetings[{i}].quotes[{j}]",
                        value=quote.text,
                        reason="no quotation in the original paragraph",
                    )
                )
                continue
            offset, text = found
            start = ev.start + offset
            span = Span(start=start, end=start + len(text), text=text)
            kept.append(quote.model_copy(update={"text": text, "evidence": [span]}))
        m.quotes = kept
        for d in m.delegations:
            d.head.name_as_written = None
    source = brief.source.model_copy(
        update={"sha256": article.sha256, "chars": article.chars, "language": language}
    )
    return brief.model_copy(update={"meetings": meetings, "rejected": rejected, "source": source})


def masked_article(article: Article) -> tuple[list[str], Article]:
    """The paragraphs withheld as injection, and the article with them blanked out (same
    length and sha256, so offsets and identity are the original's)."""
    masked = injection.mask(article.text)
    if not masked.spans:
        return [], article
    return masked.withheld(article.text), dataclasses.replace(article, text=masked.text)


@dataclass(frozen=True)
class Answered:
    """One article once the model has answered for it: everything ``finish`` reads. Plain,
    picklable data (a batch may finish it in a CPU worker process, see workers.py)."""

    article: Article  # what the model read: the English text (translated if need be), masked
    source_article: Article  # the original, masked
    facts: ArticleFacts
    language: str
    published: date | None
    settings: Settings
    run: RunInfo
    translation: Translation | None
    withheld: list[str]  # paragraphs masked as prompt injection
    #: what the model's answers lost to their token budget (llm.Usage.lost)
    lost: list[str] = dataclasses.field(default_factory=list)


class Finisher(Protocol):
    """Runs ``finish`` somewhere else (workers.CpuWorkers: in a worker process)."""

    def finish(self, answered: Answered) -> ArticleBrief: ...


def summarize(
    article: Article,
    client: ModelClient,
    settings: Settings,
    *,
    finisher: Finisher | None = None,
) -> ArticleBrief:
    """Summarize one article into a grounded ArticleBrief: the model's answers (``answer``),
    then the code's checks (``finish``), run by ``finisher`` if one is given."""
    started = time.perf_counter()
    answered = answer(article, client, settings)
    brief = finish(answered) if finisher is None else finisher.finish(answered)
    brief.run.seconds = round(time.perf_counter() - started, 3)
    return brief


def answer(article: Article, client: ModelClient, settings: Settings) -> Answered:
    """The model's part of an article: translation if need be, then the proposed facts; when
    the model finds no meeting in a translation that lost the one its original reports, those
    paragraphs are translated again and the model reads the mended English."""
    check_fits(article, settings)
    language = normalize.detect_language(article.text)
    published = publication_date(article)
    # paragraphs that instruct the software are blanked (offsets kept) before anything reads
    # the article; grounding then cannot find support in them either
    withheld_original, article = masked_article(article)
    withheld_english: list[str] = []
    usage = Usage()
    translation: Translation | None = None
    source_article = article
    ask = functools.partial(
        propose,
        client=client,
        language="en",
        published=published.isoformat() if published else None,
        max_tokens=settings.max_tokens,
    )
    if language != "en":
        translation, t_usage = translate_article(
            article, client, language=language, max_tokens=translation_budget(article, settings)
        )
        usage.add(t_usage)
        withheld_english, article = _english_read(source_article, translation)
    facts, e_usage = ask(article)
    usage.add(e_usage)
    if translation is not None and not facts.meetings:
        lost = lost_meeting_paragraphs(translation)
        if lost:
            # the translation lost the meeting the original reports: those paragraphs are
            # translated again, on their own, and the model reads the mended English
            translation, r_usage = retranslate_paragraphs(
                source_article,
                translation,
                lost,
                client,
                language=language,
                max_tokens=translation_budget(source_article, settings),
            )
            usage.add(r_usage)
            withheld_english, article = _english_read(source_article, translation)
            facts, again = ask(article)
            usage.add(again)
    withheld = withheld_original + withheld_english
    facts, extra = englishify(facts, client, language=language, max_tokens=400)
    usage.add(extra)
    run = RunInfo(
        model=client.model,
        provider=client.provider,
        prompt_versions=prompt_versions(),
        calls=usage.calls,
        tokens_in=usage.tokens_in,
        tokens_out=usage.tokens_out,
        seconds=0.0,
    )
    # the client's answers are instances of instructor's wrapper class, which cannot be
    # pickled; the facts are its fields, in the plain class
    plain = ArticleFacts.model_construct(set(facts.model_fields_set), meetings=facts.meetings)
    return Answered(
        article=article,
        source_article=source_article,
        facts=plain,
        language=language,
        published=published,
        settings=settings,
        run=run,
        translation=translation,
        withheld=withheld,
        lost=usage.lost,
    )


def _english_read(source: Article, translation: Translation) -> tuple[list[str], Article]:
    """The translation as the article the model reads, its paragraphs that instruct the
    software withheld (``masked_article``)."""
    return masked_article(english_article(source, translation))


def finish(answered: Answered) -> ArticleBrief:
    """The code's part of an article (pure CPU): ground and normalise the proposed facts
    into a brief, then check it against the original text."""
    language, published = answered.language, answered.published
    translation, source_article = answered.translation, answered.source_article
    brief = build_brief(
        answered.article,
        answered.facts,
        language=language,
        published=published,
        settings=answered.settings,
        run=answered.run,
    )
    # (an English original only: a translation may have left out or garbled the paragraph)
    if (
        brief.meetings
        and translation is None
        and not from_text.writes_a_meeting_word(answered.article.text)
    ):
        brief.rejected.extend(
            Rejected(
                field=f"meetings[{i}]",
                value=m.title,
                reason="the article writes no word for a meeting (met, talks, visit, ...)",
            )
            for i, m in enumerate(brief.meetings)
        )
        brief.meetings = []
    if translation is not None:
        brief = back_to_original(brief, translation, source_article, language)
    reference = dating.reference_date(source_article.text, language, published)
    if translation is not None and (not brief.meetings or _hollow(brief.meetings[0])):
        mentioned = from_mention.meeting_in_passing(source_article.text, language, reference)
        if mentioned is not None:
            renamed(mentioned)
            brief.rejected.append(
                Rejected(
                    field="meetings[0]",
                    value=brief.meetings[0].title if brief.meetings else "(none)",
                    reason="the model reported no meeting code could check; code read the one "
                    f"the original mentions in passing: {mentioned.title!r}",
                )
            )
            brief.meetings = [mentioned]
    for i, m in enumerate(brief.meetings):
        if m.primary:
            round_not_the_next(m, i, source_article.text, language, brief.rejected)
            round_of_a_meeting_to_come(
                m, i, source_article.text, language, reference, brief.rejected
            )
            call_from_original(m, i, source_article.text, language, reference, brief.rejected)
        if translation is not None:
            status_from_original(m, i, source_article.text, language, brief.rejected)
        date_from_original(m, i, source_article.text, language, reference, brief.rejected)
        city_from_original(m, i, source_article.text, language, brief.rejected)
        next_city_from_original(m, i, source_article.text)
        if translation is not None and m.primary:
            parties_from_headline(m, i, source_article.text, brief.rejected)
            if language in ("ar", "ur"):
                parties_never_named(m, i, source_article.text, language, brief.rejected)
            if language == "zh":
                party_of_chinese_pair(m, i, source_article.text, brief.rejected)
            series_named_in_original(m, i, source_article.text, language, brief.rejected)
        heads_on_both_sides(m, i, brief.rejected)
        if language == "zh":
            cjk_head_from_original(m, i, source_article.text, brief.rejected)
            cjk_foreign_head_from_original(m, i, source_article.text, brief.rejected)
        if language == "ru":
            cyrillic_head_from_original(m, i, source_article.text, brief.rejected)
        if language in ("ar", "ur", "fa"):
            arabic_head_from_original(m, i, source_article.text, brief.rejected)
        if language == "ur" and m.primary:
            urdu_heads_from_original(m, i, source_article.text, brief.rejected)
        if language == "ar" and m.primary:
            arabic_heads_chaired(m, i, source_article.text, brief.rejected)
        heads_not_bylines(m, i, source_article.text, brief.rejected)
        if translation is not None:
            one_head_per_side(m, i, brief.rejected)
            titles_in_english(m, i, brief.rejected)
        drop_generic_topics(m, i, brief.rejected)
        if translation is not None:
            topics_pointed_in_original(m, source_article.text)
        if m.primary:
            m.topics = topics_from_places(m, source_article.text)
            if translation is not None:
                m.topics = topics_from_subjects(m, source_article.text)
            next_round_from_text(m, i, source_article.text, reference, brief.rejected, language)
        if translation is not None:
            next_meeting_announced(m, i, source_article.text, language, brief.rejected)
        next_year_from_reference(m, reference)
        renamed(m)  # the id and title of the checked parties, series, round and date
    # the headline and summary say what the checked record says (both were written before
    # the checks); a translated article's headline is its primary meeting's title, not the
    # translation's first line (a small model's: "... will host the 2026 Eurovision Song
    # Contest" for a strategic dialogue)
    own = article_headline(source_article.text) if translation is None else None
    if brief.meetings and not own:
        brief.headline = brief.meetings[0].title
    brief.summary = write_summary(brief.meetings, brief.headline)
    brief.rejected.extend(
        Rejected(
            field="article",
            value=paragraph.strip()[:300],
            reason="paragraph addresses the software reading the article (prompt injection); "
            "masked, not read",
        )
        for paragraph in answered.withheld
    )
    brief.rejected.extend(
        Rejected(
            field="model answer",
            value=lost,
            reason="the model's answer was cut at its token budget (it may have repeated "
            "itself) and was read as far as it went: this part is missing",
        )
        for lost in answered.lost
    )
    return brief
