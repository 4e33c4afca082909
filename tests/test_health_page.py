"""The Health page through app.py (AppTest): NRR and GRR on the demo against plain SQL (DuckDB), and a
file without dates says what is missing."""

import duckdb
import pandas as pd

from portfolio_core import demo_portfolio
from tests.conftest import SMALL_CSV, open_tab, over_tabs, shown

PAGE = "pages/health.py"

# The demo's last sale is on 2026-10-31: this period is the 12 months to it, the last period the 12 before.
RETENTION_SQL = """
WITH per_client AS (
    SELECT c.client,
        COALESCE(SUM(t.amount) FILTER (WHERE t.date BETWEEN '2024-11-01' AND '2025-10-31'), 0) AS r1,
        COALESCE(SUM(t.amount) FILTER (WHERE t.date BETWEEN '2025-11-01' AND '2026-10-31'), 0) AS r2
    FROM clients c JOIN tx t ON t.client = c.client
    WHERE c.status = 'active' AND t.stage = 'won'
    GROUP BY c.client
)
SELECT SUM(r2) / SUM(r1) AS nrr, SUM(LEAST(r1, r2)) / SUM(r1) AS grr FROM per_client WHERE r1 > 0
"""


def metrics(at) -> dict:
    """Every metric of the page, tab by tab."""
    return dict(over_tabs(at, lambda at: [(m.label, m.value) for m in at.metric]))


def test_nrr_and_grr_on_the_demo_match_sql(app):
    p = demo_portfolio()
    assert p.transactions["date"].max() == pd.Timestamp("2026-10-31")
    con = duckdb.connect()
    con.register("tx", p.transactions.assign(date=p.transactions["date"].dt.date))
    con.register("clients", p.clients[["status"]].reset_index())
    nrr, grr = con.execute(RETENTION_SQL).fetchone()
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception and not app.error
    assert app.title[0].value == "Health"
    m = metrics(app)
    assert m["Net revenue retention (NRR)"] == f"{nrr:.1%}"
    assert m["Gross revenue retention (GRR)"] == f"{grr:.1%}"
    assert 0 < grr < nrr < 1.5
    headers = [t.label for t in app.tabs]
    for section in ("Revenue retention", "Cohorts", "Predicted revenue", "Account health", "RFM segments"):
        assert section in headers, section
    assert int(m["A or B clients falling"]) >= 0
    levels = sum(int(m[level]) for level in ("Healthy", "Watch", "At risk"))
    assert levels == 400  # every active client of the demo gets a score


def test_a_file_without_dates_says_what_is_missing(app):
    app.run()
    app.get("file_uploader")[0].set_value(("clients.csv", SMALL_CSV, "text/csv")).run()
    app.switch_page(PAGE).run()
    assert not app.exception and not app.error
    text = " ".join(shown(i.value) for i in app.info)
    assert "no dates" in text and "date column" in text
    assert "Net revenue retention (NRR)" not in metrics(app)
    assert [t.label for t in app.tabs] == ["Account health", "Pricing opportunities"]


def test_a_large_portfolio_lists_the_first_thousand_clients_and_offers_them_all(app):
    rows = ["Client,Date,Amount"] + [
        f"K{i:04d},{2025 if k else 2024}-0{1 + i % 9}-15,{100 + i + 50 * k}"
        for i in range(1200)
        for k in (0, 1)
    ]
    app.run()
    app.get("file_uploader")[0].set_value(("big.csv", "\n".join(rows).encode(), "text/csv")).run()
    app.switch_page("pages/health.py").run()
    open_tab(app, "Account health")
    assert not app.exception and not app.error
    captions = " ".join(c.value for c in app.caption)
    assert "The 1,000 clients to look at first, of 1,200: the download has them all." in captions
    assert max(len(d.value) for d in app.dataframe) == 1000  # the browser gets a thousand rows, not 1,200
    assert any(b.label == "Download the health scores (CSV)" for b in app.get("download_button"))
