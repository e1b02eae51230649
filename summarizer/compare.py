"""Compare several article briefs: events, series, topics, a timeline and checked prose.

Every meeting record of every brief is grouped (`merge.group_events`), whatever its status.
A `mentioned` or `announced` record tied to a held event (same round, or same exact day) is
one more source of that event, not an event of its own. One that nothing ties to a held
record stays an event with its own status, so the timeline keeps the earlier meetings that an
article gives as context.

The prose is generated from the MERGED records, never from the articles, and each sentence
names the article ids whose facts it uses. `verify_sentences` checks the text of each sentence
against the facts each named article supports.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .merge import Judge, group_events, merge_event, record_series_key, similar
from .normalize import english_list, party_name
from .records import (
    ArticleBrief,
    ArticleRef,
    ComparativeSummary,
    Comparison,
    Discrepancy,
    Event,
    MeetingRecord,
    Series,
    SeriesEntry,
    SummarySentence,
    TimelineEntry,
)

#: At most this many topics are named in one sentence.
MAX_TOPICS_NAMED = 6
_MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
_THE_WORDS = ("Union", "Nations", "Organization", "Organisation", "Republic", "Kingdom", "States")


# ---- article ids -------------------------------------------------------------------------


def article_ids(briefs: Sequence[ArticleBrief]) -> list[str]:
    """The stem of each source path (e.g. "000_caf759044ef1bebc"), else the sha256's first 8."""
    ids: list[str] = []
    for brief in briefs:
        base = Path(brief.source.path).stem if brief.source.path else brief.source.sha256[:8]
        candidate, n = base, 1
        while candidate in ids:
            n += 1
            candidate = f"{base}-{n}"
        ids.append(candidate)
    return ids


def source_labels(ids: Iterable[str]) -> dict[str, str]:
    """Short labels for article ids: the part before the first "_" when that stays unique."""
    unique = list(dict.fromkeys(ids))
    short = {i: i.split("_", 1)[0] for i in unique}
    if len(set(short.values())) == len(unique):
        return short
    return {i: i for i in unique}


def markers(sources: Iterable[str], labels: dict[str, str]) -> str:
    return "".join(f"[{labels.get(s, s)}]" for s in sources)


# ---- series, topics, timeline -------------------------------------------------------------


def _parties(record: MeetingRecord) -> list[str]:
    return sorted((p.code or p.name).upper() for p in record.parties)


def _entry_order(event: Event) -> tuple[bool, int, str]:
    record = event.record
    return (record.round is None, record.round or 0, record.date.value or "~")


def _topic_labels(event: Event) -> list[str]:
    return [t.label for t in event.record.topics]


def _missing(labels: list[str], others: list[str]) -> list[str]:
    return [label for label in labels if not any(similar(label, o) for o in others)]


def build_series(events: list[Event]) -> list[Series]:
    """Events of one recurring mechanism (same parties and series key), in round/date order."""
    grouped: dict[tuple[tuple[str, ...], str], list[Event]] = {}
    for event in events:
        key = record_series_key(event.record)
        if key:
            grouped.setdefault((tuple(_parties(event.record)), key), []).append(event)
    return [_series(parties, members) for (parties, _), members in grouped.items()]


def _series(parties: tuple[str, ...], members: list[Event]) -> Series:
    ordered = sorted(members, key=_entry_order)
    entries: list[SeriesEntry] = []
    previous: list[str] | None = None
    for event in ordered:
        labels = _topic_labels(event)
        entries.append(
            SeriesEntry(
                event_id=event.event_id,
                round=event.record.round,
                date=event.record.date.value,
                added_topics=_missing(labels, previous) if previous is not None else [],
                dropped_topics=_missing(previous, labels) if previous is not None else [],
            )
        )
        previous = labels
    rounds = sorted({e.round for e in entries if e.round is not None})
    missing = sorted(set(range(rounds[0], rounds[-1] + 1)) - set(rounds)) if rounds else []
    spellings: Counter[str] = Counter()
    for event in ordered:
        spellings[event.record.series or ""] += len(event.sources)
    return Series(
        series=spellings.most_common(1)[0][0],
        parties=list(parties),
        events=entries,
        missing_rounds=missing,
    )


def topic_overlap(events: list[Event]) -> tuple[list[str], dict[str, list[str]]]:
    """Topics raised at two or more events, and per event the topics no other event raised."""
    shared: list[str] = []
    distinct: dict[str, list[str]] = {}
    for event in events:
        others = [label for e in events if e is not event for label in _topic_labels(e)]
        for label in _topic_labels(event):
            if not any(similar(label, o) for o in others):
                distinct.setdefault(event.event_id, []).append(label)
            elif not any(similar(label, s) for s in shared):
                shared.append(label)
    return shared, distinct


def build_timeline(events: list[Event]) -> list[TimelineEntry]:
    ordered = sorted(events, key=lambda e: (e.record.date.value is None, e.record.date.value or ""))
    return [
        TimelineEntry(
            date=e.record.date.value,
            event_id=e.event_id,
            title=e.record.title,
            status=e.record.status,
        )
        for e in ordered
    ]


# ---- building the summary -----------------------------------------------------------------


def article_ref(article_id: str, brief: ArticleBrief) -> ArticleRef:
    source = brief.source
    return ArticleRef(
        id=article_id,
        path=source.path or source.url,
        sha256=source.sha256,
        language=source.language,
        outlet=source.outlet,
        published=source.published,
    )


def compare_briefs(
    briefs: list[ArticleBrief], ids: list[str] | None = None, *, judge: Judge | None = None
) -> ComparativeSummary:
    """Group, merge and compare the meetings of several briefs (see the module docstring)."""
    ids = _checked_ids(briefs, ids)
    items = [(i, record) for i, brief in zip(ids, briefs, strict=True) for record in brief.meetings]
    events = [merge_event(group) for group in group_events(items, judge=judge)]
    series = build_series(events)
    shared, distinct = topic_overlap(events)
    sentences = write_prose(events, series)
    labels = source_labels(ids)
    comparison = Comparison(
        shared_topics=shared,
        distinct_topics=distinct,
        timeline=build_timeline(events),
        summary=summary_text(sentences, labels),
        sentences=sentences,
    )
    return ComparativeSummary(
        articles=[article_ref(i, b) for i, b in zip(ids, briefs, strict=True)],
        events=events,
        series=series,
        comparison=comparison,
    )


def _checked_ids(briefs: list[ArticleBrief], ids: list[str] | None) -> list[str]:
    if ids is None:
        return article_ids(briefs)
    if len(ids) != len(briefs) or len(set(ids)) != len(ids):
        raise ConfigError(
            f"need one distinct id per brief: got {len(ids)} ids "
            f"({len(set(ids))} distinct) for {len(briefs)} briefs"
        )
    return ids


def summary_text(sentences: list[SummarySentence], labels: dict[str, str]) -> str:
    """The sentences joined, each followed by its source markers, e.g. "... [000][001]"."""
    return " ".join(f"{s.text} {markers(s.sources, labels)}".strip() for s in sentences)


# ---- facts: what each source supports -----------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """A value as it is written in prose, and the articles that support it.

    A weak fact (a party name) recurs across meetings, so it alone does not show that an
    article supports a sentence about one of them.
    """

    text: str
    sources: frozenset[str]
    weak: bool = False


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_date(value: str) -> str:
    """ "2025-02-20" -> "20 February 2025", "2025-02" -> "February 2025", "2025" -> "2025"."""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value
    return value


def date_phrase(value: str) -> str:
    return f"on {format_date(value)}" if len(value) == 10 else f"in {format_date(value)}"


def display_party(code: str | None, name: str) -> str:
    found = party_name(code) if code else None
    return found if found and found != code else name


def with_article(name: str) -> str:
    """ "European Union" -> "the European Union"; "Pakistan" -> "Pakistan"."""
    return f"the {name}" if any(w in name.split() for w in _THE_WORDS) else name


def _scalar_facts(
    event: Event, field_name: str, value: str | None, shown: str | None
) -> list[Fact]:
    """A scalar's facts: from its discrepancy values when it has any, else all the sources."""
    found = [
        d for d in event.discrepancies if d.field == field_name and d.kind != "only_in_one_source"
    ]
    if not found:
        return [Fact(shown, frozenset(event.sources))] if value is not None and shown else []
    facts: list[Fact] = []
    for discrepancy in found:
        for v in discrepancy.values:
            if v.value is not None:
                facts.append(Fact(_show_scalar(field_name, v.value), frozenset(v.sources)))
    return facts


def _show_scalar(field_name: str, value: str) -> str:
    if field_name == "round" and value.isdigit():
        return ordinal(int(value))
    if field_name == "date":
        return format_date(value)
    if field_name == "location.country":
        return display_party(value, value)
    return value


def event_facts(event: Event) -> list[Fact]:
    """What the prose may say about one event (topics aside), with the supporting articles."""
    record = event.record
    facts: list[Fact] = []
    round_ = str(record.round) if record.round is not None else None
    for name, value in (
        ("round", round_),
        ("date", record.date.value),
        ("series", record.series),
        ("location.city", record.location.city),
        ("location.country", record.location.country),
    ):
        facts += _scalar_facts(event, name, value, _show_scalar(name, value) if value else None)
    for party in record.parties:
        for text in {party.name, display_party(party.code, party.name)}:
            facts.append(Fact(text, frozenset(party.sources), weak=True))
    return facts + _delegation_facts(event)


def _delegation_facts(event: Event) -> list[Fact]:
    facts: list[Fact] = []
    for delegation in event.record.delegations:
        sources = frozenset(delegation.sources)
        facts.append(Fact(delegation.head.name, sources))
        title = delegation.head.title
        conflict = _title_conflict(event.discrepancies, delegation.party)
        if conflict is None and title:
            facts.append(Fact(title, sources))
        for v in conflict.values if conflict else []:
            if v.value:
                facts.append(Fact(v.value, frozenset(v.sources) & sources))
    return facts


def _title_conflict(discrepancies: list[Discrepancy], party: str | None) -> Discrepancy | None:
    name = f"delegations[{party or '?'}].head.title"
    return next((d for d in discrepancies if d.field == name), None)


def topic_facts(events: Iterable[Event]) -> list[Fact]:
    """Each topic label, supported by every article that gave it or a similar label."""
    topics = [(t.label, frozenset(t.sources)) for e in events for t in e.record.topics]
    return [
        Fact(label, frozenset().union(*(s for other, s in topics if similar(label, other))))
        for label, _ in topics
    ]


def all_facts(events: Iterable[Event]) -> dict[str, Fact]:
    """Facts of the events by lower-cased text; a text's sources are pooled over events."""
    chosen = list(events)
    pooled: dict[str, Fact] = {}
    for fact in [f for e in chosen for f in event_facts(e)] + topic_facts(chosen):
        key = fact.text.casefold()
        if not key.strip():
            continue
        known = pooled.get(key)
        if known:
            fact = Fact(known.text, known.sources | fact.sources, known.weak and fact.weak)
        pooled[key] = fact
    return pooled


def _patterns(facts: dict[str, Fact]) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (key, re.compile(r"(?<!\w)" + re.escape(fact.text) + r"(?!\w)", re.IGNORECASE))
        for key, fact in facts.items()
    ]


def facts_in(
    text: str, facts: dict[str, Fact], patterns: list[tuple[str, re.Pattern[str]]] | None = None
) -> list[Fact]:
    """The facts a text mentions: whole-word matches, the longest winning where they overlap."""
    hits: list[tuple[int, int, str]] = []
    for key, pattern in patterns if patterns is not None else _patterns(facts):
        hits += [(m.start(), m.end(), key) for m in pattern.finditer(text)]
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int]] = []
    found: list[str] = []
    for start, end, key in hits:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            found.append(key)
    return [facts[key] for key in dict.fromkeys(found)]


def verify_sentences(
    sentences: list[SummarySentence], events: list[Event]
) -> list[SummarySentence]:
    """Check each sentence: every fact it states is supported by one of its named sources, and
    every named source supports one of its facts. Returns copies with `verified` and `note`."""
    facts = all_facts(events)
    patterns = _patterns(facts)
    known = {s for e in events for s in e.sources}
    return [_verify(s, facts, patterns, known) for s in sentences]


def _verify(
    sentence: SummarySentence,
    facts: dict[str, Fact],
    patterns: list[tuple[str, re.Pattern[str]]],
    known: set[str],
) -> SummarySentence:
    stated = facts_in(sentence.text, facts, patterns)
    named = set(sentence.sources)
    problems = [f"unknown source {s}" for s in sentence.sources if s not in known]
    problems += [
        f"'{f.text}' is not supported by {', '.join(sentence.sources) or 'any named source'}"
        for f in stated
        if not f.sources & named
    ]
    telling = [f for f in stated if not f.weak] or stated
    problems += [
        f"{s} supports none of the facts stated" + (" but party names" if telling != stated else "")
        for s in sentence.sources
        if s in known and not any(s in f.sources for f in telling)
    ]
    if not stated:
        problems.append("states no fact that can be checked")
    note = "; ".join(problems) or None
    return sentence.model_copy(update={"verified": not problems, "note": note})


# ---- prose ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Draft:
    text: str
    facts: list[Fact]


def _sources(facts: Iterable[Fact], order: list[str]) -> list[str]:
    used = {s for f in facts for s in f.sources}
    return [s for s in order if s in used]


def event_name(record: MeetingRecord) -> str:
    """ "the 9th round of the Counter-Terrorism Dialogue", or the title when there is no series."""
    if record.series and record.round is not None:
        return f"the {ordinal(record.round)} round of the {record.series}"
    if record.series:
        return f"a meeting of the {record.series}"
    return f"the meeting '{record.title}'"


def _lookup(facts: dict[str, Fact], *texts: str | None) -> list[Fact]:
    return [facts[t.casefold()] for t in texts if t and t.casefold() in facts]


_KIND_WORDS = {
    "dialogue": "dialogue",
    "working_group": "working group meeting",
    "summit": "summit",
    "consultations": "round of consultations",
    "visit": "visit",
    "call": "call",
    "other": "meeting",
}


def _meeting_sentence(event: Event) -> _Draft:
    """Who met, which round of what, where and when."""
    record = event.record
    facts = all_facts([event])
    names = english_list(
        [with_article(display_party(p.code, p.name)) for p in record.parties] or ["?"]
    )
    place = [record.location.city] if record.location.city else []
    if record.location.country:
        place.append(display_party(record.location.country, record.location.country))
    where = " in " + ", ".join(place) if place else ""
    when = " " + date_phrase(record.date.value) if record.date.value else ""
    if where and when and len(place) > 1:
        where += ","
    if record.series:
        verb = {"held": "held", "announced": "plan to hold", "mentioned": "had held"}
        text = f"{names} {verb[record.status]} {event_name(record)}{where}{when}"
    else:
        happened = {"held": "took place", "announced": "is planned", "mentioned": "took place"}
        what = f"A {_KIND_WORDS[record.kind]} between {names} ('{record.title}')"
        text = f"{what} {happened[record.status]}{where}{when}"
    if record.status == "mentioned":
        text += " (reported as background)"
    used = _lookup(facts, *[display_party(p.code, p.name) for p in record.parties], *place)
    used += _lookup(facts, record.series, format_date(record.date.value or "") or None)
    if record.round is not None:
        used += _lookup(facts, ordinal(record.round))
    return _Draft(_capitalise(text) + ".", used)


def _heads_sentence(event: Event) -> _Draft | None:
    record = event.record
    if not record.delegations:
        return None
    facts = all_facts([event])
    parts: list[str] = []
    used: list[Fact] = []
    for delegation in record.delegations:
        head = delegation.head
        party = next((p for p in record.parties if p.code == delegation.party), None)
        side = display_party(delegation.party, party.name if party else delegation.party or "")
        title = f" ({head.title})" if head.title else ""
        verb = "co-chaired for" if delegation.role == "co-chair" else "led the delegation of"
        parts.append(f"{head.name}{title} {verb} {with_article(side)}")
        used += _lookup(facts, head.name, head.title)
    return _Draft(_capitalise(english_list(parts)) + ".", used)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _discrepancy_sentence(event: Event, labels: dict[str, str]) -> _Draft | None:
    facts = all_facts([event])
    parts: list[str] = []
    used: list[Fact] = []
    for d in event.discrepancies:
        part, part_facts = _describe(d, event, labels)
        if part:
            parts.append(part)
            used += part_facts
    if not parts:
        return None
    used += _lookup(facts, event.record.series)
    if event.record.round is not None:
        used += _lookup(facts, ordinal(event.record.round))
    text = f"On {event_name(event.record)}, the reports differ: " + "; ".join(parts) + "."
    return _Draft(text, used)


_FIELD_WORDS = {
    "date": "the date",
    "round": "the round",
    "series": "the series",
    "location.city": "the city",
    "location.country": "the country",
    "kind": "the kind of meeting",
    "status": "the status",
}


def _describe(
    d: Discrepancy, event: Event, labels: dict[str, str]
) -> tuple[str | None, list[Fact]]:
    """One clause about a discrepancy and the facts it states (None: not worth a clause)."""
    if d.kind == "only_in_one_source":
        return _describe_lonely(d, event, labels)
    field = _FIELD_WORDS.get(d.field) or _head_field(d.field)
    named = [(v, _show_scalar(d.field, v.value)) for v in d.values if v.value is not None]
    if field is None or not named:
        return None, []
    facts = [Fact(shown, frozenset(v.sources)) for v, shown in named]

    def who(sources: list[str]) -> str:
        return english_list([labels.get(s, s) for s in sources])

    if d.kind == "gap":
        silent = [s for v in d.values if v.value is None for s in v.sources]
        (v, shown), verb = named[0], "gives" if len(silent) == 1 else "give"
        clause = f"{field} ({shown}) comes only from {who(v.sources)}; {who(silent)} {verb} none"
        return clause, facts
    options = " versus ".join(f"{shown} ({who(v.sources)})" for v, shown in named)
    return f"{field} is given as {options}", facts


def _head_field(field_name: str) -> str | None:
    found = re.fullmatch(r"delegations\[(.+)\]\.head\.(title|name)", field_name)
    if not found:
        return None
    party = display_party(found.group(1), found.group(1))
    return f"the {found.group(2)} of the head of the delegation of {with_article(party)}"


def _describe_lonely(
    d: Discrepancy, event: Event, labels: dict[str, str]
) -> tuple[str | None, list[Fact]]:
    """Topics and heads of delegation that only one report gives."""
    if d.field == "topics":
        items = [(t.sources[0], t.label) for t in event.record.topics if len(t.sources) == 1]
        how = "reports the topics"
    elif d.field == "delegations":
        items = [
            (x.sources[0], x.head.name) for x in event.record.delegations if len(x.sources) == 1
        ]
        how = "names"
    else:
        return None, []
    by_source: dict[str, list[str]] = {}
    for source, text in items:
        by_source.setdefault(source, []).append(text)
    clauses = [
        f"only {labels.get(s, s)} {how} {english_list(_named(texts))}"
        for s, texts in by_source.items()
    ]
    facts = [Fact(t, frozenset([s])) for s, texts in by_source.items() for t in texts]
    return "; ".join(clauses) or None, facts


def _named(values: list[str]) -> list[str]:
    if len(values) <= MAX_TOPICS_NAMED:
        return values
    return [*values[:MAX_TOPICS_NAMED], f"{len(values) - MAX_TOPICS_NAMED} more"]


def _series_sentences(one: Series, by_id: dict[str, Event]) -> list[_Draft]:
    events = [by_id[e.event_id] for e in one.events if e.event_id in by_id]
    if len(events) < 2 and not one.missing_rounds:
        return []
    facts = all_facts(events)
    names = [with_article(display_party(p.code, p.name)) for p in events[0].record.parties]
    rounds = [ordinal(e.round) for e in one.events if e.round is not None]
    text = f"The {one.series} between {english_list(names)} appears in these reports"
    if rounds:
        text += f" with its {english_list(rounds)} " + ("round" if len(rounds) == 1 else "rounds")
    if one.missing_rounds:
        missing = english_list([ordinal(r) for r in one.missing_rounds])
        text += f"; the {missing} " + ("round is" if len(one.missing_rounds) == 1 else "rounds are")
        text += " not covered"
    used = _lookup(
        facts,
        one.series,
        *rounds,
        *[display_party(p.code, p.name) for p in events[0].record.parties],
    )
    drafts = [_Draft(text + ".", used)]
    drafts += _topic_change_sentences(one, by_id)
    return drafts


def _topic_change_sentences(one: Series, by_id: dict[str, Event]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for before, after in zip(one.events, one.events[1:], strict=False):
        if not (after.added_topics or after.dropped_topics):
            continue
        if before.event_id not in by_id or after.event_id not in by_id:
            continue
        old, new = by_id[before.event_id], by_id[after.event_id]
        old_facts, new_facts = all_facts([old]), all_facts([new])
        parts: list[str] = []
        used: list[Fact] = []
        if after.added_topics:
            parts.append(f"added {english_list(_named(after.added_topics))}")
            used += _lookup(new_facts, *after.added_topics)
        if after.dropped_topics:
            parts.append(f"dropped {english_list(_named(after.dropped_topics))}")
            used += _lookup(old_facts, *after.dropped_topics)
        text = f"Compared with {event_name(old.record)}, {event_name(new.record)} " + " and ".join(
            parts
        )
        drafts.append(_Draft(text + ".", used))
    return drafts


def _topic_sentences(events: list[Event]) -> list[_Draft]:
    shared, distinct = topic_overlap(events)
    facts = all_facts(events)
    drafts: list[_Draft] = []
    if shared:
        text = f"Topics raised at more than one meeting: {english_list(_named(shared))}."
        drafts.append(_Draft(text, _lookup(facts, *shared)))
    by_id = {e.event_id: e for e in events}
    for event_id, labels in distinct.items():
        if len(events) < 2:
            break
        own = all_facts([by_id[event_id]])
        name = event_name(by_id[event_id].record)
        text = f"Only {name} covered {english_list(_named(labels))}."
        drafts.append(_Draft(text, _lookup(own, *labels)))
    return drafts


def write_prose(events: list[Event], series: list[Series]) -> list[SummarySentence]:
    """Deterministic English sentences from the merged records, each with its sources, checked.

    Per event: who met, which round of what, where and when; who led; what the reports
    disagree on. Then one sentence per series that has several rounds or missing rounds (and
    the topics each round added or dropped), then the shared and the distinct topics.
    """
    order = list(dict.fromkeys(s for e in events for s in e.sources))
    labels = source_labels(order)
    drafts: list[_Draft] = []
    for event in events:
        drafts.append(_meeting_sentence(event))
        drafts += [d for d in (_heads_sentence(event), _discrepancy_sentence(event, labels)) if d]
    by_id = {e.event_id: e for e in events}
    for one in series:
        drafts += _series_sentences(one, by_id)
    drafts += _topic_sentences(events)
    sentences = [
        SummarySentence(text=d.text, sources=_sources(d.facts, order), verified=False)
        for d in drafts
    ]
    return verify_sentences(sentences, events)
