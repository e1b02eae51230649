"""Reading an answer cut at the model's token budget (summarizer.salvage)."""

from __future__ import annotations

import json

from summarizer.extract import ArticleFacts
from summarizer.llm import article_context
from summarizer.salvage import salvage

ARTICLE = "Kenya and Canada held talks in Nairobi. Amina Yusuf led Kenya's side."
MEETING = {
    "status": "held", "kind": "consultations", "series": None, "round": 2,
    "date_text": None, "city": "Nairobi", "parties": ["Kenya", "Canada"],
    "heads": [{"name": "Amina Yusuf", "title": "Minister", "party": "Kenya"}],
    "topics": ["trade", "mining", "trade", "mining", "visas", "health", "water", "roads"],
}  # fmt: skip


def cut(data: object, before: str) -> str:
    """The answer's JSON up to (not including) ``before``."""
    text = json.dumps(data)
    return text[: text.index(before)]


def test_what_the_cut_left_out_is_empty_and_a_loop_is_read_once() -> None:
    text = cut({"meetings": [{**MEETING, "outcomes": []}]}, '"roads"') + '"ro'
    with article_context(ARTICLE, None):
        kept = salvage(text, ArticleFacts)
    assert kept is not None
    meeting = kept.value.meetings[0]
    assert meeting.parties == ["Kenya", "Canada"] and meeting.round == 2
    # the repeats go, then the schema's five; the unfinished "ro" is dropped
    assert meeting.topics == ["trade", "mining", "visas", "health", "water"]
    assert meeting.quotes == [] and meeting.next_meeting is None and meeting.framework == []
    assert "ArticleFacts.meetings.quotes: cut before it was written" in kept.lost


def test_an_item_cut_before_its_required_fields_is_dropped() -> None:
    heads = [MEETING["heads"][0], {"name": "Amina Yusuf", "title": "Envoy", "party": "Canada"}]
    text = cut({"meetings": [{**MEETING, "heads": heads}]}, '"party": "Canada"')
    with article_context(ARTICLE, None):
        kept = salvage(text, ArticleFacts)
    assert kept is not None
    assert [h.party for h in kept.value.meetings[0].heads] == ["Kenya"]
    assert "ArticleFacts.meetings.heads: an item cut short or invalid" in kept.lost


def test_nothing_is_kept_when_a_required_field_was_never_written() -> None:
    text = cut({"meetings": [MEETING]}, '"kind"')  # cut before the meeting's kind
    with article_context(ARTICLE, None):
        assert salvage(text, ArticleFacts) is None
    assert salvage("not json at all", ArticleFacts) is None
