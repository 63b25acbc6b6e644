"""Ingest stage: add articles to the claims database incrementally, for audits and search.

In:  paths (files or folders, walked recursively for .txt/.md/.html/.htm/.jsonl), ``Settings``, an
     open ``claims_db.Store``, the shared ``Models``, an optional outlet name, a progress callback.
Out: an ``IngestResult``: how many articles were new, changed, unchanged, and which inputs failed
     (one line each, naming the file and the problem).
Holds:
- Incremental: an article whose text (content hash) is stored with claims by the current
  extractor is not analysed again; a path ingested before with different content stores the new
  version and marks the old one replaced (audits use current versions; old findings are kept).
- Safe to interrupt: each article and its claims are saved in one transaction; embeddings are
  saved per batch; anything a killed run left without embeddings is embedded by the next run
  (``backfill``) before the FAISS index is brought in line with the database. Re-running gives
  the same database as an uninterrupted run.
- Bounded memory: files are read one at a time and claims embedded in batches of ``batch_claims``;
  only paths are held for the whole run.
- Bad input never stops the batch: a file that cannot be read (empty, binary, undecodable, too
  large, broken JSONL) or holds no claims is reported and skipped; the caller exits non-zero.
- The outlet of an article: ``source`` given by the caller, else the article's own metadata
  (JSONL ``source``, HTML meta, byline), else the name of the folder holding the file.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from . import claims as claims_stage
from .errors import InputError
from .pipeline import Models, _claim_row, _doc_row, analyse, text_hash
from .read import ARTICLE_EXTS, read_articles
from .settings import Settings

OnFile = Callable[[int, int, str], None]  # (files done, files total, current path)


@dataclass(frozen=True)
class IngestResult:
    files: int = 0
    new: int = 0
    changed: int = 0  # new content at a path ingested before (the old version is kept, replaced)
    unchanged: int = 0
    claims_added: int = 0
    embedded: int = 0  # claim texts embedded in this run (the rest came from the cache)
    failed: tuple[tuple[str, str], ...] = ()  # (path, problem)
    index: dict = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.unchanged


def article_files(paths: Sequence[str]) -> Iterator[str]:
    """Article files under ``paths`` in a stable order (each path's files sorted; given files as is).
    A path that does not exist raises ``InputError`` before anything is read."""
    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise InputError(p, "no such file or directory")
    seen: set[str] = set()
    for p in paths:
        if os.path.isdir(p):
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_EXTS:
                        found.append(os.path.join(dirpath, name))
            files = sorted(found)
        else:
            files = [p]
        for f in files:
            key = os.path.abspath(f)
            if key not in seen:
                seen.add(key)
                yield f


def _outlet(doc, path: str, source: str | None) -> str:
    if source:
        return source
    if doc.source:
        return doc.source
    folder = os.path.basename(os.path.dirname(os.path.abspath(path.split("#L", 1)[0])))
    return folder or "unknown"


def ingest(paths: Sequence[str], settings: Settings, store, models: Models | None = None, *,
           source: str | None = None, on_file: OnFile | None = None, batch_claims: int = 256) -> IngestResult:
    models = models or Models(settings)
    files = list(article_files(paths))
    counts = {"new": 0, "changed": 0, "unchanged": 0, "claims_added": 0, "embedded": 0}
    failed: list[tuple[str, str]] = []
    pending: dict[str, str] = {}  # text hash -> claim text, waiting to be embedded
    embedder = None

    def flush() -> None:
        nonlocal embedder
        if not pending:
            return
        embedder = embedder or models.embedder
        have = store.get_embeddings(embedder.model_id, list(pending))
        todo = [h for h in pending if h not in have]
        if todo:
            vecs = embedder.embed([pending[h] for h in todo])
            store.put_embeddings(embedder.model_id, {h: vecs[i] for i, h in enumerate(todo)})
            counts["embedded"] += len(todo)
        pending.clear()

    for n, path in enumerate(files):
        if on_file:
            on_file(n, len(files), path)
        try:
            docs = read_articles(path, max_bytes=settings.max_bytes)
        except InputError as exc:
            failed.append((exc.path, exc.problem))
            continue
        for doc in docs:
            abs_path = os.path.abspath(doc.path.split("#L", 1)[0])
            suffix = doc.path[len(doc.path.split("#L", 1)[0]):]
            doc = replace(doc, path=abs_path + suffix)
            row = store.document_by_hash(doc.content_hash)
            if row is not None and store.claims_for(row["id"], claims_stage.EXTRACTOR_ID):
                if row.get("replaced_by") is not None and row["path"] == doc.path:
                    store.make_current(row["id"], doc.path)  # an older version of this file is back
                counts["unchanged"] += 1
                continue
            try:
                doc, found = analyse(doc, settings)
            except InputError as exc:
                failed.append((exc.path, exc.problem))
                continue
            earlier = store.current_documents(paths=[doc.path])
            counts["changed" if any(d["path"] == doc.path for d in earlier) else "new"] += 1
            rec = _doc_row(doc)
            rec["ingest_source"] = _outlet(doc, path, source)
            store.save_document(rec, [_claim_row(c) for c in found], claims_stage.EXTRACTOR_ID, supersede=True)
            counts["claims_added"] += len(found)
            for c in found:
                pending[text_hash(c.text)] = c.text
            if len(pending) >= batch_claims:
                flush()
    flush()
    if on_file:
        on_file(len(files), len(files), "")
    counts["embedded"] += backfill(store, models)
    index = {}
    if counts["claims_added"] or counts["embedded"]:
        idx = sync_index(store, models)
        index = {"kind": idx.kind, "vectors": idx.ntotal}
    return IngestResult(files=len(files), failed=tuple(failed), index=index, **counts)


def backfill(store, models: Models, batch: int = 256) -> int:
    """Embed claims stored without a vector for the current encoder (left by an interrupted run,
    or stored before this encoder was chosen). Returns how many texts were embedded."""
    embedder = models.embedder
    rows = store.db.execute(
        "select distinct c.text_hash, c.text from claims c left join embeddings e "
        "on e.text_hash = c.text_hash and e.model_id = ? where c.extractor = ? and e.text_hash is null",
        [embedder.model_id, claims_stage.EXTRACTOR_ID]).fetchall()
    done = 0
    for s in range(0, len(rows), batch):
        chunk = rows[s:s + batch]
        vecs = embedder.embed([t for _, t in chunk])
        store.put_embeddings(embedder.model_id, {h: vecs[i] for i, (h, _) in enumerate(chunk)})
        done += len(chunk)
    return done


def sync_index(store, models: Models):
    """The persisted FAISS index of stored claims, updated to match the database."""
    from .pipeline import register_embedder

    embedder = register_embedder(store, models)
    return store.claim_index(embedder.model_id, claims_stage.EXTRACTOR_ID, embedder.dim)
