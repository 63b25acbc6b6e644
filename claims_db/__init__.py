"""claims_db: SQLite storage for documents, claims, embeddings, comparisons and findings.

Independent of factcheck: it takes and returns plain dicts and numpy arrays.
"""
from .store import StorageError, Store

__all__ = ["Store", "StorageError"]
