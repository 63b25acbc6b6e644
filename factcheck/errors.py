"""Exception tree for factcheck.

    FactcheckError                 base; the CLI prints ``str(exc)`` as one line and exits 1
    ├── InputError                 an article cannot be read: missing, empty, binary, undecodable,
    │                              too large, malformed JSONL, unsupported script
    ├── ModelError                 a model cannot be loaded or behaves unexpectedly
    │                              (missing weights, label names missing from its config)
    ├── ConfigError                bad settings (unknown encoder name, bad threshold, bad DB path)
    └── OutputError                a report cannot be written: the folder is missing or not
                                   writable, the path is a folder (the message starts with the path)

Storage errors come from ``claims_db.StorageError`` and are caught by the CLI the same way.
Every message names the thing at fault (the file, the model, the option) so that one line is enough.
"""
from __future__ import annotations


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""


class InputError(FactcheckError):
    """An input article is unusable. The message starts with the path."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ModelError(FactcheckError):
    """A model could not be loaded or gave output we cannot interpret."""


class ConfigError(FactcheckError):
    """A setting or option value is invalid."""


class OutputError(FactcheckError):
    """A report could not be written. The message starts with the output path."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")
