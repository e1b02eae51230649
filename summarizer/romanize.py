"""Latin spellings of Arabic-script personal names, read from the ORIGINAL article.

The 1.5B local model's translation garbles such names ("Mazan Abdullah Faziz" for «مازن عبد
الله الفايز»), and code alone cannot restore the short vowels Arabic script leaves out. The
spellings come from ``arabic-name-romanizer`` (UNICEF, MIT): about 60,000 spellings attested
in Wikidata, ranked by country, with a small character model for a word nobody has spelt.
It knows the names of the Arabic-speaking countries, Pakistan, Afghanistan and Iran; a
European or Turkish name written in Arabic letters it does not ("Oulouf Skouj" for Olof
Skoog), so it is used only for a head whose party is one of those countries.

Imported on first use: it loads an ONNX runtime (about 0.3 s), which English articles never
need.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry
from rapidfuzz import fuzz

from . import name_lexicon, normalize, titles

#: Parties whose people's names are Arabic-script names by origin: the Arab League, Pakistan,
#: Afghanistan and Iran.
NAME_COUNTRIES = frozenset(
    {
        "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR",
        "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "PAK", "AFG",
        "IRN",
    }
)  # fmt: skip

#: Words that stand before or after a name in a delegation's sentence but are not part of it
#: (titles and offices that are also attested as surnames: «وزير» Wazir, «الأمين» Lamine;
#: Urdu's joining words and verbs).
NOT_NAME = frozenset(
    {
        "وزير", "وزیر", "وكيل", "وکیل", "وكيلة", "سعادة", "معالي", "السفير", "السفيرة", "سفير",
        "الشيخ", "السيد", "السيدة", "الدكتور", "الدكتورة", "الأمين", "العام", "نائب", "رئيس",
        "مدير", "المدير", "الوزير", "صاحب", "السمو", "جناب", "محترم", "محترمہ", "ڈاکٹر",
        "سیکرٹری", "سیکریٹری", "ایڈیشنل", "سفیر", "مشیر", "نے", "کی", "کے", "اور",
        # Urdu's verbs and postpositions around a meeting's report («اجلاس ... منعقد ہوا», the
        # session was held), which a name's consonants may happen to match
        "منعقد", "ہوا", "ہوئی", "ہوئے", "ہے", "ہیں", "تھا", "تھی", "تھے", "گیا", "گئی", "گئے",
        "کیا", "سے", "کو", "میں", "پر",
        # a report's byline: the staff reporter, a correspondent («کراچی (اسٹاف رپورٹر)»)
        "رپورٹر", "اسٹاف", "نمائندہ", "نامہ", "نگار", "مراسل", "مراسلنا",
    }
)  # fmt: skip


def strip_marks(text: str) -> str:
    """Arabic-script text without its vowel marks and tatweel («العُماني» -> «العماني»)."""
    return _MARKS.sub("", text)


def not_name(word: str) -> bool:
    """Whether an Arabic-script word is a title or a joining word (NOT_NAME), vowel marks
    aside."""
    return _MARKS.sub("", word) in NOT_NAME


#: An Arabic-script word: letters, tatweel and vowel marks (not "،" or Urdu "۔").
_WORD = re.compile(r"[\u0621-\u063a\u0640-\u0652\u066e-\u06d3\u06d5\u06fa-\u06ff]+")
_MARKS = re.compile(r"[\u064b-\u0652\u0670\u0640]")
#: What stands between two words of one name: spaces (and a zero-width non-joiner) only.
_SPACES = re.compile(r"[ \u00a0\u200c]*")
#: A window of the original counts as the model's name when their consonants agree this well.
MATCH = 60


@dataclass(frozen=True)
class NameInText:
    """A name found in the original: its offsets, as written, and its Latin spelling."""

    start: int
    end: int
    written: str
    latin: str
    #: how well its consonants match the model's name (rapidfuzz ratio, MATCH to 100)
    score: float = 100.0


@lru_cache(maxsize=1)
def _library() -> Any:
    import arabic_name_romanizer

    return arabic_name_romanizer


def _alpha2(code: str | None) -> str | None:
    country = pycountry.countries.get(alpha_3=code) if code and len(code) == 3 else None
    return country.alpha_2 if country else None


def romanize(written: str, party: str | None, proposed: str) -> str:
    """A Latin spelling of an Arabic-script name for a person of ``party``: of the library's
    three likeliest for that country and its three likeliest overall, the one closest to the
    spelling the model ``proposed`` (which keeps the vowels it heard: "bin Hamad" rather than
    "ibn Hamed")."""
    library = _library()
    candidates: list[str] = []
    for country in (_alpha2(party), None):
        for found in library.transliterate(written, top_k=3, country=country):
            if found.text not in candidates:
                candidates.append(found.text)
    if not candidates:
        return normalize.latinize(written)
    target = normalize.canonical_person(proposed).casefold()
    return max(candidates, key=lambda c: fuzz.ratio(c.casefold(), target))


#: The Persian "son of" suffix written as its own word after a name («شریف زادہ»), and how
#: the country of the person spells it joined to that name (Sharifzoda, Sharifzadeh).
_SON_OF = frozenset({"زادہ", "زاده", "زادة"})
_SON_OF_LATIN = {"TJK": "zoda", "IRN": "zadeh", "AZE": "zade", "TUR": "zade"}


def joined_suffix(written: str, latin: str, party: str | None) -> str:
    """``latin`` with the Latin word of a «زادہ» the original writes apart joined to the name
    before it, as its bearer's country writes it («دلیر شریف زادہ»: "Dalir Sharifzoda", not
    "Dalir Sharif Saad"); unchanged unless both have one word for each word."""
    words, spelt = written.split(), latin.split()
    if len(words) != len(spelt) or not _SON_OF.intersection(words[1:]):
        return latin
    out: list[str] = []
    for word, latin_word in zip(words, spelt, strict=True):
        if word in _SON_OF and out:
            out[-1] += _SON_OF_LATIN.get(party or "", "zada")
        else:
            out.append(latin_word)
    return " ".join(out)


def attested_name(written: str, party: str | None) -> bool:
    """Whether every word of an Arabic-script name is a name people of ``party``'s country
    are attested to write («احمد نواز»: Ahmed, Nawaz)."""
    words = written.split()
    return bool(words) and all(_attested(word, _alpha2(party)) for word in words)


def any_attested(written: str, party: str | None) -> bool:
    """Whether some word of an Arabic-script phrase is a name people of ``party``'s country
    are attested to write («نضال العبادي»: Al-Abbadi; «الوحدة الوطنية»: none)."""
    return any(_attested(word, _alpha2(party)) for word in written.split())


@lru_cache(maxsize=4096)
def _attested(word: str, country: str | None) -> bool:
    """Whether a word is a name people are attested to write (from the dictionary, not the
    model's guess), and not a title, a country or a city."""
    if not_name(word) or normalize.party_code(word) or normalize.city_info(word):
        return False
    found = _library().transliterate(word, top_k=2, country=country)
    return bool(found) and all(u.source == "dictionary" and u.count >= 3 for u in found[0].units)


def consonant_match(latin: str, written: str) -> float:
    """How well a Latin name's consonants match an Arabic-script name's (rapidfuzz ratio)."""
    return fuzz.ratio(skeleton(normalize.canonical_person(latin)), skeleton(written))


def skeleton(name: str) -> str:
    """Consonants of a name in Latin letters, without the article ("al-"): what an Arabic
    spelling and a garbled translation still share."""
    latin = normalize.latinize(name).casefold()
    latin = re.sub(r"\b(?:al|el)[- ]", "", latin)
    return re.sub(r"[aeiouyw\s'’.-]", "", latin)


#: Arabic-script letters as a foreign name written in them sounds, vowels included: a
#: European or Latin American name is written with its vowels (ماریانا = Mariana), which
#: the library's Arabic spellings would not restore.
_FOREIGN_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "پ": "p", "ت": "t", "ٹ": "t", "ث": "s",
    "ج": "j", "چ": "ch", "ح": "h", "خ": "kh", "د": "d", "ڈ": "d", "ذ": "z", "ر": "r", "ڑ": "r",
    "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "",
    "غ": "g", "ف": "f", "ڤ": "v", "ق": "k", "ك": "k", "ک": "k", "گ": "g", "ل": "l", "م": "m",
    "ن": "n", "ں": "n", "ه": "h", "ہ": "h", "ھ": "", "ة": "a", "ى": "a", "ئ": "", "ء": "",
    "ؤ": "o",
}  # fmt: skip
_FOREIGN_VOWELS = frozenset("aeiou")
#: A word of the model's name is kept when its consonants match the original's this well.
_WORD_MATCH = 60


def foreign_spelling(word: str, party: str | None = None) -> str:
    """A Latin spelling of one foreign name word written in Arabic script: و and ی/ي are
    vowels between consonants ("تورد" -> "Tord") and consonants next to a vowel or at the
    start ("وارمان" -> "Warman", "ماریانا" -> "Mariana"); in the spelling of the party's own
    language where it differs (``in_party_spelling``: "قراجہ" -> "Karaca" for Türkiye), a
    Russian ending as Russian spells it ("رستموف" -> "Rastmov" for Uzbekistan)."""
    letters = _MARKS.sub("", word)
    ending = _russian_ending(letters, party)
    if ending is not None:
        return foreign_spelling(ending[0], party) + ending[1]
    out: list[str] = []
    for i, ch in enumerate(letters):
        prev_vowel = bool(out) and out[-1][-1:] in _FOREIGN_VOWELS
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        next_vowel = bool(nxt) and nxt in "اآأإ"
        if i == 1 and letters[0] in "اأ" and ch in "وي" and nxt not in "اآأإ":
            out[-1] = "o" if ch == "و" else "i"  # اولوف = Olof, ایوان = Ivan
        elif ch in "وؤ":
            out.append("w" if i == 0 or next_vowel or (prev_vowel and nxt) else "o")
        elif ch in "یيېے":
            out.append("y" if (i == 0 and next_vowel) or (prev_vowel and next_vowel) else "i")
        elif ch in "هہ" and not nxt and not prev_vowel:
            out.append("a")  # a final ه after a consonant writes a vowel (قراجہ = Karaja)
        else:
            out.append(_FOREIGN_LETTERS.get(ch, ""))
    latin = re.sub(r"(.)\1+", r"\1", "".join(out))  # a doubled letter written once
    return in_party_spelling(latin[:1].upper() + latin[1:], party)


#: Parties whose languages start no word with two consonants (Turkic languages, Tajik): a
#: name spelt so from Arabic script lost a short vowel there ("Kraja" for Karaca).
NO_INITIAL_CLUSTER = frozenset({"TUR", "AZE", "UZB", "KAZ", "KGZ", "TKM", "TJK"})
#: Parties whose Latin alphabets write /dʒ/, /tʃ/ and /ʃ/ as c, ç and ş (Turkish, Azerbaijani).
TURKISH_LETTERS = frozenset({"TUR", "AZE"})
#: Parties whose people's surnames take the Russian endings -ov, -ev, -ova, -eva.
RUSSIAN_ENDINGS = frozenset(
    {"RUS", "UZB", "KAZ", "KGZ", "TJK", "TKM", "AZE", "ARM", "GEO", "BLR", "UKR", "MDA", "BGR"}
)  # fmt: skip
#: Those endings as Arabic script writes them (no v: ف), longest first.
_RUSSIAN_ENDING_LETTERS = (
    ("وفا", "ova"), ("یفا", "eva"), ("يفا", "eva"), ("وف", "ov"), ("یف", "ev"), ("يف", "ev"),
)  # fmt: skip
_CONSONANT_PAIR = re.compile(r"^([b-df-hj-np-tv-xz])(?=[b-df-hj-np-tv-xz])", re.IGNORECASE)
_TURKISH = (("ch", "ç"), ("sh", "ş"), ("j", "c"))


def in_party_spelling(latin: str, party: str | None) -> str:
    """A name word spelt letter by letter from Arabic script, as the party's own language
    spells it: the short vowel restored after a first consonant where that language starts no
    word with two ("Kraja" -> "Karaja"), and Turkish letters for Türkiye and Azerbaijan
    ("Karaja" -> "Karaca")."""
    latin = _vowel_restored(latin, party)
    if party in TURKISH_LETTERS:
        for english, turkish in _TURKISH:
            latin = latin.replace(english, turkish).replace(english.title(), turkish.upper())
    return latin


def _vowel_restored(latin: str, party: str | None) -> str:
    """A Latin name word with the short vowel Arabic script left out after its first
    consonant ("Kraja" -> "Karaja", "Slim" -> "Salim"), for a party whose language starts no
    word with two consonants; "sh", "ch" and "kh" write one sound and are kept."""
    if party in NO_INITIAL_CLUSTER and not latin.casefold().startswith(("sh", "ch", "kh")):
        return _CONSONANT_PAIR.sub(r"\1a", latin, count=1)
    return latin


def _russian_ending(word: str, party: str | None) -> tuple[str, str] | None:
    """A surname's stem and its Russian ending in Latin letters («رستموف» -> «رستم», "ov"),
    for a party whose surnames take them; None for any other word."""
    if party not in RUSSIAN_ENDINGS:
        return None
    for letters, latin in _RUSSIAN_ENDING_LETTERS:
        if word.endswith(letters) and len(word) - len(letters) >= 3:
            return word[: -len(letters)], latin
    return None


_VOWEL_LETTERS = frozenset("اآأإوؤیيىے")


def spell_word(word: str, party: str | None = None) -> str:
    """A Latin spelling of one word of a name not Arabic by origin, with no model's spelling
    to follow: a word people are attested to write (Akmal, «اکمل»), or one written without
    vowel letters (the short vowels left out, as in «رستم»), as the library spells it;
    any other as it sounds letter by letter (foreign_spelling). A surname with a Russian
    ending is its stem so spelt and the ending ("رستموف" -> "Rostomov")."""
    bare = _MARKS.sub("", word)
    ending = _russian_ending(bare, party)
    if ending is not None:
        stem, latin = ending
        return spell_word(stem, party) + latin
    if _attested(bare, None) or not (set(bare) & _VOWEL_LETTERS):
        found = _library().transliterate(bare, top_k=2, country=None)
        if found:
            return str(found[0].text)
    return listed_spelling(bare, party)


def _kept_or_listed(mine: str, written: str, party: str | None) -> str:
    """The model's word for an original word whose consonants it shares, unless no name list
    has it and one has a spelling of the original word ("Faldiso" -> "Valdivieso" for
    «فالديفيسو»)."""
    if not name_lexicon.listed(mine):
        found = name_lexicon.attested_spelling(_MARKS.sub("", written), party)
        if found:
            return found
    return _vowel_restored(mine, party)


def listed_spelling(word: str, party: str | None = None) -> str:
    """A foreign name word as people are attested to spell it in Latin letters
    (name_lexicon: «ورتانن» -> "Virtanen"), else as it sounds letter by letter
    (foreign_spelling: "Wrtan")."""
    bare = _MARKS.sub("", word)
    return name_lexicon.attested_spelling(bare, party) or foreign_spelling(bare, party)


def _same_word(latin: str, written: str) -> bool:
    """Whether the model's Latin word is the original's Arabic-script word: their consonants
    agree (at least _WORD_MATCH) and number the same, give or take one ("Costa" is «کوستا»;
    "Bianandelli", two more, is not «بيلاندي», Bellandi; "Sanitayo", two fewer, is not
    «سانتياغو», Santiago)."""
    mine, theirs = skeleton(latin), skeleton(written)
    return fuzz.ratio(mine, theirs) >= _WORD_MATCH and abs(len(mine) - len(theirs)) <= 1


#: How closely a model's word must spell an original word to be kept when the model's name
#: has fewer words than the original's (it was not paired word for word).
_KEPT_WORD_MATCH = 80


def spell_with_model(written: str, name: str, party: str | None = None) -> str:
    """The original's name ``written``, word by word: in the model's spelling where one of its
    words, taken in order, has the same consonants (at least _KEPT_WORD_MATCH: "Thanh" for
    «ثانه», not "Dov" for «دو»), else spelt from the original (spell_word)."""
    mine = normalize.canonical_person(name).split()
    out: list[str] = []
    for word in written.split():
        theirs = skeleton(word)
        kept = next(
            (
                i
                for i, m in enumerate(mine)
                if theirs and fuzz.ratio(skeleton(m), theirs) >= _KEPT_WORD_MATCH
            ),
            None,
        )
        if kept is None:
            out.append(spell_word(word, party))
        else:
            out.append(_kept_or_listed(mine[kept], word, party))
            mine = mine[kept + 1 :]
    return " ".join(out)


def spell_foreign(
    original: str, start: int, end: int, name: str, party: str | None = None
) -> NameInText | None:
    """Where original[start:end] writes the person the model calls ``name`` (a name that is
    not Arabic by origin), and that name spelt word by word: a word of the model's whose
    consonants agree with the original's word is kept ("Costa"), one that does not is
    spelt from the original ("Robert" for «ماریانا» -> "Mariana"), in the spelling of the
    party's language (foreign_spelling); a kept word that starts with two consonants where
    that language starts none so gets its short vowel back ("Slim" -> "Salim" for Türkiye).
    None when the original's words and the model's cannot be paired one to one."""
    words = list(_WORD.finditer(original, start, end))
    wanted = normalize.canonical_person(name).split()
    # as many words as the model's name first: «لورينزو بيلاندي اليوم» ("Lorenzo Bellandi
    # today") must not outscore «لورينزو بيلاندي» for "Lorenzo Bianandelli"
    found = _best_run(words, " ".join(wanted), (len(wanted),)) or _best_run(words, " ".join(wanted))
    if found is None:
        return None
    score, first, last = found
    # widen to as many words as the model's name has, over words that are not titles
    while last - first < len(wanted):
        if last < len(words) and not not_name(words[last].group()):
            last += 1
        elif first > 0 and not not_name(words[first - 1].group()):
            first -= 1
        else:
            return None
    if last - first != len(wanted):
        return None
    # the model's last word may be the original's last two run together («سالم ماكامي» as
    # "Samakami"): the name runs on to the second, and the last word is spelt from both
    if _runs_on(words, last, wanted[-1]):
        last += 1
        wanted = [*wanted[:-1], "", ""]
    spelt = []
    for mine, theirs in zip(wanted, words[first:last], strict=True):
        keep = _same_word(mine, theirs.group())
        spelt.append(
            _kept_or_listed(mine, theirs.group(), party)
            if keep
            else listed_spelling(theirs.group(), party)
        )
    s, e = words[first].start(), words[last - 1].end()
    if original[s:e].count("\n"):
        return None
    return NameInText(s, e, original[s:e], " ".join(spelt), score)


def _runs_on(words: list[re.Match[str]], last: int, model_word: str) -> bool:
    """Whether the name found before ``words[last]`` runs on to it: that word is a name's,
    in the same phrase, and the model's last word's consonants are the last two words'
    together rather than the last one's ("Samakami": «سالم ماكامي», not «سالم»)."""
    if last >= len(words) or not_name(words[last].group()):
        return False
    before, word = words[last - 1], words[last]
    if _SPACES.fullmatch(word.string, before.end(), word.start()) is None:
        return False
    mine = skeleton(model_word)
    alone = fuzz.ratio(mine, skeleton(before.group()))
    together = fuzz.ratio(mine, skeleton(before.group()) + skeleton(word.group()))
    return together >= MATCH and together > alone + 20


def _best_run(
    words: list[re.Match[str]], name: str, sizes: Iterable[int] = range(1, 5)
) -> tuple[float, int, int] | None:
    """(score, first, end) of the run of one to four words (or of ``sizes`` words) whose
    consonants best match ``name`` (at least MATCH)."""
    wanted = skeleton(name)
    if not wanted:
        return None
    best: tuple[float, int, int] | None = None
    # «أمين عام وزارة الخارجية»: a title (Secretary-General) opens there, not the name Amin
    opens_title = [titles.title_starts(w.string, w.start()) for w in words]
    for size in sizes:
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if opens_title[i] or any(not_name(w.group()) for w in run):
                continue
            if any(  # one phrase: not across «۔», "." or a comma («... کیا۔ انہوں»)
                _SPACES.fullmatch(w.string, a.end(), w.start()) is None
                for a, w in itertools.pairwise(run)
            ):
                continue
            score = fuzz.ratio(skeleton(" ".join(w.group() for w in run)), wanted)
            if score >= MATCH and (best is None or score > best[0]):
                best = (score, i, i + size)
    return best


def find_name(
    original: str, start: int, end: int, name: str, party: str | None
) -> NameInText | None:
    """Where original[start:end] (a delegation's paragraph) writes the person the model calls
    ``name``: the run of one to four words whose consonants best match it (at least MATCH),
    widened by attested name words on either side (a given name the translation dropped),
    with its Latin spelling; None when no run matches."""
    words = list(_WORD.finditer(original, start, end))
    found = _best_run(words, normalize.canonical_person(name))
    if found is None:
        return None
    score, first, last = found
    country = _alpha2(party)

    def joined(left: int, right: int) -> bool:
        """Words ``left`` and ``right`` are one phrase: only spaces between them (not "." or
        a line break, after which «وأكد», an attested word, opens the next sentence)."""
        return _SPACES.fullmatch(original, words[left].end(), words[right].start()) is not None

    while (
        first > 0
        and last - first < 5
        and joined(first - 1, first)
        and _attested(words[first - 1].group(), country)
    ):
        first -= 1
    while (
        last < len(words)
        and last - first < 5
        and joined(last - 1, last)
        and _attested(words[last].group(), country)
        and not titles.title_starts(original, words[last].start())  # «مساعد وزير الخارجية»
    ):
        last += 1
    s, e = words[first].start(), words[last - 1].end()
    if original[s:e].count("\n"):
        return None
    return NameInText(s, e, original[s:e], romanize(original[s:e], party, name), score)
