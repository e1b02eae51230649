"""Group the meeting records of several articles into events, and merge each event's reports.

Grouping is deterministic (see `decide_pair`): two records are one event when they name the
same parties, the same series (by `normalize.series_key`) and the same round (or one side
gives no round), and neither their dates nor their cities conflict. Records of one article are
never merged with each other: the extractor already separated them. A pair the rules cannot
settle (same parties and series, no round on either side, no common exact day; or different
statuses not tied by round or day) goes to an optional `judge`; without one it stays apart and
the group's reason says so.

Merging keeps every fact with the article ids that support it (`sources`) and the spans each
article gave (`Span.source` set to the article id). Where the reports differ, a `Discrepancy`
says how: `conflict` (different values), `gap` (some reports silent on a scalar) or
`only_in_one_source` (a list element only one report carries).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from typing import Generic, Literal, TypeVar

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .normalize import canonical_person, same_person, series_key
from .records import (
    Delegation,
    Discrepancy,
    DiscrepancyValue,
    Event,
    Framework,
    Grounded,
    Location,
    MeetingDate,
    MeetingRecord,
    NextMeeting,
    Outcome,
    Party,
    Person,
    Quote,
    Span,
    Topic,
)

#: rapidfuzz token_set_ratio at or above which two topics, outcomes, titles or frameworks match.
SIMILAR = 80
#: rapidfuzz ratio at or above which two quotes are the same quote (same language only).
SAME_QUOTE = 90
#: Two day-precision dates this many days apart or fewer may still be one event.
NEAR_DAYS = 3

Member = tuple[str, MeetingRecord]
Judge = Callable[[MeetingRecord, MeetingRecord], bool | None]
Verdict = Literal["same", "different", "ambiguous"]
DateRelation = Literal["unknown", "agree", "near", "conflict"]
G = TypeVar("G", bound=Grounded)
V = TypeVar("V")

_STATUS_RANK = {"held": 0, "announced": 1, "mentioned": 2}
_PRECISION_BY_LENGTH: dict[int, Literal["day", "month", "year"]] = {
    10: "day",
    7: "month",
    4: "year",
}


@dataclass(frozen=True)
class EventGroup:
    """Records (with their article ids) taken to report one meeting, and why."""

    event_id: str
    members: list[Member]
    reason: str


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    why: str


# ---- small keys ---------------------------------------------------------------------------


def party_key(party: Party) -> str:
    return party.code.upper() if party.code else party.name.casefold()


def party_codes(record: MeetingRecord) -> frozenset[str]:
    return frozenset(party_key(p) for p in record.parties)


@lru_cache(maxsize=4096)
def cached_series_key(series: str) -> str:
    return series_key(series)


def record_series_key(record: MeetingRecord) -> str | None:
    key = cached_series_key(record.series) if record.series else ""
    return key or None


def city_key(city: str | None) -> str | None:
    key = default_process(anyascii(city)) if city else ""
    return key or None


def loose_key(text: str) -> str:
    """Lower case, no punctuation, plural "-s" dropped: "Foreign Fighters" -> "foreign fighter"."""
    words = default_process(anyascii(text)).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and w[-2] != "s" else w for w in words)


def similar(a: str, b: str, threshold: int = SIMILAR) -> bool:
    """Token-set similarity (rapidfuzz) of the loose keys of two labels, titles or texts."""
    return fuzz.token_set_ratio(loose_key(a), loose_key(b)) >= threshold


def date_precision(value: str) -> Literal["day", "month", "year", "unknown"]:
    return _PRECISION_BY_LENGTH.get(len(value), "unknown")


def _as_day(value: str) -> Date | None:
    try:
        return Date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def date_relation(a: str | None, b: str | None) -> DateRelation:
    """Compare two ISO dates at the coarser of their precisions."""
    if not a or not b:
        return "unknown"
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return "agree"
    day_a, day_b = _as_day(a), _as_day(b)
    if day_a and day_b and abs((day_a - day_b).days) <= NEAR_DAYS:
        return "near"
    return "conflict"


def exact_day_match(a: MeetingRecord, b: MeetingRecord) -> bool:
    va, vb = a.date.value, b.date.value
    return bool(va and vb and len(va) == 10 and va == vb)


def make_event_id(
    codes: Iterable[str], series: str | None, round_: int | None, day: str | None
) -> str:
    """Stable id of a meeting: a hash of its sorted party codes, series key, round and date."""
    basis = "|".join(["+".join(sorted(codes)), series or "", str(round_ or ""), day or ""])
    return "evt_" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


# ---- deciding pairs -----------------------------------------------------------------------


def decide_pair(a: Member, b: Member) -> Decision:
    """Are two records (article id, record) reports of the same meeting?"""
    (id_a, rec_a), (id_b, rec_b) = a, b
    if id_a == id_b:
        return Decision("different", "two meetings of one article")
    codes = party_codes(rec_a)
    if not codes or codes != party_codes(rec_b):
        return Decision("different", "different parties")
    city_a, city_b = city_key(rec_a.location.city), city_key(rec_b.location.city)
    if city_a and city_b and city_a != city_b:
        return Decision("different", "different cities")
    relation = date_relation(rec_a.date.value, rec_b.date.value)
    if relation == "conflict":
        return Decision("different", "different dates")
    key_a, key_b = record_series_key(rec_a), record_series_key(rec_b)
    if key_a and key_b and key_a != key_b:
        return Decision("different", "different series")
    if key_a is None or key_b is None:
        if exact_day_match(rec_a, rec_b):
            return Decision("same", "same parties and exact date (no series)")
        return Decision("different", "no common series and no common exact date")
    return _decide_in_series(rec_a, rec_b)


def _decide_in_series(a: MeetingRecord, b: MeetingRecord) -> Decision:
    if a.round is not None and b.round is not None and a.round != b.round:
        return Decision("different", f"rounds {a.round} and {b.round}")
    if a.round is not None and a.round == b.round:
        return Decision("same", f"round {a.round}")
    if exact_day_match(a, b):
        return Decision("same", f"same date {a.date.value}")
    if a.status != b.status:
        return Decision(
            "ambiguous",
            f"one is {a.status}, the other {b.status}, and neither round nor day ties them",
        )
    if a.round is None and b.round is None:
        return Decision("ambiguous", "round unknown on both sides and no common exact date")
    return Decision("same", "round given by one side only")


# ---- grouping -----------------------------------------------------------------------------


@dataclass
class _Draft:
    members: list[tuple[int, Member]]
    notes: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(index for index, _ in self.members)


def _label(member: Member) -> str:
    return f"'{member[1].title}' ({member[0]})"


def _placement_key(index: int, record: MeetingRecord) -> tuple[int, int, int, int]:
    """Place the most specific records first, so vaguer ones meet existing groups."""
    value = record.date.value or ""
    return (_STATUS_RANK[record.status], record.round is None, -len(value), index)


def _fits(member: Member, draft: _Draft, judge: Judge | None) -> tuple[bool, str | None]:
    """Does a record join a group? Any clash keeps it out; one clear match lets it in (the
    group's most specific report decides); a group that is only ambiguous asks the judge."""
    decisions = [(other, decide_pair(member, other)) for _, other in draft.members]
    if any(d.verdict == "different" for _, d in decisions):
        return False, None
    if any(d.verdict == "same" for _, d in decisions):
        return True, None
    other, decision = decisions[0]
    if judge is None:
        return False, f"kept apart from {_label(other)}: {decision.why}; no judge configured"
    answer = judge(other[1], member[1])
    if answer is not True:
        said = "they differ" if answer is False else "it could not tell"
        return False, f"kept apart from {_label(other)}: {decision.why}; the judge said {said}"
    return True, f"joined with {_label(other)} by the judge ({decision.why})"


def _place(
    member: Member, drafts: list[_Draft], judge: Judge | None
) -> tuple[_Draft | None, list[str]]:
    fitting: list[tuple[_Draft, str | None]] = []
    notes: list[str] = []
    for draft in drafts:
        fits, note = _fits(member, draft, judge)
        if fits:
            fitting.append((draft, note))
        elif note:
            notes.append(note)
    if len(fitting) == 1:
        draft, note = fitting[0]
        return draft, [note] if note else []
    if len(fitting) > 1:
        titles = ", ".join(_label(d.members[0][1]) for d, _ in fitting)
        notes.append(f"could be any of {len(fitting)} meetings ({titles}); kept apart")
    return None, notes


def group_events(items: list[Member], judge: Judge | None = None) -> list[EventGroup]:
    """Group (article id, record) pairs into events; see the module docstring for the rules.

    ``judge(a, b)`` is asked only about ambiguous pairs: True joins them, False or None keeps
    them apart. Groups come out in the order of their first record in ``items``.
    """
    drafts: list[_Draft] = []
    order = sorted(range(len(items)), key=lambda i: _placement_key(i, items[i][1]))
    for index in order:
        target, notes = _place(items[index], drafts, judge)
        if target is None:
            drafts.append(_Draft([(index, items[index])], notes))
        else:
            target.members.append((index, items[index]))
            target.notes.extend(notes)
    drafts.sort(key=lambda d: d.first)
    return _finish(drafts)


def _finish(drafts: list[_Draft]) -> list[EventGroup]:
    groups: list[EventGroup] = []
    seen: dict[str, int] = {}
    for draft in drafts:
        members = [member for _, member in sorted(draft.members, key=lambda m: m[0])]
        event_id = group_event_id(members)
        seen[event_id] = seen.get(event_id, 0) + 1
        if seen[event_id] > 1:
            event_id = f"{event_id}-{seen[event_id]}"
        groups.append(EventGroup(event_id, members, _reason(members, draft.notes)))
    return groups


def group_event_id(members: Sequence[Member]) -> str:
    ordered = preferred(members)
    round_ = pick_scalar("round", [(i, r.round) for i, r in ordered], key=str, show=str).value
    day = pick_date(ordered).value
    keys = [k for _, r in ordered if (k := record_series_key(r))]
    return make_event_id(party_codes(ordered[0][1]), keys[0] if keys else None, round_, day)


def _reason(members: list[Member], notes: list[str]) -> str:
    base = f"one report ({members[0][0]})" if len(members) == 1 else _shared_basis(members)
    return "; ".join([base, *notes])


def _shared_basis(members: list[Member]) -> str:
    ordered = preferred(members)
    parties = "+".join(sorted(party_codes(ordered[0][1])))
    parts = [f"same parties {parties}"]
    keys = sorted({k for _, r in ordered if (k := record_series_key(r))})
    if len(keys) == 1:
        parts.append(f"series '{keys[0]}'")
    rounds = pick_scalar("round", [(i, r.round) for i, r in ordered], key=str, show=str)
    if rounds.value is not None:
        silent = [i for i, r in ordered if r.round is None]
        given_by = f" (not given by {', '.join(silent)})" if silent else ""
        parts.append(f"round {rounds.value}{given_by}")
    days = sorted({r.date.value for _, r in ordered if r.date.value and len(r.date.value) == 10})
    if rounds.value is None and len(days) == 1:
        parts.append(f"same date {days[0]}")
    if len(days) > 1:
        parts.append(f"dates {' and '.join(days)} within {NEAR_DAYS} days (see discrepancies)")
    return ", ".join(parts)


# ---- picking scalars ----------------------------------------------------------------------


@dataclass(frozen=True)
class Pick(Generic[V]):
    value: V | None
    sources: list[str]
    discrepancies: list[Discrepancy]


def preferred(members: Sequence[Member]) -> list[Member]:
    """Members in order of preference for ties: held first, then primary, then input order."""
    indexed = list(enumerate(members))
    indexed.sort(key=lambda im: (_STATUS_RANK[im[1][1].status], not im[1][1].primary, im[0]))
    return [member for _, member in indexed]


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _gap(field_name: str, shown: str, givers: list[str], silent: list[str]) -> Discrepancy:
    return Discrepancy(
        field=field_name,
        kind="gap",
        values=[
            DiscrepancyValue(value=shown, sources=givers),
            DiscrepancyValue(value=None, sources=silent),
        ],
        note=f"{field_name} given by {', '.join(givers)} only; {', '.join(silent)} silent",
    )


def pick_scalar(
    field_name: str,
    given: list[tuple[str, V | None]],
    *,
    key: Callable[[V], object],
    show: Callable[[V], str],
) -> Pick[V]:
    """The most supported value (ties: the first given), with a conflict and/or a gap."""
    clusters: dict[object, tuple[V, list[str]]] = {}
    for article_id, value in given:
        if value is not None:
            clusters.setdefault(key(value), (value, []))[1].append(article_id)
    if not clusters:
        return Pick(None, [], [])
    chosen, supporters = max(clusters.values(), key=lambda c: len(c[1]))
    found: list[Discrepancy] = []
    if len(clusters) > 1:
        found.append(
            Discrepancy(
                field=field_name,
                kind="conflict",
                values=[DiscrepancyValue(value=show(v), sources=s) for v, s in clusters.values()],
                note=f"reports disagree on {field_name}; kept {show(chosen)} "
                f"({len(supporters)} of {sum(len(s) for _, s in clusters.values())} reports)",
            )
        )
    silent = _unique(i for i, v in given if v is None)
    if silent:
        givers = _unique(i for i, v in given if v is not None)
        found.append(_gap(field_name, show(chosen), givers, silent))
    return Pick(chosen, supporters, found)


def pick_date(members: Sequence[Member]) -> Pick[str]:
    """The date most reports agree with (at the coarser precision), the most precise of those."""
    given = [(i, r.date.value) for i, r in members if r.date.value]
    if not given:
        return Pick(None, [], [])

    def support(value: str) -> list[str]:
        return [i for i, v in given if date_relation(value, v) == "agree"]

    ranked = sorted(enumerate(given), key=lambda e: (-len(support(e[1][1])), -len(e[1][1]), e[0]))
    chosen = ranked[0][1][1]
    supporters = support(chosen)
    found: list[Discrepancy] = []
    others = [(i, v) for i, v in given if i not in supporters]
    if others:
        found.append(_date_conflict(chosen, supporters, others))
    silent = [i for i, r in members if not r.date.value]
    if silent:
        found.append(_gap("date", chosen, [i for i, _ in given], silent))
    return Pick(chosen, supporters, found)


def _date_conflict(
    chosen: str, supporters: list[str], others: list[tuple[str, str]]
) -> Discrepancy:
    values = [DiscrepancyValue(value=chosen, sources=supporters)]
    by_value: dict[str, list[str]] = {}
    for article_id, value in others:
        by_value.setdefault(value, []).append(article_id)
    values += [DiscrepancyValue(value=v, sources=s) for v, s in by_value.items()]
    near = all(date_relation(chosen, v) == "near" for v in by_value)
    how = f"within {NEAR_DAYS} days of each other" if near else "different"
    return Discrepancy(
        field="date", kind="conflict", values=values, note=f"dates are {how}; kept {chosen}"
    )


def _status_key(status: str) -> str:
    return "announced" if status == "announced" else "took place"


# ---- merging lists ------------------------------------------------------------------------


def with_source(spans: Iterable[Span], article_id: str) -> list[Span]:
    return [span.model_copy(update={"source": article_id}) for span in spans]


def cluster(
    members: Sequence[Member],
    elements: Callable[[MeetingRecord], Sequence[G]],
    same: Callable[[G, G], bool],
) -> list[list[tuple[str, G]]]:
    """Gather equal elements of every member's list; first-seen order, first element leads."""
    clusters: list[list[tuple[str, G]]] = []
    for article_id, record in members:
        for element in elements(record):
            home = next((c for c in clusters if any(same(e, element) for _, e in c)), None)
            if home is None:
                clusters.append([(article_id, element)])
            else:
                home.append((article_id, element))
    return clusters


def merge_grounded(found: list[tuple[str, G]], **update: object) -> G:
    """The first element of a cluster, with every source and every source's spans."""
    spans = [span for article_id, e in found for span in with_source(e.evidence, article_id)]
    sources = _unique(article_id for article_id, _ in found)
    return found[0][1].model_copy(
        deep=True, update={"sources": sources, "evidence": spans, **update}
    )


def only_in_one(
    field_name: str, clusters: list[list[tuple[str, G]]], show: Callable[[G], str], n_sources: int
) -> list[Discrepancy]:
    if n_sources < 2:
        return []
    lonely = [c for c in clusters if len(_unique(i for i, _ in c)) == 1]
    if not lonely:
        return []
    values = [DiscrepancyValue(value=show(c[0][1]), sources=[c[0][0]]) for c in lonely]
    by_source: dict[str, int] = {}
    for value in values:
        by_source[value.sources[0]] = by_source.get(value.sources[0], 0) + 1
    counts = ", ".join(f"{n} only in {i}" for i, n in by_source.items())
    return [
        Discrepancy(
            field=field_name,
            kind="only_in_one_source",
            values=values,
            note=f"{field_name}: {counts}",
        )
    ]


def _same_delegation(a: Delegation, b: Delegation) -> bool:
    same_party = (a.party or "").upper() == (b.party or "").upper()
    return same_party and same_person(a.head.name, b.head.name)


def _same_title(a: str | None, b: str | None) -> bool:
    return a is None or b is None or similar(a, b)


def merge_delegations(
    members: Sequence[Member], n_sources: int
) -> tuple[list[Delegation], list[Discrepancy]]:
    clusters = cluster(members, lambda r: r.delegations, _same_delegation)
    merged: list[Delegation] = []
    found: list[Discrepancy] = []
    for group in clusters:
        party = group[0][1].party or "?"
        titles = pick_scalar(
            f"delegations[{party}].head.title",
            [(i, d.head.title) for i, d in group],
            key=lambda t: _title_cluster_key(t, [d.head.title for _, d in group]),
            show=str,
        )
        found += [d for d in titles.discrepancies if d.kind == "conflict"]
        merged.append(merge_grounded(group, head=_merged_head(group, titles.value)))
    found += _head_conflicts(clusters)
    found += only_in_one("delegations", clusters, _show_delegation, n_sources)
    return merged, found


def _title_cluster_key(title: str, all_titles: list[str | None]) -> str:
    """The first title in the list that this title matches: similar titles share a key."""
    return next(t for t in all_titles if t is not None and _same_title(t, title))


def _merged_head(group: list[tuple[str, Delegation]], title: str | None) -> Person:
    first = group[0][1].head
    written = next((d.head.name_as_written for _, d in group if d.head.name_as_written), None)
    return Person(name=canonical_person(first.name), title=title, name_as_written=written)


def _head_conflicts(clusters: list[list[tuple[str, Delegation]]]) -> list[Discrepancy]:
    """Different people named as the head of one party by disjoint sets of reports."""
    by_party: dict[str, list[list[tuple[str, Delegation]]]] = {}
    for group in clusters:
        by_party.setdefault((group[0][1].party or "?").upper(), []).append(group)
    found: list[Discrepancy] = []
    for party, groups in by_party.items():
        source_sets = [set(i for i, _ in g) for g in groups]
        disjoint = sum(len(s) for s in source_sets) == len(set().union(*source_sets))
        if len(groups) > 1 and disjoint:
            values = [
                DiscrepancyValue(value=g[0][1].head.name, sources=_unique(i for i, _ in g))
                for g in groups
            ]
            found.append(
                Discrepancy(
                    field=f"delegations[{party}].head.name",
                    kind="conflict",
                    values=values,
                    note=f"reports name different heads of the {party} delegation",
                )
            )
    return found


def _show_delegation(d: Delegation) -> str:
    title = f", {d.head.title}" if d.head.title else ""
    return f"{d.party}: {d.head.name}{title}"


def _same_quote(a: Quote, b: Quote) -> bool:
    """Verbatim quotes match only when nearly identical, so never across languages."""
    return fuzz.ratio(a.text, b.text, processor=default_process) >= SAME_QUOTE


def _frameworks(record: MeetingRecord) -> list[Framework]:
    refs = list(record.framework_refs)
    named = {default_process(f.name) for f in refs}
    refs += [Framework(name=n) for n in record.framework if default_process(n) not in named]
    return refs


def _next_meetings(record: MeetingRecord) -> list[NextMeeting]:
    return [record.next_meeting] if record.next_meeting else []


def _same_next(a: NextMeeting, b: NextMeeting) -> bool:
    day_a = a.date.value if a.date else None
    day_b = b.date.value if b.date else None
    city_a = city_key(a.location.city if a.location else None)
    city_b = city_key(b.location.city if b.location else None)
    return date_relation(day_a, day_b) != "conflict" and not (
        city_a and city_b and city_a != city_b
    )


def show_next(n: NextMeeting) -> str:
    day = n.date.value if n.date and n.date.value else None
    city = n.location.city if n.location and n.location.city else None
    return ", ".join(p for p in (day, city) if p) or n.text or "next meeting"


def merge_next_meeting(
    members: Sequence[Member], n_sources: int
) -> tuple[NextMeeting | None, list[Discrepancy]]:
    clusters = cluster(members, _next_meetings, _same_next)
    if not clusters:
        return None, []
    found = (
        only_in_one("next_meeting", clusters, show_next, n_sources) if len(clusters) == 1 else []
    )
    if len(clusters) > 1:
        values = [
            DiscrepancyValue(value=show_next(c[0][1]), sources=_unique(i for i, _ in c))
            for c in clusters
        ]
        found.append(
            Discrepancy(
                field="next_meeting",
                kind="conflict",
                values=values,
                note="reports give different next meetings",
            )
        )
    best = max(clusters, key=len)
    return merge_grounded(best), found


# ---- merging one event --------------------------------------------------------------------


def merge_event(group: EventGroup) -> Event:
    """One merged MeetingRecord for the group, every fact with its sources, and discrepancies."""
    members = preferred(group.members)
    ids = _unique(article_id for article_id, _ in group.members)
    n = len(ids)
    found: list[Discrepancy] = []

    statuses: list[tuple[str, str | None]] = [(i, r.status) for i, r in members]
    kinds: list[tuple[str, str | None]] = [(i, r.kind) for i, r in members]
    status = pick_scalar("status", statuses, key=_status_key, show=str)
    kind = pick_scalar("kind", kinds, key=str, show=str)
    series = pick_scalar(
        "series", [(i, r.series) for i, r in members], key=cached_series_key, show=str
    )
    round_ = pick_scalar("round", [(i, r.round) for i, r in members], key=str, show=str)
    day = pick_date(members)
    city = pick_scalar(
        "location.city", [(i, r.location.city) for i, r in members], key=city_key, show=str
    )
    country = pick_scalar(
        "location.country",
        [(i, r.location.country) for i, r in members],
        key=str.upper,
        show=str,
    )
    for pick in (status, kind, series, round_, day, city, country):
        found += pick.discrepancies

    parties = cluster(members, lambda r: r.parties, lambda a, b: party_key(a) == party_key(b))
    delegations, delegation_issues = merge_delegations(members, n)
    topics = cluster(members, lambda r: r.topics, lambda a, b: similar(a.label, b.label))
    outcomes = cluster(members, lambda r: r.outcomes, lambda a, b: similar(a.text, b.text))
    quotes = cluster(members, lambda r: r.quotes, _same_quote)
    frameworks = cluster(members, _frameworks, lambda a, b: similar(a.name, b.name))
    next_meeting, next_issues = merge_next_meeting(members, n)

    found += only_in_one("parties", parties, lambda p: p.name, n)
    found += delegation_issues
    found += only_in_one("topics", topics, _show_topic, n)
    found += only_in_one("outcomes", outcomes, _show_outcome, n)
    found += only_in_one("quotes", quotes, _show_quote, n)
    found += only_in_one("framework", frameworks, lambda f: f.name, n)
    found += next_issues

    merged_frameworks = [merge_grounded(c) for c in frameworks]
    record = MeetingRecord(
        id=group.event_id,
        status=next((r.status for _, r in members if r.status == status.value), "held"),
        primary=any(r.primary for _, r in members),
        kind=next((r.kind for _, r in members if r.kind == kind.value), members[0][1].kind),
        series=series.value,
        round=round_.value,
        title=members[0][1].title,
        parties=[merge_grounded(c) for c in parties],
        date=_merged_date(members, day),
        location=_merged_location(members, city, country),
        delegations=delegations,
        topics=[merge_grounded(c) for c in topics],
        outcomes=[merge_grounded(c) for c in outcomes],
        quotes=[merge_grounded(c) for c in quotes],
        next_meeting=next_meeting,
        framework=[f.name for f in merged_frameworks],
        framework_refs=merged_frameworks,
        field_evidence=_merged_field_evidence(
            members,
            {"status": status, "kind": kind, "series": series, "round": round_},
        ),
        sources=ids,
    )
    return Event(
        event_id=group.event_id,
        record=record,
        sources=ids,
        discrepancies=found,
        grouping_reason=group.reason,
    )


def merge_events(groups: Iterable[EventGroup]) -> list[Event]:
    return [merge_event(g) for g in groups]


def _merged_date(members: list[Member], day: Pick[str]) -> MeetingDate:
    if day.value is None:
        return members[0][1].date.model_copy(deep=True)
    base = next(r.date for i, r in members if r.date.value == day.value)
    spans = [s for i, r in members if i in day.sources for s in with_source(r.date.evidence, i)]
    return base.model_copy(
        deep=True,
        update={
            "precision": date_precision(day.value),
            "sources": day.sources,
            "evidence": spans,
        },
    )


def _merged_location(members: list[Member], city: Pick[str], country: Pick[str]) -> Location:
    """Sources: the reports supporting the kept city or the kept country (conflicts aside)."""
    supporters = _unique([*city.sources, *country.sources])
    spans = [s for i, r in members if i in supporters for s in with_source(r.location.evidence, i)]
    return Location(city=city.value, country=country.value, sources=supporters, evidence=spans)


def _merged_field_evidence(
    members: list[Member], picks: dict[str, Pick[str] | Pick[int]]
) -> dict[str, list[Span]]:
    """Each scalar's spans from the reports that support the kept value (title: all reports)."""
    merged: dict[str, list[Span]] = {}
    for article_id, record in members:
        for name, spans in record.field_evidence.items():
            pick = picks.get(name)
            if pick is not None and article_id not in pick.sources:
                continue
            merged.setdefault(name, []).extend(with_source(spans, article_id))
    return merged


def _show_topic(t: Topic) -> str:
    return t.label


def _show_outcome(o: Outcome) -> str:
    return o.text


def _show_quote(q: Quote) -> str:
    return f"{q.speaker}: {q.text}" if q.speaker else q.text
