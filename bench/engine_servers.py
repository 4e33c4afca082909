"""Warehouse engines: ``summary`` of a 10^6-row table on PostgreSQL and on Spark, against one SQL query
that computes the same class counts on the same server (``python -m bench engine-servers``).

Both servers are real and local: a throw-away PostgreSQL cluster and a local SparkSession (one core),
started as the tests start them (tests/servers.py). The table is bench.common's transaction export
(client, date, amount, stage), copied into Postgres and cached in Spark's memory before timing.
The figures are recorded, not held to a target: they show what the engine leaves to the server.
"""

from __future__ import annotations

import io
import json
import time
from contextlib import redirect_stdout
from pathlib import Path

import psycopg

from bench.common import Row, best_of_each, transactions_csv
from portfolio_core.__main__ import main
from portfolio_core.engine.sources import close_connections
from tests.servers import postgres_server, spark_session

ROWS = 1_000_000
# A client has at least one won sale; its value is its won amounts; class by the ABC rule of DESIGN.md
# (before(v) = the positive values strictly greater than v, over their total; ties share a class).
CLASS_SQL = """
WITH totals AS (
    SELECT client, SUM(CASE WHEN LOWER(stage) = 'won' THEN amount ELSE 0 END) AS v
    FROM transactions GROUP BY client
    HAVING SUM(CASE WHEN LOWER(stage) = 'won' THEN 1 ELSE 0 END) > 0
), ranked AS (
    SELECT v,
        (SUM(GREATEST(v, 0)) OVER (ORDER BY v DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
         - SUM(GREATEST(v, 0)) OVER (PARTITION BY v)) / SUM(GREATEST(v, 0)) OVER () AS before
    FROM totals
)
SELECT CASE WHEN v <= 0 THEN 'C' WHEN before < 0.8 - 1e-12 THEN 'A'
            WHEN before < 0.95 - 1e-12 THEN 'B' ELSE 'C' END AS cls, COUNT(*) AS n
FROM ranked GROUP BY 1 ORDER BY 1
"""


def _postgres_table(url: str, csv: Path) -> None:
    with psycopg.connect(url) as con:
        con.execute("CREATE TABLE transactions (client TEXT, date DATE, amount DOUBLE PRECISION, stage TEXT)")
        with con.cursor().copy("COPY transactions FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            with csv.open("rb") as f:
                while block := f.read(1 << 20):
                    copy.write(block)
        con.execute("ANALYZE transactions")


def _postgres_classes(url: str) -> dict[str, int]:
    with psycopg.connect(url) as con:
        return dict(con.execute(CLASS_SQL).fetchall())


def _summary_classes(source: str) -> dict[str, int]:
    """Our ``summary SOURCE --table transactions --json``, in this process; its class counts."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["summary", source, "--table", "transactions", "--json"]) == 0
    return {c: row["clients"] for c, row in json.loads(out.getvalue())["classes"].items() if row["clients"]}


def run(rows: int = ROWS) -> list[Row]:
    csv = transactions_csv(rows)
    start = time.perf_counter()
    with postgres_server() as url:
        pg_start = time.perf_counter() - start
        _postgres_table(url, csv)
        assert _summary_classes(url) == _postgres_classes(url), "summary and the SQL disagree (Postgres)"
        pg = best_of_each({"ours": lambda: _summary_classes(url), "sql": lambda: _postgres_classes(url)}, 3)
        close_connections()
    start = time.perf_counter()
    with spark_session() as spark:
        spark_start = time.perf_counter() - start
        schema = "client STRING, date DATE, amount DOUBLE, stage STRING"
        table = spark.read.csv(str(csv), header=True, schema=schema).cache()
        table.count()
        table.createOrReplaceTempView("transactions")

        def spark_classes() -> dict[str, int]:
            return {r["cls"]: r["n"] for r in spark.sql(CLASS_SQL).collect()}

        source = "pyspark://"  # this process's SparkSession
        assert _summary_classes(source) == spark_classes(), "summary and the SQL disagree (Spark)"
        sp = best_of_each({"ours": lambda: _summary_classes(source), "sql": spark_classes}, 3)
    return [
        Row(f"summary on Postgres, {rows:,} rows, vs SQL", pg["ours"], pg["sql"], "s", "recorded", True),
        Row(f"summary on Spark, {rows:,} rows, vs SQL", sp["ours"], sp["sql"], "s", "recorded", True),
        Row("Postgres cluster start (initdb + pg_ctl)", pg_start, 0.0, "s", "recorded", True),
        Row("SparkSession start (local[1])", spark_start, 0.0, "s", "recorded", True),
    ]
