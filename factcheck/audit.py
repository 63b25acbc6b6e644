"""Audit stage: group stored articles into stories, cross-check the sources of each story, report.

In:  an open ``claims_db.Store`` holding ingested articles (``factcheck.ingest``), a ``Selection``
     (folders, ``since`` date, sources), ``Settings``, the shared ``Models``, ``AuditParams``.
Out: ``run_audit`` -> the audit id (stored); ``build_report(store, audit_id)`` -> ``AuditReport``;
     ``iter_stories(store, report)`` streams a summary-only report's stories with their findings.
Holds:
- Stories. Every claim's nearest claims in *other* articles whose dates are at most
  ``window_days`` apart (undated articles are candidates of every article) come from FAISS, per
  language of the other article (``link_evidence``). Two articles are one story when at least
  ``min_shared`` claim pairs, and ``min_shared_fraction`` of the shorter article's claims, are each
  other's best counterpart and stand out from both claims' backgrounds by ``min_gain``. Stories
  are the connected components; an article linked to nobody is a singleton (reported, not
  cross-checked). No step compares all pairs of claims or all pairs of articles.
- Cross-checks. Within a story, every pair of articles that shares at least one matched claim is
  compared with ``pipeline.compare_documents`` (both directions, NLI + checks), which stores the
  comparison and its findings in one transaction; the pair is then linked to the audit. Work
  already stored (same documents, models and parameters) is reused, never redone.
- Resumable and deterministic. The audit row, its stories and its pair list are written in one
  transaction before any cross-check; its key hashes the selected documents, parameters and models.
  Killed at any point and re-run with the same selection, it continues with the pairs not yet
  linked and ends with the same comparisons and findings as an uninterrupted run.
- Reporting counts check-worthy claims only (``claims.HIDE_BELOW``), and agreement between
  *different* sources: two articles of one outlet do not confirm each other.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from . import claims as claims_stage
from .pipeline import CompareOptions, Models, comparison_key, compare_documents, effective_options, text_hash
from .settings import Settings
from .types import (
    AuditDocument, AuditFinding, AuditReport, ContestedClaim, Document, SourcePair, SourceStats, Story,
    Verdict, verdict_counts,
)

OnPair = Callable[[int, int], None]  # (pairs done, pairs total)
BG_FROM, BG_TO = 8, 24  # neighbour ranks (among other articles' claims) that estimate a claim's background


@dataclass(frozen=True)
class Selection:
    paths: tuple[str, ...] = ()  # folder or file prefixes (absolute paths as stored by ingest)
    since: str | None = None  # ISO date: only articles dated on or after it
    sources: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"paths": list(self.paths), "since": self.since, "sources": list(self.sources)}


@dataclass(frozen=True)
class AuditParams:
    link_similarity: float = 0.83  # claim pairs below this cosine are never evidence of one story
    # Calibrated on the seed articles and a 60-article NTREX audit corpus (benchmarks/suites/audit.py):
    # 0.05-0.06 with 15-20% both group them perfectly; the higher pair is taken for a margin.
    min_gain: float = 0.06  # a strong claim pair is this much closer than both claims' backgrounds
    min_shared: int = 2  # strong claim pairs two articles need to be one story ...
    min_shared_fraction: float = 0.2  # ... and this share of the shorter article's claims
    window_days: int = 7  # dated articles further apart than this are never one story
    contested_top: int = 20
    options: CompareOptions = field(default_factory=CompareOptions)

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("options")
        return d


class _UnionFind:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _day(date: str | None) -> int | None:
    import datetime as dt

    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def _windows(docs: Sequence[dict], window: int) -> list[tuple[list[int], list[int]]]:
    """(query documents, candidate documents) blocks: dated articles in blocks of ``window`` days,
    each searched against its own and the neighbouring blocks plus the undated articles; undated
    articles are searched against everything."""
    dated = defaultdict(list)
    undated = []
    for d in docs:
        day = _day(d.get("date"))
        if day is None:
            undated.append(d["id"])
        else:
            dated[day // max(1, window)].append(d["id"])
    out = []
    for b in sorted(dated):
        cand = dated.get(b - 1, []) + dated[b] + dated.get(b + 1, []) + undated
        out.append((dated[b], cand))
    if undated:
        out.append((undated, [d["id"] for d in docs]))
    return out


def find_stories(store, docs: Sequence[dict], models: Models, params: AuditParams,
                 exact_limit: int | None = None) -> tuple[dict[int, int], list[tuple[int, int, int, int]]]:
    """Story of each document (singletons get -1) and the pairs to cross-check:
    (story, document_a, document_b, shared claims), sorted. See ``link_evidence``."""
    by_id = {d["id"]: d for d in docs}
    evidence, n_claims = link_evidence(store, docs, models, params, exact_limit=exact_limit)
    uf = _UnionFind(list(by_id))
    for (a, b), (strong, _) in sorted(evidence.items()):
        short = max(1, min(n_claims[a], n_claims[b]))
        if strong >= params.min_shared and strong >= params.min_shared_fraction * short:
            uf.union(a, b)
    comps = defaultdict(list)
    for d in sorted(by_id):
        comps[uf.find(d)].append(d)
    story_of: dict[int, int] = {}
    n_story = 0
    for root in sorted(comps):
        members = comps[root]
        if len(members) == 1:
            story_of[members[0]] = -1
            continue
        for d in members:
            story_of[d] = n_story
        n_story += 1
    pairs = sorted((story_of[a], a, b, strong) for (a, b), (strong, _) in evidence.items()
                   if story_of[a] >= 0 and story_of[a] == story_of[b])
    return story_of, pairs


def link_evidence(store, docs: Sequence[dict], models: Models, params: AuditParams,
                  exact_limit: int | None = None) -> tuple[dict[tuple[int, int], tuple[int, int]], dict[int, int]]:
    """For each pair of articles that could be one story: (strong, weak) counts of claim pairs that
    are each other's best counterpart in the other article; *strong* ones stand out from both
    claims' backgrounds by at least ``params.min_gain``. Also each article's number of claims.

    Background of claim x towards language L: the mean similarity of x's neighbours ranked
    ``BG_FROM``..``BG_TO`` among claims in L of *other* articles in its date window, i.e. what
    "related but not the same fact" looks like for x in that language. It is per language because
    e5 puts sentences of one language closer together: same-language articles on related topics
    share many similar sentences, and a crowded language would otherwise drown the real
    cross-language matches of its articles.
    """
    from claims_db.index import EXACT_LIMIT, ClaimIndex

    embedder = models.embedder
    by_id = {d["id"]: d for d in docs}
    cids, cdocs, vecs = store.claim_vectors(embedder.model_id, claims_stage.EXTRACTOR_ID, document_ids=list(by_id))
    order = np.argsort(cdocs, kind="stable")
    keys = list(by_id)
    lo = np.searchsorted(cdocs[order], keys, side="left")
    hi = np.searchsorted(cdocs[order], keys, side="right")
    rows_of = {d: order[x:y] for d, x, y in zip(keys, lo, hi)}
    n_claims = {d: len(r) for d, r in rows_of.items()}
    days = {d["id"]: _day(d.get("date")) for d in docs}
    lang = {d["id"]: d.get("lang") or "und" for d in docs}
    longest = max(n_claims.values(), default=0)
    best: list[dict[int, tuple[float, int]]] = [dict() for _ in range(len(cids))]
    bg: list[dict[str, float]] = [dict() for _ in range(len(cids))]
    limit = EXACT_LIMIT if exact_limit is None else exact_limit
    for queries, cands in _windows(docs, params.window_days):
        qrow = np.concatenate([rows_of[q] for q in queries]) if queries else np.zeros(0, np.int64)
        if len(qrow) == 0:
            continue
        by_lang: dict[str, list[int]] = defaultdict(list)
        for c in cands:
            by_lang[lang[c]].append(c)
        for L, members in sorted(by_lang.items()):
            crow = np.concatenate([rows_of[c] for c in members])
            if len(crow) == 0:
                continue
            idx = ClaimIndex.build(crow, vecs[crow], vecs.shape[1], "audit", exact_limit=limit)
            k = int(min(len(crow), BG_TO + longest + 1))
            sims, found = idx.search(vecs[qrow], k)
            for qi, r in enumerate(qrow):
                da = int(cdocs[r])
                other = []
                for s, j in zip(sims[qi].tolist(), found[qi].tolist()):
                    if j < 0:
                        continue
                    db = int(cdocs[j])
                    if db == da or (days[da] is not None and days[db] is not None
                                    and abs(days[da] - days[db]) > params.window_days):
                        continue
                    other.append((s, j, db))
                if not other:
                    continue
                if len(other) >= BG_FROM + 3:
                    tail = [s for s, _, _ in other[BG_FROM:BG_TO]]
                else:  # few claims in this language nearby: the less similar half of them
                    tail = [s for s, _, _ in other[len(other) // 2:]]
                bg[r][L] = float(np.mean(tail))
                mine = best[r]
                for s, j, db in other[:BG_TO]:
                    if db not in mine and s >= params.link_similarity:
                        mine[db] = (s, j)
    evidence: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for r in range(len(cids)):
        da = int(cdocs[r])
        for db, (s, j) in best[r].items():
            if da < db and best[j].get(da, (0.0, -1))[1] == r:
                e = evidence[(da, db)]
                e[1] += 1
                back = (bg[r].get(lang[db], s) + bg[j].get(lang[da], s)) / 2
                if s - back >= params.min_gain:
                    e[0] += 1
    return {k: (v[0], v[1]) for k, v in evidence.items()}, n_claims


def _document(row: dict) -> Document:
    return Document(path=row["path"], text=row["text"], content_hash=row["content_hash"], title=row["title"],
                    date=row["date"], source=row["source"], url=row["url"], lang=row["lang"],
                    encoding=row["encoding"], format=row["format"] or "text")


def audit_key(docs: Sequence[dict], params: AuditParams, embedder_id: str, nli_id: str | None,
              options: CompareOptions) -> str:
    return text_hash(json.dumps({
        "documents": sorted(d["content_hash"] for d in docs), "params": params.as_dict(),
        "compare": comparison_key("", "", embedder_id, nli_id, options),
    }, sort_keys=True))


def run_audit(store, settings: Settings, models: Models | None = None, selection: Selection = Selection(),
              params: AuditParams = AuditParams(), *, on_pair: OnPair | None = None,
              progress: Callable[[str], None] = lambda _: None, exact_limit: int | None = None) -> int:
    """Audit the selected current documents; returns the audit id. See the module docstring."""
    from .errors import FactcheckError
    from .ingest import backfill

    models = models or Models(settings)
    docs = store.current_documents(paths=selection.paths, since=selection.since, sources=selection.sources)
    if not docs:
        raise FactcheckError("no articles to audit: the database holds none that match the selection "
                             "(add some with 'factcheck ingest PATH')")
    progress(f"{len(docs)} articles selected")
    embedder = models.embedder
    if backfill(store, models):
        progress("embedded claims left over by an interrupted ingest")
    nli = models.nli
    options = effective_options(params.options, nli)
    nli_id = nli.model_id if nli is not None else None
    key = audit_key(docs, params, embedder.model_id, nli_id, options)
    row = store.audit_by_key(key)
    if row is None:
        progress("grouping articles into stories")
        stories, pairs = find_stories(store, docs, models, params, exact_limit=exact_limit)
        aid = store.start_audit(
            key, selection.as_dict(), params.as_dict(),
            {"embedder": embedder.model_id, "nli": nli_id, "extractor": claims_stage.EXTRACTOR_ID,
             "options": {"retrieval": asdict(options.retrieval), "verdict": asdict(options.verdict)}},
            stories, pairs)
    else:
        aid = row["id"]
        if row["status"] == "done":
            return aid
        progress("resuming an interrupted audit")
    todo = store.audit_pairs(aid, pending_only=True)
    total = len(store.audit_pairs(aid))
    done = total - len(todo)
    rows = store.documents_by_ids(sorted({p["document_a"] for p in todo} | {p["document_b"] for p in todo}))
    for p in todo:
        if on_pair:
            on_pair(done, total)
        a, b = rows[p["document_a"]], rows[p["document_b"]]
        key_ab = comparison_key(a["content_hash"], b["content_hash"], embedder.model_id, nli_id, options)
        cmp_row = store.comparison(key_ab)
        if cmp_row is None:
            compare_documents(_document(a), _document(b), settings, store, models, params.options)
            cmp_row = store.comparison(key_ab)
        store.link_comparison(aid, p["document_a"], p["document_b"], cmp_row["id"])
        done += 1
    if on_pair:
        on_pair(done, total)
    store.finish_audit(aid)
    return aid


# ------------------------------------------------------------------------------------ reporting


def _source(row: dict) -> str:
    return row.get("ingest_source") or row.get("source") or "unknown"


def build_report(store, audit_id: int, *, contested_top: int | None = None, findings: bool = True) -> AuditReport:
    """The stored audit as an ``AuditReport`` (see factcheck.types), built from the database.

    Reads one story at a time. With ``findings=False`` the stories carry verdict counts instead of
    findings, and the report's memory depends on the number of articles only, not on the number of
    findings; stream the findings with ``iter_stories`` for exports. Per-source tallies, the matrix
    and the most contested claims are the same either way.
    """
    from .errors import FactcheckError

    audit = store.audit(audit_id)
    if audit is None:
        raise FactcheckError(f"no audit with id {audit_id} in {store.path}")
    params = json.loads(audit["params"] or "{}")
    top = contested_top if contested_top is not None else params.get("contested_top", 20)
    story_of = store.audit_stories(audit_id)
    pairs_of = _pairs_by_story(store, audit_id)
    members: dict[int, list[int]] = defaultdict(list)
    for d, s in sorted(story_of.items()):
        members[s].append(d)
    tally = _Tally()
    stories = []
    for s in sorted(k for k in members if k >= 0):
        doc_rows = store.documents_by_ids(members[s])
        claim_rows = _claims_of(store, doc_rows)
        docs = _audit_documents(doc_rows, claim_rows)
        story_findings = _findings(store, s, pairs_of.get(s, []), docs, claim_rows)
        tally.add(docs, story_findings, claim_rows)
        ordered = tuple(sorted(docs.values(), key=lambda x: (x.date or "9999", x.document_id)))
        first = ordered[0]
        first_claim = next((r["text"] for r in claim_rows.get(first.document_id, []) if _worthy(r)), None)
        label = (first.title or first_claim or first.path)[:120]
        if findings:
            stories.append(Story(index=s, label=label, documents=ordered, findings=story_findings))
        else:
            stories.append(Story(index=s, label=label, documents=ordered, findings=(),
                                 counts=verdict_counts(story_findings)))
    single_rows = store.documents_by_ids(members.get(-1, []))
    single_docs = _audit_documents(single_rows, _claims_of(store, single_rows))
    singletons = tuple(single_docs[d] for d in members.get(-1, []))
    sources, matrix, contested = tally.result(top)
    return AuditReport(
        audit_id=audit_id, created_at=audit["created_at"], selection=json.loads(audit["selection"] or "{}"),
        params=params, stories=tuple(stories), sources=sources, matrix=matrix, contested=contested,
        models=json.loads(audit["models"] or "{}"), singletons=singletons,
    )


def iter_stories(store, report: AuditReport) -> Iterator[Story]:
    """``report``'s stories one at a time, each with its findings loaded from ``store`` (which must be
    the database the report was built from, still open)."""
    pairs_of = _pairs_by_story(store, report.audit_id)
    for story in report.stories:
        if story.has_findings:
            yield story
            continue
        docs = {d.document_id: d for d in story.documents}
        claim_rows = _claims_of(store, docs)
        yield Story(index=story.index, label=story.label, documents=story.documents,
                    findings=_findings(store, story.index, pairs_of.get(story.index, []), docs, claim_rows))


def _pairs_by_story(store, audit_id: int) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = defaultdict(list)
    for p in store.audit_pairs(audit_id):
        if p["comparison_id"] is not None:
            out[p["story"]].append(p)
    return out


def _claims_of(store, document_ids) -> dict[int, list[dict]]:
    return {d: store.claims_for(d, claims_stage.EXTRACTOR_ID) or [] for d in document_ids}


def _audit_documents(doc_rows: dict[int, dict], claim_rows: dict[int, list[dict]]) -> dict[int, AuditDocument]:
    return {d: AuditDocument(document_id=d, path=r["path"], source=_source(r), lang=r["lang"], title=r["title"],
                             date=r["date"], text=r["text"], n_claims=len(claim_rows.get(d, [])))
            for d, r in doc_rows.items()}


def _findings(store, story: int, pairs: Sequence[dict], docs: dict[int, AuditDocument],
              claim_rows: dict[int, list[dict]]) -> tuple[AuditFinding, ...]:
    """One story's findings (every linked pair's comparison), ordered by document, claim, other document."""
    by_id = {r["id"]: r for rows in claim_rows.values() for r in rows}
    cmp_docs = {p["comparison_id"]: p for p in pairs}
    out = []
    for f in store.findings_of_comparisons(sorted(cmp_docs)):
        p = cmp_docs[f["comparison_id"]]
        c = by_id.get(f["claim_id"])
        if c is None:
            continue
        own, other = (p["document_a"], p["document_b"]) if f["side"] == "a" else (p["document_b"], p["document_a"])
        if c["document_id"] != own:  # comparison stored with the documents the other way round
            own, other = other, own
        ev = by_id.get(f["evidence_claim_id"]) if f["evidence_claim_id"] is not None else None
        out.append(AuditFinding(
            story=story, claim_id=c["id"], document_id=own, source=docs[own].source, lang=c["lang"],
            text=c["text"], start=c["start"], end=c["end"], other_document_id=other,
            other_source=docs[other].source, verdict=Verdict(f["verdict"]), confidence=float(f["confidence"] or 0),
            evidence_claim_id=ev["id"] if ev else None, evidence_text=ev["text"] if ev else None,
            evidence_start=ev["start"] if ev else None, evidence_end=ev["end"] if ev else None,
            similarity=f["similarity"], reasons=tuple(json.loads(f["reasons"] or "[]")),
        ))
    return tuple(sorted(out, key=lambda f: (f.document_id, f.start, f.other_document_id)))


def _worthy(c: dict | None) -> bool:
    return c is not None and (c.get("checkworthiness") is None or c["checkworthiness"] >= claims_stage.HIDE_BELOW)


_DECIDED = (Verdict.AGREE, Verdict.CONTRADICT, Verdict.UNCLEAR)


class _Tally:
    """Per-source counts, the agreement matrix and contested claims, accumulated story by story.

    Every finding about a claim lies in the claim's own story, so each story is final once added;
    only counters and the contested claims are kept.
    """

    def __init__(self) -> None:
        self.docs_of_source: dict[str, int] = defaultdict(int)
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # claims confirmed contra unique unclear
        self.cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # matched agree contra unclear
        self.contested: list[ContestedClaim] = []

    def add(self, docs: dict[int, AuditDocument], findings: Sequence[AuditFinding],
            claim_rows: dict[int, list[dict]]) -> None:
        per_claim: dict[int, list[AuditFinding]] = defaultdict(list)
        worthy = {r["id"]: r for rows in claim_rows.values() for r in rows if _worthy(r)}
        for f in findings:
            if f.other_source != f.source and f.claim_id in worthy:
                per_claim[f.claim_id].append(f)
        for d in docs.values():
            self.docs_of_source[d.source] += 1
            counts = self.counts[d.source]
            for r in claim_rows.get(d.document_id, []):
                if r["id"] not in worthy:
                    continue
                counts[0] += 1
                fs = per_claim.get(r["id"], [])
                verdicts = {f.verdict for f in fs}
                counts[1] += Verdict.AGREE in verdicts
                counts[2] += Verdict.CONTRADICT in verdicts
                if fs and verdicts == {Verdict.ABSENT}:
                    counts[3] += 1
                elif verdicts and not verdicts & {Verdict.AGREE, Verdict.CONTRADICT} and Verdict.UNCLEAR in verdicts:
                    counts[4] += 1
        for cid, fs in per_claim.items():
            for f in fs:
                if f.verdict is not Verdict.ABSENT:
                    cell = self.cells[(f.source, f.other_source)]
                    cell[0] += 1
                    cell[1 + _DECIDED.index(f.verdict)] += 1
            against = [f for f in fs if f.verdict is Verdict.CONTRADICT]
            if not against:
                continue
            c = worthy[cid]
            self.contested.append(ContestedClaim(
                claim_id=cid, story=fs[0].story, source=docs[c["document_id"]].source, lang=c["lang"],
                text=c["text"], contradicted_by=tuple(sorted({f.other_source for f in against})),
                confirmed_by=tuple(sorted({f.other_source for f in fs if f.verdict is Verdict.AGREE})),
                score=round(sum(f.confidence for f in against), 4),
                evidence=tuple(dict.fromkeys(f.evidence_text for f in against if f.evidence_text)),
                reasons=tuple(dict.fromkeys(r for f in against for r in f.reasons)),
            ))

    def result(self, top: int):
        sources = tuple(
            SourceStats(source=src, documents=self.docs_of_source[src], claims=c[0], confirmed=c[1],
                        contradicted=c[2], unique=c[3], unclear=c[4])
            for src in sorted(self.docs_of_source) for c in [self.counts[src]])
        matrix = tuple(SourcePair(source=a, other=b, matched=v[0], agree=v[1], contradict=v[2], unclear=v[3])
                       for (a, b), v in sorted(self.cells.items()))
        contested = sorted(self.contested, key=lambda c: (-c.score, c.claim_id))
        return sources, matrix, tuple(contested[:top])
