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


def _translated_meeting(text: str, party: str, name: str, title: str) -> MeetingRecord:
    """A meeting whose one head the model read from a translation of ``text``."""
    paragraph = Span(start=0, end=len(text), text=text, alignment="translated")
    head = Person(name=name, title=title)
    return MeetingRecord(
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
        delegations=[Delegation(party=party, head=head, role="head", evidence=[paragraph])],
    )


def test_the_pipeline_respells_a_translated_head_from_the_original() -> None:
    text = "Делегацию возглавил заместитель министра Михаил Лаврентьев."
    m = _translated_meeting(text, "RUS", "Mikhail Lavrinenkov", "Deputy Minister")
    rejected: list[Rejected] = []
    cyrillic_head_from_original(m, 0, text, rejected)
    d = m.delegations[0]
    assert d.head.name == "Mikhail Lavrentyev" and d.evidence[0].text == "Михаил Лаврентьев"
    assert rejected and rejected[0].value == "Mikhail Lavrinenkov"


def test_a_name_with_a_patronymic_is_found_as_english_writes_it() -> None:
    text = "Комиссию возглавили вице-премьер Армении Левон Ашотович Мкртумян и другие."
    found = cyrillic.find_name(text, "Leonid Mkrutumyan")
    assert found is not None and found.written == "Левон Ашотович Мкртумян"
    assert found.latin == "Levon Mkrtumyan"
    # the model's surname is near: it stands, with the original's first name
    assert cyrillic.spelling_for("Leonid Mkrutumyan", found) == "Levon Mkrutumyan"
    official = "Белорусскую сторону представлял Лобанович Андрей Викторович."
    surname_first = cyrillic.find_name(official, "Andrei Lobanovich")
    assert surname_first is not None and surname_first.latin == "Andrey Lobanovich"


def test_the_title_written_before_a_russian_name_is_read_in_english() -> None:
    cases = {
        "председатели — вице-премьер Армении Левон Мкртумян": "Deputy Prime Minister",
        "с заместителем министра иностранных дел России Андреем Руденко": "Deputy Foreign Minister",
        "возглавил заместитель Председателя Кабинета министров Кыргызской Республики Эркин "
        "Асанбеков": "Deputy Chairman of the Cabinet of Ministers",
        "министр сельского хозяйства и продовольствия Беларуси Иван Петров": "Minister",
        "Посол Индии Раджив Сингх": "Ambassador",
    }
    for text, english in cases.items():
        name_start = text.rindex(" ", 0, text.rindex(" ")) + 1
        title = cyrillic.title_before(text, name_start)
        assert title is not None and title.english == english, text
        assert text[title.start : title.end] == title.written
    # a title of another sentence's person is not this name's
    other = "Выступил министр. Затем Иван Петров"
    assert cyrillic.title_before(other, other.index("Иван")) is None


def test_the_pipeline_takes_the_title_the_russian_original_writes() -> None:
    text = "Делегацию возглавил вице-премьер Армении Левон Ашотович Мкртумян."
    m = _translated_meeting(text, "ARM", "Leonid Mkrutumyan", "Chairman")
    rejected: list[Rejected] = []
    cyrillic_head_from_original(m, 0, text, rejected)
    d = m.delegations[0]
    assert (d.head.name, d.head.title) == ("Levon Mkrutumyan", "Deputy Prime Minister")
    assert [r.value for r in rejected] == ["Leonid Mkrutumyan", "Chairman"]
