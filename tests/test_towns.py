"""A town the city tables leave out, read where the text calls it a city by name."""

from __future__ import annotations

from summarizer import gazetteer, normalize
from summarizer.towns import towns_named


def _named(text: str, codes: list[str]) -> list[tuple[str, str, str]]:
    return [
        (t.english, t.code, text[t.start : t.end]) for t in towns_named(text, 0, len(text), codes)
    ]


def test_a_small_town_is_in_no_city_table_but_geonames_lists_it() -> None:
    assert normalize.city_info("Aqaba") is None  # under gazetteer.BIG_CITY
    assert "Aqaba" in [name for name, _others in gazetteer.towns_of("JOR")]


def test_towns_called_cities_are_read_in_each_script() -> None:
    # Arabic: by the town's Arabic name in GeoNames, without the word after it
    text = "عقدت الوزارتان يوم أمس الأحد في أحد فنادق مدينة العقبة الجولة الرابعة من المشاورات."
    assert _named(text, ["JOR", "JPN"]) == [("Aqaba", "JOR", "العقبة")]
    # Urdu: a town of the tables whose Urdu spelling they lack, by how it sounds
    text = "اجلاس کرغزستان کے سیاحتی شہر چولپان آتا میں ایک ہوٹل میں منعقد ہوا۔"
    assert _named(text, ["PAK", "KGZ"]) == [("Cholpon-Ata", "KGZ", "چولپان آتا")]
    # Chinese: the characters transliterate the town's name (克里比 of 克里比同)
    text = "吴晓岚在喀麦隆南部大区港口城市克里比同喀麦隆对外关系部秘书长共同主持磋商。"
    assert _named(text, ["CHN", "CMR"]) == [("Kribi", "CMR", "克里比")]
    # Russian: the name in its locative case
    text = "Заседание прошло в узбекском городе Термезе."
    assert _named(text, ["UZB", "PAK"]) == [("Tirmiz", "UZB", "Термезе")]


def test_only_the_parties_towns_and_only_after_a_word_for_a_city() -> None:
    text = "عقدت الجولة في أحد فنادق مدينة العقبة."
    assert _named(text, ["PAK", "JPN"]) == []  # Aqaba is no town of theirs
    assert _named("عقدت الجولة في العقبة.", ["JOR"]) == []  # no word for a city
    assert _named("The talks were held in the city of Nowhereville.", ["JOR"]) == []


def test_a_town_the_model_nearly_spelt_is_read_where_the_original_writes_it() -> None:
    from summarizer.towns import town_as_written

    text = "В четверг в Бухаре состоялось третье заседание совместной рабочей группы."
    town = town_as_written("Buhara", text, [(0, len(text))], ["UZB", "EGY"])
    assert town is not None and (town.english, text[town.start : town.end]) == (
        "Bukhara",
        "Бухаре",
    )
    # a town the original does not write is not read, nor a name like no town's
    assert town_as_written("Buhara", "Заседание состоялось в Каире.", [(0, 29)], ["UZB"]) is None
    assert town_as_written("Zzyzx", text, [(0, len(text))], ["UZB"]) is None
