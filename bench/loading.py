"""Loading 10^6 transactions and totalling them per client: ours, DuckDB, plain pandas; peak memory.

Times are measured in this (warm) process, as the running app sees them; peak memory is
measured in a fresh child process.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from bench.common import Row, best_of, child, transactions_csv
from portfolio_core.files import load_paths

DUCKDB_SQL = "SELECT Client, sum(Amount) FROM read_csv('{path}') WHERE Stage = 'Won' GROUP BY Client"
MEMORY = (
    "from portfolio_core.files import load_paths\n"
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
    t_ours, t_duck, t_pandas = (best_of(lambda f=f: f(path)) for f in (ours, with_duckdb, with_pandas))
    memory = child(MEMORY.format(path=str(path)))
    return [
        Row(f"load + total {rows:,} rows vs DuckDB", t_ours, t_duck, "s", "<= 1.5x", t_ours <= 1.5 * t_duck),
        Row(f"load + total {rows:,} rows vs pandas", t_ours, t_pandas, "s", "<= 0.33x", 3 * t_ours <= t_pandas),  # noqa: E501
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
