"""Heads of delegation in Russian originals, spelt from the name the original writes.

The local model's translation respells a Russian name as it pleases ("Михаил Лаврентьев" came
back as "Mikhail Lavrinenkov", "Рауф Маммадли" as "Rauf Medemli"). Code finds the name in the
ORIGINAL instead: of the names written there (one or two initials and a surname, or two or
three capitalised words), the one whose romanisation is nearest the model's spelling. Russian
declines names ("переговоры Олега Дорохина"), so each word is put back in the nominative by
pymorphy3 (only where its dictionary knows the word as a first name, surname or patronymic,
or where that form is nearer the model's), then spelt by iuliia's Wikipedia schema, the way
English-language media spell Russian names ("Lavrentyev", "Sergey", "Yevgeny").
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import iuliia
from rapidfuzz import fuzz

from .titles import TitleInText

#: A name as Russian writes it: initials and a surname ("С.А.Левченко", "Д. Сетиаваном"), or
#: two or three capitalised words ("Михаил Лаврентьев", "Ганболдын Сарантуяа").
_NAME = re.compile(
    r"(?<![\w.])(?:(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,4})(?!\w)"
)
_INITIAL = re.compile(r"[А-ЯЁ]\.")
_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
#: How near (rapidfuzz ratio, 0-100) a written name's romanisation must be to the model's
#: surname and to its whole name to be taken for it.
SURNAME_MATCH = 50
NAME_MATCH = 60
#: A model's surname this near the original's romanisation keeps the model's spelling: a
#: foreign name written in Cyrillic ("Д.Сетиаваном") is better spelt as its own language does
#: ("Setiawan") than back from Russian ("Setiavan").
KEEP_MODEL_SPELLING = 85
#: ... and its first name, when this near the original's ("Sergei" for "Sergey", "Mohammed"
#: for "Mukhammed"); farther ("Leonid" for "Левон"), the original's first name is taken.
KEEP_MODEL_FIRST_NAME = 80

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _morph() -> Any:
    """pymorphy3's analyser (its dictionaries load once, about 0.5 s)."""
    import pymorphy3

    with _LOCK:
        return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True)
class WrittenName:
    start: int
    end: int
    written: str
    latin: str


@lru_cache(maxsize=4096)
def _nominatives(word: str) -> tuple[str, ...]:
    """The word as written, and its nominative where pymorphy3 reads it as a declined name
    (or, for a word it does not know, as a declined noun)."""
    forms = [word]
    parses = _morph().parse(word)
    named = [p for p in parses if _PERSON_TAGS & set(p.tag.grammemes)]
    for p in named or parses[:1]:
        if p.tag.case in (None, "nomn") or p.tag.POS != "NOUN":
            continue
        nominative = p.inflect({"nomn"}) if named else None
        form = nominative.word if nominative is not None else p.normal_form
        form = form[:1].upper() + form[1:]
        if form not in forms:
            forms.append(form)
    return tuple(forms)


def latin(name: str) -> str:
    """A Russian name in Latin letters, as English-language media spell it; initials spaced
    ("С.А.Левченко" -> "S. A. Levchenko")."""
    spaced = re.sub(r"([А-ЯЁ])\.\s?", r"\1. ", name).strip()
    return " ".join(iuliia.WIKIPEDIA.translate(spaced).split())


#: The ending of a Russian patronymic ("Ашотович", "Викторовна"); Belarusian and Serbian
#: surnames end so too ("Лобанович"), so a name is read both ways.
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")


def _orders(parts: list[str]) -> list[list[str]]:
    """A three-word name as written, and as English writes it, first name and surname without
    the patronymic: "Левон Ашотович Мкртумян" -> "Левон Мкртумян"; the official order, surname
    first, "Лобанович Андрей Викторович" -> "Андрей Лобанович"."""
    orders = [parts]
    if len(parts) == 3 and not any(_INITIAL.fullmatch(p) for p in parts):
        if _PATRONYMIC.search(parts[1]):
            orders.append([parts[0], parts[2]])
        if _PATRONYMIC.search(parts[2]):
            orders.append([parts[1], parts[0]])
    return orders


def _variants(written: str) -> list[str]:
    """Romanisations of a written name: each word as written or in the nominative, in the
    order written and as English orders it."""
    out: list[str] = []
    for parts in _orders(re.findall(r"[А-ЯЁ]\.|[А-ЯЁа-яё-]+", written)):
        spellings = [""]
        for part in parts:
            forms = (part,) if _INITIAL.fullmatch(part) else _nominatives(part)
            spellings = [f"{s} {f}".strip() for s in spellings for f in forms][:8]
        out += [latin(s) for s in spellings]
    return out


def _surname(name: str) -> str:
    words = name.split()
    return words[-1] if words else ""


def find_name(text: str, model_name: str) -> WrittenName | None:
    """The name written in ``text`` that the model's Latin ``model_name`` spells, in the
    romanisation nearest it; None when no written name is near enough."""
    want = " ".join(model_name.split()).casefold()
    size = len(want.split())
    best: tuple[float, WrittenName] | None = None
    for start, end in _windows(text):
        for spelling in _variants(text[start:end]):
            surname = fuzz.ratio(_surname(spelling).casefold(), _surname(want))
            whole = fuzz.ratio(spelling.casefold(), want)
            if surname < SURNAME_MATCH or whole < NAME_MATCH:
                continue
            score = surname + whole - 10 * abs(len(spelling.split()) - size)
            if best is None or score > best[0]:
                best = (score, WrittenName(start, end, text[start:end], spelling))
    return best[1] if best else None


def _windows(text: str) -> list[tuple[int, int]]:
    """Each written name, and each run of two or three of its words (a match may open with a
    declined country: "Монголии Ганболдын Сарантуяа", "Армении Левон Ашотович Мкртумян")."""
    spans: list[tuple[int, int]] = []
    for match in _NAME.finditer(text):
        spans.append(match.span())
        words = list(re.finditer(r"\S+", match.group()))
        if len(words) >= 3 and not _INITIAL.match(words[0].group()):
            for size in (2, 3):
                for a in range(len(words) - size + 1):
                    b = a + size - 1
                    span = (match.start() + words[a].start(), match.start() + words[b].end())
                    if span != match.span():
                        spans.append(span)
    return spans


#: English title | how Russian writes it, in any case (a stem and \w*), ";"-separated; an
#: indented line has more forms. First match wins, so longer titles come before their parts.
_TITLE_TABLE = r"""
First Deputy Prime Minister|перв\w* вице-премьер\w*;перв\w* заместител\w* премьер-министр\w*
    перв\w* заместител\w* председател\w* правительств\w*
Deputy Prime Minister|вице-премьер\w*;заместител\w* премьер-министр\w*
    заместител\w* председател\w* правительств\w*
Prime Minister|премьер-министр\w*;председател\w* правительств\w*
Deputy Chairman of the Cabinet of Ministers|заместител\w* председател\w* кабинет\w* министр\w*
Chairman of the Cabinet of Ministers|председател\w* кабинет\w* министр\w*
First Deputy Foreign Minister|перв\w* заместител\w* министр\w* иностранных дел
    перв\w* заместител\w* главы МИД\w*
State Secretary and Deputy Foreign Minister
    статс-секретар\w* [-–—] заместител\w* министр\w* иностранных дел
Deputy Foreign Minister|заместител\w* министр\w* иностранных дел;замминистр\w* иностранных дел
    заместител\w* главы МИД\w*;замглав\w* МИД\w*
Foreign Minister|министр\w* иностранных дел;глав\w* МИД\w*
Secretary-General of the Ministry of Foreign Affairs
    генеральн\w* секретар\w* министерств\w* иностранных дел;генеральн\w* секретар\w* МИД\w*
Deputy Minister|заместител\w* министр\w*;замминистр\w*
Minister|министр\w*
Ambassador|пос(?:ол|л(?:а|у|ом|е))
President|президент\w*
"""


def _title_rows() -> list[tuple[str, list[str]]]:
    rows: list[tuple[str, list[str]]] = []
    for line in _TITLE_TABLE.strip().splitlines():
        if line.startswith(" "):
            rows[-1][1].extend(line.strip().split(";"))
        else:
            english, _bar, forms = line.partition("|")
            rows.append((english, forms.split(";") if forms else []))
    return rows


_TITLES = tuple(
    (english, re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w-])", re.IGNORECASE))
    for english, forms in _title_rows()
)
#: What may stand between a title and the name it precedes: the country or body, a few
#: capitalised words or an abbreviation ("вице-премьер Армении", "Республики Беларусь").
_TITLE_GAP = re.compile(r"(?:\s+(?:[А-ЯЁ][\w-]*|по\s+[\w\s]{0,40}?)){0,3}\s*,?\s*")
#: ... and after a minister's word, the portfolio ("министр сельского хозяйства Армении").
_PORTFOLIO_GAP = re.compile(r"(?:\s+(?:[а-яё]+|и)){1,4}" + _TITLE_GAP.pattern)
#: How far before a name its title may start.
_TITLE_BEFORE = 90


def title_before(text: str, name_start: int) -> TitleInText | None:
    """The title a Russian original writes before a head's name ("вице-премьер Армении Левон
    Мкртумян", "заместителя министра иностранных дел России Андрея Руденко"), in English:
    the title nearest the name, separated from it only by a country or body."""
    window_start = max(0, name_start - _TITLE_BEFORE)
    best: TitleInText | None = None
    for english, pattern in _TITLES:
        ministry = english in ("Minister", "Deputy Minister")
        for match in pattern.finditer(text, window_start, name_start):
            gap = text[match.end() : name_start]
            if not (_TITLE_GAP.fullmatch(gap) or (ministry and _PORTFOLIO_GAP.fullmatch(gap))):
                continue
            found = TitleInText(match.start(), match.end(), match.group(), english)
            if best is None or found.start < best.start:
                best = found  # the longest title that reaches the name
    return best


def spelling_for(model_name: str, found: WrittenName) -> str:
    """The head's name: the original's romanisation, unless the model's surname is near it
    (then the model's spelling, a foreign name's own, stands, with the original's first name
    when the model wrote another: "Leonid Mkrutumyan" for "Левон Мкртумян" is "Levon
    Mkrutumyan")."""
    near = fuzz.ratio(_surname(model_name).casefold(), _surname(found.latin).casefold())
    if near < KEEP_MODEL_SPELLING:
        return found.latin
    model_words, found_words = model_name.split(), found.latin.split()
    if len(model_words) == 2 and len(found_words) == 2:
        first = fuzz.ratio(model_words[0].casefold(), found_words[0].casefold())
        if first < KEEP_MODEL_FIRST_NAME and "." not in found_words[0]:
            return f"{found_words[0]} {model_words[1]}"
    return model_name
