"""A venue the text calls a city by name: «في أحد فنادق مدينة العقبة» (in a hotel of the city
of Aqaba), «کرغزستان کے سیاحتی شہر چولپان آتا میں» (in Kyrgyzstan's tourist city
Cholpon-Ata), "港口城市克里比" (the port city of Kribi), "в городе Термезе".

The city tables know capitals and cities of at least ``gazetteer.BIG_CITY`` people, and a
translation garbles a smaller town ("outskirts", "Buhara"). A word for a city before a name is
a strong sign that the name is a city's, so the name is looked up among every town GeoNames
lists (15,000 people and more) of the countries that met, and the cities the tables know of
them: by its own script's names there, else (Arabic script, Chinese) by how it sounds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from . import gazetteer, name_lexicon, normalize, romanize

#: A word for a city or town, then the name (its words up to a postposition, a comma or a
#: word that is no name's).
_CITY_WORD_THEN_NAME = re.compile(
    # Urdu: «شہر X میں» (in the city X); Arabic: «مدينة X»
    r"(?:شہر|قصبے|قصبہ)\s+(?P<ur>[\u0600-\u06ff]+(?:\s+[\u0600-\u06ff]+){0,2}?)\s+(?:میں|کے|کی|سے)\b"
    r"|مدين[ةه]\s+(?P<ar>[\u0600-\u06ff]+(?:\s+[\u0600-\u06ff]+)?)"
    # Chinese: 城市/市/镇 then the name (two to four characters)
    r"|(?:城市|城|镇)(?P<zh>[\u4e00-\u9fff]{2,4})"
    # Russian, French, English
    r"|(?i:город[аеу]?|посёлк[еа]|поселк[еа])\s+(?P<ru>[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁ][а-яё]+)?)"
    r"|(?i:ville|cité)\s+(?:\w+\s+)?(?:de\s+|d['’])"
    r"(?P<fr>[A-ZÀ-Ý][\w'’-]+(?:[- ][A-ZÀ-Ý][\w'’-]+)?)"
    r"|(?i:city|town|resort|port)\s+of\s+(?P<en>[A-Z][\w'’-]+(?:[- ][A-Z][\w'’-]+)?)"
)
#: How alike a name as it sounds and a town's English name must be (rapidfuzz ratio).
_SOUNDS_LIKE = 80
#: Russian case endings a town's name takes after «в городе» (Термезе, Бухаре).
_RU_ENDING = re.compile(r"(?:е|а|у|ом|ы|и)$")


@dataclass(frozen=True)
class Town:
    english: str
    code: str
    start: int
    end: int


def _candidates(codes: Iterable[str]) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(English name, country, other names) of the known cities and the towns of ``codes``."""
    for code in codes:
        for english, other_code, others in normalize.known_cities_of(code):
            yield english, other_code, others
        for english, others in gazetteer.towns_of(code):
            yield english, code, others


@lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    return name_lexicon.fold(name)


@lru_cache(maxsize=65536)
def _consonants(name: str) -> str:
    return romanize.skeleton(normalize.canonical_person(name))


def _sounder(written: str, script: str) -> Callable[[str], float] | None:
    """How well a town's English name spells ``written`` as it sounds (0-100), or None for a
    script that is read by its own names only."""
    if script == "zh":
        pattern = name_lexicon.chinese_pattern(written)
        if pattern is None:
            return None
        return lambda english: 100.0 if pattern.fullmatch(_folded(english)) else 0.0
    if script in ("ur", "ar"):
        mine = romanize.skeleton(written)
        return lambda english: fuzz.ratio(_consonants(english), mine)
    return None


def towns_named(text: str, start: int, end: int, codes: Iterable[str]) -> list[Town]:
    """The towns of the countries ``codes`` that text[start:end] names after a word for a city,
    in text order."""
    wanted = [c for c in dict.fromkeys(codes) if c and len(c) == 3]
    if not wanted:
        return []
    found: list[Town] = []
    for match in _CITY_WORD_THEN_NAME.finditer(text, start, end):
        script = next(k for k, v in match.groupdict().items() if v)
        s = match.start(script)
        for written in _readings(match.group(script), script):
            forms = [written]
            if script == "ru":
                forms += [_RU_ENDING.sub("", written), _RU_ENDING.sub("а", written)]
            town = _town(forms, script, wanted)
            if town is not None:
                found.append(Town(town[0], town[1], s, s + len(written)))
                break
    return found


def _readings(name: str, script: str) -> list[str]:
    """The name as captured, then shorter: its first words (Arabic: «العقبة» of «العقبة
    الجولة»), or first characters (Chinese: 克里比 of 克里比同)."""
    if script == "zh":
        return [name[:size] for size in range(len(name), 1, -1)]
    words = name.split()
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def _town(forms: list[str], script: str, codes: list[str]) -> tuple[str, str] | None:
    """(English name, country) of the one town the written forms name, or None."""
    # as written, and an Arabic name without its article («العقبة» / «عقبة»)
    wanted = {f.casefold() for f in forms}
    wanted |= {w[2:] for w in wanted if w.startswith("ال")}
    sounds = _sounder(forms[0], script)
    exact: dict[str, str] = {}
    sounding: dict[str, tuple[float, str]] = {}
    for english, code, others in _candidates(codes):
        if english.casefold() in wanted or any(o.casefold() in wanted for o in others):
            exact.setdefault(english, code)
        elif not exact and sounds is not None:
            score = sounds(english)
            if score >= _SOUNDS_LIKE:
                sounding.setdefault(english, (score, code))
    if exact:
        return next(iter(exact.items())) if len(exact) == 1 else None
    if not sounding:
        return None
    ranked = sorted(sounding.items(), key=lambda item: -item[1][0])
    if len(ranked) > 1 and ranked[1][1][0] == ranked[0][1][0]:
        return None  # two towns sound alike: none is read
    english, (_score, code) = ranked[0]
    return english, code


#: How alike the model's city and a town's English name must be (rapidfuzz ratio, folded).
_SPELT_LIKE = 85


def town_as_written(
    proposed: str, text: str, regions: Iterable[tuple[int, int]], codes: Iterable[str]
) -> Town | None:
    """The town of the countries ``codes`` whose English name the model's city, unknown to
    the tables, nearly spells (a translation's "Buhara" for Bukhara), where the regions of
    the original write one of its names (a Russian one with its case ending: «в Бухаре»):
    that town with its exact span, else None."""
    wanted = [c for c in dict.fromkeys(codes) if c and len(c) == 3]
    mine = _folded(proposed)
    best: tuple[float, str, str, tuple[str, ...]] | None = None
    for english, code, others in _candidates(wanted):
        score = fuzz.ratio(_folded(english), mine)
        if score >= _SPELT_LIKE and (best is None or score > best[0]):
            best = (score, english, code, others)
    if best is None:
        return None
    _score, english, code, others = best
    # its names as written, a Russian one in any case («Бухара»: «в Бухаре»)
    names = normalize.inflected_alternation(
        (n for n in (english, *others) if len(n) >= 3), stem_min=3
    )
    pattern = re.compile(rf"(?<!\w)(?:{names})(?!\w)", re.IGNORECASE)
    for start, end in regions:
        found = pattern.search(text, start, end)
        if found is not None:
            return Town(english, code, found.start(), found.end())
    return None
