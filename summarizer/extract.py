"""Extraction step: what the model is asked to fill, and the messages that ask it.

The proposal models are deliberately smaller than the contract's MeetingRecord: the model
proposes values and short verbatim phrases; code (grounding.py, normalize.py, pipeline.py)
finds the phrases in the article, normalises codes and dates and builds the record.
Lists are capped (`max_length`) so greedy decoding cannot loop until max_tokens.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from .injection import for_model
from .llm import ARTICLE_PUBLISHED, ARTICLE_TEXT, Message, ModelClient, Usage
from .prompt_files import load_prompt
from .reading import Article

LANGUAGE_NAMES = {
    "en": "English",
    "ar": "Arabic",
    "fr": "French",
    "ru": "Russian",
    "zh": "Chinese",
    "ur": "Urdu",
    "de": "German",
    "es": "Spanish",
    "fa": "Persian",
    "tr": "Turkish",
}


def capped(limit: int, description: str) -> Any:
    """A string field with a length hint in its description.

    No `maxLength` in the schema: llama.cpp turns it into deeply nested optional grammar
    rules and generation slows to a crawl (measured). The prompt asks for short phrases and
    code recovers whole quotations and sentences from their first words.
    """
    return Field(description=f"{description} (at most {limit} characters)")


def _article_has(phrase: str) -> bool:
    from .grounding import find_span

    article = ARTICLE_TEXT.get()
    return article is None or find_span(article, phrase) is not None


class HeadProposal(BaseModel):
    name: str = capped(60, "full name as written, Latin letters")
    title: str = capped(90, "English job title")
    party: str = Field(description="English name of the party")

    @model_validator(mode="after")
    def _named_in_article(self) -> HeadProposal:
        if not _article_has(self.name):
            raise ValueError(
                f"head of delegation {self.name!r} is not named in the article; "
                "give only people the article names, copied exactly"
            )
        return self


class OutcomeProposal(BaseModel):
    kind: Literal["commitment", "agreement", "condemnation", "plan", "statement"]
    quote: str = capped(50, "first 3-6 words of the sentence stating it, as written")


class QuoteProposal(BaseModel):
    speaker: str = Field(description="who said it, in English")
    start: str = capped(50, "first 3-6 words of the quotation, as written")


class NextMeetingProposal(BaseModel):
    when: str | None = Field(description="date as written")
    city: str | None = Field(description="English")
    quote: str = capped(60, "short phrase as written")


class MeetingProposal(BaseModel):
    status: Literal["held", "announced", "mentioned"]
    kind: Literal["dialogue", "working_group", "summit", "consultations", "visit", "call", "other"]
    series: str | None = Field(description="English, no ordinal, no parties")
    round: int | None
    date_text: str | None = Field(description="as written")
    city: str | None = Field(description="English")
    parties: list[str] = Field(max_length=4, description="English names")
    heads: list[HeadProposal] = Field(max_length=4)
    topics: list[str] = Field(max_length=5, description="1-4 words each, as written")
    outcomes: list[OutcomeProposal] = Field(max_length=3)
    quotes: list[QuoteProposal] = Field(max_length=2)
    next_meeting: NextMeetingProposal | None
    framework: list[str] = Field(max_length=2, description="agreements or plans")

    @field_validator("round")
    @classmethod
    def _round_positive(cls, value: int | None) -> int | None:
        if value is not None and value < 1:
            raise ValueError("round must be 1 or more, or null when the article gives none")
        return value

    @model_validator(mode="after")
    def _held_not_after_publication(self) -> MeetingProposal:
        published = ARTICLE_PUBLISHED.get()
        if self.status != "held" or not published or not self.date_text:
            return self
        from datetime import date

        from .normalize import normalize_date

        when = normalize_date(self.date_text, published=date.fromisoformat(published))
        if when.value and len(when.value) == 10 and when.value > published:
            raise ValueError(
                f"a held meeting cannot be dated {when.value}, after the article's "
                f"publication on {published}; use status 'announced' or fix the date"
            )
        return self


class ArticleFacts(BaseModel):
    """Diplomatic meetings in one article."""

    meetings: list[MeetingProposal] = Field(max_length=3, description="main meeting first")


class TranslationItem(BaseModel):
    english: str


class Translations(BaseModel):
    """English versions of the given items, in the same order."""

    items: list[TranslationItem] = Field(max_length=40)


def extraction_messages(article: Article, *, language: str, published: str | None) -> list[Message]:
    """System prompt (stable prefix, so the server's prompt cache helps) + delimited article."""
    prompt = load_prompt("extract")
    header = prompt.header(
        language=LANGUAGE_NAMES.get(language, language), published=published or "unknown"
    )
    # The article is appended, never formatted into a template.
    user = header + "\n\n<article>\n" + for_model(article.text) + "\n</article>"
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": user}]


#: Words that report a meeting in the English text the model reads ("met in Hanoi", "spoke by
#: phone", "the fifth round of the ..."), for the one recheck of an empty answer.
_MEETING_CUE = re.compile(
    r"\b(?:held\s+(?:talks|a\s+meeting|consultations|discussions|a\s+(?:tele)?phone)|"
    r"(?:met|meets)\s+(?:with|in|on|at)|(?:spoke|talked|conferred)\s+(?:by|on\s+the|over\s+the)\s+"
    r"(?:tele)?phone|(?:tele)?phone\s+(?:call|conversation|talks)|co-?chaired|took\s+place|"
    r"(?:was|were|will\s+be)\s+held|will\s+hold|convened|paid\s+an?\s+(?:\w+\s+)?visit|"
    r"(?:session|round|meeting)\s+of\s+the|"
    # an ordinal round held ("held the eighth round of bilateral political consultations")
    r"(?:held|hosted|convened)\s+(?:the\s+|its\s+|their\s+)?(?:\d+(?:st|nd|rd|th)|first|second|"
    r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|"
    r"\w+tieth(?:-\w+)?)\s+(?:round|session|meeting))\b",
    re.IGNORECASE,
)


def meeting_cue(text: str) -> str | None:
    """The first sentence of ``text`` that reports a meeting in so many words, or None."""
    from .from_text import sentence_bounds

    found = _MEETING_CUE.search(text)
    if found is None:
        return None
    start, end = sentence_bounds(text, found.start())
    return " ".join(text[start:end].split()) or None


def recheck_messages(messages: list[Message], empty: ArticleFacts, sentence: str) -> list[Message]:
    """The extraction's conversation, its empty answer, and the recheck (prompts/recheck) with
    the sentence that reports a meeting, delimited (article text is never formatted)."""
    prompt = load_prompt("recheck")
    question = prompt.header() + "\n\n<sentence>\n" + for_model(sentence) + "\n</sentence>"
    return [
        *messages,
        {"role": "assistant", "content": empty.model_dump_json()},
        {"role": "user", "content": question},
    ]


def propose(
    article: Article,
    client: ModelClient,
    *,
    language: str,
    published: str | None,
    max_tokens: int,
) -> tuple[ArticleFacts, Usage]:
    """The model's meetings in the article. An answer with none is asked about once more when
    a sentence reports a meeting in so many words (the small model passes over a meeting
    mentioned in passing, or a call its translation garbled); the second answer stands."""
    messages = extraction_messages(article, language=language, published=published)
    facts, usage = client.extract(
        ArticleFacts,
        messages,
        max_tokens=max_tokens,
        article=article.text,
        published=published,
    )
    sentence = meeting_cue(article.text) if not facts.meetings else None
    if sentence is None:
        return facts, usage
    again, more = client.extract(
        ArticleFacts,
        recheck_messages(messages, facts, sentence),
        max_tokens=max_tokens,
        article=article.text,
        published=published,
    )
    usage.add(more)
    return again, usage


def translate(
    items: list[str], client: ModelClient, *, language: str, max_tokens: int
) -> tuple[list[str], Usage]:
    """English for short non-English values; the same count back, else the originals."""
    prompt = load_prompt("translate")
    header = prompt.header(count=len(items), language=LANGUAGE_NAMES.get(language, language))
    listing = "\n".join(f"{i + 1}. {item}" for i, item in enumerate(items))
    messages: list[Message] = [
        {"role": "system", "content": prompt.system},
        {"role": "user", "content": header + "\n\n<items>\n" + listing + "\n</items>"},
    ]
    result, usage = client.extract(Translations, messages, max_tokens=max_tokens)
    english = [item.english.strip() for item in result.items]
    if len(english) != len(items):
        return items, usage
    return english, usage
