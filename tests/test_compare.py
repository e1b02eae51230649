"""compare.py and render_compare.py on hand-built briefs that mirror the seeds (no model)."""

from __future__ import annotations

import json

import pytest
from test_merge import (
    IDS,
    brief,
    ct_000,
    ct_round7_005,
    pd_002,
    seed_briefs,
)

from summarizer.compare import (
    article_ids,
    build_series,
    compare_briefs,
    format_date,
    ordinal,
    verify_sentences,
    write_prose,
)
from summarizer.errors import ConfigError
from summarizer.records import (
    ArticleBrief,
    ComparativeSummary,
    Event,
    MeetingRecord,
    SummarySentence,
)
from summarizer.render_compare import comparison_markdown


def event_of(summary: ComparativeSummary, article_id: str) -> Event:
    return next(e for e in summary.events if article_id in e.sources)


def with_round7() -> list[ArticleBrief]:
    return [*seed_briefs(), brief("005_synthetic", [ct_round7_005()])]


# ---- events, series, topics -------------------------------------------------------------------


def test_seed_briefs_compare_as_three_events() -> None:
    summary = compare_briefs(seed_briefs())
    assert [a.id for a in summary.articles] == list(IDS)
    assert [e.sources for e in summary.events] == [
        [IDS[0], IDS[1]],
        [IDS[2], IDS[4]],
        [IDS[3]],
    ]
    assert [e.record.round for e in summary.events] == [9, 10, 9]


def test_ids_default_to_path_stems_else_sha8() -> None:
    briefs = seed_briefs()[:2]
    briefs[1] = briefs[1].model_copy(
        update={"source": briefs[1].source.model_copy(update={"path": None})}
    )
    assert article_ids(briefs) == [IDS[0], briefs[1].source.sha256[:8]]
    twice = [seed_briefs()[0], seed_briefs()[0]]
    assert article_ids(twice) == [IDS[0], f"{IDS[0]}-2"]


def test_given_ids_must_match_the_briefs() -> None:
    with pytest.raises(ConfigError, match="one distinct id per brief"):
        compare_briefs(seed_briefs(), ids=["a", "b"])
    summary = compare_briefs(seed_briefs(), ids=["a", "b", "c", "d", "e"])
    assert [e.sources for e in summary.events] == [["a", "b"], ["c", "e"], ["d"]]


def test_the_judge_is_passed_through() -> None:
    vague = ct_000().model_copy(update={"round": None})
    briefs = [brief(IDS[0], [vague]), brief(IDS[1], [vague.model_copy()])]
    assert len(compare_briefs(briefs).events) == 2
    assert len(compare_briefs(briefs, judge=lambda a, b: True).events) == 1


def test_title_change_months_apart_is_not_a_conflict() -> None:
    summary = compare_briefs(seed_briefs(context=True))
    visit = next(e for e in summary.events if e.record.kind == "visit")
    dialogue = event_of(summary, IDS[2])
    assert visit.record.status == "mentioned"
    assert visit.sources == [IDS[1]]
    skoog_titles = {
        d.head.title
        for e in (visit, dialogue)
        for d in e.record.delegations
        if "Skoog" in d.head.name
    }
    assert len(skoog_titles) == 2  # two titles, two meetings...
    assert not [
        d for e in summary.events for d in e.discrepancies if "head" in d.field
    ]  # ...no conflict


def test_a_mentioned_record_of_a_held_meeting_is_not_an_event_of_its_own() -> None:
    mentioned = ct_000().model_copy(update={"status": "mentioned", "primary": False})
    briefs = seed_briefs()
    briefs[2] = brief(IDS[2], [pd_002(), mentioned])
    summary = compare_briefs(briefs)
    assert len(summary.events) == 3
    assert event_of(summary, IDS[0]).sources == [IDS[0], IDS[1], IDS[2]]
    assert event_of(summary, IDS[0]).record.status == "held"


def test_series_orders_rounds_and_finds_the_missing_ones() -> None:
    summary = compare_briefs(with_round7())
    ct = next(s for s in summary.series if len(s.events) == 2)
    assert [e.round for e in ct.events] == [7, 9]
    assert ct.missing_rounds == [8]
    assert ct.parties == ["EU", "PAK"]
    assert ct.events[1].dropped_topics == ["border management"]
    assert "Middle East" in ct.events[1].added_topics
    assert "Afghanistan" not in ct.events[1].added_topics
    assert len(summary.series) == 3


def test_build_series_leaves_out_meetings_without_series() -> None:
    summary = compare_briefs(seed_briefs(context=True))
    in_series = {e.event_id for s in build_series(summary.events) for e in s.events}
    visit = next(e for e in summary.events if e.record.kind == "visit")
    assert visit.event_id not in in_series
    assert len(in_series) == 3


def test_shared_and_distinct_topics() -> None:
    summary = compare_briefs(seed_briefs())
    comparison = summary.comparison
    assert {"Afghanistan", "terrorism financing"} <= set(comparison.shared_topics)
    pd = event_of(summary, IDS[2])
    assert {"Ukraine", "migration", "Kashmir"} <= set(comparison.distinct_topics[pd.event_id])
    assert "Afghanistan" not in comparison.distinct_topics.get(pd.event_id, [])


def test_timeline_is_in_date_order() -> None:
    summary = compare_briefs(with_round7())
    dates = [t.date for t in summary.comparison.timeline]
    assert dates == sorted(dates, key=lambda d: d or "~")
    assert dates[0] == "2021-11-22"


# ---- prose ---------------------------------------------------------------------------------------


def test_every_sentence_names_sources_and_verifies() -> None:
    summary = compare_briefs(with_round7())
    sentences = summary.comparison.sentences
    assert len(sentences) >= len(summary.events)
    for sentence in sentences:
        assert sentence.sources, sentence.text
        assert sentence.verified, (sentence.text, sentence.note)


def test_prose_tells_who_met_where_when_and_the_gap() -> None:
    summary = compare_briefs(seed_briefs())
    text = summary.comparison.summary
    assert (
        "9th round of the Counter-Terrorism Dialogue in Brussels, Belgium, on 20 February 2025"
        in text
    )
    assert "Amna Baloch (Foreign Secretary) led the delegation of Pakistan" in text
    assert "comes only from 001; 000 gives none" in text
    assert "only 004 reports the topics Ukraine and migration" in text
    date_sentence = next(s for s in summary.comparison.sentences if "20 February 2025" in s.text)
    assert IDS[1] in date_sentence.sources


def test_series_sentence_names_the_missing_round() -> None:
    summary = compare_briefs(with_round7())
    sentence = next(s for s in summary.comparison.sentences if "not covered" in s.text)
    assert "the 8th round is not covered" in sentence.text
    assert set(sentence.sources) == {IDS[0], IDS[1], "005_synthetic"}


def test_summary_puts_source_markers_after_each_sentence() -> None:
    summary = compare_briefs(seed_briefs())
    first = summary.comparison.sentences[0]
    assert summary.comparison.summary.startswith(f"{first.text} [000][001] ")


def test_a_fact_with_the_wrong_source_is_unverified() -> None:
    events = compare_briefs(seed_briefs()).events
    claims = [
        # 000 gives no date: the date belongs to 001 only
        ("The 9th round of the Counter-Terrorism Dialogue was held on 20 February 2025.", [IDS[0]]),
        # Moscow is 003's city, not 000's
        ("Pakistan and the European Union met in Moscow.", [IDS[0]]),
        # 002 says nothing about this dialogue at all
        ("Abdul Hameed led the delegation of Pakistan.", [IDS[0], IDS[2]]),
        ("Abdul Hameed led the delegation of Pakistan.", ["999_unknown"]),
    ]
    sentences = [SummarySentence(text=t, sources=s, verified=True) for t, s in claims]
    checked = verify_sentences(sentences, events)
    assert [s.verified for s in checked] == [False, False, False, False]
    assert "'20 February 2025' is not supported" in (checked[0].note or "")
    assert "'Moscow' is not supported" in (checked[1].note or "")
    assert f"{IDS[2]} supports none" in (checked[2].note or "")
    assert "unknown source" in (checked[3].note or "")
    right = SummarySentence(text=claims[0][0], sources=[IDS[1]], verified=False)
    assert verify_sentences([right], events)[0].verified is True


def test_write_prose_is_deterministic() -> None:
    summary = compare_briefs(with_round7())
    again = write_prose(summary.events, summary.series)
    assert again == summary.comparison.sentences


@pytest.mark.parametrize(
    ("n", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (9, "9th"), (11, "11th"), (22, "22nd")]
)
def test_ordinal(n: int, text: str) -> None:
    assert ordinal(n) == text


def test_format_date_by_precision() -> None:
    assert format_date("2025-02-20") == "20 February 2025"
    assert format_date("2025-07") == "July 2025"
    assert format_date("2021") == "2021"


# ---- output --------------------------------------------------------------------------------------


def test_summary_round_trips_through_json() -> None:
    summary = compare_briefs(seed_briefs(context=True))
    data = json.loads(summary.model_dump_json())
    again = ComparativeSummary.model_validate(data)
    assert again == summary
    for event in data["events"]:
        MeetingRecord.model_validate(event["record"])
    spans = [s for e in data["events"] for p in e["record"]["parties"] for s in p["evidence"]]
    assert spans and all(s["source"] in IDS for s in spans)


def test_markdown_carries_source_markers_and_sections() -> None:
    markdown = comparison_markdown(compare_briefs(with_round7()))
    assert "- **Date:** 20 February 2025 [001]" in markdown
    assert "- **Place:** Brussels, Belgium [000][001]" in markdown
    assert "Ukraine [004]; migration [004]" in markdown
    assert "| [004] | 004_2cd2d8ae5e664f09 |" in markdown
    assert "| date | gap | 2025-02-20 [001]; (silent) [000] |" in markdown
    assert "Missing rounds: 8th" in markdown
    for heading in ("## Summary", "## Meetings", "## Discrepancies", "## Series", "## Timeline"):
        assert heading in markdown
    assert "⚠" not in markdown


def test_markdown_flags_unverified_sentences_and_escapes_cells() -> None:
    summary = compare_briefs(seed_briefs())
    bad = SummarySentence(text="They met in Moscow.", sources=[IDS[0]], verified=False, note="x")
    summary.comparison.sentences.append(bad)
    summary.events[0].discrepancies[0].note = "a | b"
    markdown = comparison_markdown(summary)
    assert "They met in Moscow. [000] ⚠ unverified: x" in markdown
    assert "a \\| b" in markdown
