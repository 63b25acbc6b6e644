"""Build the perturbation set for the consistency checks (benchmarks/data/perturbations.json).

Each item is a pair of parallel sentences in two languages. A *perturbed* item has one fact changed on
one side (expected verdict ``contradict``); a *clean* item is the same pair untouched (expected: not
``contradict``). What changes:
- number:  a number written in digits that both sides state (same value) gets a different value
           (>= 10% off, so rounding never hides it), in the same digit style;
- year:    a year both sides state moves by 1-5 years;
- date:    a day-month date: the day moves by 1-3, or the month becomes another month;
- count:   a number word (two..ten, in the language's own forms) both sides state (as a word or in
           digits) becomes another one;
- ordinal: an ordinal word (first..fifth) both sides state becomes another one;
- country: a country both sides name becomes another country (CLDR name in that language);
- person:  the surname of a person both sides name (found through the English line and matched by
           transliteration key) becomes the surname of another person from the corpus.
"Both sides state it" is decided here with the generator's own tables (not with factcheck's
extractors), except for country names (factcheck's CLDR gazetteer) and name keys.

Sources:
- NTREX-128 (newstest2019, CC BY-SA 4.0; ../shared/data/eval/ntrex128), all 10 pairs among en, ur,
  ar, ru, kk. Documents are split by id into a *dev* half (used while developing the checks) and a
  *test* half (reported). The perturbed side alternates between the two languages.
- The seed articles 000 (Urdu) and 003 (Arabic), which report the same story. They are copyrighted,
  so the set stores only file names, character offsets and the replacement text; the benchmark reads
  the sentences from $FACTCHECK_DATA/seeds when it runs. Pairs come from a fixed list of Urdu/Arabic
  markers below, located by search (no text of the articles is stored).

- XNLI test premises (en, ur, ar, ru): built with ``--source xnli`` after the checks were developed on
  NTREX (session 6); half the premises *xdev* (may be read while developing), half *fresh* (never
  read: the honest held-out figure); see ``build_xnli``.

Run:  python benchmarks/build_perturbations.py  [--per-type 22] [--seed 7] [--source ntrex|xnli]
Writes benchmarks/data/perturbations.json, or perturbations_xnli.json with --source xnli (deterministic
for a given data directory, seed and factcheck version: countries and name keys come from factcheck).

Generator version 2 (2026-12-07) tells persons from places and ordinary words better (``is_person``).
The committed sets are generator 1's with their person items replaced by generator 2's
(``--splice-persons-into benchmarks/data/v1/perturbations.json``; ``splice_persons``), so every other
item is as it was; generator 1's sets are kept in benchmarks/data/v1/ and scored beside them.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from factcheck.gazetteer import COUNTRIES
from factcheck.names import find_names, keys_match, name_key, tokens

OUT = REPO / "benchmarks" / "data" / "perturbations.json"
FILES = {"en": "newstest2019-src.eng.txt", "ur": "newstest2019-ref.urd.txt", "ar": "newstest2019-ref.arb.txt",
         "ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}
LANGS = ("en", "ur", "ar", "ru", "kk")
TYPES = ("number", "year", "date", "count", "ordinal", "country", "person")


def data_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_DATA") or REPO.parent / "shared" / "data")


def stable_rng(*parts) -> random.Random:
    h = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return random.Random(int(h[:16], 16))


# --- the generator's own tables -----------------------------------------------------------------
# number words by value, per language, as groups of interchangeable forms (same case / gender)
COUNT_FORMS = {
    "en": [{2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}],
    "ur": [{2: "دو", 3: "تین", 4: "چار", 5: "پانچ", 6: "چھ", 7: "سات", 8: "آٹھ", 10: "دس"}],
    "ar": [{3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"},
           {3: "ثلاث", 4: "أربع", 5: "خمس", 7: "سبع", 9: "تسع", 10: "عشر"},
           {2: "اثنين", 3: "ثلاثة"}, {2: "اثنان", 3: "ثلاثة"}],
    "ru": [{2: "два", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 8: "восемь", 9: "девять", 10: "десять"},
           {2: "двух", 3: "трех", 4: "четырех", 5: "пяти", 6: "шести", 7: "семи", 8: "восьми", 10: "десяти"},
           {2: "две", 3: "три", 4: "четыре"}, {3: "трёх", 2: "двух", 4: "четырёх"}],
    "kk": [{2: "екі", 3: "үш", 4: "төрт", 5: "бес", 6: "алты", 7: "жеті", 8: "сегіз", 9: "тоғыз"}],
}
ORDINAL_FORMS = {
    "en": [{1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}],
    "ur": [{1: "پہلا", 2: "دوسرا", 3: "تیسرا", 4: "چوتھا"}, {1: "پہلی", 2: "دوسری", 3: "تیسری", 4: "چوتھی"}],
    "ar": [{1: "الأول", 2: "الثاني", 3: "الثالث", 4: "الرابع", 5: "الخامس"},
           {1: "الأولى", 2: "الثانية", 3: "الثالثة", 4: "الرابعة", 5: "الخامسة"},
           {1: "أول", 3: "ثالث", 4: "رابع", 5: "خامس"}],
    "ru": [{1: "первый", 2: "второй", 4: "четвертый", 5: "пятый"}, {1: "первая", 2: "вторая", 3: "третья"},
           {1: "первое", 2: "второе", 3: "третье"}, {1: "первые", 2: "вторые", 3: "третьи"},
           {1: "первого", 2: "второго", 3: "третьего"}, {1: "первой", 2: "второй", 3: "третьей"},
           {1: "первом", 2: "втором", 3: "третьем"}, {1: "первую", 2: "вторую", 3: "третью"},
           {1: "первым", 2: "вторым", 3: "третьим"}, {1: "первых", 2: "вторых", 3: "третьих"}],
    "kk": [{1: "бірінші", 2: "екінші", 3: "үшінші", 4: "төртінші", 5: "бесінші"}],
}
MONTH_FORMS = {
    "en": [["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]],
    "ur": [["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"]],
    "ar": [["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]],
    "ru": [["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]],
    "kk": [["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]],
}
_AR_PREFIX = re.compile(r"^(?:و|ب|ل|ف)?(?:ال)?")
_DIG = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUM_RE = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)(?![\w]|[.,:/-]\d)")
_WORD_RE = re.compile(r"[^\W\d_]+")


def num_value(s: str) -> float | None:
    s = s.translate(_DIG).replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s) or re.fullmatch(r"\d{1,3}(?: \d{3})+", s):
        return float(s.replace(",", "").replace(" ", ""))
    if re.fullmatch(r"\d+,\d{1,2}", s):
        return float(s.replace(",", "."))
    try:
        return float(s)
    except ValueError:
        return None


def numbers(text: str) -> list[tuple[int, int, str, float]]:
    out = []
    for m in _NUM_RE.finditer(text.translate(_DIG)):
        v = num_value(m.group(1))
        if v is not None:
            out.append((m.start(1), m.end(1), text[m.start(1):m.end(1)], v))
    return out


def words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]


def word_values(text: str, lang: str, table: dict[str, list[dict[int, str]]]) -> list[tuple[int, int, int, dict]]:
    """(start, end, value, form group) of the table's words in ``text`` (Arabic: after و/ب/ل/ال)."""
    out = []
    for s, e, w in words(text):
        low = w.lower()
        base_start = s
        if lang == "ar":
            p = _AR_PREFIX.match(low).group()
            for cand in (low, low[len(p):], low[1:] if low[:1] in "وبلف" else low):
                for group in table[lang]:
                    for v, form in group.items():
                        if cand == form:
                            out.append((s + (len(low) - len(cand)), e, v, group))
                            break
                    else:
                        continue
                    break
                else:
                    continue
                break
            continue
        for group in table[lang]:
            hit = [v for v, form in group.items() if form == low]
            if hit:
                out.append((base_start, e, hit[0], group))
                break
    return out


# --- candidates -----------------------------------------------------------------------------------
def change_number(raw: str, value: float, rng: random.Random, year: bool = False) -> str | None:
    ascii_raw = raw.translate(_DIG)
    if year:
        new = int(value) + rng.choice([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5])
        text = str(new)
    else:
        dec = re.search(r"[.,](\d{1,2})$", ascii_raw) if not re.fullmatch(r"\d{1,3}(?:,\d{3})+", ascii_raw) else None
        if dec:
            places = len(dec.group(1))
            factor = rng.choice([0.6, 0.7, 1.3, 1.4, 1.5])
            new_v = round(value * factor, places)
            if abs(new_v - value) < max(0.1 * abs(value), 10 ** -places):
                new_v = round(value + 10 ** -places * 3, places)
            text = f"{new_v:.{places}f}".replace(".", dec.group(0)[0])
        else:
            k = int(value)
            delta = max(1, round(k * rng.choice([0.2, 0.3, 0.5])))
            if k <= 3:
                delta = rng.choice([2, 3])
            new = k + delta if (rng.random() < 0.6 or k - delta < 1) else k - delta
            if new == k:
                return None
            if "," in ascii_raw and re.fullmatch(r"\d{1,3}(?:,\d{3})+", ascii_raw):
                text = f"{new:,}"
            elif re.fullmatch(r"\d{1,3}(?:[ \u00a0]\d{3})+", ascii_raw):
                sep = " " if " " in raw else "\u00a0"
                text = f"{new:,}".replace(",", sep)
            else:
                text = str(new)
    # keep the digit script of the original
    if re.search(r"[٠-٩]", raw):
        text = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    elif re.search(r"[۰-۹]", raw):
        text = text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    return text if text != raw else None


def is_year(raw: str, v: float) -> bool:
    return bool(re.fullmatch(r"\d{4}", raw.translate(_DIG))) and 1800 <= v <= 2100


def month_positions(text: str, lang: str) -> list[tuple[int, int, int]]:
    out = []
    low = text.lower()
    for forms in MONTH_FORMS[lang]:
        for i, m in enumerate(forms, start=1):
            for mm in re.finditer(r"(?<!\w)" + re.escape(m.lower()) + (r"\w{0,4}" if lang == "kk" else "") + r"(?!\w)", low):
                out.append((mm.start(), mm.start() + len(m), i))
    return out


def candidates(x_text: str, y_text: str, x: str, y: str, en_text: str, pools: dict, rng: random.Random) -> list[dict]:
    """Perturbations of ``y_text`` (language y) whose fact ``x_text`` also states."""
    out: list[dict] = []
    xnums = numbers(x_text)
    xvals = {v for _, _, _, v in xnums}
    # dates first: their digits are not numbers
    date_spans = []
    for ms, me, mon in month_positions(y_text, y):
        near = [(s, e, raw, v) for s, e, raw, v in numbers(y_text) if 0 < ms - e <= 3 or 0 < s - me <= 3]
        days = [(s, e, raw, v) for s, e, raw, v in near if v.is_integer() and 1 <= v <= 31 and not is_year(raw, v)]
        x_months = {i for _, _, i in month_positions(x_text, x)}
        if not days or mon not in x_months:
            continue
        s, e, raw, v = days[0]
        if v not in xvals:
            continue
        date_spans.append((min(s, ms), max(e, me)))
        if rng.random() < 0.5:
            new_day = int(v) + rng.choice([-3, -2, -1, 1, 2, 3])
            if 1 <= new_day <= 28:
                out.append({"type": "date", "start": s, "end": e, "new": str(new_day)})
                continue
        forms = MONTH_FORMS[y][0]
        new_m = rng.choice([i for i in range(1, 13) if i != mon and i not in x_months])
        out.append({"type": "date", "start": ms, "end": me, "new": forms[new_m - 1]})

    def in_date(s):
        return any(a <= s < b for a, b in date_spans)

    for s, e, raw, v in numbers(y_text):
        if in_date(s) or v not in xvals:
            continue
        if re.search(r"\d[:.]$", y_text[max(0, s - 2):s]) or y_text[e:e + 1] == ":":
            continue
        year = is_year(raw, v)
        new = change_number(raw, v, rng, year=year)
        if new:
            out.append({"type": "year" if year else "number", "start": s, "end": e, "new": new})
    # counts and ordinals written in words
    for kind, table in (("count", COUNT_FORMS), ("ordinal", ORDINAL_FORMS)):
        x_vals = {v for _, _, v, _ in word_values(x_text, x, table)}
        if kind == "count":
            x_vals |= {int(v) for v in xvals if v.is_integer()}
        for s, e, v, group in word_values(y_text, y, table):
            if v not in x_vals:
                continue
            others = [k for k in group if k != v and k not in x_vals]
            if not others:
                continue
            new_v = rng.choice(sorted(others))
            form = group[new_v]
            orig = y_text[s:e]
            if orig[:1].isupper():
                form = form[:1].upper() + form[1:]
            out.append({"type": kind, "start": s, "end": e, "new": form})
    # countries
    names_x = {n.entity for n in find_names(x_text, x) if n.entity}
    for n in find_names(y_text, y):
        if not n.entity or not n.entity.startswith("country:") or n.entity not in names_x:
            continue  # a place of its own ("region:new-mexico") is no country to replace
        code = n.entity.split(":")[1]
        choices = [c for c in pools["countries"] if c != code and f"country:{c}" not in names_x
                   and y in COUNTRIES.get(c, {})]
        if not choices:
            continue
        new = COUNTRIES[rng.choice(choices)][y]
        s, e = n.start, n.end
        if y == "ar":
            p = re.match(r"^(?:و|ب|ل|ف)", n.text)
            if p and not n.text.startswith("ال"):
                new = p.group() + new
        out.append({"type": "country", "start": s, "end": e, "new": new})
    # person surnames, found through the English line
    for n in find_names(en_text, "en"):
        if n.entity or len(n.tokens) < 2 or not is_person(n, pools["common"]):
            continue
        last = n.tokens[-1]
        if len(last.keys[0]) < 3:
            continue
        ty = [t for t in tokens(y_text) if any(keys_match(last.keys[0], k) for k in t.keys)]
        tx = [t for t in tokens(x_text) if any(keys_match(last.keys[0], k) for k in t.keys)]
        if len(ty) != 1 or not tx:
            continue
        x_keys = [k for t in tokens(x_text) for k in t.keys]
        pool = [w for w in pools["surnames"].get(y, []) if not any(keys_match(name_key(w), k) for k in x_keys)
                and not keys_match(name_key(w), last.keys[0])]
        if not pool:
            continue
        out.append({"type": "person", "start": ty[0].start, "end": ty[0].end, "new": rng.choice(pool)})
        break
    return out


# English NLI text (MNLI, SNLI and others; see ../shared/data/MANIFEST.md): a vocabulary of ordinary words
# far larger than one set's own lines (XNLI's test premises have 3,540 lower-case words and no "park")
COMMON_CORPUS = Path("nli") / "en_nli.tsv"
COMMON_MIN = 5   # occurrences in COMMON_CORPUS: "john" and "lee" occur in lower case there too, twice each


def common_words(en_lines: list[str], corpus: Path | None = None) -> set[str]:
    """English words that occur in lower case somewhere in the set's own lines ("court", "west", "red"),
    and, with ``corpus`` (the premises and hypotheses of an English NLI file), those that occur in lower case
    there at least COMMON_MIN times ("park", "springs", "heaven"). Sets built before generator version 2
    used the set's own lines only, so "Heaven Park" passed as a person on XNLI."""
    found = re.compile(r"\b[a-z][a-z'’-]+\b")
    words = {w for line in en_lines for w in found.findall(line)}
    if corpus is not None:
        counts: dict[str, int] = {}
        for row in corpus.read_text(encoding="utf-8").split("\n")[1:]:
            for w in found.findall(" ".join(row.split("\t")[:2])):
                counts[w] = counts.get(w, 0) + 1
        words |= {w for w, n in counts.items() if n >= COMMON_MIN}
    return words


# first words of place names that look like persons' names ("Las Vegas", "San Antonio", "Kuala Perlis")
PLACE_WORDS = frozenset("""las los san santa sant santo são saint st ste isla kuala laguna jalan lake mount mt port fort
cape el la le al upper lower north south east west new""".split())


def is_person(n, common: set[str]) -> bool:
    """A person's name, as far as the generator can tell: two or three capitalised words, none of them
    an ordinary English word (so not "Supreme Court", "West Virginia", "Red Cross") or the plural of one
    ("Texas Rangers", "Colorado Springs"), a possessive "'s" taken off first, and not starting with a
    word of place names ("Las Vegas", "San Antonio"; ``PLACE_WORDS``).
    Generator version 1 (the sets committed before 2026-12-07) took off every leading and trailing "s"
    and "'" ("several" became "everal"), read ordinary words from the set's own lines only, and knew no
    plurals or place words, so "Several Tejano", "Heaven Park" and "Los Angeles" passed as persons."""
    def ordinary(word: str) -> bool:
        w = re.sub(r"['’]s$", "", word.lower())
        return w in common or (w.endswith("s") and w[:-1] in common) or (w.endswith("es") and w[:-2] in common)

    return 2 <= len(n.tokens) <= 3 and n.tokens[0].text.lower() not in PLACE_WORDS and all(
        not ordinary(t.text) and t.text[1:].islower() for t in n.tokens)


def surname_pools(lines: dict[str, list[str]], rows: list[int], common: set[str]) -> dict[str, list[str]]:
    """Surnames per language: last words of English person names and their key-matched words."""
    pools: dict[str, set[str]] = {lang: set() for lang in lines}
    for i in rows:
        for n in find_names(lines["en"][i], "en"):
            if n.entity or not is_person(n, common) or len(n.tokens[-1].keys[0]) < 3:
                continue
            key = n.tokens[-1].keys[0]
            pools["en"].add(re.sub(r"['’]s$", "", n.tokens[-1].text))  # "Dickinson", not "Dickinson's"
            for lang in [la for la in lines if la != "en"]:
                hits = [t for t in tokens(lines[lang][i]) if t.keys[0] == key]
                if len(hits) == 1 and len(hits[0].text) >= 3:
                    pools[lang].add(hits[0].text)
    return {lang: sorted(v) for lang, v in pools.items()}


# --- seeds --------------------------------------------------------------------------------------
SEED_A, SEED_B = "000_93a24f0839ddf88b.txt", "003_07b986253854532e.txt"
# (marker in the Urdu article, marker in the Arabic article): each locates one sentence on each side
SEED_PAIRS = [("1992 سے سفارتی", "منذ عام 1992"), ("تین امریکی اہلکاروں", "ثلاثة مسؤولين أمريكيين"),
              ("دوسری مدت", "أول دولة في ولايتي الثانية"), ("پانچ وسطی ایشیائی", "زعماء دول آسيا الوسطى الخمس"),
              ("سائبر سیکیورٹی", "الدفاع والأمن السيبراني"), ("روبیو اور توکایف", "روبيو وتوكاييف"),
              ("سوویت یونین", "انهيار الاتحاد السوفيتي"), ("پہلی انتظامیہ", "إدارة الرئيس دونالد ترامب الأولى")]
# (side, marker, replacement, type): the changed fact on one side
SEED_EDITS = [("a", "1992", "1994", "year"), ("b", "1992", "1996", "year"), ("a", "تین", "پانچ", "count"),
              ("b", "ثلاثة", "خمسة", "count"), ("a", "دوسری", "تیسری", "ordinal"), ("b", "الثانية", "الثالثة", "ordinal"),
              ("a", "پانچ", "چھ", "count"), ("b", "الخمس", "الست", "count"), ("a", "توکایف", "نزربایف", "person"),
              ("b", "سوفيتي", "الأمريكي", "country"), ("a", "پہلی", "دوسری", "ordinal"), ("b", "الأولى", "الثانية", "ordinal")]


def sentence_span(text: str, marker: str) -> tuple[int, int]:
    i = text.index(marker)
    a = max(text.rfind(c, 0, i) for c in "\n۔.؟!") + 1
    ends = [j for j in (text.find(c, i) for c in "\n۔.؟!") if j != -1]
    b = min(ends) + 1 if ends else len(text)
    while a < b and text[a].isspace():
        a += 1
    return a, b


def seed_items(seeds: Path) -> list[dict]:
    ta = (seeds / SEED_A).read_text(encoding="utf-8")
    tb = (seeds / SEED_B).read_text(encoding="utf-8")
    items = []
    for k, (ma, mb) in enumerate(SEED_PAIRS):
        sa, sb = sentence_span(ta, ma), sentence_span(tb, mb)
        base = {"source": "seeds", "split": "test", "pair": "ar-ur", "x": "ur", "y": "ar",
                "x_ref": {"file": SEED_A, "start": sa[0], "end": sa[1]},
                "y_ref": {"file": SEED_B, "start": sb[0], "end": sb[1]}}
        items.append({**base, "id": f"seed-{k}-clean", "expected": "not_contradict", "type": "clean"})
        for j, (side, marker, new, typ) in enumerate(SEED_EDITS):
            text, (s, e) = (ta, sa) if side == "a" else (tb, sb)
            pos = text.find(marker, s, e)
            if pos == -1:
                continue
            items.append({**base, "id": f"seed-{k}-{j}", "expected": "contradict", "type": typ,
                          "edit": {"side": "x" if side == "a" else "y", "start": pos - s, "end": pos - s + len(marker),
                                   "new": new}})
    return items


# --- main -------------------------------------------------------------------------------------------
def choose(lines: dict[str, list[str]], rows: list[int], x0: str, y0: str, pools: dict, rng: random.Random,
           per_type: int, clean_extra: int, line_rng) -> tuple[list[dict], list[int]]:
    """Up to ``per_type`` changed items per type (one per line and type) among ``rows`` of the pair x0-y0,
    the changed side alternating by line, and the untouched lines: those of the chosen items plus
    ``clean_extra`` others."""
    by_type: dict[str, list[dict]] = {t: [] for t in TYPES}
    for i in rows:
        x, y = (x0, y0) if i % 2 == 0 else (y0, x0)
        for c in candidates(lines[x][i], lines[y][i], x, y, lines["en"][i], pools, line_rng(i)):
            by_type[c["type"]].append({"line": i, "x": x, "y": y, **c})
    chosen: list[dict] = []
    for t in TYPES:
        cands = by_type[t]
        rng.shuffle(cands)
        seen = set()
        for c in cands:
            if c["line"] in seen:
                continue
            seen.add(c["line"])
            chosen.append(c)
            if len(seen) >= per_type:
                break
    chosen.sort(key=lambda c: (c["line"], c["type"]))
    clean_lines = sorted({c["line"] for c in chosen})
    extra = [i for i in rows if i not in clean_lines]
    rng.shuffle(extra)
    return chosen, sorted(clean_lines + extra[:clean_extra])


def build(per_type: int = 22, seed: int = 7, clean_extra: int = 20) -> dict:
    root = data_dir() / "eval" / "ntrex128"
    lines = {lang: (root / f).read_text(encoding="utf-8").split("\n")[:1997] for lang, f in FILES.items()}
    doc_ids = [x.split("\t")[0].strip() for x in (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()]
    docs = sorted(set(doc_ids))
    split_of = {d: ("dev" if int(hashlib.sha256(d.encode()).hexdigest(), 16) % 2 == 0 else "test") for d in docs}
    rows = list(range(len(doc_ids)))
    common = common_words(lines["en"], data_dir() / COMMON_CORPUS)
    pools = {"common": common, "surnames": surname_pools(lines, rows, common),
             "countries": ["US", "GB", "FR", "DE", "CN", "RU", "IN", "PK", "TR", "IR", "EG", "SA", "JP", "BR", "CA",
                           "IT", "ES", "MX", "UA", "PL", "NG", "KZ", "AE", "QA", "OM", "BH", "MA", "SD", "IL", "AU"]}
    items: list[dict] = []
    pairs = [(a, b) for i, a in enumerate(LANGS) for b in LANGS[i + 1:]]
    for x0, y0 in pairs:
        pair = "-".join(sorted((x0, y0)))
        for split in ("dev", "test"):
            rng = stable_rng(seed, pair, split)
            split_rows = [i for i in rows if split_of[doc_ids[i]] == split and all(lines[la][i].strip() for la in (x0, y0))]
            chosen, clean_lines = choose(lines, split_rows, x0, y0, pools, rng, per_type, clean_extra,
                                         lambda i: stable_rng(seed, pair, i))
            for i in clean_lines:
                x, y = (x0, y0) if i % 2 == 0 else (y0, x0)
                items.append({"id": f"ntrex-{pair}-{i}-clean", "source": "ntrex128", "split": split, "pair": pair,
                              "line": i, "x": x, "y": y, "type": "clean", "expected": "not_contradict"})
            for c in chosen:
                items.append({"id": f"ntrex-{pair}-{c['line']}-{c['type']}", "source": "ntrex128", "split": split,
                              "pair": pair, "line": c["line"], "x": c["x"], "y": c["y"], "type": c["type"],
                              "expected": "contradict",
                              "edit": {"side": "y", "start": c["start"], "end": c["end"], "new": c["new"]}})
    seeds_dir = data_dir() / "seeds"
    if (seeds_dir / SEED_A).exists() and (seeds_dir / SEED_B).exists():
        items += seed_items(seeds_dir)
    return {
        "schema": "factcheck.perturbations/1",
        "about": "Parallel sentence pairs with one fact changed (expected contradict) and untouched "
                 "(expected not contradict); see benchmarks/build_perturbations.py.",
        "license": "NTREX-128 text: CC BY-SA 4.0 (see benchmarks/data/LICENSE.md); seed items hold offsets only",
        "params": {"per_type": per_type, "seed": seed, "clean_extra": clean_extra},
        "lines": lines_used(items, lambda lang, i: lines[lang][i], LANGS),
        "items": items,
    }


# --- a second, fresh held-out set: XNLI test premises ----------------------------------------------
XNLI_OUT = REPO / "benchmarks" / "data" / "perturbations_xnli.json"
XNLI_LANGS = ("en", "ur", "ar", "ru")


# where each part of XNLI lies under the data directory ("dev" is development material only)
XNLI_DIRS = {"test": Path("eval") / "xnli_test", "dev": Path("nli") / "xnli_dev"}


def xnli_part_premises(data: Path, part: str, lang: str) -> list[str] | None:
    """The premise of every row of XNLI ``part`` in ``lang`` ("test" has a header row, "dev" none), or None
    when the file is missing."""
    f = data / XNLI_DIRS[part] / f"{part}-{lang}.tsv"
    if not f.exists():
        return None
    rows = f.read_text(encoding="utf-8").split("\n")[1 if part == "test" else 0:]
    return [r.split("\t", 1)[0] for r in rows if r]


def xnli_premises(data: Path, part: str = "test") -> tuple[dict[str, list[str]], list[int]]:
    """Premises of XNLI ``part`` per language (row i is the same item in every language) and the first row
    of each distinct English premise (each premise has three hypotheses)."""
    lines = {}
    for lang in XNLI_LANGS:
        rows = xnli_part_premises(data, part, lang)
        if rows is None:
            raise FileNotFoundError(data / XNLI_DIRS[part] / f"{part}-{lang}.tsv")
        lines[lang] = rows
    seen: set[str] = set()
    firsts = []
    for i, p in enumerate(lines["en"]):
        if p not in seen:
            seen.add(p)
            firsts.append(i)
    return lines, firsts


def xnli_split(row: int) -> str:
    """Half the premises (by a hash of the row) to develop on ("xdev"), half held out ("fresh")."""
    return "xdev" if int(hashlib.sha256(f"xnli:{row}".encode()).hexdigest(), 16) % 2 == 0 else "fresh"


def build_xnli(per_type: int = 44, seed: int = 7, clean_extra: int = 40, part: str = "test") -> dict:
    """The same generator on XNLI test premises (en, ur, ar, ru; professional translations of MultiNLI
    premises: fiction, government, letters, travel, telephone speech...), built after the checks were
    developed on NTREX. Split by premise (``xnli_split``): "xdev" may be read while developing, "fresh"
    never is. XNLI is CC BY-NC 4.0, so items hold row numbers, offsets and replacements only; the
    benchmark reads the premises from $FACTCHECK_DATA/eval/xnli_test."""
    lines, rows = xnli_premises(data_dir(), part)
    # development material ("dev") only: every item is split "xnlidev" and may be read
    source, split = f"xnli_{part}", (lambda i: "xnlidev") if part == "dev" else xnli_split
    common = common_words(lines["en"], data_dir() / COMMON_CORPUS)
    pools = {"common": common, "surnames": surname_pools(lines, rows, common),
             "countries": ["US", "GB", "FR", "DE", "CN", "RU", "IN", "PK", "TR", "IR", "EG", "SA", "JP", "BR", "CA",
                           "IT", "ES", "MX", "UA", "PL", "NG", "KZ", "AE", "QA", "OM", "BH", "MA", "SD", "IL", "AU"]}
    items: list[dict] = []
    pairs = [(a, b) for i, a in enumerate(XNLI_LANGS) for b in XNLI_LANGS[i + 1:]]
    for x0, y0 in pairs:
        pair = "-".join(sorted((x0, y0)))
        rng = stable_rng(seed, "xnli", pair)
        usable = [i for i in rows if all(lines[la][i].strip() for la in (x0, y0))]
        chosen, clean_lines = choose(lines, usable, x0, y0, pools, rng, per_type, clean_extra,
                                     lambda i: stable_rng(seed, "xnli", pair, i))
        for i in clean_lines:
            x, y = (x0, y0) if i % 2 == 0 else (y0, x0)
            items.append({"id": f"xnli-{pair}-{i}-clean", "source": source, "split": split(i), "pair": pair,
                          "line": i, "x": x, "y": y, "type": "clean", "expected": "not_contradict"})
        for c in chosen:
            items.append({"id": f"xnli-{pair}-{c['line']}-{c['type']}", "source": source, "split": split(c["line"]),
                          "pair": pair, "line": c["line"], "x": c["x"], "y": c["y"], "type": c["type"],
                          "expected": "contradict",
                          "edit": {"side": "y", "start": c["start"], "end": c["end"], "new": c["new"]}})
    return {
        "schema": "factcheck.perturbations/1",
        "about": "XNLI test premises, parallel in en/ur/ar/ru, with one fact changed (expected contradict) and "
                 "untouched (expected not contradict); split by premise into 'xdev' (may be read while "
                 "developing) and 'fresh' (never read). See benchmarks/build_perturbations.py.",
        "license": "XNLI is CC BY-NC 4.0: items hold row numbers and offsets only; text is read from "
                   "$FACTCHECK_DATA/eval/xnli_test at run time",
        "params": {"per_type": per_type, "seed": seed, "clean_extra": clean_extra},
        "items": items,
    }


def lines_used(items: list[dict], line, langs) -> dict[str, dict[str, str]]:
    """The NTREX text (``line(lang, row)``) of every row an NTREX item points to, on its two sides, by
    language: what a set stores under "lines", and nothing more."""
    used: dict[str, set[int]] = {lang: set() for lang in langs}
    for i in items:
        if i["source"] == "ntrex128":
            used[i["x"]].add(i["line"])
            used[i["y"]].add(i["line"])
    return {lang: {str(n): line(lang, n) for n in sorted(used[lang])} for lang in langs}


def splice_persons(old: dict, new: dict) -> dict:
    """``old`` (a set an earlier generator built) with its generated person items replaced by those of
    ``new`` (the same source, seed and sizes, built now); every other item, untouched pairs included, stays
    as it was, so the figures of the other types stay comparable. The seed items keep their own person edit
    (a fixed one). How generator 2 made the committed sets from generator 1's (see ``is_person``)."""
    generated = ("ntrex128", "xnli_test", "xnli_dev")
    items = [i for i in old["items"] if i["type"] != "person" or i["source"] not in generated]
    items += [i for i in new["items"] if i["type"] == "person" and i["source"] in generated]
    out = {**old, "items": items, "params": {**old["params"], "generator": 2, "persons": "generator 2"}}
    if "lines" in old:  # the NTREX text of every line an item points to, and no other
        both = {lang: {**new["lines"].get(lang, {}), **old["lines"].get(lang, {})} for lang in old["lines"]}
        out["lines"] = lines_used(items, lambda lang, i: both[lang][str(i)], tuple(old["lines"]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-type", type=int, default=None,
                    help="perturbed items per type and language pair (per split for ntrex); default 22 (ntrex), 44 (xnli)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--source", choices=("ntrex", "xnli", "xnli-dev"), default="ntrex",
                    help="ntrex: NTREX-128 + seeds (dev/test); xnli: XNLI test premises (xdev/fresh); "
                         "xnli-dev: XNLI dev premises (all 'xnlidev', for development only; needs --out)")
    ap.add_argument("--out", default=None)
    ap.add_argument("--splice-persons-into", metavar="SET", default=None,
                    help="keep every item of SET (built earlier, same source and seed) but its person items, "
                         "which come from this build (splice_persons)")
    args = ap.parse_args(argv)
    if args.source == "xnli-dev" and not args.out:
        ap.error("--source xnli-dev writes development material: give --out")
    result = (build(args.per_type or 22, args.seed) if args.source == "ntrex"
              else build_xnli(args.per_type or 44, args.seed, part="dev" if args.source == "xnli-dev" else "test"))
    if args.splice_persons_into:
        old = json.loads(Path(args.splice_persons_into).read_text(encoding="utf-8"))
        if old.get("params", {}).get("seed") != args.seed:
            ap.error(f"{args.splice_persons_into} was built with seed {old.get('params', {}).get('seed')}, not {args.seed}")
        result = splice_persons(old, result)
    out = Path(args.out or (OUT if args.source == "ntrex" else XNLI_OUT))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                   encoding="utf-8")
    n = len(result["items"])
    by = {}
    for it in result["items"]:
        by[(it["pair"], it["type"])] = by.get((it["pair"], it["type"]), 0) + 1
    print(f"wrote {out}: {n} items, {out.stat().st_size / 1e6:.2f} MB")
    for pair in sorted({p for p, _ in by}):
        print(pair, {t: by.get((pair, t), 0) for t in ("clean",) + TYPES})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
