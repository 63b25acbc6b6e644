"""Audit benchmark: quality on an NTREX audit corpus, and wall time / peak memory as corpora grow.

Corpora come from ``benchmarks/build_audit_corpus.py`` (NTREX-128 documents as stories reported by
five outlets, one per language; every fourth story has one number changed in one outlet). For each
size, in a fresh database, the real CLI runs as a child process: ``factcheck ingest -q CORPUS`` then
``factcheck audit -q --format json``; wall time and the child's peak RSS (``os.wait4``) are recorded.

Quality (from the stored audit, against the corpus manifest):
- stories: pairwise precision / recall of "same story" over article pairs;
- perturbations: for each changed number, the 4 outlet pairs (perturbed outlet vs each other
  outlet) where a ``contradict`` finding involves the changed sentence; recall over those pairs;
- clean pairs: contradictions between outlets in stories without a perturbation, per matched claim
  (false alarms), and agreement = agree / (agree + contradict) over them.

Baseline in the same run: story grouping by comparing every pair of articles (``retrieve.match`` on
each pair, quadratic), timed in-process at the sizes where it finishes, against ``find_stories``
(kNN over FAISS) on the same database.

Approximate index: on the largest corpus's claim vectors (distinct texts), recall@10 of the HNSW
index against exact search, for 1,000 held-out claims as queries.

Sizes: full 60, 600, 6000 articles (600 is the held-out quality figure: the grouping thresholds
were set on the 60-article corpus and the seed articles); quick: 20.
"""
from __future__ import annotations

import itertools
from collections import defaultdict
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.common import REPO, data_dir, log
from benchmarks.suites import Row

FULL_SIZES = (60, 600, 6000)
QUICK_SIZES = (20,)


def _child(cmd: list[str], env: dict) -> dict:
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace") if p.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd[2:])} exited {code}: {err[-2000:]}")
    return {"wall_s": round(wall, 1), "peak_rss_mib": round(usage.ru_maxrss / 1024, 1)}


def _env(db: Path) -> dict:
    return {**os.environ, "FACTCHECK_DB": str(db), "FACTCHECK_HOME": str(db.parent / "home"),
            "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def quality(db: Path, manifest: dict) -> dict:
    from claims_db import Store
    from factcheck.audit import build_report, iter_stories

    pert = {p["story"]: p for p in manifest["perturbations"]}
    clean = {"matched": 0, "agree": 0, "contradict": 0}
    contradictions = defaultdict(list)  # true story -> its contradict findings (one pass, not one per perturbation)
    with Store(db) as st:
        rep = build_report(st, st.latest_audit()["id"], contested_top=10_000, findings=False)
        docs = st.current_documents()
        truth = {d["id"]: int(d["path"].rsplit("#L", 1)[1]) - 1 for d in docs}
        for s in iter_stories(st, rep):  # one story's findings in memory at a time
            for f in s.findings:
                story = truth[f.document_id]
                if story not in pert and f.verdict.value != "absent" and f.source != f.other_source:
                    clean["matched"] += 1
                    if f.verdict.value in ("agree", "contradict"):
                        clean[f.verdict.value] += 1
                if f.verdict.value == "contradict":
                    contradictions[story].append(f)
    pred = {}
    for s in rep.stories:
        for d in s.documents:
            pred[d.document_id] = s.index
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same, guess = truth[a] == truth[b], a in pred and pred.get(a) == pred.get(b)
        tp += same and guess
        fp += guess and not same
        fn += same and not guess
    expected = found = 0
    for story, p in pert.items():
        outlets = [f"outlet-{lang}" for lang in ("en", "ar", "ur", "ru", "kk") if f"outlet-{lang}" != p["outlet"]]
        hits = set()
        for f in contradictions[story]:
            if f.source == p["outlet"] and p["new"] in f.text:
                hits.add(f.other_source)
            elif f.other_source == p["outlet"] and f.evidence_text and p["new"] in f.evidence_text:
                hits.add(f.source)
        expected += len(outlets)
        found += len(hits & set(outlets))
    decided = clean["agree"] + clean["contradict"]
    return {
        "stories_found": len(rep.stories), "stories_true": len(set(truth.values())),
        "singletons": len(rep.singletons),
        "story_precision": round(tp / max(1, tp + fp), 4), "story_recall": round(tp / max(1, tp + fn), 4),
        "perturbed_pairs": expected, "perturbed_pairs_found": found,
        "perturbation_recall": round(found / max(1, expected), 4),
        "clean_matched": clean["matched"], "clean_contradict": clean["contradict"], "clean_agree": clean["agree"],
        "clean_false_alarm_rate": round(clean["contradict"] / max(1, clean["matched"]), 4),
        "clean_agreement": round(clean["agree"] / decided, 4) if decided else None,
        "summary": rep.summary(),
    }


def grouping_speed(db: Path, all_pairs: bool) -> dict:
    """find_stories (FAISS kNN) vs every pair of articles through retrieve.match, in-process."""
    from claims_db import Store
    from factcheck import claims as claims_stage
    from factcheck.audit import AuditParams, find_stories
    from factcheck.pipeline import Models
    from factcheck.retrieve import match
    from factcheck.settings import Settings

    settings = Settings.from_env(env={"FACTCHECK_DB": str(db), "FACTCHECK_HOME": str(db.parent / "home")})
    models = Models(settings)
    out = {}
    with Store(db) as st:
        docs = st.current_documents()
        models.embedder  # noqa: B018 (load outside the timing)
        t0 = time.perf_counter()
        find_stories(st, docs, models, AuditParams())
        out["knn_grouping_s"] = round(time.perf_counter() - t0, 2)
        if all_pairs:
            t0 = time.perf_counter()
            _, cdocs, vecs = st.claim_vectors(models.embedder.model_id, claims_stage.EXTRACTOR_ID)
            rows = {d["id"]: vecs[cdocs == d["id"]] for d in docs}
            for a, b in itertools.combinations(sorted(rows), 2):
                match(rows[a], rows[b])
            out["all_pairs_grouping_s"] = round(time.perf_counter() - t0, 2)
    return out


def index_recall(db: Path, n_queries: int = 1000) -> dict:
    from claims_db import Store
    from claims_db.index import ClaimIndex
    from factcheck import claims as claims_stage

    with Store(db) as st:
        model = st.models_of_kind("embedder")[0]["id"]
        ids, _, vecs = st.claim_vectors(model, claims_stage.EXTRACTOR_ID)
    _, first = np.unique(vecs.round(5), axis=0, return_index=True)
    vecs = vecs[np.sort(first)]
    rng = np.random.default_rng(0)
    order = rng.permutation(len(vecs))
    q, base = vecs[order[:n_queries]], vecs[order[n_queries:]]
    ids = np.arange(len(base))
    t0 = time.perf_counter()
    exact = ClaimIndex.build(ids, base, base.shape[1], "x", kind="flat")
    hnsw = ClaimIndex.build(ids, base, base.shape[1], "x", kind="hnsw")
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    _, e = exact.search(q, 10)
    exact_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    _, a = hnsw.search(q, 10)
    hnsw_s = time.perf_counter() - t0
    recall = float(np.mean([len(set(a[i]) & set(e[i])) / 10 for i in range(len(q))]))
    return {"vectors": int(len(base)), "queries": int(len(q)), "recall_at_10": round(recall, 4),
            "build_s": round(build_s, 2), "exact_search_ms_per_query": round(1000 * exact_s / len(q), 3),
            "hnsw_search_ms_per_query": round(1000 * hnsw_s / len(q), 3)}


def run(quick: bool = False) -> dict:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from build_audit_corpus import build

    sizes = QUICK_SIZES if quick else tuple(int(x) for x in os.environ.get("FACTCHECK_AUDIT_SIZES", "").split(",")
                                            if x) or FULL_SIZES
    if not (data_dir() / "eval" / "ntrex128").is_dir():
        raise SystemExit(f"NTREX-128 not found under {data_dir()}")
    results = []
    with tempfile.TemporaryDirectory(prefix="factcheck-audit-bench-") as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}"
            manifest = build(corpus, articles=n)
            db = Path(tmp) / f"db-{n}" / "claims.db"
            db.parent.mkdir()
            env = _env(db)
            base = [sys.executable, "-m", "factcheck.cli"]
            log(f"audit benchmark: {n} articles: ingest")
            ing = _child(base + ["ingest", "-q", str(corpus)], env)
            log(f"audit benchmark: {n} articles: audit")
            aud = _child(base + ["audit", "-q", "--format", "json", "-o", str(Path(tmp) / f"audit-{n}.json")], env)
            rerun = _child(base + ["audit", "-q", "--format", "json", "-o", os.devnull], env)
            status = json.loads(subprocess.run(base + ["db", "status", "--json"], env=env, capture_output=True,
                                               text=True, check=True).stdout)
            row = {"articles": manifest["articles"], "ingest": ing, "audit": aud, "audit_again": rerun,
                   "claims": status["counts"]["claims"], "comparisons": status["counts"]["comparisons"],
                   "index": {k: status["indexes"][0].get(k) for k in ("kind", "indexed")},
                   "quality": quality(db, manifest)}
            row.update(grouping_speed(db, all_pairs=n <= 600))
            row["per_article_ms"] = {"ingest": round(1000 * ing["wall_s"] / n, 1),
                                     "audit": round(1000 * aud["wall_s"] / n, 1)}
            results.append(row)
            log(json.dumps(row))
        idx = index_recall(db, n_queries=200 if quick else 1000)
    out = {"sizes": results, "index": idx}
    print(f"{'articles':>8} {'ingest s':>9} {'MiB':>6} {'audit s':>8} {'MiB':>6} {'ms/art':>7} "
          f"{'stories P/R':>12} {'pert. rec':>9} {'FA':>6} {'agree':>6}")
    for r in results:
        q = r["quality"]
        print(f"{r['articles']:>8} {r['ingest']['wall_s']:>9} {r['ingest']['peak_rss_mib']:>6} {r['audit']['wall_s']:>8} "
              f"{r['audit']['peak_rss_mib']:>6} {r['per_article_ms']['audit']:>7} "
              f"{q['story_precision']:.3f}/{q['story_recall']:.3f} {q['perturbation_recall']:>9} "
              f"{q['clean_false_alarm_rate']:>6} {q['clean_agreement']}")
    print(f"HNSW recall@10 {idx['recall_at_10']} on {idx['vectors']} vectors")
    return out


def rows(result: dict) -> list[Row]:
    out = []
    for r in result["sizes"]:
        q = r["quality"]
        n = r["articles"]
        out.append(Row(f"audit {n} articles: ingest / audit wall, peak RSS",
                       f"{r['ingest']['wall_s']} s / {r['audit']['wall_s']} s, "
                       f"{max(r['ingest']['peak_rss_mib'], r['audit']['peak_rss_mib'])} MiB"))
        out.append(Row(f"audit {n}: stories P/R, perturbed pairs found, clean false alarms, agreement",
                       f"{q['story_precision']:.3f}/{q['story_recall']:.3f}, {q['perturbation_recall']:.3f}, "
                       f"{q['clean_false_alarm_rate']:.3f}, {q['clean_agreement']}"))
        if "audit_again" in r:
            out.append(Row(f"audit {n}: stored audit shown again (report + JSON export, streamed)",
                           f"{r['audit_again']['wall_s']} s, {r['audit_again']['peak_rss_mib']} MiB"))
        if "all_pairs_grouping_s" in r:
            out.append(Row(f"story grouping {n} articles: FAISS kNN vs all article pairs",
                           f"{r['knn_grouping_s']} s", f"{r['all_pairs_grouping_s']} s (all pairs)"))
        elif "knn_grouping_s" in r:
            out.append(Row(f"story grouping {n} articles: FAISS kNN", f"{r['knn_grouping_s']} s",
                           "all pairs not run (quadratic)"))
    sizes = result["sizes"]
    for a, b in zip(sizes, sizes[1:]):
        k = b["articles"] / a["articles"]
        out.append(Row(f"growth {a['articles']} → {b['articles']} articles (×{k:g}): ingest / audit wall, "
                       "audit peak RSS, grouping",
                       f"×{b['ingest']['wall_s'] / a['ingest']['wall_s']:.2f} / "
                       f"×{b['audit']['wall_s'] / a['audit']['wall_s']:.2f}, "
                       f"×{b['audit']['peak_rss_mib'] / a['audit']['peak_rss_mib']:.2f}, "
                       f"×{b['knn_grouping_s'] / max(a['knn_grouping_s'], 0.01):.1f}",
                       "the 6,000 corpus repeats texts: embeddings and NLI are cached" if b["articles"] > 1000 else ""))
    i = result["index"]
    out.append(Row("HNSW recall@10 vs exact", f"{i['recall_at_10']} ({i['vectors']} vectors)", "target >= .95"))
    return out
