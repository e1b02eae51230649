"""Russian heads spelt from the original: found by the model's spelling, put in the
nominative, romanised as English-language media spell Russian names."""

from __future__ import annotations

from summarizer import cyrillic
from summarizer.pipeline import cyrillic_head_from_original
from summarizer.records import (
    Delegation,
    Location,
    MeetingDate,
    MeetingRecord,
    Person,
    Rejected,
    Span,
)


def test_the_written_name_nearest_the_models_spelling_is_found_in_the_nominative() -> None:
    text = "Переговоры провели заместитель министра Михаил Лаврентьев и Рауфа Мамедли."
    found = cyrillic.find_name(text, "Mikhail Lavrinenkov")
    assert found is not None and found.written == "Михаил Лаврентьев"
    assert found.latin == "Mikhail Lavrentyev"
    assert text[found.start : found.end] == found.written
    declined = cyrillic.find_name("Встреча Олега Дорохина прошла в Москве.", "Oleg Dorokhin")
    assert declined is not None and declined.latin == "Oleg Dorokhin"
    # a declined country before the name is not part of it
    text = "министр иностранных дел Монголии Ганболдын Сарантуяа."
    found = cyrillic.find_name(text, "Ganbold Sarantuyaa")
    assert found is not None and found.written == "Ганболдын Сарантуяа"


def test_initials_are_spaced_and_a_foreign_name_keeps_the_models_spelling() -> None:
    text = "переговоры С.А.Левченко с вице-министром Д.Сетиаваном."
    levchenko = cyrillic.find_name(text, "S. Levchenko")
    assert levchenko is not None and levchenko.latin == "S. A. Levchenko"
    setiawan = cyrillic.find_name(text, "D. Setiawan")
    assert setiawan is not None and setiawan.written == "Д.Сетиаваном"
    assert cyrillic.spelling_for("D. Setiawan", setiawan) == "D. Setiawan"
    assert cyrillic.spelling_for("S. A. Levchenko", levchenko) == "S. A. Levchenko"
    assert cyrillic.spelling_for("S. Levchenko", levchenko) == "S. Levchenko"


def test_nobody_near_the_models_name_is_no_match() -> None:
    assert cyrillic.find_name("Министр Сергей Лавров провёл переговоры.", "Wang Yi") is None


def test_the_pipeline_respells_a_translated_head_from_the_original() -> None:
    text = "Делегацию возглавил заместитель министра Михаил Лаврентьев."
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    m = MeetingRecord(
        id="m",
        status="held",
        primary=True,
        kind="consultations",
        series=None,
        round=None,
        title="t",
        parties=[],
        date=MeetingDate(value=None),
        location=Location(),
        delegations=[
            Delegation(
                party="RUS",
                head=Person(name="Mikhail Lavrinenkov", title="Deputy Minister"),
                role="head",
                evidence=[paragraph],
            )
        ],
    )
    rejected: list[Rejected] = []
    cyrillic_head_from_original(m, 0, text, rejected)
    d = m.delegations[0]
    assert d.head.name == "Mikhail Lavrentyev" and d.evidence[0].text == "Михаил Лаврентьев"
    assert rejected and rejected[0].value == "Mikhail Lavrinenkov"
