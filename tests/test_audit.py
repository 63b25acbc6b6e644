"""ingest / audit / search / db commands end to end, with the real encoder and NLI model.

The seed articles give the acceptance case (000, 002 and 003 are one story, 001 another); a small
NTREX corpus (benchmarks/build_audit_corpus.py) gives the kill -9 resumability checks.
"""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[1]
SEEDS = ("000_93a24f0839ddf88b.txt", "001_baa2b6a8d129b5c7.txt", "002_385850e134b41bb0.txt",
         "003_07b986253854532e.txt")


def counts(db):
    con = sqlite3.connect(db)
    try:
        tables = ("documents", "claims", "embeddings", "comparisons", "findings", "audits", "audit_stories",
                  "audit_pairs", "nli_cache")
        out = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert con.execute("pragma foreign_key_check").fetchall() == []
        return out
    finally:
        con.close()


def checksum(db):
    from claims_db import Store

    with Store(db) as st:
        return st.findings_checksum()


def test_seeds_audit_finds_the_two_stories(run, seeds, isolated_env):
    r = run("ingest", str(seeds))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("4 files: 4 new, 0 changed, 0 unchanged articles, 0 skipped;")
    r = run("ingest", str(seeds))  # nothing new
    assert r.stdout.startswith("4 files: 0 new, 0 changed, 4 unchanged articles")
    r = run("audit", "--width", "160")
    assert r.exit_code == 0, r.output
    assert "4 articles · 1 story · 1 article without a counterpart" in r.stdout

    from claims_db import Store
    from factcheck.audit import build_report

    with Store(isolated_env / "claims.db") as st:
        rep = build_report(st, st.latest_audit()["id"])
    assert len(rep.stories) == 1
    story = {Path(d.path).name for d in rep.stories[0].documents}
    assert story == {SEEDS[0], SEEDS[2], SEEDS[3]}
    assert [Path(d.path).name for d in rep.singletons] == [SEEDS[1]]
    # every pair within the story was cross-checked, each claim of each side has a finding
    pairs = {(f.document_id, f.other_document_id) for f in rep.stories[0].findings}
    assert len(pairs) == 6
    # sources: folder name unless the article names its outlet (002 names ANI)
    assert {s.source for s in rep.sources} == {"seeds", "ANI"}
    # the CLI streams a summary-only report story by story: same text as the report held whole
    from factcheck.audit import iter_stories
    from factcheck.export import audit_chunks, export_audit

    with Store(isolated_env / "claims.db") as st:
        light = build_report(st, rep.audit_id, findings=False)
        assert (light.sources, light.matrix, light.contested, light.singletons, light.summary()) == (
            rep.sources, rep.matrix, rep.contested, rep.singletons, rep.summary())
        assert light.stories[0].findings == () and not light.stories[0].has_findings
        assert tuple(iter_stories(st, light)) == rep.stories
        for fmt in ("json", "csv", "md", "html"):
            assert "".join(audit_chunks(light, fmt, iter_stories(st, light))) == export_audit(rep, fmt), fmt
    out = isolated_env / "audit.json"
    assert run("export", "--format", "json", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == export_audit(rep, "json")
    assert len(json.loads(out.read_text(encoding="utf-8"))["stories"][0]["findings"]) == len(rep.stories[0].findings)
    # running it again reuses the stored audit: nothing is added
    before = counts(isolated_env / "claims.db")
    assert run("audit").exit_code == 0
    assert counts(isolated_env / "claims.db") == before


def test_search_across_languages_with_verdict_history(run, seeds, isolated_env):
    assert run("ingest", str(seeds)).exit_code == 0
    r = run("search", "Kazakhstan joins the Abraham Accords with Israel", "--json", "-k", "3")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["schema"] == "factcheck.search/1"
    top = out["hits"][0]
    assert Path(top["path"]).name in {SEEDS[0], SEEDS[2], SEEDS[3]}
    assert top["history"] == []  # not cross-checked yet
    r = run("search", "Путин посетил Казахстан с государственным визитом", "--json", "-k", "1")
    assert Path(json.loads(r.stdout)["hits"][0]["path"]).name == SEEDS[1]
    assert run("audit", "-q").exit_code == 0
    r = run("search", "Kazakhstan joins the Abraham Accords with Israel", "--json", "-k", "3")
    hits = json.loads(r.stdout)["hits"]
    hist = [h for hit in hits for h in hit["history"]]
    assert hist, "after the audit, the matching claims carry their verdicts"
    assert {h["verdict"] for h in hist} <= {"agree", "contradict", "unclear", "absent"}
    assert any(h["evidence_lang"] and h["evidence_lang"] != hit["lang"] for hit in hits for h in hit["history"])
    # text in the terminal report too
    r = run("search", "Abraham Accords", "--width", "120")
    assert r.exit_code == 0 and "1." in r.stdout


def test_bad_search_and_audit_input_gives_one_line(run, isolated_env, seeds):
    r = run("search", "anything")
    assert r.exit_code == 1 and "no database yet" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run("audit")
    assert r.exit_code == 1 and "no articles to audit" in r.stderr
    assert run("ingest", str(seeds / SEEDS[0])).exit_code == 0
    r = run("search", "   ")
    assert r.exit_code == 1 and "empty search text" in r.stderr
    r = run("audit", "--since", "yesterday")
    assert r.exit_code == 2
    r = run("audit", str(isolated_env / "nowhere"))
    assert r.exit_code == 1 and "no articles to audit" in r.stderr


def test_ingest_skips_bad_files_and_keeps_the_rest(run, seeds, isolated_env):
    folder = isolated_env / "in"
    folder.mkdir()
    shutil.copy(seeds / SEEDS[0], folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.jsonl").write_text('{"text": "This line is a perfectly fine article text with enough letters."}\n{not json\n', encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not an article type: not looked at
    r = run("ingest", str(folder))
    assert r.exit_code == 1
    errs = r.stderr.strip().splitlines()
    assert len(errs) == 3 and all(e.startswith("factcheck: error: ") and "(skipped)" in e for e in errs)
    assert any("empty.txt: empty file" in e for e in errs)
    assert any("broken.jsonl: line 2 is not valid JSON" in e for e in errs)
    assert "1 new" in r.stdout
    assert counts(isolated_env / "claims.db")["documents"] == 1


def test_changed_article_replaces_the_old_version(run, seeds, isolated_env):
    folder = isolated_env / "in"
    folder.mkdir()
    target = folder / "a.txt"
    shutil.copy(seeds / SEEDS[1], target)
    assert run("ingest", str(folder)).exit_code == 0
    target.write_text(target.read_text(encoding="utf-8").replace("28", "21"), encoding="utf-8")
    r = run("ingest", str(folder))
    assert "0 new, 1 changed, 0 unchanged" in r.stdout
    from claims_db import Store

    with Store(isolated_env / "claims.db") as st:
        cur = st.current_documents()
        assert len(cur) == 1 and "21" in st.document(cur[0]["id"])["text"]
        assert st.counts()["documents"] == 2  # the old version is kept (with its findings)


def test_db_status_and_rebuild_index(run, seeds, isolated_env):
    assert "no database yet" in run("db", "status").stdout
    assert run("ingest", str(seeds / SEEDS[0]), str(seeds / SEEDS[3])).exit_code == 0
    r = run("db", "status", "--json")
    info = json.loads(r.stdout)
    assert info["schema"] == "m003_audits" and info["migrations_pending"] == []
    assert info["integrity"] == "ok"
    (ix,) = info["indexes"]
    assert ix["state"] == "ok" and ix["indexed"] == ix["claims_with_vectors"] == info["counts"]["claims"]
    Path(ix["path"]).write_bytes(b"damaged")
    assert json.loads(run("db", "status", "--json").stdout)["indexes"][0]["state"] == "unreadable"
    r = run("db", "rebuild-index")
    assert r.exit_code == 0 and "index rebuilt" in r.stdout and "flat" in r.stdout
    assert "index (" in run("db", "status").stdout and ": ok," in run("db", "status").stdout


# ------------------------------------------------------------------------ kill -9 and resume


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from conftest import data_dir

    if not (data_dir() / "eval" / "ntrex128").is_dir():
        pytest.skip("NTREX-128 not found (set FACTCHECK_DATA)")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from build_audit_corpus import build

    out = tmp_path_factory.mktemp("corpus")
    manifest = build(out, articles=20)
    return out, manifest


def _cli(db, *args, env_extra=None):
    env = {**os.environ, "FACTCHECK_DB": str(db), "FACTCHECK_HOME": str(Path(db).parent / "home"),
           "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    return [sys.executable, "-m", "factcheck.cli", *args], env


def _run_to_end(db, *args):
    cmd, env = _cli(db, *args)
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stderr
    return p


def _kill_when(db, query, at_least, *args):
    """Start the command, SIGKILL it once ``query`` on the database returns >= at_least."""
    cmd, env = _cli(db, *args)
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 600
    try:
        while time.time() < deadline and p.poll() is None:
            if Path(db).exists():
                try:
                    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                    n = con.execute(query).fetchone()[0]
                    con.close()
                    if n >= at_least:
                        p.send_signal(signal.SIGKILL)
                        p.wait()
                        return True
                except sqlite3.OperationalError:
                    pass
            time.sleep(0.05)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    return False


def test_kill_9_during_ingest_and_audit_then_rerun_gives_the_same_database(corpus, tmp_path):
    folder, manifest = corpus
    ref = tmp_path / "ref.db"
    _run_to_end(ref, "ingest", "-q", str(folder))
    _run_to_end(ref, "audit", "-q")

    db = tmp_path / "killed.db"
    assert _kill_when(db, "select count(*) from documents", 8, "ingest", "-q", str(folder)), \
        "ingest finished before it could be killed"
    mid = counts(db)
    assert 0 < mid["documents"] < manifest["articles"]
    _run_to_end(db, "ingest", "-q", str(folder))
    assert _kill_when(db, "select count(*) from audit_pairs where comparison_id is not null", 3, "audit", "-q"), \
        "audit finished before it could be killed"
    _run_to_end(db, "audit", "-q")

    a, b = counts(ref), counts(db)
    assert a == b
    assert checksum(ref) == checksum(db)
    # the index is whole and in line with the database after the interrupted ingest
    cmd, env = _cli(db, "db", "status", "--json")
    info = json.loads(subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout)
    assert info["indexes"][0]["state"] == "ok"
    assert info["latest_audit"]["status"] == "done"
