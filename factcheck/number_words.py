"""Numbers and ordinals written in words, in English, Urdu, Arabic, Russian and Kazakh.

In:  a ``textscan.Scan`` whose digits are already read. Out: "number" and "ordinal" quantities added.
Holds: compounds ("twenty-five", "خمسة وعشرون", "двадцать пять", "он бес") and scale words; words that
are also ordinary words ("ایک", "نو", "one") count only before a scale or unit word; vague counts
("hundreds of", "دسیوں ہزار") are the base with approx "many"; ordinal words first..tenth, Arabic
compounds ("الثالث والستين" is 63rd), and the Urdu senses of "پہلے" (before) and "دوسرے" (other)
are told apart by their neighbours.
"""
from __future__ import annotations

import re

from . import lexicon as lx
from .numerals import finish, unit_after
from .textscan import Scan


# --- numbers written in words -------------------------------------------------------------------
def number_words(s: Scan) -> None:
    table = s.lexicon(lx.NUMBERS)
    i = 0
    n = len(s.words)
    while i < n:
        start_i = i
        values: list[float] = []
        weak = False
        while i < n:
            ws, we, word = s.words[i]
            if not s.free(ws, we):
                break
            if values and ws - s.words[i - 1][1] > 2:
                break
            if word in lx.AR_ELEVEN and i + 1 < n and s.words[i + 1][2] in lx.AR_TEENS_TAIL and s.lang in (None, "ar"):
                values.append(lx.AR_ELEVEN[word])
                i += 2
                continue
            v, base = s.word_value(word, table)
            if base == "اثنين" and word[:len(word) - len(base)].endswith("ال"):
                v = None  # "الاثنين", "يوم الاثنين", "بالاثنين": Monday; "واثنين" is "and two"
            if v is None and word in lx.SCALES and values and word not in lx.SCALE_GLUED_ONLY:
                v = lx.SCALES[word]
            if v is None:
                break
            if values and not _joins(values[-1], v, base != word and word.startswith("و")):
                break
            if base in lx.ONE_WORDS:
                weak = "one"
            elif base in lx.WEAK_NUMBERS and not (s.lang == "ar" and base in lx.AR_STRONG_IN_ARABIC):
                weak = True
            values.append(v)
            i += 1
        if not values:
            if i == start_i:
                _vague(s, i)
                i += 1
            continue
        a, b = s.words[start_i][0], s.words[i - 1][1]
        value = _compose(values)
        # what follows decides whether a weak word ("ایک", "نو", "one") is a number
        nxt = s.next_word(b, 2)
        nxt_word = s.words[nxt][2].rstrip(".") if nxt is not None else ""
        if nxt_word in ("طرفہ", "another") or (nxt_word == "دوسرے" and value == 1):
            continue
        if weak and len(values) == 1:
            strong_next = nxt_word in lx.SCALES or (weak is True and (
                nxt_word in lx.UNIT_WORDS or nxt_word in lx.CURRENCY_WORDS))
            if not strong_next:  # "ایک اہلکار" is "an official"; "ایک ارب" is a billion
                continue
        finish(s, a, b, value, 1.0, from_words=True)


def _joins(prev: float, v: float, arabic_and: bool) -> bool:
    """Whether number word ``v`` continues the number that ends with ``prev``: "twenty five",
    "two hundred", "خمسة وعشرون", "ثلاثة عشر", "сто двадцать"; not "چار چار"."""
    if v >= 1000 or (v == 100 and prev < 100):  # "two hundred", "nineteen hundred", "پچیس سو" (2,500)
        return True
    if prev >= 100 and prev % 100 == 0 and v < 100:
        return True
    if prev >= 1000 and prev % 1000 == 0 and v < 1000 and v % 100 == 0:  # "две тысячи пятьсот", "ألفين وخمسمائة"
        return True
    if prev >= 10 and prev % 10 == 0 and prev < 100 and v < 10:  # "twenty five", Kazakh "он бес"
        return True
    if prev < 10 and ((v == 10 and arabic_and is False) or (arabic_and and 20 <= v < 100 and v % 10 == 0)):
        return True
    return False


def _compose(values: list[float]) -> float:
    total, cur = 0.0, 0.0
    for v in values:
        if v == 100 and cur and cur < 100:  # "twenty five hundred" is 2,500
            cur *= 100
        elif v >= 1000:
            total += (cur or 1) * v
            cur = 0.0
        else:
            cur += v
    return total + cur


def _vague(s: Scan, i: int) -> None:
    ws, we, word = s.words[i]
    if word not in lx.VAGUE or not s.free(ws, we):
        return
    base = lx.VAGUE[word]
    end = we
    nxt = s.next_word(we, 2)
    if nxt is not None and s.words[nxt][2] in lx.SCALES and s.words[nxt][2] not in lx.SCALE_GLUED_ONLY:
        base *= lx.SCALES[s.words[nxt][2]]
        end = s.words[nxt][1]
    unit, _ = unit_after(s, end)
    if unit is None:  # "hundreds of people"
        of = s.next_word(end, 2)
        if of is not None and s.words[of][2] in ("of",):
            unit, _ = unit_after(s, s.words[of][1])
    s.add("number", ws, end, value=base, precision=base, unit=unit, approx="many")


# --- ordinals in words --------------------------------------------------------------------------
_UR_PEHLE_BEFORE = {lx.fold(w) for w in ("کے", "اپنے", "میرے", "ہمارے")}
_UR_DOOSRA_NOT = {lx.fold(w) for w in ("جانب", "طرف", "ممالک", "ملکوں", "لوگ", "لوگوں", "دن", "شعبوں", "شعبے",
                                       "ملک", "حصوں", "افراد", "کو", "سے", "کی", "کے", "پر", "میں")}


def _is_tens(v: float | None) -> bool:
    return bool(v) and 20 <= v < 100 and v % 10 == 0


# verbs of a place in a ranking, after which a last word "second" is the ordinal ("he finished second.")
_PLACED = frozenset(("finished", "finish", "finishes", "came", "come", "comes", "placed", "ranked", "ranks", "was",
                     "is", "were", "are", "be", "the"))


def ordinal_words(s: Scan) -> None:
    table = s.lexicon(lx.ORDINALS)
    for i, (ws, we, word) in enumerate(s.words):
        if not s.free(ws, we):
            continue
        v, base = s.word_value(word, table)
        if v is None and s.lang in (None, "ar") and word.startswith("لا") and word[1:] in table:
            v, base = table[word[1:]], word[1:]  # "لأول" folds to "لاول"
        if v is None and s.lang in (None, "kk"):
            for stem, val in lx.KK_ORDINAL_STEMS.items():
                if word.startswith(stem):
                    v, base = val, stem
                    break
        if v is None and s.lang in (None, "ar") and word.startswith("ال") and i > 0 and (
                s.words[i - 1][2] in lx.AR_ORDINAL_NOUNS and s.words[i - 1][1] + 1 == ws):
            tens, _ = s.word_value(word[2:], s.lexicon(lx.NUMBERS))
            if _is_tens(tens):  # "القرن العشرين" (the 20th century), "الذكرى الثلاثين" (30th anniversary)
                v, base = tens, word
        if v is None:
            continue
        end = we
        if v < 10 and i + 1 < len(s.words) and s.words[i + 1][2] in lx.AR_TEENS_TAIL and s.lang in (None, "ar"):
            v, end = v + 10, s.words[i + 1][1]  # "الثانية عشرة": 12th
        elif v < 10 and i + 1 < len(s.words) and s.words[i + 1][2].startswith("و"):
            tens, _ = s.word_value(s.words[i + 1][2], s.lexicon(lx.NUMBERS))
            if _is_tens(tens):  # "الثالث والستين": 63rd
                v, end = v + tens, s.words[i + 1][1]
        if base in lx.AR_COMPOUND_ONLY and end == we:
            continue
        start = ws
        if v < 10 and i > 0 and end == we:  # "twenty-third", "двадцать первого": a tens word before
            pws, pwe, pword = s.words[i - 1]
            tens, _ = s.word_value(pword, s.lexicon(lx.NUMBERS))
            if _is_tens(tens) and s.free(pws, pwe) \
                    and re.fullmatch(r"[ \u00a0-]", s.low[pwe:ws]):
                v, start = v + tens, pws
        prev = s.words[i - 1][2] if i > 0 else ""
        nxt = s.words[i + 1][2] if i + 1 < len(s.words) else ""
        before = s.norm[max(0, ws - 12):ws]
        if re.search(r"\d\s*$", before):
            continue  # "30 seconds", "30 ثانية"
        if base == "second" and (prev in ("per", "split", "one") or nxt in ("hand", "later", "ago", "or")
                                 or (nxt == "" and prev not in _PLACED)
                                 or (prev == "a" and re.match(r"\s*[,.;:!?)]", s.text[we:we + 2]))):
            continue  # "a split second", "a second later", "on the other hand"; but "he finished second."
        if base == lx.fold("پہلے"):  # "first" after a genitive or "سب سے", or before a number; else "before"
            follows_number = bool(re.match(r"\s*\d", s.norm[we:we + 3])) or nxt in lx.NUMBERS["ur"]
            first_of_all = prev == "سے" and i > 1 and s.words[i - 2][2] == "سب"
            if not (prev in _UR_PEHLE_BEFORE or follows_number or first_of_all):
                continue
        if base.startswith(lx.fold("دوسر")) and (prev == "ایک" or nxt in _UR_DOOSRA_NOT):
            continue
        s.add("ordinal", start, end, value=v, precision=1.0)


def arabic_duals(s: Scan) -> None:
    """Arabic dual nouns count two of their unit: "يومين" (two days), "منذ عامين" (two years ago), "العامين
    الماضيين" (the past two years), "دولتين" (two countries)."""
    if s.lang not in (None, "ar"):
        return
    for ws, we, word in s.words:
        if not s.free(ws, we):
            continue
        unit, _ = s.word_value(word, lx.AR_DUALS)
        if unit is not None:
            s.add("number", ws, we, value=2.0, unit=unit or None, precision=1.0)
