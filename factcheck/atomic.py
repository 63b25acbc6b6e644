"""Atomic claims: split a compound sentence into the statements it joins.

In:  a sentence's text, its start offset in ``Document.text``, and its language.
Out: ``split(text, start, lang)`` -> ``[(start, end), ...]``: character spans into the document, in
     order, each a part of the sentence that stands as a statement; one span (the whole sentence,
     trimmed) when nothing is split.
Where it splits (conservatively: when unsure, it does not):
- Semicolons (``;`` ``؛``) in every language.
- Urdu and Kazakh (verb-final): a comma, ``اور``/``لیکن``/``مگر`` (and ``، ал``/``, бірақ``/``, және``)
  right after a finite verb (``ہے``, ``ہیں``, ``گیا``, ``رکھتے ہیں``...; Kazakh past/present endings)
  when the next part also ends in one. Not before a subordinate or relative clause (``کیونکہ``,
  ``حالانکہ``, ``جو``, ``کہ``...), and never after a speech verb ("ٹرمپ نے لکھا، ...").
- English and Russian: a comma followed by a coordinator (and, but, while, whereas, yet / а, но, и,
  однако), or a bare "and"/"but" followed by a subject, when both parts have a finite verb and the
  second part starts with its own subject (not "and will supply ...").
- Arabic (verb-first, no reliable verb marks without a lexicon): only a comma followed by a clause
  opener such as "وقد", "وقال", "ولكن", "بينما", "في حين", "كما أن", "إلا أن", with at least four words
  on each side.
- Nothing is split inside quotation marks or brackets; every part has at least three words.
Holds: spans are inside the sentence, non-overlapping, in order, never empty; each starts and ends on
a non-space character; a trailing comma or leading conjunction is trimmed off (the sentence-final
mark stays with the last part). Deterministic; never raises.
"""
from __future__ import annotations

import re

from .lexicon import fold

_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?")
_OPEN_Q = "“«„\"(["
_CLOSE_Q = "”»\")]"

UR_VERBS = {fold(w) for w in ["ہے", "ہیں", "تھا", "تھی", "تھے", "تھیں", "ہو", "ہوں", "گا", "گی", "گے", "گیا", "گئی", "گئے", "گئیں", "ہوا", "ہوئی", "ہوئے", "ہوگا", "ہوگی", "ہوگئے", "کیا", "کیے", "کئے", "دیا", "دی", "دیے", "دئے", "لیا", "لی", "لیے", "لئے", "رہا", "رہی", "رہے", "سکا", "سکی", "سکے", "چکا", "چکی", "چکے", "پایا", "جائے", "جائیں", "جاتا", "جاتی", "جاتے", "کرتا", "کرتی", "کرتے", "رکھتا", "رکھتی", "رکھتے", "کریں", "کرے", "ملا", "ملی", "ملے", "آیا", "آئی", "آئے", "بنا", "بنی", "بنے", "ہوگیا", "ہوچکا", "پہنچا", "پہنچی", "پہنچے", "رکھا", "رکھی", "چاہیے", "چاہئے", "سکتا", "سکتی", "سکتے", "دیں", "لیں", "گئیں"]}
UR_SUBORDINATORS = {fold(w) for w in ["کیونکہ", "حالانکہ", "تاکہ", "اگر", "جب", "جو", "جس", "جن", "جنہوں", "کہ", "جبکہ", "بلکہ", "یعنی", "چنانچہ"]}
UR_LEFT_SUBORDINATE = {fold(w) for w in ["جہاں", "جب", "اگر", "اگرچہ", "چونکہ", "کیونکہ", "جیسے", "جو", "جس", "جیسا"]}
UR_COORD = {fold(w) for w in ("اور", "لیکن", "مگر", "تاہم")}
SPEECH_END = {fold(w) for w in ["کہا", "لکھا", "بتایا", "کہتے", "کہتی", "کہنا", "said", "says", "wrote", "told", "added", "noted", "stated", "заявил", "заявила", "сказал", "сказала", "написал", "отметил", "отметила", "деді", "айтты", "жазды", "قال", "قالت", "كتب", "أضاف"]}
EN_AUX = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
          "shall", "should", "must", "did", "does", "do", "am"}
EN_PAST = {"said", "made", "took", "gave", "went", "came", "became", "left", "led", "held", "told", "found",
           "got", "put", "set", "saw", "won", "lost", "met", "paid", "rose", "fell", "grew", "began", "built",
           "bought", "brought", "sent", "spent", "kept", "thought", "knew", "ran", "wrote", "spoke", "struck",
           "says", "remains", "remained", "includes", "shows", "plans", "wants", "needs", "seems", "appears"}
EN_SUBJECT = {"i", "you", "he", "she", "it", "we", "they", "the", "a", "an", "this", "that", "these", "those",
              "his", "her", "its", "their", "our", "my", "there", "most", "many", "some", "all", "both", "each",
              "officials", "police", "prices", "sales"}
EN_COORD = {"and", "but", "while", "whereas", "yet"}
RU_COORD = {"а", "но", "и", "однако", "зато"}
RU_FINITE = {"есть", "будет", "будут", "является", "являются", "может", "могут", "должен", "должна", "должны",
             "нужно", "надо", "стоит", "составит", "составляет", "составляют", "идет", "идут", "растет", "растут"}
RU_SUBJECT_BAD = {"не", "также", "тоже", "уже", "еще", "затем", "потом"}
KK_COORD = {fold(w) for w in ("ал", "бірақ", "алайда", "және", "әрі")}
KK_FINITE_END = ("ды", "ді", "ты", "ті", "ады", "еді", "йды", "йді", "мақ", "мек", "бақ", "бек", "пақ", "пек",
                 "ған", "ген", "қан", "кен", "уда", "уде", "ыр", "ір")
KK_FINITE = {fold(w) for w in ("бар", "жоқ", "еді", "болды", "тұр", "жатыр", "деді", "керек", "тиіс")}
AR_OPENERS = [tuple(fold(w) for w in p.split()) for p in (
    "وقد", "ولقد", "وقال", "وقالت", "وأضاف", "وأضافت", "وأكد", "وأكدت", "وأشار", "وأشارت", "وأشاروا", "وأوضح",
    "وأوضحت", "وكان", "وكانت", "وتم", "ولم", "ولن", "وسوف", "وهو", "وهي", "وهم", "ولكن", "لكن", "بينما",
    "في حين", "كما أن", "إلا أن", "غير أن", "ثم")]


def _words(s: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(s)]


def _finite(part: str, lang: str | None) -> bool:
    w = _words(part)
    if not w:
        return False
    if lang == "ur":
        if w[-1] == fold("ہوئے") and len(w) > 1 and w[-2].endswith(("تے", "ے")):
            return False  # "کرتے ہوئے", "دیکھتے ہوئے": a participle ("while doing"), not a finite verb
        return w[-1] in UR_VERBS
    if lang == "kk":
        last = w[-1]
        return last in KK_FINITE or (len(last) >= 4 and last.endswith(KK_FINITE_END))
    if lang == "en":
        if any(x in EN_AUX or x in EN_PAST or (len(x) > 4 and x.endswith("ed")) for x in w):
            return True
        # a present-tense verb: "holds 120", "supplies the valley"
        return bool(re.search(r"\b[a-z]{3,}(?<![su])s\s+(?:the|a|an|its|their|his|her|this|that|more|about|\d)",
                              part.lower()))
    if lang == "ru":
        return any(x in RU_FINITE or (len(x) >= 4 and re.search(r"(?:ла|ло|ли|л|ется|ются|ится|ятся)$", x)
                                      and not x.endswith(("ал", "ел", "ол")) or x in ("был", "стал", "пришел", "ушел"))
                   for x in w)
    return len(w) >= 4  # Arabic: the opener is the evidence; a part needs some substance


def _subject_start(part: str, lang: str | None) -> bool:
    w = _words(part)
    if not w:
        return False
    if lang == "en":
        first = w[0]
        return (first in EN_SUBJECT or part.lstrip()[:1].isupper() or first.isdigit()) and first not in EN_AUX \
            and not first.endswith("ing") and first != "to"
    if lang == "ru":
        return w[0] not in RU_SUBJECT_BAD and not re.search(r"(?:л|ла|ли|ло)$", w[0])
    return True


def _quoted_mask(text: str) -> list[bool]:
    mask, depth, straight = [], 0, False
    for ch in text:
        if ch == '"':
            straight = not straight
        elif ch in "“«„([":
            depth += 1
        elif ch in "”»)]" and depth:
            depth -= 1
        mask.append(depth > 0 or straight)
    return mask


def _candidates(text: str, lang: str | None) -> list[tuple[int, int]]:
    """(left_end, right_start) pairs, positions in ``text``."""
    cands: list[tuple[int, int]] = []
    for m in re.finditer(r"\s*[;؛]\s*", text):
        cands.append((m.start(), m.end()))
    if lang in ("ur", "kk"):
        coord = UR_COORD if lang == "ur" else KK_COORD
        for m in re.finditer(r"\s*[،,]\s*|\s+(?=[^\W\d_]+)", text):
            right = m.end()
            wm = re.match(r"[^\W\d_]+", text[right:])
            word = fold(wm.group()) if wm else ""
            if m.group().strip():  # a comma, maybe followed by a coordinator
                if word in coord:
                    right += wm.end()
                cands.append((m.start(), right))
            elif word in coord and (lang == "ur" or word in ("бірақ", "алайда")):
                cands.append((m.start(), right + wm.end()))
    elif lang in ("en", "ru"):
        coord = EN_COORD if lang == "en" else RU_COORD
        for m in re.finditer(r"(,?)\s+([^\W\d_]+)\s+", text):
            word = m.group(2).lower()
            if word not in coord:
                continue
            if not m.group(1) and not (lang == "en" and word in ("and", "but")):
                continue
            cands.append((m.start(), m.end()))
    elif lang == "ar":
        for m in re.finditer(r"\s*،\s*", text):
            rest = _words(text[m.end():m.end() + 40])
            for op in AR_OPENERS:
                if tuple(rest[:len(op)]) == op:
                    cands.append((m.start(), m.end()))
                    break
    return sorted(set(cands))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",،;؛"):
        b -= 1
    return a, b


def split(text: str, start: int = 0, lang: str | None = None) -> list[tuple[int, int]]:
    """Spans (document offsets) of the statements of one sentence (see module doc)."""
    a0, b0 = _trim(text, 0, len(text)) if text else (0, 0)
    whole = [(start + a0, start + b0)] if b0 > a0 else []
    return _split(text, start, lang) or whole


def _split(text: str, start: int, lang: str | None) -> list[tuple[int, int]]:
    if not text or lang not in ("ur", "kk", "en", "ru", "ar"):
        return []
    quoted = _quoted_mask(text)
    cuts: list[tuple[int, int]] = []
    cur = 0
    for left_end, right_start in _candidates(text, lang):
        if left_end <= cur or quoted[max(0, left_end - 1)] or (right_start < len(text) and quoted[right_start]):
            continue
        left, right = text[cur:left_end], text[right_start:]
        lw, rw = _words(left), _words(right)
        if len(lw) < 3 or len(rw) < 3 or (lw and lw[-1] in SPEECH_END):
            continue
        if right.lstrip()[:1] in _OPEN_Q:
            continue
        if lang in ("ur", "kk"):
            if rw[0] in UR_SUBORDINATORS or lw[0] in UR_LEFT_SUBORDINATE or not _finite(left, lang):
                continue
        elif lang in ("en", "ru"):
            is_semicolon = text[left_end:right_start].strip() in (";", "؛")
            if not is_semicolon and (not _finite(left, lang) or not _subject_start(right, lang)
                                     or not _finite(" ".join(rw[:8]), lang)):
                continue
        elif lang == "ar" and len(lw) < 4:
            continue
        cuts.append((left_end, right_start))
        cur = right_start
    if not cuts:
        return []
    # parts; a part without its own finite verb goes back to the part before it
    bounds = [0] + [x for c in cuts for x in c] + [len(text)]
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    merged: list[tuple[int, int]] = []
    for a, b in parts:
        body = text[a:b].rstrip(" .!?۔؟…\"”»")
        ok = _finite(body, lang) if lang in ("ur", "kk") else len(_words(body)) >= 3
        if merged and not ok:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    spans = []
    for a, b in merged:
        a, b = _trim(text, a, b)
        if b > a:
            spans.append((start + a, start + b))
    return spans if len(spans) > 1 else []
