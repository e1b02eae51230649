"""Round and date read by code from the meeting's own sentences."""

from __future__ import annotations

from summarizer.from_text import date_in, meeting_sentences, round_in, sentence_bounds
from summarizer.records import Span

TEXT = (
    "TASHKENT, Aug 15 - Kazakhstan and Uzbekistan held the twelfth session of their "
    "Intergovernmental Commission in Tashkent on Thursday. The first train ran in 1991.\n"
    "Separately, the 3rd round of border talks opened on 2 September 2025."
)


def anchor(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), text=phrase)


def test_sentence_bounds_stop_at_sentence_ends_and_lines() -> None:
    start, end = sentence_bounds(TEXT, TEXT.index("Intergovernmental"))
    assert TEXT[start:end].startswith("TASHKENT") and TEXT[start:end].endswith("Thursday.")


def test_round_comes_from_the_anchor_sentence_only() -> None:
    sentences = meeting_sentences(TEXT, [anchor("Intergovernmental Commission")])
    found = round_in(TEXT, sentences)
    assert found is not None and found[0] == 12 and found[1].text == "twelfth"
    border = meeting_sentences(TEXT, [anchor("border talks")])
    assert round_in(TEXT, border) is not None and round_in(TEXT, border)[0] == 3  # type: ignore[index]
    assert round_in(TEXT, meeting_sentences(TEXT, [anchor("first train")])) is None


def test_date_prefers_the_sentence_over_its_dateline() -> None:
    series = anchor("Intergovernmental Commission")
    span = date_in(TEXT, meeting_sentences(TEXT, [series]), series.start)
    assert span is not None and span.text == "on Thursday"
    border = anchor("border talks")
    span = date_in(TEXT, meeting_sentences(TEXT, [border]), border.start)
    assert span is not None and span.text == "2 September 2025"
    assert date_in(TEXT, [], None) is None
