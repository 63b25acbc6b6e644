"""Claims v1: one claim per content sentence.

In:  a ``Document`` and its ``Sentence`` list (from ``segment``).
Out: ``Claim`` records in text order, ``index`` 0..n-1, with character offsets into ``Document.text``,
     the full sentence as context, the sentence language, and the sentence's quantities.
Holds:
- Sentences marked as boilerplate (bylines, date lines, copyright, captions, URLs, ...) never
  become claims.
- ``EXTRACTOR_ID`` names this extraction version; stored claims are keyed by it, so a new splitter
  (atomic claims) stores its claims beside these instead of silently mixing them.
"""
from __future__ import annotations

from collections.abc import Sequence

from . import quantities
from .types import Claim, Document, Sentence

EXTRACTOR_ID = "claims-v1"


def extract_claims(doc: Document, sentences: Sequence[Sentence]) -> list[Claim]:
    claims: list[Claim] = []
    for s in sentences:
        if s.boilerplate:
            continue
        claims.append(
            Claim(
                doc_hash=doc.content_hash,
                index=len(claims),
                text=s.text,
                start=s.start,
                end=s.end,
                sentence=s.text,
                sentence_start=s.start,
                sentence_end=s.end,
                lang=s.lang or doc.lang,
                quantities=quantities.extract(s.text, s.start),
            )
        )
    return claims
