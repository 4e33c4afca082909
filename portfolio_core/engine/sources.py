"""Open a source as an Ibis table, so that the aggregation runs where the data lives.

A source is a local file, a glob or a folder (Parquet with hive partitions, CSV or JSON lines,
read by an embedded DuckDB), or a connection URL with a table name: ``duckdb:///path.db``,
``sqlite:///path.db``, ``postgresql://user:password@host:port/db``, ``sc://host:15002`` (Spark
Connect) and any other URL :func:`ibis.connect` knows (BigQuery, Snowflake, Trino...; untested
here). Connections are kept per source (a few, least recently used closed first) and closed at exit.

Every refusal is a :class:`~portfolio_core.ingest.loading.LoadError`; a password never appears in
its message.
"""

from __future__ import annotations

import atexit
import glob
import threading
import urllib.parse
from collections import OrderedDict
from pathlib import Path
from typing import Any

import ibis
import pandas as pd

from portfolio_core.ingest.loading import LoadError

MAX_CONNECTIONS = 8
_READERS = {
    ".parquet": "read_parquet",
    ".pq": "read_parquet",
    ".csv": "read_csv",
    ".tsv": "read_csv",
    ".txt": "read_csv",
    ".json": "read_json",
    ".jsonl": "read_json",
    ".ndjson": "read_json",
}
_connections: OrderedDict[str, Any] = OrderedDict()
_lock = threading.Lock()


def is_url(source: str) -> bool:
    """Whether a source is a connection URL (``scheme://...``) rather than a file path or glob."""
    return "://" in source and not source.startswith("file://")


def masked(source: str) -> str:
    """The source as it may be shown: its password replaced by ``***``.

    Examples
    --------
    >>> masked("postgresql://ana:pa%40ss@db.example:5432/sales")
    'postgresql://ana:***@db.example:5432/sales'
    >>> masked("data/deals.parquet")
    'data/deals.parquet'
    """
    if not is_url(source):
        return source
    parts = urllib.parse.urlsplit(source)
    if parts.password is None:
        return source
    user = f"{parts.username}:" if parts.username else ":"
    host = parts.netloc.rsplit("@", 1)[1]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}***@{host}"))


def _detail(exc: BaseException, source: str) -> str:
    """The first line of a driver's error, without the source's password in any spelling."""
    text = (str(exc).strip() or type(exc).__name__).splitlines()[0]
    password = urllib.parse.urlsplit(source).password if is_url(source) else None
    for secret in {password, urllib.parse.unquote(password or "")} - {None, ""}:
        text = text.replace(secret, "***")  # type: ignore[arg-type]
    return text


def _file_paths(source: str) -> str:
    """What DuckDB reads for a file source: the path, the glob, or every data file under a folder."""
    path = Path(source.removeprefix("file://")).expanduser()
    if path.is_dir():
        return str(path / "**" / "*.parquet")
    if glob.has_magic(str(path)):
        if not glob.glob(str(path), recursive=True):
            raise LoadError("No file matches {source}.", source=source)
        return str(path)
    if not path.is_file():
        raise LoadError("{source} does not exist: check the path.", source=source)
    return str(path)


def _reader(paths: str) -> str:
    suffix = Path(paths.removesuffix(".gz")).suffix.lower()
    if suffix not in _READERS:
        raise LoadError("{source} is not a Parquet, CSV or JSON lines file (by its extension).", source=paths)
    return _READERS[suffix]


def _connect(source: str) -> Any:
    """A new Ibis backend for a source (files: an in-memory DuckDB that reads them)."""
    if not is_url(source):
        return ibis.duckdb.connect()
    scheme = urllib.parse.urlsplit(source).scheme.lower()
    if scheme in ("duckdb", "sqlite"):
        path = source.split("://", 1)[1]
        if not Path(path).is_file():
            raise LoadError("{source} does not exist: check the path.", source=source)
        if scheme == "duckdb":
            return ibis.duckdb.connect(path, read_only=True)
        return ibis.sqlite.connect(path)
    if scheme == "sc":
        from pyspark.sql import SparkSession

        return ibis.pyspark.connect(SparkSession.builder.remote(source).getOrCreate())
    return ibis.connect(source)


def connection(source: str) -> Any:
    """The cached Ibis backend of a source, connecting on first use.

    The least recently used connection is closed when more than :data:`MAX_CONNECTIONS` are open.
    """
    with _lock:
        if source in _connections:
            _connections.move_to_end(source)
            return _connections[source]
    try:
        con = _connect(source)
    except LoadError:
        raise
    except ImportError as exc:
        raise LoadError(
            "Cannot open {source}: a driver is missing ({detail}).", source=masked(source), detail=exc.name
        ) from None
    except ValueError as exc:
        if "know how to connect" in str(exc):
            raise LoadError(
                "{source} is not a source the app knows: give a file path, or a URL such as "
                "postgresql://user@host:5432/database or duckdb:///path/to/file.db.",
                source=masked(source),
            ) from None
        raise _unreachable(exc, source) from None
    except Exception as exc:  # every driver has its own errors: refused, wrong password, no database
        raise _unreachable(exc, source) from None
    with _lock:
        _connections[source] = con
        while len(_connections) > MAX_CONNECTIONS:
            _disconnect(_connections.popitem(last=False)[1])
    return con


def _unreachable(exc: BaseException, source: str) -> LoadError:
    return LoadError(
        "Cannot connect to {source}: {detail}. Check the address, the user and the password.",
        source=masked(source),
        detail=_detail(exc, source),
    )


def _disconnect(con: Any) -> None:
    try:
        con.disconnect()
    except Exception:  # already closed, or the server went away: nothing left to release
        pass


@atexit.register
def close_connections() -> None:
    """Close every cached connection."""
    with _lock:
        while _connections:
            _disconnect(_connections.popitem()[1])


def _table_names(con: Any) -> list[str]:
    if con.name == "duckdb":  # Ibis 12's list_tables calls fetch_arrow_table, which DuckDB 2 removed
        query = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        return [name for (name,) in con.con.sql(query).fetchall()]
    return con.list_tables()


def list_tables(source: str) -> list[str]:
    """The tables and views of a database source, sorted; a file source has none (``[]``)."""
    if not is_url(source):
        return []
    try:
        return sorted(_table_names(connection(source)))
    except LoadError:
        raise
    except Exception as exc:
        raise _unreachable(exc, source) from None


def open_table(source: str, table: str | None = None) -> ibis.Table:
    """The source's rows as an Ibis table, nothing read yet.

    ``table`` names the table or view of a database source (``schema.table`` for another schema);
    it may be left out when the database holds a single table. A file source has no table name.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "deals.csv").write_text("client,amount\\nAcme,10\\nBeta,5\\nAcme,2\\n")
    >>> t = open_table(str(folder / "deals.csv"))
    >>> t.group_by("client").aggregate(total=t.amount.sum()).order_by("client").to_pandas()
      client  total
    0   Acme     12
    1   Beta      5
    """
    if not is_url(source):
        if table:
            raise LoadError("{source} is a file: it has no tables; leave the table name out.", source=source)
        paths = _file_paths(source)
        reader = _reader(paths)
        options = {"hive_partitioning": True, "union_by_name": True} if reader == "read_parquet" else {}
        try:
            return getattr(connection(source), reader)(paths, **options)
        except Exception as exc:
            raise LoadError(
                "Cannot read {source}: {detail}", source=source, detail=_detail(exc, source)
            ) from None
    con = connection(source)
    names = list_tables(source)
    if table is None:
        if len(names) != 1:
            raise LoadError(
                "Name the table to read in {source}: it holds {tables}.",
                source=masked(source),
                tables=", ".join(names) or "no table",
            )
        table = names[0]
    schema, _, name = table.rpartition(".")
    try:
        return con.table(name, database=schema or None)
    except Exception:
        raise LoadError(
            "{source} has no table {table}. Its tables: {tables}.",
            source=masked(source),
            table=table,
            tables=", ".join(names) or "none",
        ) from None


def spark_table(session: Any, name: str) -> ibis.Table:
    """A table or view of a ``SparkSession`` (local, or a cluster through Spark Connect) as an Ibis table."""
    con = ibis.pyspark.connect(session)
    try:
        return con.table(name)
    except Exception:
        raise LoadError(
            "Spark has no table {table}. Its tables: {tables}.",
            table=name,
            tables=", ".join(sorted(con.list_tables())) or "none",
        ) from None


def preview(source: str, table: str | None = None, limit: int = 20) -> pd.DataFrame:
    """The first ``limit`` rows of a source's table (a ``LIMIT`` query: the rest is not read)."""
    t = open_table(source, table)
    try:
        return t.limit(limit).to_pandas()
    except Exception as exc:
        raise LoadError(
            "Cannot read {source}: {detail}", source=masked(source), detail=_detail(exc, source)
        ) from None
