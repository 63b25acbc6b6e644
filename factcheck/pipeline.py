"""The compare pipeline: read -> langid -> segment -> claims -> embed -> retrieve -> nli -> verdict.

In:  two article paths (file, ``-`` for stdin; one article per side), ``Settings``, an open
     ``claims_db.Store`` (or None to keep nothing), and an optional progress callback.
Out: a ``Report`` with one ``Finding`` per claim of either side (side "a" findings are A's claims
     checked against B, and the reverse).
Holds:
- Every stage's work is cached in the store: a document seen before (same text hash) is not
  segmented again, a claim text seen before by the same encoder is not embedded again, an NLI pair
  seen before by the same model is not scored again. Re-running the same compare updates the stored
  comparison in place (keyed by documents, extractor, models and parameters).
- The document and its claims are stored in one transaction; the comparison and its findings in
  another. Input errors are raised before anything is written.
- The CLI, tests and benchmarks all call ``compare``.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from . import align
from . import claims as claims_stage
from .embed import Embedder, load_embedder
from .errors import InputError
from .nli import NLIModel, load_nli
from .retrieve import DEFAULT_PARAMS, RetrievalParams, match
from .settings import Settings
from .types import Claim, Document, Finding, NLIScores, Quantity, Report
from .verdict import DEFAULT_VERDICT_PARAMS, VerdictParams, decide

Progress = Callable[[str], None]


def _noop(_: str) -> None:
    pass


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Models:
    """Lazily built models, shared across compares in one process (benchmarks, audits)."""

    settings: Settings
    _embedder: Embedder | None = None
    _nli: NLIModel | None = None
    _nli_loaded: bool = False

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.settings.encoder, cache_dir=self.settings.home)
        return self._embedder

    @property
    def nli(self) -> NLIModel | None:
        if not self._nli_loaded:
            self._nli = load_nli(self.settings.nli, cache_dir=self.settings.home)
            self._nli_loaded = True
        return self._nli


@dataclass(frozen=True)
class Prepared:
    doc: Document
    claims: tuple[Claim, ...]
    doc_id: int | None = None
    claim_ids: tuple[int, ...] = ()
    cached: bool = False


# -- conversions to and from the store's plain rows ---------------------------------------------
def _doc_row(doc: Document) -> dict:
    return {k: v for k, v in asdict(doc).items()}


def _claim_row(c: Claim) -> dict:
    return {
        "idx": c.index, "text": c.text, "start": c.start, "end": c.end, "sentence": c.sentence,
        "sentence_start": c.sentence_start, "sentence_end": c.sentence_end, "lang": c.lang,
        "kind": c.kind, "checkworthiness": c.checkworthiness, "text_hash": text_hash(c.text),
        "quantities": json.dumps([asdict(q) for q in c.quantities], ensure_ascii=False),
    }


def _claim_from_row(doc: Document, r: dict) -> Claim:
    qs = tuple(Quantity(**q) for q in json.loads(r["quantities"] or "[]"))
    return Claim(
        doc_hash=doc.content_hash, index=r["idx"], text=r["text"], start=r["start"], end=r["end"],
        sentence=r["sentence"], sentence_start=r["sentence_start"], sentence_end=r["sentence_end"],
        lang=r["lang"], kind=r["kind"], checkworthiness=r["checkworthiness"], quantities=qs,
    )


# -- stages ---------------------------------------------------------------------------------------
def read_one(path: str, settings: Settings, stdin=None) -> Document:
    from .read import read_articles

    docs = read_articles(path, max_bytes=settings.max_bytes, stdin=stdin)
    if len(docs) != 1:
        raise InputError(path, f"holds {len(docs)} articles; compare takes one article per side")
    return docs[0]


def analyse_verbose(doc: Document, settings: Settings) -> tuple[Document, list, list[Claim]]:
    """Language, all sentences (boilerplate marked) and claims of a freshly read document."""
    from dataclasses import replace

    from . import langid
    from .segment import segment

    langid.check_script(doc.text, doc.path, settings.langs)
    lang = doc.lang or langid.detect_document(doc, settings.langs)
    doc = replace(doc, lang=lang)
    sentences = segment(doc, settings.langs)
    return doc, sentences, claims_stage.extract_claims(doc, sentences)


def analyse(doc: Document, settings: Settings) -> tuple[Document, list[Claim]]:
    """Like ``analyse_verbose``; an article without any claim is an InputError."""
    doc, _, claims = analyse_verbose(doc, settings)
    if not claims:
        raise InputError(doc.path, "no claims found (the text has no content sentences)")
    return doc, claims


def prepare(doc: Document, settings: Settings, store=None, progress: Progress = _noop) -> Prepared:
    """Claims of a document: from the store when it was analysed before, else analysed (not stored
    yet: ``persist`` does that, so a failure on the other side leaves nothing behind)."""
    from dataclasses import replace

    if store is not None:
        row = store.document_by_hash(doc.content_hash)
        if row is not None:
            rows = store.claims_for(row["id"], claims_stage.EXTRACTOR_ID)
            if rows:
                doc = replace(
                    doc,
                    lang=doc.lang or row["lang"], title=doc.title or row["title"],
                    date=doc.date or row["date"], source=doc.source or row["source"],
                )
                claims = tuple(_claim_from_row(doc, r) for r in rows)
                return Prepared(doc, claims, row["id"], tuple(r["id"] for r in rows), cached=True)
    progress(f"analysing {doc.path}")
    doc, claims = analyse(doc, settings)
    return Prepared(doc, tuple(claims))


def persist(p: Prepared, store) -> Prepared:
    """Store a freshly analysed document and its claims in one transaction."""
    if store is None or p.cached:
        return p
    doc_id, ids = store.save_document(
        _doc_row(p.doc), [_claim_row(c) for c in p.claims], claims_stage.EXTRACTOR_ID
    )
    return Prepared(p.doc, p.claims, doc_id, tuple(ids))


def embed_claims(claims: Sequence[Claim], embedder: Embedder, store=None, progress: Progress = _noop) -> np.ndarray:
    """(n, dim) L2-normalised vectors, reusing cached ones by (model id, text hash)."""
    hashes = [text_hash(c.text) for c in claims]
    cached = store.get_embeddings(embedder.model_id, hashes) if store is not None else {}
    todo = [i for i, h in enumerate(hashes) if h not in cached]
    if todo:
        progress(f"embedding {len(todo)} claims")
        fresh = embedder.embed([claims[i].text for i in todo])
        new = {hashes[i]: fresh[k] for k, i in enumerate(todo)}
        if store is not None:
            store.put_embeddings(embedder.model_id, new)
        cached.update(new)
    if not claims:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([cached[h] for h in hashes]).astype(np.float32)


def score_pairs(pairs: list[tuple[str, str]], nli: NLIModel, store=None, progress: Progress = _noop) -> list[NLIScores]:
    keys = [(text_hash(p), text_hash(h)) for p, h in pairs]
    cached = store.get_nli(nli.model_id, keys) if store is not None else {}
    todo = [i for i, k in enumerate(keys) if k not in cached]
    if todo:
        progress(f"NLI on {len(todo)} pairs")
        fresh = nli.predict([pairs[i] for i in todo])
        new = {keys[i]: (s.entailment, s.neutral, s.contradiction) for i, s in zip(todo, fresh)}
        if store is not None:
            store.put_nli(nli.model_id, new)
        cached.update(new)
    return [NLIScores(*cached[k]) for k in keys]


@dataclass(frozen=True)
class CompareOptions:
    retrieval: RetrievalParams = DEFAULT_PARAMS
    verdict: VerdictParams = DEFAULT_VERDICT_PARAMS


def effective_options(options: CompareOptions, nli: NLIModel | None) -> CompareOptions:
    """The options a comparison really runs with: the NLI model's own decision thresholds (chosen
    on its validation data, see nli_train.package) replace the defaults."""
    thresholds = getattr(nli, "thresholds", None)
    if thresholds and options.verdict == DEFAULT_VERDICT_PARAMS:
        from dataclasses import replace

        return replace(options, verdict=replace(
            options.verdict, entailment=thresholds["entailment"], contradiction=thresholds["contradiction"]))
    return options


def comparison_key(hash_a: str, hash_b: str, embedder_id: str, nli_id: str | None, options: CompareOptions) -> str:
    """The stored comparison's key: everything that determines its result."""
    params = {"retrieval": asdict(options.retrieval), "verdict": asdict(options.verdict)}
    return text_hash(json.dumps([hash_a, hash_b, claims_stage.EXTRACTOR_ID, embedder_id, nli_id, params],
                                sort_keys=True))


def compare_documents(
    doc_a: Document,
    doc_b: Document,
    settings: Settings,
    store=None,
    models: Models | None = None,
    options: CompareOptions = CompareOptions(),
    progress: Progress = _noop,
) -> Report:
    models = models or Models(settings)
    pa = prepare(doc_a, settings, store, progress)
    pb = prepare(doc_b, settings, store, progress)
    pa, pb = persist(pa, store), persist(pb, store)
    embedder = models.embedder
    va = embed_claims(pa.claims, embedder, store, progress)
    vb = embed_claims(pb.claims, embedder, store, progress)
    progress("matching claims")
    m_ab = match(va, vb, options.retrieval)
    m_ba = match(vb, va, options.retrieval)
    # names/values re-ranking and split-sentence counterparts (factcheck.align)
    m_ab, m_ba = align.complete(pa.claims, pb.claims, va, vb, m_ab, m_ba, options.retrieval.min_similarity)

    nli = models.nli
    options = effective_options(options, nli)
    sides = [("a", pa, pb, m_ab), ("b", pb, pa, m_ba)]
    nli_scores: dict[tuple[str, int], tuple[NLIScores, NLIScores]] = {}
    if nli is not None:
        pairs, owners = [], []
        for side, own, other, matches in sides:
            for i, m in enumerate(matches):
                if m is not None:
                    c, e = own.claims[i], other.claims[m.target]
                    pairs += [(e.text, c.text), (c.text, e.text)]
                    owners.append((side, i))
        scores = score_pairs(pairs, nli, store, progress)
        for k, owner in enumerate(owners):
            nli_scores[owner] = (scores[2 * k], scores[2 * k + 1])

    findings: list[Finding] = []
    for side, own, other, matches in sides:
        for i, m in enumerate(matches):
            ev = other.claims[m.target] if m is not None else None
            ctx = align.context(i, m.target, other.claims, m_ba if side == "a" else m_ab) if m is not None else None
            fwd, bwd = nli_scores.get((side, i), (None, None))
            findings.append(decide(side, own.claims[i], m, ev, fwd, bwd, options.verdict, context=ctx))

    report = Report(
        a=pa.doc, b=pb.doc, claims_a=pa.claims, claims_b=pb.claims, findings=tuple(findings),
        embedder=embedder.model_id, nli=nli.model_id if nli else None,
        stats={"cached_a": pa.cached, "cached_b": pb.cached},
    )
    if store is not None:
        _store_report(store, report, pa, pb, options, models)
    return report


def register_embedder(store, models: Models) -> Embedder:
    """Record the encoder (id, name, weights hash) in the store; returns it."""
    emb = models.embedder
    store.register_model(emb.model_id, "embedder", models.settings.encoder,
                         getattr(emb, "weights_sha256", emb.model_id.rsplit("@", 1)[-1]))
    return emb


def _store_report(store, report: Report, pa: Prepared, pb: Prepared, options: CompareOptions, models: Models) -> None:
    register_embedder(store, models)
    if report.nli:
        store.register_model(report.nli, "nli", models.settings.nli or "", report.nli.rsplit("@", 1)[-1])
    params = {"retrieval": asdict(options.retrieval), "verdict": asdict(options.verdict)}
    key = comparison_key(pa.doc.content_hash, pb.doc.content_hash, report.embedder, report.nli, options)
    ids = {"a": pa.claim_ids, "b": pb.claim_ids}
    rows = []
    for f in report.findings:
        own = ids[f.side]
        other = ids["b" if f.side == "a" else "a"]
        rows.append({
            "side": f.side,
            "claim_id": own[f.claim.index],
            "verdict": f.verdict.value,
            "confidence": f.confidence,
            "evidence_claim_id": other[f.evidence.index] if f.evidence is not None else None,
            "similarity": f.similarity,
            "margin": f.margin,
            "mutual": None if f.mutual is None else int(f.mutual),
            "nli": json.dumps(f.nli.as_dict()) if f.nli else None,
            "reasons": json.dumps(list(f.reasons), ensure_ascii=False),
        })
    store.save_comparison(
        {"key": key, "document_a": pa.doc_id, "document_b": pb.doc_id,
         "extractor": claims_stage.EXTRACTOR_ID, "embedder": report.embedder, "nli": report.nli,
         "params": json.dumps(params), "summary": json.dumps(report.summary())},
        rows,
    )


def compare(
    path_a: str,
    path_b: str,
    settings: Settings,
    store=None,
    models: Models | None = None,
    options: CompareOptions = CompareOptions(),
    progress: Progress = _noop,
    stdin=None,
) -> Report:
    """Read both articles (validating both before anything is stored), then compare them."""
    if path_a == "-" and path_b == "-":
        raise InputError("-", "stdin can be only one side of a comparison")
    doc_a = read_one(path_a, settings, stdin)
    doc_b = read_one(path_b, settings, stdin)
    return compare_documents(doc_a, doc_b, settings, store, models, options, progress)
