"""The data contract: pydantic models for every JSON document the tool writes.

Field names here are a contract that other tools read (see DESIGN.md). Extra fields are
allowed by the contract; renaming or removing one is a breaking change and needs a new
SCHEMA_VERSION. The JSON Schema files in ``schemas/`` are generated from these models
(``summarizer schema --write``) and a test fails when they are stale.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

MeetingStatus = Literal["held", "announced", "mentioned"]
MeetingKind = Literal[
    "dialogue", "working_group", "summit", "consultations", "visit", "call", "other"
]
OutcomeKind = Literal["commitment", "agreement", "condemnation", "plan", "statement"]
DatePrecision = Literal["day", "month", "year", "unknown"]
Alignment = Literal["exact", "normalized", "fuzzy", "translated"]


class Model(BaseModel):
    """Base for every record: unknown keys are kept on input (extra fields are welcome)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Span(Model):
    """A piece of the article that supports a fact: ``text == article[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    alignment: Alignment = "exact"
    score: float = Field(default=1.0, ge=0.0, le=1.0, description="alignment similarity")
    source: str | None = Field(
        default=None, description="article id the offsets point into (merged records only)"
    )


class Grounded(Model):
    """A fact read from an article, with the spans that support it."""

    evidence: list[Span] = Field(default_factory=list)
    sources: list[str] = Field(
        default_factory=list, description="ids of the articles that support this fact"
    )


class Party(Grounded):
    name: str = Field(description="English name")
    code: str | None = Field(description="ISO 3166-1 alpha-3, or an acronym (EU, UN, SCO...)")


class MeetingDate(Grounded):
    value: str | None = Field(description='"YYYY-MM-DD", "YYYY-MM", "YYYY" or null')
    precision: DatePrecision = "unknown"
    text: str | None = Field(default=None, description="the date as written in the article")
    resolved_from: str | None = Field(
        default=None,
        description='"text" when the text gives the date, "published" when a weekday or a '
        "relative date was resolved against the publication date",
    )


class Location(Grounded):
    city: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")


class Person(Model):
    name: str = Field(description="Latin script")
    title: str | None = Field(default=None, description="English")
    name_as_written: str | None = Field(
        default=None, description="the name in the article's own script"
    )


class Delegation(Grounded):
    party: str | None = Field(description="party code")
    head: Person
    role: str | None = Field(default="head", description='"head" or "co-chair"')


class Topic(Grounded):
    label: str = Field(description="short English label")
    category: str | None = None


class Outcome(Grounded):
    kind: OutcomeKind
    text: str = Field(description="English")


class Quote(Grounded):
    speaker: str | None
    text: str = Field(description="verbatim, original language")


class NextMeeting(Grounded):
    date: MeetingDate | None = None
    location: Location | None = None
    text: str | None = None


class Framework(Grounded):
    name: str


class MeetingRecord(Model):
    id: str = Field(description="stable id derived from parties, series, round and date")
    status: MeetingStatus
    primary: bool
    kind: MeetingKind
    series: str | None = Field(description="English name of the mechanism, without ordinal")
    round: int | None = Field(ge=1)
    title: str
    parties: list[Party]
    date: MeetingDate
    location: Location
    delegations: list[Delegation] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    next_meeting: NextMeeting | None = None
    framework: list[str] = Field(default_factory=list)
    framework_refs: list[Framework] = Field(
        default_factory=list, description="the framework names with their evidence"
    )
    field_evidence: dict[str, list[Span]] = Field(
        default_factory=dict,
        description="evidence of the scalar facts (series, round, kind, status, title)",
    )
    sources: list[str] = Field(default_factory=list)


class Rejected(Model):
    """A fact the model proposed that code could not ground or validate."""

    field: str = Field(description="where it would have gone, e.g. meetings[0].location.city")
    value: str | None
    reason: str
    proposed_evidence: str | None = None


class SourceInfo(Model):
    path: str | None = None
    url: str | None = None
    sha256: str
    outlet: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date")
    language: str | None = Field(default=None, description="ISO 639-1")
    chars: int


class RunInfo(Model):
    model: str
    provider: str
    prompt_versions: dict[str, str]
    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0
    cached: bool = False


class ArticleBrief(Model):
    schema_version: str = SCHEMA_VERSION
    source: SourceInfo
    headline: str
    summary: str
    meetings: list[MeetingRecord] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)
    run: RunInfo


# ---- comparative summaries ------------------------------------------------------------


class ArticleRef(Model):
    id: str
    path: str | None = None
    sha256: str
    language: str | None = None
    outlet: str | None = None
    published: str | None = None


class DiscrepancyValue(Model):
    value: str | None
    sources: list[str]


class Discrepancy(Model):
    field: str
    kind: Literal["conflict", "gap", "only_in_one_source"]
    values: list[DiscrepancyValue]
    note: str


class Event(Model):
    event_id: str
    record: MeetingRecord
    sources: list[str]
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    grouping_reason: str = ""


class SeriesEntry(Model):
    event_id: str
    round: int | None
    date: str | None
    added_topics: list[str] = Field(default_factory=list)
    dropped_topics: list[str] = Field(default_factory=list)


class Series(Model):
    series: str
    parties: list[str]
    events: list[SeriesEntry]
    missing_rounds: list[int] = Field(default_factory=list)


class TimelineEntry(Model):
    date: str | None
    event_id: str
    title: str
    status: MeetingStatus


class SummarySentence(Model):
    text: str
    sources: list[str]
    verified: bool
    note: str | None = None


class Comparison(Model):
    shared_topics: list[str] = Field(default_factory=list)
    distinct_topics: dict[str, list[str]] = Field(default_factory=dict)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    summary: str = ""
    sentences: list[SummarySentence] = Field(default_factory=list)


class ComparativeSummary(Model):
    schema_version: str = SCHEMA_VERSION
    articles: list[ArticleRef]
    events: list[Event]
    series: list[Series] = Field(default_factory=list)
    comparison: Comparison
    run: RunInfo | None = None


#: The documents `summarizer validate` and `summarizer schema` know, by name.
DOCUMENTS: dict[str, type[BaseModel]] = {
    "article_brief": ArticleBrief,
    "meeting_record": MeetingRecord,
    "comparative_summary": ComparativeSummary,
}
