"""Scoring of briefs against the gold set (summarizer.evaluate), offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.evaluate import (
    GoldArticle,
    GoldFormatError,
    GoldMeeting,
    events_from_briefs,
    events_from_summary,
    grouping_score,
    load_gold,
    render_markdown,
    same_family,
    same_romanization,
    score,
    topic_words,
)
from summarizer.records import (
    ArticleBrief,
    ArticleRef,
    ComparativeSummary,
    Comparison,
    Delegation,
    Event,
    Location,
    MeetingDate,
    MeetingRecord,
    NextMeeting,
    Party,
    Person,
    Rejected,
    RunInfo,
    SourceInfo,
    Topic,
)

REPO = Path(__file__).resolve().parents[1]
GOLD_FILE = REPO / "gold" / "gold.jsonl"
LANGUAGES = ("en", "fr", "ru", "zh", "ur", "ar")


def gold_article(path: str = "a.txt", **meeting: object) -> GoldArticle:
    base: dict[str, object] = {
        "primary": True,
        "status": "held",
        "parties": ["PAK", "EU"],
        "series": "Counter-Terrorism Dialogue",
        "round": 9,
        "date": "2025-02-20",
        "city": "Brussels",
        "heads": [
            {"name": "Abdul Hameed", "title": "Director General for Counter-Terrorism"},
            {"name": "Maciej Stadejek", "title": "Director for Security and Defence Policy"},
        ],
        "topics": ["terrorism financing", "Afghanistan"],
        "next_meeting": {"date": "2026", "city": "Islamabad"},
        "meeting_kind": "dialogue",
    }
    base.update(meeting)
    return GoldArticle(
        article=path,
        split="tune",
        language="en",
        kind="news_report",
        event="ev-" + path,
        meetings=[GoldMeeting.model_validate(base)],
    )


def record_from(gold: GoldMeeting, **changes: object) -> MeetingRecord:
    """The record a perfect extractor would produce for a gold meeting, with changes."""
    nxt = gold.next_meeting
    record = MeetingRecord(
        id="m-" + "-".join(gold.parties),
        status=gold.status,
        primary=True,
        kind=gold.meeting_kind or "other",
        series=gold.series,
        round=gold.round,
        title=gold.series or "meeting",
        parties=[Party(name=code, code=code) for code in gold.parties],
        date=MeetingDate(value=gold.date),
        location=Location(city=gold.city),
        delegations=[
            Delegation(party=h.party, head=Person(name=h.name, title=h.title)) for h in gold.heads
        ],
        topics=[Topic(label=t) for t in gold.topics],
        next_meeting=NextMeeting(date=MeetingDate(value=nxt.date), location=Location(city=nxt.city))
        if nxt
        else None,
    )
    return record.model_copy(update=changes)


def brief(path: str, meetings: list[MeetingRecord], rejected: int = 0) -> ArticleBrief:
    return ArticleBrief(
        source=SourceInfo(path=path, sha256="0" * 64, chars=100),
        headline="h",
        summary="s",
        meetings=meetings,
        rejected=[Rejected(field="f", value="v", reason="not found")] * rejected,
        run=RunInfo(model="fake", provider="fake", prompt_versions={}),
    )


def perfect(article: GoldArticle) -> ArticleBrief:
    meeting = article.primary
    return brief(article.article, [record_from(meeting)] if meeting else [])


# ---- perfect predictions ------------------------------------------------------------------


def test_perfect_prediction_scores_one_on_every_field(tmp_path: Path) -> None:
    gold = [gold_article("a.txt"), gold_article("b.txt", city="Moscow", round=2)]
    report = score(gold, {a.article: perfect(a) for a in gold}, root=tmp_path)
    assert {name: s.f1 for name, s in report.fields.items()} == dict.fromkeys(report.fields, 1.0)
    assert report.fields["heads"].tp == 4
    assert report.missing_briefs == []


def test_perfect_prediction_of_the_shipped_gold_scores_one() -> None:
    """The gold is consistent with the matchers: every gold value matches itself."""
    gold = load_gold(GOLD_FILE)
    report = score(gold, {a.article: perfect(a) for a in gold}, root=REPO)
    imperfect = {name: s for name, s in report.fields.items() if s.f1 != 1.0}
    assert imperfect == {}
    assert report.fields["city"].tp == sum(1 for a in gold if a.primary and a.primary.city)


# ---- field rules ---------------------------------------------------------------------------


def test_wrong_city_lowers_city_precision_and_recall(tmp_path: Path) -> None:
    gold = [gold_article("a.txt"), gold_article("b.txt")]
    wrong = brief("b.txt", [record_from(gold[1].meetings[0], location=Location(city="Paris"))])
    report = score(gold, {"a.txt": perfect(gold[0]), "b.txt": wrong}, root=tmp_path)
    city = report.fields["city"]
    assert (city.tp, city.fp, city.fn) == (1, 1, 1)
    assert city.precision == 0.5 and city.recall == 0.5
    assert report.fields["series"].f1 == 1.0
    detail = report.articles[1].fields["city"]
    assert detail.missing == ["Brussels"] and detail.extra == ["Paris"]


def test_city_matches_across_scripts_and_diacritics(tmp_path: Path) -> None:
    gold = [gold_article("a.txt", city="Brasília")]
    pred = brief("a.txt", [record_from(gold[0].meetings[0], location=Location(city="Brasilia"))])
    assert score(gold, {"a.txt": pred}, root=tmp_path).fields["city"].tp == 1


@pytest.mark.parametrize(
    ("gold_date", "predicted", "counts"),
    [
        ("2025-02", "2025-02-20", (1, 0, 0)),
        ("2025", "2025-07-17", (1, 0, 0)),
        ("2025-02-20", "2025-02-20", (1, 0, 0)),
        ("2025-02-20", "2025-02-21", (0, 1, 1)),
        ("2025-02", "2025-03-01", (0, 1, 1)),
        ("2025-02-20", "2025", (0, 0, 1)),
        ("2025-02-20", None, (0, 0, 1)),
        (None, "2025-02-20", (0, 1, 0)),
    ],
)
def test_date_is_compared_at_the_gold_precision(
    tmp_path: Path, gold_date: str | None, predicted: str | None, counts: tuple[int, int, int]
) -> None:
    gold = [gold_article("a.txt", date=gold_date)]
    pred = brief("a.txt", [record_from(gold[0].meetings[0], date=MeetingDate(value=predicted))])
    date = score(gold, {"a.txt": pred}, root=tmp_path).fields["date"]
    assert (date.tp, date.fp, date.fn) == counts


def test_heads_match_spelling_variants_and_titles_separately(tmp_path: Path) -> None:
    gold = [gold_article("a.txt")]
    people = [
        Delegation(party="PAK", head=Person(name="Abdul Hamid", title="Foreign Minister")),
        Delegation(
            party="EU",
            head=Person(name="Maciej Stadejek", title="Director for Security and Defense Policy"),
        ),
        Delegation(party="EU", head=Person(name="Olof Skoog", title="Ambassador")),
    ]
    pred = brief("a.txt", [record_from(gold[0].meetings[0], delegations=people)])
    report = score(gold, {"a.txt": pred}, root=tmp_path)
    heads, titles = report.fields["heads"], report.fields["heads_title"]
    assert (heads.tp, heads.fp, heads.fn) == (2, 1, 0)
    assert (titles.tp, titles.fp, titles.fn) == (1, 2, 1)


def test_romanizations_of_one_name_match_and_dropped_vowels_do_not() -> None:
    # «حيدر كاظم الجبوري» as two romanizations spell it
    assert same_romanization("Haider Kadhim Al-Jubouri", "Dr. Haidar Kazem Al-Jabburi")
    # words split differently are not read as one name (a limit: "Abd al-Rahman")
    assert not same_romanization("Abdulrahman Al-Qahtani", "Abd al-Rahman Al-Kahtani")
    # a spelling from the consonants alone, a consonant added, another name
    assert not same_romanization("Birhanu Wolde", "Brhano Wldi")
    assert not same_romanization("Haider Kadhim Al-Jubouri", "Haidar Kaziqam Jabouri")
    assert not same_romanization("Mohamed Ali", "Mahmoud Ali")
    assert not same_romanization("Skoog", "Skug")  # one word: surnames are matched elsewhere


def test_a_sectors_broad_word_matches_its_narrower_words_and_siblings_do_not() -> None:
    assert same_family("scholarships for Nigerian students in Morocco", "education")
    assert same_family("energy", "offshore wind")
    assert same_family("agricultural mechanisation and irrigation", "agriculture")
    assert same_family("fisheries", "fishing sector")
    # two narrower words of one sector are two subjects
    assert not same_family("offshore wind", "Trans-Anatolian Gas Pipeline")
    assert not same_family("geothermal energy cooperation", "palm oil")
    assert not same_family("defence training cooperation", "education")
    assert not same_family("food security", "border security")


def test_topics_match_by_keyword_overlap(tmp_path: Path) -> None:
    gold = [gold_article("a.txt", topics=["terrorism financing", "Afghanistan", "Gaza"])]
    labels = ["Countering the financing of terrorism", "situation in Afghanistan", "tourism"]
    pred = brief(
        "a.txt", [record_from(gold[0].meetings[0], topics=[Topic(label=x) for x in labels])]
    )
    topics = score(gold, {"a.txt": pred}, root=tmp_path).fields["topics"]
    assert (topics.tp, topics.fp, topics.fn) == (2, 1, 1)
    assert topic_words("Regional cooperation issues") == set()
    assert topic_words("Foreign Fighters") == {"foreign", "fighter"}


def test_parties_are_scored_as_a_set_of_codes(tmp_path: Path) -> None:
    gold = [gold_article("a.txt")]
    parties = [Party(name="Pakistan", code="PAK"), Party(name="France", code="FRA")]
    pred = brief("a.txt", [record_from(gold[0].meetings[0], parties=parties)])
    got = score(gold, {"a.txt": pred}, root=tmp_path).fields["parties"]
    assert (got.tp, got.fp, got.fn) == (1, 1, 1)


def test_next_meeting_counts_date_and_city(tmp_path: Path) -> None:
    gold = [gold_article("a.txt")]
    nxt = NextMeeting(date=MeetingDate(value="2026"), location=Location(city="Lahore"))
    pred = brief("a.txt", [record_from(gold[0].meetings[0], next_meeting=nxt)])
    got = score(gold, {"a.txt": pred}, root=tmp_path).fields["next_meeting"]
    assert (got.tp, got.fp, got.fn) == (1, 1, 1)


# ---- meetings found or not -----------------------------------------------------------------


def test_invented_meeting_in_a_no_meeting_article_is_a_false_positive(tmp_path: Path) -> None:
    gold = [
        GoldArticle(
            article="trade.txt",
            split="tune",
            language="en",
            kind="no_meeting",
            event=None,
            meetings=[],
        )
    ]
    invented = record_from(gold_article().meetings[0], location=Location(city="Paris"))
    report = score(gold, {"trade.txt": brief("trade.txt", [invented])}, root=tmp_path)
    detection = report.fields["meeting_detection"]
    assert (detection.tp, detection.fp, detection.fn) == (0, 1, 0)
    assert detection.precision == 0.0
    assert report.fields["city"].fp == 0


def test_missed_meeting_and_missing_brief_count_as_false_negatives(tmp_path: Path) -> None:
    gold = [gold_article("a.txt"), gold_article("b.txt")]
    report = score(gold, {"a.txt": brief("a.txt", [])}, root=tmp_path)
    assert report.fields["meeting_detection"].fn == 2
    assert report.fields["city"].fn == 2 and report.fields["city"].fp == 0
    assert report.missing_briefs == ["b.txt"]


def test_brief_keys_and_gold_paths_match_after_resolution(tmp_path: Path) -> None:
    gold = [gold_article("examples/a.txt")]
    key = str(tmp_path / "examples" / "." / "a.txt")
    report = score(gold, {key: perfect(gold[0])}, root=tmp_path)
    assert report.missing_briefs == [] and report.ungraded_briefs == []
    assert report.fields["round"].tp == 1


# ---- grouping, rejected share, rendering ----------------------------------------------------


def test_grouping_is_scored_pairwise(tmp_path: Path) -> None:
    gold = [
        gold_article(name).model_copy(update={"event": event})
        for name, event in [("a", "E1"), ("b", "E1"), ("c", "E1"), ("d", "E2")]
    ]
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    got = grouping_score(gold, predicted, root=tmp_path)
    assert (got.tp, got.fp, got.fn) == (1, 1, 2)
    assert got.precision == 0.5 and got.recall == pytest.approx(1 / 3)


def test_grouping_from_primary_record_ids(tmp_path: Path) -> None:
    gold = [gold_article(name).model_copy(update={"event": "E1"}) for name in ("a.txt", "b.txt")]
    briefs = {a.article: perfect(a) for a in gold}
    report = score(gold, briefs, events_from_briefs(briefs), root=tmp_path)
    assert report.grouping is not None and report.grouping.tp == 1
    assert score(gold, briefs, root=tmp_path).grouping is None


def test_events_from_summary_prefers_the_event_of_a_primary_record() -> None:
    record = record_from(gold_article().meetings[0])
    secondary = record.model_copy(update={"primary": False, "status": "announced"})
    summary = ComparativeSummary(
        articles=[
            ArticleRef(id="a1", path="x.txt", sha256="1" * 64),
            ArticleRef(id="a2", path="y.txt", sha256="2" * 64),
        ],
        events=[
            Event(event_id="later", record=secondary, sources=["a1"]),
            Event(event_id="main", record=record, sources=["a1", "a2"]),
        ],
        comparison=Comparison(),
    )
    assert events_from_summary(summary) == {"x.txt": "main", "y.txt": "main"}


def test_rejected_share_counts_rejected_over_all_facts(tmp_path: Path) -> None:
    gold = [gold_article("a.txt")]
    record = MeetingRecord(
        id="m",
        status="held",
        primary=True,
        kind="dialogue",
        series="Dialogue",
        round=None,
        title="t",
        parties=[Party(name="Pakistan", code="PAK")],
        date=MeetingDate(value=None),
        location=Location(city="Brussels"),
    )
    # kept facts: 1 party + series + city = 3; rejected 1 -> 1/4
    report = score(gold, {"a.txt": brief("a.txt", [record], rejected=1)}, root=tmp_path)
    assert report.rejected_share == 0.25


def test_render_markdown_lists_scores_rules_and_differences(tmp_path: Path) -> None:
    gold = [gold_article("a.txt")]
    wrong = brief("a.txt", [record_from(gold[0].meetings[0], location=Location(city="Paris"))])
    text = render_markdown(score(gold, {"a.txt": wrong}, root=tmp_path))
    assert "| city | 0.00 | 0.00 | 0.00 | 0 | 1 | 1 |" in text
    assert "topics matched by keyword overlap" in text
    assert "city: missing Brussels | extra Paris" in text


# ---- the gold file ---------------------------------------------------------------------------


def test_load_gold_rejects_a_bad_line_with_its_number(tmp_path: Path) -> None:
    good = gold_article("a.txt").model_dump(mode="json")
    bad = gold_article("b.txt").model_dump(mode="json")
    bad["meetings"][0]["round"] = 0
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([json.dumps(good), "", json.dumps(bad)]) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)
    assert caught.value.line == 3
    assert f"{path}:3:" in str(caught.value) and "round" in str(caught.value)
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    assert [g.article for g in load_gold(str(path))] == ["a.txt"]  # a str path is read too


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("{not json", "invalid JSON"),
        ('{"article": "a.txt", "split": "train"}', "split"),
    ],
)
def test_load_gold_reports_invalid_json_and_bad_values(
    tmp_path: Path, line: str, needle: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=needle) as caught:
        load_gold(path)
    assert caught.value.line == 1


def test_load_gold_rejects_duplicate_articles(tmp_path: Path) -> None:
    line = json.dumps(gold_article("a.txt").model_dump(mode="json"))
    path = tmp_path / "gold.jsonl"
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="already listed on line 1"):
        load_gold(path)


def test_shipped_gold_paths_exist_and_splits_cover_every_language() -> None:
    gold = load_gold(GOLD_FILE)
    missing = [a.article for a in gold if not (REPO / a.article).is_file()]
    assert missing == []
    assert {a.split for a in gold} <= {"tune", "heldout"}
    heldout_languages = {a.language for a in gold if a.split == "heldout"}
    assert set(LANGUAGES) <= heldout_languages
    assert sum(a.article.startswith("../shared/seeds/") for a in gold) == 5


def test_shipped_gold_has_one_split_per_event() -> None:
    """Reports of one meeting never straddle tune and heldout (no leakage)."""
    splits: dict[str, set[str]] = {}
    for article in load_gold(GOLD_FILE):
        if article.event:
            splits.setdefault(article.event, set()).add(article.split)
    assert {event: s for event, s in splits.items() if len(s) > 1} == {}


def test_topic_words_fold_british_spelling() -> None:
    assert topic_words("radicalisation") == topic_words("radicalization")
    assert topic_words("Organised crime") & topic_words("organized crime networks")
