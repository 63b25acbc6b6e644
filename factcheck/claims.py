"""Claims v2: atomic claims, with their kind, check-worthiness and quantities.

In:  a ``Document`` and its ``Sentence`` list (from ``segment``).
Out: ``Claim`` records in text order, ``index`` 0..n-1: each content sentence split into the
     statements it joins (``atomic.split``), with character offsets into ``Document.text``, the full
     sentence as context (``sentence``/``sentence_start``/``sentence_end``), the sentence language,
     the claim's quantities (``quantities.extract`` in that language), ``kind`` and
     ``checkworthiness``.
Holds:
- ``doc.text[c.start:c.end] == c.text``; a claim lies inside its sentence; claims do not overlap.
- Sentences marked as boilerplate (bylines, date lines, copyright, captions, URLs, ...) never
  become claims.
- ``kind`` is the first that applies: "opinion" (an exclamation, or an opinion/blessing word, and
  no number), "quantity" (a number, percentage or ordinal), "date" (a year or date), "attribution"
  (a quotation mark or a speech verb: said, کہا, قال, заявил, деді), else "event".
- ``checkworthiness`` in [0, 1]: 0.4, +0.3 with a number, +0.15 with a year or date, +0.075 a name
  (up to two), +0.05 attributed; -0.35 an exclamation, -0.25 an opinion word, -0.2 a question,
  -0.15 under five words. Reports hide claims under ``HIDE_BELOW`` unless asked for all claims:
  slogans and filler ("Blessed are the peacemakers!") score 0.
- ``EXTRACTOR_ID`` names this extraction version; stored claims are keyed by it, so v1 claims (one per
  sentence) stored earlier are never mixed with these.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from . import atomic, quantities
from .lexicon import OPINION_WORDS, SPEECH_VERBS, fold
from .names import find_names
from .types import Claim, Document, Quantity, Sentence

EXTRACTOR_ID = "claims-v2-atomic"
HIDE_BELOW = 0.25

_QUOTES = re.compile(r"[\"“”«»„]")
_WORD = re.compile(r"[^\W\d_]+")


def extract_claims(doc: Document, sentences: Sequence[Sentence]) -> list[Claim]:
    claims: list[Claim] = []
    for s in sentences:
        if s.boilerplate:
            continue
        lang = s.lang or doc.lang
        for a, b in atomic.split(s.text, s.start, lang):
            text = doc.text[a:b]
            qs = quantities.extract(text, a, lang)
            kind, score = classify(text, qs, lang)
            claims.append(
                Claim(
                    doc_hash=doc.content_hash,
                    index=len(claims),
                    text=text,
                    start=a,
                    end=b,
                    sentence=s.text,
                    sentence_start=s.start,
                    sentence_end=s.end,
                    lang=lang,
                    kind=kind,
                    checkworthiness=score,
                    quantities=qs,
                )
            )
    return claims


def classify(text: str, qs: Sequence[Quantity], lang: str | None = None) -> tuple[str, float]:
    """(kind, check-worthiness) of a claim text with its quantities (see module doc)."""
    words = [fold(w) for w in _WORD.findall(text)]
    stripped = text.rstrip(" \"'”»)")
    exclaim = stripped.endswith(("!", "！"))
    question = stripped.endswith(("?", "؟", "？"))
    opinion = any(w in OPINION_WORDS for w in words)
    numbers = any(q.kind in ("number", "percent", "ordinal") for q in qs)
    dates = any(q.kind in ("year", "date") for q in qs)
    attributed = bool(_QUOTES.search(text)) or any(w in SPEECH_VERBS for w in words)
    n_names = len(find_names(text, lang))
    if (exclaim or opinion) and not numbers:
        kind = "opinion"
    elif numbers:
        kind = "quantity"
    elif dates:
        kind = "date"
    elif attributed:
        kind = "attribution"
    else:
        kind = "event"
    score = 0.4 + 0.3 * numbers + 0.15 * dates + 0.075 * min(2, n_names) + 0.05 * attributed
    score -= 0.35 * exclaim + 0.25 * opinion + 0.2 * question + 0.15 * (len(words) < 5)
    return kind, round(min(1.0, max(0.0, score)), 3)
