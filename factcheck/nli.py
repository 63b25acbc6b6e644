"""Natural-language inference: does a premise entail, contradict, or say nothing about a hypothesis?

In:  a sequence of (premise, hypothesis) text pairs.
Out: one ``NLIScores`` per pair, same order; probabilities in the fixed order
     entailment / neutral / contradiction, summing to 1.
Holds:
- Model output columns are mapped to labels by *name* from the model's config (``id2label``);
  a model whose labels do not name all three classes is refused with ``ModelError``.
- Models load lazily (on first ``predict``), so constructing one costs nothing.
- Backends: ``E5NLI`` (factcheck's own model, shipped in the package, ONNX Runtime; the default),
  ``HFNLI`` (any transformers sequence-classification NLI model by name or local path, for users
  who have one), ``KeywordNLI`` (deterministic fake, tests only). ``load_nli("none")`` returns
  None: compare then never says ``agree`` (similarity alone is not agreement).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from .errors import ConfigError, ModelError
from .types import NLIScores

LABELS = ("entailment", "neutral", "contradiction")
_ALIASES = {
    "entailment": "entailment", "entail": "entailment", "entailed": "entailment",
    "neutral": "neutral", "not_entailment": None,
    "contradiction": "contradiction", "contradict": "contradiction", "contradictory": "contradiction",
}


class NLIModel(Protocol):
    model_id: str

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[NLIScores]: ...


def label_columns(id2label: Mapping[int | str, str]) -> dict[str, int]:
    """Map each of LABELS to the model's output column, by label name. Raises ModelError."""
    found: dict[str, int] = {}
    for idx, name in id2label.items():
        canon = _ALIASES.get(str(name).strip().lower())
        if canon:
            found[canon] = int(idx)
    missing = [lab for lab in LABELS if lab not in found]
    if missing:
        raise ModelError(
            f"NLI model labels {dict(id2label)} do not name {', '.join(missing)}; "
            "factcheck needs entailment, neutral and contradiction outputs"
        )
    return found


class HFNLI:
    """A transformers sequence-classification NLI model (hub name or local directory)."""

    def __init__(self, name: str, batch_size: int = 32, max_length: int = 256):
        self.name = name
        self.batch_size = batch_size
        self.max_length = max_length
        self.model_id = f"hf/{name}"
        self._model = None

    def _load(self) -> None:
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:
            raise ModelError(f"NLI model {self.name!r} needs torch and transformers ({exc})") from exc
        try:
            self._tok = AutoTokenizer.from_pretrained(self.name)
            self._model = AutoModelForSequenceClassification.from_pretrained(self.name).eval()
        except OSError as exc:
            raise ModelError(f"cannot load NLI model {self.name!r}: {str(exc).splitlines()[0]}") from exc
        self._cols = label_columns(self._model.config.id2label)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[NLIScores]:
        if not pairs:
            return []
        if self._model is None:
            self._load()
        import torch

        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        out: list[NLIScores | None] = [None] * len(pairs)
        with torch.inference_mode():
            for s in range(0, len(order), self.batch_size):
                idx = order[s : s + self.batch_size]
                enc = self._tok(
                    [pairs[i][0] for i in idx], [pairs[i][1] for i in idx],
                    padding=True, truncation=True, max_length=self.max_length, return_tensors="pt",
                )
                probs = torch.softmax(self._model(**enc).logits.float(), dim=-1).numpy()
                for row, i in zip(probs, idx):
                    out[i] = scores_from_row(row, self._cols)
        return out  # type: ignore[return-value]


def scores_from_row(row, cols: Mapping[str, int]) -> NLIScores:
    """Renormalised probabilities of the three named columns."""
    e, n, c = (float(row[cols[lab]]) for lab in LABELS)
    total = e + n + c
    if total <= 0:
        raise ModelError("NLI model returned non-positive probabilities")
    return NLIScores(e / total, n / total, c / total)


class KeywordNLI:
    """Deterministic fake for unit tests of verdict logic: looks for marker words. Never shipped as
    a default. "contradicts" in either text -> contradiction; identical texts -> entailment."""

    model_id = "keyword-fake"

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[NLIScores]:
        out = []
        for p, h in pairs:
            if "NOT" in p.split() or "NOT" in h.split():
                out.append(NLIScores(0.05, 0.05, 0.90))
            elif p.strip().lower() == h.strip().lower():
                out.append(NLIScores(0.90, 0.05, 0.05))
            else:
                out.append(NLIScores(0.10, 0.80, 0.10))
        return out


DEFAULT_NLI = "default"


def load_nli(name: str | None = DEFAULT_NLI, cache_dir=None) -> NLIModel | None:
    """Resolve an NLI model by name (nothing is loaded until the first ``predict``).

    "default": factcheck's own shipped model if the package has one, else None.
    "none" / None: no model (compare then never says agree).
    "factcheck-nli-e5small" or a directory holding its ``config.json`` + ``model.onnx``: that model.
    "keyword-fake": the deterministic test fake. Anything else: a transformers model by name/path.
    """
    from .nli_model import DEFAULT_MODEL, MODELS_DIR, E5NLI

    if name is None or name.lower() in {"", "none"}:
        return None
    if name == DEFAULT_NLI:
        return E5NLI(DEFAULT_MODEL, cache_dir=cache_dir) if (MODELS_DIR / DEFAULT_MODEL / "model.onnx").exists() else None
    if name == "keyword-fake":
        return KeywordNLI()
    if name.startswith("-"):
        raise ConfigError(f"bad NLI model name {name!r}")
    from pathlib import Path

    if name == DEFAULT_MODEL or (Path(name) / "model.onnx").exists():
        return E5NLI(name, cache_dir=cache_dir)
    return HFNLI(name)
