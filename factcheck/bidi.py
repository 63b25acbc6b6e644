"""Right-to-left text for terminals that do not implement bidi.

In: logical text (as stored, as in JSON) and a width in terminal cells.
Out: display lines, each at most ``width`` cells, in *visual* order: what a bidi-capable renderer
would show, left to right, so a terminal that just paints characters from left to right (xterm,
tmux, the Linux console, most terminal emulators) shows Arabic and Urdu words in the right order.

What holds:

* Wrapping happens first, on words, in logical order (so the first line holds the first words of the
  sentence); each line is then reordered with the Unicode Bidirectional Algorithm (python-bidi).
  Reordering after wrapping is the order UAX #9 prescribes (section 3.4: line breaking happens
  between resolving levels and reordering); invisible marks carry the paragraph context into each
  line so a line resolves as it would inside the paragraph (see ``_reorder_paragraph``).
* One base direction for the whole text, not per line, so an Urdu sentence whose second line starts
  with "CSTO" or "1992" stays right-to-left. It is the caller's (from the claim's language, see
  ``paragraph_direction``), else the direction of the majority of strong letters, ties going to the
  first strong character. Plain UAX #9 rule P2 (first strong character only) gets a common news
  sentence wrong: an Urdu sentence that opens with "CSTO" or "ANI" would be laid out left-to-right.
* Text with no right-to-left character is returned wrapped but otherwise untouched.
* Combining marks (harakat, U+0670 ...) are put back after their base letter (rule L3), since a
  terminal attaches a mark to the cell before it.
* Bidi formatting characters (LRM, RLM, ALM, embeddings, overrides, isolates) are dropped from the
  visual lines: the algorithm has applied them, and a terminal without bidi may draw them.
* Control characters (C0/C1, e.g. ESC) are dropped so article text can never drive the terminal.

Arabic letter shaping (joining forms) is deliberately not done. Converting to the compatibility
"presentation form" characters (U+FB50-U+FEFF) would make the letters join in a terminal that does
not shape, but: copied text would no longer match the article (search, grep and pasting into a
translator break), monospace fonts often lack those glyphs, lam-alef ligatures change cell widths,
the Urdu letters are only partly covered, and terminals that do shape (VTE, mlterm) would be handed
pre-shaped text. Unjoined letters are legible; reversed words are not. So we fix order, not shape.

Modes (``MODES``): ``"visual"`` (default) reorders as above; ``"logical"`` leaves text in logical
order for terminals that do bidi themselves (mlterm, Konsole, VTE-based terminals with bidi enabled), which
would otherwise reverse the text a second time. The mode is resolved once, at the edge:
``Settings.bidi`` from the CLI's ``--bidi`` option or the ``FACTCHECK_BIDI`` environment variable.
"""
from __future__ import annotations

import unicodedata

from rich.cells import cell_len

MODES = ("visual", "logical")

_RTL_CLASSES = frozenset({"R", "AL"})
# Explicit bidi formatting characters: ALM, LRM, RLM, LRE..RLO, LRI..PDI.
_BIDI_FORMAT = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

# Languages written right to left (ISO 639-1, plus a few 639-3 codes langid tools emit).
RTL_LANGS = frozenset(
    {"ar", "arz", "ckb", "dv", "fa", "he", "iw", "ks", "pnb", "ps", "sd", "ug", "ur", "yi"}
)


def paragraph_direction(text: str, lang: str | None = None) -> str:
    """The base direction ("R" or "L") to lay ``text`` out with.

    Text without right-to-left letters is "L". Otherwise a known ``lang`` decides (Urdu, Arabic,
    Persian, Hebrew ... are "R"; any other known language "L"); without one, the majority of strong
    letters decides and a tie goes to the first strong character.
    """
    rtl = ltr = 0
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in _RTL_CLASSES:
            rtl += 1
        elif cls == "L":
            ltr += 1
    if not rtl:
        return "L"
    if lang and lang.lower() not in ("und", "unknown"):
        return "R" if lang.lower().split("-")[0] in RTL_LANGS else "L"
    if rtl != ltr:
        return "R" if rtl > ltr else "L"
    return base_direction(text) or "L"


def base_direction(text: str) -> str | None:
    """"R" or "L" from the first strong character of ``text`` (UAX #9 rule P2), None if none."""
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in _RTL_CLASSES:
            return "R"
        if cls == "L":
            return "L"
    return None


def has_rtl(text: str) -> bool:
    """True if ``text`` contains any right-to-left letter."""
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def is_rtl(text: str, lang: str | None = None) -> bool:
    """True if ``text`` is laid out right to left (see ``paragraph_direction``)."""
    return paragraph_direction(text, lang) == "R"


def visual_lines(text: str, width: int, direction: str | None = None) -> list[str]:
    """Wrap ``text`` to ``width`` cells and return each line in visual (display) order.

    ``direction`` ("R" or "L") is the base direction; None means ``paragraph_direction(text)``.
    Words are separated by whitespace (runs collapse to one space); newlines are kept as hard line
    breaks. A word wider than ``width`` is cut between characters. No line is wider than ``width``
    unless a single character is (a double-width character with ``width`` 1).
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width}")
    if direction not in (None, "R", "L"):
        raise ValueError(f"direction must be 'R', 'L' or None, got {direction!r}")
    text = _clean(text)
    if direction is None:
        direction = paragraph_direction(text)
    paragraphs = [wrap_logical(paragraph, width) for paragraph in text.split("\n")]
    if not has_rtl(text):
        return [line for lines in paragraphs for line in lines]
    return [line for lines in paragraphs for line in _reorder_paragraph(lines, direction)]


def wrap_logical(text: str, width: int) -> list[str]:
    """Greedy word wrap in logical order, measuring with ``rich.cells.cell_len``.

    Always returns at least one line (``[""]`` for blank text).
    """
    lines: list[str] = []
    line = ""
    line_len = 0
    for word in text.split():
        word_len = cell_len(word)
        if line and line_len + 1 + word_len <= width:
            line += " " + word
            line_len += 1 + word_len
            continue
        if line:
            lines.append(line)
        if word_len <= width:
            line, line_len = word, word_len
            continue
        pieces = _fold(word, width)
        lines.extend(pieces[:-1])
        line = pieces[-1]
        line_len = cell_len(line)
    lines.append(line)
    return lines


def _fold(word: str, width: int) -> list[str]:
    """Cut one word into pieces of at most ``width`` cells, keeping marks with their base."""
    pieces: list[str] = []
    piece = ""
    piece_len = 0
    for ch in word:
        ch_len = cell_len(ch)
        if piece and ch_len and piece_len + ch_len > width:
            pieces.append(piece)
            piece, piece_len = "", 0
        piece += ch
        piece_len += ch_len
    pieces.append(piece)
    return pieces


def _clean(text: str) -> str:
    """NFC, tabs to spaces, and no control characters except newlines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\t", " ")
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")


def _reorder_paragraph(lines: list[str], direction: str) -> list[str]:
    """Reorder the wrapped lines of one paragraph, each as if the whole paragraph were resolved.

    UAX #9 resolves levels on the paragraph and reorders each line afterwards; python-bidi only
    offers "resolve and reorder this string". Resolving a line alone loses what came before it: in
    "... میں" / "$28 ارب" the number after the break is an Arabic number (rule W2: the last strong
    letter before it is Arabic), but on its own line it would be a European one, so "$28" would show
    one way mid-line and the other way after a break. An invisible mark of the strong type the
    paragraph has before the line (ALM, RLM or LRM), and one of the type after it, restores that
    context; the marks are removed again after reordering.
    """
    before: list[str | None] = []
    last: str | None = None
    for line in lines:
        before.append(last)
        last = _strong_class(line, reverse=True) or last
    after: list[str | None] = [None] * len(lines)
    first: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        after[i] = first
        first = _strong_class(lines[i]) or first
    return [
        _reorder(_MARK_BEFORE.get(b, "") + line + _MARK_AFTER.get(a, ""), direction)
        for line, b, a in zip(lines, before, after)
    ]


_MARK_BEFORE = {"AL": "\u061c", "R": "\u200f", "L": "\u200e"}  # ALM, RLM, LRM
_MARK_AFTER = {"AL": "\u200f", "R": "\u200f", "L": "\u200e"}  # N1 treats AL like R


def _strong_class(line: str, reverse: bool = False) -> str | None:
    """The bidi class (L, R or AL) of the first (or last) strong character of ``line``."""
    for ch in reversed(line) if reverse else line:
        cls = unicodedata.bidirectional(ch)
        if cls in ("L", "R", "AL"):
            return cls
    return None


def _reorder(line: str, direction: str) -> str:
    from bidi import get_display  # python-bidi >= 0.5 (Rust unicode-bidi behind it)

    visual = get_display(line, base_dir=direction)
    visual = "".join(ch for ch in visual if ch not in _BIDI_FORMAT)
    return _marks_after_base(visual)


def _marks_after_base(visual: str) -> str:
    """Rule L3: in reversed (RTL) runs a base letter's marks end up before it; move them after.

    A run of non-spacing marks directly left of an RTL letter belongs to that letter (its base was
    reversed past it). Marks on left-to-right letters already follow their base and are left alone.
    Known limit: a decomposed Latin accent touching an Arabic letter with no space between them is
    moved to the Arabic letter (NFC in ``_clean`` makes decomposed Latin accents rare).
    """
    out: list[str] = []
    i, n = 0, len(visual)
    while i < n:
        if unicodedata.bidirectional(visual[i]) != "NSM":
            out.append(visual[i])
            i += 1
            continue
        j = i
        while j < n and unicodedata.bidirectional(visual[j]) == "NSM":
            j += 1
        marks = visual[i:j]
        if j < n and unicodedata.bidirectional(visual[j]) in _RTL_CLASSES:
            # marks were reversed together with their base: restore base + marks in logical order
            out.append(visual[j])
            out.append(marks[::-1])
            i = j + 1
        else:
            out.append(marks)
            i = j
    return "".join(out)
