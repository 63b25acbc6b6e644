"""The scanner shared by the quantity parsers: digits in any script, a folded twin of the text, word tokens.

In:  a text span, its offset in ``Document.text`` and its language (or None).
Out: ``Scan``: the text, ``norm`` (ASCII digits), ``low`` (folded, same length), word tokens, the spans
     already taken by a parser and the ``Quantity`` records found so far.
Holds: every derived string has the length of the text, so a match in any of them is a span of the text.
Used by ``dates``, ``numerals`` and ``number_words``; ``quantities.extract`` runs them in order.
"""
from __future__ import annotations

import math
import re

from . import lexicon as lx
from .types import Quantity

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def ascii_digits(text: str) -> str:
    """Map Arabic-Indic and Urdu/Persian digits to ASCII. Length-preserving (offsets hold)."""
    return text.translate(_DIGITS)


_MARK_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")


def same_length_fold(text: str) -> str:
    """Lower case, digits ASCII, Arabic marks as tatweel, alef forms unified; same length as text."""
    out = []
    for ch in ascii_digits(text):
        if _MARK_RE.match(ch):
            out.append("\u0640")
            continue
        low = ch.lower()
        if len(low) != 1:
            low = ch
        out.append(low.translate(lx._FOLD))
    return "".join(out)



NUM = r"\d{1,3}(?:[,٬،]\d{3})+(?:[.٫]\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.٫,]\d+)?"
NUM_NO_SPACE = r"\d{1,3}(?:[,٬،]\d{3})+(?:[.٫]\d+)?|\d+(?:[.٫,]\d+)?"
B = r"(?<![\w.,٫٬/-])"  # no word/number glued on the left
E = r"(?![\w]|[.,٫٬/:-]\d)"  # nor on the right
DASH = r"\s*[-–—]\s*"
WORD_RE = re.compile(r"[^\W\d_]+(?:\.(?=[^\W\d_]\.))?")


def to_float(s: str) -> float | None:
    s = s.replace("٬", ",").replace("،", ",").replace("٫", ".").replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?: \d{3})+", s):
        s = s.replace(" ", "")
    elif re.fullmatch(r"\d+,\d{1,2}", s):
        s = s.replace(",", ".")
    elif "," in s or " " in s:
        return None
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def decimals(raw: str) -> int:
    m = re.search(r"[.٫,](\d{1,2})$", raw) if not re.fullmatch(r"\d{1,3}(?:[,٬]\d{3})+", raw) else None
    if m and not re.fullmatch(r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?", raw):
        return len(m.group(1))
    m = re.search(r"[.٫](\d+)$", raw)
    return len(m.group(1)) if m else 0



_GLUED_WAW = re.compile(r"(?<![\w])و(?=\d)")
_PROCLITIC_TATWEEL = re.compile(r"(?<![\w])(?:ال|[وبلفك])\u0640+(?=\d)")


def _blank_proclitics(text: str) -> str:
    """"و38" and "بـ11": an Arabic conjunction or proclitic glued to digits becomes spaces (same length)."""
    return _PROCLITIC_TATWEEL.sub(lambda m: " " * len(m.group()), _GLUED_WAW.sub(" ", text))


class Scan:
    """One extraction: the text, its folded twin, word tokens, and the spans already taken."""

    def __init__(self, text: str, offset: int, lang: str | None):
        self.text = text
        self.offset = offset
        self.lang = lang if lang in lx.LANGS else None
        # "و38": the Arabic conjunction glued to a number is read as a space (same length); so is a
        # proclitic written with a tatweel before it ("بـ11 سبتمبر": "on 11 September", "لـ2018")
        self.norm = _blank_proclitics(ascii_digits(text))
        self.low = _blank_proclitics(same_length_fold(text))
        self.low_waw = same_length_fold(text)  # "بين 14 و29": the glued و kept, for ranges
        self.taken = bytearray(len(text))
        self.found: list[Quantity] = []
        self.words = [(m.start(), m.end(), m.group().replace("\u0640", "")) for m in WORD_RE.finditer(self.low)]
        self.word_at = {s: i for i, (s, _, _) in enumerate(self.words)}
        self.word_end = {e: i for i, (_, e, _) in enumerate(self.words)}

    def free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def take(self, a: int, b: int) -> None:
        self.taken[a:b] = b"\x01" * (b - a)

    def add(self, kind: str, a: int, b: int, **kw) -> None:
        self.take(a, b)
        self.found.append(Quantity(kind, self.text[a:b], self.offset + a, self.offset + b, **kw))

    # -- tokens around a position
    def next_word(self, pos: int, max_gap: int = 2) -> int | None:
        """Index of the first word starting within ``max_gap`` characters (white space or hyphen) of pos."""
        j = pos
        while j < len(self.low) and j - pos < max_gap and self.low[j] in " \u00a0\u202f-–":
            j += 1
        return self.word_at.get(j)

    def prev_word(self, pos: int, max_gap: int = 2) -> int | None:
        j = pos
        while j > 0 and pos - j < max_gap and self.low[j - 1] in " \u00a0\u202f":
            j -= 1
        return self.word_end.get(j)

    def lexicon(self, table: dict[str, dict[str, float]]) -> dict[str, float]:
        if self.lang:
            return table[self.lang]
        merged: dict[str, float] = {}
        for lang in lx.LANGS:
            for w, v in table[lang].items():
                if w not in lx.CLASHES:
                    merged.setdefault(w, v)
        return merged

    def word_value(self, word: str, table: dict[str, float]) -> tuple[float | None, str]:
        if word in table:
            return table[word], word
        if self.lang in (None, "ar"):
            for p in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
                if word.startswith(p) and len(word) - len(p) >= 2 and word[len(p):] in table:
                    return table[word[len(p):]], word[len(p):]
        return None, word

