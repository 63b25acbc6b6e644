"""Verdicts: combine retrieval, deterministic checks and NLI into one finding per claim.

In:  a claim, its match in the other article (or None), the counterpart claim, and NLI scores in
     both directions (or None when no NLI model is loaded).
Out: a ``Finding`` with verdict, confidence and the evidence and reasons that decided it.
Rules, in order:
1. No counterpart -> ``absent``.
2. Numbers, years, dates, ordinals, counts or names that disagree between the claim and its
   counterpart in the same role (``checks.check``) -> ``contradict``, each reason naming both values
   (deterministic; overrides NLI, which is weak on numbers). Values in different time frames are not
   compared; the reasons say so.
3. With NLI (counterpart as premise, claim as hypothesis): ``contradict`` if P(contradiction)
   reaches ``params.contradiction`` and beats P(entailment); ``agree`` if P(entailment) reaches
   ``params.entailment``; otherwise ``unclear``. The thresholds come from the model's config, chosen
   on its validation data for precision (>= .80 agree, >= .90 contradict).
4. Without NLI: ``unclear``. Similarity alone never makes ``agree``.
``confidence`` is the probability the verdict holds as far as the deciding component can tell:
the NLI probability of the chosen class, or fixed documented values for the rule-based outcomes
(see ``VerdictParams``); the NLI-model issue replaces these with calibrated values.
"""
from __future__ import annotations

from dataclasses import dataclass

from .checks import check
from .types import Claim, Finding, Match, NLIScores, Verdict


@dataclass(frozen=True)
class VerdictParams:
    entailment: float = 0.5  # P(entailment) needed for "agree"
    contradiction: float = 0.5  # P(contradiction) needed for "contradict"
    # fixed confidences of rule-based outcomes (not yet calibrated):
    quantity_conflict: float = 0.9  # share of number/date conflicts between matched claims that are real
    absent: float = 0.8  # retrieval's held-out accuracy on "no counterpart"
    no_nli: float = 0.5  # matched but no judge: no evidence either way


DEFAULT_VERDICT_PARAMS = VerdictParams()


def decide(
    side: str,
    claim: Claim,
    match: Match | None,
    evidence: Claim | None,
    nli_forward: NLIScores | None = None,
    nli_backward: NLIScores | None = None,
    params: VerdictParams = DEFAULT_VERDICT_PARAMS,
    context: Claim | None = None,
) -> Finding:
    """``nli_forward``: premise = evidence, hypothesis = claim; ``nli_backward``: the reverse.
    ``context``: what the deterministic checks compare the claim with (default: ``evidence``; the
    pipeline passes the evidence with its unmatched sibling parts, see ``align.context``)."""
    if match is None or evidence is None:
        return Finding(side, claim, Verdict.ABSENT, params.absent,
                       reasons=("no matching claim in the other article",))

    common = dict(evidence=evidence, similarity=match.similarity, margin=match.margin, mutual=match.mutual,
                  nli=nli_forward)
    if match.mutual:
        match_reason = f"matched with similarity {match.similarity:.2f} (mutual best)"
    elif match.margin == 0.0:  # made by factcheck.align, not by retrieval's thresholds
        match_reason = (f"matched with similarity {match.similarity:.2f} through shared names and values "
                        "or the rest of its sentence")
    else:
        match_reason = f"matched with similarity {match.similarity:.2f}"
    result = check(claim, context if context is not None else evidence)
    if result.contradicts:
        return Finding(side, claim, Verdict.CONTRADICT, params.quantity_conflict,
                       reasons=result.conflicts + (match_reason,), **common)

    shared = ", ".join(result.shared)
    reasons = [match_reason] + ([f"same values on both sides: {shared}"] if shared else []) + list(result.notes)
    if nli_forward is None:
        return Finding(side, claim, Verdict.UNCLEAR, params.no_nli, reasons=tuple(reasons), **common)

    # The counterpart is the premise, this claim the hypothesis. The reverse direction is computed
    # and stored but does not decide: on validation data it added false contradictions (the model's
    # contradiction is not symmetric) - see nli_train.package / the model's config.json.
    p_con = nli_forward.contradiction
    p_ent = nli_forward.entailment
    if p_con >= params.contradiction and p_con > p_ent:
        reasons.insert(0, f"NLI: the other article contradicts this claim (p={p_con:.2f})")
        return Finding(side, claim, Verdict.CONTRADICT, p_con, reasons=tuple(reasons), **common)
    if p_ent >= params.entailment:
        reasons.insert(0, f"NLI: the other article entails this claim (p={p_ent:.2f})")
        return Finding(side, claim, Verdict.AGREE, p_ent, reasons=tuple(reasons), **common)
    reasons.insert(0, f"NLI undecided (entailment {p_ent:.2f}, contradiction {p_con:.2f})")
    return Finding(side, claim, Verdict.UNCLEAR, max(nli_forward.neutral, 1 - p_ent - p_con),
                   reasons=tuple(reasons), **common)

