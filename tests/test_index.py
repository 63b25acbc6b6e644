"""The persisted FAISS claim index (claims_db.index) and the store's selection helpers."""
import numpy as np
import pytest

from claims_db import Store
from claims_db.index import ClaimIndex, index_path, meta_path


def unit(rng, n, d=16):
    v = rng.standard_normal((n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_flat_index_finds_exact_neighbours_by_claim_id():
    rng = np.random.default_rng(0)
    v = unit(rng, 50)
    ids = np.arange(1000, 1050)
    idx = ClaimIndex.build(ids, v, 16, "m")
    assert idx.kind == "flat" and idx.ntotal == 50
    sims, found = idx.search(v[:3], 1)
    assert found[:, 0].tolist() == [1000, 1001, 1002]
    assert np.allclose(sims[:, 0], 1.0, atol=1e-5)
    # asking for more than it holds pads with -1
    small = ClaimIndex.build(ids[:2], v[:2], 16, "m")
    _, f = small.search(v[:1], 4)
    assert f[0].tolist()[2:] == [-1, -1]


def test_index_switches_to_hnsw_past_the_limit_and_keeps_recall():
    rng = np.random.default_rng(1)
    v = unit(rng, 600, 32)
    ids = np.arange(600)
    idx = ClaimIndex.build(ids[:300], v[:300], 32, "m", exact_limit=400)
    assert idx.kind == "flat"
    idx.add(ids[300:], v[300:])
    assert idx.kind == "hnsw" and idx.ntotal == 600
    idx.add(ids[:10], v[:10])  # already present: skipped
    assert idx.ntotal == 600
    exact = ClaimIndex.build(ids, v, 32, "m")
    q = unit(rng, 50, 32)
    _, a = idx.search(q, 10)
    _, e = exact.search(q, 10)
    recall = np.mean([len(set(a[i]) & set(e[i])) / 10 for i in range(50)])
    assert recall >= 0.95


def test_save_load_roundtrip_and_damage_is_detected(tmp_path):
    rng = np.random.default_rng(2)
    v = unit(rng, 20)
    idx = ClaimIndex.build(np.arange(20), v, 16, "model-a")
    p = tmp_path / "x.faiss"
    idx.save(p)
    back = ClaimIndex.load(p, "model-a")
    assert back is not None and back.ids().tolist() == list(range(20))
    assert ClaimIndex.load(p, "model-b") is None  # another model's index is never used
    p.write_bytes(p.read_bytes()[:100])  # truncated (crash, disk full)
    assert ClaimIndex.load(p, "model-a") is None
    p.write_bytes(b"not an index at all")
    assert ClaimIndex.load(p, "model-a") is None
    meta_path(p).unlink()
    assert ClaimIndex.load(p, "model-a") is None


def test_index_path_lives_beside_the_database(tmp_path):
    assert index_path(":memory:", "m") is None
    p = index_path(tmp_path / "claims.db", "m")
    assert p.parent == tmp_path / "claims.db.index" and p.suffix == ".faiss"


def _store_with_vectors(path, n=5):
    st = Store(path)
    rng = np.random.default_rng(3)
    v = unit(rng, n)
    claims = [{"idx": i, "text": f"claim {i}", "start": 0, "end": 1, "text_hash": f"h{i}"} for i in range(n)]
    st.save_document({"content_hash": "d1", "path": "/c/a.txt", "text": "x"}, claims, "ext")
    st.put_embeddings("m", {f"h{i}": v[i] for i in range(n)})
    return st, v


def test_store_keeps_the_index_in_line_with_the_database(tmp_path):
    st, v = _store_with_vectors(tmp_path / "c.db")
    assert st.index_health("m", "ext")["state"] == "missing"
    idx = st.claim_index("m", "ext", 16)
    assert idx.ntotal == 5
    assert st.index_health("m", "ext") | {"path": None} == {
        "path": None, "claims_with_vectors": 5, "state": "ok", "kind": "flat", "indexed": 5, "missing": 0, "stale": 0}
    # a new claim is added to the saved index, not rebuilt from scratch
    st.save_document({"content_hash": "d2", "path": "/c/b.txt", "text": "y"},
                     [{"idx": 0, "text": "new", "start": 0, "end": 1, "text_hash": "h9"}], "ext")
    st.put_embeddings("m", {"h9": v[0]})
    assert st.index_health("m", "ext")["missing"] == 1
    assert st.claim_index("m", "ext", 16).ntotal == 6
    # claims deleted (extractor re-run gave fewer) -> stale -> rebuilt
    st.save_document({"content_hash": "d2", "path": "/c/b.txt", "text": "y"}, [], "ext")
    assert st.index_health("m", "ext")["stale"] == 1
    assert st.claim_index("m", "ext", 16).ntotal == 5
    # a damaged file is rebuilt from the embeddings table
    f = st.index_file("m", "ext")
    f.write_bytes(b"garbage")
    assert st.index_health("m", "ext")["state"] == "unreadable"
    assert st.claim_index("m", "ext", 16).ntotal == 5
    assert st.index_health("m", "ext")["state"] == "ok"
    st.close()


def test_selection_by_folder_date_source_and_current_version(tmp_path):
    st = Store(tmp_path / "s.db")
    rows = [("1", "/news/dawn/a.txt", "2025-11-07", "dawn"), ("2", "/news/dawn_x/b.txt", "2025-11-01", "x"),
            ("3", "/news/tass/c.txt", None, "tass"), ("4", "/news/dawn", "2025-11-08", "dawn")]
    for h, p, d, s in rows:
        st.save_document({"content_hash": h, "path": p, "text": "t", "date": d, "ingest_source": s}, [], "e")
    paths = lambda **kw: [r["path"] for r in st.current_documents(**kw)]  # noqa: E731
    # "_" and "%" in a folder name are not wildcards; a file path selects itself
    assert paths(paths=["/news/dawn"]) == ["/news/dawn/a.txt", "/news/dawn"]
    assert paths(paths=["/news/dawn/"]) == ["/news/dawn/a.txt", "/news/dawn"]
    assert paths(since="2025-11-05") == ["/news/dawn/a.txt", "/news/dawn"]  # undated ones are out
    assert paths(sources=["tass", "x"]) == ["/news/dawn_x/b.txt", "/news/tass/c.txt"]
    # a new version of a.txt replaces the old one in selections; the old row is kept
    st.save_document({"content_hash": "5", "path": "/news/dawn/a.txt", "text": "t2"}, [], "e", supersede=True)
    assert paths(paths=["/news/dawn/a.txt"]) == ["/news/dawn/a.txt"]
    assert [r["id"] for r in st.current_documents(paths=["/news/dawn/a.txt"])] == [5]
    assert st.document_by_hash("1")["replaced_by"] == 5
    # ... and the old version back makes it current again
    st.save_document({"content_hash": "1", "path": "/news/dawn/a.txt", "text": "t"}, [], "e", supersede=True)
    assert [r["id"] for r in st.current_documents(paths=["/news/dawn/a.txt"])] == [1]
    st.close()


@pytest.mark.parametrize("n", [0, 1])
def test_empty_and_single_vector_indexes(n):
    rng = np.random.default_rng(4)
    v = unit(rng, n) if n else np.zeros((0, 16), np.float32)
    idx = ClaimIndex.build(np.arange(n), v, 16, "m")
    sims, found = idx.search(unit(rng, 2), 3)
    assert found.shape == (2, 3)
    assert (found[:, n:] == -1).all()


def test_all_claim_vectors_match_the_selected_ones_and_skip_damaged_rows(tmp_path):
    st, v = _store_with_vectors(tmp_path / "v.db", n=7)
    ids, docs, vecs = st.claim_vectors("m", "ext")
    sel = st.claim_vectors("m", "ext", claim_ids=ids.tolist())
    assert ids.tolist() == sel[0].tolist() == sorted(ids.tolist()) and len(ids) == 7
    assert docs.tolist() == sel[1].tolist() and np.array_equal(vecs, sel[2]) and np.allclose(vecs, v)
    assert vecs.dtype == np.float32 and vecs.flags["C_CONTIGUOUS"]
    # a half-written vector is left out (and the others kept), whichever path reads it
    st.db.execute("update embeddings set vector = substr(vector, 1, 10) where text_hash = 'h3'")
    ids2, docs2, vecs2 = st.claim_vectors("m", "ext")
    assert len(ids2) == 6 and ids[3] not in ids2.tolist()
    assert np.allclose(vecs2, np.delete(v, 3, axis=0))
    assert st.claim_vectors("m", "ext", claim_ids=ids.tolist())[0].tolist() == ids2.tolist()
    assert st.claim_vectors("nobody", "ext")[2].shape == (0, 0)
    st.close()
