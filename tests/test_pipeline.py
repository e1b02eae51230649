"""The pipeline's code side (grounding, normalising, rejecting) with a fake model."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.config import Settings
from summarizer.errors import ArticleTooLongError
from summarizer.extract import ArticleFacts
from summarizer.grounding import check_spans
from summarizer.pipeline import (
    check_fits,
    estimate_tokens,
    meeting_id,
    ordinal_spans,
    summarize,
)
from summarizer.reading import read_article
from summarizer.testing import FakeClient

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")

ARTICLE = """Recorder Report 23 Nov 2021

ISLAMABAD: Pakistan and Russia on Monday held the 9th meeting of the Joint Working Group on
Counter-Terrorism in Moscow. The meeting was co-chaired by Deputy Foreign Minister Oleg
Syromolotov and Additional Secretary Nabeel Munir.
“Both sides reaffirmed their commitment to continue dialogue on countering financing of
terrorism,” the statement said. The sides agreed to meet again in Islamabad in 2022.
"""

MEETING: dict[str, Any] = {
    "status": "held",
    "kind": "working_group",
    "series": "Joint Working Group on Counter-Terrorism",
    "round": 9,
    "date_text": "Monday",
    "city": "Moscow",
    "parties": ["Pakistan", "Russia"],
    "heads": [
        {
            "name": "Oleg Syromolotov",
            "title": "Deputy Foreign Minister",
            "party": "Russia",
        },
        {
            "name": "Nabeel Munir",
            "title": "Additional Secretary",
            "party": "Pakistan",
        },
    ],
    "topics": ["countering financing of terrorism", "space cooperation"],
    "outcomes": [
        {
            "kind": "commitment",
            "quote": "Both sides reaffirmed their commitment",
        },
    ],
    "quotes": [{"speaker": "the statement", "start": "Both sides reaffirmed"}],
    "next_meeting": {"when": "2022", "city": "Islamabad", "quote": "meet again in Islamabad"},
    "framework": ["Pakistan"],
}


def facts(**meeting_changes: Any) -> dict[str, Any]:
    meeting = copy.deepcopy(MEETING)
    meeting.update(meeting_changes)
    return {"meetings": [meeting]}


def run(facts_dict: dict[str, Any], text: str = ARTICLE, **settings: Any) -> Any:
    client = FakeClient([facts_dict])
    article = read_article(text=text)
    return summarize(article, client, Settings(provider="fake", **settings)), client


def bare_meeting(**meeting_changes: Any) -> dict[str, Any]:
    """MEETING with nothing but ``meeting_changes`` (no heads, topics, quotes...)."""
    return {
        **MEETING,
        "heads": [],
        "topics": [],
        "outcomes": [],
        "quotes": [],
        "next_meeting": None,
        "framework": [],
        **meeting_changes,
    }


def run_translated(text: str, translated: str, **meeting_changes: Any) -> Any:
    """Summarize a non-English article whose translation is ``translated``; the model's one
    meeting is ``bare_meeting(**meeting_changes)``."""
    client = FakeClient([translated, {"meetings": [bare_meeting(**meeting_changes)]}])
    return summarize(read_article(text=text), client, Settings(provider="fake"))


def test_grounded_facts_are_kept_with_exact_offsets() -> None:
    brief, _ = run(facts())
    m = brief.meetings[0]
    assert m.primary and m.round == 9 and m.location.city == "Moscow"
    assert m.location.country == "RUS"
    assert {p.code for p in m.parties} == {"PAK", "RUS"}
    assert m.date.value == "2021-11-22" and m.date.resolved_from == "published"
    assert brief.source.published == "2021-11-23"
    spans = [s for p in m.parties for s in p.evidence] + m.date.evidence + m.field_evidence["round"]
    assert check_spans(ARTICLE, spans) == []
    assert m.field_evidence["round"][0].text == "9th"


def test_ungrounded_topic_and_party_as_framework_are_rejected() -> None:
    brief, _ = run(facts())
    m = brief.meetings[0]
    assert [t.label for t in m.topics] == ["countering financing of terrorism"]
    reasons = {r.field: r.reason for r in brief.rejected}
    assert "meetings[0].topics[1]" in reasons
    assert "meetings[0].framework[0]" in reasons and m.framework == []


def test_a_list_proposed_as_one_topic_is_grounded_item_by_item() -> None:
    listed = "countering financing of terrorism; space tourism, meeting again in Islamabad"
    brief, _ = run(facts(topics=[listed]))
    m = brief.meetings[0]
    # the list is not written as one in the article; two of its items are, each grounded
    assert [t.label for t in m.topics] == ["countering financing of terrorism"]
    assert [t.evidence[0].text for t in m.topics] == ["countering financing of\nterrorism"]
    assert check_spans(ARTICLE, [s for t in m.topics for s in t.evidence]) == []
    rejected = [r.value for r in brief.rejected if r.field == "meetings[0].topics[0]"]
    assert "space tourism" in rejected and listed not in rejected


def test_keep_ungrounded_keeps_them_without_evidence() -> None:
    brief, _ = run(facts(), keep_ungrounded=True)
    labels = {t.label: t.evidence for t in brief.meetings[0].topics}
    assert labels["space cooperation"] == []
    assert any(r.field == "meetings[0].topics[1]" for r in brief.rejected)


def test_quote_is_recovered_whole_from_its_first_words() -> None:
    brief, _ = run(facts())
    quote = brief.meetings[0].quotes[0]
    assert quote.text.startswith("Both sides reaffirmed")
    assert quote.text.endswith("terrorism,")
    assert ARTICLE[quote.evidence[0].start : quote.evidence[0].end] == quote.text


def test_text_outside_quotation_marks_is_not_a_quote() -> None:
    brief, _ = run(facts(quotes=[{"speaker": "x", "start": "The sides agreed"}]))
    assert brief.meetings[0].quotes == []
    assert any("quotation" in r.reason for r in brief.rejected)


def test_round_not_written_in_article_is_rejected_and_read_from_the_text() -> None:
    brief, _ = run(facts(round=7))
    assert any(r.field == "meetings[0].round" for r in brief.rejected)
    # code reads the ordinal that numbers the meeting in the series' own sentence
    assert brief.meetings[0].round == 9
    assert brief.meetings[0].field_evidence["round"][0].text == "9th"


def test_round_and_date_the_model_left_out_are_read_from_the_meeting_sentence() -> None:
    brief, _ = run(facts(round=None, date_text=None))
    m = brief.meetings[0]
    assert m.round == 9 and m.field_evidence["round"][0].text == "9th"
    assert m.date.value == "2021-11-22" and m.date.text == "on Monday"
    assert check_spans(ARTICLE, m.date.evidence + m.field_evidence["round"]) == []


def test_an_ordinal_that_numbers_no_meeting_is_not_a_round() -> None:
    text = ARTICLE.replace("held the 9th meeting of", "for the first time held")
    brief, _ = run(facts(round=None), text=text)
    assert brief.meetings[0].round is None


def test_held_meeting_dated_after_publication_is_rejected() -> None:
    text = ARTICLE.replace("on Monday", "on 30 November 2021")
    # the model's own validator re-asks first; the fake answers the same, so it fails
    # in validation: the fake client raises ExtractionError like the real one
    from summarizer.errors import ExtractionError

    with pytest.raises(ExtractionError):
        run(facts(date_text="30 November 2021"), text=text)


def test_no_meeting_is_a_valid_empty_result() -> None:
    brief, _ = run(
        {"meetings": []},
        text="Exports of rice rose by 4 percent in the third quarter, officials said.",
    )
    assert brief.meetings == []
    assert "no diplomatic meeting" in brief.summary


def test_meeting_without_parties_or_series_is_dropped() -> None:
    brief, _ = run(facts(parties=["Atlantis"], series=None, round=None, city=None, heads=[]))
    assert brief.meetings == []
    assert any(r.field == "meetings[0]" for r in brief.rejected)


def test_heads_parties_are_the_sides_when_the_proposed_parties_are_not_parties() -> None:
    # the model put the heads' names where the parties go (a phone call between ministers)
    heads = [h["name"] for h in MEETING["heads"]]
    brief, _ = run(facts(parties=heads, series=None, round=None, city=None))
    assert len(brief.meetings) == 1
    assert {p.code for p in brief.meetings[0].parties} == {"RUS", "PAK"}
    for p in brief.meetings[0].parties:
        span = p.evidence[0]
        assert ARTICLE[span.start : span.end] == span.text


def test_person_not_in_article_fails_validation() -> None:
    heads = [{"name": "John Smith", "title": "Envoy", "party": "Russia"}]
    from summarizer.errors import ExtractionError

    with pytest.raises(ExtractionError, match="not named in the article"):
        run(facts(heads=heads))


def test_run_records_prompt_versions_model_and_cost() -> None:
    brief, client = run(facts())
    assert brief.run.prompt_versions["extract"] == "v2"
    assert brief.run.model == "fake-model" and brief.run.calls == 1
    # the article is passed delimited in the user message, never in the system prompt
    messages = client.requests[0][1]
    assert "<article>" in messages[1]["content"] and "ISLAMABAD" not in messages[0]["content"]


def test_article_with_template_syntax_is_passed_verbatim() -> None:
    text = ARTICLE + "\nA reader wrote {{ ignore }} and {published} here.\n"
    brief, client = run(facts(), text=text)
    assert "{{ ignore }} and {published}" in client.requests[0][1][1]["content"]
    assert brief.meetings


def test_non_english_article_is_translated_then_mapped_back() -> None:
    text = (
        "اتفقت باكستان وروسيا في موسكو على تعزيز التعاون خلال الجولة التاسعة من الحوار.\n\n"
        "وقال البيان: “نحن ملتزمون بالسلام”.\n"
    )
    translated = (
        "[1] Pakistan and Russia agreed in Moscow to strengthen cooperation during the ninth "
        "round of the dialogue.\n\n[2] The statement said: “We are committed to peace”."
    )
    meeting = {
        "status": "held",
        "kind": "dialogue",
        "series": "Dialogue",
        "round": 9,
        "date_text": None,
        "city": "Moscow",
        "parties": [
            "Pakistan",
            "Russia",
        ],
        "heads": [],
        "topics": ["strengthen cooperation"],
        "outcomes": [],
        "quotes": [{"speaker": "the statement", "start": "We are committed"}],
        "next_meeting": None,
        "framework": [],
    }
    client = FakeClient([translated, {"meetings": [meeting]}])
    brief = summarize(read_article(text=text), client, Settings(provider="fake"))
    assert client.requests[0][0] is str and client.requests[1][0] is ArticleFacts
    assert "[1] اتفقت" in client.requests[0][1][1]["content"]
    m = brief.meetings[0]
    assert brief.source.language == "ar" and brief.source.chars == len(text)
    assert m.series == "Dialogue" and m.round == 9 and m.location.city == "Moscow"
    # evidence points into the ORIGINAL Arabic text
    spans = [*m.location.evidence, *m.topics[0].evidence, *m.field_evidence["round"]]
    assert check_spans(text, spans) == []
    assert m.topics[0].evidence[0].alignment == "translated"
    assert m.topics[0].evidence[0].text.startswith("اتفقت")
    # a city code knows is pointed at as the original writes it
    assert m.location.evidence[0].text == "موسكو"
    assert m.field_evidence["round"][0].text == "التاسعة"
    # the quotation is given verbatim in the original language
    assert m.quotes[0].text == "نحن ملتزمون بالسلام"
    assert text[m.quotes[0].evidence[0].start : m.quotes[0].evidence[0].end] == m.quotes[0].text
    assert brief.run.calls == 2


def test_a_country_given_as_the_city_becomes_the_city_of_it_the_original_names() -> None:
    text = (
        "الكويت - 3 - 11 (كونا) -- عقدت اللجنة المشتركة بين الكويت والفلبين اليوم اجتماعها "
        "الثالث.\n"
    )
    translated = (
        "[1] Kuwait - 3 - 11 (KUNA) -- The Joint Committee between Kuwait and the Philippines "
        "held its third meeting today."
    )
    brief = run_translated(
        text,
        translated,
        kind="other",
        series="Joint Committee",
        round=3,
        date_text=None,
        city="Kuwait",
        parties=["Kuwait", "Philippines"],
    )
    m = brief.meetings[0]
    assert m.location.city == "Kuwait City" and m.location.country == "KWT"
    assert check_spans(text, m.location.evidence) == []
    assert m.location.evidence[0].text == "الكويت" and m.location.evidence[0].start == 0
    (why,) = [r for r in brief.rejected if r.field == "meetings[0].location.city"]
    assert why.value == "Kuwait" and "a city of it" in why.reason


def test_a_translated_meetings_status_follows_the_originals_tense() -> None:
    text = "مشاورت کا چھٹا دور جمعہ کو سیول میں منعقد ہوا۔\n"
    translated = "[1] The sixth round of consultations will be held in Seoul on Friday."
    brief = run_translated(text, translated, status="announced", date_text=None, city="Seoul")
    assert brief.meetings[0].status == "held"
    (why,) = [r for r in brief.rejected if r.field == "meetings[0].status"]
    assert why.value == "announced" and "past tense" in why.reason


def test_a_city_named_outside_the_meetings_sentences_gives_way_to_the_venue() -> None:
    article = (
        "Lisbon firms press for unpaid arrears\n\n"
        "LUANDA, March 4 (Reuters) - Angola and Portugal agreed on Tuesday to open talks.\n"
        "The agreement came at the seventh session of the Bilateral Commission. The sixth was "
        "held in Lisbon in 2023.\n"
    )
    meeting = {
        **MEETING,
        "series": "Bilateral Commission",
        "round": 7,
        "date_text": None,
        "parties": ["Angola", "Portugal"],
        "heads": [],
        "outcomes": [],
        "quotes": [],
        "next_meeting": None,
        "framework": [],
        "topics": [],
    }
    brief, _ = run({"meetings": [{**meeting, "city": "Lisbon"}]}, text=article)
    m = brief.meetings[0]  # the model's Lisbon is the headline's: the dateline's city
    assert m.location.city == "Luanda" and m.location.evidence[0].text == "LUANDA"
    article = article.replace(
        "of the Bilateral Commission.", "of the Bilateral Commission in Lobito."
    )
    brief, _ = run({"meetings": [{**meeting, "city": "Luanda"}]}, text=article)
    m = brief.meetings[0]  # the meeting's own sentence names its venue
    assert m.location.city == "Lobito" and check_spans(article, m.location.evidence) == []
    (why,) = [r for r in brief.rejected if r.field == "meetings[0].location.city"]
    assert why.value == "Luanda" and "'Lobito'" in why.reason


def test_paragraphs_the_translation_skipped_are_reported() -> None:
    text = "اتفقت باكستان وروسيا على التعاون.\n\nفقرة ثانية عن الطقس في المدينة."
    client = FakeClient(
        [
            "[1] Pakistan and Russia agreed to cooperate.",
            {"meetings": []},
        ]
    )
    brief = summarize(read_article(text=text), client, Settings(provider="fake"))
    assert any(r.field == "translation" and r.value == "2" for r in brief.rejected)


def test_too_long_article_is_refused_with_sizes() -> None:
    article = read_article(text="word " * 40_000)
    with pytest.raises(ArticleTooLongError) as info:
        check_fits(article, Settings(n_ctx=8192))
    assert info.value.tokens > info.value.limit
    assert "refused" in info.value.message


def test_estimate_tokens_counts_non_latin_denser() -> None:
    assert estimate_tokens("ب" * 1000) > estimate_tokens("b" * 1000)


def test_meeting_id_is_stable_across_reports_of_one_round() -> None:
    a = meeting_id(["PAK", "EU"], "Counter-Terrorism Dialogue", 9, "2025-02-20")
    b = meeting_id(["EU", "PAK"], "counter terrorism dialogue", 9, None)
    c = meeting_id(["EU", "PAK"], "Counter-Terrorism Dialogue", 10, None)
    assert a == b and a != c


def test_ordinal_spans_find_words_and_digits() -> None:
    text = "the ninth round, not the 10th; الجولة العاشرة"
    assert [s.text for s in ordinal_spans(text, 9)] == ["ninth"]
    assert [s.text for s in ordinal_spans(text, 10)] == ["10th", "العاشرة"]


@needs_seeds
def test_seed_publication_and_language_detection() -> None:
    brief, _ = run(
        {"meetings": []},
        text=(SEEDS / "002_685be4a34f0c20a6.txt").read_text(encoding="utf-8"),
    )
    assert brief.source.published == "2025-07-18" and brief.source.language == "en"


def test_facts_model_caps_lists() -> None:
    schema = ArticleFacts.model_json_schema()
    meeting = schema["$defs"]["MeetingProposal"]["properties"]
    assert meeting["topics"]["maxItems"] == 5 and meeting["heads"]["maxItems"] == 4
    # no maxLength: llama.cpp grammars for it are pathologically slow
    assert "maxLength" not in json.dumps(schema)


def test_party_in_the_name_field_is_not_taken_for_the_person() -> None:
    heads = [
        {"name": "Pakistan", "title": "Additional Secretary", "party": "Pakistan"},
        {"name": "Nabeel Munir", "title": "Additional Secretary", "party": "Pakistan"},
    ]
    brief, _ = run(facts(heads=heads))
    assert [d.head.name for d in brief.meetings[0].delegations] == ["Nabeel Munir"]
    assert any("not a person" in r.reason for r in brief.rejected)


def test_cache_key_changes_with_prompts_model_and_pipeline_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summarizer import pipeline

    article = read_article(text=ARTICLE)
    settings = Settings()
    base = pipeline.cache_key_for(article, "local", "m1", settings)
    assert base == pipeline.cache_key_for(article, "local", "m1", settings)
    assert base != pipeline.cache_key_for(article, "local", "m2", settings)
    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", "next")
    assert base != pipeline.cache_key_for(article, "local", "m1", settings)


def test_headline_is_the_articles_own_title_line() -> None:
    from summarizer.pipeline import article_headline

    text = "PRESS RELEASE\n\nKenya and Ethiopia hold Joint Commission in Addis Ababa\n\nBody."
    assert article_headline(text) == "Kenya and Ethiopia hold Joint Commission in Addis Ababa"
    assert article_headline("[1] Pakistan and Russia agree to widen talks\n[2] ...") == (
        "Pakistan and Russia agree to widen talks"
    )
    assert article_headline("SHORT\nAlso short\n" + "word " * 40) is None


def test_job_title_given_as_a_name_becomes_the_person_named_after_it() -> None:
    text = ARTICLE + " Russian Deputy Foreign Minister Oleg Syromolotov opened the talks."
    heads = [{"name": "Russian Deputy Foreign Minister", "title": "Deputy FM", "party": "Russia"}]
    brief, _ = run(facts(heads=heads), text=text)
    (delegation,) = brief.meetings[0].delegations
    assert delegation.head.name == "Oleg Syromolotov"
    assert check_spans(text, delegation.evidence) == []


def test_a_person_or_title_proposed_as_a_party_is_rejected() -> None:
    parties = ["Pakistan", "Russian Deputy Foreign Minister", "Nabeel Munir"]
    brief, _ = run(facts(parties=parties))
    # the other side is the Russian head's party, which the article names
    assert [p.code for p in brief.meetings[0].parties] == ["PAK", "RUS"]
    reasons = [r.reason for r in brief.rejected if r.field.startswith("meetings[0].parties")]
    assert reasons == ["not a country or organisation"] * 2


def test_surname_only_head_gets_the_full_name_the_article_writes() -> None:
    heads = [{"name": "Syromolotov", "title": "Deputy Foreign Minister", "party": "Russia"}]
    brief, _ = run(facts(heads=heads))
    (delegation,) = brief.meetings[0].delegations
    assert delegation.head.name == "Oleg Syromolotov"  # the article wraps the line
    assert check_spans(ARTICLE, delegation.evidence) == []


def test_quote_speaker_not_named_near_the_quotation_is_dropped() -> None:
    text = ARTICLE.replace("the statement said", "Munir said")
    quotes = [{"speaker": "Nabeel Munir", "start": "Both sides reaffirmed"}]
    brief, _ = run(facts(quotes=quotes), text=text)
    assert brief.meetings[0].quotes[0].speaker == "Nabeel Munir"
    wrong = [{"speaker": "Vladimir Putin", "start": "Both sides reaffirmed"}]
    brief, _ = run(facts(quotes=wrong), text=text)
    assert brief.meetings[0].quotes[0].speaker is None
    assert any(r.field == "meetings[0].quotes[0].speaker" for r in brief.rejected)


def test_a_plan_proposed_as_series_moves_to_framework_and_the_written_name_is_used() -> None:
    text = ARTICLE.replace(
        "Counter-Terrorism in Moscow.",
        "Counter-Terrorism in Moscow, under the 2019 Strategic Engagement Plan.",
    )
    brief, _ = run(facts(series="2019 Strategic Engagement Plan", framework=[]), text=text)
    m = brief.meetings[0]
    # read by code right after the ordinal that numbers the meeting ("the 9th meeting of ...")
    assert m.series == "Joint Working Group on Counter-Terrorism"
    assert m.kind == "working_group"
    assert m.framework == ["2019 Strategic Engagement Plan"]
    assert check_spans(text, m.field_evidence["series"]) == []
    reasons = [r.reason for r in brief.rejected if r.field == "meetings[0].series"]
    assert reasons == ["names a plan or agreement, not a meeting mechanism (kept under framework)"]


def test_a_held_meeting_proposed_as_announced_is_corrected_by_its_own_sentence() -> None:
    text = ARTICLE.replace("Recorder Report 23 Nov 2021", "Recorder Report")  # no date known
    brief, _ = run(facts(status="announced"), text=text)
    assert brief.meetings[0].status == "held"  # "... on Monday held the 9th meeting ..."
    (why,) = [r for r in brief.rejected if r.field == "meetings[0].status"]
    assert why.value == "announced" and "past tense" in why.reason


def test_an_announced_meeting_stays_announced_when_its_sentence_is_in_the_future() -> None:
    text = ARTICLE.replace("on Monday held the 9th meeting", "will hold the 9th meeting")
    brief, _ = run(facts(status="held", date_text=None), text=text)
    assert brief.meetings[0].status == "announced"
    brief, _ = run(facts(status="announced", date_text=None), text=text)
    assert brief.meetings[0].status == "announced"
    assert not [r for r in brief.rejected if r.field == "meetings[0].status"]


def test_an_announced_meeting_on_a_weekday_is_dated_by_the_next_one() -> None:
    # published Tuesday 23 Nov 2021; "will hold ... on Monday" is Monday 29 Nov, not the 22nd
    text = ARTICLE.replace("on Monday held the 9th meeting", "will hold the 9th meeting on Monday")
    brief, _ = run(facts(status="announced"), text=text)
    m = brief.meetings[0]
    assert m.status == "announced" and m.date.value == "2021-11-29"
    brief, _ = run(facts(status="held"), text=ARTICLE)  # held "on Monday": the 22nd
    assert brief.meetings[0].date.value == "2021-11-22"


def test_places_discussed_join_the_topics_and_generic_topics_are_rejected() -> None:
    text = ARTICLE + (
        "The sides also discussed ties in all areas, the situation in Afghanistan and Russia's "
        "role.\n"
    )
    brief, _ = run(facts(topics=["countering financing of terrorism", "all areas"]), text=text)
    m = brief.meetings[0]
    topics = {t.label: t for t in m.topics}
    assert "all areas" not in topics
    assert any(
        r.field == "meetings[0].topics[1]" and "no subject" in r.reason for r in brief.rejected
    )
    place = topics["Afghanistan"]
    assert place.category == "place" and check_spans(text, place.evidence) == []
    assert "Russia" not in topics  # a party is not a topic


def test_arabic_head_is_spelt_from_the_original_with_its_exact_span() -> None:
    text = (
        "عقدت الأردن وعُمان الجولة السادسة من المشاورات السياسية في مسقط.\n\n"
        "وترأس الجانب الأردني سعادة السفير مازن عبد الله الفايز، الأمين العام لوزارة الخارجية.\n"
    )
    translated = (
        "[1] Jordan and Oman held the sixth round of political consultations in Muscat.\n\n"
        "[2] The Jordanian side was headed by Ambassador Mazan Abdullah Faziz, Secretary "
        "General of the Ministry of Foreign Affairs."
    )
    head = {"name": "Mazan Abdullah Faziz", "title": "Secretary General", "party": "Jordan"}
    brief = run_translated(
        text,
        translated,
        kind="consultations",
        series="Political Consultations",
        round=6,
        date_text=None,
        city="Muscat",
        parties=["Jordan", "Oman"],
        heads=[head],
    )
    d = brief.meetings[0].delegations[0]
    assert d.head.name in ("Mazen Abdullah Al-Fayez", "Mazin Abdullah Al-Fayez")
    assert d.head.name_as_written == "مازن عبد الله الفايز"
    assert check_spans(text, d.evidence) == [] and d.evidence[0].alignment == "exact"
    assert any(r.value == "Mazan Abdullah Faziz" for r in brief.rejected)
    # the title written after the name replaces the translation's shorter one, with its span
    assert d.head.title == "Secretary-General of the Ministry of Foreign Affairs"
    assert d.evidence[1].text == "الأمين العام لوزارة الخارجية"
    assert check_spans(text, d.evidence) == []


def test_a_call_in_the_opening_is_the_meeting_with_no_venue_dated_by_its_sentence() -> None:
    text = (
        "Entretien téléphonique entre les ministres\n\n"
        "Rabat, 6 mars 2025 (MAP) - Le ministre marocain des Affaires étrangères s'est "
        "entretenu jeudi au téléphone avec son homologue gabonaise.\n\n"
        "Les deux ministres ont évoqué le processus lancé à Rabat en 2022.\n"
    )
    translated = (
        "[1] Telephone conversation between the ministers\n\n[2] Rabat, March 6, 2025 (MAP) - "
        "The Moroccan foreign minister spoke on Thursday by telephone with his Gabonese "
        "counterpart.\n\n[3] The two ministers discussed the process launched in Rabat in 2022."
    )
    brief = run_translated(
        text,
        translated,
        status="announced",
        kind="visit",
        series=None,
        round=None,
        date_text="in 2022",
        city="Rabat",
        parties=["Morocco", "Gabon"],
    )
    m = brief.meetings[0]
    assert m.kind == "call" and m.location.city is None
    assert m.date.value == "2025-03-06" and m.status == "held"
    assert check_spans(text, m.date.evidence) == []


def test_a_head_the_urdu_original_names_and_the_model_left_out_joins_the_meeting() -> None:
    text = (
        "پاکستان اور ترکیہ کے درمیان سیاسی مشاورت کا پانچواں دور اسلام آباد میں ہوا۔\n\n"
        "پاکستانی وفد کی قیادت ایڈیشنل سیکرٹری (یورپ) فرحان علی جعفری نے کی، جبکہ ترک وفد کی "
        "سربراہی نائب وزیر خارجہ سلیم قراجہ نے کی۔\n"
    )
    translated = (
        "[1] The fifth round of political consultations between Pakistan and Turkey was held "
        "in Islamabad.\n\n[2] The Pakistani delegation was led by Additional Secretary "
        "(Europe) Farhan Ali Jafri, while the Turkish delegation was headed by a deputy "
        "minister."
    )
    head = {"name": "Farhan Ali Jafri", "title": "Additional Secretary", "party": "Pakistan"}
    brief = run_translated(
        text,
        translated,
        kind="consultations",
        series="Political Consultations",
        round=5,
        date_text=None,
        city="Islamabad",
        parties=["Pakistan", "Turkey"],
        heads=[head],
    )
    delegations = brief.meetings[0].delegations
    assert [d.party for d in delegations] == ["PAK", "TUR"]
    added = delegations[1]
    assert added.head.name_as_written == "سلیم قراجہ"
    assert added.head.title == "Deputy Foreign Minister"
    assert added.head.name.startswith("S") and len(added.head.name.split()) == 2
    assert check_spans(text, added.evidence) == []


def test_a_city_is_not_a_head_of_delegation() -> None:
    heads = [{"name": "Islamabad", "title": "host", "party": "Pakistan"}]
    brief, _ = run(facts(heads=heads))
    assert all(d.head.name != "Islamabad" for d in brief.meetings[0].delegations)


def test_title_before_reads_the_whole_office_written_before_the_name() -> None:
    from summarizer.grounding import Span
    from summarizer.pipeline import title_before

    text = (
        "The Mongolian side was headed by Director of the Policy Planning and Research "
        "Department of the Ministry of Foreign Affairs Ganbaatar Tsogtbayar, and the Japanese "
        "side by Director-General of the Foreign Policy Bureau Kenji Moriwaki."
    )

    def at(name: str) -> Span:
        start = text.index(name)
        return Span(start=start, end=start + len(name), text=name)

    assert title_before(text, at("Ganbaatar Tsogtbayar"), "Director") == (
        "Director of the Policy Planning and Research Department of the Ministry of Foreign Affairs"
    )
    assert title_before(text, at("Kenji Moriwaki"), "General") == (
        "Director-General of the Foreign Policy Bureau"
    )
    # a title the article does not write before the name: nothing to read
    assert title_before(text, at("Kenji Moriwaki"), "Ambassador") is None


def test_an_empty_answer_is_asked_about_once_with_the_sentence_that_reports_a_meeting() -> None:
    client = FakeClient([{"meetings": []}, facts()])
    brief = summarize(read_article(text=ARTICLE), client, Settings(provider="fake"))
    assert len(brief.meetings) == 1 and brief.run.calls == 2
    question = client.requests[1][1][-1]["content"]
    assert "<sentence>" in question and "held the 9th meeting of the Joint Working Group" in (
        question
    )
    assert client.requests[1][1][-2]["role"] == "assistant"
    # the second answer stands, even when it is empty again
    client = FakeClient([{"meetings": []}, {"meetings": []}])
    brief = summarize(read_article(text=ARTICLE), client, Settings(provider="fake"))
    assert brief.meetings == [] and len(client.requests) == 2


def test_a_paragraph_whose_meeting_the_translation_lost_is_translated_again() -> None:
    text = (
        "کپاس کی درآمدات میں اضافہ\n\n"
        "پاکستان کے وزیر تجارت رانا عثمان جاوید نے پیر کو اسلام آباد میں برازیل کے سیکرٹری مارسیلو "
        "کوٹینیو سے ملاقات کی۔\n\n"
        "کراچی کاٹن ایکسچینج میں کپاس کا اسپاٹ ریٹ بڑھ گیا۔\n"
    )
    garbled = (
        "[1] Cotton imports rise\n\n[2] The company sent its components to Brazil.\n\n"
        "[3] The cotton spot rate rose in Karachi."
    )
    mended = (
        "[1] Pakistan's Commerce Minister Rana Usman Javed met with Brazil's Secretary Marcelo "
        "Coutinho in Islamabad on Monday."
    )
    meeting = bare_meeting(
        kind="visit",
        series=None,
        round=None,
        date_text=None,
        city="Islamabad",
        parties=["Pakistan", "Brazil"],
    )
    client = FakeClient([garbled, {"meetings": []}, mended, {"meetings": [meeting]}])
    brief = summarize(read_article(text=text), client, Settings(provider="fake"))
    # only the paragraph that reports the meeting («... سے ملاقات کی») is sent again
    again = client.requests[2][1][-1]["content"]
    assert client.requests[2][0] is str and "[1] پاکستان کے" in again and "[2]" not in again
    # the model read the mended English; its facts point into the original paragraph
    reread = client.requests[3][1][-1]["content"]
    assert "met with Brazil's Secretary" in reread and "cotton spot rate" in reread
    (m,) = brief.meetings
    assert {p.code for p in m.parties} == {"PAK", "BRA"} and m.location.city == "Islamabad"
    assert check_spans(text, m.location.evidence) == []
    assert brief.run.calls == 4
    # a translation that kept the meeting's sentence is not sent again
    kept = garbled.replace("The company sent its components to Brazil.", mended[4:])
    client = FakeClient([kept, {"meetings": []}, {"meetings": []}])
    brief = summarize(read_article(text=text), client, Settings(provider="fake"))
    assert brief.meetings == [] and [r[0] for r in client.requests].count(str) == 1


def test_an_empty_answer_stands_when_no_sentence_reports_a_meeting() -> None:
    text = "Trade between Ghana and Jamaica rose by 12 percent last year, figures show."
    client = FakeClient([{"meetings": []}])
    brief = summarize(read_article(text=text), client, Settings(provider="fake"))
    assert brief.meetings == [] and len(client.requests) == 1


def test_a_head_given_to_neither_party_leads_the_side_without_one() -> None:
    from summarizer.pipeline import heads_on_both_sides
    from summarizer.records import Delegation, Party, Person, Rejected

    brief, _ = run(facts())
    m = brief.meetings[0]
    m.parties = [Party(name="Kuwait", code="KWT"), Party(name="Greece", code="GRC")]
    m.delegations = [
        Delegation(party="EU", head=Person(name="Fahad Al-Roumi"), role="head"),
        Delegation(party="GRC", head=Person(name="Giorgos Karamalis"), role="head"),
    ]
    rejected: list[Rejected] = []
    heads_on_both_sides(m, 0, rejected)
    assert [d.party for d in m.delegations] == ["KWT", "GRC"]
    assert rejected[0].field == "meetings[0].delegations[0].party"
    # with both sides led already, a third head keeps the party given
    m.delegations.append(Delegation(party="EU", head=Person(name="Someone"), role="head"))
    heads_on_both_sides(m, 0, rejected)
    assert m.delegations[2].party == "EU"


def test_a_translated_party_the_headline_contradicts_is_the_headlines_other_party() -> None:
    from summarizer.pipeline import parties_from_headline
    from summarizer.records import Party, Rejected

    text = (
        "پاکستان اور ایران کا سرحدی تجارت بڑھانے پر اتفاق\n\n"
        "اسلام آباد، 12 نومبر 2025: دونوں ممالک کے درمیان سیاسی مشاورت منعقد ہوئی۔"
    )
    brief, _ = run(facts())
    m = brief.meetings[0]
    m.parties = [
        Party(name="Organisation of Islamic Cooperation", code="OIC"),
        Party(name="Pakistan", code="PAK"),
    ]
    rejected: list[Rejected] = []
    parties_from_headline(m, 0, text, rejected)
    assert [p.code for p in m.parties] == ["IRN", "PAK"]
    assert text[m.parties[0].evidence[0].start : m.parties[0].evidence[0].end] == "ایران"
    # a party no code knows is dropped; the headline may stand below an outlet's name
    text = (
        "روزنامہ صبحِ نو\nاسلام آباد — جمعرات 19 فروری 2026\n\n"
        "پاکستان کا آسیان سے شراکت داری کا مطالبہ\n\nاجلاس جکارتہ میں منعقد ہوا۔"
    )
    m.parties = [
        Party(name="Pakistan", code="PAK"),
        Party(name="Southwestern Indian Ocean Islands' government", code=None),
        Party(name="Indonesia", code="IDN"),
    ]
    parties_from_headline(m, 0, text, rejected)
    assert [p.code for p in m.parties] == ["PAK", "ASEAN"]
    # no party code knows: the two a line of the opening names, under a ministry's name
    text = (
        "وزارت خارجہ، حکومت پاکستان\nپریس ریلیز\n\nپاکستان-قازقستان کمیشن کا اجلاس\n\n"
        "پاکستان اور جمہوریہ قازقستان کے درمیان کمیشن کا پانچواں اجلاس لاہور میں منعقد ہوا۔"
    )
    m.parties = [Party(name="Trade, Agriculture", code=None)]
    parties_from_headline(m, 0, text, rejected)
    assert [p.code for p in m.parties] == ["PAK", "KAZ"]
    # a party the opening names stays, even when the headline leaves it out
    text = "Россия и Иран обсудили транзит\n\nВстреча России и ССАГПЗ прошла в Эр-Рияде."
    m.parties = [Party(name="Russia", code="RUS"), Party(name="GCC", code="GCC")]
    parties_from_headline(m, 0, text, rejected)
    assert [p.code for p in m.parties] == ["RUS", "GCC"]
    # neither of the headline's two, nor any the opening names: the headline's two
    text = (
        "پاکستان اور آذربائیجان کے درمیان سیاسی مشاورت کا چوتھا دور\n\n"
        "اسلام آباد، 12 مارچ 2027: مشاورت کا چوتھا دور باکو میں منعقد ہوا۔\n\n"
        + "مذاکرات میں تجارت، توانائی اور تعلیم کے شعبوں میں تعاون کا جائزہ لیا گیا۔ " * 6
        + "\n\nدونوں فریقین نے او آئی سی اور ای سی او میں تعاون پر اتفاق کیا۔"
    )
    m.parties = [Party(name="OIC", code="OIC"), Party(name="ECO", code="ECO")]
    rejected = []
    parties_from_headline(m, 0, text, rejected)
    assert [p.code for p in m.parties] == ["PAK", "AZE"]
    assert [r.value for r in rejected] == ["OIC", "ECO"]


def test_an_article_that_writes_no_word_for_a_meeting_reports_none() -> None:
    text = (
        "NAIROBI, 12 January 2026 - Kenya earned a record sum from tea exports to Pakistan, "
        "its largest buyer, in 2025, the Tea Board of Kenya said. Pakistan took 38 percent."
    )
    proposal = facts(
        kind="summit", series=None, round=None, date_text=None, city="Nairobi",
        parties=["Kenya", "Pakistan"], heads=[], topics=["tea exports"], outcomes=[],
        quotes=[], next_meeting=None, framework=[],
    )  # fmt: skip
    brief, _ = run(proposal, text=text)
    assert brief.meetings == []
    assert any("no word for a meeting" in r.reason for r in brief.rejected)
    # the same proposal stands where the article says the two sides met
    brief, _ = run(
        proposal, text=text.replace("the Tea Board", "after the two sides met, the Tea Board")
    )
    assert len(brief.meetings) == 1


def test_the_event_a_meeting_was_held_on_the_sidelines_of_is_not_its_series() -> None:
    text = (
        "OTTAWA, 20 February 2025 - The Minister of Foreign Affairs of Canada, Claire Beaudoin, "
        "today met Kim Dong-seok, Minister of Foreign Affairs of the Republic of Korea, on the "
        "margins of the G20 Foreign Ministers' Meeting in Johannesburg."
    )
    proposal = facts(
        kind="other", series="G20 Foreign Ministers' Meeting", round=None, date_text="today",
        city="Johannesburg", parties=["Canada", "Republic of Korea"], heads=[], topics=[],
        outcomes=[], quotes=[], next_meeting=None, framework=[],
    )  # fmt: skip
    brief, _ = run(proposal, text=text)
    (m,) = brief.meetings
    assert m.series is None and m.location.city == "Johannesburg"
    assert any(r.field == "meetings[0].series" and "sidelines" in r.reason for r in brief.rejected)


def test_a_held_meeting_does_not_take_the_number_of_a_meeting_to_come() -> None:
    text = (
        "BUDAPEST, Sept. 17, 2025 - Kazakhstan's foreign minister held talks with Hungary's "
        "foreign minister on Tuesday in Budapest.\n\n"
        "The two ministers also co-chair the Intergovernmental Council for Economic "
        "Cooperation, whose 10th session is scheduled to be held in Astana on Oct. 30."
    )
    proposal = facts(
        kind="other", series="Intergovernmental Council for Economic Cooperation", round=10,
        date_text="on Oct. 30", city="Budapest", parties=["Kazakhstan", "Hungary"], heads=[],
        topics=[], outcomes=[], quotes=[], next_meeting=None, framework=[],
    )  # fmt: skip
    brief, _ = run(proposal, text=text)
    (m,) = brief.meetings
    assert m.round is None and m.series is None
    assert m.date.value == "2025-09-16" and m.date.evidence[0].text == "Tuesday"
    assert m.title == "Kazakhstan–Hungary meeting"


def test_a_held_meetings_city_is_not_the_venue_of_a_meeting_next_month() -> None:
    text = (
        "BUDAPEST - Kazakhstan's foreign minister pressed Hungary on Tuesday to help secure a "
        "route for Kazakh oil, as the two governments prepared for a session of their joint "
        "economic council in Astana next month.\n\nThe ministers held talks at the ministry."
    )
    proposal = facts(
        kind="other", series=None, round=None, date_text="on Tuesday", city="Astana",
        parties=["Kazakhstan", "Hungary"], heads=[], topics=[], outcomes=[], quotes=[],
        next_meeting=None, framework=[],
    )  # fmt: skip
    brief, _ = run(proposal, text=text)
    (m,) = brief.meetings
    assert m.location.city == "Budapest" and m.location.evidence[0].text == "BUDAPEST"
    assert any("next month" in r.reason for r in brief.rejected)


def test_subjects_the_original_names_join_a_translated_meetings_topics_once() -> None:
    text = (
        "پاکستان اور کینیا کے درمیان مشترکہ وزارتی کمیشن کا دوسرا اجلاس نیروبی میں ہوا۔\n\n"
        "اجلاس میں زراعت اور ڈیری کے شعبوں میں تعاون اور ویزا سہولیات پر تبادلہ خیال کیا گیا۔\n"
    )
    translated = (
        "[1] The second session of the Joint Ministerial Commission between Pakistan and "
        "Kenya was held in Nairobi.\n\n[2] The meeting discussed cooperation in agricultural "
        "and dairy sectors and visa facilities."
    )
    brief = run_translated(
        text,
        translated,
        kind="other",
        series="Joint Ministerial Commission",
        round=2,
        date_text=None,
        city="Nairobi",
        parties=["Pakistan", "Kenya"],
        topics=["agricultural"],
    )
    topics = brief.meetings[0].topics
    # the model's "agricultural" already names the agriculture family's subject
    assert [t.label for t in topics] == ["agricultural", "visas"]
    visas = topics[1]
    assert visas.category == "sector" and visas.evidence[0].text == "ویزا"
    assert check_spans(text, visas.evidence) == [] and visas.evidence[0].alignment == "exact"


def test_the_sentence_that_dates_the_meeting_says_whether_it_was_held() -> None:
    text = (
        "KATHMANDU, November 12, 2026 — Nepali workers leaving for jobs in Doha will be "
        "issued a digital wage card, the department announced.\n\n"
        "The arrangement was endorsed at the sixth meeting of the Nepal-Qatar Joint Committee "
        "on Labour, held in Doha on November 2, where officials also discussed recruitment "
        "fees.\n"
    )
    brief, _ = run(
        {
            "meetings": [
                {
                    **MEETING,
                    "status": "announced",
                    "kind": "other",
                    "series": "Joint Committee on Labour",
                    "round": 6,
                    "date_text": "November 2",
                    "city": "Doha",
                    "parties": ["Nepal", "Qatar"],
                    "heads": [],
                    "topics": [],
                    "outcomes": [],
                    "quotes": [],
                    "next_meeting": None,
                    "framework": [],
                }
            ]
        },
        text=text,
    )
    m = brief.meetings[0]
    # the lead's "will" is about the wage card; the meeting's own sentence is past
    assert m.status == "held" and m.date.value == "2026-11-02"
    assert any(r.field == "meetings[0].status" for r in brief.rejected)


def test_a_call_is_not_the_numbered_session_it_prepares() -> None:
    text = (
        "Телефонный разговор министров иностранных дел\n\n"
        "ДУШАНБЕ, 3 декабря 2026 г. Сегодня Министр иностранных дел Таджикистана провёл "
        "телефонный разговор с Министром иностранных дел Омана.\n\n"
        "Особое внимание было уделено подготовке к первому заседанию Межправительственной "
        "комиссии по торгово-экономическому сотрудничеству.\n"
    )
    translated = (
        "[1] Telephone conversation between the foreign ministers\n\n[2] DUSHANBE, December "
        "3, 2026. Today the Foreign Minister of Tajikistan held a telephone conversation with "
        "the Foreign Minister of Oman.\n\n[3] Special attention was paid to preparing the "
        "first meeting of the Intergovernmental Commission on Trade and Economic Cooperation."
    )
    brief = run_translated(
        text,
        translated,
        kind="call",
        series=None,
        round=None,
        date_text="December 3, 2026",
        city="Dushanbe",
        parties=["Tajikistan", "Oman"],
    )
    m = brief.meetings[0]
    assert m.kind == "call" and m.round is None and m.series is None
    assert m.location.city is None


def test_a_title_with_letters_of_another_script_is_left_out() -> None:
    from summarizer.pipeline import titles_in_english
    from summarizer.records import Delegation, Person, Rejected
    from tests.test_dating import record

    garbled = "Executive Director of the Nan比亚 International Development and Trade Office"
    meeting = record(
        delegations=[
            Delegation(party="NAM", head=Person(name="Penda Shikongo", title=garbled)),
            Delegation(party="VNM", head=Person(name="Le Thanh Son", title="Thứ trưởng")),
        ]
    )
    rejected: list[Rejected] = []
    titles_in_english(meeting, 0, rejected)
    assert meeting.delegations[0].head.title is None
    assert [r.value for r in rejected] == [garbled]
    assert meeting.delegations[1].head.title == "Thứ trưởng"  # Latin letters, accents and all
