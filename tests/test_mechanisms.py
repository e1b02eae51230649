"""Meeting-mechanism terms code finds in non-English originals, for the translation prompt."""

from __future__ import annotations

from summarizer.mechanisms import terms_in

ARABIC = (
    "ووفقًا للبيان، عقدت باكستان والاتحاد الأوروبي الجولة العاشرة من “الحوار السياسي” في بروكسل.\n"
    "وأكد الجانبان رغبتهما في عقد الجولة السابعة من “الحوار الاستراتيجي” في عام 2025."
)


def test_terms_found_in_the_original_with_their_english_names() -> None:
    found = dict(terms_in(ARABIC, "ar"))
    assert found == {
        "الحوار السياسي": "Political Dialogue",
        "الحوار الاستراتيجي": "Strategic Dialogue",
    }
    # matched on normalised text: diacritics and a prefixed conjunction do not hide a term
    assert dict(terms_in("وَالحِوار السياسي", "ar")) == {"الحوار السياسي": "Political Dialogue"}
    assert terms_in(ARABIC, "ur") == [] and terms_in(ARABIC, "xx") == []


def test_a_term_inside_a_longer_one_is_listed_once() -> None:
    text = "La 13e session de la Grande Commission mixte s'est tenue à Dakar."
    assert terms_in(text, "fr") == [("grande commission mixte", "Grand Joint Commission")]


def test_series_after_the_ordinal_in_the_original() -> None:
    from summarizer.mechanisms import series_after
    from summarizer.pipeline import ordinal_spans

    (tenth,) = ordinal_spans(ARABIC, 10)
    english, span = series_after(ARABIC, tenth, "ar") or ("", None)
    assert english == "Political Dialogue"
    assert span is not None and ARABIC[span.start : span.end] == span.text == "الحوار السياسي"
    (seventh,) = ordinal_spans(ARABIC, 7)
    assert (series_after(ARABIC, seventh, "ar") or ("",))[0] == "Strategic Dialogue"
    french = "La 13e session de la Grande Commission mixte s'est tenue à Dakar."
    (thirteenth,) = ordinal_spans(french, 13)
    assert (series_after(french, thirteenth, "fr") or ("",))[0] == "Grand Joint Commission"
    # a term further on in the sentence is not the one the ordinal numbers
    far = "La 13e réunion s'est tenue à Dakar, loin de tout dialogue politique."
    (ordinal,) = ordinal_spans(far, 13)
    assert series_after(far, ordinal, "fr") is None


def test_first_numbered_mechanism_in_the_original() -> None:
    from summarizer.mechanisms import first_numbered

    urdu = "پاکستان اور ازبکستان کے درمیان دوطرفہ سیاسی مشاورت کا چوتھا دور منگل کو ہوا۔"
    found = first_numbered(urdu, "ur")  # Urdu names the mechanism before its ordinal
    assert found is not None
    value, ordinal, english, span = found
    assert (value, ordinal.text, english) == (4, "چوتھا", "Bilateral Political Consultations")
    assert urdu[span.start : span.end] == span.text
    russian = "Во вторник в Баку прошло 11-е заседание Совета стратегического сотрудничества."
    assert first_numbered(russian, "ru") is None  # not a listed term: nothing invented
    russian = russian.replace("сотрудничества.", "сотрудничества высокого уровня.")
    assert (first_numbered(russian, "ru") or (0,))[0] == 11
    chinese = "中国和巴西第五轮外交部战略对话在北京举行。"
    assert (first_numbered(chinese, "zh") or (0, None, ""))[2] == "Strategic Dialogue"
