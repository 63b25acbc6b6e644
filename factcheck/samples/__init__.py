"""Sample articles shipped with factcheck (written for the project; see README.md here)."""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = {
    "agree": ("en_reservoir.txt", "ar_reservoir.txt"),
    "contradict": ("en_reservoir.txt", "ur_reservoir.txt"),
}


def sample_pair(name: str) -> tuple[Path, Path]:
    if name not in PAIRS:
        raise KeyError(f"unknown sample pair {name!r}; choose one of: {', '.join(PAIRS)}")
    a, b = PAIRS[name]
    return HERE / a, HERE / b
