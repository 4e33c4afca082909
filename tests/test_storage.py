"""Saved analyses (portfolio_core.store.analyses): round trips, versions, concurrency, crashes, corruption."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

from portfolio_core import Portfolio, demo_portfolio
from portfolio_core.analysis.segments import compare_portfolios
from portfolio_core.store.analyses import (
    SCHEMA_VERSION,
    AnalysisNotFoundError,
    AnalysisStore,
    CorruptDatabaseError,
    DatabaseUnavailableError,
    NewerDatabaseError,
    StorageError,
    decode_frame,
    default_db_path,
    encode_frame,
)
from tests.conftest import ROOT

ROLES = ("clients", "transactions", "activities")


def assert_same_frame(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Equal values, dtypes, index and column names; object cells also keep their Python type."""
    pd.testing.assert_frame_equal(left, right, check_exact=True)
    for col in range(left.shape[1]):
        if left.iloc[:, col].dtype == object:
            assert [type(v) for v in left.iloc[:, col]] == [type(v) for v in right.iloc[:, col]]
    if left.index.dtype == object:
        assert [type(v) for v in left.index] == [type(v) for v in right.index]


def assert_same_portfolio(left: Portfolio, right: Portfolio) -> None:
    for role in ROLES:
        assert_same_frame(getattr(left, role), getattr(right, role))
    assert left.source == right.source


# --- strategies --------------------------------------------------------------------------------

# Text read from files is decoded, so it never holds lone surrogates (Parquet stores UTF-8).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
IDS = st.one_of(st.from_regex(r"0[0-9]{1,6}", fullmatch=True), TEXT.filter(bool))
FLOATS = st.floats(allow_nan=True, allow_infinity=True)
DATES = st.one_of(
    st.none(), st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1))
)
ANY_CELL = st.one_of(
    st.none(), st.just(float("nan")), TEXT, st.integers(-(2**70), 2**70), FLOATS, st.booleans()
)


def _text_column(values: list, dtype: str) -> pd.Series:
    return pd.Series(values, dtype=dtype)


@st.composite
def portfolios(draw) -> Portfolio:
    ids = draw(st.lists(IDS, min_size=1, max_size=8, unique=True))
    n = len(ids)
    text_dtype = draw(st.sampled_from(["str", "object"]))
    index = pd.Index(ids, dtype=text_dtype, name="client")
    clients = pd.DataFrame(
        {
            "name": _text_column(
                draw(st.lists(st.one_of(st.none(), TEXT), min_size=n, max_size=n)), text_dtype
            ),
            "status": pd.Series(
                draw(st.lists(st.sampled_from(["active", "prospect", "former"]), min_size=n, max_size=n)),
                dtype=object,
            ),
            "potential": pd.Series(draw(st.lists(FLOATS, min_size=n, max_size=n)), dtype="float64"),
            "start_date": pd.Series(draw(st.lists(DATES, min_size=n, max_size=n)), dtype="datetime64[us]"),
            "notes": pd.Series(draw(st.lists(ANY_CELL, min_size=n, max_size=n)), dtype=object),
        }
    ).set_axis(index)
    m = draw(st.integers(0, 12))
    transactions = pd.DataFrame(
        {
            "client": _text_column(draw(st.lists(st.sampled_from(ids), min_size=m, max_size=m)), text_dtype),
            "date": pd.Series(draw(st.lists(DATES, min_size=m, max_size=m)), dtype="datetime64[us]"),
            "amount": pd.Series(draw(st.lists(FLOATS, min_size=m, max_size=m)), dtype="float64"),
            "stage": pd.Series(
                draw(st.lists(st.sampled_from(["won", "lost", "open"]), min_size=m, max_size=m)), dtype="str"
            ),
        }
    )
    if draw(st.booleans()):
        transactions["paid_at"] = transactions["date"].dt.tz_localize("Europe/Paris", ambiguous="NaT",
                                                                      nonexistent="NaT")  # fmt: skip
    k = draw(st.integers(0, 6))
    activities = (
        pd.DataFrame(columns=["client"])
        if k == 0 and draw(st.booleans())
        else pd.DataFrame(
            {
                "client": draw(st.lists(st.sampled_from(ids), min_size=k, max_size=k)),
                "type": draw(st.lists(st.one_of(st.none(), TEXT), min_size=k, max_size=k)),
                "hours": pd.Series(draw(st.lists(FLOATS, min_size=k, max_size=k)), dtype="float64"),
            }
        )
    )
    return Portfolio(clients, transactions, activities, draw(TEXT))


SETTINGS = st.fixed_dictionaries(
    {
        "a": st.integers(1, 99),
        "b": st.integers(2, 100),
        "rule": st.sampled_from(["before", "spreadsheet"]),
        "filters": st.dictionaries(TEXT, st.lists(TEXT, max_size=3), max_size=3),
    }
)
MAPPINGS = st.one_of(st.none(), st.dictionaries(TEXT, st.dictionaries(TEXT, TEXT, max_size=4), max_size=3))


# --- round trips -------------------------------------------------------------------------------


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(portfolio=portfolios(), saved=SETTINGS, mapping=MAPPINGS, name=TEXT.filter(str.strip))
def test_save_load_round_trip_keeps_every_table_exactly(portfolio, saved, mapping, name):
    before = {role: getattr(portfolio, role).copy(deep=True) for role in ROLES}
    with tempfile.TemporaryDirectory() as tmp:
        store = AnalysisStore(Path(tmp) / "analyses.db")
        analysis_id = store.save(name, portfolio, saved, mapping)
        loaded, settings_back, mapping_back, meta = store.load(analysis_id)
        assert_same_portfolio(portfolio, loaded)
        assert settings_back == saved and mapping_back == mapping
        assert meta.name == " ".join(name.split()) and meta.version == 1
        assert [s.id for s in store.list()] == [analysis_id]
        store.delete(analysis_id)
        assert store.list() == []
        with pytest.raises(AnalysisNotFoundError):
            store.load(analysis_id)
    for role in ROLES:  # saving never mutates the caller's frames
        assert_same_frame(before[role], getattr(portfolio, role))


@given(st.lists(ANY_CELL, max_size=20), st.sampled_from([None, "x", 3]))
def test_any_object_column_round_trips_with_its_python_types(cells, index_name):
    frame = pd.DataFrame({"v": pd.Series(cells, dtype=object)})
    frame.index = pd.Index([f"{i:03d}" for i in range(len(cells))], dtype=object, name=index_name)
    back = decode_frame(*encode_frame(frame))
    assert_same_frame(frame, back)
    for left, right in zip(frame["v"], back["v"], strict=True):
        assert left == right or (isinstance(left, float) and math.isnan(left) and math.isnan(right))


def test_odd_frames_round_trip():
    frames = [
        pd.DataFrame(columns=["client"]),
        pd.DataFrame(index=pd.RangeIndex(3, 9, 2)),
        pd.DataFrame([[1, "a"], [2, "b"]], columns=["x", "x"]),  # duplicate column names
        pd.DataFrame({1: [1.5], 2: [pd.NA]}, dtype="Float64"),
        pd.DataFrame({"c": pd.Categorical(["b", "a", None])}),
        pd.DataFrame(
            {"n": pd.array([1, None], dtype="Int64")}, index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)])
        ),
        pd.DataFrame({"t": pd.to_datetime(["2024-03-31 02:30", None]).as_unit("ns").tz_localize("UTC")}),
        pd.DataFrame(
            {"s": pd.Series(["x", None], dtype=object), "m": pd.Series([np.nan, None], dtype=object)}
        ),
    ]
    for frame in frames:
        assert_same_frame(frame, decode_frame(*encode_frame(frame)))


def test_the_demo_round_trips_and_what_the_list_says():
    with tempfile.TemporaryDirectory() as tmp:
        store = AnalysisStore(Path(tmp) / "nested" / "dir" / "analyses.db")
        assert store.list() == [] and not store.path.exists()  # reading never creates the file
        demo = demo_portfolio(7)
        analysis_id = store.save("  Portfolio   review 2026-11 ", demo, {"a": 80, "b": 95})
        (entry,) = store.list()
        assert (entry.id, entry.name, entry.version, entry.label) == (
            analysis_id, "Portfolio review 2026-11", 1, "Portfolio review 2026-11",
        )  # fmt: skip
        assert (entry.clients, entry.transactions, entry.source) == (400, len(demo.transactions), demo.source)
        assert entry.saved_at.tzinfo is not None
        assert_same_portfolio(demo, store.load(analysis_id)[0])
        with closing(sqlite3.connect(store.path)) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


# --- names, versions, rename, duplicate, delete -----------------------------------------------


def test_saving_an_existing_name_adds_a_version_and_keeps_the_old_one(tmp_path):
    store = AnalysisStore(tmp_path / "a.db")
    small, other = demo_portfolio(1), demo_portfolio(2)
    first = store.save("Review", small, {"a": 80})
    second = store.save("Review", other, {"a": 70})
    assert sorted((s.name, s.version, s.label) for s in store.list()) == [
        ("Review", 1, "Review"), ("Review", 2, "Review (v2)"),
    ]  # fmt: skip
    assert_same_portfolio(small, store.load(first)[0])
    assert_same_portfolio(other, store.load(second)[0])
    assert store.load(first)[1] == {"a": 80}


def test_rename_duplicate_and_delete(tmp_path):
    store = AnalysisStore(tmp_path / "a.db")
    demo = demo_portfolio(1)
    when = dt.datetime(2026, 10, 1, 9, 30, tzinfo=dt.UTC)
    one = store.save("October", demo, {"a": 80}, {"deals.csv": {"client": "Company"}}, saved_at=when)
    two = store.save("November", demo, {"a": 70})

    assert store.rename(one, "Q4 review").label == "Q4 review"
    renamed = store.rename(two, "Q4 review")  # the name is taken: it becomes its next version
    assert (renamed.name, renamed.version) == ("Q4 review", 2)
    assert store.rename(two, "Q4 review").version == 2  # same name again: nothing changes

    copy = store.duplicate(one)
    entry = store.get(copy)
    assert (entry.name, entry.saved_at) == ("Q4 review (copy)", when)  # a copy keeps the analysis date
    _, settings_copy, mapping_copy, _ = store.load(copy)
    assert settings_copy == {"a": 80} and mapping_copy == {"deals.csv": {"client": "Company"}}
    assert store.get(store.duplicate(one, "Q4 review (copy)")).version == 2

    store.delete(one)
    assert one not in [s.id for s in store.list()]
    assert_same_portfolio(demo, store.load(copy)[0])  # the copy does not share the original's rows
    with pytest.raises(AnalysisNotFoundError, match="no longer exists"):
        store.delete(one)
    with pytest.raises(AnalysisNotFoundError):
        store.rename(one, "x")
    with pytest.raises(AnalysisNotFoundError):
        store.duplicate(one)
    with pytest.raises(StorageError, match="name"):
        store.save("   ", demo, {})
    new = store.save("Fresh", demo, {})
    assert new > copy  # ids are never reused: a deleted analysis's id never points to another one


def test_settings_that_are_not_json_are_refused_before_anything_is_written(tmp_path):
    store = AnalysisStore(tmp_path / "a.db")
    with pytest.raises(StorageError, match="settings"):
        store.save("x", demo_portfolio(1), {"a": float("nan")})
    assert store.list() == []


class StoreMachine(RuleBasedStateMachine):
    """Any sequence of save / rename / duplicate / delete agrees with a plain dict model."""

    analyses = Bundle("analyses")

    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        self.store = AnalysisStore(Path(self.tmp.name) / "a.db")
        self.model: dict[int, dict] = {}
        self.portfolios = [
            Portfolio(pd.DataFrame({"status": ["active"] * 2}, index=pd.Index(["01", "é"], name="client")),
                      pd.DataFrame({"client": ["01", "é"], "amount": [float(i), 2.5]}), source=f"set {i}")
            for i in range(3)
        ]  # fmt: skip

    def teardown(self) -> None:
        self.tmp.cleanup()

    def _next_version(self, name: str) -> int:
        return max([m["version"] for m in self.model.values() if m["name"] == name], default=0) + 1

    @rule(
        target=analyses, name=st.sampled_from(["A", "B", "Ça"]), which=st.integers(0, 2), a=st.integers(1, 99)
    )
    def save(self, name, which, a):
        version = self._next_version(name)
        new = self.store.save(name, self.portfolios[which], {"a": a})
        self.model[new] = {"name": name, "version": version, "which": which, "a": a}
        return new

    @rule(analysis=analyses, name=st.sampled_from(["A", "B", "Renamed"]))
    def rename(self, analysis, name):
        if analysis not in self.model:
            with pytest.raises(AnalysisNotFoundError):
                self.store.rename(analysis, name)
            return
        if self.model[analysis]["name"] != name:
            self.model[analysis].update(name=name, version=self._next_version(name))
        self.store.rename(analysis, name)

    @rule(target=analyses, analysis=analyses)
    def duplicate(self, analysis):
        if analysis not in self.model:
            with pytest.raises(AnalysisNotFoundError):
                self.store.duplicate(analysis)
            return analysis
        name = self.model[analysis]["name"] + " (copy)"
        entry = dict(self.model[analysis], name=name, version=self._next_version(name))
        new = self.store.duplicate(analysis)
        self.model[new] = entry
        return new

    @rule(analysis=consumes(analyses))
    def delete(self, analysis):
        if analysis in self.model:
            self.store.delete(analysis)
            del self.model[analysis]
        else:
            with pytest.raises(AnalysisNotFoundError):
                self.store.delete(analysis)

    @invariant()
    def list_and_loads_agree_with_the_model(self):
        listed = {s.id: (s.name, s.version) for s in self.store.list()}
        assert listed == {k: (m["name"], m["version"]) for k, m in self.model.items()}
        for analysis_id, m in self.model.items():
            portfolio, saved, _, _ = self.store.load(analysis_id)
            assert saved == {"a": m["a"]}
            assert_same_portfolio(self.portfolios[m["which"]], portfolio)


StoreMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=12, deadline=None)
test_store_behaves_like_a_dict = StoreMachine.TestCase


# --- compare ----------------------------------------------------------------------------------


def test_two_analyses_a_month_apart_can_be_compared(tmp_path):
    store = AnalysisStore(tmp_path / "a.db")
    october = demo_portfolio(7)
    values = october.values()
    top = values.idxmax()
    t = october.transactions
    november = Portfolio(october.clients, t[t["client"] != top], october.activities, "November export")
    first = store.save("Review", october, {}, saved_at=dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    second = store.save("Review", november, {}, saved_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    assert [s.id for s in store.list()] == [second, first]  # most recent first

    table, dropped = compare_portfolios(store.load(first)[0], store.load(second)[0], 0.8, 0.95)
    assert table["clients"].sum() == (values > 0).sum()
    assert dropped.loc[top, "from"] == "A" and dropped.loc[top, "to"] == "lost"
    assert dropped.loc[top, "name"] == october.clients.loc[top, "name"]
    same, none_dropped = compare_portfolios(store.load(first)[0], store.load(first)[0])
    assert set(same["from"]) == set(same["to"]) and none_dropped.empty


# --- concurrency -----------------------------------------------------------------------------


def _save_when_both_ready(barrier: threading.Barrier, path: Path, portfolio: Portfolio, saved: dict) -> int:
    store = AnalysisStore(path)  # each call opens its own connection anyway
    barrier.wait()
    return store.save("Same name", portfolio, saved)


def test_two_threads_saving_at_the_same_moment_both_land_complete(tmp_path):
    store_path = tmp_path / "a.db"
    portfolios = [demo_portfolio(1), demo_portfolio(2)]
    for round_ in range(4):
        barrier = threading.Barrier(2)
        with ThreadPoolExecutor(2) as pool:
            futures = [
                pool.submit(_save_when_both_ready, barrier, store_path, p, {"tab": i, "round": round_})
                for i, p in enumerate(portfolios)
            ]
            ids = [f.result(timeout=120) for f in futures]
        for i, analysis_id in enumerate(ids):
            portfolio, saved, _, _ = AnalysisStore(store_path).load(analysis_id)
            assert saved == {"tab": i, "round": round_}
            assert_same_portfolio(portfolios[i], portfolio)
    versions = sorted(s.version for s in AnalysisStore(store_path).list())
    assert versions == list(range(1, 9))


CHILD_SAVE = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from portfolio_core import demo_portfolio
from portfolio_core.store.analyses import AnalysisStore
portfolio = demo_portfolio({seed})
go = Path({go!r})
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
print(AnalysisStore({db!r}).save("Same name", portfolio, {{"process": {seed}}}))
"""


def test_two_processes_saving_at_the_same_moment_both_land_complete(tmp_path):
    db, go = tmp_path / "a.db", tmp_path / "go"
    AnalysisStore(db).save("Before", demo_portfolio(9), {})  # an existing database, as in real use
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD_SAVE.format(root=str(ROOT), seed=seed, go=str(go), db=str(db))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in (1, 2)
    ]
    for child in children:  # both have imported pandas and built their portfolio
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], [err for _, err in outputs]
    store = AnalysisStore(db)
    for seed, (out, _) in zip((1, 2), outputs, strict=True):
        portfolio, saved, _, meta = store.load(int(out))
        assert saved == {"process": seed} and meta.name == "Same name"
        assert_same_portfolio(demo_portfolio(seed), portfolio)
    assert sorted(s.version for s in store.list() if s.name == "Same name") == [1, 2]


# --- a process killed in the middle of a save -----------------------------------------------

BIG = """
import numpy as np
import pandas as pd
from portfolio_core import Portfolio
def big_portfolio():
    rng = np.random.default_rng(1)
    ids = pd.Index([f"{i:06d}" for i in range(3000)], dtype="str", name="client")
    sectors = rng.choice(["Retail", "Food", "Énergie"], 3000)
    clients = pd.DataFrame({"status": "active", "sector": sectors}, index=ids)
    n, k = 200_000, 100_000
    transactions = pd.DataFrame({
        "client": ids.to_numpy()[rng.integers(0, 3000, n)],
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 1000, n), unit="D"),
        "amount": rng.lognormal(7, 1.5, n),
        "noise": rng.random(n),  # little to compress: a large write
    })
    activities = pd.DataFrame({"client": ids.to_numpy()[rng.integers(0, 3000, k)], "hours": rng.random(k)})
    return Portfolio(clients, transactions, activities, "Big export")
"""

CHILD_LOOP = (
    """
import os, random, sys, time
from contextlib import contextmanager
sys.path.insert(0, ROOT)
"""
    + BIG
    + """
from portfolio_core.store.analyses import AnalysisStore

class Traced(AnalysisStore):
    @contextmanager
    def _transaction(self, db):
        with super()._transaction(db):
            print("in-transaction", flush=True)
            yield
            print("written", flush=True)
            time.sleep(pause.uniform(0, 0.3))  # everything written, not yet committed: a kill lands here too

pause = random.Random(os.getpid())
portfolio = big_portfolio()
store = Traced(DB)
print("ready", flush=True)
i = 0
while True:
    print("begin", flush=True)
    store.save("Monthly run", portfolio, {"i": i})
    print("done", flush=True)
    i += 1
"""
)


def _lines(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line.strip())
    out.put(None)


def test_a_process_killed_mid_save_leaves_the_database_readable_with_previous_versions_intact(tmp_path):
    """SIGKILL a process that saves a large analysis in a loop, at random moments, again and again.

    After every kill: integrity_check is ok, the analysis saved before is intact, and every
    analysis the list shows loads completely (no half-written one). Figures for the report are
    printed (run with -s to see them).
    """
    namespace: dict = {}
    exec(BIG, namespace)
    big = namespace["big_portfolio"]()
    db = tmp_path / "a.db"
    store = AnalysisStore(db)
    base_portfolio = demo_portfolio(3)
    base = store.save("Saved before", base_portfolio, {"a": 80})
    rng = random.Random(20261101)
    # A connection of this process stays open throughout, like another tab reading: the store must
    # never drop its locks (closing any descriptor of the file drops a process's POSIX locks).
    watcher = sqlite3.connect(db)
    kills = {"encoding": 0, "writing": 0, "written, not committed": 0, "between saves": 0}
    where = {"begin": "encoding", "in-transaction": "writing", "written": "written, not committed"}
    completed = 0
    attempts = 0
    modes = ["random", "writing", "written"] * int(os.environ.get("KILL_ROUNDS", "3"))  # more: KILL_ROUNDS=10
    for mode in modes:
        attempts += 1
        child = subprocess.Popen(
            [sys.executable, "-c", f"ROOT, DB = {str(ROOT)!r}, {str(db)!r}\n" + CHILD_LOOP],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_lines, args=(child.stdout, lines), daemon=True).start()
        seen = [lines.get(timeout=120)]
        assert seen == ["ready"]
        if mode == "random":  # anywhere: encoding, writing, committing, between saves
            time.sleep(rng.uniform(0.05, 1.5))
        else:  # just after the child starts writing, or once it has written but not committed
            marker = "in-transaction" if mode == "writing" else "written"
            while seen[-1] != marker:
                seen.append(lines.get(timeout=60))
            time.sleep(rng.uniform(0, 0.02 if mode == "writing" else 0.3))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        seen += list(iter(partial(lines.get, timeout=10), None))
        completed += seen.count("done")
        last = seen[-1] if seen else "ready"
        kills[where.get(last, "between saves")] += 1

        with closing(sqlite3.connect(db)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert watcher.execute("SELECT COUNT(*) FROM analyses WHERE id = ?", [base]).fetchone() == (1,)
        portfolio, saved, _, _ = store.load(base)
        assert saved == {"a": 80}
        assert_same_portfolio(base_portfolio, portfolio)
        runs = [s for s in store.list() if s.name == "Monthly run"]
        # every committed save is listed (a kill between COMMIT and "done" may add one) ...
        assert completed <= len(runs) <= completed + attempts
        # ... and each one is complete; the most recent one is checked cell by cell
        assert sorted(s.version for s in runs) == list(range(1, len(runs) + 1))
        for entry in runs:
            assert entry.transactions == len(big.transactions)
        if runs:
            assert_same_portfolio(big, store.load(runs[0].id)[0])
    watcher.close()
    print(f"\nkill -9 figures: {attempts} kills, {kills}, {completed} saves completed, all survived")
    assert kills["writing"] + kills["written, not committed"] >= 3  # kills did land inside a transaction


# --- damaged, foreign, newer and unreachable databases --------------------------------------


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.iterdir()}


def test_a_file_that_is_not_a_database_is_reported_and_left_untouched(tmp_path):
    db = tmp_path / "analyses.db"
    db.write_bytes(random.Random(1).randbytes(50_000))
    before = _files(db)
    store = AnalysisStore(db)
    for call in (
        store.list,
        store.check,
        lambda: store.save("x", demo_portfolio(1), {}),
        lambda: store.load(1),
    ):
        with pytest.raises(CorruptDatabaseError, match="left untouched"):
            call()
    assert _files(db) == before  # same bytes, and no -wal / -shm file next to it


def test_a_damaged_database_is_reported_and_left_untouched(tmp_path):
    db = tmp_path / "analyses.db"
    store = AnalysisStore(db)
    store.save("x", demo_portfolio(1), {})
    with closing(sqlite3.connect(db)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'analyses'").fetchone()[0]
    assert not (tmp_path / "analyses.db-wal").exists() or (tmp_path / "analyses.db-wal").stat().st_size == 0
    data = bytearray(db.read_bytes())
    data[(root - 1) * page_size : root * page_size] = random.Random(2).randbytes(page_size)
    db.write_bytes(bytes(data))
    before = _files(db)
    with pytest.raises(CorruptDatabaseError):
        store.list()
    with pytest.raises(CorruptDatabaseError):
        store.save("y", demo_portfolio(1), {})
    assert _files(db) == before


def test_a_damaged_table_fails_its_checksum_instead_of_loading_wrong(tmp_path):
    db = tmp_path / "analyses.db"
    store = AnalysisStore(db)
    analysis_id = store.save("x", demo_portfolio(1), {})
    with closing(sqlite3.connect(db)) as conn:
        blob = conn.execute("SELECT data FROM frames WHERE role = 'clients'").fetchone()[0]
    data = db.read_bytes()
    at = data.index(blob[200:232])
    db.write_bytes(data[:at] + bytes(b ^ 0xFF for b in data[at : at + 8]) + data[at + 8 :])
    with pytest.raises(CorruptDatabaseError, match="checksum"):
        store.load(analysis_id)


def test_a_foreign_or_newer_database_is_refused_untouched(tmp_path):
    foreign = tmp_path / "foreign.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    newer = tmp_path / "newer.db"
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("CREATE TABLE analyses (id INTEGER)")
        conn.execute("PRAGMA user_version = 99")
    before = _files(foreign)
    with pytest.raises(CorruptDatabaseError, match="other tables"):
        AnalysisStore(foreign).save("x", demo_portfolio(1), {})
    with pytest.raises(NewerDatabaseError, match="newer version"):
        AnalysisStore(newer).list()
    assert _files(foreign) == before


def test_an_unwritable_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = AnalysisStore(blocker / "analyses.db")
    assert store.list() == []
    with pytest.raises(DatabaseUnavailableError, match="writable folder"):
        store.save("x", demo_portfolio(1), {})


def test_the_database_path_is_a_setting_outside_the_repository(monkeypatch, tmp_path):
    monkeypatch.setenv("PORTFOLIO_DB", str(tmp_path / "mine.db"))
    assert default_db_path() == tmp_path / "mine.db"
    assert AnalysisStore().path == tmp_path / "mine.db"
    monkeypatch.delenv("PORTFOLIO_DB")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = default_db_path()
    assert path == tmp_path / "home" / ".local" / "share" / "client-portfolio-analyzer" / "analyses.db"
    assert ROOT not in path.parents
    monkeypatch.setenv("PORTFOLIO_DB", "  ")  # blank counts as unset
    assert default_db_path() == path


# --- schema migration -------------------------------------------------------------------------


def _parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    return buffer.getvalue()


def test_a_schema_1_database_is_upgraded_after_a_backup(tmp_path):
    db = tmp_path / "analyses.db"
    old = [demo_portfolio(1), demo_portfolio(2), demo_portfolio(3)]
    with closing(sqlite3.connect(db)) as conn:  # schema 1, by hand: one row per analysis, plain Parquet blobs
        conn.execute(
            "CREATE TABLE analyses (id INTEGER PRIMARY KEY, name TEXT NOT NULL, saved_at TEXT NOT NULL, "
            "source TEXT, settings TEXT, clients BLOB, transactions BLOB, activities BLOB)"
        )
        for i, (name, p) in enumerate(zip(["Review", "Review", "Other"], old, strict=True), start=1):
            conn.execute(
                "INSERT INTO analyses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [i, name, f"2026-0{i}-01T10:00:00+00:00", p.source, json.dumps({"a": 70 + i}),
                 _parquet(p.clients), _parquet(p.transactions), _parquet(p.activities)],
            )  # fmt: skip
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
    v1_bytes = db.read_bytes()

    store = AnalysisStore(db)
    listed = store.list()
    assert [(s.id, s.name, s.version) for s in listed] == [
        (3, "Other", 1),
        (2, "Review", 2),
        (1, "Review", 1),
    ]
    assert listed[0].clients == 400 and listed[0].saved_at == dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC)
    for i, p in enumerate(old, start=1):
        portfolio, saved, mapping, _ = store.load(i)
        assert_same_portfolio(p, portfolio)
        assert saved == {"a": 70 + i} and mapping is None
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    (backup,) = tmp_path.glob("analyses.db.schema1-*.bak")
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == 3
    assert len(v1_bytes) > 0
    new = store.save("Review", demo_portfolio(4), {})
    assert store.get(new).version == 3 and new == 4


# --- The messages in the session's language ---------------------------------------------------------

# The templates are in the catalog with their placeholders: tests/test_catalog.py extracts them.


def test_errors_keep_their_english_text_and_can_be_shown_in_french(tmp_path):
    from portfolio_core.i18n import Translator

    fr = Translator("fr")
    store = AnalysisStore(tmp_path / "analyses.db")
    with pytest.raises(AnalysisNotFoundError) as missing:
        store.load(42)
    assert str(missing.value) == (
        "The saved analysis #42 no longer exists (deleted, maybe in another tab). "
        "Pick another one in the list."
    )
    assert missing.value.translated(fr).startswith("L'analyse enregistrée n° 42 n'existe plus")

    with pytest.raises(StorageError) as unnamed:
        store.save("   ", demo_portfolio(1), {})
    assert (str(unnamed.value), unnamed.value.translated(fr)) == (
        "Give the analysis a name.",
        "Donnez un nom à l'analyse.",
    )

    foreign = tmp_path / "foreign.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(CorruptDatabaseError) as corrupt:
        AnalysisStore(foreign).list()
    english = str(corrupt.value)
    assert english.startswith("The saved analyses cannot be read: their database is damaged")
    assert "(it holds other tables and no saved-analyses schema version)" in english
    assert str(foreign) not in english  # a page shows this: no server path
    french = corrupt.value.translated(fr)
    assert french.startswith("Les analyses enregistrées sont illisibles : leur base est endommagée")
    assert "(elle contient d'autres tables" in french and str(foreign) not in french
    # only values are escaped for Markdown: here the template and the nested detail are our own words
    assert corrupt.value.translated(fr, escape=lambda v: f"<{v}>") == french
    assert not fr.missing
