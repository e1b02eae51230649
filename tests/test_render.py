"""Markdown and JSON renderings of a hand-built brief."""

from __future__ import annotations

import json

from summarizer.records import (
    ArticleBrief,
    Delegation,
    Framework,
    Location,
    MeetingDate,
    MeetingRecord,
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
from summarizer.render import brief_json, brief_markdown, evidence_marker

ARTICLE = (
    "Egypt and Greece held the 3rd round of their Strategic Dialogue in Athens on "
    "Monday. Foreign Minister Nikos Dendias led the Greek side. "
    '"We agreed to meet again in Cairo," he said.'
)


def span(text: str, alignment: str = "exact") -> Span:
    start = ARTICLE.index(text)
    return Span(start=start, end=start + len(text), text=text, alignment=alignment)  # type: ignore[arg-type]


def make_brief() -> ArticleBrief:
    meeting = MeetingRecord(
        id="mtg_test",
        status="held",
        primary=True,
        kind="dialogue",
        series="Strategic Dialogue",
        round=3,
        title="3rd Egypt-Greece Strategic Dialogue",
        parties=[
            Party(name="Egypt", code="EGY", evidence=[span("Egypt")]),
            Party(name="Greece", code="GRC", evidence=[span("Greece")]),
        ],
        date=MeetingDate(
            value="2025-09-15",
            precision="day",
            text="Monday",
            resolved_from="published",
            evidence=[span("Monday")],
        ),
        location=Location(city="Athens", country="GRC", evidence=[span("Athens")]),
        delegations=[
            Delegation(
                party="GRC",
                head=Person(name="Nikos Dendias", title="Foreign Minister"),
                evidence=[span("Nikos Dendias")],
            )
        ],
        topics=[Topic(label="bilateral relations", evidence=[span("Strategic Dialogue")])],
        outcomes=[
            Outcome(kind="plan", text="They will meet in Cairo.", evidence=[span("meet again")])
        ],
        quotes=[
            Quote(
                speaker="Nikos Dendias",
                text="We agreed to meet again in Cairo,",
                evidence=[span("We agreed to meet again in Cairo,")],
            )
        ],
        next_meeting=NextMeeting(
            location=Location(city="Cairo", country="EGY", evidence=[span("Cairo", "fuzzy")]),
            text="meet again in Cairo",
        ),
        framework=["Strategic Dialogue", "Memorandum of Understanding"],
        framework_refs=[
            Framework(name="Strategic Dialogue", evidence=[span("Strategic Dialogue")])
        ],
        field_evidence={"round": [span("3rd")]},
    )
    return ArticleBrief(
        source=SourceInfo(
            path="articles/eg_gr.txt",
            sha256="ab" * 32,
            outlet="Ahram\nOnline",
            published="2025-09-16",
            language="en",
            chars=len(ARTICLE),
        ),
        headline="Egypt and Greece hold\nthird Strategic Dialogue",
        summary="Egypt and Greece held the 3rd round of the Strategic Dialogue in Athens.",
        meetings=[meeting],
        rejected=[
            Rejected(
                field="meetings[0].delegations[1]",
                value="Sameh Shoukry",
                reason="not named in the article",
                proposed_evidence="Sameh Shoukry",
            )
        ],
        run=RunInfo(
            model="qwen-test",
            provider="local",
            prompt_versions={"extract": "v1", "translate": "v1"},
            calls=2,
            tokens_in=1200,
            tokens_out=340,
            seconds=4.25,
        ),
    )


def test_markdown_has_the_facts_with_their_evidence_markers() -> None:
    md = brief_markdown(make_brief())
    athens = ARTICLE.index("Athens")
    assert md.startswith("# Egypt and Greece hold third Strategic Dialogue\n")
    assert f"Athens, GRC [c.{athens}-{athens + 6}]" in md
    assert "Egypt (EGY) [c.0-5]" in md
    assert "Strategic Dialogue · round 3 [c." in md
    assert 'as written: "Monday"' in md and "2025-09-15 (day;" in md
    assert "GRC: Nikos Dendias, Foreign Minister [c." in md
    assert '"We agreed to meet again in Cairo," — Nikos Dendias [c.' in md
    assert "plan: They will meet in Cairo." in md
    framework = md.split("- **Framework:**\n", 1)[1].split("- **Id:**", 1)[0]
    dialogue = ARTICLE.index("Strategic Dialogue")
    assert framework.splitlines() == [
        f"  - Strategic Dialogue [c.{dialogue}-{dialogue + 18}]",
        "  - Memorandum of Understanding",
    ]
    assert "`mtg_test`" in md


def test_markdown_marks_non_exact_alignment() -> None:
    cairo = ARTICLE.index("Cairo")
    assert f'Cairo, EGY; "meet again in Cairo" [c.{cairo}-{cairo + 5}~]' in brief_markdown(
        make_brief()
    )


def test_markdown_lists_rejected_facts_and_the_run() -> None:
    md = brief_markdown(make_brief())
    rejected = md.split("## Rejected by grounding (1)", 1)[1]
    assert '`meetings[0].delegations[1]`: "Sameh Shoukry" — not named in the article' in rejected
    run = md.rstrip().splitlines()[-1]
    for part in ("qwen-test", "local", "extract v1", "2 calls", "1200 in / 340 out", "4.2 s"):
        assert part in run


def test_markdown_source_line_stays_on_one_line() -> None:
    md = brief_markdown(make_brief())
    source = next(line for line in md.splitlines() if line.startswith("**Source:**"))
    assert "Ahram Online" in source and "published 2025-09-16" in source
    assert "`articles/eg_gr.txt`" in source


def test_markdown_without_meetings_or_rejections() -> None:
    brief = make_brief().model_copy(update={"meetings": [], "rejected": []})
    md = brief_markdown(brief)
    assert "No diplomatic meeting reported." in md
    assert "Nothing rejected." in md
    assert "[c." not in md


def test_evidence_marker_names_the_source_of_merged_spans() -> None:
    merged = Span(start=3, end=9, text="Athens", source="000")
    assert evidence_marker([merged, span("Egypt")]) == " [000:c.3-9, c.0-5]"
    assert evidence_marker([]) == ""


def test_json_round_trips_keeps_nulls_and_non_ascii() -> None:
    brief = make_brief()
    brief.meetings[0].quotes[0].text = "سنلتقي مجددا"
    text = brief_json(brief)
    assert "سنلتقي" in text
    data = json.loads(text)
    assert data["source"]["url"] is None
    assert ArticleBrief.model_validate(data) == brief
