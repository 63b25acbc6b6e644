"""The claims database: documents, claims, embeddings, comparisons and findings in SQLite.

In:  plain dicts and numpy arrays (this package never imports factcheck, torch, typer or rich).
Out: dicts read back from the same tables.
Holds:
- Opening a store applies pending migrations; WAL journal; foreign keys on.
- Each ``save_*`` call is one transaction (``Database.atomic``): a killed process leaves either the
  whole document / comparison or nothing.
- Idempotent: a document is keyed by the sha256 of its text, its claims by (document, extractor,
  index), an embedding by (model id, sha256 of the claim text), a comparison by a key the caller
  derives from everything that determines its result. Saving again replaces, never duplicates.
- Vectors are little-endian float32 blobs.
"""
from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
from sqlite_utils import Database

from .migrations import migrations


class StorageError(Exception):
    """The database cannot be opened, migrated or written. Message names the file."""


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


_DOC_FIELDS = ("content_hash", "path", "title", "date", "source", "url", "lang", "encoding", "format", "text")
_CLAIM_FIELDS = (
    "idx", "text", "start", "end", "sentence", "sentence_start", "sentence_end", "lang", "kind",
    "checkworthiness", "quantities", "text_hash",
)


class Store:
    """A claims database on disk (or ``":memory:"``)."""

    def __init__(self, path: str | Path, *, migrate: bool = True):
        self.path = str(path)
        try:
            if self.path != ":memory:":
                p = Path(self.path)
                if p.exists() and p.is_dir():
                    raise StorageError(f"{self.path}: is a directory, not a database file")
                p.parent.mkdir(parents=True, exist_ok=True)
                if p.exists() and p.stat().st_size > 0:
                    with open(p, "rb") as fh:
                        if fh.read(16) != b"SQLite format 3\x00":
                            raise StorageError(f"{self.path}: not an SQLite database (refusing to touch it)")
            conn = sqlite3.connect(self.path, timeout=30)
            self.db = Database(conn)
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode=wal")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            if migrate:
                migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.path}: {exc}") from exc
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot open database ({exc.strerror or exc})") from exc

    # -- housekeeping ---------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def applied_migrations(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    def pending_migrations(self) -> list[str]:
        return [m.name for m in migrations.pending(self.db)]

    def counts(self) -> dict[str, int]:
        tables = ("documents", "extractions", "claims", "embeddings", "comparisons", "findings", "models", "nli_cache")
        return {t: self.db[t].count for t in tables if self.db[t].exists()}

    def integrity_check(self) -> str:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]

    # -- models ---------------------------------------------------------------------------------
    def register_model(self, model_id: str, kind: str, name: str, sha256: str, details: Mapping | None = None) -> None:
        with self.db.atomic():
            if self.db["models"].count_where("id = ?", [model_id]):
                return
            self.db["models"].insert(
                {"id": model_id, "kind": kind, "name": name, "sha256": sha256,
                 "details": json.dumps(details or {}, ensure_ascii=False), "first_used": _now()},
            )

    def model(self, model_id: str) -> dict | None:
        rows = list(self.db["models"].rows_where("id = ?", [model_id]))
        return rows[0] if rows else None

    # -- documents and claims -------------------------------------------------------------------
    def document_by_hash(self, content_hash: str) -> dict | None:
        rows = list(self.db["documents"].rows_where("content_hash = ?", [content_hash], limit=1))
        return rows[0] if rows else None

    def document(self, document_id: int) -> dict | None:
        rows = list(self.db["documents"].rows_where("id = ?", [document_id], limit=1))
        return rows[0] if rows else None

    def claims_for(self, document_id: int, extractor: str) -> list[dict] | None:
        """The document's claims by this extractor, in order; None if it was never extracted
        (a document extracted to zero claims gives [])."""
        rows = list(
            self.db["claims"].rows_where(
                "document_id = ? and extractor = ?", [document_id, extractor], order_by="idx"
            )
        )
        if rows:
            return rows
        done = self.db.execute(
            "select 1 from extractions where document_id = ? and extractor = ?", [document_id, extractor]
        ).fetchone()
        return [] if done else None

    def save_document(self, doc: Mapping, claims: Sequence[Mapping], extractor: str) -> tuple[int, list[int]]:
        """Insert or refresh a document and its claims (for this extractor) in one transaction.

        Returns the document id and the claim ids in claim order. Existing claim rows of the same
        (document, extractor, idx) keep their ids, so FAISS ids and stored findings stay valid.
        """
        record = {k: doc.get(k) for k in _DOC_FIELDS}
        if not record["content_hash"] or record["text"] is None:
            raise StorageError(f"{self.path}: document without content_hash or text")
        try:
            with self.db.atomic():
                existing = self.document_by_hash(record["content_hash"])
                if existing:
                    doc_id = existing["id"]
                    # keep the first path seen; refresh metadata that was missing
                    update = {k: v for k, v in record.items() if v is not None and existing.get(k) is None}
                    if update:
                        self.db["documents"].update(doc_id, update)
                else:
                    record["added_at"] = _now()
                    doc_id = self.db["documents"].insert(record).last_pk
                old = {
                    r["idx"]: r["id"]
                    for r in self.db["claims"].rows_where(
                        "document_id = ? and extractor = ?", [doc_id, extractor], select="id, idx"
                    )
                }
                ids: list[int] = []
                for c in claims:
                    row = {k: c.get(k) for k in _CLAIM_FIELDS}
                    row.update(document_id=doc_id, extractor=extractor)
                    if row["idx"] in old:
                        row["id"] = old.pop(row["idx"])
                        self.db["claims"].upsert(row, pk="id")
                        ids.append(row["id"])
                    else:
                        ids.append(self.db["claims"].insert(row).last_pk)
                if old:  # the extractor now yields fewer claims: drop stale ones and their findings
                    stale = list(old.values())
                    marks = ",".join("?" * len(stale))
                    self.db.execute(
                        f"delete from findings where claim_id in ({marks}) or evidence_claim_id in ({marks})",
                        stale + stale,
                    )
                    self.db.execute(f"delete from claims where id in ({marks})", stale)
                self.db["extractions"].upsert(
                    {"document_id": doc_id, "extractor": extractor, "n_claims": len(ids), "created_at": _now()},
                    pk=("document_id", "extractor"),
                )
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.path}: cannot save document ({exc})") from exc
        return doc_id, ids

    # -- embeddings -----------------------------------------------------------------------------
    def get_embeddings(self, model_id: str, text_hashes: Iterable[str]) -> dict[str, np.ndarray]:
        hashes = list(dict.fromkeys(text_hashes))
        out: dict[str, np.ndarray] = {}
        for s in range(0, len(hashes), 500):
            chunk = hashes[s : s + 500]
            marks = ",".join("?" * len(chunk))
            for h, dim, blob in self.db.execute(
                f"select text_hash, dim, vector from embeddings where model_id = ? and text_hash in ({marks})",
                [model_id, *chunk],
            ):
                vec = np.frombuffer(blob, dtype="<f4")
                if vec.shape[0] == dim:
                    out[h] = vec.astype(np.float32)
        return out

    def put_embeddings(self, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
        rows = [
            {"model_id": model_id, "text_hash": h, "dim": int(v.shape[0]),
             "vector": np.asarray(v, dtype="<f4").tobytes()}
            for h, v in vectors.items()
        ]
        if not rows:
            return
        try:
            with self.db.atomic():
                self.db["embeddings"].upsert_all(rows, pk=("model_id", "text_hash"))
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.path}: cannot save embeddings ({exc})") from exc

    # -- NLI cache ------------------------------------------------------------------------------
    def get_nli(self, model_id: str, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[float, float, float]]:
        out = {}
        for p, h in dict.fromkeys(pairs):
            row = self.db.execute(
                "select entailment, neutral, contradiction from nli_cache "
                "where model_id = ? and premise_hash = ? and hypothesis_hash = ?",
                [model_id, p, h],
            ).fetchone()
            if row:
                out[(p, h)] = tuple(row)
        return out

    def put_nli(self, model_id: str, scores: Mapping[tuple[str, str], Sequence[float]]) -> None:
        rows = [
            {"model_id": model_id, "premise_hash": p, "hypothesis_hash": h,
             "entailment": float(s[0]), "neutral": float(s[1]), "contradiction": float(s[2])}
            for (p, h), s in scores.items()
        ]
        if rows:
            with self.db.atomic():
                self.db["nli_cache"].upsert_all(rows, pk=("model_id", "premise_hash", "hypothesis_hash"))

    # -- comparisons ----------------------------------------------------------------------------
    def save_comparison(self, comparison: Mapping, findings: Sequence[Mapping]) -> int:
        """Insert or replace a comparison (by ``key``) and all its findings, in one transaction."""
        record = {k: comparison.get(k) for k in
                  ("key", "document_a", "document_b", "extractor", "embedder", "nli", "params", "summary")}
        try:
            with self.db.atomic():
                row = self.db.execute("select id from comparisons where key = ?", [record["key"]]).fetchone()
                now = _now()
                if row:
                    cid = row[0]
                    self.db["comparisons"].update(cid, {**record, "updated_at": now})
                    self.db.execute("delete from findings where comparison_id = ?", [cid])
                else:
                    cid = self.db["comparisons"].insert({**record, "created_at": now, "updated_at": now}).last_pk
                self.db["findings"].insert_all([{**f, "comparison_id": cid} for f in findings])
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.path}: cannot save comparison ({exc})") from exc
        return cid

    def comparison(self, key: str) -> dict | None:
        rows = list(self.db["comparisons"].rows_where("key = ?", [key], limit=1))
        return rows[0] if rows else None

    def findings_for(self, comparison_id: int) -> list[dict]:
        return list(self.db["findings"].rows_where("comparison_id = ?", [comparison_id], order_by="id"))
