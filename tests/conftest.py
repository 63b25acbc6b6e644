import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests run the same examples on every run (CI and local alike), so a red build is always
# reproducible. HYPOTHESIS_PROFILE=explore draws fresh random examples on each run, to hunt bugs
# (run it in a loop; the tests' own max_examples still apply).
settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture(scope="session")
def seeds() -> Path:
    d = data_dir() / "seeds"
    if not d.is_dir():
        pytest.skip(f"seed articles not found in {d} (set FACTCHECK_DATA)")
    return d


@pytest.fixture()
def isolated_env(tmp_path, monkeypatch):
    """FACTCHECK_HOME/DB inside tmp_path so no test touches the user's database."""
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "claims.db"))
    for var in ("FACTCHECK_ENCODER", "FACTCHECK_NLI", "FACTCHECK_LANGS", "FACTCHECK_BIDI"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


@pytest.fixture()
def run(isolated_env):
    """Invoke the CLI in-process (typer's CliRunner) inside ``isolated_env``."""
    from typer.testing import CliRunner

    from factcheck.cli import app

    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke
