"""The Data page's "Connect to a database": a connection from the server's secrets, a table, its
columns recognised, and the analysis on the database's per-client totals; no URL or password shown."""

from __future__ import annotations

import duckdb
import pytest

from portfolio_core.store.analyses import AnalysisStore
from tests.conftest import shown
from tests.test_uploads_page import metrics

PASSWORD = "s3cret-pw"
# Acme 500 + 100 won, 50 lost; Beta 300; Gamma 200 then a 200 credit note (0 net: still a client);
# Delta only an open deal (not a client). T = 900: before = 0, .667, 1 -> A 2, C 1 at 80 / 95.
ROWS = [
    ("Acme", 500.0, "Won"), ("Acme", 100.0, "Won"), ("Acme", 50.0, "Lost"), ("Beta", 300.0, "Won"),
    ("Gamma", 200.0, "Won"), ("Gamma", -200.0, "Credit note"), ("Delta", 80.0, "Proposal"),
]  # fmt: skip


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "sales.db"
    with duckdb.connect(str(path)) as con:
        con.execute('CREATE TABLE deals ("Company" VARCHAR, "Deal value" DOUBLE, "Stage" VARCHAR)')
        con.executemany("INSERT INTO deals VALUES (?, ?, ?)", ROWS)
        con.execute("CREATE VIEW empty_view AS SELECT 1 AS x")
    return path


def texts(at) -> str:
    return " ".join(
        shown(str(e.value)) for e in [*at.markdown, *at.caption, *at.info, *at.error, *at.subheader]
    )


def test_without_a_connection_the_page_says_who_can_add_one(app):
    app.run()
    app.switch_page("pages/data.py").run()
    assert not app.exception
    assert any("No database connection is set up" in shown(i.value) for i in app.info)


def test_a_table_is_analysed_by_the_database_and_named_without_its_url(app, db):
    app.secrets["connections"] = {"sales": {"url": f"duckdb:///{db}"}}
    app.run()
    app.switch_page("pages/data.py").run()
    assert app.selectbox(key="db_connection").value == "sales"
    table = app.selectbox(key="db_table:sales")
    assert "deals" in table.options
    table.set_value("deals").run()
    # the columns were recognised from their headers
    assert app.selectbox(key="db_map:sales:deals:client").value == "Company"
    assert app.selectbox(key="db_map:sales:deals:amount").value == "Deal value"
    assert app.selectbox(key="db_map:sales:deals:stage").value == "Stage"
    app.button(key="db_analyse").click().run()
    assert not app.exception and not app.error
    # Acme, Beta and Gamma bought (Gamma nets to 0 and stays a client); Delta has an open deal only
    assert metrics(app)["Clients in the portfolio"] == "3"
    assert metrics(app)["Transactions"] == "7"  # every row of the table, not the per-client totals
    assert any(shown(h.value) == "Loaded: sales · deals" for h in app.subheader)
    assert str(db) not in texts(app)
    app.switch_page("pages/abc.py").run()
    assert metrics(app) == {"A clients": "2", "B clients": "0", "C clients": "1"}


def test_a_connection_that_fails_says_so_without_its_password(app, tmp_path):
    url = f"postgresql://zoe_db:{PASSWORD}@127.0.0.1:1/nowhere"
    app.secrets["connections"] = {"crm": {"url": url}}
    app.run()
    app.switch_page("pages/data.py").run()
    assert not app.exception
    assert app.error, "a refused connection is said"
    said = texts(app)
    assert "“crm” cannot be reached" in said
    assert PASSWORD not in said and "zoe_db" not in said and "127.0.0.1" not in said  # no URL, user or host
    assert metrics(app)["Clients in the portfolio"] != "0"  # the data loaded before is still there


def test_a_saved_analysis_keeps_the_table_and_columns_not_the_connection(app, db, tmp_path):
    app.secrets["connections"] = {"sales": {"url": f"duckdb:///{db}"}}
    app.run()
    app.switch_page("pages/data.py").run()
    app.selectbox(key="db_table:sales").set_value("deals").run()
    app.button(key="db_analyse").click().run()
    app.switch_page("pages/saved.py").run()
    app.text_input(key="sv_name").set_value("From the warehouse")
    next(b for b in app.button if b.label == "Save").click().run()
    assert not app.exception and not app.error
    (entry,) = AnalysisStore(tmp_path / "analyses.db").list()
    assert entry.source == "sales · deals" and entry.clients == 3
    _portfolio, _settings, mapping, _entry = AnalysisStore(tmp_path / "analyses.db").load(entry.id)
    assert mapping == {"deals": {"client": "Company", "amount": "Deal value", "stage": "Stage"}}
    stored = (tmp_path / "analyses.db").read_bytes()
    assert str(db).encode() not in stored and b"duckdb://" not in stored  # no connection kept
