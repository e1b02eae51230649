"""Round and date read by code from the meeting's own sentences."""

from __future__ import annotations

from summarizer import from_text
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


def _ordinal(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start=start, end=start + len(word), text=word)


def test_series_after_reads_the_mechanism_the_ordinal_numbers() -> None:
    from summarizer.from_text import series_after

    cases = {
        "Pakistan and the EU held their ninth counter-terrorism dialogue in Brussels.": (
            "ninth",
            "counter-terrorism dialogue",
        ),
        "during the 9th meeting of the “Russia-Pakistan Joint Working Group on Combatting "
        "International Terrorism” held in Moscow": (
            "9th",
            "Russia-Pakistan Joint Working Group on Combatting International Terrorism",
        ),
        "They held the fourth round of their Political Consultations on Monday.": (
            "fourth",
            "Political Consultations",
        ),
        "the 9th Joint Working Group on Counter-Terrorism and Security in Moscow": (
            "9th",
            "Joint Working Group on Counter-Terrorism and Security",
        ),
    }
    for text, (word, name) in cases.items():
        found = series_after(text, _ordinal(text, word))
        assert found is not None and found.text == name, text
        assert text[found.start : found.end] == found.text
    text = "It was the 9th time the two ministers spoke this year."
    assert series_after(text, _ordinal(text, "9th")) is None


def test_a_mechanism_named_in_full_is_read_to_the_end_of_its_fields() -> None:
    from summarizer.from_text import series_after
    from summarizer.pipeline import fuller_series, ordinal_spans

    text = (
        "Jamaica and Colombia held the 5th Meeting of the Jamaica-Colombia Mixed Commission "
        "on Technical, Scientific, Educational and Cultural Cooperation in Kingston. The "
        "Mixed Commission meets every two years."
    )
    (fifth,) = ordinal_spans(text, 5)
    found = series_after(text, fifth)
    assert found is not None and found.text.endswith("Educational and Cultural Cooperation")
    # a comma that does not lead on to "Cooperation" ends the name
    text2 = "the 3rd Joint Commission on Trade, Pakistan said."
    found = series_after(text2, ordinal_spans(text2, 3)[0])
    assert found is not None and found.text == "Joint Commission on Trade"
    # the model's short name gives way to the full one this round's ordinal numbers
    fuller = fuller_series(text, "Mixed Commission", 5)
    assert fuller is not None and fuller[0] == (
        "Mixed Commission on Technical, Scientific, Educational and Cultural Cooperation"
    )
    assert text[fuller[1].start : fuller[1].end] == fuller[1].text
    assert fuller_series(text, "Joint Working Group", 5) is None


def test_tense_of_the_meeting_sentences() -> None:
    from summarizer.from_text import tense_of

    def tense(text: str) -> str | None:
        return tense_of(text, [(0, len(text))])

    assert tense("The two sides held the 5th round in Rome.") == "past"
    assert tense("Both sides have committed to more trade during the 10th dialogue.") == "past"
    assert tense("The 5th round will take place in Rome next month.") == "future"
    assert tense("They agreed that the next round will be held in Rome.") is None
    assert tense("The 5th round in Rome.") is None


def test_is_mechanism_tells_a_meeting_series_from_a_plan() -> None:
    from summarizer.normalize import canonical_series, is_mechanism

    assert is_mechanism("Counter-Terrorism Dialogue")
    assert is_mechanism("Joint Working Group on Combatting Terrorism")
    assert is_mechanism("Korea-Central Asia Summit")
    assert not is_mechanism("2019 Strategic Engagement Plan")
    assert not is_mechanism("Plan of Action on Dialogue")  # head noun before "on": plan
    assert not is_mechanism(None)
    assert canonical_series("Russian-Mongolian Intergovernmental Commission") == (
        "Intergovernmental Commission"
    )


def test_topic_labels_are_tidied_of_lead_ins_and_other_scripts() -> None:
    assert from_text.tidy_topic_label("including reconstruction financing") == (
        "reconstruction financing"
    )
    assert from_text.tidy_topic_label("railway line Karс") == "railway line Karc"  # Cyrillic с
    assert from_text.tidy_topic_label("corridor 'Sевер - Юг'") == "corridor"
    assert from_text.tidy_topic_label("the EU’s commitment") == "the EU’s commitment"
    assert from_text.tidy_topic_label("fields such as maritime transport") == ("maritime transport")
    assert from_text.tidy_topic_label("in particular the Hillacondji border post") == (
        "Hillacondji border post"
    )


def test_fragments_offices_and_sentences_are_not_topics() -> None:
    for label in (
        "by this plan",
        "Libreville actively participates in",
        "described",
        "Ministry of Industry and Commerce",
        "group affairs",
        "this area",  # "this" is a stopword, not the plural of "thi"
        "sacred relations",
        "relations bilaterally",
        "potential for cooperation",
        "with Peru the support available",
        "construction of between the two countries",
        "coordinating those rules so",
        "the ASEAN-China ministerial meeting in July",  # an event, not a subject
        "the two sides discussed at length the many ways in which their two economies could "
        "grow together",
    ):
        assert from_text.topic_fault(label), label
    for label in (
        "trade and investment",
        "G20",
        "Support for Ukraine",
        "visa facilitation",
        "joint development at sea",
        "development cooperation",
        "preparation of the third Russia-Africa summit",  # what is done about an event
    ):
        assert from_text.topic_fault(label) is None, label


def test_a_long_label_is_cut_into_its_subjects() -> None:
    label = (
        "long-term supply of Russian oil and electricity, as well as the implementation of "
        "the gas pipeline, which should pass through Mongolian territory into China"
    )
    assert from_text.topic_parts(label) == [
        "long-term supply of Russian oil and electricity",
        "the implementation of the gas pipeline",
    ]
    assert from_text.topic_parts("trade, as well as energy") == ["trade, as well as energy"]


def test_the_subjects_of_signed_agreements_and_of_cooperation_are_topics() -> None:
    text = (
        "The two governments signed agreements on police cooperation, on the recognition of "
        "driving licences and on a credit line. They agreed to cooperate on offshore wind "
        "projects and to step up cooperation against migrant smuggling networks."
    )
    labels = [s.text for s in from_text.topics_in(text)]
    assert "police cooperation" in labels
    assert "recognition of driving licences" in labels
    assert "a credit line" in labels or "credit line" in labels
    assert "offshore wind projects" in labels
    assert "migrant smuggling networks" in labels
    for span in from_text.topics_in(text):
        assert text[span.start : span.end] == span.text


def test_adjectives_listed_before_one_noun_are_one_subject() -> None:
    text = (
        "The ministers discussed sustainable fisheries and the fight against illegal, "
        "unreported and unregulated fishing. They also discussed political, economic and "
        "cultural cooperation, ports, roads and railways."
    )
    labels = [s.text for s in from_text.topics_in(text)]
    assert "fight against illegal, unreported and unregulated fishing" in labels
    assert "political, economic and cultural cooperation" in labels
    assert "ports" in labels and "roads and railways" in labels
    assert not any(label.endswith("illegal") or label == "political" for label in labels)


def test_a_retreat_is_a_numbered_mechanism() -> None:
    from summarizer import normalize

    text = "The two leaders met for the ninth Indonesia-Singapore Leaders' Retreat."
    found = round_in(text, [(0, len(text))])
    assert found is not None and found[0] == 9
    assert normalize.is_mechanism("Leaders' Retreat")
    name = from_text.series_after(text, found[1])
    assert name is not None and name.text == "Indonesia-Singapore Leaders' Retreat"


def test_the_tense_an_original_reports_a_meeting_in() -> None:
    from summarizer.from_text import tense_in

    def tense(text: str, language: str) -> str | None:
        return tense_in(text, [(0, len(text))], language)

    assert tense("La commission mixte s'est tenue lundi à Dakar.", "fr") == "past"
    assert tense("La commission mixte se tiendra lundi à Dakar.", "fr") == "future"
    assert tense("Консультации состоялись во вторник в Москве.", "ru") == "past"
    assert tense("Консультации состоятся во вторник в Москве.", "ru") == "future"
    assert tense("عقدت اللجنة المشتركة اجتماعها الثالث.", "ar") == "past"
    assert tense("ستعقد اللجنة المشتركة اجتماعها الثالث.", "ar") == "future"
    assert tense("مشاورت کا چھٹا دور جمعہ کو سیول میں منعقد ہوا۔", "ur") == "past"
    assert tense("مشاورت کا ساتواں دور اگلے سال اسلام آباد میں منعقد ہوگا۔", "ur") == "future"
    # both tenses (the next round announced in a held one's sentence), or no table: no verdict
    assert tense("Консультации прошли в Москве; следующие пройдут в Сеуле.", "ru") is None
    assert tense("会谈于周二举行。", "zh") is None


def test_a_clause_or_a_day_is_not_a_topic() -> None:
    from summarizer.from_text import topic_fault

    for label in ["where Paris", "could be signed at this occasion", "Monday in a communiqué"]:
        assert topic_fault(label) == "a fragment of a sentence, not a subject", label
    for label in ["water projects", "Lobito Corridor", "wheat exports"]:
        assert topic_fault(label) is None, label


def test_arabic_tense_is_read_past_the_short_vowels() -> None:
    text = "عُقدت اليوم الاثنين في مسقط الجولة السادسة من المشاورات السياسية."
    assert from_text.tense_in(text, [(0, len(text))], "ar") == "past"
    text = "ومن المقرر أن تُعقد الجولة المقبلة في عمّان."
    assert from_text.tense_in(text, [(0, len(text))], "ar") == "future"
    text = "وتبادل الجانبان وجهات النظر"  # no verb the markers know: no tense
    assert from_text.tense_in(text, [(0, len(text))], "ar") is None


def test_a_list_goes_on_after_as_well_as() -> None:
    text = (
        "The ministers discussed water and sanitation projects, as well as support for "
        "maternal and child health. The talks covered trade, which both sides value."
    )
    labels = [s.text for s in from_text.topics_in(text)]
    assert "water and sanitation projects" in labels
    assert "support for maternal and child health" in labels
    assert "trade" in labels and not any("which" in label for label in labels)


def test_russian_participles_of_a_meeting_that_took_place_are_past() -> None:
    from summarizer.from_text import tense_in

    for text in (
        "Вопрос обсуждался на 11-м заседании комиссии, прошедшем в конце прошлого месяца.",
        "На состоявшейся в Москве встрече стороны договорились о поставках.",
    ):
        assert tense_in(text, [(0, len(text))], "ru") == "past", text
