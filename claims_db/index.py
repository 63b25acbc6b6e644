"""A FAISS index over claim embeddings, keyed by claim id, persisted beside the database.

In:  claim ids (int64) and their L2-normalised float32 vectors of one embedding model.
Out: ``search(queries, k)`` -> (similarities, claim ids), best first, ``-1`` ids where fewer than
     ``k`` vectors exist; ``ids()`` -> the claim ids held.
Holds:
- Inner product on normalised vectors = cosine similarity.
- Exact (``IndexFlatIP``) up to ``exact_limit`` vectors; above it, approximate (HNSW, M=32,
  efConstruction 80, efSearch 96), which needs no training and takes incremental adds. The switch
  happens when an index is built or grows past the limit (``add`` rebuilds it then). Recall@10 of
  the approximate index against exact search is measured in ``benchmarks/bench_audit.py``.
- Persistence is atomic: the index is written to a temporary file and renamed over the old one, and
  a JSON sidecar (model id, kind, count, checksum of the ids) is renamed after it. A file that does
  not match its sidecar (crash between the two renames, truncation, foreign file) is reported by
  ``load`` as ``None`` and rebuilt by the caller from the embeddings table; the database is the
  truth, the index only a cache of it.
- This module never imports factcheck.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np

EXACT_LIMIT = 50_000
HNSW_M = 32
EF_CONSTRUCTION = 80
EF_SEARCH = 96


def ids_checksum(ids: np.ndarray) -> str:
    return hashlib.sha256(np.sort(np.asarray(ids, dtype="<i8")).tobytes()).hexdigest()[:16]


class ClaimIndex:
    """Claim vectors of one model in a FAISS index (exact or HNSW), with claim ids as FAISS ids."""

    def __init__(self, dim: int, model_id: str, *, exact_limit: int = EXACT_LIMIT, kind: str | None = None):
        self.dim = int(dim)
        self.model_id = model_id
        self.exact_limit = int(exact_limit)
        self.kind = kind or "flat"
        self._index = self._empty(self.kind)

    # -- construction -----------------------------------------------------------------------------
    def _empty(self, kind: str):
        import faiss

        if kind == "flat":
            base = faiss.IndexFlatIP(self.dim)
        elif kind == "hnsw":
            base = faiss.IndexHNSWFlat(self.dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            base.hnsw.efConstruction = EF_CONSTRUCTION
            base.hnsw.efSearch = EF_SEARCH
        else:
            raise ValueError(f"unknown index kind {kind!r}")
        return faiss.IndexIDMap2(base)

    @classmethod
    def build(cls, ids, vectors, dim: int, model_id: str, *, exact_limit: int = EXACT_LIMIT,
              kind: str | None = None) -> "ClaimIndex":
        ids = np.asarray(ids, dtype=np.int64)
        kind = kind or ("hnsw" if len(ids) > exact_limit else "flat")
        idx = cls(dim, model_id, exact_limit=exact_limit, kind=kind)
        idx._add(ids, vectors)
        return idx

    def _add(self, ids: np.ndarray, vectors) -> None:
        if len(ids) == 0:
            return
        v = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).reshape(len(ids), self.dim))
        for s in range(0, len(ids), 8192):  # bounded temporary memory inside FAISS
            self._index.add_with_ids(v[s:s + 8192], np.ascontiguousarray(ids[s:s + 8192]))

    def add(self, ids, vectors) -> None:
        """Add vectors (ids not yet present; present ones are skipped). Switches to HNSW when the
        index grows past ``exact_limit`` (one rebuild from the vectors it holds)."""
        ids = np.asarray(ids, dtype=np.int64)
        if len(ids) == 0:
            return
        have = set(self.ids().tolist())
        keep = np.array([i not in have for i in ids.tolist()], dtype=bool)
        ids, vectors = ids[keep], np.asarray(vectors, dtype=np.float32)[keep]
        if self.kind == "flat" and self.ntotal + len(ids) > self.exact_limit:
            old_ids, old_vecs = self.ids(), self.vectors()
            self.kind = "hnsw"
            self._index = self._empty("hnsw")
            self._add(old_ids, old_vecs)
        self._add(ids, vectors)

    # -- queries ----------------------------------------------------------------------------------
    @property
    def ntotal(self) -> int:
        return int(self._index.ntotal)

    def ids(self) -> np.ndarray:
        import faiss

        return faiss.vector_to_array(self._index.id_map).astype(np.int64)

    def vectors(self) -> np.ndarray:
        """All stored vectors, in ``ids()`` order."""
        n = self.ntotal
        if n == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._index.index.reconstruct_n(0, n).astype(np.float32)

    def search(self, queries, k: int) -> tuple[np.ndarray, np.ndarray]:
        q = np.ascontiguousarray(np.asarray(queries, dtype=np.float32).reshape(-1, self.dim))
        if self.ntotal == 0 or len(q) == 0:
            return (np.full((len(q), k), -np.inf, dtype=np.float32), np.full((len(q), k), -1, dtype=np.int64))
        sims, ids = self._index.search(q, int(k))
        return sims, ids

    # -- persistence ------------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        import faiss

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self._index, str(tmp))
        os.replace(tmp, path)
        meta = {"model_id": self.model_id, "kind": self.kind, "dim": self.dim, "ntotal": self.ntotal,
                "ids_checksum": ids_checksum(self.ids()), "exact_limit": self.exact_limit,
                "bytes": path.stat().st_size}
        side = meta_path(path)
        tmp_meta = side.with_name(side.name + ".tmp")
        tmp_meta.write_text(json.dumps(meta, indent=1), encoding="utf-8")
        os.replace(tmp_meta, side)

    @classmethod
    def load(cls, path: str | Path, model_id: str, *, exact_limit: int = EXACT_LIMIT) -> "ClaimIndex | None":
        """The index at ``path`` if it is intact and belongs to ``model_id``; otherwise None."""
        import faiss

        path = Path(path)
        try:
            meta = json.loads(meta_path(path).read_text(encoding="utf-8"))
            if meta.get("model_id") != model_id or path.stat().st_size != meta.get("bytes"):
                return None
            raw = faiss.read_index(str(path))
        except (OSError, ValueError, RuntimeError):
            return None
        if not isinstance(raw, faiss.IndexIDMap2):
            raw = faiss.downcast_index(raw)
            if not isinstance(raw, faiss.IndexIDMap2):
                return None
        idx = cls(int(meta["dim"]), model_id, exact_limit=exact_limit, kind=meta.get("kind"))
        idx._index = raw
        if idx.ntotal != meta.get("ntotal") or ids_checksum(idx.ids()) != meta.get("ids_checksum"):
            return None
        if idx.kind == "hnsw":
            faiss.downcast_index(raw.index).hnsw.efSearch = EF_SEARCH
        return idx


def meta_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".json")


def index_path(db_path: str | Path, model_id: str) -> Path | None:
    """Where the index of ``model_id`` for the database at ``db_path`` lives (None: in-memory DB)."""
    if str(db_path) == ":memory:":
        return None
    db_path = Path(db_path)
    key = hashlib.sha256(model_id.encode("utf-8")).hexdigest()[:12]
    return db_path.with_name(db_path.name + ".index") / f"claims-{key}.faiss"
