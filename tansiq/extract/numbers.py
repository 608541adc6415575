"""Numbers in English and French text: digits with any thousands separator, and number words."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS_EN = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
UNITS_EN += " fifteen sixteen seventeen eighteen nineteen"
TENS_EN = "twenty thirty forty fifty sixty seventy eighty ninety"
UNITS_FR = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"
UNITS_FR += " quinze seize"
TENS_FR = "vingt trente quarante cinquante soixante"
WORDS: dict[str, int] = {w: i for i, w in enumerate(UNITS_EN.split())}
WORDS |= {w: (i + 2) * 10 for i, w in enumerate(TENS_EN.split())}
WORDS |= {w: i for i, w in enumerate(UNITS_FR.split())} | {"une": 1}
WORDS |= {w: (i + 2) * 10 for i, w in enumerate(TENS_FR.split())} | {"vingts": 20}
MULTIPLIERS = {"hundred": 100, "cent": 100, "cents": 100}
SCALES = {"thousand": 1000, "mille": 1000, "million": 10**6, "millions": 10**6}
SCALES |= {"billion": 10**9, "billions": 10**9, "milliard": 10**9, "milliards": 10**9}
JOINERS = {"and", "et"}
ARTICLES = {"un", "une", "one"}

_WORD = "|".join(sorted(list(WORDS) + list(MULTIPLIERS) + list(SCALES), key=len, reverse=True))
WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:{_WORD})(?:(?:[\s-]+(?:and\s+|et\s+)?|-et-)(?:{_WORD}))*(?![\w-])",
    re.IGNORECASE,
)
_SEP = r"[,\s\u00a0\u202f.']"
DIGITS = re.compile(
    rf"(?<![\w.,-])\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?(?![\w-]|[.,]\d)"
    rf"|(?<![\w.,-])\d+(?:[.,]\d+)?(?![\w-]|[.,]\d)"
    rf"(?:\s+(?:million|millions|billion|milliards?|thousand))?",
    re.IGNORECASE,
)
SCALE_SUFFIX = re.compile(r"\s+(million|millions|billion|milliards?|thousand)$", re.IGNORECASE)


@dataclass(frozen=True)
class NumberSpan:
    """A number found in text, its value and character span."""

    value: float
    start: int
    end: int
    words: bool


def parse_digits(text: str, lang: str = "en") -> float | None:
    """'2,009', '2 009', '2.009' (fr), '1.5 million', '2,5' (fr) as a number."""
    scale = 1
    suffix = SCALE_SUFFIX.search(text)
    if suffix:
        word = suffix.group(1).lower()
        scale = SCALES.get(word, SCALES.get(word.rstrip("s"), 1))
        text = text[: suffix.start()]
    body = re.sub(r"[\s\u00a0\u202f']", "", text)
    decimal = "," if lang == "fr" else "."
    thousands = "." if lang == "fr" else ","
    if re.fullmatch(rf"\d{{1,3}}(\{thousands}\d{{3}})+(\{decimal}\d+)?", body):
        body = body.replace(thousands, "")
    body = body.replace(decimal, ".")
    try:
        return float(body) * scale
    except ValueError:
        return None


def parse_words(text: str) -> float | None:
    """'fifty-five', 'two hundred and five', 'quatre-vingt-dix', 'deux mille' as a number."""
    total = current = 0
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t not in JOINERS]
    if not tokens:
        return None
    for token in tokens:
        if token in MULTIPLIERS:
            current = max(current, 1) * 100
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0
        elif token in ("vingt", "vingts") and current % 100 == 4:
            current += 76
        elif token in WORDS:
            current += WORDS[token]
        else:
            return None
    return float(total + current)


def find_numbers(text: str, lang: str = "en") -> list[NumberSpan]:
    """All numbers in ``text``, digits and words, in order; a lone 'one', 'un' or 'une' is not."""
    found = [
        NumberSpan(value, m.start(), m.end(), False)
        for m in DIGITS.finditer(text)
        if (value := parse_digits(m.group(0), lang)) is not None
    ]
    taken = [(n.start, n.end) for n in found]
    for m in WORD_NUMBER.finditer(text):
        if m.group(0).lower() in ARTICLES or (value := parse_words(m.group(0))) is None:
            continue
        if any(s <= m.start() < e for s, e in taken):
            continue
        found.append(NumberSpan(value, m.start(), m.end(), True))
    return sorted(found, key=lambda n: n.start)
