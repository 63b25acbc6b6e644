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


def _dicts(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


_DOC_FIELDS = ("content_hash", "path", "title", "date", "source", "url", "lang", "encoding", "format", "text",
               "ingest_source")
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
        tables = ("documents", "extractions", "claims", "embeddings", "comparisons", "findings", "models", "nli_cache",
                  "audits", "audit_stories", "audit_pairs")
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

    def save_document(self, doc: Mapping, claims: Sequence[Mapping], extractor: str,
                      *, supersede: bool = False) -> tuple[int, list[int]]:
        """Insert or refresh a document and its claims (for this extractor) in one transaction.

        Returns the document id and the claim ids in claim order. Existing claim rows of the same
        (document, extractor, idx) keep their ids, so FAISS ids and stored findings stay valid.
        ``supersede``: other current documents stored under the same path become older versions of
        this one (``replaced_by``), in the same transaction; re-ingesting an old version makes it
        current again.
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
                if supersede and record["path"]:
                    self._make_current(doc_id, record["path"])
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

    def _make_current(self, doc_id: int, path: str) -> None:
        self.db.execute("update documents set replaced_by = ? where path = ? and id != ? "
                        "and (replaced_by is null or replaced_by != ?)", [doc_id, path, doc_id, doc_id])
        self.db.execute("update documents set replaced_by = null where id = ?", [doc_id])

    def make_current(self, doc_id: int, path: str) -> None:
        """Make a stored document the current version at ``path`` again (one transaction)."""
        with self.db.atomic():
            self._make_current(doc_id, path)

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

    # -- selections -----------------------------------------------------------------------------
    def current_documents(self, *, paths: Sequence[str] = (), since: str | None = None,
                          sources: Sequence[str] = (), with_text: bool = False) -> list[dict]:
        """Current versions of stored documents (not replaced by a newer ingest of the same path),
        optionally only under these path prefixes, dated on/after ``since`` (undated ones are kept
        out then), or from these sources (``ingest_source`` or ``source``). Ordered by id."""
        cols = "id, content_hash, path, title, date, source, ingest_source, url, lang, encoding, format"
        if with_text:
            cols += ", text"
        where, args = ["replaced_by is null"], []
        if paths:
            ors = []
            for p in paths:
                p = p.rstrip("/")
                ors.append("(path = ? or path like ? escape '\\')")
                esc = p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                args += [p, esc + "/%"]
            where.append("(" + " or ".join(ors) + ")")
        if since:
            where.append("date is not null and date >= ?")
            args.append(since)
        if sources:
            marks = ",".join("?" * len(sources))
            where.append(f"(coalesce(ingest_source, source) in ({marks}))")
            args += list(sources)
        sql = f"select {cols} from documents where {' and '.join(where)} order by id"
        return _dicts(self.db.execute(sql, args))

    def _rows_by_ids(self, table: str, ids: Sequence[int]) -> dict[int, dict]:
        out: dict[int, dict] = {}
        ids = list(dict.fromkeys(ids))
        for s in range(0, len(ids), 500):
            chunk = ids[s:s + 500]
            for r in self.db[table].rows_where(f"id in ({','.join('?' * len(chunk))})", chunk):
                out[r["id"]] = r
        return out

    def documents_by_ids(self, ids: Sequence[int]) -> dict[int, dict]:
        return self._rows_by_ids("documents", ids)

    def claims_by_ids(self, ids: Sequence[int]) -> dict[int, dict]:
        return self._rows_by_ids("claims", ids)

    def claim_vectors(self, model_id: str, extractor: str, document_ids: Sequence[int] | None = None,
                      claim_ids: Sequence[int] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(claim ids, document ids, vectors) of claims that have an embedding by ``model_id``,
        for all documents or only these; ordered by claim id."""
        base = ("select c.id, c.document_id, e.dim, e.vector from claims c join embeddings e "
                "on e.text_hash = c.text_hash and e.model_id = ? where c.extractor = ?")
        if document_ids is None and claim_ids is None:
            return self._all_claim_vectors(base, model_id, extractor)
        col, wanted = ("c.document_id", document_ids) if claim_ids is None else ("c.id", claim_ids)
        wanted = list(dict.fromkeys(wanted))
        rows = []
        for s in range(0, len(wanted), 500):
            chunk = wanted[s:s + 500]
            rows += self.db.execute(base + f" and {col} in ({','.join('?' * len(chunk))})",
                                    [model_id, extractor, *chunk]).fetchall()
        rows.sort(key=lambda r: r[0])
        rows = [r for r in rows if len(r[3]) == 4 * r[2]]
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, 0), np.float32)
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        docs = np.array([r[1] for r in rows], dtype=np.int64)
        vecs = np.stack([np.frombuffer(r[3], dtype="<f4") for r in rows]).astype(np.float32, copy=False)
        return ids, docs, vecs

    def _all_claim_vectors(self, base: str, model_id: str, extractor: str):
        """Every claim vector, read in batches straight into preallocated arrays: memory is the
        result (4 bytes x dim per claim) plus one batch, not the rows and two copies of them."""
        n = self.db.execute("select count(*) from (" + base + ")", [model_id, extractor]).fetchone()[0]
        cur = self.db.execute(base + " order by c.id", [model_id, extractor])
        ids = np.zeros(n, np.int64)
        docs = np.zeros(n, np.int64)
        vecs: np.ndarray | None = None
        k = 0
        while batch := cur.fetchmany(4096):
            for cid, did, dim, blob in batch:
                if k >= n or len(blob) != 4 * dim:  # rows added meanwhile, or a damaged vector
                    continue
                if vecs is None:
                    vecs = np.zeros((n, dim), np.float32)
                elif dim != vecs.shape[1]:
                    continue
                ids[k], docs[k] = cid, did
                vecs[k] = np.frombuffer(blob, dtype="<f4")
                k += 1
        if vecs is None or k == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, 0), np.float32)
        if k < n:
            return ids[:k].copy(), docs[:k].copy(), vecs[:k].copy()
        return ids, docs, vecs

    def embedded_claim_ids(self, model_id: str, extractor: str) -> np.ndarray:
        rows = self.db.execute(
            "select c.id from claims c join embeddings e on e.text_hash = c.text_hash and e.model_id = ? "
            "where c.extractor = ? order by c.id", [model_id, extractor]).fetchall()
        return np.array([r[0] for r in rows], dtype=np.int64)

    # -- the FAISS index ------------------------------------------------------------------------
    def index_file(self, model_id: str, extractor: str):
        from .index import index_path

        return index_path(self.path, f"{model_id}|{extractor}")

    def claim_index(self, model_id: str, extractor: str, dim: int, *, exact_limit: int | None = None,
                    save: bool = True):
        """The persisted index of this model's claim vectors, brought in line with the database:
        loaded if intact, missing vectors added, rebuilt if it holds claims that no longer exist."""
        from .index import EXACT_LIMIT, ClaimIndex

        limit = EXACT_LIMIT if exact_limit is None else exact_limit
        key = f"{model_id}|{extractor}"
        path = self.index_file(model_id, extractor)
        idx = ClaimIndex.load(path, key, exact_limit=limit) if path is not None else None
        db_ids = self.embedded_claim_ids(model_id, extractor)
        changed = False
        if idx is not None and idx.dim != dim:
            idx = None
        if idx is not None:
            have = idx.ids()
            if np.setdiff1d(have, db_ids, assume_unique=True).size:  # stale: claims were deleted
                idx = None
            else:
                missing = np.setdiff1d(db_ids, have, assume_unique=True)
                if missing.size:
                    ids, _, vecs = self.claim_vectors(model_id, extractor, claim_ids=missing.tolist())
                    idx.add(ids, vecs)
                    changed = True
        if idx is None:
            ids, _, vecs = self.claim_vectors(model_id, extractor)
            idx = ClaimIndex.build(ids, vecs if len(ids) else np.zeros((0, dim), np.float32), dim, key,
                                   exact_limit=limit)
            changed = True
        if changed and save and path is not None:
            try:
                idx.save(path)
            except OSError as exc:
                raise StorageError(f"{path}: cannot write the claim index ({exc.strerror or exc})") from exc
        return idx

    def index_health(self, model_id: str, extractor: str) -> dict:
        """What the persisted index holds compared with the database (nothing is changed)."""
        from .index import ClaimIndex

        path = self.index_file(model_id, extractor)
        db_ids = self.embedded_claim_ids(model_id, extractor)
        out = {"path": str(path) if path else None, "claims_with_vectors": int(db_ids.size)}
        idx = ClaimIndex.load(path, f"{model_id}|{extractor}") if path is not None and path.exists() else None
        if idx is None:
            out.update(state="missing" if path is None or not path.exists() else "unreadable",
                       indexed=0, missing=int(db_ids.size), stale=0)
            return out
        have = idx.ids()
        missing = int(np.setdiff1d(db_ids, have, assume_unique=True).size)
        stale = int(np.setdiff1d(have, db_ids, assume_unique=True).size)
        out.update(state="ok" if not missing and not stale else "out of date", kind=idx.kind,
                   indexed=idx.ntotal, missing=missing, stale=stale)
        return out

    def rebuild_index(self, model_id: str, extractor: str, dim: int, *, exact_limit: int | None = None):
        from .index import EXACT_LIMIT, ClaimIndex

        ids, _, vecs = self.claim_vectors(model_id, extractor)
        idx = ClaimIndex.build(ids, vecs if len(ids) else np.zeros((0, dim), np.float32), dim,
                               f"{model_id}|{extractor}",
                               exact_limit=EXACT_LIMIT if exact_limit is None else exact_limit)
        path = self.index_file(model_id, extractor)
        if path is not None:
            idx.save(path)
        return idx

    def models_of_kind(self, kind: str) -> list[dict]:
        return list(self.db["models"].rows_where("kind = ?", [kind], order_by="first_used"))

    # -- audits ---------------------------------------------------------------------------------
    def audit_by_key(self, key: str) -> dict | None:
        rows = list(self.db["audits"].rows_where("key = ?", [key], limit=1))
        return rows[0] if rows else None

    def audit(self, audit_id: int) -> dict | None:
        rows = list(self.db["audits"].rows_where("id = ?", [audit_id], limit=1))
        return rows[0] if rows else None

    def latest_audit(self) -> dict | None:
        rows = list(self.db["audits"].rows_where(order_by="id desc", limit=1))
        return rows[0] if rows else None

    def start_audit(self, key: str, selection: Mapping, params: Mapping, models: Mapping,
                    stories: Mapping[int, int], pairs: Sequence[tuple[int, int, int, int]]) -> int:
        """Record an audit, the story of each document and the document pairs to cross-check
        ((story, document_a, document_b, shared matches)), in one transaction; or return the
        existing audit with this key, unchanged."""
        with self.db.atomic():
            row = self.audit_by_key(key)
            if row:
                return row["id"]
            aid = self.db["audits"].insert({
                "key": key, "selection": json.dumps(selection, ensure_ascii=False, sort_keys=True),
                "params": json.dumps(params, sort_keys=True), "models": json.dumps(models, sort_keys=True),
                "status": "running", "n_documents": len(stories), "n_stories": len(set(stories.values())),
                "created_at": _now(),
            }).last_pk
            self.db["audit_stories"].insert_all(
                [{"audit_id": aid, "document_id": d, "story": s} for d, s in sorted(stories.items())])
            self.db["audit_pairs"].insert_all(
                [{"audit_id": aid, "story": st, "document_a": a, "document_b": b, "shared": n,
                  "comparison_id": None} for st, a, b, n in pairs])
        return aid

    def audit_stories(self, audit_id: int) -> dict[int, int]:
        return {r["document_id"]: r["story"] for r in self.db["audit_stories"].rows_where("audit_id = ?", [audit_id])}

    def audit_pairs(self, audit_id: int, *, pending_only: bool = False) -> list[dict]:
        where = "audit_id = ?" + (" and comparison_id is null" if pending_only else "")
        return list(self.db["audit_pairs"].rows_where(where, [audit_id], order_by="story, document_a, document_b"))

    def link_comparison(self, audit_id: int, document_a: int, document_b: int, comparison_id: int) -> None:
        with self.db.atomic():
            self.db.execute("update audit_pairs set comparison_id = ? where audit_id = ? and document_a = ? "
                            "and document_b = ?", [comparison_id, audit_id, document_a, document_b])

    def finish_audit(self, audit_id: int) -> None:
        with self.db.atomic():
            self.db["audits"].update(audit_id, {"status": "done", "finished_at": _now()})

    def findings_of_comparisons(self, comparison_ids: Sequence[int]) -> list[dict]:
        out: list[dict] = []
        ids = list(comparison_ids)
        for s in range(0, len(ids), 500):
            chunk = ids[s:s + 500]
            out += list(self.db["findings"].rows_where(
                f"comparison_id in ({','.join('?' * len(chunk))})", chunk, order_by="comparison_id, id"))
        return out

    def findings_of_claim(self, claim_id: int) -> list[dict]:
        """Every stored finding about this claim, newest comparison first, with the comparison's time."""
        sql = ("select f.*, c.updated_at, c.nli as nli_model from findings f join comparisons c "
               "on c.id = f.comparison_id where f.claim_id = ? order by c.updated_at desc, f.id")
        return _dicts(self.db.execute(sql, [claim_id]))

    def findings_checksum(self) -> str:
        """sha256 over every comparison's findings by content (document hashes, claim positions,
        verdicts, rounded scores), independent of row ids and timestamps: equal databases give
        equal checksums however the work was interrupted and resumed."""
        import hashlib

        sql = ("select cmp.key, f.side, c.idx, da.content_hash, f.verdict, round(f.confidence, 4), "
               "e.idx, round(f.similarity, 4), f.reasons from findings f "
               "join comparisons cmp on cmp.id = f.comparison_id "
               "join claims c on c.id = f.claim_id join documents da on da.id = c.document_id "
               "left join claims e on e.id = f.evidence_claim_id")
        rows = sorted(json.dumps(list(r), ensure_ascii=False) for r in self.db.execute(sql))
        h = hashlib.sha256()
        for r in rows:
            h.update(r.encode("utf-8") + b"\n")
        return h.hexdigest()
