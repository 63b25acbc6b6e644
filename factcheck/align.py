"""Completing retrieval with what atomic claims, names and values know.

In:  the claims of both sides, their embeddings (rows L2-normalised) and ``retrieve.match`` results in
     both directions (``m_qt[i]``: counterpart of q's claim i in t, or None).
Out: ``complete(...)`` -> new match lists for both directions, and ``context(...)`` -> the claim a
     claim is checked against.
Steps:
1. Re-ranking by names and values (``rerank``): a claim's three nearest candidates by cosine are scored
   cosine + ``ANCHOR_BONUS`` x (names they share, by transliteration-insensitive key + values they
   share, up to 4). A claim that retrieval left without a counterpart gets its best-scored candidate
   when they share at least two anchors, the cosine is within ``RESCUE_SLACK`` of the similarity floor,
   and the candidate has no other counterpart; a matched claim moves to a candidate only when that
   candidate is unclaimed, within ``SWITCH_SLACK`` in cosine and shares two anchors more.
2. Split sentences (``inherit``): when one outlet keeps a sentence whole and the other splits it,
   retrieval pairs the whole sentence with one part (mutual best) and leaves the others without a
   counterpart. Such a part takes the counterpart of its sibling parts when that counterpart is the
   only one they have and the cosine to it reaches the floor minus ``INHERIT_SLACK``; ``mutual`` is
   False on these matches and the verdict's reasons say how the pair was made.
3. ``context``: a claim is checked against its counterpart together with the counterpart's sibling
   parts that have no counterpart of their own, so a whole sentence is checked against all of the
   other side's version of it.
Deterministic (ties go to the lowest index); small inputs only (the cosine matrix is n_q x n_t).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from .names import shared_names
from .types import Claim, Match

ANCHOR_BONUS = 0.015
RESCUE_SLACK = 0.04
SWITCH_SLACK = 0.01
INHERIT_SLACK = 0.06


def anchors(a: Claim, b: Claim) -> int:
    """Names and values that two claims share."""
    vals_b = {(q.kind, q.iso or q.value) for q in b.quantities}
    vals = len({(q.kind, q.iso or q.value) for q in a.quantities} & vals_b)
    return vals + shared_names(a.text, a.lang, b.text, b.lang)


def rerank(qc: Sequence[Claim], tc: Sequence[Claim], sims: np.ndarray, m_qt: list[Match | None],
           m_tq: list[Match | None], floor: float) -> list[Match | None]:
    out = list(m_qt)
    taken = {m.target for m in m_qt if m is not None}
    for i in range(len(qc)):
        if sims.shape[1] == 0:
            break
        order = [int(j) for j in np.argsort(-sims[i], kind="stable")[:3]]
        scored = []
        for j in order:
            n = anchors(qc[i], tc[j])
            scored.append((float(sims[i, j]) + ANCHOR_BONUS * min(n, 4), n, j))
        scored.sort(key=lambda x: (-x[0], x[2]))
        _, n, j = scored[0]
        cos = float(sims[i, j])
        mine = out[i]
        free = (j not in taken or (mine is not None and mine.target == j)) and (m_tq[j] is None or m_tq[j].target == i)
        if mine is None:
            best_row = int(np.argmax(sims[:, j]))
            if n >= 2 and cos >= floor - RESCUE_SLACK and free and (best_row == i or m_tq[j] is not None):
                out[i] = Match(query=i, target=j, similarity=cos, margin=0.0, mutual=False)
                taken.add(j)
        elif j != mine.target and free:
            n_old = anchors(qc[i], tc[mine.target])
            if n >= n_old + 2 and cos >= mine.similarity - SWITCH_SLACK:
                taken.discard(mine.target)
                out[i] = Match(query=i, target=j, similarity=cos, margin=0.0, mutual=False)
                taken.add(j)
    return out


def _siblings(claims: Sequence[Claim], i: int) -> list[int]:
    s = claims[i].sentence_start
    return [k for k, c in enumerate(claims) if c.sentence_start == s and k != i]


def inherit(qc: Sequence[Claim], tc: Sequence[Claim], sims: np.ndarray, m_qt: list[Match | None],
            m_tq: list[Match | None], floor: float) -> list[Match | None]:
    out = list(m_qt)
    for i, m in enumerate(m_qt):
        if m is not None:
            continue
        targets = {m_qt[k].target for k in _siblings(qc, i) if m_qt[k] is not None}
        if len(targets) != 1:
            continue
        (j,) = targets
        # the counterpart, or one of its own parts that nothing else claims
        pool = [j] + [k for k in _siblings(tc, j) if m_tq[k] is None]
        best = max(pool, key=lambda k: (float(sims[i, k]), -k))
        cos = float(sims[i, best])
        if cos >= floor - INHERIT_SLACK:
            out[i] = Match(query=i, target=best, similarity=cos, margin=0.0, mutual=False)
    return out


def complete(qc: Sequence[Claim], tc: Sequence[Claim], vq: np.ndarray, vt: np.ndarray,
             m_qt: list[Match | None], m_tq: list[Match | None], floor: float
             ) -> tuple[list[Match | None], list[Match | None]]:
    """Steps 1 and 2 of the module doc, in both directions."""
    if not len(qc) or not len(tc):
        return list(m_qt), list(m_tq)
    sims = np.asarray(vq, dtype=np.float32) @ np.asarray(vt, dtype=np.float32).T
    r_qt = rerank(qc, tc, sims, m_qt, m_tq, floor)
    r_tq = rerank(tc, qc, sims.T, m_tq, r_qt, floor)
    i_qt = inherit(qc, tc, sims, r_qt, r_tq, floor)
    i_tq = inherit(tc, qc, sims.T, r_tq, i_qt, floor)
    return i_qt, i_tq


def context(i: int, j: int, tc: Sequence[Claim], m_tq: Sequence[Match | None]) -> Claim:
    """The counterpart ``tc[j]`` of claim i, with its sibling parts that have no counterpart of their
    own (or whose counterpart is claim i) folded in."""
    extra = [k for k in _siblings(tc, j) if m_tq[k] is None or m_tq[k].target == i]
    if not extra:
        return tc[j]
    parts = sorted([j] + extra, key=lambda k: tc[k].start)
    text = " ".join(tc[k].text for k in parts)
    qs = tuple(q for k in parts for q in tc[k].quantities)
    return replace(tc[j], text=text, quantities=qs)


def is_direct(m: Match) -> bool:
    """Whether retrieval itself made the match (as opposed to steps 1-2)."""
    return m.margin != 0.0
