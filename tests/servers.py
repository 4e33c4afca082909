"""Real servers for the tests: a PostgreSQL cluster on a free loopback port, a local SparkSession.

Both start once per test session (``tests/conftest.py`` exposes them as the ``postgres_url`` and
``spark`` fixtures) and stop after it. PostgreSQL comes from Debian's ``postgresql`` package
(``make postgres`` installs it); its programs live in ``/usr/lib/postgresql/<version>/bin``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_USER = "portfolio"
PG_PASSWORD = "s3cret-Pw"  # a password the error tests look for in the messages
PG_DATABASE = "warehouse"


def pg_bin(program: str) -> str:
    """The path of a PostgreSQL program: on PATH, else the newest in Debian's versioned folders."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{program}"), key=lambda p: int(p.parts[-3]))
    if found:
        return str(found[-1])
    on_path = shutil.which(program)
    if on_path:
        return on_path
    raise RuntimeError(f"PostgreSQL's {program} not found: run `make postgres` (Debian's postgresql)")


def free_port() -> int:
    """A TCP port nothing listens on (loopback)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(command: list[str]) -> list[str]:
    """initdb and postgres refuse root: as root, run them as Debian's ``postgres`` user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throw-away PostgreSQL cluster (password authentication); yields its URL, removes it after."""
    root = Path(tempfile.mkdtemp(prefix="portfolio-pg-"))
    data, port = root / "data", free_port()
    (root / "pw").write_text(PG_PASSWORD + "\n")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(root / "pw", "postgres")
    run = _as_owner
    try:
        subprocess.run(
            run([pg_bin("initdb"), "-D", str(data), "-U", PG_USER, "-A", "scram-sha-256"])
            + ["--pwfile", str(root / "pw"), "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync"],
            check=True,
            capture_output=True,
        )
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            run([pg_bin("pg_ctl"), "start", "-D", str(data), "-l", str(root / "log"), "-w", "-o", options]),
            check=True,
            capture_output=True,
        )
        _wait_ready(port)
        env = {**os.environ, "PGPASSWORD": PG_PASSWORD}
        subprocess.run(
            [pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER, PG_DATABASE],
            check=True,
            capture_output=True,
            env=env,
        )
        yield f"postgresql://{PG_USER}:{PG_PASSWORD}@127.0.0.1:{port}/{PG_DATABASE}"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                run([pg_bin("pg_ctl"), "stop", "-D", str(data), "-m", "immediate"]), capture_output=True
            )
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while subprocess.run(
        [pg_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(port)], capture_output=True
    ).returncode:
        if time.monotonic() > deadline:
            raise RuntimeError(f"PostgreSQL did not accept connections on port {port} within {timeout} s")
        time.sleep(0.2)


@contextmanager
def spark_session() -> Iterator[object]:
    """A local SparkSession: one core, small memory, no UI, quiet logs; stopped after."""
    from pyspark.sql import SparkSession

    warehouse = tempfile.mkdtemp(prefix="portfolio-spark-")
    session = (
        SparkSession.builder.master("local[1]")
        .appName("portfolio-tests")
        .config("spark.driver.memory", "512m")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.warehouse.dir", warehouse)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={warehouse}")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        shutil.rmtree(warehouse, ignore_errors=True)
