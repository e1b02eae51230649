"""Latin spellings people are attested to use, for a foreign name written in Arabic script.

Arabic and Urdu script leave short vowels out and write several Latin letters alike, so a
Finnish, Kenyan or Vietnamese name spelt letter by letter comes out garbled ("Wrtan" for
«ورتانن», Virtanen; "Tnoir" for «تنویر», Tanvir). ``names-dataset`` (philipperemy, Apache
2.0) lists about 1.7 million first and last names with their rank in each of 105 countries.
A written word is looked up by its consonants (the letters both scripts write), then the
candidates that spell every written letter (a vowel letter where it writes one, a short vowel
only between letters) are ranked: those common in the person's country first.

The dataset is two pickles of about 1.5 GB in memory; the names ranked in the top
``MAX_RANK`` of some country are indexed once (``python -m summarizer.name_lexicon``, which
``make setup`` runs; else on first use) into a SQLite file beside the installed packages
(about 30 s, 30 MB), which lookups then read without loading anything.
"""

from __future__ import annotations

import fcntl
import itertools
import logging
import os
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pycountry

from .config import default_cache_dir

log = logging.getLogger(__name__)

#: A candidate that spells a letter by a rare value («ا» as e, س as z) counts its rank this
#: many times over.
LOOSE = 5
#: Bumped when the index's content or layout changes (the file name carries it).
INDEX_VERSION = 1
#: A name is indexed when some country ranks it this high or higher.
MAX_RANK = 5000

_NAME = re.compile(r"^[^\W\d_]+$")

# ---- consonant keys ------------------------------------------------------------------------

#: Latin letter groups as the consonant they write ("sch" and "sh" are one sound).
_LATIN_GROUPS = (
    ("sch", "X"), ("tch", "C"), ("sh", "X"), ("ch", "C"), ("kh", "K"), ("gh", "G"),
    ("th", "T"), ("dh", "T"), ("ph", "F"), ("ck", "K"), ("qu", "K"), ("zh", "J"),
    ("ts", "S"), ("tz", "S"), ("dz", "J"), ("dj", "J"), ("x", "KS"),
)  # fmt: skip
_LATIN_LETTERS = {
    "b": "B", "p": "B", "t": "T", "d": "T", "s": "S", "z": "S", "k": "K", "q": "K", "g": "G",
    "j": "J", "f": "F", "v": "F", "l": "L", "r": "R", "m": "M", "n": "N",
}  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")

#: Arabic-script letters as the consonant they write; a letter missing here writes a vowel
#: or nothing a Latin spelling keeps (ا و ی ه ح ع ء).
_SCRIPT_LETTERS = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ٹ": "T", "د": "T", "ڈ": "T", "ض": "T",
    "ث": "S", "س": "S", "ص": "S", "ز": "S", "ذ": "S", "ظ": "S", "ک": "K", "ك": "K", "ق": "K",
    "خ": "K", "گ": "G", "غ": "G", "ج": "J", "چ": "C", "ش": "X", "ژ": "J", "ف": "F", "ڤ": "F",
    "ل": "L", "ر": "R", "ڑ": "R", "م": "M", "ن": "N", "ں": "N",
}  # fmt: skip
#: Letters that write a second consonant in some names (Arabic ج and ق for g, ش for a
#: Turkish ş a name list spells s).
_SCRIPT_ALTERNATIVES = {"J": "G", "K": "G", "X": "S"}


#: Letters whose sound a plain ASCII fold would lose (Turkish ç and ş).
_SOUNDED = str.maketrans({"ç": "ch", "ş": "sh", "Ç": "Ch", "Ş": "Sh"})


def fold(name: str) -> str:
    """Lowercase ASCII letters of a name as they sound ("Iñaki" -> "inaki", "Şahin" ->
    "shahin")."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SOUNDED).casefold())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def _collapse(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


def _key(latin: str) -> str:
    return _collapse("".join(_LATIN_LETTERS.get(ch, ch if ch.isupper() else "") for ch in latin))


def latin_keys(name: str) -> set[str]:
    """The consonant keys of a Latin name: its consonants by sound, vowels, h, w and y left
    out, a doubled consonant once; with a v, a key without it too (Urdu writes v as the
    vowel letter و), with a hard c, a key with it as j (Turkish "Karaca", «قراجہ»)."""
    latin = fold(name)
    for group, key in _LATIN_GROUPS:
        latin = latin.replace(group, key)
    latin = _SOFT_C.sub("s", latin)
    variants = {latin.replace("c", "k")}
    if "c" in latin:
        variants.add(latin.replace("c", "j"))
    variants |= {v.replace("v", "") for v in variants if "v" in v}
    return {key for key in map(_key, variants) if key}


def script_keys(word: str) -> set[str]:
    """The consonant keys an Arabic-script word may write: its consonant letters by sound,
    «تش» also as ch, ج and ق also as g."""
    key = "".join(_SCRIPT_LETTERS.get(ch, "") for ch in word)
    keys = {key, key.replace("TX", "C")}
    for letter, other in _SCRIPT_ALTERNATIVES.items():
        keys |= {k.replace(letter, other) for k in keys if letter in k}
    return {_collapse(k) for k in keys if k}


# ---- the written word as a pattern of Latin letters ------------------------------------------

_VOWEL = "[aeiou]"
#: What each letter may be in Latin, short vowels aside: the usual values (STRICT) and
#: rarer ones (LOOSE: «ا» for e or o, «ت» for d), tried when no name has the usual ones.
_STRICT = {
    "ا": "(?:a|aa)", "آ": "(?:a|aa)", "أ": "(?:a|e|o|u|i)", "إ": "(?:i|e)",
    "ب": "(?:b|bb)", "پ": "(?:p|pp)", "ت": "(?:t|tt|th)", "ٹ": "(?:t|tt)", "ط": "(?:t|tt)",
    "ث": "(?:s|th)", "ج": "(?:j|g|dj|zh|c)", "چ": "(?:ch|c|tch|cz|cs)", "تش": "(?:ch|tch|tsh|tx)",
    "ح": "h?", "خ": "(?:kh|h|x|ch|j)", "د": "(?:d|dd|dh)", "ڈ": "(?:d|dd)",
    "ذ": "(?:z|dh|th|d)", "ر": "(?:r|rr)", "ڑ": "(?:r|rr)", "ز": "(?:z|zz|s)",
    "ژ": "(?:zh|j|g)", "س": "(?:s|ss|c)", "ص": "(?:s|ss)", "ش": "(?:sh|sch|ch|x|sz)",
    "ض": "(?:d|dh|z)", "ظ": "(?:z|dh)", "ع": "", "غ": "(?:gh|g|gu)", "ف": "(?:f|ff|v|ph)",
    "ڤ": "v", "ق": "(?:q|qu|k|c)", "ک": "(?:k|c|ck|q|ch|kh)", "ك": "(?:k|c|ck|q|ch|kh)",
    "گ": "(?:g|gu|gh)", "ل": "(?:l|ll)", "م": "(?:m|mm)", "ن": "(?:n|nn)", "ں": "n?",
    "ه": "(?:h|a|e)?", "ہ": "(?:h|a|e)?", "ھ": "h?", "ة": "(?:a|ah|at|e)", "ء": "",
    "ئ": "(?:i|e|y)?", "ؤ": "(?:o|u|w)", "و": "(?:[wv][aeiou]?|o|u|ou|oo|ow|uw)",
    "ی": "(?:y|i|e|ee|ie|ey|ei|ye|yi)", "ي": "(?:y|i|e|ee|ie|ey|ei|ye|yi)",
    "ے": "(?:e|ai|ay|ey)", "ى": "(?:a|i|e|y)",
}  # fmt: skip
_LOOSE = {
    "ا": "(?:a|aa|e|o|i)", "ب": "(?:b|bb|p)", "ت": "(?:t|tt|th|d)", "د": "(?:d|dd|dh|t)",
    "ج": "(?:j|g|dj|dzh|zh|y|c)", "ز": "(?:z|zz|s|ss)", "س": "(?:s|ss|c|z|sz)", "ژ": "(?:zh|j|g|s)",
    "ش": "(?:sh|sch|ch|s|x|sz)", "غ": "(?:gh|g|r)", "ف": "(?:f|ff|v|ph|w)",
    "ق": "(?:q|qu|k|g|c)", "و": "(?:w|v|o|u|ou|oo|ow|uw|au|wa|wo|ue|ua)",
    "ی": "(?:y|i|e|ee|ie|ey|ai|ay|ei|ye|ya|yi|yo|yu)", "ي": "(?:y|i|e|ee|ie|ey|ai|ay|ei|ye|ya|yi)",
}  # fmt: skip
_SCRIPT_VOWELS = frozenset("اآأإوؤیيےى")
#: A first alif before «و» or «ی» only carries that vowel («اوتینو» Otieno, «إيناكي» Iñaki).
_CARRIER = re.compile("^[اأإ](?=[وؤیي])")


def _units(word: str) -> list[str]:
    """The word's letters, «تش» (ch) as one."""
    out: list[str] = []
    for ch in _CARRIER.sub("", word):
        if out and out[-1] == "ت" and ch == "ش":
            out[-1] = "تش"
        else:
            out.append(ch)
    return out


def script_pattern(
    word: str, *, loose: bool = False, j_as_y: bool = False
) -> re.Pattern[str] | None:
    """A pattern of the Latin spellings of ``word``: each letter as one of its Latin values,
    a short vowel (which the script leaves out) allowed after a consonant letter and after a
    first «و» or «ی» (consonants there: «وکرما» Wickrama), an initial «ہ» an h, the final
    vowel optional; None when a letter is not one this module reads."""
    units = _units(word)
    parts: list[str] = []
    for i, unit in enumerate(units):
        latin = (loose and _LOOSE.get(unit)) or _STRICT.get(unit)
        if latin is None:
            return None
        if i == 0 and unit in "هہ":
            latin = "h"
        elif i == 0 and unit in "یي" and j_as_y:
            latin = f"(?:j|{latin[3:-1]})"  # Juhani, Jukka: a j that sounds y
        elif i == 0 and unit == "ا":
            latin = "(?:a|e|i|o)"  # a first alif carries any short vowel («الینا» Elina)
        parts.append(latin)
        nxt = units[i + 1] if i + 1 < len(units) else ""
        consonant = unit not in _SCRIPT_VOWELS or (i == 0 and unit in "وی")
        if consonant and nxt not in _SCRIPT_VOWELS:
            parts.append(f"{_VOWEL}?")
    return re.compile("".join(parts) + f"{_VOWEL}?")


# ---- the index -------------------------------------------------------------------------------


def index_path() -> Path:
    """SUMMARIZER_NAMES_INDEX, else beside the installed packages (it is derived from one of
    them: ``<prefix>/share/summarizer/``), else in the cache directory when that prefix is
    not writable."""
    if os.environ.get("SUMMARIZER_NAMES_INDEX"):
        return Path(os.environ["SUMMARIZER_NAMES_INDEX"])
    file = f"names-v{INDEX_VERSION}-{MAX_RANK}.sqlite3"
    beside = Path(sys.prefix) / "share" / "summarizer" / file
    folder = next(p for p in (beside.parent, *beside.parents) if p.exists())
    if beside.exists() or os.access(folder, os.W_OK):
        return beside
    return default_cache_dir() / "names" / file


def _dataset_rows() -> Iterator[tuple[str, str, str, int]]:
    """(key, name, country, rank) for every name some country ranks within MAX_RANK."""
    import gzip
    import pickle
    from importlib.resources import files

    folder = files("names_dataset") / "v3"
    for part in ("first_names.pkl.gz", "last_names.pkl.gz"):
        with (folder / part).open("rb") as raw, gzip.open(raw) as stream:
            table = pickle.load(stream)
        for name, info in table.items():
            ranks = {c: r for c, r in info.get("rank", {}).items() if r <= MAX_RANK}
            if not ranks or not _NAME.match(name) or len(fold(name)) != len(name):
                continue  # not a name in Latin letters ("Sïngłē": ł has no ASCII letter)
            for key in latin_keys(name):
                for country, rank in ranks.items():
                    yield key, name, country, rank
        del table


def build_index(path: Path | None = None) -> Path:
    """Write the index unless it exists: atomically (a half-built file is never read), and
    once when several processes want it (a file lock)."""
    path = path or index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return path
        log.warning("indexing the names of names-dataset once, into %s (about 30 s)", path)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        db = sqlite3.connect(partial)
        try:
            db.execute("CREATE TABLE names (key TEXT, name TEXT, country TEXT, rank INTEGER)")
            db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", _dataset_rows())
            db.execute("CREATE INDEX by_key ON names (key)")
            db.commit()
        finally:
            db.close()
        os.replace(partial, path)
    return path


_CONNECTIONS: dict[int, sqlite3.Connection] = {}


def _connection() -> sqlite3.Connection:
    """This process's read-only connection (a forked worker opens its own)."""
    pid = os.getpid()
    if pid not in _CONNECTIONS:
        path = build_index()
        _CONNECTIONS[pid] = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return _CONNECTIONS[pid]


def _alpha2(code: str | None) -> str | None:
    country = pycountry.countries.get(alpha_3=code) if code and len(code) == 3 else None
    return country.alpha_2 if country else None


#: Countries whose names write a y sound as j (Juhani, Jukka, Jørgen, Jan, Jurij).
_J_AS_Y = frozenset(
    {
        "FIN", "EST", "SWE", "NOR", "DNK", "ISL", "DEU", "AUT", "CHE", "NLD", "POL", "CZE",
        "SVK", "SVN", "HRV", "SRB", "BIH", "MNE", "HUN", "LVA", "LTU",
    }
)  # fmt: skip


@lru_cache(maxsize=4096)
def attested_spelling(word: str, party: str | None = None) -> str | None:
    """The Latin spelling of an Arabic-script name word that people are attested to use and
    that spells each of its letters («ورتانن» -> "Virtanen" for Finland): of the candidates
    sharing its consonants, one ranked in the party's country before one ranked elsewhere,
    then the highest ranked, a rank through a rare letter value counting LOOSE times lower;
    None when no attested name spells it."""
    keys = script_keys(word)
    if not keys or (len(word) < 4 and not set(word) & _SCRIPT_VOWELS):
        return None  # «من»: Man, Min, Minh, Mon... the script does not say which
    # where j sounds y, a first «ی» may be a j («یوہانی», Finland's Juhani)
    j_as_y = party in _J_AS_Y and _CARRIER.sub("", word)[:1] in ("ی", "ي")
    if j_as_y:
        keys |= {"J" + k for k in keys}
    marks = ",".join("?" * len(keys))
    rows = (
        _connection()
        .execute(
            f"SELECT name, country, rank FROM names WHERE key IN ({marks})",
            sorted(keys),
        )
        .fetchall()
    )
    country = _alpha2(party)
    patterns = [script_pattern(word, j_as_y=j_as_y), script_pattern(word, loose=True)]
    best: dict[str, tuple[int, int]] = {}
    native: set[str] = set()
    for name, where, rank in rows:
        folded = fold(name)
        tier = next((i for i, p in enumerate(patterns) if p and p.fullmatch(folded)), None)
        if tier is None:
            continue
        # ranked in the party's country first, then by rank, a rare letter value counting it
        # LOOSE times lower (Brazil's Beatriz, «بياتريس», over its rarer Beatris)
        cost = (0 if where == country else 1, rank * (LOOSE if tier else 1))
        best[name] = min(cost, best.get(name, cost))
        if where == country:
            native.add(name)
    if not best:
        return None
    chosen = fold(min(best, key=lambda n: (best[n], n)))
    # of its spellings ("Olof", Icelandic "Ólöf"), the one the party's country ranks, else
    # the one without accents
    spellings = sorted(
        (n for n in best if fold(n) == chosen),
        key=lambda n: (n not in native, not n.isascii(), best[n], n),
    )
    return spellings[0]


@lru_cache(maxsize=4096)
def listed(name: str) -> bool:
    """Whether a Latin name word is one the index lists ("Gloria"; not "Faldiso")."""
    keys = latin_keys(name)
    if not keys:
        return False
    marks = ",".join("?" * len(keys))
    rows = _connection().execute(
        f"SELECT DISTINCT name FROM names WHERE key IN ({marks})",
        sorted(keys),
    )
    folded = fold(name)
    return any(fold(found) == folded for (found,) in rows)


if __name__ == "__main__":  # make setup: build the index now, not in the first article
    print(build_index())


# ---- foreign names written in Chinese characters ---------------------------------------------

#: A pinyin initial as the Latin consonants it transliterates (贝 bei is "be" or "ve", 拉 la
#: "la" or "ra", 奇 qi "chi" or "ki"), as consonant keys and as letters.
_PINYIN_INITIALS: dict[str, tuple[tuple[str, ...], str]] = {
    "b": (("B", "F"), "(?:b|v|p)"), "p": (("B",), "(?:p|b)"), "m": (("M",), "m"),
    "f": (("F",), "(?:f|v|ph)"), "d": (("T",), "(?:d|t)"), "t": (("T",), "(?:t|th|d)"),
    "n": (("N",), "n"), "l": (("L", "R"), "(?:l|r|ll|rr)"), "g": (("G", "K"), "(?:g|gu|gh|k|c)"),
    "k": (("K", "G"), "(?:k|c|ck|q|ch|kh)"), "h": (("", "K", "J"), "(?:h|kh|ch|j)"),
    "j": (("J", "G"), "(?:j|g|dj|z|y)"), "q": (("C", "K"), "(?:ch|c|k|q|tch|ts)"),
    "x": (("S", "X"), "(?:s|sh|x|ss|c|z)"), "zh": (("J", "S", "C"), "(?:z|j|g|s|ch|zz)"),
    "ch": (("C", "X"), "(?:ch|c|tch|sh|k)"), "sh": (("X", "S"), "(?:sh|s|ch|sch|ss)"),
    "r": (("R", "L"), "(?:r|l|rr)"), "z": (("S", "J"), "(?:z|s|tz|ts|dz)"),
    "c": (("S", "C"), "(?:ts|tz|c|s|z)"), "s": (("S",), "(?:s|ss|c|z|th)"),
    "y": (("",), "(?:y|i|j)?"), "w": (("", "F"), "(?:w|v|u|o)?"), "": (("",), ""),
}  # fmt: skip
#: A pinyin final as the Latin vowels (and nasal) it transliterates; the vowels of 斯 si,
#: 德 de, 夫 fu are often not written in Latin (s, d, v), so those may be empty.
_PINYIN_FINALS = {
    "a": "(?:a|e)", "o": "(?:o|u|a)?", "e": "(?:e|a|i|o)?", "i": "(?:i|y|e|ee|ie)?",
    "u": "(?:u|o|ou|oo)?", "v": "(?:u|y|ü)", "ai": "(?:ai|a|ay|e|ei|i)",
    "ei": "(?:ei|e|ey|ay|a|i|ai)", "ao": "(?:ao|o|au|aw)", "ou": "(?:o|ou|u|ow|oo)",
    "an": "(?:an|ann|am|a|en|on)", "en": "(?:en|an|in|n|em|on|un)",
    "ang": "(?:ang|an|a|am|ong|on)", "eng": "(?:eng|en|in|ing|an|ang)",
    "ong": "(?:ong|on|un|ung|om|o)", "ia": "(?:ia|ya|ea|a|iya|ja|ie)", "ie": "(?:ie|ye|e|ier|ee)",
    "iao": "(?:iao|yo|io|iau|eo)", "iu": "(?:iu|yu|u|io|iou|eu)",
    "ian": "(?:ian|yan|en|ien|an|in|ean)",
    "in": "(?:in|en|im|n|yn|ine|ien)", "iang": "(?:iang|yang|ian|yan|ean)",
    "ing": "(?:ing|in|en|ine|yn|inn)", "iong": "(?:iong|yong|ion)", "ua": "(?:ua|wa|a|oa)",
    "uo": "(?:uo|o|wo|ou|u)", "uai": "(?:uai|wai|uay)", "ui": "(?:ui|wi|ue|ve|vi|wei|i|uy|e)",
    "uan": "(?:uan|wan|an|on|oan|uen)", "un": "(?:un|on|en|oon|uen|in)",
    "uang": "(?:uang|wang|an|uan)", "ue": "(?:ue|ye|e)",
}  # fmt: skip
_PINYIN = re.compile(r"(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]?)([a-z]*)$")
#: At most this many consonant keys are looked up for one written word.
_MAX_KEYS = 512


def _syllables(word: str) -> list[tuple[str, str]] | None:
    """(initial, final) of each character's pinyin; None for a character that has none."""
    from anyascii import anyascii

    out: list[tuple[str, str]] = []
    for ch in word:
        found = _PINYIN.match(anyascii(ch).casefold())
        if found is None or not found.group(0):
            return None
        initial, final = found.groups()
        if final == "" and initial in ("m", "n"):  # 姆 m, 恩 n
            final = "u"
        out.append((initial, final))
    return out


def chinese_keys(word: str) -> set[str]:
    """The consonant keys a name written in Chinese characters may transliterate (a nasal
    final n or ng may be the next syllable's m, n or nothing: 姆旺巴 Mwamba)."""
    options: list[list[str]] = []
    for initial, final in _syllables(word) or []:
        heads = _PINYIN_INITIALS.get(initial, (("",), ""))[0]
        if final == "er":
            heads = ("R", "L")  # 尔: 米格尔 Miguel, 席尔瓦 Silva
        tails = (
            ("", "N", "NG") if final.endswith("ng") else ("", "N") if final.endswith("n") else ("",)
        )
        options.append([h + t for h in heads for t in tails])
    keys = set()
    for combo in itertools.islice(itertools.product(*options), _MAX_KEYS):
        key = _collapse("".join(combo).replace("NG", "NG"))
        if key:
            keys.add(key)
    return keys


def chinese_pattern(word: str) -> re.Pattern[str] | None:
    """The Latin spellings a name written in Chinese characters may transliterate: each
    character's consonant and vowel as they may be spelt (_PINYIN_INITIALS, _PINYIN_FINALS;
    尔 as r or l)."""
    syllables = _syllables(word)
    if not syllables:
        return None
    parts = []
    for initial, final in syllables:
        if final == "er":
            parts.append("(?:[aeiou]?(?:r+|l)e?)")
            continue
        letters = _PINYIN_INITIALS.get(initial, (("",), ""))[1]
        vowels = _PINYIN_FINALS.get(final)
        if vowels is None:
            return None
        if not letters.strip("()?:") and vowels.endswith("?"):
            vowels = vowels[:-1]  # a syllable without its consonant writes its vowel
        parts.append(letters + vowels)
    return re.compile("".join(parts))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(c for (c,) in _connection().execute("SELECT DISTINCT country FROM names"))


@lru_cache(maxsize=1024)
def chinese_spelling(word: str, party: str | None) -> str | None:
    """The Latin spelling of a foreign name word written in Chinese characters (贝拉斯科 ->
    "Velasco" for the Philippines): of the names whose letters the characters transliterate,
    one the party's country ranks before one ranked elsewhere, then the highest ranked; None
    for a party whose country the list does not cover (the characters fit too many names to
    pick one without it)."""
    country = _alpha2(party)
    pattern = chinese_pattern(word)
    keys = sorted(chinese_keys(word))
    if country not in _countries() or pattern is None or not keys or len(word) < 2:
        return None
    best: dict[str, tuple[bool, int]] = {}
    for i in range(0, len(keys), 200):
        chunk = keys[i : i + 200]
        marks = ",".join("?" * len(chunk))
        rows = _connection().execute(
            f"SELECT name, country, rank FROM names WHERE key IN ({marks})", chunk
        )
        for name, where, rank in rows:
            if pattern.fullmatch(fold(name)):
                cost = (where != country, rank)
                best[name] = min(cost, best.get(name, cost))
    if not best:
        return None
    chosen = fold(min(best, key=lambda n: (best[n], n)))
    return min((n for n in best if fold(n) == chosen), key=lambda n: (not n.isascii(), best[n], n))
