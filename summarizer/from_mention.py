"""A meeting the model did not report, read by code from the one sentence of the ORIGINAL
that mentions it in passing.

An article about something else (a strike, a festival, a shipping line) may say in one
sentence that two countries held their political consultations or their joint commission
"on the 9th in Port Louis". The small local model, reading a whole translated article about
the strike, then often reports no meeting at all (measured: fr_34). Such a sentence is plain
to code: a mechanism the tables list (``mechanisms.named_in``), or a visit to a named
counterpart («خلال زيارة رسمية ... مع نظيره»), exactly two countries named beside it (in
Arabic also by their peoples' adjectives, «المالطي»), and a date or a city in the same
sentence. The record it gives holds only what that sentence writes (parties, series, date,
city), each with its exact span; heads, topics and the rest are left to the checks that
follow, which read the original too.

Only for an article whose model answer had no meeting, or only a hollow one (no series and
no head on any side: a football match's coach, ``pipeline._hollow``), and only in the
languages the mechanism tables cover (not English: the model reads English itself).
"""

from __future__ import annotations

import datetime
import re
from typing import cast

from summarizer import dating, from_text, led_by, mechanisms, normalize, places
from summarizer.records import (
    Location,
    MeetingDate,
    MeetingKind,
    MeetingRecord,
    Party,
)


def _city_in(text: str, start: int, end: int, codes: list[str]) -> Location | None:
    """The first city of the sentence, in one of the parties' countries."""
    for s, e, english in normalize.cities_in(text, start, end):
        info = normalize.city_info(english)
        if info is not None and info[1] in codes:
            return Location(city=english, country=info[1], evidence=[from_text.span_at(text, s, e)])
    return None


#: A visit one minister paid another, by language: a word for the visit and one for the
#: host's counterpart, both in the sentence («خلال زيارة رسمية ... مع نظيره الليبي»,
#: «en visite ... son homologue», «с визитом ... коллегой», «دورے ... ہم منصب»).
_VISIT_WITH_COUNTERPART = {
    "ar": (re.compile(r"زيارة"), re.compile(r"نظير(?:ه|ته|ها)")),
    "fr": (re.compile(r"(?i)\bvisite\b"), re.compile(r"(?i)\bhomologue\b")),
    "ru": (re.compile(r"(?i)визит"), re.compile(r"(?i)коллег")),
    "ur": (re.compile(r"دور[ےہ]"), re.compile(r"ہم\s*منصب")),
}
#: An Arabic adjective of a people («المالطي», «الليبية»).
_ARABIC_ADJECTIVE = re.compile(r"(?<!\w)ال[\u0621-\u064a]+ي(?:ة)?(?!\w)")


def _arabic_adjectives(
    text: str, start: int, end: int, have: set[str | None]
) -> list[places.Place]:
    """The countries an Arabic sentence names by their people's adjective, each once."""
    found: list[places.Place] = []
    for word in _ARABIC_ADJECTIVE.finditer(text, start, end):
        code = led_by.arabic_side_code(word.group().removesuffix("ة"))
        if code and len(code) == 3 and code not in have:
            have.add(code)
            found.append(places.Place(word.start(), word.end(), normalize.party_name(code), code))
    return found


def meeting_in_passing(
    text: str, language: str, reference: datetime.date | None
) -> MeetingRecord | None:
    """The first meeting a sentence of ``text`` mentions in passing (see the module's
    docstring), as a primary record; None when no sentence names one so."""
    if not mechanisms.TERMS.get(language):
        return None
    for start, end in dating.sentence_spans(text):
        named = mechanisms.named_in(text, start, end, language)
        visit = _VISIT_WITH_COUNTERPART.get(language) if named is None else None
        if named is None and not (visit and all(p.search(text, start, end) for p in visit)):
            continue
        countries = [
            p for p in places.parties_named(text, start, end) if p.code and len(p.code) == 3
        ]
        if len(countries) < 2 and language == "ar":  # «المالطي», «الليبي»: by their adjectives
            countries += _arabic_adjectives(text, start, end, {p.code for p in countries})
        if len(countries) != 2:
            continue
        countries.sort(key=lambda p: p.start)
        codes = [p.code for p in countries if p.code]
        found = dating.meeting_date(
            text, [(start, end)], language=language, reference=reference, held=True
        )
        city = _city_in(text, start, end, codes)
        if found is None and city is None:
            continue
        parties = [
            Party(
                name=normalize.party_name(p.code) if p.code else p.label,
                code=p.code,
                evidence=[from_text.span_at(text, p.start, p.end)],
            )
            for p in countries
        ]
        date = found.as_meeting_date() if found is not None else MeetingDate(value=None)
        series, series_span = named if named is not None else (None, None)
        kind = cast(
            MeetingKind, normalize.kind_of_series(series) or ("visit" if visit else "other")
        )
        return MeetingRecord(
            id="",
            status="held" if found is not None else "mentioned",
            primary=True,
            kind=kind,
            series=series,
            round=None,
            title="",
            parties=parties,
            date=date,
            location=city or Location(),
            field_evidence={"series": [series_span]} if series_span else {},
        )
    return None
