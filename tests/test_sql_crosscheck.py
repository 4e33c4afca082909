"""A second, independent computation of the headline figures, in plain SQL (DuckDB).

The loader's parsed tables (the mapped, typed rows before any aggregation: one row per sale or
deal, per company, per activity) go to DuckDB; the SQL below aggregates and classifies them itself,
from the definitions of DESIGN.md and docs/definitions.md, and must give the core's figures on
every accepted corpus file and on the demo portfolio:

- per-client totals: the won amounts of each company in scope (status active), 0 without any;
- class counts: the ABC rule with window sums (``RANGE``, so tied values share a class);
- Gini, HHI over the totals clipped at 0;
- the win rate over every company's closed deals, overall and per deal owner;
- effort (hours) per class.
"""

import json

import duckdb
import pandas as pd
import pytest

from portfolio_core import classify_abc, demo_portfolio
from portfolio_core.analysis.effort import DEFAULT_HOURS, activity_kind, effort_hours
from portfolio_core.analysis.kpis import kpi_summary, win_rates
from portfolio_core.analysis.summary import summary_dict
from portfolio_core.ingest.files import load_paths
from portfolio_core.ingest.portfolio import Portfolio
from tests.conftest import DATA

A, B = 0.80, 0.95
CASES = [
    c for c in json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))["cases"] if "error" not in c
]

CLASSES_SQL = """
WITH scope AS (
    SELECT client FROM clients WHERE status = 'active'
), totals AS (                        -- per client: its won amounts, whatever they add up to
    SELECT s.client, COALESCE(SUM(t.amount) FILTER (WHERE t.stage = 'won'), 0.0) AS v
    FROM scope s LEFT JOIN tx t ON t.client = s.client
    GROUP BY s.client
), pos AS (
    SELECT client, v, GREATEST(v, 0.0) AS p FROM totals
), total AS (
    SELECT SUM(p) AS t FROM pos
), ranked AS (                        -- before(v): the values strictly greater than v, over T
    SELECT client, v, p,
        (SUM(p) OVER (ORDER BY v DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
         - SUM(p) OVER (PARTITION BY v)) / t AS before
    FROM pos, total
)
SELECT client, v, p,
    CASE WHEN v <= 0 THEN 'C'
         WHEN before < $a - 1e-12 THEN 'A'
         WHEN before < $b - 1e-12 THEN 'B'
         ELSE 'C' END AS cls
FROM ranked
"""

CONCENTRATION_SQL = """
WITH c AS (SELECT p, ROW_NUMBER() OVER (ORDER BY p) AS i, COUNT(*) OVER () AS n FROM classes),
     total AS (SELECT SUM(p) AS t FROM classes)
SELECT
    (SELECT SUM((2 * i - n - 1) * p) / (MAX(n) * SUM(p)) FROM c) AS gini,
    (SELECT SUM((p / t) * (p / t)) FROM classes, total) AS hhi,
    (SELECT MAX(p) / MAX(t) FROM classes, total) AS top1_share
"""

WIN_RATE_SQL = """
SELECT
    COUNT(*) FILTER (WHERE stage = 'won') AS won,
    COUNT(*) FILTER (WHERE stage = 'lost') AS lost,
    COUNT(*) FILTER (WHERE stage <> 'won') AS not_won
FROM tx                               -- every company's deals: prospects, former clients included
"""

OWNER_SQL = """
SELECT COALESCE(t.owner, c.account_manager, '(blank)') AS owner,
    COUNT(*) FILTER (WHERE t.stage = 'won') * 1.0
        / NULLIF(COUNT(*) FILTER (WHERE t.stage IN ('won', 'lost')), 0) AS win_rate
FROM tx t LEFT JOIN clients c ON c.client = t.client
GROUP BY 1
"""

EFFORT_SQL = """
WITH hours AS (                       -- logged hours, else the default duration of the activity's kind
    SELECT a.client, COALESCE(a.hours, d.hours) AS h
    FROM acts a LEFT JOIN defaults d ON d.kind = a.kind
), per_client AS (
    SELECT c.client, c.cls, COALESCE(SUM(h.h), 0.0) AS h
    FROM classes c LEFT JOIN hours h ON h.client = c.client
    GROUP BY c.client, c.cls
)
SELECT cls, SUM(h) AS hours, COALESCE(SUM(h) / NULLIF(SUM(SUM(h)) OVER (), 0), 0.0) AS share
FROM per_client GROUP BY cls
"""


def sql_figures(p: Portfolio) -> dict:
    """The headline figures computed in DuckDB from the portfolio's raw rows."""
    con = duckdb.connect()
    t = p.transactions
    tx = pd.DataFrame(
        {
            "client": t["client"].astype(str).to_numpy(),
            "amount": t["amount"].astype("float64").to_numpy(),
            "stage": t["stage"].astype(str).to_numpy(),
            "owner": t["account_manager"].astype(object).to_numpy() if "account_manager" in t else None,
        }
    )
    c = p.clients
    clients = pd.DataFrame(
        {
            "client": c.index.astype(str).to_numpy(),
            "status": c["status"].astype(str).to_numpy(),
            "account_manager": c["account_manager"].astype(object).to_numpy()
            if "account_manager" in c
            else None,
        }
    )
    a = p.activities
    acts = pd.DataFrame(
        {
            "client": a["client"].astype(str).to_numpy(),
            "hours": pd.to_numeric(a["hours"], errors="coerce").to_numpy() if "hours" in a else float("nan"),
            # the kind of each row's free-text type (a row's typing, as the loader's stage is)
            "kind": activity_kind(a["type"] if "type" in a else pd.Series("", index=a.index)).to_numpy()
            if len(a)
            else [],
        }
    )
    defaults = pd.DataFrame({"kind": list(DEFAULT_HOURS), "hours": list(DEFAULT_HOURS.values())})
    for name, frame in (("tx", tx), ("clients", clients), ("acts", acts), ("defaults", defaults)):
        con.register(name, frame)
    classes = con.execute(CLASSES_SQL, {"a": A, "b": B}).df().set_index("client")
    con.register("classes", classes.reset_index())
    gini, hhi, top1 = con.execute(CONCENTRATION_SQL).fetchone()
    won, lost, not_won = con.execute(WIN_RATE_SQL).fetchone()
    out = {
        "totals": classes["v"].sort_index(),
        "classes": classes["cls"].sort_index(),
        "counts": {k: int((classes["cls"] == k).sum()) for k in "ABC"},
        "gini": gini,
        "hhi": hhi,
        "top1_share": top1,
        "effort": {
            row.cls: (row.hours, row.share) for row in con.execute(EFFORT_SQL).df().itertuples(index=False)
        },
    }
    if won + lost > 0 and not_won > 0:  # deal stages: something won or lost, and not everything won
        out["win_rate"] = won / (won + lost)
        out["per_owner"] = con.execute(OWNER_SQL).df().set_index("owner")["win_rate"].dropna().sort_index()
    return out


def check(p: Portfolio) -> None:
    """The core's figures (as ``summary --json`` computes them) equal the SQL's."""
    values = p.values()
    classified = classify_abc(values, A, B)
    hours = effort_hours(p)
    core = summary_dict(classified, hours)
    core.update(kpi_summary(p, classified["value"]))
    sql = sql_figures(p)

    assert sorted(values.index) == sorted(sql["totals"].index)
    assert values.sort_index().to_numpy() == pytest.approx(sql["totals"].to_numpy(), rel=1e-9, abs=1e-9)
    assert classified["abc_class"].sort_index().to_dict() == sql["classes"].to_dict()
    assert {k: core["classes"][k]["clients"] for k in "ABC"} == sql["counts"]
    assert core["clients"] == sum(sql["counts"].values())
    conc = core["concentration"]
    assert conc["gini"] == pytest.approx(sql["gini"], rel=1e-9, abs=1e-12)
    assert conc["hhi"] == pytest.approx(sql["hhi"], rel=1e-9)
    assert conc["top1_share"] == pytest.approx(sql["top1_share"], rel=1e-9)
    assert ("win_rate" in core) == ("win_rate" in sql)
    if "win_rate" in sql:
        assert core["win_rate"] == pytest.approx(sql["win_rate"], rel=1e-12)
        per_owner = win_rates(p, by="account_manager")["win_rate"].dropna().sort_index()
        if "account_manager" in p.clients or "account_manager" in p.transactions:
            assert per_owner.to_dict() == pytest.approx(sql["per_owner"].to_dict(), rel=1e-12)
    for cls in "ABC":
        hours_sql, share_sql = sql["effort"].get(cls, (0.0, 0.0))
        assert core["classes"][cls]["effort_hours"] == pytest.approx(hours_sql, rel=1e-9, abs=1e-9)
        assert core["classes"][cls]["effort_share"] == pytest.approx(share_sql, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("case", CASES, ids=[" + ".join(c["files"]) for c in CASES])
def test_sql_gives_the_core_s_figures_on_the_corpus(case):
    p, _ = load_paths([str(DATA / "corpus" / f) for f in case["files"]])
    check(p)


def test_sql_gives_the_core_s_figures_on_the_demo():
    p = demo_portfolio()
    check(p)
    sql = sql_figures(p)
    # the demo is large enough for every class and has stages and prospects with lost deals only
    assert min(sql["counts"].values()) > 0 and "win_rate" in sql
    prospects = p.clients.index[p.clients["status"] == "prospect"]
    assert p.transactions["client"].isin(prospects).any()


def test_sql_agrees_on_ties_and_on_clients_without_net_revenue():
    # totals 50, 50, 30, 0 (netted), -10: T = 130; before(50) = 0, before(30) = 100/130 = .77 -> A;
    # a tie at 50 puts both in A; the netted and negative clients are in C; effort: A 3 h, C 1 h
    clients = pd.DataFrame(
        {"status": ["active"] * 5 + ["prospect"]}, index=pd.Index(list("uvwxyz"), name="client")
    )
    tx = pd.DataFrame(
        {
            "client": list("uvwxxyz"),
            "amount": [50.0, 50.0, 30.0, 20.0, -20.0, -10.0, 99.0],
            "stage": ["won"] * 6 + ["lost"],
        }
    )
    acts = pd.DataFrame({"client": ["u", "w", "x"], "type": ["call"] * 3, "hours": [2.0, 1.0, 1.0]})
    p = Portfolio(clients, tx, acts)
    check(p)
    sql = sql_figures(p)
    assert sql["classes"].to_dict() == {"u": "A", "v": "A", "w": "A", "x": "C", "y": "C"}
    assert sql["effort"]["A"][0] == 3.0 and sql["effort"]["C"][0] == 1.0
    assert sql["win_rate"] == pytest.approx(6 / 7)  # won 6, lost 1 (the prospect z's)
