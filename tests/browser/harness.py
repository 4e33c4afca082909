"""Start the app on a free port and drive Debian's chromium: shared by the browser tests and bench/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
STARTUP_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@contextmanager
def running_app(work_dir: Path, secrets: Path | None = None) -> Iterator[str]:
    """Run `streamlit run app.py` on a free port; yield its base URL once healthy; stop it after.

    The saved analyses go to ``work_dir/portfolio.db``; ``secrets`` is a ``secrets.toml`` to use
    instead of the repository's (an ``[auth]`` section there turns team mode on).
    """
    port = _free_port()
    log_path = work_dir / "streamlit.log"
    env = dict(os.environ)
    env["PORTFOLIO_DB"] = str(work_dir / "portfolio.db")
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    if secrets is not None:
        cmd += ["--secrets.files", str(secrets)]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not _healthy(f"{base}/_stcore/health"):
            if proc.poll() is not None:
                raise RuntimeError(
                    f"streamlit exited with code {proc.returncode} before answering its health check:\n"
                    + log_path.read_text(errors="replace")
                )
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"streamlit did not answer {base}/_stcore/health within {STARTUP_TIMEOUT:.0f} s:\n"
                    + log_path.read_text(errors="replace")
                )
            time.sleep(0.25)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
