"""Language and script identification.

In:  text (a sentence, a paragraph, a whole ``Document``) and the configured language codes
     (ISO 639-1, default ``DEFAULT_LANGS``).
Out: ``detect`` -> one ISO 639-1 code or None; ``detect_document`` -> the dominant language of a
     document or None; ``check_script`` -> the dominant script name, or ``InputError`` when most
     letters are in a script that none of the configured languages is written in.

What holds:
- Script first, language second. Letters are counted per Unicode script (from the first word of
  ``unicodedata.name``); only the dominant script's tokens are shown to lingua, and lingua only
  chooses among the configured languages written in that script. Capitalised tokens (names,
  acronyms) do not vote on the script when another script is present, so Latin-script names
  ("CSTO", "Donald Trump") inside an Urdu sentence never flip it to English. A script with one
  configured language (Han -> zh, Devanagari -> hi) needs no model at all.
- Letters unique to one language decide before lingua does: Urdu (ے ں ٹ ڈ ڑ ھ ہ ۔) against
  Arabic/Persian, Kazakh (ә ғ қ ң ө ұ ү һ) against Russian. lingua alone mistakes short Urdu
  sentences for Persian.
- Detectors are built lazily, once per language set (``functools.lru_cache``), in lingua's
  low-accuracy mode (trigram models only), nothing preloaded. Measured on the dev machine (lingua
  2.1.1, 2 cores), time of the FIRST detection of a news sentence, fresh process:
      candidates                    high accuracy   low accuracy
      Arabic script {ar, fa, ur}        0.57 s          0.04 s
      Cyrillic {ru, kk}                 0.35 s          0.02 s
      Latin {en, tr, fr, de, es}        1.39 s          0.04 s
      all 12 default, preloaded         1.9 s           0.14 s
  Later detections take well under 1 ms. Accuracy on 132 sentences (the four seed articles split
  by line and full stop, plus short hand-written fa/ar/ru/kk sentences) was the same in both modes
  once the unique-letter rules above apply: 4 wrong, all boilerplate (an English date line, a
  URL, an image path, a photo credit). Lingua alone, high accuracy, got 5 of the 112 seed
  sentences wrong (low accuracy: 9, mostly Urdu taken for Persian); 40 short Latin-script news
  sentences were all right in both modes. So low accuracy keeps every first detection of the
  default set far under 0.3 s at no measured cost.
- Nothing is loaded at import time; lingua is imported inside the functions that need it.
"""
from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from .errors import ConfigError, InputError
from .types import Document

DEFAULT_LANGS: tuple[str, ...] = ("en", "ur", "ar", "ru", "kk", "fa", "tr", "fr", "de", "es", "zh", "hi")

# Scripts of the lingua languages that are not written in Latin script; every other code is Latin.
_LANG_SCRIPTS: dict[str, tuple[str, ...]] = {
    "ar": ("Arabic",), "fa": ("Arabic",), "ur": ("Arabic",),
    "ru": ("Cyrillic",), "kk": ("Cyrillic",), "uk": ("Cyrillic",), "be": ("Cyrillic",),
    "bg": ("Cyrillic",), "mk": ("Cyrillic",), "mn": ("Cyrillic",), "sr": ("Cyrillic",),
    "zh": ("Han",), "ja": ("Hiragana", "Katakana", "Han"), "ko": ("Hangul",),
    "hi": ("Devanagari",), "mr": ("Devanagari",), "bn": ("Bengali",), "gu": ("Gujarati",),
    "pa": ("Gurmukhi",), "ta": ("Tamil",), "te": ("Telugu",), "el": ("Greek",), "he": ("Hebrew",),
    "ka": ("Georgian",), "hy": ("Armenian",), "th": ("Thai",),
}
# Scripts written without spaces between words (for word counts elsewhere).
UNSPACED_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar"})

URDU_ONLY = frozenset("ٹڈڑںےۓھہۃ۔")  # letters Arabic does not use
_KAZAKH_ONLY = frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ")


def lang_scripts(code: str) -> tuple[str, ...]:
    """Scripts a language code is written in ("Latin" unless listed)."""
    return _LANG_SCRIPTS.get(code, ("Latin",))


@functools.lru_cache(maxsize=4096)
def char_script(ch: str) -> str | None:
    """Script of one letter ("Latin", "Arabic", "Han", ...), None for a non-letter."""
    if not ch.isalpha():
        return None
    try:
        words = unicodedata.name(ch).split()
    except ValueError:
        return "Unknown"
    first = words[0]
    if first in ("FULLWIDTH", "HALFWIDTH") and len(words) > 1:
        first = words[1]
    if first == "CJK":
        return "Han"
    if first in ("MATHEMATICAL", "MODIFIER", "SMALL"):
        return "Latin" if "LATIN" in words or len(words[-1]) == 1 else "Other"
    return first.capitalize()


def script_counts(text: str) -> Counter[str]:
    """Letters per script in ``text``."""
    counts: Counter[str] = Counter()
    for ch in text:
        s = char_script(ch)
        if s is not None:
            counts[s] += 1
    return counts


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def _validate(langs: Iterable[str]) -> tuple[str, ...]:
    codes = tuple(dict.fromkeys(c.strip().lower() for c in langs))
    if not codes:
        raise ConfigError("no languages configured")
    supported = _lingua_codes()
    unknown = [c for c in codes if c not in supported]
    if unknown:
        raise ConfigError(
            f"unknown language code(s): {', '.join(unknown)} (use ISO 639-1 codes lingua knows, "
            f"e.g. {', '.join(DEFAULT_LANGS)})"
        )
    return codes


@functools.lru_cache(maxsize=1)
def _lingua_codes() -> frozenset[str]:
    from lingua import Language

    return frozenset(lang.iso_code_639_1.name.lower() for lang in Language.all())


@functools.lru_cache(maxsize=32)
def _detector(codes: frozenset[str]):
    """A lingua detector for exactly these languages (low-accuracy mode), built once."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in sorted(codes)]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _tokens_in_script(text: str, script: str) -> str:
    """The whitespace tokens of ``text`` whose letters are mostly in ``script`` (or have none)."""
    keep = []
    for tok in text.split():
        c = script_counts(tok)
        if not c or c.most_common(1)[0][0] == script:
            keep.append(tok)
    return " ".join(keep)


def _vote(text: str) -> Counter[str]:
    """Letters per script, where capitalised tokens (names, acronyms) do not vote when the text
    also has letters of another script: "Donald Trump نے کہا" is Arabic-script text."""
    counts = script_counts(text)
    if len(counts) > 1:
        names: Counter[str] = Counter()
        for tok in text.split():
            c = script_counts(tok)
            first = next((ch for ch in tok if ch.isalpha()), "")
            if len(c) == 1 and first.isupper():
                names.update(c)
        rest = counts - names
        if rest:
            return rest
    return counts


def detect(text: str, langs: Sequence[str] = DEFAULT_LANGS) -> str | None:
    """ISO 639-1 code of the language of ``text`` among ``langs``; None if undetermined.

    Weighted by letters: the dominant script picks the candidate languages, tokens in other scripts
    are ignored, then unique letters or lingua pick among the candidates.
    """
    codes = _validate(langs)
    counts = _vote(text)
    if not counts:
        return None
    script, n_letters = counts.most_common(1)[0]
    candidates = [c for c in codes if script in lang_scripts(c)]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    sample = _tokens_in_script(text, script)
    if script == "Arabic" and "ur" in candidates:
        urdu = sum(ch in URDU_ONLY for ch in sample)
        if urdu >= 3 or (urdu and urdu / n_letters >= 0.02):
            return "ur"
    if script == "Cyrillic" and "kk" in candidates:
        kazakh = sum(ch in _KAZAKH_ONLY for ch in sample)
        if kazakh >= 3 or (kazakh and kazakh / n_letters >= 0.02):
            return "kk"
    detector = _detector(frozenset(candidates))
    lang = detector.detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang is not None else None


def detect_document(doc: Document | str, langs: Sequence[str] = DEFAULT_LANGS, *,
                    max_letters: int = 20_000) -> str | None:
    """Dominant language of a document: each line (paragraph) is detected on its own and votes with
    its number of letters; the first ``max_letters`` letters are enough. None if nothing is known."""
    text = doc.text if isinstance(doc, Document) else doc
    votes: Counter[str] = Counter()
    seen = 0
    for line in text.splitlines():
        letters = sum(ch.isalpha() for ch in line)
        if not letters:
            continue
        lang = detect(line, langs)
        if lang is not None:
            votes[lang] += letters
        seen += letters
        if seen >= max_letters:
            break
    return votes.most_common(1)[0][0] if votes else None


def check_script(text: str, path: str, langs: Sequence[str] = DEFAULT_LANGS) -> str | None:
    """Raise ``InputError`` when most letters of ``text`` are in a script that none of ``langs`` is
    written in; otherwise return the dominant script (None when there are no letters)."""
    codes = _validate(langs)
    counts = script_counts(text)
    total = sum(counts.values())
    if not total:
        return None
    supported = list(dict.fromkeys(s for c in codes for s in lang_scripts(c)))
    unsupported = {s: n for s, n in counts.items() if s not in supported}
    if sum(unsupported.values()) * 2 > total:
        worst = max(unsupported, key=lambda s: unsupported[s])
        raise InputError(path, f"unsupported script: {worst} (supported: {', '.join(supported)})")
    return counts.most_common(1)[0][0]
