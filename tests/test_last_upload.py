"""The last upload kept in the user's store: files and how they were read come back exactly; keeping
another replaces it; saved analyses are never touched; a damaged copy is refused, not returned wrong."""

import sqlite3

import pytest

from portfolio_core.ingest.demo import demo_portfolio
from portfolio_core.store.analyses import AnalysisStore, CorruptDatabaseError

STATE = {"sheets": {}, "kinds": {"jan.csv": "clients"}, "maps": {"jan.csv": {"client": "Client"}}}


def test_the_last_upload_comes_back_byte_for_byte_and_a_new_one_replaces_it(tmp_path):
    store = AnalysisStore(tmp_path / "analyses.db")
    assert store.last_upload() is None  # no database yet: nothing, and no file created
    assert not (tmp_path / "analyses.db").exists()
    saved = store.save("Review", demo_portfolio(3), {"a": 80, "b": 95})
    store.keep_upload([("jan.csv", b"Client,Revenue\nAcme,500\n"), ("acts.csv", b"\x00\xff")], STATE, 1)
    kept = store.last_upload()
    assert kept is not None and kept.names == ("jan.csv", "acts.csv") and kept.clients == 1
    assert kept.files == (("jan.csv", b"Client,Revenue\nAcme,500\n"), ("acts.csv", b"\x00\xff"))
    assert kept.state == STATE
    assert store.last_upload(with_data=False).files == ()  # the banner reads names only
    store.keep_upload([("feb.csv", b"Client,Revenue\nB,1\nC,2\n")], {"sheets": {}}, 2)
    kept = store.last_upload()
    assert kept.names == ("feb.csv",) and kept.clients == 2
    assert [a.id for a in store.list()] == [saved]  # the last upload is not a saved analysis
    store.forget_upload()
    assert store.last_upload() is None and [a.id for a in store.list()] == [saved]


def test_a_damaged_last_upload_is_refused(tmp_path):
    store = AnalysisStore(tmp_path / "analyses.db")
    store.keep_upload([("jan.csv", b"Client,Revenue\nAcme,500\n")], STATE, 1)
    with sqlite3.connect(tmp_path / "analyses.db") as conn:
        conn.execute("UPDATE last_upload SET data = ?", [b"Client,Revenue\nAcme,5000\n"])
    with pytest.raises(CorruptDatabaseError):
        store.last_upload()


def test_each_owner_finds_only_their_own_last_upload(tmp_path):
    store = AnalysisStore(tmp_path / "analyses.db")
    store.keep_upload([("north.csv", b"Client,Revenue\nN,1\n")], STATE, 1, owner="browser-1")
    store.keep_upload([("south.csv", b"Client,Revenue\nS,1\nT,2\n")], STATE, 2, owner="browser-2")
    assert store.last_upload(owner="browser-1").names == ("north.csv",)
    assert store.last_upload(owner="browser-2").names == ("south.csv",)
    assert store.last_upload(owner="browser-3") is None and store.last_upload() is None
    store.forget_upload(owner="browser-1")
    assert store.last_upload(owner="browser-1") is None
    assert store.last_upload(owner="browser-2").names == ("south.csv",)
