"""merge.py on hand-built records that mirror the five seed articles (no model)."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer.merge import (
    EventGroup,
    date_relation,
    decide_pair,
    group_events,
    merge_event,
)
from summarizer.records import (
    ArticleBrief,
    Delegation,
    Discrepancy,
    Event,
    Framework,
    Location,
    MeetingDate,
    MeetingRecord,
    NextMeeting,
    Outcome,
    Party,
    Person,
    Quote,
    RunInfo,
    SourceInfo,
    Span,
    Topic,
)

# ---- builders (imported by test_compare.py too) ----------------------------------------------

NAMES = {
    "PAK": "Pakistan",
    "EU": "European Union",
    "RUS": "Russia",
}


def ev(text: str, start: int = 0) -> list[Span]:
    """Evidence for a fact: offsets are arbitrary here, merge never re-reads the article."""
    return [Span(start=start, end=start + len(text), text=text)]


def record(
    *,
    title: str,
    parties: tuple[str, ...],
    series: str | None,
    round_: int | None,
    date: str | None,
    city: str | None,
    country: str | None = None,
    status: str = "held",
    primary: bool = True,
    kind: str = "dialogue",
    heads: tuple[tuple[str, str, str | None], ...] = (),
    topics: tuple[str, ...] = (),
    outcomes: tuple[str, ...] = (),
    quotes: tuple[tuple[str, str], ...] = (),
    framework: tuple[str, ...] = (),
    next_meeting: tuple[str | None, str | None] | None = None,
) -> MeetingRecord:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "unknown")
    data: dict[str, Any] = {
        "id": f"rec-{title}",
        "status": status,
        "primary": primary,
        "kind": kind,
        "series": series,
        "round": round_,
        "title": title,
        "parties": [Party(name=NAMES[c], code=c, evidence=ev(NAMES[c])) for c in parties],
        "date": MeetingDate(
            value=date, precision=precision, text=date, evidence=ev(date) if date else []
        ),
        "location": Location(city=city, country=country, evidence=ev(city) if city else []),
        "delegations": [
            Delegation(party=p, head=Person(name=n, title=t), evidence=ev(n)) for p, n, t in heads
        ],
        "topics": [Topic(label=t, evidence=ev(t)) for t in topics],
        "outcomes": [Outcome(kind="commitment", text=o, evidence=ev(o)) for o in outcomes],
        "quotes": [Quote(speaker=s, text=q, evidence=ev(q)) for s, q in quotes],
        "framework": list(framework),
        "framework_refs": [Framework(name=f, evidence=ev(f)) for f in framework],
        "field_evidence": {"round": ev(f"round {round_}")} if round_ else {},
    }
    if next_meeting:
        day, where = next_meeting
        data["next_meeting"] = NextMeeting(
            date=MeetingDate(value=day, precision="year" if day else "unknown"),
            location=Location(city=where),
            text=f"next meeting {day} {where}",
            evidence=ev("next meeting"),
        )
    return MeetingRecord.model_validate(data)


CT = "Counter-Terrorism Dialogue"
PD = "Political Dialogue"
JWG = "Joint Working Group on Combating International Terrorism and Other Challenges to Security"


def ct_000() -> MeetingRecord:
    return record(
        title="9th Pakistan-EU Counter-Terrorism Dialogue",
        parties=("PAK", "EU"),
        series=CT,
        round_=9,
        date=None,
        city="Brussels",
        country="BEL",
        heads=(
            ("PAK", "Abdul Hameed", "director-general for counter-terrorism at the Pakistani "
             "foreign ministry"),
            ("EU", "Maciej Stadejek", "director for security and defense policy at the European "
             "External Action Service"),
        ),
        topics=("Afghanistan", "Middle East", "violent extremism", "foreign fighters",
                "terrorism financing"),
        outcomes=("condemned terrorism in all its forms",),
        framework=("2019 Strategic Engagement Plan",),
    )  # fmt: skip


def ct_001() -> MeetingRecord:
    return record(
        title="Ninth Pakistan-EU counter-terrorism dialogue",
        parties=("EU", "PAK"),
        series="counter terrorism dialogue",
        round_=9,
        date="2025-02-20",
        city="Brussels",
        country="BEL",
        heads=(
            ("EU", "Maciej Stadejek", "Director for Security and Defence Policy of the European "
             "External Action Service"),
            ("PAK", "Abdul Hameed", "Director General for Counter-Terrorism at Pakistan's "
             "Ministry of Foreign Affairs"),
        ),
        topics=("situation in Afghanistan", "Middle East", "violent extremism",
                "foreign fighter movements", "terrorism financing"),
        outcomes=("condemned terrorism in all its forms",),
        framework=("Strategic Engagement Plan",),
    )  # fmt: skip


def skoog_visit_001() -> MeetingRecord:
    """Context in 001: Olof Skoog's visit to Pakistan in January, under another title."""
    return record(
        title="EU Special Representative for Human Rights visits Pakistan",
        parties=("EU", "PAK"),
        series=None,
        round_=None,
        date="2025-01",
        city=None,
        status="mentioned",
        primary=False,
        kind="visit",
        heads=(("EU", "Ambassador Olof Skoog", "EU Special Representative for Human Rights"),),
        topics=("human rights", "GSP+"),
    )


def pd_002() -> MeetingRecord:
    return record(
        title="10th Pakistan-EU Political Dialogue",
        parties=("PAK", "EU"),
        series=PD,
        round_=10,
        date="2025-07-17",
        city="Brussels",
        heads=(
            ("PAK", "Amna Baloch", "Foreign Secretary"),
            ("EU", "Olof Skoog", "Deputy Secretary General of the European External Action "
             "Service"),
        ),
        topics=("counter-terrorism", "counter-narcotics", "Gaza", "Kashmir", "GSP+"),
        quotes=(("Amna Baloch", "We stand united in our resolve to combat terrorism through "
                 "dialogue and diplomacy"),),
        framework=("Strategic Engagement Plan",),
        next_meeting=("2026", "Islamabad"),
    )  # fmt: skip


def pd_004() -> MeetingRecord:
    return record(
        title="Pakistan-EU Political Dialogue, tenth round",
        parties=("PAK", "EU"),
        series="political dialogue",
        round_=10,
        date="2025-07-17",
        city="Brussels",
        country="BEL",
        heads=(
            ("PAK", "Amna Baloch", "Foreign Secretary"),
            ("EU", "Olof Skoog", "Deputy Secretary General of the EEAS"),
        ),
        topics=("counter-terrorism", "counter-narcotics", "Gaza", "Kashmir", "GSP+",
                "Ukraine", "migration"),
        quotes=((None, "أدان الطرفان جميع أشكال الإرهاب"),),  # type: ignore[arg-type]
        framework=("Strategic Engagement Plan (SEP) 2019",),
        next_meeting=("2026", "Islamabad"),
    )  # fmt: skip


def jwg_003() -> MeetingRecord:
    return record(
        title="9th meeting of the Russia-Pakistan Joint Working Group on Combatting "
        "International Terrorism",
        parties=("RUS", "PAK"),
        series=JWG,
        round_=9,
        date="2021-11-22",
        city="Moscow",
        country="RUS",
        kind="working_group",
        heads=(
            ("RUS", "Oleg V Syromolotov", "Deputy Minister of Foreign Affairs"),
            ("PAK", "Nabeel Munir", "Additional Secretary"),
        ),
        topics=("terrorism financing", "Afghanistan", "Middle East and North Africa",
                "foreign terrorist fighters", "terrorist propaganda on the Internet"),
        next_meeting=("2022", None),
    )  # fmt: skip


def ct_round7_005() -> MeetingRecord:
    """A hand-made earlier round of the counter-terrorism dialogue (not one of the seeds)."""
    return record(
        title="7th Pakistan-EU Counter-Terrorism Dialogue",
        parties=("PAK", "EU"),
        series="Counter Terrorism Dialogue",
        round_=7,
        date="2023-03-14",
        city="Islamabad",
        heads=(("EU", "Maciej Stadejek", "Head of Division"),),
        topics=("Afghanistan", "terrorism financing", "border management"),
    )


IDS = (
    "000_caf759044ef1bebc",
    "001_91f965b2229c4a4c",
    "002_685be4a34f0c20a6",
    "003_76b5edc329202b10",
    "004_2cd2d8ae5e664f09",
)


def seed_items() -> list[tuple[str, MeetingRecord]]:
    """The primary meeting of each seed, in article order."""
    records = [ct_000(), ct_001(), pd_002(), jwg_003(), pd_004()]
    return list(zip(IDS, records, strict=True))


def brief(article_id: str, meetings: list[MeetingRecord], language: str = "en") -> ArticleBrief:
    return ArticleBrief(
        source=SourceInfo(
            path=f"seeds/{article_id}.txt", sha256=article_id[4:] * 4, chars=1000,
            language=language, outlet="outlet",
        ),
        headline=meetings[0].title if meetings else "no meeting",
        summary="A summary.",
        meetings=meetings,
        run=RunInfo(model="hand-built", provider="none", prompt_versions={}),
    )  # fmt: skip


def seed_briefs(*, context: bool = False) -> list[ArticleBrief]:
    """The five seeds as briefs; with ``context``, 001 also carries the January visit."""
    extra = [skoog_visit_001()] if context else []
    languages = ["en", "en", "en", "en", "ar"]
    meetings = [[ct_000()], [ct_001(), *extra], [pd_002()], [jwg_003()], [pd_004()]]
    return [brief(i, m, lang) for i, m, lang in zip(IDS, meetings, languages, strict=True)]


def find(discrepancies: list[Discrepancy], field: str, kind: str) -> Discrepancy:
    found = [d for d in discrepancies if d.field == field and d.kind == kind]
    assert len(found) == 1, f"expected one {kind} on {field}, got {discrepancies}"
    return found[0]


def members(groups: list[EventGroup]) -> list[list[str]]:
    return [[article_id[:3] for article_id, _ in g.members] for g in groups]


def merged(*items: tuple[str, MeetingRecord]) -> Event:
    groups = group_events(list(items))
    assert len(groups) == 1, [g.reason for g in groups]
    return merge_event(groups[0])


# ---- grouping -------------------------------------------------------------------------------


def test_the_five_seeds_are_three_events() -> None:
    groups = group_events(seed_items())
    assert members(groups) == [["000", "001"], ["002", "004"], ["003"]]
    assert len({g.event_id for g in groups}) == 3
    assert "same parties EU+PAK" in groups[0].reason
    assert "round 9" in groups[0].reason
    assert groups[2].reason.startswith("one report (003")


def test_grouping_does_not_depend_on_input_order() -> None:
    forward = group_events(seed_items())
    backward = group_events(list(reversed(seed_items())))
    assert sorted(g.event_id for g in forward) == sorted(g.event_id for g in backward)


def test_event_id_is_stable_and_uses_the_merged_date() -> None:
    first = group_events(seed_items())[0].event_id
    again = group_events([seed_items()[1], seed_items()[0]])[0].event_id
    alone = group_events([seed_items()[1]])[0].event_id  # 001 alone has the same round and date
    without_date = group_events([seed_items()[0]])[0].event_id
    assert first == again == alone
    assert without_date != first


def test_two_rounds_of_one_series_are_two_events() -> None:
    items = [*seed_items()[:2], ("005_synthetic", ct_round7_005())]
    groups = group_events(items)
    assert members(groups) == [["000", "001"], ["005"]]


def test_a_record_without_round_joins_the_round_given_elsewhere() -> None:
    no_round = ct_000().model_copy(update={"round": None})
    groups = group_events([("000", no_round), ("001", ct_001())])
    assert members(groups) == [["000", "001"]]
    assert "not given by 000" in groups[0].reason


def test_a_record_without_round_between_two_rounds_stays_apart() -> None:
    no_round = ct_000().model_copy(update={"round": None, "location": Location(city=None)})
    items = [("001", ct_001()), ("005", ct_round7_005()), ("000", no_round)]
    groups = group_events(items)
    assert members(groups) == [["001"], ["005"], ["000"]]
    assert "could be any of 2 meetings" in groups[2].reason


def test_different_cities_or_far_dates_are_different_events() -> None:
    elsewhere = ct_001().model_copy(update={"location": Location(city="Islamabad")})
    later = ct_001().model_copy(update={"date": MeetingDate(value="2025-03-20", precision="day")})
    assert decide_pair(("000", ct_000()), ("x", elsewhere)).verdict == "different"
    assert decide_pair(("001", ct_001()), ("x", later)).verdict == "different"


def test_dates_within_three_days_stay_one_event() -> None:
    next_day = ct_000().model_copy(
        update={"date": MeetingDate(value="2025-02-21", precision="day")}
    )
    groups = group_events([("000", next_day), ("001", ct_001())])
    assert members(groups) == [["000", "001"]]
    assert "2025-02-20 and 2025-02-21" in groups[0].reason


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("2025-02", "2025-02-20", "agree"),
        ("2025", "2025-07-17", "agree"),
        ("2025-02-20", "2025-02-23", "near"),
        ("2025-02-20", "2025-02-24", "conflict"),
        ("2025-01", "2025-02-20", "conflict"),
        (None, "2025-02-20", "unknown"),
    ],
)
def test_date_relation_compares_at_the_coarser_precision(
    a: str | None, b: str | None, relation: str
) -> None:
    assert date_relation(a, b) == relation


def test_records_without_series_need_the_same_exact_day() -> None:
    visit = skoog_visit_001()
    same_day = visit.model_copy(update={"date": MeetingDate(value="2025-01-15", precision="day")})
    other = same_day.model_copy(update={"title": "Skoog in Islamabad"})
    assert decide_pair(("001", visit), ("x", visit)).verdict == "different"  # month only
    assert decide_pair(("001", same_day), ("x", other)).verdict == "same"


def test_mentioned_record_joins_a_held_event_of_the_same_round_only() -> None:
    mentioned = ct_000().model_copy(update={"status": "mentioned", "primary": False})
    no_round = mentioned.model_copy(update={"round": None})
    assert members(group_events([("001", ct_001()), ("x", mentioned)])) == [["001", "x"]]
    apart = group_events([("001", ct_001()), ("x", no_round)])
    assert members(apart) == [["001"], ["x"]]
    assert "no judge configured" in apart[1].reason


def test_ambiguous_pairs_go_to_the_judge() -> None:
    vague_a = ct_000().model_copy(update={"round": None})
    vague_b = ct_000().model_copy(update={"round": None, "title": "EU-Pakistan CT talks"})
    items = [("a", vague_a), ("b", vague_b)]
    asked: list[tuple[str, str]] = []

    def judge(x: MeetingRecord, y: MeetingRecord) -> bool | None:
        asked.append((x.title, y.title))
        return True

    apart = group_events(items)
    assert members(apart) == [["a"], ["b"]]
    assert "no judge configured" in apart[1].reason
    assert apart[1].event_id == apart[0].event_id + "-2"  # same identity, kept distinct
    joined = group_events(items, judge=judge)
    assert members(joined) == [["a", "b"]]
    assert asked == [(vague_a.title, vague_b.title)]
    assert "by the judge" in joined[0].reason
    assert "same date" not in joined[0].reason  # neither gives a date
    refused = group_events(items, judge=lambda x, y: None)
    assert members(refused) == [["a"], ["b"]]
    assert "could not tell" in refused[1].reason


def test_a_vague_member_does_not_block_a_clear_match() -> None:
    vague = ct_000().model_copy(update={"round": None})
    dated = ct_000().model_copy(  # placed last: a mentioned record
        update={
            "round": None,
            "status": "mentioned",
            "date": MeetingDate(value="2025-02-20", precision="day"),
        }
    )
    items = [("001", ct_001()), ("000", vague), ("x", dated)]
    groups = group_events(items)
    assert members(groups) == [["001", "000", "x"]]  # x vs 000 alone would be ambiguous
    assert "no judge" not in groups[0].reason


def test_two_meetings_of_one_article_are_never_merged() -> None:
    assert members(group_events([("002", pd_002()), ("002", pd_002())])) == [["002"], ["002"]]


# ---- merging --------------------------------------------------------------------------------


def test_date_from_001_and_a_gap_for_000() -> None:
    event = merged(*seed_items()[:2])
    assert event.record.date.value == "2025-02-20"
    assert event.record.date.sources == [IDS[1]]
    gap = find(event.discrepancies, "date", "gap")
    assert [(v.value, v.sources) for v in gap.values] == [
        ("2025-02-20", [IDS[1]]),
        (None, [IDS[0]]),
    ]
    assert not [d for d in event.discrepancies if d.kind == "conflict"]


def test_a_coarser_date_that_agrees_is_no_conflict() -> None:
    month = ct_000().model_copy(update={"date": MeetingDate(value="2025-02", precision="month")})
    event = merged(("000", month), ("001", ct_001()))
    assert event.record.date.value == "2025-02-20"
    assert event.record.date.precision == "day"
    assert event.record.date.sources == ["000", "001"]
    assert not [d for d in event.discrepancies if d.field == "date"]


def test_a_near_date_is_a_conflict() -> None:
    next_day = ct_000().model_copy(
        update={"date": MeetingDate(value="2025-02-21", precision="day")}
    )
    event = merged(("000", next_day), ("001", ct_001()))
    conflict = find(event.discrepancies, "date", "conflict")
    assert {v.value: v.sources for v in conflict.values} == {
        "2025-02-21": ["000"],
        "2025-02-20": ["001"],
    }
    assert "within 3 days" in conflict.note


def test_scalars_agree_across_spellings_and_keep_their_sources() -> None:
    event = merged(*seed_items()[:2])
    record = event.record
    assert record.round == 9
    assert record.location.city == "Brussels"
    assert record.location.sources == list(IDS[:2])
    assert record.series in (CT, "counter terrorism dialogue")
    assert not [d for d in event.discrepancies if d.field == "series"]
    assert record.field_evidence["round"][0].source in IDS[:2]
    assert {s.source for s in record.field_evidence["round"]} == set(IDS[:2])


def test_country_given_by_one_report_is_a_gap() -> None:
    event = merged(seed_items()[2], seed_items()[4])
    gap = find(event.discrepancies, "location.country", "gap")
    assert gap.values[1].sources == [IDS[2]]
    assert event.record.location.country == "BEL"


def test_different_countries_for_one_city_are_a_conflict() -> None:
    wrong = ct_001().model_copy(update={"location": Location(city="Brussels", country="NLD")})
    third = ct_000().model_copy(update={"date": MeetingDate(value="2025-02", precision="month")})
    event = merged(("000", ct_000()), ("001", wrong), ("00x", third))
    conflict = find(event.discrepancies, "location.country", "conflict")
    assert {v.value: v.sources for v in conflict.values} == {"BEL": ["000", "00x"], "NLD": ["001"]}
    assert event.record.location.country == "BEL"  # two reports against one
    assert event.record.location.sources == ["000", "001", "00x"]  # the city is everyone's


def test_arabic_only_topics_are_only_in_one_source() -> None:
    event = merged(seed_items()[2], seed_items()[4])
    lonely = find(event.discrepancies, "topics", "only_in_one_source")
    assert sorted((v.value or "", v.sources[0]) for v in lonely.values) == [
        ("Ukraine", IDS[4]),
        ("migration", IDS[4]),
    ]
    gaza = next(t for t in event.record.topics if t.label == "Gaza")
    assert gaza.sources == [IDS[2], IDS[4]]
    assert [s.source for s in gaza.evidence] == [IDS[2], IDS[4]]


def test_quotes_are_never_merged_across_languages() -> None:
    event = merged(seed_items()[2], seed_items()[4])
    assert [q.sources for q in event.record.quotes] == [[IDS[2]], [IDS[4]]]
    lonely = find(event.discrepancies, "quotes", "only_in_one_source")
    assert len(lonely.values) == 2


def test_similar_topics_and_frameworks_merge() -> None:
    event = merged(*seed_items()[:2])
    labels = {t.label: t.sources for t in event.record.topics}
    assert labels["Afghanistan"] == list(IDS[:2])  # "situation in Afghanistan" in 001
    assert labels["foreign fighters"] == list(IDS[:2])
    assert event.record.framework == ["2019 Strategic Engagement Plan"]
    assert event.record.framework_refs[0].sources == list(IDS[:2])
    assert event.record.outcomes[0].sources == list(IDS[:2])


def test_same_head_with_reworded_title_is_no_conflict() -> None:
    event = merged(*seed_items()[:2])
    assert not [d for d in event.discrepancies if d.field.startswith("delegations")]
    assert [d.sources for d in event.record.delegations] == [list(IDS[:2])] * 2
    pd = merged(seed_items()[2], seed_items()[4])  # "EEAS" spelled out in 002 only
    assert not [d for d in pd.discrepancies if d.field.startswith("delegations")]


def test_a_different_title_for_the_same_head_is_a_conflict() -> None:
    demoted = ct_000().model_copy(deep=True)
    demoted.delegations[0].head.title = "Additional Secretary for the United Nations"
    event = merged(("000", demoted), ("001", ct_001()))
    conflict = find(event.discrepancies, "delegations[PAK].head.title", "conflict")
    assert sorted(v.sources[0] for v in conflict.values) == ["000", "001"]


def test_a_head_spelled_differently_is_one_person() -> None:
    respelled = ct_001().model_copy(deep=True)
    respelled.delegations[0].head.name = "M. Stadejek"
    event = merged(("000", ct_000()), ("001", respelled))
    eu = [d for d in event.record.delegations if d.party == "EU"]
    assert len(eu) == 1
    assert eu[0].sources == ["000", "001"]
    assert not [d for d in event.discrepancies if "head.name" in d.field]


def test_different_heads_of_one_party_are_a_conflict() -> None:
    other = ct_001().model_copy(deep=True)
    other.delegations[1].head.name = "Syed Haider Shah"
    event = merged(("000", ct_000()), ("001", other))
    conflict = find(event.discrepancies, "delegations[PAK].head.name", "conflict")
    assert {v.value for v in conflict.values} == {"Abdul Hameed", "Syed Haider Shah"}


def test_merged_record_is_a_valid_meeting_record() -> None:
    event = merged(seed_items()[2], seed_items()[4])
    again = MeetingRecord.model_validate_json(event.record.model_dump_json())
    assert again == event.record
    assert event.record.id == event.event_id
    assert event.record.sources == [IDS[2], IDS[4]]
    assert event.record.primary is True
    assert all(s.source in (IDS[2], IDS[4]) for p in event.record.parties for s in p.evidence)
    assert event.record.next_meeting is not None
    assert event.record.next_meeting.sources == [IDS[2], IDS[4]]


def test_held_and_mentioned_reports_merge_as_held() -> None:
    mentioned = ct_000().model_copy(update={"status": "mentioned", "primary": False})
    event = merged(("x", mentioned), ("001", ct_001()))
    assert event.record.status == "held"
    assert not [d for d in event.discrepancies if d.field == "status"]


def test_announced_and_held_reports_conflict_on_status() -> None:
    announced = ct_000().model_copy(update={"status": "announced"})
    event = merged(("x", announced), ("001", ct_001()))
    assert event.record.status == "held"
    find(event.discrepancies, "status", "conflict")
