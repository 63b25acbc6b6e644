"""Search stage: stored claims closest to a query in any language, with their verdict history.

In:  a query string (any language the encoder covers), an open ``claims_db.Store``, ``Models``.
Out: ``search`` -> up to ``k`` ``Hit``s, most similar first: the claim, its article (current
     versions only), and every stored finding about it (its counterpart claim in another article,
     that article's language and source, the verdict and when it was decided), newest first.
Holds:
- The query is embedded with the same encoder and prefix as the claims and looked up in the
  persisted FAISS index (synced with the database first), so nothing compares all claims.
- An empty query, or one over ``MAX_QUERY`` characters, is an ``InputError``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import claims as claims_stage
from .errors import InputError
from .pipeline import Models

MAX_QUERY = 2000


@dataclass(frozen=True)
class HistoryItem:
    verdict: str
    confidence: float
    evidence_text: str | None
    evidence_lang: str | None
    evidence_source: str | None
    evidence_path: str | None
    when: str | None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    claim_id: int
    similarity: float
    text: str
    lang: str | None
    path: str
    source: str
    date: str | None
    history: tuple[HistoryItem, ...]


def search(query: str, store, models: Models, k: int = 10, *, min_similarity: float = 0.0) -> list[Hit]:
    import json

    q = (query or "").strip()
    if not q:
        raise InputError("query", "empty search text")
    if len(q) > MAX_QUERY:
        raise InputError("query", f"search text is {len(q)} characters; at most {MAX_QUERY}")
    from .ingest import sync_index

    idx = sync_index(store, models)
    if idx.ntotal == 0:
        return []
    vec = models.embedder.embed([q])
    sims, ids = idx.search(np.asarray(vec, dtype=np.float32), min(idx.ntotal, max(k * 3, k + 10)))
    found = [(float(s), int(i)) for s, i in zip(sims[0], ids[0]) if i >= 0 and s >= min_similarity]
    rows = store.claims_by_ids([i for _, i in found])
    docs = store.documents_by_ids([r["document_id"] for r in rows.values()])
    hits = []
    for sim, cid in found:
        c = rows.get(cid)
        d = docs.get(c["document_id"]) if c else None
        if c is None or d is None or d.get("replaced_by") is not None or c["extractor"] != claims_stage.EXTRACTOR_ID:
            continue
        history = []
        fs = store.findings_of_claim(cid)
        ev_rows = store.claims_by_ids([f["evidence_claim_id"] for f in fs if f["evidence_claim_id"] is not None])
        ev_docs = store.documents_by_ids([r["document_id"] for r in ev_rows.values()])
        for f in fs:
            e = ev_rows.get(f["evidence_claim_id"]) if f["evidence_claim_id"] is not None else None
            ed = ev_docs.get(e["document_id"]) if e else None
            history.append(HistoryItem(
                verdict=f["verdict"], confidence=float(f["confidence"] or 0.0),
                evidence_text=e["text"] if e else None, evidence_lang=e["lang"] if e else None,
                evidence_source=(ed.get("ingest_source") or ed.get("source")) if ed else None,
                evidence_path=ed["path"] if ed else None, when=f["updated_at"],
                reasons=tuple(json.loads(f["reasons"] or "[]"))))
        hits.append(Hit(claim_id=cid, similarity=round(sim, 4), text=c["text"], lang=c["lang"], path=d["path"],
                        source=d.get("ingest_source") or d.get("source") or "unknown", date=d["date"],
                        history=tuple(history)))
        if len(hits) == k:
            break
    return hits


def hits_json(hits: list[Hit], query: str) -> dict:
    from dataclasses import asdict

    return {"schema": "factcheck.search/1", "query": query, "hits": [asdict(h) for h in hits]}
