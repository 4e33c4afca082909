"""Open a source as an Ibis table: a file, glob or folder read by DuckDB, or a database URL.

Files: Parquet, CSV and JSON lines (by their extension; a folder is read as its Parquet files).
URLs: ``duckdb:///path.db``, ``sqlite:///path.db`` and the other Ibis backends, with ``table``
(a stand-in for files and DuckDB until the sources branch is merged).
"""

from __future__ import annotations

from pathlib import Path

import ibis

from portfolio_core.ingest.loading import LoadError

PARQUET = (".parquet", ".parq", ".pq")
CSV = (".csv", ".tsv", ".txt")
JSON = (".json", ".jsonl", ".ndjson")


def is_url(source: str) -> bool:
    """Whether SOURCE names a database (``scheme://...``) rather than files."""
    return "://" in source


def open_table(source: str, table: str | None = None) -> ibis.Table:
    """The table SOURCE names: a file, glob or folder, or ``table`` in the database of a URL."""
    if is_url(source):
        con = ibis.connect(source)
        if table is None:
            raise LoadError("{source} is a database: name the table to analyse with --table.", source=source)
        return con.table(table)
    path = Path(source)
    if path.is_dir():
        source = str(path / "**" / "*.parquet")
    suffix = Path(source).suffix.lower()
    con = ibis.duckdb.connect()
    if suffix in PARQUET:
        return con.read_parquet(source)
    if suffix in CSV:
        return con.read_csv(source)
    if suffix in JSON:
        return con.read_json(source)
    raise LoadError(
        "{source}: unknown file type; give a Parquet, CSV or JSON lines file, or a database URL.",
        source=source,
    )
