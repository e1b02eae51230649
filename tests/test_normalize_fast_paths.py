"""normalize.py's fast paths and memoised lookups give what the slow paths give.

The memoised functions are pure; these tests fail if a cache key leaves out an argument (the
same text with another publication date, language or fuzzy flag) or if a fast path reads a
date differently from dateparser.
"""

from __future__ import annotations

import datetime
import random

import pytest

from summarizer import normalize
from summarizer.normalize import (
    NormalizedDate,
    canonical_series,
    city_info,
    normalize_date,
    ordinal_value,
    party_code,
    series_key,
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

#: The language lists normalize_date gives dateparser: a detected language then English,
#: or the script's guesses when no language is known.
LANGUAGE_LISTS = [
    ["en"],
    ["en", "fr"],
    ["fr", "en"],
    ["de", "en"],
    ["es", "en"],
    ["it", "en"],
    ["pt", "en"],
    ["nl", "en"],
    ["ro", "en"],
    ["tr", "en"],
    ["id", "en"],
    ["tl", "en"],
    ["ru", "en"],
    ["ar", "ur", "en"],
    ["fa", "en"],
    ["zh", "en"],
]


def _written_dates() -> list[str]:
    texts = []
    for number, month in enumerate(MONTHS, start=1):
        day = 1 + (number * 7) % 28
        texts += [
            f"{day} {month} 2024",
            f"{month} {day}, 2024",
            f"{month} {day} 1999",
            f"0{day % 10 or 1} {month.lower()} 2031",
            f"{day} {month.upper()} 2024",
        ]
    return texts


@pytest.mark.parametrize("languages", LANGUAGE_LISTS, ids="+".join)
def test_plain_english_dates_read_as_dateparser_reads_them(languages: list[str]) -> None:
    for text in _written_dates():
        fast = normalize._plain_english_date(text, languages)
        assert fast is not None, text
        assert fast == normalize._from_text(text, languages), (text, languages)


@pytest.mark.parametrize(
    "text",
    [
        "31 April 2024",  # no such day: dateparser decides
        "29 February 2023",
        "0 March 2024",
        "5 March",  # no year: resolved against the publication date, not here
        "March 2024",
        "5th March 2024",
        "5 Mar 2024",
        "5  March  2024",
        "2024-03-05",
        "5 Auguſt 2024",  # a long s is not an ASCII "s"
        "٥ March 2024",
        "5 March 1850",
        "Tuesday",
    ],
)
def test_other_texts_are_left_to_dateparser(text: str) -> None:
    assert normalize._plain_english_date(text, ["en"]) is None


def test_fast_path_needs_english_among_the_languages() -> None:
    assert normalize._plain_english_date("5 March 2024", ["fr"]) is None
    assert normalize._plain_english_date("5 March 2024", ["fr", "en"]) == NormalizedDate(
        "2024-03-05", "day", "text"
    )


def test_memoised_dates_follow_every_argument() -> None:
    first = datetime.date(2024, 3, 8)  # a Friday
    second = datetime.date(2025, 11, 30)  # a Sunday
    for _ in range(2):  # the second round is served from the cache
        assert normalize_date("Tuesday", published=first).value == "2024-03-05"
        assert normalize_date("Tuesday", published=second).value == "2025-11-25"
        assert normalize_date("Tuesday").value is None
        assert normalize_date("5 March 2024") == NormalizedDate("2024-03-05", "day", "text")
        assert normalize_date("on 6 March 2024", language="en").value == "2024-03-06"
        assert normalize_date("March 2024", language="en") == NormalizedDate(
            "2024-03", "month", "text"
        )
        assert normalize_date("next year", published=first).value == "2025"
        assert normalize_date("next year", published=second).value == "2026"
        assert normalize_date("   ") == NormalizedDate(None, "unknown", None)


def test_memoised_ordinals_and_series_follow_their_text() -> None:
    for _ in range(2):
        assert [ordinal_value(w) for w in ("ninth", "tenth", "9th", "21st", "the")] == [
            9,
            10,
            9,
            21,
            None,
        ]
        assert canonical_series("9th Strategic Dialogue") == "Strategic Dialogue"
        assert canonical_series("Joint Working Group") == "Joint Working Group"
        assert series_key("Counter-Terrorism Dialogue") != series_key("Strategic Dialogue")


def test_memoised_party_lookup_keeps_the_fuzzy_flag_apart() -> None:
    for _ in range(2):
        assert normalize._lookup_party("Pakistn", fuzzy=False) is None
        assert normalize._lookup_party("Pakistn", fuzzy=True) == "PAK"
        assert party_code("Pakistan") == "PAK"
        assert party_code("Uzbekistan") == "UZB"
        assert party_code("Atlantis") is None


def test_memoised_cities_follow_their_name() -> None:
    for _ in range(2):
        assert city_info("Brussels") == ("Brussels", "BEL")
        assert city_info("Tashkent") == ("Tashkent", "UZB")
        assert city_info("Atlantis") is None


def _script_counts_by_character(text: str) -> dict[str, int]:
    """The per-character definition the regular expressions must match."""
    counts = {"arabic": 0, "cyrillic": 0, "cjk": 0, "latin": 0}
    for ch in text:
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
            counts["arabic"] += 1
        elif "\u0400" <= ch <= "\u04ff":
            counts["cyrillic"] += 1
        elif "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            counts["cjk"] += 1
        elif ch.isalpha() and ch.isascii():
            counts["latin"] += 1
    return counts


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Pakistan and the EU, 9th round (2025).",
        "اجتمع وفدا باكستان والاتحاد الأوروبي في بروكسل ٢٠٢٥",
        "پاکستان اور یورپی یونین کے درمیان",
        "Россия и Монголия провели заседание",
        "中国和巴西举行第四次战略对话",
        "Ünïcödé façade, ſ, K, ǅ and ﬁ ligatures; ݐ ӿ 㐀 䶿 一 鿿",
    ],
)
def test_script_counts_match_the_per_character_definition(text: str) -> None:
    assert normalize._script_counts(text) == _script_counts_by_character(text)


def test_script_tests_match_the_per_character_definition() -> None:
    texts = ["", "abc", "\u05ff\u0700", "x\u0600", "\u06ffy", "\u03ff\u0500", "\u0400", "ӿ"]
    for text in texts:
        assert normalize.is_arabic_script(text) == any("\u0600" <= c <= "\u06ff" for c in text)
        assert normalize._is_cyrillic(text) == any("\u0400" <= c <= "\u04ff" for c in text)


def _edits(word: str, rng: random.Random) -> list[str]:
    """The word with one or two characters dropped, doubled, swapped or changed."""
    out = []
    for _ in range(4):
        chars = list(word)
        for _ in range(rng.randint(1, 2)):
            i = rng.randrange(len(chars))
            op = rng.randrange(4)
            if op == 0 and len(chars) > 1:
                del chars[i]
            elif op == 1:
                chars.insert(i, chars[i])
            elif op == 2 and i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            else:
                chars[i] = rng.choice("aeiouxyz ")
        out.append("".join(chars))
    return out


@pytest.mark.parametrize("table", ["parties", "cities", "glossary cities"])
def test_fuzzy_match_by_length_finds_what_extract_one_finds(table: str) -> None:
    from rapidfuzz import fuzz, process

    if table == "parties":
        keys = normalize._party_index()[1]
    else:
        keys = normalize._latin_city_keys(table == "cities")
    rng = random.Random(3)
    queries = [q for k in rng.sample(keys, min(300, len(keys))) for q in [k, *_edits(k, rng)]]
    queries += ["pakistn", "uzbekstan", "brusels", "washington dc", "abcdefghij", "the meeting"]
    matched = 0
    for query in queries:
        best = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=90)
        expected = None if best is None else best[0]
        assert normalize._fuzzy_match(query, table) == expected, query  # type: ignore[arg-type]
        matched += expected is not None
    assert matched > len(queries) // 3  # the edits reach keys, so ties and near misses occur


def test_memoised_dateparser_readings_follow_text_base_and_languages() -> None:
    bases = [datetime.datetime(2003, 3, 15), datetime.datetime(2017, 10, 9)]
    for _ in range(2):  # the second round is served from the cache
        assert [normalize._parse("jeudi", base, ["fr", "en"]) for base in bases] == [
            ("2003-03-13", "day"),
            ("2017-10-05", "day"),
        ]
        assert normalize._parse("jeudi", bases[0], ["en"]) is None
        assert normalize._parse("next year", bases[1], ["en"]) == ("2018", "year")
        assert normalize._parse("5 ноября 2025", bases[0], ["ru", "en"]) == ("2025-11-05", "day")
