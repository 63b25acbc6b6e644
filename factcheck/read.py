"""Read articles: bytes on disk (or stdin) -> decoded, normalised ``Document`` objects.

In:  a path: a file, a directory (every ``.txt .md .html .htm .jsonl`` below it, recursively,
     sorted by relative path, hidden files and folders skipped), or "-" for the bytes of stdin.
Out: ``list[Document]``, one per article (one per line for JSONL, ``path`` = "file#L3").

What holds:
- ``Document.text`` is the decoded text with newlines normalised to "\\n" and Unicode to NFC, done
  before anything else looks at it, so every later offset points into exactly this string;
  ``content_hash`` is the sha256 of its UTF-8 bytes (UTF-8 and UTF-16 copies hash the same).
- Decoding, first that fits: BOM (UTF-8, UTF-16 LE/BE, UTF-32), BOM-less UTF-16 (NUL bytes all on
  odd or all on even positions), strict UTF-8, the charset an HTML page declares, Windows-1256
  (when nearly every non-ASCII letter comes out Arabic and alef is frequent, as it is in Arabic,
  Persian and Urdu), else charset-normalizer's best guess if its mess ratio is low.
  ``Document.encoding`` names what was used.
- Bad input raises ``InputError(path, problem)`` naming one problem; size is checked with ``stat``
  before reading. Nothing is half-returned: the first bad file of a directory stops the read.
- HTML: main text by trafilatura (comments excluded), metadata from its ``extract_metadata``.
- Plain text (also JSONL records that lack the field) gets metadata by fixed rules, documented at
  ``text_metadata``: a date from a date line, the first short unpunctuated line as title, an
  agency/outlet from a byline or "Source:" line. No rule fires -> None.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import json
import os
import re
import sys
import unicodedata
from typing import BinaryIO
from urllib.parse import urlparse

from .errors import InputError
from .types import Document

ARTICLE_EXTS: dict[str, str] = {
    ".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
}
MIN_LETTERS = 20  # fewer letters than this: "no readable text"
_TRIED = "tried utf-8, utf-16, cp1256, charset-normalizer"


# --------------------------------------------------------------------------- public entry point

def read_articles(path: str, *, max_bytes: int = 10_000_000,
                  stdin: BinaryIO | None = None) -> list[Document]:
    """Read every article at ``path`` (file, directory or "-")."""
    if path == "-":
        return [_read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)]
    if not os.path.exists(path):
        raise InputError(path, "no such file or directory")
    if os.path.isdir(path):
        files = _article_files(path)
        if not files:
            exts = ", ".join(ARTICLE_EXTS)
            raise InputError(path, f"no articles found (looked for {exts} files)")
        docs: list[Document] = []
        for f in files:
            docs.extend(_read_file(f, max_bytes))
        return docs
    return _read_file(path, max_bytes)


def _article_files(root: str) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_EXTS:
                full = os.path.join(dirpath, name)
                found.append((os.path.relpath(full, root), full))
    return [full for _, full in sorted(found)]


def _read_file(path: str, max_bytes: int) -> list[Document]:
    try:
        st = os.stat(path)
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror or e}") from None
    if st.st_size > max_bytes:
        raise InputError(path, f"file is {_size(st.st_size)}, over the {_size(max_bytes, limit=True)} "
                               "limit; use --max-bytes")
    if st.st_size == 0:
        raise InputError(path, "empty file")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror or e}") from None
    if len(data) > max_bytes:  # grew since stat, or a special file
        raise InputError(path, f"file is over the {_size(max_bytes, limit=True)} limit; use --max-bytes")
    fmt = ARTICLE_EXTS.get(os.path.splitext(path)[1].lower(), "text")
    if fmt == "jsonl":
        return _jsonl_documents(path, data)
    if fmt == "html":
        text, enc = decode_bytes(data, path, declared=_declared_charset(data))
        return [_html_document(path, text, enc, fmt="html")]
    text, enc = decode_bytes(data, path)
    return [_text_document(path, text, enc, fmt=fmt)]


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Document:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("-", f"input is over the {_size(max_bytes, limit=True)} limit; use --max-bytes")
    if not data:
        raise InputError("-", "empty file")
    declared = _declared_charset(data)
    text, enc = decode_bytes(data, "-", declared=declared)
    if _looks_like_html(text):
        return _html_document("-", text, enc, fmt="stdin")
    return _text_document("-", text, enc, fmt="stdin")


def _size(n: int, limit: bool = False) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            v = n / scale
            return f"{v:g} {unit}" if limit and v == round(v, 1) else f"{v:.1f} {unit}"
    return f"{n} bytes"


# --------------------------------------------------------------------------- decoding

# PDF, PNG, JPEG, ZIP/DOCX, gzip, ELF, xz, 7z, old MS Office: binary even without NUL bytes early on
_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
          b"\xfd7zXZ", b"7z\xbc\xaf", b"\xd0\xcf\x11\xe0")
_CONTROL = frozenset(set(range(0, 32)) - {9, 10, 12, 13} | {127})


def decode_bytes(data: bytes, path: str, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and normalise it (newlines -> "\\n", NFC). Returns ``(text, encoding)``.

    Raises ``InputError`` for empty, binary or undecodable bytes. ``declared`` is a charset named
    by the document itself (an HTML meta tag), tried right after UTF-8.
    """
    if not data:
        raise InputError(path, "empty file")
    text, enc = _decode(data, path, declared)
    bad = sum(1 for ch in text if ord(ch) in _CONTROL)
    if bad > max(2, len(text) // 50):  # same bound as the raw-byte check in _decode
        raise InputError(path, "binary file, not text")
    text = normalize_text(text)
    if not text.strip():
        raise InputError(path, "empty file")
    return text, enc


_ANSI = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


def normalize_text(text: str) -> str:
    """Newlines to "\\n" (CRLF, CR, U+2028, U+2029, NEL), a leading BOM dropped, terminal escape
    sequences and other control characters (but tab and newline) removed, Unicode to NFC."""
    text = _STRAY_CONTROLS.sub("", _ANSI.sub("", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, path: str, declared: str | None) -> tuple[str, str]:
    for bom, codec, label in ((b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
                              (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
                              (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
                              (b"\xff\xfe", "utf-16-le", "utf-16-le"),
                              (b"\xfe\xff", "utf-16-be", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), label
            except UnicodeDecodeError:
                raise InputError(path, f"cannot decode text (it starts with a {label} byte order "
                                       f"mark but is not valid {label})") from None
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data or data.startswith(_MAGIC):
        raise InputError(path, "binary file, not text")
    sample = data[:65536]
    if sum(1 for b in sample if b in _CONTROL) > max(2, len(sample) // 50):
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            name = codecs.lookup(declared).name
            if name not in ("utf-8", "utf-16", "utf-32"):
                return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    text = data.decode("cp1256", errors="replace")
    if _looks_arabic(text):
        return text, "cp1256"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.chaos <= 0.2:
        text = str(best)
        if text.count("\ufffd") <= len(text) // 1000 and _plausible_legacy(text):
            return text, best.encoding
    raise InputError(path, f"cannot decode text ({_TRIED})")


_OK_PUNCT = set("«»„“”‘’‚–—…·•№€£¥₸°§×÷±")


def _plausible_legacy(text: str) -> bool:
    """A legacy-codepage guess reads as language: its non-ASCII characters are letters, marks or
    ordinary punctuation (not box drawing, symbols or controls), and they form words rather than
    non-Latin characters glued to ASCII words ("président" is fine, "HelloБ" is not). Stray invalid bytes in otherwise-ASCII text fail."""
    odd = letters = stray = 0
    words = re.findall(r"\w+", text)
    for w in words:
        non_ascii = [c for c in w if ord(c) > 127 and not unicodedata.name(c, "").startswith("LATIN")]
        if non_ascii and any(c.isascii() and c.isalpha() for c in w):
            stray += 1  # "Hello\u0410" - ASCII and non-ASCII letters in one word
    for ch in text:
        if ord(ch) <= 127:
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "LM":
            letters += 1
        elif ch not in _OK_PUNCT and not ch.isspace():
            odd += 1
    if letters == 0:
        return odd == 0
    return odd <= letters // 20 and stray <= max(1, len(words) // 50)


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes sit (nearly) only at odd/even offsets, else None."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even = sample[0:pairs * 2:2].count(0)
    odd = sample[1:pairs * 2:2].count(0)
    if odd >= max(2, pairs // 20) and even <= pairs // 50:
        return "utf-16-le"
    if even >= max(2, pairs // 20) and odd <= pairs // 50:
        return "utf-16-be"
    return None


def _looks_arabic(text: str) -> bool:
    """Windows-1256 test: nearly all non-ASCII letters Arabic-script and alef frequent (>= 6%)."""
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    if len(letters) < 5:
        return False
    arabic = [ch for ch in letters if unicodedata.name(ch, "").startswith("ARABIC")]
    return len(arabic) >= 0.98 * len(letters) and arabic.count("ا") >= 0.06 * len(arabic)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b",
                         re.I | re.S)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


# --------------------------------------------------------------------------- per format

def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _make(path: str, text: str, *, enc: str, fmt: str, title=None, date=None, source=None, url=None,
          lang=None) -> Document:
    return Document(path=path, text=text, content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    title=title, date=date, source=source, url=url, lang=lang, encoding=enc, format=fmt)


def _text_document(path: str, text: str, enc: str, fmt: str) -> Document:
    if _letters(text) < MIN_LETTERS:
        raise InputError(path, "no readable text")
    meta = text_metadata(text)
    return _make(path, text, enc=enc, fmt=fmt, **meta)


def _html_document(path: str, html: str, enc: str, fmt: str) -> Document:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    if _letters(text) < MIN_LETTERS:
        text = trafilatura.html2txt(html) or ""  # short pages fall below trafilatura's minimum size
    text = normalize_text(text).strip("\n")
    if _letters(text) < MIN_LETTERS:
        raise InputError(path, "no readable text")
    meta = trafilatura.extract_metadata(html)
    title = date = source = url = None
    if meta is not None:
        title = _clean(meta.title)
        date = parse_date(meta.date) if meta.date else None
        source = _clean(meta.sitename) or _clean(meta.author)
        url = _clean(meta.url)
    fallback = text_metadata(text)
    return _make(path, text, enc=enc, fmt=fmt, title=title, date=date or fallback["date"],
                 source=source or fallback["source"], url=url or fallback["url"])


def _jsonl_documents(path: str, data: bytes) -> list[Document]:
    text, enc = decode_bytes(data, path)
    docs = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(path, f"line {lineno} is not valid JSON: {e.msg} (column {e.colno})") from None
        if not isinstance(obj, dict):
            raise InputError(path, f"line {lineno} is not a JSON object")
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            raise InputError(path, f"line {lineno} has no 'text' field")
        body = normalize_text(body)
        if _letters(body) < MIN_LETTERS:
            raise InputError(path, f"line {lineno} has no readable text")
        guess = text_metadata(body)
        field = {k: _clean(obj.get(k)) if isinstance(obj.get(k), str) else None
                 for k in ("url", "source", "title", "date", "lang")}
        date = parse_date(field["date"]) if field["date"] else None
        lang = field["lang"].lower() if field["lang"] else None
        docs.append(_make(f"{path}#L{lineno}", body, enc=enc, fmt="jsonl",
                          title=field["title"] or guess["title"], date=date or guess["date"],
                          source=field["source"] or guess["source"], url=field["url"] or guess["url"],
                          lang=lang))
    if not docs:
        raise InputError(path, "empty file")
    return docs


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


# --------------------------------------------------------------------------- dates

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_MONTHS: dict[str, int] = {}
for _i, _names in enumerate((
    "january jan يناير كانون_الثاني جنوری января январь",
    "february feb فبراير شباط فروری февраля февраль",
    "march mar مارس آذار مارچ марта март",
    "april apr أبريل ابريل إبريل نيسان اپریل апреля апрель",
    "may مايو أيار ايار مئی мая май",
    "june jun يونيو يونيه حزيران جون июня июнь",
    "july jul يوليو يوليه تموز جولائی июля июль",
    "august aug أغسطس اغسطس آب اگست августа август",
    "september sep sept سبتمبر أيلول ايلول ستمبر сентября сентябрь",
    "october oct أكتوبر اكتوبر تشرين_الأول تشرين_الاول اکتوبر октября октябрь",
    "november nov نوفمبر تشرين_الثاني نومبر ноября ноябрь",
    "december dec ديسمبر كانون_الأول كانون_الاول دسمبر декабря декабрь",
), start=1):
    for _n in _names.split():
        _MONTHS[_n.replace("_", " ")] = _i
del _i, _names, _n
_MONTH_RE = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    ("ymd", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")),
    ("d_month_y", re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?<!\w)({_MONTH_RE})(?!\w)\.?,?\s+(\d{{4}})(?!\d)", re.I)),
    ("month_d_y", re.compile(rf"(?<!\w)({_MONTH_RE})(?!\w)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I)),
)


def parse_date(text: str) -> str | None:
    """The first date written in ``text`` as ISO YYYY-MM-DD, or None.

    Understands 2025-11-07, 07-11-2025 / 07/11/2025 (day first, unless only month-first is valid),
    "November 7, 2025", "7 Nov 2025", and month names in Arabic, Urdu and Russian
    ("7 نوفمبر 2025", "7 نومبر 2025", "7 ноября 2025"); Arabic-Indic digits count as digits.
    """
    if not text:
        return None
    s = text.translate(_DIGITS)
    found = []
    for kind, pat in _DATE_PATTERNS:
        for m in pat.finditer(s):
            iso = _to_iso(kind, m.groups())
            if iso:
                found.append((m.start(), iso))
                break
    return min(found)[1] if found else None


def _to_iso(kind: str, g: tuple[str, ...]) -> str | None:
    if kind == "ymd":
        y, m, d = int(g[0]), int(g[1]), int(g[2])
    elif kind == "dmy":
        d, m, y = int(g[0]), int(g[1]), int(g[2])
        if m > 12 >= d:
            d, m = m, d
    elif kind == "d_month_y":
        d, m, y = int(g[0]), _MONTHS[g[1].lower()], int(g[2])
    else:
        m, d, y = _MONTHS[g[0].lower()], int(g[1]), int(g[2])
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------- header rules
# Shared with segment.py, which marks the same lines as boilerplate.

DATE_PREFIX_RE = re.compile(
    r"\s*(?:date|dated|تاریخ|التاريخ|تاريخ|дата)\s*[:：]?\s*"
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?!\d)", re.I)
DATE_MARKER_RE = re.compile(
    r"(?<!\w)(?:published|updated|posted|last updated|first published|publication date|"
    r"date|dated|آخر تحديث|نشر في|تاريخ النشر|تم النشر|شائع|اشاعت|اپ ڈیٹ|"
    r"опубликовано|обновлено|дата публикации)(?!\w)", re.I)
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.I)
_WORD_RE = re.compile(r"\w+")
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)


def is_date_line(line: str) -> bool:
    """A line that only dates the article: "Published : November 7, 2025 at 7:40 AM IST",
    "date 2025-11-07", "07-11-2025 آخر تحديث | 07-11-2025 نشر في | ... بواسطة | ANI"."""
    s = line.strip()
    m = DATE_PREFIX_RE.match(s)
    if m:  # "date 2025-11-07 <title>": judge what follows the prefix
        rest = s[m.end():].strip()
        return not rest or is_date_line(rest)
    if not s or len(s) > 200 or not parse_date(s):
        return False
    rest = s.translate(_DIGITS)
    for _, pat in _DATE_PATTERNS:
        rest = pat.sub(" ", rest)
    rest = _TIME_RE.sub(" ", rest)
    words = [w for w in _WORD_RE.findall(rest) if not w.isdigit()]
    if DATE_MARKER_RE.match(s):
        return len(words) <= 12
    if len(words) <= 3:
        return True
    return "|" in s and DATE_MARKER_RE.search(s) is not None and len(words) <= 12


AGENCIES = ("ANI", "AP", "AFP", "Reuters", "PTI", "IANS", "UNI", "TASS", "RIA Novosti", "Interfax",
            "Xinhua", "Anadolu", "WAM", "SPA", "KUNA", "QNA", "APP", "IRNA", "Kazinform", "Bloomberg",
            "DPA", "EFE", "ANSA", "Kyodo", "Yonhap", "Associated Press")
_AGENCY_RE = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
SOURCE_LABEL_RE = re.compile(
    r"\s*(?:source|sources|ماخذ|المصدر|مصدر|منبع|источник)\s*[:：]\s*(?P<v>.+?)\s*$", re.I)
_NAME = r"[^\W\d_][\w.'’-]*"
BYLINE_RE = re.compile(
    # "By Jane Roe", "BY JANE ROE and John Doe | Reuters": capitalised words only, so "By the end
    # of the year, ..." is not a byline
    rf"^\s*(?:By|BY)\s+(?=[A-Z]){_NAME}(?:\s+(?:(?=[A-Z]){_NAME}|and|&|de|van|von|al|el|bin))*\s*(?:$|[|,;–—-])|"
    rf"(?i:بواسطة|\|\s*(?:{_AGENCY_RE})\s*$|^\s*(?:written|reported|reporting|edited)\s+by\s|"
    r"^\s*(?:author|автор|تحرير|تحریر|رپورٹ)\s*[:：])")


def is_byline(line: str) -> bool:
    """A short credit line: "By X | ANI", "... بواسطة | ANI", "Source: ...", "ماخذ: https://..."."""
    s = line.strip()
    if not s or len(_WORD_RE.findall(URL_RE.sub(" ", s))) > 14:
        return False
    return bool(BYLINE_RE.search(s) or SOURCE_LABEL_RE.match(s))


def _source_of(line: str) -> tuple[str | None, str | None]:
    """(source, url) named by a byline or source line, or (None, None)."""
    s = line.strip()
    m = re.search(r"بواسطة\s*[|:：]?\s*(?P<v>[^|]+?)\s*$", s)
    if m is None:
        m = re.search(rf"\|\s*(?P<v>{_AGENCY_RE})\s*$", s, re.I)
    if m is None:
        m = SOURCE_LABEL_RE.match(s)
    if m is None:
        m = re.match(r"\s*by\s+(?P<v>.+?)\s*$", s, re.I)
        if m is None:
            return None, None
        value = m.group("v").split("|")[-1].strip(" ,")
        parts = [p.strip() for p in value.split(",")]
        agency = [p for p in parts if p.lower() in {a.lower() for a in AGENCIES}]
        return (agency[-1] if agency else None), None
    value = m.group("v").strip(" |")
    if re.match(r"(?:https?://|www\.)\S+$", value):
        url = value if value.startswith("http") else "https://" + value
        host = urlparse(url).hostname or ""
        return (host.removeprefix("www.") or None), url
    if len(value) <= 60 and len(value.split()) <= 5:
        return value, None
    return None, None


_TERMINAL = ".!?۔؟…。！？।"


def text_metadata(text: str) -> dict[str, str | None]:
    """Title, date, source and url of a plain-text article, by these rules (first hit wins):

    - date: the first of the first 10 non-empty lines that ``is_date_line`` (a "date 2025-11-07"
      prefix counts), parsed by ``parse_date``.
    - title: the first of the first 5 non-empty lines that is not a date line or byline, with a
      leading "date 2025-11-07" and a Markdown "#" removed, if it has >= 2 words, <= 200
      characters and no final sentence punctuation (a Markdown "# heading" may have it);
      otherwise None.
    - source / url: the first byline or "Source:"/"ماخذ:"/"المصدر:" line among the first 10 and
      last 5 non-empty lines: the agency after "|" or "بواسطة", the label's value if it is short,
      or the host name of a URL (which also becomes ``url``).
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    head = lines[:10]
    date = next((parse_date(ln) for ln in head if is_date_line(ln) or DATE_PREFIX_RE.match(ln)), None)
    title = None
    for ln in lines[:5]:
        rest = ln
        m = DATE_PREFIX_RE.match(rest)
        if m:
            rest = rest[m.end():].strip()
        if not rest or is_date_line(rest) or is_byline(rest):
            continue
        heading = rest.startswith("#")
        rest = rest.lstrip("#").strip()
        if (len(rest) <= 200 and len(_WORD_RE.findall(rest)) >= 2
                and (heading or rest.rstrip("\"'”’»)").rstrip()[-1:] not in _TERMINAL)):
            title = rest
        break
    source = url = None
    for ln in head + lines[-5:]:
        if is_byline(ln) or is_date_line(ln):
            source, url = _source_of(ln)
            if source or url:
                break
    return {"title": title, "date": date, "source": source, "url": url}
