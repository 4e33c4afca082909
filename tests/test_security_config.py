"""What the deployment promises: no stack trace to the browser, XSRF on, an upload cap, no data in git."""

import subprocess
import tomllib

from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_no_stack_trace_reaches_the_browser():
    assert CONFIG["client"]["showErrorDetails"] == "none"


def test_xsrf_protection_is_on_and_uploads_are_capped():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert 0 < CONFIG["server"]["maxUploadSize"] <= 200  # MB


def test_no_usage_statistics_leave_the_server():
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_no_database_or_secret_is_tracked_in_git():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    tracked = files.splitlines()
    assert not [f for f in tracked if f.endswith((".db", ".sqlite", ".sqlite3", "-wal", "-shm"))]
    assert ".streamlit/secrets.toml" not in tracked
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "secrets.toml" in ignored and "*.db" in ignored


def test_user_text_never_reaches_unsafe_html():
    offenders = [
        str(p.relative_to(ROOT))
        for p in [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"]
        if "unsafe_allow_html=True" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
