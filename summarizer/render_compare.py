"""A comparative brief in Markdown: what an analyst would forward.

Every fact carries the markers of the articles that support it, e.g. "Brussels [000][001]";
the Sources table at the top maps each marker to its article.
"""

from __future__ import annotations

from collections.abc import Iterable

from .compare import display_party, event_name, format_date, markers, ordinal, source_labels
from .records import ComparativeSummary, Delegation, Discrepancy, Event, MeetingRecord, Series

_KIND_NAMES = {
    "conflict": "conflict",
    "gap": "gap",
    "only_in_one_source": "only in one source",
}


def cell(text: str | None) -> str:
    """Text safe inside a Markdown table cell."""
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def _sources_section(summary: ComparativeSummary, labels: dict[str, str]) -> list[str]:
    rows = [
        [
            f"[{labels.get(a.id, a.id)}]",
            a.id,
            a.outlet or "",
            a.language or "",
            a.published or "",
            a.path or "",
        ]
        for a in summary.articles
    ]
    return [
        "## Sources",
        "",
        *_table(["Marker", "Id", "Outlet", "Lang", "Published", "Path"], rows),
    ]


def _when(record: MeetingRecord) -> str:
    value = record.date.value
    return format_date(value) if value else "date not reported"


def _place(record: MeetingRecord) -> str:
    parts = [record.location.city or ""]
    if record.location.country:
        parts.append(display_party(record.location.country, record.location.country))
    return ", ".join(p for p in parts if p) or "place not reported"


def _head(delegation: Delegation, labels: dict[str, str]) -> str:
    title = f", {delegation.head.title}" if delegation.head.title else ""
    role = " (co-chair)" if delegation.role == "co-chair" else ""
    side = display_party(delegation.party, delegation.party or "?")
    return f"{side}: {delegation.head.name}{title}{role} {markers(delegation.sources, labels)}"


def _listed(items: list[tuple[str, list[str]]], labels: dict[str, str]) -> str:
    return "; ".join(f"{text} {markers(sources, labels)}" for text, sources in items)


def _event_section(event: Event, labels: dict[str, str]) -> list[str]:
    r = event.record
    title = f"### {r.title}"
    name = event_name(r)
    lines = [title, "", f"*{name[:1].upper() + name[1:]}* ({r.status}) — reported by "
             f"{markers(event.sources, labels)}", ""]  # fmt: skip
    lines.append(f"- **Date:** {_when(r)} {markers(r.date.sources, labels)}".rstrip())
    lines.append(f"- **Place:** {_place(r)} {markers(r.location.sources, labels)}".rstrip())
    parties = [(display_party(p.code, p.name), p.sources) for p in r.parties]
    lines.append(f"- **Parties:** {_listed(parties, labels)}")
    if r.delegations:
        lines.append("- **Heads of delegation:**")
        lines += [f"  - {_head(d, labels)}" for d in r.delegations]
    if r.topics:
        lines.append(f"- **Topics:** {_listed([(t.label, t.sources) for t in r.topics], labels)}")
    if r.outcomes:
        lines.append("- **Outcomes:**")
        lines += [f"  - {o.kind}: {o.text} {markers(o.sources, labels)}" for o in r.outcomes]
    if r.quotes:
        lines.append("- **Quotes:**")
        for q in r.quotes:
            speaker = f" — {q.speaker}" if q.speaker else ""
            lines.append(f"  - “{q.text}”{speaker} {markers(q.sources, labels)}")
    if r.framework_refs:
        frames = [(f.name, f.sources) for f in r.framework_refs]
        lines.append(f"- **Framework:** {_listed(frames, labels)}")
    if r.next_meeting:
        nm = r.next_meeting
        parts = [format_date(nm.date.value) if nm.date and nm.date.value else ""]
        parts.append(nm.location.city or "" if nm.location else "")
        what = ", ".join(p for p in parts if p) or nm.text or "announced"
        lines.append(f"- **Next meeting:** {what} {markers(nm.sources, labels)}")
    lines.append(f"- **Grouped because:** {_short_ids(event.grouping_reason, labels)}")
    return [*lines, ""]


def _discrepancy_rows(events: list[Event], labels: dict[str, str]) -> Iterable[list[str]]:
    for event in events:
        for d in event.discrepancies:
            yield [
                event_name(event.record),
                d.field,
                _KIND_NAMES[d.kind],
                _values(d, labels),
                d.note,
            ]


def _short_ids(text: str, labels: dict[str, str]) -> str:
    for article_id in sorted(labels, key=len, reverse=True):
        text = text.replace(article_id, labels[article_id])
    return text


def _values(d: Discrepancy, labels: dict[str, str]) -> str:
    shown = [f"{v.value if v.value is not None else '(silent)'} {markers(v.sources, labels)}"
             for v in d.values]  # fmt: skip
    return "; ".join(shown)


def _series_section(
    series: list[Series], by_id: dict[str, Event], labels: dict[str, str]
) -> list[str]:
    lines = ["## Series", ""]
    for one in series:
        parties = " – ".join(display_party(p, p) for p in one.parties)
        lines += [f"### {one.series} ({parties})", ""]
        rows = []
        for entry in one.events:
            event = by_id.get(entry.event_id)
            sources = markers(event.sources, labels) if event else ""
            rows.append(
                [
                    ordinal(entry.round) if entry.round is not None else "?",
                    format_date(entry.date) if entry.date else "",
                    f"{event.record.title if event else entry.event_id} {sources}",
                    ", ".join(entry.added_topics),
                    ", ".join(entry.dropped_topics),
                ]
            )
        lines += _table(["Round", "Date", "Meeting", "Added topics", "Dropped topics"], rows)
        missing = ", ".join(ordinal(r) for r in one.missing_rounds) or "none"
        lines += ["", f"Missing rounds: {missing}", ""]
    return lines


def _timeline_section(
    summary: ComparativeSummary, by_id: dict[str, Event], labels: dict[str, str]
) -> list[str]:
    rows = []
    for entry in summary.comparison.timeline:
        event = by_id.get(entry.event_id)
        rows.append(
            [
                format_date(entry.date) if entry.date else "undated",
                entry.title,
                entry.status,
                markers(event.sources, labels) if event else "",
            ]
        )
    return ["## Timeline", "", *_table(["Date", "Meeting", "Status", "Sources"], rows), ""]


def _topics_section(summary: ComparativeSummary, by_id: dict[str, Event]) -> list[str]:
    comparison = summary.comparison
    lines = ["## Topics", ""]
    shared = ", ".join(comparison.shared_topics) or "none"
    lines.append(f"- **Raised at more than one meeting:** {shared}")
    for event_id, topics in comparison.distinct_topics.items():
        event = by_id.get(event_id)
        name = event.record.title if event else event_id
        lines.append(f"- **Only at {name}:** {', '.join(topics)}")
    return [*lines, ""]


def _prose_section(summary: ComparativeSummary, labels: dict[str, str]) -> list[str]:
    lines = ["## Summary", ""]
    for sentence in summary.comparison.sentences:
        flag = "" if sentence.verified else f" ⚠ unverified: {sentence.note}"
        lines.append(f"{sentence.text} {markers(sentence.sources, labels)}{flag}")
    if not summary.comparison.sentences and summary.comparison.summary:
        lines.append(summary.comparison.summary)
    return [*lines, ""]


def comparison_markdown(summary: ComparativeSummary) -> str:
    """The comparative brief as Markdown (sources, events, discrepancies, series, timeline,
    topics, prose), every fact followed by the markers of its sources."""
    labels = source_labels(a.id for a in summary.articles)
    by_id = {e.event_id: e for e in summary.events}
    n_articles, n_events = len(summary.articles), len(summary.events)
    lines = [f"# Comparative brief: {n_articles} articles, {n_events} meetings", ""]
    lines += _prose_section(summary, labels)
    lines += [*_sources_section(summary, labels), ""]
    lines += ["## Meetings", ""]
    for event in summary.events:
        lines += _event_section(event, labels)
    rows = list(_discrepancy_rows(summary.events, labels))
    lines += ["## Discrepancies", ""]
    if rows:
        lines += _table(["Meeting", "Field", "Kind", "Values", "Note"], rows)
    else:
        lines.append("The reports agree on every fact they share.")
    lines.append("")
    if summary.series:
        lines += _series_section(summary.series, by_id, labels)
    lines += _timeline_section(summary, by_id, labels)
    lines += _topics_section(summary, by_id)
    return "\n".join(lines).rstrip() + "\n"
