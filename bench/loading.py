"""Loading 10^6 transactions and totalling them per client: ours, DuckDB, plain pandas; peak memory.

Times are measured in this (warm) process, as the running app sees them, the contenders
taking turns (best of 5 each); peak memory is measured in a fresh child process. The
"reading only" row compares our reader (encoding and separator detection, checks, stripped
text cells) with a bare ``pyarrow.csv.read_csv`` of the same file, to show where the time goes.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.csv as pa_csv

from bench.common import Row, best_of_each, child, transactions_csv
from portfolio_core.ingest.files import load_paths, read_path
from portfolio_core.ingest.loading import read_table

DUCKDB_SQL = "SELECT Client, sum(Amount) FROM read_csv('{path}') WHERE Stage = 'Won' GROUP BY Client"
MEMORY = (
    "from portfolio_core.ingest.files import load_paths\n"
    "p, _ = load_paths([{path!r}])\n"
    "totals = p.values(include_inactive=True)\n"
    "frames = (p.clients, p.transactions, p.activities)\n"
    "parsed_mb = sum(f.memory_usage(deep=True).sum() for f in frames) / 2**20\n"
    "result = {{'clients': int(len(totals)), 'parsed_mb': parsed_mb}}"
)


def ours(path: Path) -> pd.Series:
    portfolio, _ = load_paths([str(path)])
    return portfolio.values(include_inactive=True)


def with_duckdb(path: Path) -> list:
    return duckdb.sql(DUCKDB_SQL.format(path=path)).fetchall()


def with_pandas(path: Path) -> pd.Series:
    t = pd.read_csv(path)
    return t[t["Stage"] == "Won"].groupby("Client")["Amount"].sum()


def run(rows: int = 1_000_000) -> list[Row]:
    path = transactions_csv(rows)
    assert len(ours(path)[lambda s: s > 0]) == len(with_duckdb(path)), "ours and DuckDB disagree"
    t = best_of_each(
        {
            "ours": lambda: ours(path),
            "duckdb": lambda: with_duckdb(path),
            "pandas": lambda: with_pandas(path),
            "read_table": lambda: read_table(read_path(path), path.name),
            "pyarrow": lambda: pa_csv.read_csv(path),
        }
    )
    memory = child(MEMORY.format(path=str(path)))
    return [
        Row(f"load + total {rows:,} rows vs DuckDB", t["ours"], t["duckdb"], "s", "<= 1.5x",
            t["ours"] <= 1.5 * t["duckdb"]),
        Row(f"load + total {rows:,} rows vs pandas", t["ours"], t["pandas"], "s", "<= 1.0x",
            t["ours"] <= t["pandas"]),
        Row(f"reading only {rows:,} rows vs pyarrow.csv", t["read_table"], t["pyarrow"], "s", "info", True),
        Row("peak memory vs parsed table", memory["peak_mb"], memory["parsed_mb"], "MB", "<= 5x",
            memory["peak_mb"] <= 5 * memory["parsed_mb"]),
    ]  # fmt: skip


def cli_10m(rows: int = 10_000_000) -> list[Row]:
    """The CLI summarises a 10^7-row file: time and peak memory, against DuckDB on the same file."""
    path = str(transactions_csv(rows))
    summary = child(
        "from portfolio_core.__main__ import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main(['summary', {path!r}, '--json'])\n"
        "result = {'status': status}"
    )
    duck = child(
        f"import duckdb\nrows = duckdb.sql({DUCKDB_SQL.format(path=path)!r}).fetchall()\nresult = {{}}"
    )
    return [
        Row(f"CLI summary, {rows:,} rows: seconds", summary["seconds"], duck["seconds"], "s", "completes",
            summary["status"] == 0),
        Row(f"CLI summary, {rows:,} rows: peak", summary["peak_mb"], duck["peak_mb"], "MB", "recorded", True),
    ]  # fmt: skip
