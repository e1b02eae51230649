"""The translation request: the glossary of names code recognises in the original."""

from __future__ import annotations

from summarizer.translation import glossary


def test_glossary_names_places_and_organisations_as_written() -> None:
    text = "Le Maroc et le Gabon ont tenu à Rabat une session avec l'UA et l'ONU."
    names = dict(glossary(text))
    assert names["Le Maroc"] == "Morocco" and names["à Rabat"] == "Rabat"


def test_glossary_leaves_out_common_words_that_read_as_names() -> None:
    # French "au" and "un" (to the, a) are not the African Union and the United Nations,
    # "réunion" (meeting) is not Réunion; Russian "того" is not Togo
    fr = "Au cours de la réunion, un accord a été signé au siège. Un autre suivra."
    assert glossary(fr) == []
    assert glossary("Кроме того, стороны обсудили торговлю.") == []
    # in capitals, the acronym is the organisation
    assert dict(glossary("The AU and the UN met.")) == {
        "AU": "African Union",
        "UN": "United Nations",
    }


def test_the_word_for_financial_is_not_mali() -> None:
    # Arabic «الدعم المالي» (financial support), Urdu «مالی سال» (fiscal year)
    assert glossary("وناقش الجانبان الدعم المالي لمالي.") == [("لمالي", "Mali")]
    assert all(written != "المالي" for written, _ in glossary("وناقش الجانبان الدعم المالي."))
    assert glossary("گزشتہ مالی سال کے دوران تجارت بڑھی۔") == []
    assert ("مالی", "Mali") in glossary("پاکستان اور مالی کے درمیان مشاورت ہوئی۔")
