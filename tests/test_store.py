
import numpy as np
import pytest

from claims_db import StorageError, Store


def doc(h="h1", text="Some text."):
    return {"content_hash": h, "text": text, "path": "a.txt", "title": None, "lang": "en"}


def claim(i, text):
    return {"idx": i, "text": text, "start": 0, "end": len(text), "sentence": text, "text_hash": f"t{i}"}


def test_migrations_applied_and_wal(tmp_path):
    s = Store(tmp_path / "c.db")
    assert s.applied_migrations() == ["m001_initial", "m002_nli_cache", "m003_audits"]
    assert s.pending_migrations() == []
    assert s.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    s.close()
    # reopening applies nothing twice
    s = Store(tmp_path / "c.db")
    assert s.applied_migrations() == ["m001_initial", "m002_nli_cache", "m003_audits"]


def test_save_document_is_idempotent_and_keeps_claim_ids(tmp_path):
    s = Store(tmp_path / "c.db")
    d1, ids1 = s.save_document(doc(), [claim(0, "a"), claim(1, "b")], "v1")
    d2, ids2 = s.save_document(doc(), [claim(0, "a"), claim(1, "b")], "v1")
    assert (d1, ids1) == (d2, ids2)
    assert s.counts()["documents"] == 1 and s.counts()["claims"] == 2
    assert [r["text"] for r in s.claims_for(d1, "v1")] == ["a", "b"]
    assert s.claims_for(d1, "v2") is None
    # fewer claims on re-extraction: the stale one goes
    _, ids3 = s.save_document(doc(), [claim(0, "a")], "v1")
    assert ids3 == ids1[:1] and s.counts()["claims"] == 1


def test_zero_claims_is_remembered(tmp_path):
    s = Store(tmp_path / "c.db")
    d, ids = s.save_document(doc(), [], "v1")
    assert ids == [] and s.claims_for(d, "v1") == []


def test_failed_save_leaves_nothing(tmp_path):
    s = Store(tmp_path / "c.db")
    bad = [claim(0, "a"), {"idx": 1, "text": None, "start": 0, "end": 1}]  # text NOT NULL
    with pytest.raises(StorageError):
        s.save_document(doc(), bad, "v1")
    assert s.counts()["documents"] == 0 and s.counts()["claims"] == 0
    assert s.integrity_check() == "ok"


def test_embeddings_round_trip_little_endian(tmp_path):
    s = Store(tmp_path / "c.db")
    v = np.array([0.6, 0.8, 0.0], dtype=np.float32)
    s.put_embeddings("m", {"x": v})
    s.put_embeddings("m", {"x": v})
    got = s.get_embeddings("m", ["x", "y"])
    assert list(got) == ["x"] and np.array_equal(got["x"], v)
    blob = s.db.execute("select vector from embeddings").fetchone()[0]
    assert blob == v.astype("<f4").tobytes()
    assert s.get_embeddings("other-model", ["x"]) == {}


def test_comparison_rerun_replaces_findings(tmp_path):
    s = Store(tmp_path / "c.db")
    da, ia = s.save_document(doc("ha"), [claim(0, "a")], "v1")
    db, ib = s.save_document(doc("hb"), [claim(0, "b")], "v1")
    comp = {"key": "k", "document_a": da, "document_b": db, "extractor": "v1", "embedder": "e", "nli": None,
            "params": "{}", "summary": "{}"}
    f = [{"side": "a", "claim_id": ia[0], "verdict": "absent", "confidence": 0.8, "reasons": "[]"},
         {"side": "b", "claim_id": ib[0], "verdict": "absent", "confidence": 0.8, "reasons": "[]"}]
    c1 = s.save_comparison(comp, f)
    c2 = s.save_comparison(comp, f)
    assert c1 == c2 and s.counts()["comparisons"] == 1 and s.counts()["findings"] == 2


def test_refuses_non_sqlite_file(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("my precious notes, not a database")
    with pytest.raises(StorageError, match="not an SQLite database"):
        Store(p)
    assert p.read_text() == "my precious notes, not a database"


def test_directory_as_db(tmp_path):
    with pytest.raises(StorageError, match="is a directory"):
        Store(tmp_path)


def test_an_older_database_is_migrated_with_its_data(tmp_path):
    """A database written before audits existed (m001 + m002) opens, gains m003, keeps its rows."""
    from sqlite_utils import Database

    from claims_db.migrations import migrations

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m003_audits")
    db["documents"].insert({"id": 1, "content_hash": "h", "path": "/a.txt", "text": "t"})
    db.close()
    s = Store(path)
    assert s.applied_migrations()[-1] == "m003_audits"
    doc = s.document(1)
    assert (doc["path"], doc["replaced_by"], doc["ingest_source"]) == ("/a.txt", None, None)
    assert [d["id"] for d in s.current_documents()] == [1]
    s.close()
