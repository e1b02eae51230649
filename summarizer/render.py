"""Render an ArticleBrief for people (Markdown) and for programs (JSON).

Every fact in the Markdown is followed by its evidence as character offsets into the article,
``[c.123-145]`` (``~`` after the offsets when the phrase was found by fuzzy or normalised
alignment rather than exactly), so a reader can check it against the source.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from .records import (
    ArticleBrief,
    Delegation,
    Grounded,
    MeetingDate,
    MeetingRecord,
    NextMeeting,
    Rejected,
    RunInfo,
    SourceInfo,
    Span,
)


def brief_json(brief: ArticleBrief) -> str:
    """The brief as JSON: every field present (nulls included), non-ASCII kept as is."""
    data = brief.model_dump(mode="json", exclude_none=False)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def brief_markdown(brief: ArticleBrief) -> str:
    """A readable Markdown brief: source, summary, meetings with evidence, rejected, run."""
    lines = [f"# {one_line(brief.headline)}", "", source_line(brief.source), ""]
    lines += [one_line(brief.summary), ""]
    if brief.meetings:
        for number, meeting in enumerate(brief.meetings, start=1):
            lines += meeting_section(number, meeting)
    else:
        lines += ["No diplomatic meeting reported.", ""]
    lines += rejected_section(brief.rejected)
    lines += ["---", "", run_line(brief.run)]
    return "\n".join(lines) + "\n"


# ---- pieces -------------------------------------------------------------------------------


def one_line(text: str | None) -> str:
    """Collapse whitespace so a value cannot break the Markdown structure."""
    return " ".join((text or "").split())


def evidence_marker(spans: Sequence[Span]) -> str:
    """``[c.12-40]`` or ``[c.12-40, c.88-95~]``; empty when there is no evidence."""
    if not spans:
        return ""
    parts = []
    for span in spans:
        part = f"c.{span.start}-{span.end}"
        if span.alignment != "exact":
            part += "~"
        if span.source:
            part = f"{span.source}:{part}"
        parts.append(part)
    return " [" + ", ".join(parts) + "]"


def marked(text: str, item: Grounded | None = None, spans: Sequence[Span] = ()) -> str:
    """A fact followed by the evidence of ``item`` (and any extra ``spans``)."""
    evidence = [*(item.evidence if item is not None else []), *spans]
    return one_line(text) + evidence_marker(evidence)


def source_line(source: SourceInfo) -> str:
    where = source.path or source.url or f"sha256 {source.sha256[:12]}"
    parts = [f"`{where}`" if source.path else where]
    if source.path and source.url:
        parts.append(source.url)
    parts.append(source.outlet or "outlet unknown")
    parts.append(
        f"published {source.published}" if source.published else "publication date unknown"
    )
    parts.append(f"language {source.language or 'unknown'}")
    parts.append(f"{source.chars} chars")
    return "**Source:** " + one_line(" · ".join(parts))


def date_text(date: MeetingDate) -> str:
    if not date.value and not date.text:
        return "not stated"
    value = date.value or "not resolved"
    details: list[str] = [date.precision] if date.value else []
    if date.text:
        details.append(f'as written: "{one_line(date.text)}"')
    if date.resolved_from == "published":
        details.append("resolved against the publication date")
    return f"{value} ({'; '.join(details)})"


def place_text(meeting: MeetingRecord) -> str:
    parts = [p for p in (meeting.location.city, meeting.location.country) if p]
    return ", ".join(parts) or "not stated"


def field_spans(meeting: MeetingRecord, *names: str) -> list[Span]:
    return [span for name in names for span in meeting.field_evidence.get(name, [])]


def delegation_text(d: Delegation) -> str:
    head = d.head.name
    if d.head.name_as_written and d.head.name_as_written != d.head.name:
        head += f" ({d.head.name_as_written})"
    if d.head.title:
        head += f", {d.head.title}"
    role = f" ({d.role})" if d.role and d.role != "head" else ""
    return marked(f"{d.party or 'party unknown'}: {head}{role}", d)


def next_meeting_text(n: NextMeeting) -> str:
    parts: list[str] = []
    spans: list[Span] = []
    if n.date is not None:
        parts.append(date_text(n.date))
        spans += n.date.evidence
    if n.location is not None and (n.location.city or n.location.country):
        parts.append(", ".join(p for p in (n.location.city, n.location.country) if p))
        spans += n.location.evidence
    if n.text:
        parts.append(f'"{one_line(n.text)}"')
    return marked("; ".join(parts) or "announced, no details", n, spans)


def bullet_list(title: str, items: Iterable[str]) -> list[str]:
    rows = [f"  - {item}" for item in items]
    return [f"- **{title}:**", *rows] if rows else []


def meeting_section(number: int, meeting: MeetingRecord) -> list[str]:
    tag = " (primary)" if meeting.primary else ""
    lines = [f"## {number}. {one_line(meeting.title)}{tag}", ""]
    status = f"{meeting.status} · {meeting.kind.replace('_', ' ')}"
    lines.append("- **Status:** " + marked(status, spans=field_spans(meeting, "status", "kind")))
    if meeting.series or meeting.round:
        series = meeting.series or "series not named"
        if meeting.round:
            series += f" · round {meeting.round}"
        spans = field_spans(meeting, "series", "round")
        lines.append("- **Series:** " + marked(series, spans=spans))
    lines.append("- **Date:** " + marked(date_text(meeting.date), meeting.date))
    lines.append("- **Place:** " + marked(place_text(meeting), meeting.location))
    lines += bullet_list(
        "Parties", (marked(f"{p.name} ({p.code or '?'})", p) for p in meeting.parties)
    )
    lines += bullet_list("Delegations", (delegation_text(d) for d in meeting.delegations))
    topics = (
        marked(t.label + (f" ({t.category})" if t.category else ""), t) for t in meeting.topics
    )
    lines += bullet_list("Topics", topics)
    lines += bullet_list("Outcomes", (marked(f"{o.kind}: {o.text}", o) for o in meeting.outcomes))
    quotes = (marked(f'"{q.text}" — {q.speaker or "speaker unknown"}', q) for q in meeting.quotes)
    lines += bullet_list("Quotes", quotes)
    if meeting.next_meeting is not None:
        lines.append("- **Next meeting:** " + next_meeting_text(meeting.next_meeting))
    lines += bullet_list("Framework", framework_items(meeting))
    lines += [f"- **Id:** `{meeting.id}`", ""]
    return lines


def framework_items(meeting: MeetingRecord) -> list[str]:
    """Framework names with their evidence (``framework_refs``), then any without."""
    items = [marked(ref.name, ref) for ref in meeting.framework_refs]
    referenced = {ref.name for ref in meeting.framework_refs}
    items += [one_line(name) for name in meeting.framework if name not in referenced]
    return items


def rejected_section(rejected: Sequence[Rejected]) -> list[str]:
    if not rejected:
        return ["## Rejected by grounding", "", "Nothing rejected.", ""]
    lines = [f"## Rejected by grounding ({len(rejected)})", ""]
    for r in rejected:
        value = f'"{one_line(r.value)}"' if r.value is not None else "(no value)"
        line = f"- `{r.field}`: {value} — {one_line(r.reason)}"
        if r.proposed_evidence:
            line += f' (proposed evidence: "{one_line(r.proposed_evidence)}")'
        lines.append(line)
    return [*lines, ""]


def run_line(run: RunInfo) -> str:
    prompts = ", ".join(
        f"{task} {version}" for task, version in sorted(run.prompt_versions.items())
    )
    parts = [
        f"model {run.model} via {run.provider}",
        f"prompts {prompts or 'none'}",
        f"{run.calls} call{'s' if run.calls != 1 else ''}",
        f"tokens {run.tokens_in} in / {run.tokens_out} out",
        f"{run.seconds:.1f} s",
    ]
    if run.cached:
        parts.append("from cache")
    return "*Run:* " + " · ".join(parts)
