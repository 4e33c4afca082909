"""Shared fixtures: paths, the app under AppTest."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def app(monkeypatch, tmp_path):
    """The app through app.py, as AppTest runs it (demo portfolio loaded)."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PORTFOLIO_DB", str(tmp_path / "analyses.db"))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
