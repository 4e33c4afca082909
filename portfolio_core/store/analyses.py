"""Saved analyses: a named analysis (its tables, column mapping, settings and date) in SQLite.

The database is a single file whose path is a setting (``PORTFOLIO_DB``, see
:func:`default_db_path`). It is created on first save, kept in WAL mode, and
carries its schema version in ``PRAGMA user_version``; an older file is
upgraded step by step (after a backup copy) the first time it is opened.

Guarantees
----------
- Every call opens its own connection and closes it (sqlite3 objects never
  cross threads).
- A save, rename, duplicate or delete is ONE transaction, started with
  ``BEGIN IMMEDIATE`` (writers queue up instead of failing): a crash or a
  second tab saving at the same moment never leaves a half-written or lost
  analysis.
- Nothing is silently overwritten: saving under an existing name adds a new
  version of that name (``v2``, ``v3``...), the old one stays.
- A file that is not a SQLite database, or a damaged one, raises
  :class:`CorruptDatabaseError` and is never written to.
- Tables are stored as Parquet blobs (zstd) with a SHA-256 checksum; dtypes
  survive the round trip: text ids stay text (leading zeros kept), datetimes
  stay datetimes (unit and time zone), floats are exact, missing values keep
  their kind (``None`` stays ``None``, ``NaN`` stays ``NaN``).

Examples
--------
>>> import tempfile, pathlib
>>> from portfolio_core.ingest.demo import demo_portfolio
>>> store = AnalysisStore(pathlib.Path(tempfile.mkdtemp()) / "analyses.db")
>>> first = store.save("Review", demo_portfolio(3), {"a": 80, "b": 95})
>>> again = store.save("Review", demo_portfolio(3), {"a": 70, "b": 90})
>>> [(s.name, s.version) for s in store.list()]
[('Review', 2), ('Review', 1)]
>>> portfolio, settings, mapping, meta = store.load(first)
>>> settings, mapping, meta.label
({'a': 80, 'b': 95}, None, 'Review')
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import io
import json
import os
import sqlite3
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import sqlite_utils

from portfolio_core.ingest.portfolio import Portfolio
from portfolio_core.message import Message, MessageError

APP_DIR = "client-portfolio-analyzer"
SCHEMA_VERSION = 2
BUSY_TIMEOUT = 60.0  # seconds a writer waits for another one before giving up
FORMAT = "parquet+meta"  # the current table codec; "parquet" is schema 1's plain DataFrame.to_parquet
ROLES = ("clients", "transactions", "activities")
_CHECKED: dict[str, tuple[int, int, int]] = {}  # path -> (inode, size, mtime) last found intact


class StorageError(MessageError):
    """A saved-analyses operation failed; the message says what happened and what to do.

    ``StorageError("Give the analysis a name.")``, ``StorageError("... {path} ...", path=p)``:
    ``str(exc)`` is the English text, ``exc.translated(t)`` the text in a translator's language.
    """


class CorruptDatabaseError(StorageError):
    """The database file is damaged or is not a saved-analyses database; it was left untouched."""


class NewerDatabaseError(StorageError):
    """The database was written by a newer version of the app."""


class DatabaseUnavailableError(StorageError):
    """The database file cannot be created, opened or written (permissions, disk full...)."""


class AnalysisNotFoundError(StorageError):
    """No saved analysis has this id (it was deleted, maybe in another tab)."""


@dataclass(frozen=True)
class SavedAnalysis:
    """What the list shows about one saved analysis.

    ``saved_at`` is the analysis's date (UTC); a duplicate keeps its original's
    date. ``clients`` counts the active clients, ``transactions`` the rows;
    ``settings`` are the cut-offs, filters and options saved with it.
    """

    id: int
    name: str
    version: int
    saved_at: dt.datetime
    source: str
    clients: int
    transactions: int
    settings: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def label(self) -> str:
        """The name, with the version when the name was saved more than once."""
        return self.name if self.version == 1 else f"{self.name} (v{self.version})"


@dataclass(frozen=True)
class KeptUpload:
    """The last upload of a store: its file names in upload order, how they were read, when, and the
    files' bytes (``files``: (name, bytes) pairs; empty when read with ``with_data=False``)."""

    names: tuple[str, ...]
    state: Mapping[str, Any]
    saved_at: dt.datetime
    clients: int
    files: tuple[tuple[str, bytes], ...] = ()


def default_db_path() -> Path:
    """The database file: ``$PORTFOLIO_DB`` when set, else a file in the user's data directory.

    The default is ``~/.local/share/client-portfolio-analyzer/analyses.db`` on
    Linux (``$XDG_DATA_HOME`` respected), ``~/Library/Application Support/...``
    on macOS and ``%APPDATA%\\...`` on Windows: never inside the repository.
    """
    env = os.environ.get("PORTFOLIO_DB", "").strip()
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_DIR / "analyses.db"


# ---------------------------------------------------------------------------------------------
# Tables <-> bytes: Parquet, plus a little JSON metadata so that every dtype comes back as it was.


def _tag(value: Any) -> list[Any]:
    """One value of an object column as a JSON-able ``[kind, payload]`` pair (lossless for common types)."""
    if value is None:
        return ["n"]
    if value is pd.NaT:
        return ["T"]
    if value is pd.NA:
        return ["A"]
    if isinstance(value, str):
        return ["s", value]
    if isinstance(value, bool | np.bool_):
        return ["b", bool(value)]
    if isinstance(value, int | np.integer):
        return ["i", str(int(value))]
    if isinstance(value, float | np.floating):
        return ["f", float(value).hex()]
    if isinstance(value, pd.Timestamp):
        return ["t", value.isoformat(), None if value.tz is None else str(value.tz)]
    if isinstance(value, dt.datetime):
        return ["dt", value.isoformat()]
    if isinstance(value, dt.date):
        return ["d", value.isoformat()]
    if isinstance(value, decimal.Decimal):
        return ["D", str(value)]
    return ["x", str(value)]  # anything more exotic is kept as its text


def _untag(text: str) -> Any:
    kind, *payload = json.loads(text)
    if kind == "n":
        return None
    if kind == "T":
        return pd.NaT
    if kind == "A":
        return pd.NA
    value = payload[0]
    if kind == "i":
        return int(value)
    if kind == "f":
        return float.fromhex(value)
    if kind == "t":
        stamp = pd.Timestamp(value)
        return stamp.tz_convert(payload[1]) if payload[1] else stamp
    if kind == "dt":
        return dt.datetime.fromisoformat(value)
    if kind == "d":
        return dt.date.fromisoformat(value)
    if kind == "D":
        return decimal.Decimal(value)
    return value  # "s", "b", "x"


def _missing_kind(value: Any) -> str:
    if value is None:
        return "none"
    if value is pd.NaT:
        return "nat"
    if value is pd.NA:
        return "na"
    if isinstance(value, float) and value != value:
        return "nan"
    return "other"


_MISSING = {"none": None, "nan": np.nan, "nat": pd.NaT, "na": pd.NA}


def _encode_object(series: pd.Series) -> tuple[pd.Series, dict[str, Any]]:
    """An object column as a Parquet-friendly text column, and how to get the original back."""
    values = series.to_numpy(dtype=object)
    missing = pd.isna(values)
    present = values[~missing]
    kinds = {_missing_kind(v) for v in values[missing]}
    if all(type(v) is str for v in present) and len(kinds) <= 1 and "other" not in kinds:
        try:
            for v in present:
                v.encode("utf-8")
        except UnicodeEncodeError:
            pass  # lone surrogates: the tagged form escapes them
        else:
            filled = values.copy()
            filled[missing] = None
            out = pd.Series(filled, dtype="object")
            return out, {"codec": "text", "missing": kinds.pop() if kinds else "none"}
    tagged = [json.dumps(_tag(v), ensure_ascii=True) for v in values]
    return pd.Series(tagged, dtype=object), {"codec": "tagged"}


def _decode_object(series: pd.Series, how: Mapping[str, Any]) -> pd.Series:
    if how["codec"] == "tagged":
        return pd.Series([_untag(v) for v in series.to_numpy(dtype=object)], dtype=object)
    values = series.to_numpy(dtype=object).copy()
    if len(values):
        values[pd.isna(values)] = _MISSING[how["missing"]]
    return pd.Series(values, dtype=object)


def _jsonable(name: Any) -> Any:
    return name if name is None or isinstance(name, str | int | float | bool) else str(name)


def encode_frame(frame: pd.DataFrame) -> tuple[bytes, dict[str, Any]]:
    """A DataFrame as Parquet bytes plus the metadata :func:`decode_frame` needs to rebuild it exactly.

    Columns are stored under positional names (so duplicate or non-text
    column names are fine) and the index as ordinary columns. Object columns
    are encoded by :func:`_encode_object`; everything else is native Parquet.

    Examples
    --------
    >>> f = pd.DataFrame({"id": pd.Series(["007", None], dtype=object), "x": [0.1, float("nan")]})
    >>> blob, meta = encode_frame(f)
    >>> back = decode_frame(blob, meta)
    >>> back["id"].tolist(), back["x"].isna().tolist(), back.dtypes.astype(str).tolist()
    (['007', None], [False, True], ['object', 'float64'])
    """
    meta: dict[str, Any] = {"columns": [_jsonable(c) for c in frame.columns], "object": {}}
    if isinstance(frame.columns, pd.RangeIndex):
        meta["columns_range"] = [frame.columns.start, frame.columns.stop, frame.columns.step]
    else:
        meta["columns_dtype"] = str(frame.columns.dtype)
    flat: dict[str, pd.Series] = {}
    index = frame.index
    if isinstance(index, pd.RangeIndex):
        meta["index"] = {"range": [index.start, index.stop, index.step], "name": _jsonable(index.name)}
    else:
        names = [_jsonable(n) for n in index.names]
        meta["index"] = {"levels": len(names), "names": names, "multi": isinstance(index, pd.MultiIndex)}
        for j in range(index.nlevels):
            flat[f"i{j}"] = pd.Series(index.get_level_values(j)).reset_index(drop=True)
    for i in range(frame.shape[1]):
        flat[f"c{i}"] = frame.iloc[:, i].reset_index(drop=True)
    for key, series in list(flat.items()):
        if series.dtype == object:
            flat[key], meta["object"][key] = _encode_object(series)
    table = pd.DataFrame(flat, index=pd.RangeIndex(len(frame)))
    buffer = io.BytesIO()
    try:
        table.to_parquet(buffer, index=False, compression="zstd")
    except (pa.ArrowException, ValueError, TypeError, UnicodeError) as exc:
        raise StorageError("A column of this table cannot be stored ({error}).", error=exc) from exc
    return buffer.getvalue(), meta


def decode_frame(blob: bytes, meta: Mapping[str, Any] | None) -> pd.DataFrame:
    """The DataFrame :func:`encode_frame` stored (``meta=None``: a plain ``DataFrame.to_parquet`` blob)."""
    table = pd.read_parquet(io.BytesIO(blob))
    if meta is None:
        return table
    for key, how in meta["object"].items():
        table[key] = _decode_object(table[key], how)
    spec = meta["index"]
    if "range" in spec:
        start, stop, step = spec["range"]
        index: pd.Index = pd.RangeIndex(start, stop, step, name=spec["name"])
    else:
        levels = [table[f"i{j}"] for j in range(spec["levels"])]
        if spec["multi"]:
            index = pd.MultiIndex.from_arrays(levels, names=spec["names"])
        else:
            index = pd.Index(levels[0], dtype=levels[0].dtype).rename(spec["names"][0])
    names = meta["columns"]
    if names:
        out = pd.concat([table[f"c{i}"] for i in range(len(names))], axis=1)
        out.index = index
    else:
        out = pd.DataFrame(index=index)
    if meta.get("columns_range"):
        out.columns = pd.RangeIndex(*meta["columns_range"])
    else:
        out.columns = pd.Index(names, dtype=meta["columns_dtype"])
    return out


# ---------------------------------------------------------------------------------------------
# The database: schema, migrations, connections.

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS analyses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        clients INTEGER NOT NULL DEFAULT 0,
        transactions INTEGER NOT NULL DEFAULT 0,
        settings TEXT NOT NULL DEFAULT '{}',
        mapping TEXT,
        UNIQUE (name, version)
    )""",
    """CREATE TABLE IF NOT EXISTS frames (
        analysis_id INTEGER NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        format TEXT NOT NULL,
        rows INTEGER NOT NULL,
        meta TEXT,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (analysis_id, role)
    )""",
]


def _migrate_1_to_2(db: sqlite_utils.Database) -> None:
    """Schema 1 (one row per analysis, the three tables as plain Parquet columns, no mapping, no
    versions, no checksums) -> schema 2 (analyses + frames, versions per name, checksums)."""
    db.execute("ALTER TABLE analyses RENAME TO analyses_v1")
    for statement in _SCHEMA:
        db.execute(statement)
    old = list(db.query("SELECT * FROM analyses_v1 ORDER BY id"))
    versions: dict[str, int] = {}
    for row in old:
        name = str(row["name"]).strip() or "Untitled"
        versions[name] = versions.get(name, 0) + 1
        frames = {role: bytes(row[role]) for role in ROLES}
        clients = decode_frame(frames["clients"], None)
        active = int((clients["status"] == "active").sum()) if "status" in clients else len(clients)
        db.execute(
            "INSERT INTO analyses (id, name, version, saved_at, source, clients, transactions, settings) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [row["id"], name, versions[name], row["saved_at"], row["source"] or "", active,
             len(decode_frame(frames["transactions"], None)), row["settings"] or "{}"],
        )  # fmt: skip
        for role, blob in frames.items():
            db.execute(
                "INSERT INTO frames (analysis_id, role, format, rows, meta, sha256, data) "
                "VALUES (?, ?, 'parquet', ?, NULL, ?, ?)",
                [row["id"], role, len(decode_frame(blob, None)), hashlib.sha256(blob).hexdigest(), blob],
            )
    db.execute("DROP TABLE analyses_v1")


MIGRATIONS = {1: _migrate_1_to_2}

# The last upload (see AnalysisStore.keep_upload): outside the versioned schema, created on first use.
_LAST_UPLOAD_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS last_upload (
        owner TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (owner, position)
    )""",
    """CREATE TABLE IF NOT EXISTS last_upload_state (
        owner TEXT NOT NULL PRIMARY KEY,
        saved_at TEXT NOT NULL,
        state TEXT NOT NULL,
        clients INTEGER NOT NULL
    )""",
]  # from version -> function upgrading to version + 1


def _error_name(exc: sqlite3.Error) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


class AnalysisStore:
    """Saved analyses in one SQLite file (one connection per call, safe across threads and processes)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()

    # -- connections ---------------------------------------------------------------------------

    def _corrupt(self, detail: str | Message) -> CorruptDatabaseError:
        return CorruptDatabaseError(
            "The saved analyses cannot be read: their database is damaged or is not a saved-analyses "
            "database ({detail}). It was left untouched. Whoever runs the app can move it away to start "
            "a new one, and keep it: a SQLite recovery tool may get the analyses back.",
            path=self.path,
            detail=detail,
        )

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn sqlite and file-system errors into StorageError messages a user can act on."""
        try:
            yield
        except StorageError:
            raise
        except sqlite3.Error as exc:
            name = _error_name(exc)
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
                raise self._corrupt(str(exc)) from exc
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise StorageError(
                    "The saved analyses are busy (another save is running). Try again in a moment.",
                    path=self.path,
                ) from exc
            raise DatabaseUnavailableError(
                "The saved analyses cannot be used ({error}). Whoever runs the app should check that "
                "the database's folder exists, is writable and the disk is not full.",
                path=self.path,
                error=exc,
            ) from exc
        except OSError as exc:
            raise DatabaseUnavailableError(
                "The saved analyses cannot be created or opened ({error}). Whoever runs the app "
                "should give them a writable folder.",
                path=self.path,
                error=exc.strerror or exc,
            ) from exc

    def _quick_check(self, db: sqlite_utils.Database) -> None:
        """``PRAGMA quick_check`` once per state of the file (cheap on every later call)."""
        stat = os.stat(self.path)
        key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if _CHECKED.get(str(self.path)) == key:
            return
        problems = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise self._corrupt("; ".join(problems[:3]))
        _CHECKED[str(self.path)] = key

    @contextmanager
    def _connect(self, write: bool) -> Iterator[sqlite_utils.Database | None]:
        """A fresh connection with the current schema; ``None`` when reading a database not yet created."""
        with self._errors():
            # Never open() the file ourselves to peek at it: closing any descriptor of a file drops
            # every POSIX lock this process holds on it, including SQLite's (another thread's open
            # connection would lose its locks, and a second process could then corrupt the file).
            # SQLite reads the header itself and reports SQLITE_NOTADB without writing anything.
            exists = self.path.exists()
            if not exists and not write:
                yield None
                return
            if not exists:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT)
            try:
                db = sqlite_utils.Database(conn, execute_plugins=False)
                if exists:
                    db.execute("PRAGMA schema_version").fetchone()  # reads the header: NOTADB here
                    self._quick_check(db)
                db.execute("PRAGMA synchronous=FULL")
                if not self._prepare(db, write):
                    yield None
                    return
                yield db
            finally:
                conn.close()

    @contextmanager
    def _transaction(self, db: sqlite_utils.Database) -> Iterator[None]:
        """One write transaction, taking the write lock at once (a second writer waits its turn)."""
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")

    def _prepare(self, db: sqlite_utils.Database, write: bool) -> bool:
        """Create or upgrade the schema; False when there is nothing to read yet."""
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return True
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(
                "The saved analyses were written by a newer version of the app "
                "(schema {version}, this app reads up to {supported}). Update the app; the file "
                "was left untouched.",
                path=self.path,
                version=version,
                supported=SCHEMA_VERSION,
            )
        if version == 0 and db.table_names():
            raise self._corrupt(Message("it holds other tables and no saved-analyses schema version"))
        if version == 0 and not write:
            return False
        if db.journal_mode != "wal":
            db.enable_wal()
        if version > 0:
            self._backup(version)
        with self._transaction(db):
            version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            if version == 0:
                for statement in _SCHEMA:
                    db.execute(statement)
                version = SCHEMA_VERSION
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](db)
                version += 1
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return True

    def _backup(self, version: int) -> None:
        """Copy an old-schema database next to it before upgrading it (never overwriting a copy)."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.path.with_name(f"{self.path.name}.schema{version}-{stamp}.bak")
        source = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT)
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()

    # -- public API ----------------------------------------------------------------------------

    def check(self) -> None:
        """Raise CorruptDatabaseError (or another StorageError) when the file cannot be used as it is."""
        _CHECKED.pop(str(self.path), None)
        with self._connect(write=False):
            pass

    def save(
        self,
        name: str,
        portfolio: Portfolio,
        settings: Mapping[str, Any],
        mapping: Mapping[str, Mapping[str, str]] | None = None,
        saved_at: dt.datetime | None = None,
    ) -> int:
        """Save an analysis under ``name`` and return its id.

        An existing name is never overwritten: the new analysis becomes the
        name's next version. Everything is encoded first, then written in one
        transaction. ``settings`` and ``mapping`` must be JSON-serialisable
        (tuples come back as lists).
        """
        name = _clean_name(name)
        try:
            settings_text = json.dumps(dict(settings), sort_keys=True, allow_nan=False, ensure_ascii=False)
            mapping_text = (
                None if mapping is None else json.dumps(mapping, sort_keys=True, ensure_ascii=False)
            )
        except (TypeError, ValueError) as exc:
            raise StorageError("These settings cannot be saved ({error}).", error=exc) from exc
        frames = []
        for role in ROLES:
            frame = getattr(portfolio, role)
            blob, meta = encode_frame(frame)
            frames.append((role, len(frame), json.dumps(meta), hashlib.sha256(blob).hexdigest(), blob))
        when = (saved_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="seconds")
        clients = portfolio.clients
        active = int((clients["status"] == "active").sum()) if "status" in clients else len(clients)
        with self._connect(write=True) as db:
            assert db is not None
            with self._errors(), self._transaction(db):
                version = db.execute(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM analyses WHERE name = ?", [name]
                ).fetchone()[0]
                cursor = db.execute(
                    "INSERT INTO analyses (name, version, saved_at, source, clients, transactions, settings, "
                    "mapping) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [name, version, when, portfolio.source, active, len(portfolio.transactions),
                     settings_text, mapping_text],
                )  # fmt: skip
                new_id = int(cursor.lastrowid or 0)
                for role, rows, meta_text, digest, blob in frames:
                    db.execute(
                        "INSERT INTO frames (analysis_id, role, format, rows, meta, sha256, data) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [new_id, role, FORMAT, rows, meta_text, digest, blob],
                    )
        return new_id

    def list(self) -> list[SavedAnalysis]:
        """Every saved analysis, most recent date first (an empty list before the first save)."""
        with self._connect(write=False) as db:
            if db is None:
                return []
            with self._errors():
                rows = db.execute(
                    "SELECT id, name, version, saved_at, source, clients, transactions, settings "
                    "FROM analyses ORDER BY saved_at DESC, id DESC"
                ).fetchall()
        return [_meta(row) for row in rows]

    def get(self, analysis_id: int) -> SavedAnalysis:
        """One analysis's list entry."""
        with self._connect(write=False) as db:
            with self._errors():
                row = self._row(db, analysis_id)
        return _meta(row)

    def _row(self, db: sqlite_utils.Database | None, analysis_id: int) -> tuple[Any, ...]:
        row = None
        if db is not None:
            row = db.execute(
                "SELECT id, name, version, saved_at, source, clients, transactions, settings, mapping "
                "FROM analyses WHERE id = ?",
                [int(analysis_id)],
            ).fetchone()
        if row is None:
            raise AnalysisNotFoundError(
                "The saved analysis #{id} no longer exists (deleted, maybe in another tab). "
                "Pick another one in the list.",
                id=analysis_id,
            )
        return tuple(row)

    def load(
        self, analysis_id: int
    ) -> tuple[Portfolio, dict[str, Any], dict[str, dict[str, str]] | None, SavedAnalysis]:
        """The saved portfolio, settings, column mapping (None for the demo) and list entry.

        Each table's checksum is verified: a damaged analysis raises
        CorruptDatabaseError instead of coming back wrong.
        """
        with self._connect(write=False) as db:
            with self._errors():
                row = self._row(db, analysis_id)
                assert db is not None
                stored = db.execute(
                    "SELECT role, format, meta, sha256, data FROM frames WHERE analysis_id = ?", [row[0]]
                ).fetchall()
        tables = {}
        for role, fmt, meta_text, digest, blob in stored:
            blob = bytes(blob)
            if hashlib.sha256(blob).hexdigest() != digest:
                raise self._corrupt(
                    Message(
                        "the {role} table of analysis #{id} fails its checksum", {"role": role, "id": row[0]}
                    )
                )
            try:
                tables[role] = decode_frame(blob, json.loads(meta_text) if fmt == FORMAT else None)
            except Exception as exc:
                detail = Message(
                    "the {role} table of analysis #{id} cannot be read: {error}",
                    {"role": role, "id": row[0], "error": exc},
                )
                raise self._corrupt(detail) from exc
        missing = [r for r in ROLES if r not in tables]
        if missing:
            raise self._corrupt(
                Message(
                    "analysis #{id} lacks its {tables} table", {"id": row[0], "tables": ", ".join(missing)}
                )
            )
        portfolio = Portfolio(tables["clients"], tables["transactions"], tables["activities"], row[4])
        mapping = None if row[8] is None else json.loads(row[8])
        return portfolio, json.loads(row[7]), mapping, _meta(row)

    def rename(self, analysis_id: int, new_name: str) -> SavedAnalysis:
        """Give an analysis another name; it becomes that name's next version when the name is taken."""
        new_name = _clean_name(new_name)
        with self._connect(write=True) as db:
            assert db is not None
            with self._errors(), self._transaction(db):
                row = self._row(db, analysis_id)
                if row[1] != new_name:
                    version = db.execute(
                        "SELECT COALESCE(MAX(version), 0) + 1 FROM analyses WHERE name = ?", [new_name]
                    ).fetchone()[0]
                    db.execute(
                        "UPDATE analyses SET name = ?, version = ? WHERE id = ?", [new_name, version, row[0]]
                    )
                row = self._row(db, analysis_id)
        return _meta(row)

    def duplicate(self, analysis_id: int, new_name: str | None = None) -> int:
        """Copy an analysis (tables, settings, mapping, date) under ``new_name`` ("<name> (copy)")."""
        with self._connect(write=True) as db:
            assert db is not None
            with self._errors(), self._transaction(db):
                row = self._row(db, analysis_id)
                name = _clean_name(new_name if new_name is not None else f"{row[1]} (copy)")
                version = db.execute(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM analyses WHERE name = ?", [name]
                ).fetchone()[0]
                cursor = db.execute(
                    "INSERT INTO analyses (name, version, saved_at, source, clients, transactions, settings, "
                    "mapping) SELECT ?, ?, saved_at, source, clients, transactions, settings, mapping "
                    "FROM analyses WHERE id = ?",
                    [name, version, row[0]],
                )
                new_id = int(cursor.lastrowid or 0)
                db.execute(
                    "INSERT INTO frames (analysis_id, role, format, rows, meta, sha256, data) "
                    "SELECT ?, role, format, rows, meta, sha256, data FROM frames WHERE analysis_id = ?",
                    [new_id, row[0]],
                )
        return new_id

    def delete(self, analysis_id: int) -> None:
        """Delete an analysis and its tables (ask the user first: this cannot be undone)."""
        with self._connect(write=True) as db:
            assert db is not None
            with self._errors(), self._transaction(db):
                row = self._row(db, analysis_id)
                db.execute("DELETE FROM frames WHERE analysis_id = ?", [row[0]])
                db.execute("DELETE FROM analyses WHERE id = ?", [row[0]])

    # -- the last upload, kept so that a reload is one click from it ------------------------------

    def keep_upload(
        self,
        files: Sequence[tuple[str, bytes]],
        state: Mapping[str, Any],
        clients: int,
        saved_at: dt.datetime | None = None,
        owner: str = "",
    ) -> None:
        """Keep the files of the current upload (and how they were read) as the store's *last upload*.

        There is one last upload per ``owner`` of a store (an opaque key, e.g. one per browser; each
        user has a store of their own in team mode): keeping another replaces it, in one transaction.
        It is not a saved analysis and never appears in :meth:`list`. ``state`` (the file types, column
        mappings and sheets) must be JSON-serialisable; the file bytes are rewritten only when the files
        changed. The two tables are created on first use (older apps ignore them).
        """
        try:
            state_text = json.dumps(dict(state), sort_keys=True, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise StorageError("These settings cannot be saved ({error}).", error=exc) from exc
        digests = [hashlib.sha256(data).hexdigest() for _, data in files]
        when = (saved_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="seconds")
        with self._connect(write=True) as db:
            assert db is not None
            with self._errors(), self._transaction(db):
                for statement in _LAST_UPLOAD_SCHEMA:
                    db.execute(statement)
                kept = list(
                    db.execute(
                        "SELECT name, sha256 FROM last_upload WHERE owner = ? ORDER BY position", [owner]
                    )
                )
                if kept != [(name, digest) for (name, _), digest in zip(files, digests, strict=True)]:
                    db.execute("DELETE FROM last_upload WHERE owner = ?", [owner])
                    for position, ((name, data), digest) in enumerate(zip(files, digests, strict=True)):
                        db.execute(
                            "INSERT INTO last_upload (owner, position, name, sha256, data) "
                            "VALUES (?, ?, ?, ?, ?)",
                            [owner, position, name, digest, data],
                        )
                db.execute(
                    "INSERT OR REPLACE INTO last_upload_state (owner, saved_at, state, clients) "
                    "VALUES (?, ?, ?, ?)",
                    [owner, when, state_text, int(clients)],
                )

    def last_upload(self, with_data: bool = True, owner: str = "") -> KeptUpload | None:
        """The upload kept by :meth:`keep_upload`, or None; a damaged one raises CorruptDatabaseError.

        ``with_data=False`` reads the names, state, date and client count only (no file bytes).
        """
        with self._connect(write=False) as db:
            if db is None or "last_upload_state" not in db.table_names():
                return None
            with self._errors():
                head = db.execute(
                    "SELECT saved_at, state, clients FROM last_upload_state WHERE owner = ?", [owner]
                ).fetchone()
                columns = "name, sha256, data" if with_data else "name, sha256, NULL"
                stored = db.execute(
                    f"SELECT {columns} FROM last_upload WHERE owner = ? ORDER BY position", [owner]
                ).fetchall()
        if head is None or not stored:
            return None
        files = []
        for name, digest, blob in stored if with_data else ():
            blob = bytes(blob)
            if hashlib.sha256(blob).hexdigest() != digest:
                raise self._corrupt(
                    Message("the last upload's file {name} fails its checksum", {"name": name})
                )
            files.append((str(name), blob))
        names = tuple(str(row[0]) for row in stored)
        when = dt.datetime.fromisoformat(head[0])
        return KeptUpload(names, json.loads(head[1]), when, int(head[2]), tuple(files))

    def forget_upload(self, owner: str = "") -> None:
        """Drop the kept last upload (saved analyses are not touched)."""
        with self._connect(write=False) as db:
            if db is None or "last_upload_state" not in db.table_names():
                return
        with self._connect(write=True) as db:
            assert db is not None
            with self._errors(), self._transaction(db):
                db.execute("DELETE FROM last_upload WHERE owner = ?", [owner])
                db.execute("DELETE FROM last_upload_state WHERE owner = ?", [owner])


def _clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise StorageError("Give the analysis a name.")
    if len(name) > 200:
        raise StorageError("The name is too long: keep it under 200 characters.")
    return name


def _meta(row: tuple[Any, ...] | sqlite3.Row) -> SavedAnalysis:
    when = dt.datetime.fromisoformat(row[3])
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return SavedAnalysis(
        int(row[0]),
        str(row[1]),
        int(row[2]),
        when,
        str(row[4] or ""),
        int(row[5]),
        int(row[6]),
        json.loads(row[7]),
    )
