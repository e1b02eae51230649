"""Score article briefs against a hand-written gold set (``summarizer eval``). No model calls.

The gold format is documented in ``docs/gold-format.md``. Scoring compares the gold's primary
meeting with the predicted primary meeting of the same article, field by field, counting true
positives, false positives and false negatives:

- single-valued fields (series, round, date, city, status, meeting_kind): equal values are a tp;
  different values are one fp and one fn; a value on one side only is an fp (predicted) or an
  fn (gold); nothing on either side counts nothing;
- list fields (parties, heads, heads_title, topics): one-to-one matching, unmatched predicted
  items are fps, unmatched gold items fns;
- dates are compared at the gold's precision ("2025-02" matches "2025-02-20"); a predicted date
  less precise than the gold but consistent with it ("2025" for "2025-02-20") is an fn only;
- next_meeting counts its date (same rule) and its city as two items;
- meeting_detection: the gold article has a meeting vs the brief has one. A meeting predicted for
  a no-meeting article is an fp there, and only there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Literal

from anyascii import anyascii
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .errors import InputError
from .normalize import canonical_person, city_info, same_person, series_key
from .records import (
    ArticleBrief,
    ComparativeSummary,
    Location,
    MeetingDate,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
)

Split = Literal["tune", "heldout"]
ArticleKind = Literal[
    "news_report", "press_release", "op_ed", "passing_mention", "multi_meeting", "no_meeting"
]

#: The scored fields, in report order.
FIELDS: tuple[str, ...] = (
    "meeting_detection",
    "parties",
    "series",
    "round",
    "date",
    "city",
    "heads",
    "heads_title",
    "topics",
    "next_meeting",
    "status",
    "meeting_kind",
)
#: rapidfuzz token_set_ratio thresholds.
TITLE_MATCH = 70
TOPIC_MATCH = 70

#: How each field is matched; printed in the report.
RULES: dict[str, str] = {
    "series": "equal under summarizer.normalize.series_key",
    "date": "compared at the gold's precision (gold 2025-02 matches 2025-02-20)",
    "city": "casefolded and latinised, aliases through summarizer.normalize.city_info",
    "heads": "names matched by summarizer.normalize.same_person (gold aliases included), or "
    "as two romanizations of one name (summarizer.evaluate.same_romanization: the same "
    "consonants, dh/z, q/k, sh/ch... as one, and a vowel in the same places)",
    "heads_title": f"titles of matched heads, rapidfuzz token_set_ratio >= {TITLE_MATCH} "
    "after lowercasing, dropping punctuation and removing 'of the'",
    "topics": "topics matched by keyword overlap (a shared content word after lowercasing, "
    "stopwords dropped, plural s stripped, British -ise/-isation spelt -ize/-ization and "
    "defence, licence, programme, centre, labour... in their American forms), an acronym and "
    "the capitalised words it abbreviates (EPA = Economic Partnership Agreement), a sector's "
    "broad word and one of its narrower words (summarizer.evaluate.TOPIC_FAMILIES: education "
    "= scholarships for students, energy = offshore wind; two narrower words do not match), "
    f"or rapidfuzz token_set_ratio >= {TOPIC_MATCH}",
    "next_meeting": "date (at the gold's precision) and city counted as two items",
    "meeting_detection": "gold has a meeting vs the brief has one; no true negatives counted",
}

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WORD = re.compile(r"[a-z0-9+]+")
_OF_THE = re.compile(r"\bof the\b")
#: Words that carry no topic on their own ("regional security" vs "regional stability").
_TOPIC_STOPWORDS = frozenset({
    "a", "an", "and", "the", "of", "in", "on", "for", "to", "with", "at", "by", "from", "as",
    "its", "their", "between", "among", "into", "over", "about", "against", "other", "issue",
    "situation", "relation", "cooperation", "cooperate", "bilateral", "regional",
    "international", "global", "joint", "mutual", "common", "matter", "area", "field",
    "development", "partnership", "effort", "affair",
})  # fmt: skip


class GoldFormatError(InputError):
    """A gold file line that is not valid JSON or not a valid gold article."""

    def __init__(self, *, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}", path=path, reason="bad_gold")
        self.line = line
        self.problem = problem


# ---- gold models ------------------------------------------------------------------------


class GoldModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldHead(GoldModel):
    name: str = Field(min_length=1, description="Latin script")
    title: str | None = None
    party: str | None = None
    aliases: list[str] = Field(default_factory=list, description="other accepted spellings")


class GoldNextMeeting(GoldModel):
    date: str | None = None
    city: str | None = None

    @model_validator(mode="after")
    def _check_date(self) -> GoldNextMeeting:
        _require_date(self.date)
        return self


class GoldMeeting(GoldModel):
    primary: bool
    status: MeetingStatus
    parties: list[str] = Field(min_length=1)
    series: str | None
    round: int | None = Field(ge=1)
    date: str | None
    city: str | None
    heads: list[GoldHead] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    next_meeting: GoldNextMeeting | None = None
    meeting_kind: MeetingKind | None = None

    @model_validator(mode="after")
    def _check_date(self) -> GoldMeeting:
        _require_date(self.date)
        return self


class GoldArticle(GoldModel):
    article: str = Field(min_length=1, description="path relative to the repository root")
    split: Split
    language: str = Field(min_length=2, max_length=3)
    kind: ArticleKind
    event: str | None = Field(description="shared by the articles that report the same meeting")
    meetings: list[GoldMeeting]
    notes: str | None = None

    @model_validator(mode="after")
    def _check_meetings(self) -> GoldArticle:
        primaries = sum(m.primary for m in self.meetings)
        if self.meetings and primaries != 1:
            raise ValueError(f"exactly one meeting must be primary, found {primaries}")
        if (self.kind == "no_meeting") != (not self.meetings):
            raise ValueError('kind "no_meeting" if and only if meetings is empty')
        if self.meetings and not self.event:
            raise ValueError("an article with a meeting needs an event id")
        return self

    @property
    def primary(self) -> GoldMeeting | None:
        return next((m for m in self.meetings if m.primary), None)


def _require_date(value: str | None) -> None:
    if value is not None and not _DATE.match(value):
        raise ValueError(f'date {value!r} is not "YYYY-MM-DD", "YYYY-MM" or "YYYY"')


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read and validate a gold JSONL file; a bad line raises GoldFormatError with its number."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}", path=str(path)) from exc
    gold: list[GoldArticle] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        article = _parse_gold_line(line, path=str(path), line=number)
        if article.article in seen:
            raise GoldFormatError(
                path=str(path),
                line=number,
                problem=f"{article.article} already listed on line {seen[article.article]}",
            )
        seen[article.article] = number
        gold.append(article)
    return gold


def _parse_gold_line(text: str, *, path: str, line: int) -> GoldArticle:
    try:
        return GoldArticle.model_validate(json.loads(text))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(path=path, line=line, problem=f"invalid JSON: {exc.msg}") from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(line)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise GoldFormatError(path=path, line=line, problem=problems) from exc


# ---- report models ----------------------------------------------------------------------


class FieldScore(BaseModel):
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> FieldScore:
        """Precision (recall) of nothing predicted (nothing to find) is 1.0 when nothing was
        missed (claimed), else 0.0."""
        precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        return cls(tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=f1)


class FieldDetail(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missing: list[str] = Field(default_factory=list, description="gold values not predicted")
    extra: list[str] = Field(default_factory=list, description="predicted values not in gold")


class ArticleResult(BaseModel):
    article: str
    language: str
    kind: str
    split: str
    event: str | None
    has_brief: bool
    fields: dict[str, FieldDetail]


class EvalReport(BaseModel):
    fields: dict[str, FieldScore]
    by_language: dict[str, dict[str, FieldScore]]
    by_kind: dict[str, dict[str, FieldScore]]
    by_split: dict[str, dict[str, FieldScore]]
    rejected_share: float = Field(description="rejected / (kept + rejected) facts, all briefs")
    grouping: FieldScore | None = Field(description="pairwise scores of event grouping")
    articles: list[ArticleResult]
    missing_briefs: list[str] = Field(default_factory=list, description="scored as empty")
    ungraded_briefs: list[str] = Field(default_factory=list, description="not in the gold")
    rules: dict[str, str] = Field(default_factory=lambda: dict(RULES))


# ---- value matching ---------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(anyascii(text).casefold().split())


def city_key(city: str) -> str:
    """One key per city: the gazetteer's English name when known, else the folded text."""
    info = city_info(city)
    return _fold(info[0] if info else city.split(",")[0])


def same_city(gold: str, predicted: str) -> bool:
    return city_key(gold) == city_key(predicted)


def same_series(gold: str, predicted: str) -> bool:
    return series_key(gold) == series_key(predicted)


def date_matches(gold: str, predicted: str) -> bool:
    """Whether a predicted date agrees with the gold at the gold's precision."""
    return predicted[: len(gold)] == gold and len(predicted) >= len(gold)


def date_vaguer(gold: str, predicted: str) -> bool:
    """A predicted date less precise than the gold but consistent with it ("2025")."""
    return len(predicted) < len(gold) and gold.startswith(predicted)


def _title_form(title: str) -> str:
    return " ".join(_OF_THE.sub(" ", default_process(_fold(title))).split())


def same_title(gold: str, predicted: str) -> bool:
    return fuzz.token_set_ratio(_title_form(gold), _title_form(predicted)) >= TITLE_MATCH


_BRITISH_IS = re.compile(r"is(ation|e|ed|ing)$")
#: British spellings and their American forms, one word each ("defence" = "defense").
_BRITISH_WORDS = {
    "defence": "defense", "offence": "offense", "licence": "license", "programme": "program",
    "centre": "center", "labour": "labor", "harbour": "harbor", "neighbour": "neighbor",
    "modernisation": "modernization", "fibre": "fiber", "tonne": "ton",
}  # fmt: skip


def topic_words(label: str) -> set[str]:
    """Content words of a topic: lowercase, latinised, stopwords dropped, plural s stripped."""
    words = set()
    for word in _WORD.findall(_fold(label).replace("-", " ")):
        if len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"  # technologies = technology
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        word = _BRITISH_WORDS.get(word, word)
        word = _BRITISH_IS.sub(r"iz\1", word)  # radicalisation = radicalization
        if word not in _TOPIC_STOPWORDS:
            words.add(word)
    return words


#: Words an acronym leaves out inside a run of capitalised words.
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for"})


def _initials(label: str) -> set[str]:
    """The acronyms of each run of capitalised words ("Economic Partnership Agreement" ->
    EPA, PA, EP...); "of", "the", "and" and "for" inside a run add no letter
    ("Organization of Turkic States" -> OTS)."""
    words = re.findall(r"[A-Za-z][\w-]*", label)
    out: set[str] = set()
    for i in range(len(words)):
        run = ""
        for word in words[i:]:
            if run and word in _ACRONYM_SKIPS:
                continue
            if not word[0].isupper():
                break
            run += word[0]
            if len(run) >= 2:
                out.add(run)
    return out


def _acronyms(label: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])[A-Z]{2,6}(?![\w-])", label))


#: Subjects a topic label may name by their broad word or by a narrower one: a label with a
#: family's broad word and a label with one of its narrower words are one subject
#: ("education" and "scholarships for Pakistani students", "energy" and "offshore wind",
#: "agriculture" and "agricultural research"); two narrower words are not ("offshore wind"
#: is not "gas pipeline"). "Security" is in none (it qualifies too many: food, energy,
#: border security). (family: (broad words, narrower words))
_TOPIC_FAMILY_WORDS: dict[str, tuple[str, str]] = {
    "education": (
        r"educat\w*",
        r"schools?|universit\w*|students?|scholarships?|academic\w*|vocational|teachers?",
    ),
    "energy": (
        r"energ\w*",
        r"electric\w*|power|(?<!palm )(?<!olive )oil|gas|hydrocarbons?|petrol\w*|uranium|"
        r"hydrogen|solar|wind|renewables?|pipelines?|lng|coal|refin\w*|geothermal",
    ),
    "agriculture": (
        r"agricultur\w*|agro\w*|farming",
        r"farms?|farmers?|crops?|food|rice|wheat|grains?|livestock|fertili[sz]ers?|"
        r"irrigation|beef|dairy|fruits?|cocoa|coffee|poultry|seeds?",
    ),
    "fisheries": (r"fisher\w*|fishing", r"fish|seafood|aquaculture"),
    "health": (
        r"health\w*",
        r"medic\w*|pharma\w*|vaccin\w*|hospitals?|epidemic\w*|pandemic\w*|surgical",
    ),
    "tourism": (r"touris\w*", r"tourists?|visitors?"),
    "transport": (
        r"transport\w*|connectivity|logistics",
        r"rail\w*|roads?|highways?|ports?|shipping|aviation|flights?|airlines?|air\s+links?",
    ),
    "defense": (r"defen[cs]e|military", r"arms|weapons?|armed\s+forces|drones?"),
    "terrorism": (r"terroris\w*", r"extremis\w*|radicali[sz]\w*"),
    "migration": (r"migra\w*|mobility", r"refugees?|asylum"),
    "trade": (r"trade|commerc\w*", r"exports?|imports?|tariffs?|market\s+access"),
    "investment": (r"invest\w*", r"investors?"),
    "culture": (r"cultur\w*", r"heritage|museums?|arts?"),
    "digital": (r"digital|ict", r"telecom\w*|cyber\w*|information\s+technology|internet"),
    "mining": (r"mining|minerals?", r"copper|lithium|nickel|bauxite|rare\s+earths?|gold"),
}
TOPIC_FAMILIES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    name: (re.compile(rf"\b(?:{broad})\b"), re.compile(rf"\b(?:{narrow})\b"))
    for name, (broad, narrow) in _TOPIC_FAMILY_WORDS.items()
}


def _family_words(label: str) -> tuple[set[str], set[str]]:
    """(families whose broad word the label names, families whose narrower word it names)."""
    folded = _fold(label).replace("-", " ")
    broad = {name for name, (b, _n) in TOPIC_FAMILIES.items() if b.search(folded)}
    narrow = {name for name, (_b, n) in TOPIC_FAMILIES.items() if n.search(folded)}
    return broad, narrow


def same_family(gold: str, predicted: str) -> bool:
    """One label names a family's broad word, the other that word or a narrower one."""
    gold_broad, gold_narrow = _family_words(gold)
    pred_broad, pred_narrow = _family_words(predicted)
    return bool(gold_broad & (pred_broad | pred_narrow) or pred_broad & gold_narrow)


def same_topic(gold: str, predicted: str) -> bool:
    if topic_words(gold) & topic_words(predicted):
        return True
    if same_family(gold, predicted):
        return True  # "education" = "scholarships for Nigerian students"
    if _acronyms(predicted) & _initials(gold) or _acronyms(gold) & _initials(predicted):
        return True  # "EPA" = "Economic Partnership Agreement negotiations"
    return (
        fuzz.token_set_ratio(_fold(gold), _fold(predicted), processor=default_process)
        >= TOPIC_MATCH
    )


def same_head(gold: GoldHead, predicted: str) -> bool:
    return any(
        same_person(name, predicted) or same_romanization(name, predicted)
        for name in [gold.name, *gold.aliases]
    )


#: Words of a name that are articles or kinship particles, not names ("Al-Jubouri", "bin").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "ben"})
#: Letters romanizations of one Arabic, Persian or Cyrillic letter write differently
#: («ظ» dh / z, «ق» q / k, «ش» sh / ch), each mapped to one.
_ROMANIZATION_LETTERS = (
    ("dh", "z"), ("th", "s"), ("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
    ("q", "k"), ("c", "k"), ("v", "w"),
)  # fmt: skip
_VOWELS = re.compile(r"[aeiouy]+")


def _romanization_key(name: str) -> list[str]:
    """A name's words as their consonants with a mark where a vowel is, letters that one
    script's letter is romanized as in several ways made one: "Haidar Kazem Al-Jabburi" and
    "Haider Kadhim Al-Jubouri" are both hVdVr kVzVm jVbVrV."""
    words = re.sub(r"['’]", "", _fold(canonical_person(name)).replace("-", " ")).split()
    key = []
    for word in words:
        if word in _NAME_PARTICLES:
            continue
        for written, one in _ROMANIZATION_LETTERS:
            word = word.replace(written, one)
        word = re.sub(r"(.)\1+", r"\1", word)
        key.append(_VOWELS.sub("V", word))
    return key


def same_romanization(gold: str, predicted: str) -> bool:
    """Two romanizations of one name written in a script without short vowels: the same
    words, each with the same consonants (up to the letters romanizations spell two ways,
    _ROMANIZATION_LETTERS) and a vowel in the same places, whichever vowel. A spelling that
    drops vowels ("Brhano Wldi" for Birhanu Wolde) or a consonant does not match, nor does
    Mahmoud for Mohamed (mVhmVd, mVhVmVd)."""
    a, b = _romanization_key(gold), _romanization_key(predicted)
    return len(a) >= 2 and a == b


def match_pairs(n_gold: int, n_pred: int, ok: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predicted items (augmenting paths)."""
    owner: dict[int, int] = {}

    def assign(g: int, seen: set[int]) -> bool:
        for p in range(n_pred):
            if p in seen or not ok(g, p):
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        assign(g, set())
    return sorted((g, p) for p, g in owner.items())


# ---- per-field scoring ------------------------------------------------------------------


def score_scalar(
    gold: str | None, predicted: str | None, same: Callable[[str, str], bool]
) -> FieldDetail:
    detail = FieldDetail()
    if gold is not None and predicted is not None and same(gold, predicted):
        detail.tp = 1
        return detail
    if gold is not None:
        detail.fn, detail.missing = 1, [gold]
    if predicted is not None:
        detail.fp, detail.extra = 1, [predicted]
    return detail


def score_date(gold: str | None, predicted: str | None) -> FieldDetail:
    if gold is not None and predicted is not None and date_vaguer(gold, predicted):
        return FieldDetail(fn=1, missing=[gold])
    return score_scalar(gold, predicted, date_matches)


def score_items(
    gold: Sequence[str], predicted: Sequence[str], same: Callable[[int, int], bool]
) -> FieldDetail:
    return detail_from_pairs(gold, predicted, match_pairs(len(gold), len(predicted), same))


def detail_from_pairs(
    gold: Sequence[str], predicted: Sequence[str], pairs: Sequence[tuple[int, int]]
) -> FieldDetail:
    """tp = matched pairs; unmatched gold items are fns, unmatched predicted items fps."""
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    missing = [v for i, v in enumerate(gold) if i not in matched_gold]
    extra = [v for i, v in enumerate(predicted) if i not in matched_pred]
    return FieldDetail(tp=len(pairs), fp=len(extra), fn=len(missing), missing=missing, extra=extra)


def _plus(a: FieldDetail, b: FieldDetail) -> FieldDetail:
    return FieldDetail(
        tp=a.tp + b.tp,
        fp=a.fp + b.fp,
        fn=a.fn + b.fn,
        missing=a.missing + b.missing,
        extra=a.extra + b.extra,
    )


def score_parties(gold: GoldMeeting, record: MeetingRecord) -> FieldDetail:
    gold_codes = sorted({c.upper() for c in gold.parties})
    pred = sorted({(p.code or p.name).upper() for p in record.parties})
    return score_items(gold_codes, pred, lambda g, p: gold_codes[g] == pred[p])


def score_heads(gold: GoldMeeting, record: MeetingRecord) -> tuple[FieldDetail, FieldDetail]:
    """(heads, heads_title): names matched one-to-one; a title counts only on a matched head."""
    people = [d.head for d in record.delegations]
    pairs = match_pairs(
        len(gold.heads), len(people), lambda g, p: same_head(gold.heads[g], people[p].name)
    )
    heads = detail_from_pairs([h.name for h in gold.heads], [p.name for p in people], pairs)
    gold_titles = [f"{h.name}: {h.title}" if h.title else "" for h in gold.heads]
    pred_titles = [f"{p.name}: {p.title}" if p.title else "" for p in people]
    title_pairs = [
        (g, p)
        for g, p in pairs
        if gold_titles[g]
        and pred_titles[p]
        and same_title(gold.heads[g].title or "", people[p].title or "")
    ]
    titles = detail_from_pairs(gold_titles, pred_titles, title_pairs)
    titles.missing = [t for t in titles.missing if t]
    titles.extra = [t for t in titles.extra if t]
    titles.fn, titles.fp = len(titles.missing), len(titles.extra)
    return heads, titles


def score_topics(gold: GoldMeeting, record: MeetingRecord) -> FieldDetail:
    labels = [t.label for t in record.topics]
    return score_items(gold.topics, labels, lambda g, p: same_topic(gold.topics[g], labels[p]))


def score_next_meeting(gold: GoldMeeting, record: MeetingRecord) -> FieldDetail:
    gold_next = gold.next_meeting or GoldNextMeeting()
    pred = record.next_meeting
    pred_date = pred.date.value if pred and pred.date else None
    pred_city = pred.location.city if pred and pred.location else None
    return _plus(
        score_date(gold_next.date, pred_date), score_scalar(gold_next.city, pred_city, same_city)
    )


def score_meeting(gold: GoldMeeting, record: MeetingRecord) -> dict[str, FieldDetail]:
    """Every field except meeting_detection, gold primary meeting vs predicted primary."""
    heads, titles = score_heads(gold, record)
    round_gold = str(gold.round) if gold.round is not None else None
    round_pred = str(record.round) if record.round is not None else None
    return {
        "parties": score_parties(gold, record),
        "series": score_scalar(gold.series, record.series, same_series),
        "round": score_scalar(round_gold, round_pred, _equal),
        "date": score_date(gold.date, record.date.value),
        "city": score_scalar(gold.city, record.location.city, same_city),
        "heads": heads,
        "heads_title": titles,
        "topics": score_topics(gold, record),
        "next_meeting": score_next_meeting(gold, record),
        "status": score_scalar(gold.status, record.status, _equal),
        "meeting_kind": score_scalar(
            gold.meeting_kind, record.kind if gold.meeting_kind else None, _equal
        ),
    }


def score_missing_meeting(gold: GoldMeeting) -> dict[str, FieldDetail]:
    """All gold values missed: the brief has no meeting at all."""
    details = score_meeting(gold, _EMPTY_RECORD)
    details["status"] = score_scalar(gold.status, None, _equal)
    details["meeting_kind"] = score_scalar(gold.meeting_kind, None, _equal)
    return details


_EMPTY_RECORD = MeetingRecord(
    id="",
    status="held",
    primary=True,
    kind="other",
    series=None,
    round=None,
    title="",
    parties=[],
    date=MeetingDate(value=None),
    location=Location(),
)


def predicted_primary(brief: ArticleBrief) -> MeetingRecord | None:
    return next(
        (m for m in brief.meetings if m.primary), brief.meetings[0] if brief.meetings else None
    )


def score_article(gold: GoldArticle, brief: ArticleBrief | None) -> dict[str, FieldDetail]:
    record = predicted_primary(brief) if brief else None
    gold_meeting = gold.primary
    detection = FieldDetail()
    if gold_meeting and record:
        detection.tp = 1
    elif record:
        detection.fp, detection.extra = 1, [record.title or record.id or "meeting"]
    elif gold_meeting:
        detection.fn, detection.missing = 1, ["meeting"]
    details: dict[str, FieldDetail] = {"meeting_detection": detection}
    if gold_meeting and record:
        details |= score_meeting(gold_meeting, record)
    elif gold_meeting:
        details |= score_missing_meeting(gold_meeting)
    return {name: details.get(name, FieldDetail()) for name in FIELDS}


# ---- aggregation ------------------------------------------------------------------------


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, detail: FieldDetail) -> None:
        self.tp += detail.tp
        self.fp += detail.fp
        self.fn += detail.fn

    def score(self) -> FieldScore:
        return FieldScore.from_counts(self.tp, self.fp, self.fn)


def aggregate(results: Iterable[ArticleResult]) -> dict[str, FieldScore]:
    tallies = {name: _Tally() for name in FIELDS}
    for result in results:
        for name, detail in result.fields.items():
            tallies[name].add(detail)
    return {name: tally.score() for name, tally in tallies.items()}


def _grouped(
    results: list[ArticleResult], key: Callable[[ArticleResult], str]
) -> dict[str, dict[str, FieldScore]]:
    groups: dict[str, list[ArticleResult]] = {}
    for result in results:
        groups.setdefault(key(result), []).append(result)
    return {name: aggregate(members) for name, members in sorted(groups.items())}


def count_kept_facts(brief: ArticleBrief) -> int:
    """Facts a brief kept: list items plus the scalar facts that have a value."""
    total = 0
    for m in brief.meetings:
        lists = (m.parties, m.delegations, m.topics, m.outcomes, m.quotes)
        total += sum(len(items) for items in lists)
        total += max(len(m.framework), len(m.framework_refs))
        scalars = (m.series, m.round, m.date.value or m.date.text, m.location.city, m.next_meeting)
        total += sum(value is not None for value in scalars)
    return total


def rejected_share(briefs: Iterable[ArticleBrief]) -> float:
    kept = rejected = 0
    for brief in briefs:
        kept += count_kept_facts(brief)
        rejected += len(brief.rejected)
    return rejected / (kept + rejected) if kept + rejected else 0.0


def grouping_score(
    gold: Sequence[GoldArticle], predicted: Mapping[str, str], *, root: Path | None = None
) -> FieldScore:
    """Pairwise precision/recall of event grouping over the gold articles.

    An article with no gold event (no meeting) or no predicted event is a group of its own.
    """
    pred = {_abs(path, root): event for path, event in predicted.items()}
    rows = [(a.event, pred.get(_abs(a.article, root))) for a in gold]
    tally = _Tally()
    for (gold_a, pred_a), (gold_b, pred_b) in combinations(rows, 2):
        same_gold = gold_a is not None and gold_a == gold_b
        same_pred = pred_a is not None and pred_a == pred_b
        tally.tp += same_gold and same_pred
        tally.fp += same_pred and not same_gold
        tally.fn += same_gold and not same_pred
    return tally.score()


def events_from_briefs(briefs: Mapping[str, ArticleBrief]) -> dict[str, str]:
    """Article path -> id of its predicted primary meeting (ids are stable across articles)."""
    found = {path: predicted_primary(brief) for path, brief in briefs.items()}
    return {path: record.id for path, record in found.items() if record is not None}


def events_from_summary(summary: ComparativeSummary) -> dict[str, str]:
    """Article path -> event id in a comparative summary (an event with a primary record first)."""
    paths = {ref.id: ref.path or ref.id for ref in summary.articles}
    ordered = sorted(summary.events, key=lambda e: not e.record.primary)
    mapping: dict[str, str] = {}
    for event in ordered:
        for source in event.sources:
            mapping.setdefault(paths.get(source, source), event.event_id)
    return mapping


def _abs(path: str, root: Path | None) -> str:
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = (root or Path.cwd()) / candidate
    return str(candidate.resolve())


def score(
    gold: Sequence[GoldArticle],
    briefs: Mapping[str, ArticleBrief],
    events: Mapping[str, str] | None = None,
    *,
    root: Path | None = None,
) -> EvalReport:
    """Score briefs (keyed by article path) against the gold; relative paths resolve at root.

    A gold article without a brief is scored as an empty prediction and listed in
    ``missing_briefs``. ``events`` (article path -> predicted event id) adds grouping scores.
    """
    by_path = {_abs(path, root): brief for path, brief in briefs.items()}
    results: list[ArticleResult] = []
    missing: list[str] = []
    for article in gold:
        brief = by_path.get(_abs(article.article, root))
        if brief is None:
            missing.append(article.article)
        results.append(
            ArticleResult(
                article=article.article,
                language=article.language,
                kind=article.kind,
                split=article.split,
                event=article.event,
                has_brief=brief is not None,
                fields=score_article(article, brief),
            )
        )
    gold_paths = {_abs(a.article, root) for a in gold}
    return EvalReport(
        fields=aggregate(results),
        by_language=_grouped(results, lambda r: r.language),
        by_kind=_grouped(results, lambda r: r.kind),
        by_split=_grouped(results, lambda r: r.split),
        rejected_share=rejected_share(briefs.values()),
        grouping=grouping_score(gold, events, root=root) if events is not None else None,
        articles=results,
        missing_briefs=missing,
        ungraded_briefs=sorted(p for p in briefs if _abs(p, root) not in gold_paths),
    )


# ---- rendering --------------------------------------------------------------------------


def _equal(a: str, b: str) -> bool:
    return a == b


def _pct(value: float) -> str:
    return f"{value:.2f}"


def _f1(score: FieldScore) -> str:
    """F1, or "-" when the field had nothing to score (no gold value, no prediction)."""
    return _pct(score.f1) if score.tp + score.fp + score.fn else "-"


def _fields_table(fields: Mapping[str, FieldScore]) -> list[str]:
    lines = ["| field | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
    for name, s in fields.items():
        lines.append(
            f"| {name} | {_pct(s.precision)} | {_pct(s.recall)} | {_pct(s.f1)} "
            f"| {s.tp} | {s.fp} | {s.fn} |"
        )
    return lines


def _f1_table(title: str, groups: Mapping[str, Mapping[str, FieldScore]]) -> list[str]:
    lines = [f"### F1 by {title}", "", f"| {title} | " + " | ".join(FIELDS) + " |"]
    lines.append("|---" * (len(FIELDS) + 1) + "|")
    for group, fields in groups.items():
        cells = " | ".join(_f1(fields[name]) for name in FIELDS)
        lines.append(f"| {group} | {cells} |")
    return [*lines, ""]


def _article_lines(result: ArticleResult) -> list[str]:
    head = f"- `{result.article}` ({result.language}, {result.kind}, {result.split})"
    if not result.has_brief:
        return [f"{head}: no brief, every gold value counted as missed"]
    lines = []
    for name, detail in result.fields.items():
        if detail.missing or detail.extra:
            missing = "; ".join(detail.missing) or "-"
            extra = "; ".join(detail.extra) or "-"
            lines.append(f"  - {name}: missing {missing} | extra {extra}")
    return [head, *lines] if lines else []


def render_markdown(report: EvalReport) -> str:
    """A readable report: totals, breakdowns, grouping, matching rules and per-article misses."""
    lines = ["# Evaluation", "", f"Articles scored: {len(report.articles)}", ""]
    lines += ["## Fields", "", *_fields_table(report.fields), ""]
    lines += _f1_table("split", report.by_split)
    lines += _f1_table("language", report.by_language)
    lines += _f1_table("kind", report.by_kind)
    lines += [f"Rejected facts share: {_pct(report.rejected_share)}", ""]
    if report.grouping is not None:
        g = report.grouping
        lines += [
            f"Event grouping (pairwise): precision {_pct(g.precision)}, recall "
            f"{_pct(g.recall)}, F1 {_pct(g.f1)} (tp {g.tp}, fp {g.fp}, fn {g.fn})",
            "",
        ]
    if report.missing_briefs:
        lines += [f"Gold articles without a brief (scored as empty): {len(report.missing_briefs)}"]
        lines += [""]
    lines += ["## Matching rules", ""]
    lines += [f"- {name}: {rule}" for name, rule in report.rules.items()] + [""]
    details = [line for r in report.articles for line in _article_lines(r)]
    if details:
        lines += ["## Differences by article", "", *details, ""]
    return "\n".join(lines)
