"""Split a document into sentences and mark the ones that are not content.

In:  a ``Document`` (``Document.text`` is what every offset points into) and the configured
     language codes (``None``: skip language detection).
Out: ``list[Sentence]``: every sentence in text order, ``doc.text[s.start:s.end] == s.text``,
     no surrounding whitespace, no overlaps; ``lang`` per sentence; ``boilerplate`` = the reason a
     sentence is not content (``BOILERPLATE_REASONS``), None for content.

What holds / decisions:
- A line break always ends a sentence (so hard-wrapped plain text is split per line).
- Ends of sentences: ``۔ ؟ 。 ！ ？ । ॥`` always; ``. ! ? …`` when followed by white space or the
  end of the line, except after abbreviations (Mr. Dr. U.S. e.g. i.e. No. т.е. г. им. ...; "т.д."
  and "т.п." only when the next word is not capitalised, as they usually close a sentence),
  single capital initials (J. Smith, А. С. Пушкин), a list number at the start of a line ("1. "),
  or when the next word starts with a lower-case letter. "3.5", "7:40" and "example.com" never
  split (no space after the dot). A full stop glued between two Arabic-script letters splits.
  Closing quotes and brackets right after the end mark belong to the sentence ("قال: “نص.” وبعد").
- The Arabic comma ``،`` and semicolon ``؛`` (and ``;``) do NOT end a sentence here: they join
  clauses of one statement; splitting claims into atomic parts is the later claims stage's job.
- A leading "date 2025-11-07" on a line is its own sentence (a date line); the rest of the line
  (the title, in seed articles) is segmented as usual.
- Boilerplate rules, first hit wins: whole-line ones (caption, date-line, byline), then sentence
  ones (image-path, url, copyright, read-also, comments; copyright and read-also also cover the
  rest of their line), then heading, fragment and duplicate.
  heading: a one-sentence line of at most 6 words without final punctuation, followed by a line of
  at least max(8, twice as many) words (6, not 3, so that 5-word section titles are caught).
  fragment: fewer than 3 words (Han/Thai-like text: letters / 2), or no letters.
  The document title (``doc.title``, or the first content line when there is none) is content when
  it has >= 4 words (a headline is a claim), "heading" otherwise; later copies of it, and of any
  content sentence, are "duplicate".
- ``lang``: ``langid.detect`` per sentence (letter-weighted, so a Latin name inside an Urdu
  sentence does not flip it), URLs left out; image paths and URL lines get None. Sentences with
  fewer than 12 letters in the document's script take the document's language (``doc.lang``, or
  the letter-weighted majority of its content sentences).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from . import langid
from .lexicon import AR_MARKS
from .read import DATE_PREFIX_RE, URL_RE, is_byline, is_date_line
from .types import Document, Sentence

BOILERPLATE_REASONS = ("date-line", "byline", "copyright", "read-also", "url", "image-path",
                       "caption", "comments", "heading", "fragment", "duplicate")

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_TERM = re.compile(r"[.!?…۔؟。！？।॥]+")
_HARD = frozenset("۔؟。！？।॥")
_TERMINAL = frozenset(".!?…۔؟。！？।॥")
_CLOSERS = frozenset("”\"»’'“)]}›」』")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c")
_SHORT_LETTERS = 12

ABBREVIATIONS = frozenset("""
mr mrs ms messrs dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
no nos nr vs v fig figs vol pp p approx dept univ ave blvd rd co
jan feb mar apr jun jul aug sep sept oct nov dec
e.g i.e u.s u.k u.n u.s.a a.m p.m z.b bzw
г гг т.е т.к им ул д пр см ср напр проф акад ген тыс млн млрд руб коп стр рис табл
د
""".split())
# These usually close a list, so they end a sentence when the next word is capitalised.
LIST_END_ABBREVIATIONS = frozenset({"т.д", "т.п", "и.т.д", "etc"})
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_OPENERS = "(\"'“‘«[¿¡"

# --- boilerplate patterns; READ_ALSO/COPYRIGHT/COMMENTS run on _fold()ed text --------------------
_ALEF = str.maketrans("أإآٱ", "اااا")
READ_ALSO_RE = re.compile(
    r"^[\s\-–—•*>»:|]*(?:اقرا ايضا|اقرا كذلك|اقرا المزيد|read also|also read|read more|see also|"
    r"related(?: stories| articles| news| posts| content)?\s*(?::|$)|suggested (?:stories|articles)|"
    r"recommended (?:stories|articles)|more stories|you may also like|"
    r"читайте также|читать также|смотрите также|по теме:|"
    r"یہ بھی پڑھیں|مزید پڑھیں|یہ بھی دیکھیں|قصص مقترحة|مقالات ذات صلة|اخبار ذات صلة|مواضيع ذات صلة|"
    r"اخبار متعلقة|همچنین بخوانید|بیشتر بخوانید|ayrıca okuyun|ilgili haberler|"
    r"à lire aussi|lire aussi|lesen sie auch|lea también|lee también)")
COPYRIGHT_RE = re.compile(
    r"©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|^copyright\b|all rights reserved|"
    r"حقوق الطبع|حقوق النشر|جميع الحقوق محفوظة|الحقوق محفوظة|لا يجوز نشر هذه المواد|"
    r"جملہ حقوق|حقوق محفوظ|все права защищены|tüm hakları saklıdır|tous droits réservés|"
    r"alle rechte vorbehalten|todos los derechos reservados|"
    r"may not be (?:published|reproduced)|without (?:prior )?(?:written )?permission")
COMMENTS_RE = re.compile(
    r"(?:(?:تبصرہ|تبصرے|تعليقات|تعليق|comments?|комментарии|комментариев|комментарий|نظرات|"
    r"yorumlar|yorum|kommentare|commentaires|comentarios)\s*[:：]?\s*[(\[]?\s*\d+\s*[)\]]?|"
    r"[(\[]?\d+[)\]]?\s*(?:comments?|تعليقات|تبصرے|تبصرہ|комментари\w*)|"
    r"leave a comment|add a comment|اضف تعليق|اترك تعليقا|تبصرہ کریں)")
CAPTION_END_RE = re.compile(
    r"\(\s*(?:ماخذ|تصویر|تصاویر|فوٹو|صورة|الصورة|صور|المصدر|مصدر|عکس|photo|photos|image|picture|"
    r"source|credit|courtesy|фото|источник)\s*[:：][^()]{0,80}\)\s*(?P<bar>\|)?\s*$", re.I)
CAPTION_START_RE = re.compile(
    r"\s*[(\[]?\s*(?:photo|image|picture|file photo|credit|фото|تصویر|فوٹو|صورة|الصورة|عکس)"
    r"(?:\s+credit)?\s*[:：]", re.I)
IMAGE_RE = re.compile(
    r"\.(?:jpe?g|png|webp|gif|avif|svg|bmp|tiff?)(?:[?#]\S*)?(?=$|[\s)\]\"'>,;|])|"
    r":max_bytes\(|strip_icc\(|/filters?:|:format\(|:quality\(|:fill\(|fit-in/\d+x\d+", re.I)
_DOMAIN_RE = re.compile(
    r"(?:[\w-]+\.)+(?:com|org|net|gov|edu|info|io|news|ru|kz|pk|in|ae|sa|eg|uk|vn|ir|tr|de|fr|es|cn)"
    r"(?:/\S*)?", re.I)


def _fold(s: str) -> str:
    """For matching only: Arabic diacritics and tatweel removed, alef forms unified, lower case,
    white space collapsed."""
    return " ".join(AR_MARKS.sub("", s).translate(_ALEF).lower().split())


def _words(s: str) -> int:
    """Words with letters; for text mostly in unspaced scripts (Han, Thai, ...), letters / 2."""
    counts = langid.script_counts(s)
    letters = sum(counts.values())
    if not letters:
        return 0
    words = sum(1 for tok in s.split() if any(ch.isalpha() for ch in tok))
    unspaced = sum(n for sc, n in counts.items() if sc in langid.UNSPACED_SCRIPTS)
    return max(words, unspaced // 2) if unspaced * 2 > letters else words


# --- splitting ---------------------------------------------------------------------------------

def _lines(text: str):
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in _INVISIBLE):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in _INVISIBLE):
        b -= 1
    return a, b


def _is_arabic_letter(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("ARABIC")


def _no_split_after_dot(text: str, start: int, dot: int, nxt: str) -> bool:
    """True when the "." at ``dot`` ends an abbreviation, an initial or a list number (``nxt``: the
    first character after the following white space)."""
    i = dot
    while i > start and not text[i - 1].isspace():
        i -= 1
    tok = text[i:dot].lstrip(_OPENERS)
    if not tok:
        return False
    if tok.lower() in LIST_END_ABBREVIATIONS:
        return not nxt.isupper()
    if tok.lower() in ABBREVIATIONS or _DOTTED.fullmatch(tok):
        return True
    if len(tok) == 1 and tok.isalpha() and tok.isupper():
        return True
    return tok.isdigit() and len(tok) <= 2 and not text[start:i].strip()


def _split_line(text: str, a: int, b: int) -> list[tuple[int, int, bool]]:
    """Sentence spans ``(start, end, is_date_prefix)`` of the line ``text[a:b]``, untrimmed."""
    spans: list[tuple[int, int, bool]] = []
    pos = a
    m = DATE_PREFIX_RE.match(text, a, b)
    if m:
        spans.append((a, m.end(), True))
        pos = m.end()
    for m in _TERM.finditer(text, pos, b):
        end = j = m.end()
        while j < b and text[j] in _CLOSERS:
            j += 1
        cut = j if (j == b or text[j].isspace()) else end
        after = text[cut] if cut < b else ""
        if not any(c in _HARD for c in m.group()):
            if after and not after.isspace():
                # "3.5", "example.com", "a.m.": no split, unless Arabic text lacks the space
                if not (cut == end and _is_arabic_letter(after) and m.start() > a
                        and _is_arabic_letter(text[m.start() - 1])):
                    continue
            else:
                k = cut
                while k < b and text[k].isspace():
                    k += 1
                nxt = text[k] if k < b else ""
                if nxt.isalpha() and nxt.islower():
                    continue
                if m.group() == "." and _no_split_after_dot(text, pos, m.start(), nxt):
                    continue
        spans.append((pos, cut, False))
        pos = cut
    spans.append((pos, b, False))
    return spans


# --- classification ----------------------------------------------------------------------------

def _line_reason(line: str) -> str | None:
    m = CAPTION_END_RE.search(line)
    if (m and (m.group("bar") or len(line.split()) <= 40)) or CAPTION_START_RE.match(line):
        return "caption"
    if is_date_line(line):
        return "date-line"
    if is_byline(line):
        return "byline"
    return None


def _url_share(s: str) -> float:
    chars = sum(len(t) for t in s.split())
    urls = sum(len(t) for t in s.split() if URL_RE.search(t) or _DOMAIN_RE.fullmatch(t.strip("()[]<>.,;:\"'")))
    return urls / chars if chars else 0.0


def _sentence_reason(s: str, folded: str) -> str | None:
    if IMAGE_RE.search(s):
        toks = s.split()
        hit = sum(len(t) for t in toks if IMAGE_RE.search(t))
        if hit * 10 >= 4 * sum(len(t) for t in toks):
            return "image-path"
    if _url_share(s) > 0.5:
        return "url"
    if COPYRIGHT_RE.search(folded):
        return "copyright"
    if READ_ALSO_RE.match(folded):
        return "read-also"
    if COMMENTS_RE.fullmatch(folded.strip(" .:|-")):
        return "comments"
    return None


def _ends_unpunctuated(s: str) -> bool:
    s = s.rstrip("".join(_CLOSERS) + " ")
    return bool(s) and s[-1] not in _TERMINAL


def segment(doc: Document, langs: Sequence[str] | None = langid.DEFAULT_LANGS) -> list[Sentence]:
    """All sentences of ``doc`` in text order, with language and boilerplate reason."""
    text = doc.text
    lines = []
    for a, b in _lines(text):
        spans = []
        for s, e, forced in _split_line(text, a, b):
            s, e = _trim(text, s, e)
            if s < e:
                spans.append((s, e, forced))
        lines.append((a, b, spans))
    line_words = [_words(text[a:b]) if spans else 0 for a, b, spans in lines]
    next_words = [0] * len(lines)  # words of the next non-empty line
    for i in range(len(lines) - 2, -1, -1):
        next_words[i] = line_words[i + 1] or next_words[i + 1]

    title_key = _fold(doc.title) if doc.title else None
    title_seen = seen_content = False
    seen: set[str] = set()
    out: list[tuple[int, int, str | None]] = []
    for li, (a, b, spans) in enumerate(lines):
        if not spans:
            continue
        line_text = text[a:b].strip()
        line_reason = _line_reason(line_text)
        nxt_words = next_words[li]
        heading_line = (len(spans) == 1 and _ends_unpunctuated(line_text)
                        and 0 < line_words[li] <= 6 and nxt_words >= max(8, 2 * line_words[li]))
        carry = None
        for s, e, forced in spans:
            sent = text[s:e]
            folded = _fold(sent)
            reason = ("date-line" if forced else None) or line_reason or carry or _sentence_reason(sent, folded)
            if reason in ("copyright", "read-also"):
                carry = reason
            if reason is None:
                words = _words(sent)
                if title_key is not None and folded == title_key:
                    reason = "duplicate" if title_seen else (None if words >= 4 else "heading")
                    title_seen = True
                elif heading_line:
                    first_as_title = title_key is None and not seen_content and words >= 4
                    reason = None if first_as_title else "heading"
                if reason is None and (words < 3 or not any(ch.isalpha() for ch in sent)):
                    reason = "fragment"
                if reason is None:
                    if folded in seen:
                        reason = "duplicate"
                    seen.add(folded)
                if reason is None:
                    seen_content = True
            out.append((s, e, reason))

    langs_out = _languages(doc, [text[s:e] for s, e, _ in out], [r for _, _, r in out], langs)
    return [Sentence(text=text[s:e], start=s, end=e, lang=lang, boilerplate=r)
            for (s, e, r), lang in zip(out, langs_out)]


def _languages(doc: Document, sents: list[str], reasons: list[str | None],
               langs: Sequence[str] | None) -> list[str | None]:
    if langs is None:
        return [None] * len(sents)
    # URLs say nothing about the language; image paths and URL lines have none.
    sents = [URL_RE.sub(" ", s) for s in sents]
    found = [None if r in ("image-path", "url") or not any(ch.isalpha() for ch in s)
             else langid.detect(s, langs) for s, r in zip(sents, reasons)]
    main = doc.lang
    if main is None:
        votes: Counter[str] = Counter()
        for s, lang, r in zip(sents, found, reasons):
            if lang is not None and r is None:
                votes[lang] += sum(ch.isalpha() for ch in s)
        main = votes.most_common(1)[0][0] if votes else None
    if main is None:
        return found
    scripts = langid.lang_scripts(main)
    for i, (s, r) in enumerate(zip(sents, reasons)):
        counts = langid.script_counts(s)
        if not counts or r in ("image-path", "url"):
            continue
        script, n = counts.most_common(1)[0]
        if n < _SHORT_LETTERS and script in scripts:
            found[i] = main
    return found
