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

#: A name as Russian writes it: initials and a surname ("С.А.Левченко", "Д. Сетиаваном"), or
#: two or three capitalised words ("Михаил Лаврентьев", "Ганболдын Сарантуяа").
_NAME = re.compile(
    r"(?<![\w.])(?:(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,2})(?!\w)"
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


def _variants(written: str) -> list[str]:
    """Romanisations of a written name: each word as written or in the nominative."""
    parts = re.findall(r"[А-ЯЁ]\.|[А-ЯЁа-яё-]+", written)
    spellings = [""]
    for part in parts:
        forms = (part,) if _INITIAL.fullmatch(part) else _nominatives(part)
        spellings = [f"{s} {f}".strip() for s in spellings for f in forms][:8]
    return [latin(s) for s in spellings]


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
    """Each written name, and each run of two of its words (a three-word match may open with
    a declined country: "Монголии Ганболдын Сарантуяа")."""
    spans: list[tuple[int, int]] = []
    for match in _NAME.finditer(text):
        spans.append(match.span())
        words = list(re.finditer(r"\S+", match.group()))
        if len(words) == 3 and not _INITIAL.match(words[0].group()):
            for a, b in ((0, 1), (1, 2)):
                spans.append((match.start() + words[a].start(), match.start() + words[b].end()))
    return spans


def spelling_for(model_name: str, found: WrittenName) -> str:
    """The head's name: the original's romanisation, unless the model's surname is near it
    (then the model's spelling, a foreign name's own, stands)."""
    near = fuzz.ratio(_surname(model_name).casefold(), _surname(found.latin).casefold())
    return model_name if near >= KEEP_MODEL_SPELLING else found.latin
