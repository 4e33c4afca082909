"""The engine (Ibis on DuckDB) on files larger than memory would like: ``summary`` of a 2 x 10^7-row
Parquet file with 10^6 clients and of a 10^7-row CSV, against one DuckDB SQL query that computes the
same class counts on the same file; each in a fresh child process (time and peak memory)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from bench.common import DATA, Row, child

# The rows, made by DuckDB itself: every client in turn (so 10^6 clients), three won stages in five,
# dates over three years, amounts from a hash (deterministic, no seed to carry).
ROWS_SQL = """
SELECT 'C' || lpad((i % {clients})::VARCHAR, 7, '0') AS Client,
       DATE '2023-01-01' + (hash(i, 1) % 1095)::INTEGER AS Date,
       round(10 + (hash(i, 2) % 1000000) / 100.0, 2) AS Amount,
       ['Won', 'Won', 'Won', 'Lost', 'Open'][1 + (hash(i, 3) % 5)::INTEGER] AS Stage
FROM range({rows}) AS r(i)
"""
# The least work that gives the class counts: won revenue per client, the sum of the values strictly
# above each one (ties share it: RANGE), then the classes (80/95, the CLI's defaults).
CLASSES_SQL = """
WITH v AS (SELECT Client, sum(Amount) AS v FROM {read} WHERE Stage = 'Won' GROUP BY Client),
r AS (SELECT v, sum(greatest(v, 0)) OVER (ORDER BY v DESC RANGE BETWEEN UNBOUNDED PRECEDING
        AND CURRENT ROW) - sum(greatest(v, 0)) OVER (PARTITION BY v) AS above,
      sum(greatest(v, 0)) OVER () AS total FROM v)
SELECT CASE WHEN v <= 0 THEN 'C' WHEN above / total < 0.8 - 1e-12 THEN 'A'
            WHEN above / total < 0.95 - 1e-12 THEN 'B' ELSE 'C' END AS class, count(*) AS clients
FROM r GROUP BY class ORDER BY class
"""
PEAK_MB = 1024


def engine_file(rows: int, clients: int, suffix: str) -> Path:
    """The generated file (``parquet`` or ``csv``), made once in the bench data folder."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"engine_{rows}_{clients}.{suffix}"
    if not path.exists():
        options = "(FORMAT parquet)" if suffix == "parquet" else "(HEADER, DELIMITER ',')"
        con = duckdb.connect(config={"enable_progress_bar": False})
        con.sql(f"COPY ({ROWS_SQL.format(rows=rows, clients=clients)}) TO '{path}' {options}")
    return path


def _summary(path: Path) -> dict:
    return child(
        "from portfolio_core.__main__ import main\n"
        "import contextlib, io, json\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    status = main(['summary', {str(path)!r}, '--json'])\n"
        "classes = json.loads(out.getvalue())['classes'] if status == 0 else {}\n"
        "result = {'status': status, 'classes': {c: v['clients'] for c, v in classes.items()}}"
    )


def _duckdb(path: Path) -> dict:
    read = f"read_parquet('{path}')" if path.suffix == ".parquet" else f"read_csv('{path}')"
    sql = CLASSES_SQL.format(read=read)
    return child(f"import duckdb\nresult = {{'classes': dict(duckdb.sql({sql!r}).fetchall())}}")


def _rows(label: str, path: Path) -> list[Row]:
    ours, duck = _summary(path), _duckdb(path)
    same = ours["status"] == 0 and ours["classes"] == {c: duck["classes"].get(c, 0) for c in "ABC"}
    return [
        Row(f"{label}: seconds vs DuckDB SQL", ours["seconds"], duck["seconds"], "s", "<= 2x",
            same and ours["seconds"] <= 2 * duck["seconds"]),
        Row(f"{label}: peak vs DuckDB SQL", ours["peak_mb"], duck["peak_mb"], "MB", "<= 1024",
            ours["peak_mb"] <= PEAK_MB),
    ]  # fmt: skip


def run() -> list[Row]:
    parquet = engine_file(20_000_000, 1_000_000, "parquet")
    csv = engine_file(10_000_000, 1_000_000, "csv")
    return _rows("summary 2x10^7-row Parquet, 10^6 clients", parquet) + _rows("summary 10^7-row CSV", csv)
