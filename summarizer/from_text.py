"""Facts code reads from the meeting's own sentences when the model left them out.

A small model often names the mechanism and the city but leaves `round` or `date_text` null
although the sentence that reports the meeting states them ("held the 12th meeting of the
Intergovernmental Commission in Tashkent on Friday"). These functions look only in the
sentences that carry the meeting's grounded series or city, so what they find is grounded by
construction and belongs to that meeting, not to another one the article mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from . import normalize
from .records import Span

#: A sentence ends at . ! ? (Arabic ؟, Chinese 。) and a space, or at a line's end; not at a
#: month's abbreviation before its day ("on Oct. 30").
NOT_A_MONTH = (
    r"(?!(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)\s+\d)(?!(?<=\bSept\.)\s+\d)"
)
_SENTENCE_BREAK = re.compile(rf"(?<=[.!?؟。]){NOT_A_MONTH}\s+|\n")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\b(?:{_DAY}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?"
    rf"|(?:on\s+)?{_WEEKDAY}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
#: Nouns an ordinal counts when it numbers a meeting: "the 8th session", "twelfth round".
_COUNTED = frozenset(
    {
        "round", "rounds", "session", "sessions", "meeting", "meetings", "edition",
        "dialogue", "consultations", "commission", "committee", "council", "summit",
        "forum", "talks", "conference", "sitting", "cycle", "retreat", "dialog", "consultation",
        "group",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\s,;:()“”\"«»]+")
#: A dateline at the start of a paragraph: "TASHKENT, Aug 15 -"
_DATELINE_END = re.compile(r"\s*[-–—:]")


def sentence_bounds(
    text: str, position: int, breaks: re.Pattern[str] = _SENTENCE_BREAK
) -> tuple[int, int]:
    """(start, end) of the sentence holding ``position``, sentences ending at ``breaks``."""
    start = 0
    for match in breaks.finditer(text, 0, position):
        start = match.end()
    after = breaks.search(text, position)
    return start, after.start() if after else len(text)


def meeting_sentences(text: str, anchors: Iterable[Span | None]) -> list[tuple[int, int]]:
    """The sentences holding the meeting's grounded series or city, in anchor order."""
    found: list[tuple[int, int]] = []
    for anchor in anchors:
        if anchor is None:
            continue
        bounds = sentence_bounds(text, anchor.start)
        if bounds not in found:
            found.append(bounds)
    return found


def span_at(text: str, start: int, end: int) -> Span:
    """The exact span text[start:end]."""
    return Span(start=start, end=end, text=text[start:end])


def round_in(text: str, sentences: list[tuple[int, int]]) -> tuple[int, Span] | None:
    """The ordinal that numbers a meeting in these sentences ("the 12th meeting of ...")."""
    for start, end in sentences:
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, start, end)]
        for i, (w_start, w_end, word) in enumerate(words):
            value = normalize.ordinal_value(word.strip(".'’"))
            if value is None or not 0 < value < 200:
                continue
            following = {w.strip(".'’").casefold() for _, _, w in words[i + 1 : i + 6]}
            if following & _COUNTED:
                return value, span_at(text, w_start, w_end)
    return None


def date_in(text: str, sentences: list[tuple[int, int]], near: int | None) -> Span | None:
    """A date written in these sentences, the one closest to ``near``; a paragraph's dateline
    ("TASHKENT, Aug 15 -") only when the sentence gives no other date."""
    for start, end in sentences:
        matches = list(_DATE.finditer(text, start, end))
        body = [m for m in matches if not _is_dateline(text, m)]
        chosen = body or matches
        if chosen:
            target = near if near is not None else start
            best = min(chosen, key=lambda m: abs(m.start() - target))
            return span_at(text, best.start(), best.end())
    return None


def _is_dateline(text: str, match: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    return match.start() - line_start < 40 and bool(_DATELINE_END.match(text, match.end()))


_LEAD_IN = re.compile(
    r"\s*(?:(?:round|meeting|session|sitting|edition|cycle)s?\s+of\s+)?"
    r"(?:(?:the|their|its|our)\s+)?",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"«„]([^”\"»“\n]{3,160})[”\"»“]")
_NAME_END = re.compile(r"[.!?؟。](?:\s|$)|\n\s*\n")
_NAME_WORD = r"[\w'’+&.\-–]+"
#: The head nouns normalize.is_mechanism checks a series by, longest first ("working group"
#: before "group"), a space matching any run of spaces.
_MECHANISM_HEAD = "(?:{})".format(
    "|".join(
        re.escape(noun).replace(r"\ ", r"\s+")
        for noun in sorted(normalize.MECHANISM_NOUNS, key=len, reverse=True)
    )
)
#: The rest of a list of fields that ends in "Cooperation" ("Technical, Scientific,
#: Educational and Cultural Cooperation"): a comma inside a mechanism's name is followed by it.
_FIELDS_TO_COOPERATION = r"(?:[A-Z][\w'’\-]*,?\s+)*(?:and\s+)?(?:[A-Z][\w'’\-]*\s+)*Cooperation\b"
#: Up to six words ending in a mechanism's head noun, then its capitalised "on ..." part.
_MECHANISM_NAME = re.compile(
    rf"((?:{_NAME_WORD}\s+){{0,6}}?{_MECHANISM_HEAD})(?!\w)"
    rf"((?-i:\s+(?:on|for)\s+(?!{_WEEKDAY}|{_MONTH})(?:[A-Z][\w'’\-]*)"
    r"(?:(?:\s+(?:(?:and|of|the|to|against)\s+)*|,\s+(?=" + _FIELDS_TO_COOPERATION + r"))"
    r"[A-Z][\w'’\-]*)*)?)",
    re.IGNORECASE,
)


def series_after(text: str, ordinal: Span) -> Span | None:
    """The mechanism's name the ordinal numbers, as written right after it: "9th
    Counter-Terrorism Dialogue", "the 9th meeting of the “Russia-Pakistan Joint Working
    Group on ...”", "the fourth round of their Political Consultations"."""
    # a hard-wrapped line does not end the sentence here: a full stop or a blank line does
    boundary = _NAME_END.search(text, ordinal.end, ordinal.end + 400)
    end = boundary.start() if boundary else min(len(text), ordinal.end + 400)
    lead = _LEAD_IN.match(text, ordinal.end, end)
    at = lead.end() if lead else ordinal.end
    quoted = _QUOTED.match(text, at, end)
    if quoted and normalize.is_mechanism(quoted.group(1)):
        return span_at(text, quoted.start(1), quoted.end(1))
    name = _MECHANISM_NAME.match(text, at, end)
    if name is None:
        return None
    stop = name.end(2) if name.group(2) else name.end(1)
    # lowercase "on ..." belongs to the sentence ("dialogue on Tuesday"), not to the name
    return span_at(text, name.start(1), stop)


_FUTURE = re.compile(
    r"(?<!\w)(?:will|shall|is to be|are to be|to be held|is scheduled|are scheduled|"
    r"scheduled for|upcoming|forthcoming|is expected to|are expected to|plans? to|"
    r"is set to|are set to|ahead of)(?!\w)",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"(?<!\w)(?:held|had|convened|met|took place|was co-chaired|were co-chaired|co-chaired|"
    r"chaired|was led|were led|was headed|were headed|headed|concluded|hosted|discussed|"
    r"agreed|signed|reviewed|exchanged|reaffirmed|condemned|welcomed|was attended|"
    r"(?:have|has) (?:\w+ed|met|held))(?!\w)",
    re.IGNORECASE,
)


#: Verbs that report a meeting as held, or as still to come, in the other languages' originals
#: (a translation's tense follows the model's guess; the original's does not).
_TENSE_MARKERS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "fr": (
        re.compile(
            r"(?<!\w)(?:s['’]est\s+(?:tenue?|déroulée?|réunie?)|se\s+sont\s+(?:tenue?s|déroulée?s|"
            r"réunie?s)|a\s+eu\s+lieu|ont\s+eu\s+lieu|(?:a|ont)\s+(?:tenu|co-?présidé|présidé|"
            r"réuni|examiné|passé\s+en\s+revue|signé))(?!\w)",
            re.IGNORECASE,
        ),
        re.compile(
            r"(?<!\w)(?:se\s+tiendr(?:a|ont)|aur(?:a|ont)\s+lieu|tiendr(?:a|ont)|"
            r"se\s+réunir(?:a|ont))(?!\w)",
            re.IGNORECASE,
        ),
    ),
    "ru": (
        re.compile(
            r"(?<!\w)(?:состоял(?:ся|ось|ась|ись)|прош(?:ёл|ел|ла|ло|ли)|провел(?:и|а)?|провёл|"
            r"обсудили|подписали|рассмотрели|обсуждал(?:ся|ось|ась|ись|и)|договорились|"
            # the participles of a meeting that took place («прошедшем», «состоявшейся»)
            r"прошедш\w+|состоявш\w+)(?!\w)",
            re.IGNORECASE,
        ),
        re.compile(
            r"(?<!\w)(?:состо(?:ится|ятся)|пройд(?:ёт|ет|ут)|провед(?:ёт|ет|ут)|будет|будут)(?!\w)",
            re.IGNORECASE,
        ),
    ),
    "ar": (
        re.compile(
            r"(?<!\w)[وف]?(?:عقدت|عقد|عقدا|انعقدت|انعقد|اجتمع|اجتمعا|التقى|التقت|جرت|أجرى|أجرت|"
            r"أجريت|ترأس|ترأست|ترأسا|اختتمت|اختتم|بحث|بحثا|بحثت|ناقش|ناقشا|ناقشت|استعرض|استعرضا|"
            r"استعرضت|تناول|تناولت|تناولا|اتفق|اتفقا|اتفقت|وقع|وقعا|وقعت|استقبل|استقبلت)(?!\w)"
        ),
        re.compile(
            r"(?<!\w)[وف]?(?:ستعقد|سيعقد|ستنعقد|سينعقد|سوف|ستجري|سيجري|يعتزم|تعتزم|المقرر|"
            r"ستنطلق|سينطلق|ستبدأ|سيبدأ|ستستضيف|سيستضيف|سيجتمع|ستجتمع|سيلتقي|ستلتقي)(?!\w)"
        ),
    ),
    "ur": (
        re.compile(
            r"(?:منعقد|شروع|ختم)\s+(?:ہوا|ہوئی|ہوئے|ہو\s+گیا|ہو\s+گئی|ہو\s+گئے)|نے\s+کی(?!\w)|"
            r"(?:تبادلہ\s+خیال|اتفاق|ملاقات|دستخط|جائزہ)\s+(?:کیا|کی|کیے|کئے)(?!\w)"
        ),
        re.compile(r"(?:ہو|کر|ہوں|کریں|کرے)\s*(?:گا|گی|گے)(?!\w)"),
    ),
}  # fmt: skip


#: Arabic short vowels, tanwin, shadda, sukun and tatweel: "عُقدت" is "عقدت" to the markers.
_ARABIC_MARKS = re.compile(r"[\u064b-\u0652\u0640\u0670]")


def tense_in(text: str, sentences: list[tuple[int, int]], language: str) -> str | None:
    """``tense_of`` for an original in French, Russian, Arabic or Urdu (None in any other);
    Arabic-script marks are read past ("عُقدت")."""
    markers = _TENSE_MARKERS.get(language)
    if markers is None:
        return None
    if language in ("ar", "ur", "fa"):
        parts = [_ARABIC_MARKS.sub("", text[s:e]) for s, e in sentences]
        joined = "\n".join(parts)
        offsets, at = [], 0
        for part in parts:
            offsets.append((at, at + len(part)))
            at += len(part) + 1
        return _tense(*markers, joined, offsets)
    return _tense(*markers, text, sentences)


def tense_of(text: str, sentences: list[tuple[int, int]]) -> str | None:
    """Return "past" or "future" when the meeting's sentences report it in one tense only, else
    None ("agreed that the next round will be held" has both)."""
    return _tense(_PAST, _FUTURE, text, sentences)


def _tense(
    past_verbs: re.Pattern[str],
    future_verbs: re.Pattern[str],
    text: str,
    sentences: list[tuple[int, int]],
) -> str | None:
    """ "past" or "future" when only one kind of verb stands in the sentences, else None."""
    past = any(past_verbs.search(text[s:e]) for s, e in sentences)
    future = any(future_verbs.search(text[s:e]) for s, e in sentences)
    if past == future:
        return None
    return "past" if past else "future"


# ---- topics -------------------------------------------------------------------------------

#: What introduces the things a meeting discussed ("discussed X, Y and Z", "topics included").
_TOPIC_CUE = re.compile(
    r"(?<!\w)(?:(?:also\s+)?discussed|discussions?\s+(?:also\s+)?(?:covered|encompassed|focused"
    r"\s+on)|talks\s+(?:also\s+)?(?:covered|focused\s+on)|(?:also\s+)?covered|(?:also\s+)?"
    r"addressed|(?:also\s+)?raised|exchanged\s+views\s+on|focus(?:ed|ing)?\s+on|topics?\s+"
    r"included|agenda\s+included|reviewed|,\s+like|(?:cooperation|coordination)\s+(?:on|in|against)|"
    r"cooperate\s+(?:on|in|against)|such\s+as|including|"
    r"(?:agreements?|memorand(?:a|um)(?:\s+of\s+understanding)?|MoUs?|protocols?)\s+on|"
    r"(?:special\s+|particular\s+)?attention\s+(?:was\s+)?(?:given|paid)\s+to|emphasis\s+(?:was\s+)?"
    r"(?:placed\s+)?on)"
    r"(?!\w)\s+",
    re.IGNORECASE,
)
#: "Energy cooperation was also discussed."
_TOPIC_PASSIVE = re.compile(
    r"^((?:[\w'’-]+\s+){0,5}?[\w'’-]+)(?:,[^,]{0,120},)?\s+(?:was|were)\s+(?:also\s+)?"
    r"(?:discussed|addressed|on\s+the\s+agenda)(?!\w)",
    re.IGNORECASE,
)
#: Where the list of topics ends inside the sentence.
_TOPIC_LIST_END = re.compile(
    r"[;:—–()“”\"]|,\s+(?:(?:the\s+)?(?:[\w-]+\s+){0,3}said|according|with|which|who|as(?!\s+well\s+as)|while|and\s+"
    r"(?:agreed|pledged|stressed|welcomed|reaffirmed|expressed|noted|underlined|thanked))(?!\w)"
    r"|\s+(?:and\s+)?(?:agreed|pledged|stressed|reaffirmed|thanked|welcomed|said|under|amid|(?<!well\s)as(?!\s+well\s+as)|to|"
    r"which|that|with\s+both|between|was|were|is|are|has|have|would|will)(?!\w)",
    re.IGNORECASE,
)
_TOPIC_SPLIT = re.compile(
    r",\s+(?:and\s+|as\s+well\s+as\s+)?|\s+as\s+well\s+as\s+|\s+and\s+(?=the\s|on\s)"
)
_TOPIC_LEAD = re.compile(
    r"(?:(?:the|a|an|their|its|other|several|various|key|recent|further|also|both|common|like|"
    r"bilateral|regional|global|international|issues?|matters?|areas?|of|on|in|related\s+to|"
    r"progress|the\s+situation|situation|prospects?|ways?|possibilities|possibility|"
    r"implications?|cooperation|coordination|efforts?|within|between|for|to|possible|"
    r"(?:construction|expansion|extensions?|implementation|modernization|modernisation|"
    r"development|promotion|projects?)\s+of)\s+)+",
    re.IGNORECASE,
)
_TOPIC_WORD = re.compile(r"[A-Za-z][\w'’+-]*")
_TOPIC_STOP = frozenset(
    {
        "the", "a", "an", "and", "of", "in", "on", "for", "to", "with", "at", "by", "its",
        "their", "other", "issue", "issues", "matter", "matters", "area", "areas", "cooperation",
        "relations", "bilateral", "regional", "international", "global", "range", "spectrum",
        "full", "entire", "broad", "wide", "ties", "challenges", "both", "sides", "them",
        "this", "that", "these", "those", "each", "two", "countries", "work", "together",
        "well", "field", "topic", "party", "parties", "need", "related", "mechanism", "way",
        "number", "level", "aspect", "five", "three", "four", "several", "many", "more",
        "such", "like", "spring", "summer", "autumn", "winter", "year", "month", "week",
        "as", "particularly", "especially", "notably", "linked", "sphere", "fears", "nations",
    }
)  # fmt: skip
_TOPIC_MAX_WORDS = 6
_POSSESSIVE = re.compile(r"['’]s?$")


def _content_words(text: str) -> set[str]:
    words = set()
    for word in _TOPIC_WORD.findall(text.casefold().replace("-", " ")):
        word = _POSSESSIVE.sub("", word)  # "UK's support": the word is "uk"
        if word in _TOPIC_STOP:  # "this" is not the plural of "thi"
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in _TOPIC_STOP:
            words.add(word)
    return words


def _item_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """An item trimmed of its lead-in words ("the construction of") and trailing marks."""
    lead = _TOPIC_LEAD.match(text, s, e)
    if lead:
        s = lead.end()
    # a last item "A and B" stays one topic ("trade and investment")
    while e > s and text[e - 1] in " .,;":
        e -= 1
    return s, e


#: A lowercase word that reads as an adjective ("illegal", "unreported", "economic").
_ADJECTIVE = r"[a-z]{3,}(?:al|ed|ic|ive|ous|ful|ible|able|ary|ian)"
_ENDS_ADJECTIVE = re.compile(rf"(?<![\w-]){_ADJECTIVE}$")
_ADJECTIVE_COMMA = re.compile(rf",\s+{_ADJECTIVE}(?=\s)")
_ADJECTIVES_AND = re.compile(rf"{_ADJECTIVE}\s+(?:and|or)\s")


def _adjectives_of_one_noun(text: str, separators: list[re.Match[str]]) -> list[re.Match[str]]:
    """The separators minus those inside "A, B and C noun", a list of adjectives that
    qualify one noun: "the fight against illegal, unreported and unregulated fishing" and
    "political, economic and cultural cooperation" are one subject each."""
    kept: list[re.Match[str]] = []
    for i, sep in enumerate(separators):
        before = text[: sep.start()]
        after_end = separators[i + 1].start() if i + 1 < len(separators) else len(text)
        chained = sep.group().strip() == "," and _ENDS_ADJECTIVE.search(before)
        if chained and (
            _ADJECTIVES_AND.match(text, sep.end(), after_end)
            or (i + 1 < len(separators) and _ENDS_ADJECTIVE.fullmatch(text[sep.end() : after_end]))
        ):
            continue
        kept.append(sep)
    return kept


def _topic_items(text: str, start: int, end: int) -> list[Span]:
    """The list items in text[start:end], each trimmed of lead-in words, as spans."""
    items: list[Span] = []
    position = start
    separators = _adjectives_of_one_noun(text, list(_TOPIC_SPLIT.finditer(text, start, end)))
    pieces = [*separators, None]
    for sep in pieces:
        piece_end = sep.start() if sep else end
        if sep is None or sep.start() >= start:
            s, e = _item_bounds(text, position, piece_end)
            words = _ADJECTIVE_COMMA.sub("", text[s:e]).split()  # "illegal, unreported and"
            if (
                0 < len(words) <= _TOPIC_MAX_WORDS
                and _content_words(text[s:e])
                and not re.search(r"\d", text[s:e])
                and normalize.city_info(text[s:e]) is None
                and normalize.party_code(text[s:e]) is None  # a party is not a topic
            ):
                items.append(span_at(text, s, e))
        if sep is not None:
            position = sep.end()
    return items


def topics_in(text: str) -> list[Span]:
    """Things the article says the meeting discussed, each its own exact span: the items of a
    list after "discussed", "exchanged views on", "topics included", "such as", ... and the
    subject of "... was also discussed"."""
    found: list[Span] = []
    for sentence in _SENTENCE_BREAK.split(text):
        if not sentence.strip():
            continue
        offset = text.find(sentence)
        passive = _TOPIC_PASSIVE.match(sentence)
        if passive:
            found += _topic_items(text, offset + passive.start(1), offset + passive.end(1))
        cues = list(_TOPIC_CUE.finditer(text, offset, offset + len(sentence)))
        for i, cue in enumerate(cues):
            # a list ends where the sentence moves on, or at the next cue ("matters, such as")
            limit = cues[i + 1].start() if i + 1 < len(cues) else offset + len(sentence)
            stop = _TOPIC_LIST_END.search(text, cue.end(), limit)
            found += _topic_items(text, cue.end(), stop.start() if stop else limit)
    unique: list[Span] = []
    for span in found:
        if not any(u.start == span.start and u.end == span.end for u in unique):
            unique.append(span)
    return unique


#: Words that name no subject on their own: a topic made only of these and stopwords ("all
#: areas", "regional and global issues", "two parties", "politics") says nothing.
_GENERIC_TOPIC_WORDS = frozenset(
    {
        "all", "existing", "new", "emerging", "multiple", "front", "plan", "some", "various",
        "political", "politic", "politics", "economic", "economy", "official", "leader",
        "government", "grouping", "informal", "comprehensive", "strategic", "partnership",
        "push", "coordination", "commitment", "enhancing", "reinforcing",
        "strengthening", "deepening", "promoting", "expanding", "boosting", "advancing",
        "affair", "affairs", "group", "interest", "concern", "mutual", "common", "relation",
        "relationship", "dialogue", "meeting", "talk", "talks", "discussion", "situation",
        "question", "subject", "side", "country", "nation", "overall", "partie", "variou",
        "current", "state", "prospect", "topical", "aspect", "series", "implementation",
        "progress", "way", "issue", "matter", "view", "level", "framework", "agenda",
        # filler a translation leaves as a topic ("cooperation between the two countries",
        # "support for each other", "developing it in various fields", "said the source")
        "countrie", "between", "it", "how", "through", "said", "source", "support", "tie",
        "challenge", "developing", "field", "sector", "area", "number", "each", "other",
        "shared", "two", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth",
        # a word alone names no subject ("known", "cases", "costs", "the region", "hopes")
        "known", "made", "including", "etc", "case", "cost", "capital", "hope", "consensu",
        "participation", "principle", "organization", "organisation", "region", "supervision",
        "philosophical", "fear", "nations", "more", "topic", "across",
        # what ties are like, or that they exist, is no subject ("sacred relations",
        # "relations bilaterally", "potential for cooperation", "joint actions", "efforts")
        "bilaterally", "diplomatic", "friendship", "friendly", "brotherly", "fraternal",
        "historic", "sacred", "excellent", "close", "good", "potential", "effort", "action",
        "scheme", "accelerate", "consultation",
        # a translation's leftovers: a pronoun, its verb or a form of address ("he hoped",
        # "Mr"), a project not named ("project", "the second project")
        "he", "she", "they", "we", "hoped", "mr", "mrs", "ms", "project",
    }
)  # fmt: skip


#: Any word an English report of a meeting uses; an article with none of them reports no
#: meeting, whatever the model proposed (a trade story about two countries is not a summit).
_ANY_MEETING_WORD = re.compile(
    r"\b(?:met|meet(?:s|ing|ings)?|talks|summit\w*|consultations?|dialogue|commissions?|"
    r"committees?|council|sessions?|visit(?:s|ed|ing)?|calls?|conversations?|conferences?|"
    r"rounds?|co-?chair\w*|hosted|received|sidelines?|discuss\w*|held|convened?|negotiat\w*|"
    r"delegations?|forum|retreat|audience)\b",
    re.IGNORECASE,
)


def writes_a_meeting_word(text: str) -> bool:
    """Whether the English text uses any word a report of a meeting would (_ANY_MEETING_WORD)."""
    return _ANY_MEETING_WORD.search(text) is not None


_EVENT_WORD = re.compile(r"\b(?:meetings?|summits?|visits?|sessions?|rounds?)\b", re.IGNORECASE)
#: What is done about an event, which is a subject ("preparation of the third Russia-Africa
#: summit", "follow-up to the TICAD 9 summit", "outcomes of the Beijing Summit").
_ABOUT_AN_EVENT = re.compile(
    r"\b(?:prepar\w*|follow[- ]?up|outcomes?|results?|achievements?|implement\w*)\b",
    re.IGNORECASE,
)


def is_generic_topic(label: str, parties: Iterable[str] = ()) -> bool:
    """Whether a topic label names no subject: every content word is a generic one or a word
    of a party's name ("prospects of Kazakhstan-Netherlands cooperation"), or it names an
    event ("the ASEAN-China ministerial meeting in July"), not what was discussed."""
    party_words = set().union(*(_content_words(p) for p in parties))
    return not (_content_words(label) - _GENERIC_TOPIC_WORDS - party_words) or bool(
        _EVENT_WORD.search(label) and not _ABOUT_AN_EVENT.search(label)
    )


#: Cyrillic letters a translation leaves inside Latin words ("Karс"), and their Latin twins.
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")
#: Words that open a topic only as a lead-in ("including reconstruction financing").
_TOPIC_OPENER = re.compile(
    r"^(?:including|notably|particularly|especially|namely|such\s+as|as\s+well\s+as|"
    r"in\s+terms\s+of|in\s+the\s+(?:fields?|areas?|domains?|sphere)\s+of|in\s+matters\s+of|"
    r"regarding|concerning|(?:in\s+)?particular(?:ly)?(?:\s+the)?|"
    r"(?:fields?|areas?|sectors?|spheres?|domains?)\s+(?:such\s+as|like|including))\s+",
    re.IGNORECASE,
)
#: A fragment of a sentence, not a subject: it ends in a preposition ("... participates in"),
#: opens with one that is not a subject's ("by this plan") or is a lone past participle
#: ("described").
_TOPIC_FRAGMENT = re.compile(
    r"(?:\s(?:in|of|on|to|for|with|by|from|at|into|about|and|or|the|a|an|so)$)|"
    r"^(?:by|from|at|into|of|with)\s|\b(?:of|for|to)\s+(?:between|of|for|to|with)\b|"
    r"^[a-z]+ed$|"
    # a clause ("where Paris ...", "could be signed"), or a day ("Monday in a communiqué")
    r"^(?:where|which|who|whose|that|when|while|could|would|should|can|will|may|might|must)\b|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b",
    re.IGNORECASE,
)
#: An office is who met, not what was discussed ("Ministry of Industry and Commerce").
_TOPIC_OFFICE = re.compile(r"^(?:the\s+)?(?:ministry|ministries|embassy)\b", re.IGNORECASE)
#: A topic label longer than this is a sentence, not a label.
_TOPIC_LABEL_MAX_WORDS = 14


def tidy_topic_label(label: str) -> str:
    """A topic label without a lead-in word ("including"), with Cyrillic look-alike letters a
    translation left in Latin words made Latin, and without words in another script."""
    label = " ".join(label.split())
    label = _TOPIC_OPENER.sub("", label)
    words = []
    for word in label.split():
        latin = word.translate(_HOMOGLYPHS)
        if re.search(r"[A-Za-z]", latin) and not re.search(r"[^\W\d_A-Za-z\u00c0-\u024f]", latin):
            words.append(latin)
        elif not re.search(r"[^\W\d_]", word):  # punctuation or a number stays
            words.append(word)
    label = " ".join(words).strip(" -–")
    for quote in "'\"‘’“”":
        if label.count(quote) == 1 and (label[0] == quote or label[-1] == quote):
            label = label.strip(quote)
    return label.strip()


#: Where a long topic label joins two subjects, or goes on in a relative clause.
_TOPIC_JOIN = re.compile(r",?\s+as\s+well\s+as\s+", re.IGNORECASE)
_TOPIC_CLAUSE = re.compile(r",\s+(?:which|that|who|whose|where)\b.*$", re.IGNORECASE)


def topic_parts(label: str) -> list[str]:
    """A label too long to be one topic cut into its subjects: at "as well as", without a
    relative clause ("..., which should pass through ..."); a label of a normal length is one
    part."""
    if len(label.split()) <= _TOPIC_LABEL_MAX_WORDS:
        return [label]
    return [_TOPIC_CLAUSE.sub("", part).strip(" ,") for part in _TOPIC_JOIN.split(label)]


#: Where a proposed topic that is a list parts into its items (commas and semicolons; "A and
#: B" stays one item, as "trade and investment" is one subject).
_PROPOSED_LIST_BREAK = re.compile(r"\s*[;,،、]\s*")


def proposed_list_items(label: str) -> list[str]:
    """The items of a topic the model proposed as a list ("A, B, C"), each to be grounded on
    its own; a label that is no list is its one item."""
    items = [i.strip() for i in _PROPOSED_LIST_BREAK.split(label) if i.strip()]
    return items if len(items) > 1 else [label]


def topic_fault(label: str, parties: Iterable[str] = ()) -> str | None:
    """Why a topic label names no subject, or None: only generic words, the parties' names or
    an event (``is_generic_topic``), a fragment of a sentence, or a whole sentence."""
    if not label or is_generic_topic(label, parties):
        return "names no subject (only generic words, or an event)"
    if _TOPIC_FRAGMENT.search(label):
        return "a fragment of a sentence, not a subject"
    if _TOPIC_OFFICE.search(label):
        return "names an office, not a subject"
    if len(label.split()) > _TOPIC_LABEL_MAX_WORDS:
        return "a sentence, not a topic label"
    return None


def _same_word(a: str, b: str) -> bool:
    """Two words of one stem ("fisheries"/"fishery", "technological"/"technology")."""
    if a == b:
        return True
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= max(5, min(len(a), len(b)) - 3)


#: A topic grounded by its words spans at most this many words of one sentence.
_TOPIC_WINDOW = 25


def topic_span(text: str, label: str) -> Span | None:
    """Where one sentence of the text has every content word of a paraphrased topic label
    ("rice supply arrangement" in "... a multi-year arrangement for the supply of rice ..."):
    the exact span from the first such word to the last, or None."""
    if is_generic_topic(label):
        return None
    wanted = sorted(_content_words(label))
    start = 0
    for brk in [*_SENTENCE_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        words = [
            (m, _content_words(m.group()) or {m.group().casefold()})
            for m in _TOPIC_WORD.finditer(text, start, end)
        ]
        hits = []
        for want in wanted:
            hit = next((m for m, forms in words if any(_same_word(want, f) for f in forms)), None)
            if hit is None:
                break
            hits.append(hit)
        else:
            first, last = min(h.start() for h in hits), max(h.end() for h in hits)
            if len(text[first:last].split()) <= _TOPIC_WINDOW:
                score = fuzz.token_set_ratio(label.casefold(), text[first:last].casefold()) / 100
                return Span(
                    start=first,
                    end=last,
                    text=text[first:last],
                    alignment="fuzzy",
                    score=round(score, 3),
                )
        start = brk.end() if brk else end
    return None


#: What a topic may add to places' names and still be only about them ("the Gaza crisis").
_PLACE_TOPIC_WORDS = frozenset(
    {
        "situation", "conflict", "crisi", "crisis", "war", "peace", "process", "issue",
        "question", "dispute", "support", "status", "stability", "security", "developments",
    }
)  # fmt: skip


def about_places(topic: str, places: Iterable[str]) -> bool:
    """Whether a topic label is about these places alone ("Myanmar issues", "the Middle East
    and Afghanistan situation"), not a subject that names one ("Uzbekistan-Afghanistan-Pakistan
    railway")."""
    words = _content_words(topic)
    named: set[str] = set()
    for place in places:
        named |= _content_words(place)
    return bool(words & named) and not (words - named - _PLACE_TOPIC_WORDS - _GENERIC_TOPIC_WORDS)


#: A named project ("the Matarbari deep-sea port", "the Trans-Saharan Highway", "CASA-1000
#: transmission line"): capitalised words, then the kind of project.
_PROJECT = re.compile(
    r"(?<![\w-])((?:(?:[A-Z][\w’'-]*|[A-Z0-9]{2,}(?:-\d+)?)\s+(?:of\s+(?:the\s+)?)?){1,4}(?:(?:deep-sea|gas|oil|power|"
    r"transmission|railway|rail|road|economic|industrial|free\s+trade)\s+)?(?:[Pp]ort|[Rr]ailway|"
    r"[Pp]ipeline|[Cc]orridor|[Hh]ighway|[Bb]ridge|[Ii]nterconnector|[Pp]roject|[Dd]am|[Pp]lant|"
    r"[Zz]one|[Bb]elt|[Ii]nitiative|[Ll]ink|[Ll]ine|[Tt]erminal|[Ff]ield|[Mm]ine|[Pp]rogramme|"
    r"[Aa]greement|[Rr]oute|[Ss]ystem))(?![\w-])"
)
_PROJECT_LEAD = re.compile(r"(?:The|A|An|Both|Its|Their|In|On|At|For)\s+")
#: First words after which a "project" is a reference, not a name ("This agreement").
_NOT_A_NAME = frozenset({"this", "that", "these", "those", "such", "new", "each", "every"})


def projects_in(text: str, sentences: Iterable[tuple[int, int]]) -> list[Span]:
    """Named projects in these sentences of the text, each its exact span, each once."""
    found: list[Span] = []
    for start, end in sentences:
        for match in _PROJECT.finditer(text, start, end):
            s, e = match.span(1)
            lead = _PROJECT_LEAD.match(text, s, e)
            if lead:
                s = lead.end()
            name = text[s:e]
            words = name.split()
            if (
                len(words) < 2
                or words[0].casefold() in _NOT_A_NAME
                or words[0][0].isdigit()
                # "Pakistan railway", "Persian port", "United Nations Development Programme":
                # a party's or an organisation's, not a project's name
                or any(
                    normalize.party_code(" ".join(words[:i])) or normalize.demonym_code(words[0])
                    for i in range(1, len(words))
                )
            ):
                continue
            if not any(" ".join(f.text.split()).casefold() == name.casefold() for f in found):
                found.append(span_at(text, s, e))
    return found


def same_topic(a: str, b: str) -> bool:
    """Whether two topic labels share a content word ("the Gaza crisis", "Gaza")."""
    return bool(_content_words(a) & _content_words(b))


def split_list(text: str, span: Span) -> list[Span]:
    """The items of a topic the model gave as a list ("education, health, and agriculture"),
    each its own span; the span alone when it is not a comma-separated list."""
    if "," not in span.text:
        return [span]
    items = _topic_items(text, span.start, span.end)
    return items if len(items) > 1 else [span]
