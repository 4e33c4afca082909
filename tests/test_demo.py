"""The demo portfolio is plausible, deterministic, and survives a trip through CSV exports."""

from portfolio_core import build_portfolio, classify_abc, demo_portfolio, read_table
from portfolio_core.ingest.demo import COUNTS, MANAGERS
from portfolio_core.report.demo_files import write_demo


def test_demo_is_deterministic():
    first, second = demo_portfolio(), demo_portfolio()
    assert first.values().equals(second.values())
    assert first.activities.equals(second.activities)


def test_demo_has_the_promised_shape():
    p = demo_portfolio()
    assert p.scope_counts() == COUNTS
    assert set(p.clients["account_manager"]) == set(MANAGERS)
    assert {"won", "lost", "open"} <= set(p.transactions["stage"])
    assert p.transactions["date"].dt.year.nunique() >= 3
    assert (p.activities["hours"] > 0).all()
    # partners buy nothing, prospects never won a deal
    won_clients = set(p.won()["client"])
    prospects = p.clients.index[p.clients["status"] == "prospect"]
    assert won_clients.isdisjoint(prospects)


def test_demo_revenue_is_skewed_like_a_real_portfolio():
    classes = classify_abc(demo_portfolio().values())
    share_of_clients_in_a = (classes["abc_class"] == "A").mean()
    # 80 % of revenue from well under half of the clients (Pareto), but not from one or two
    assert 0.1 <= share_of_clients_in_a <= 0.35


def test_demo_exports_load_back_to_the_same_revenue(tmp_path):
    paths = write_demo(tmp_path)
    tables = [read_table(p.read_bytes(), p.name) for p in paths]
    loaded, report = build_portfolio(tables)
    original = demo_portfolio()
    assert {t.role for t in report.tables} == {"clients", "transactions", "activities"}
    assert report.rejected_count == 0
    assert loaded.scope_counts() == original.scope_counts()
    a, b = original.values().sort_index(), loaded.values().sort_index()
    assert list(a.index) == list(b.index)
    assert (a - b).abs().max() < 0.01
