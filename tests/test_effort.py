"""Effort vs revenue: hand-computed shares, whale curve, scenarios, actions, CLI."""

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_core import Portfolio
from portfolio_core.analysis.actions import recommend
from portfolio_core.analysis.effort import (
    class_effort,
    client_economics,
    effort_hours,
    let_go,
    serve_less,
    share_of_clients_for,
    top_group_overlap,
    whale_curve,
)
from portfolio_core.i18n import Translator
from portfolio_core.report.words import action_words
from tests.test_cli import cli


def small_portfolio() -> Portfolio:
    clients = pd.DataFrame(
        {"status": ["active"] * 4 + ["prospect"]}, index=pd.Index(list("wxyzp"), name="client")
    )
    tx = pd.DataFrame({"client": list("wxyz"), "amount": [600.0, 300.0, 80.0, 20.0], "stage": "won"})
    acts = pd.DataFrame(
        {
            "client": ["w", "x", "y", "y", "z", "z", "p"],
            "type": ["Meeting", "Call", "Visit", "Call", "Appel", "Visite", "Visit"],
            "hours": [2.0, 1.0, None, 3.0, None, None, 9.0],
        }
    )
    return Portfolio(clients, tx, acts)


def test_missing_durations_take_the_default_of_their_type():
    hours = effort_hours(small_portfolio(), {"visit": 3.0, "call": 0.25})
    # y: visit (3 by default) + a logged 3 h call; z: "Appel" = call 0.25 + "Visite" = visit 3.
    # the prospect p is outside the portfolio.
    assert hours.to_dict() == {"w": 2.0, "x": 1.0, "y": 6.0, "z": 3.25}


def test_effort_shares_per_class_by_hand():
    p = small_portfolio()
    hours = pd.Series({"w": 2.0, "x": 1.0, "y": 6.0, "z": 3.25})
    classes = pd.Series({"w": "A", "x": "A", "y": "B", "z": "C"})
    econ = client_economics(p.values(), hours, classes, hourly_cost=10)
    per_class = class_effort(econ.table)
    # total hours 12.25: A 3, B 6, C 3.25
    assert per_class["effort_share"].round(4).to_dict() == {"A": 0.2449, "B": 0.4898, "C": 0.2653}
    assert per_class["revenue_share"].to_dict() == {"A": 0.9, "B": 0.08, "C": 0.02}
    assert per_class.loc["A", "revenue_per_hour"] == 300.0  # 900 / 3
    # no margin column: profit = revenue - hours x 10
    assert econ.table["profit"].to_dict() == {"w": 580.0, "x": 290.0, "y": 20.0, "z": -12.5}
    assert not econ.margin_known


def test_share_of_clients_for_80_percent_of_effort():
    # hours 6, 3.25, 2, 1 (total 12.25): 6 + 3.25 = 9.25 (75.5 %) < 80 %, + 2 = 11.25 (91.8 %) -> 3 of 4
    assert share_of_clients_for(pd.Series({"w": 2.0, "x": 1.0, "y": 6.0, "z": 3.25})) == 0.75


def test_overlap_of_the_two_top_groups():
    revenue = pd.Series({"w": 600.0, "x": 300.0, "y": 80.0, "z": 20.0})  # top 80 %: w, x
    hours = pd.Series({"w": 2.0, "x": 1.0, "y": 6.0, "z": 3.25})  # top 80 %: y, z, w
    assert list(top_group_overlap(revenue, hours)) == ["w"]


def test_whale_curve_by_hand():
    curve = whale_curve(pd.Series({"a": -30.0, "b": 100.0, "c": 50.0, "d": -10.0}))
    # ranked 100, 50, -10, -30: cumulative 0, 100, 150, 140, 110; peak 150 after 2 clients
    assert curve["cumulative_profit"].tolist() == [0.0, 100.0, 150.0, 140.0, 110.0]
    assert curve.loc[curve["cumulative_profit"].idxmax(), "rank"] == 2


def test_quadrants_follow_the_lines():
    econ = client_economics(
        pd.Series({"dev": 900.0, "keep": 800.0, "cheap": 10.0, "recon": 20.0}),
        pd.Series({"dev": 1.0, "keep": 50.0, "cheap": 1.0, "recon": 40.0}),
        pd.Series({"dev": "A", "keep": "A", "cheap": "C", "recon": "C"}),
    )
    # medians: revenue 410, hours 20.5
    assert econ.table["quadrant"].to_dict() == {
        "dev": "Develop", "keep": "Keep", "cheap": "Serve cheaper", "recon": "Reconsider",
    }  # fmt: skip


def test_scenarios_free_hours_and_name_what_is_at_risk():
    table = pd.DataFrame(
        {
            "revenue": [1000.0, 50.0, 30.0],
            "margin": [400.0, 20.0, 5.0],
            "hours": [10.0, 8.0, 2.0],
            "profit": [-200.0, -460.0, -115.0],
            "abc_class": ["A", "C", "C"],
        },
        index=["big", "small", "tiny"],
    )
    less = serve_less(table, ("C",), 0.5, hourly_cost=60)
    assert (less.hours_freed, less.cost_saved, less.revenue_at_risk) == (5.0, 300.0, 80.0)
    gone = let_go(table, profit_below=-150, hourly_cost=60)
    assert list(gone.clients.index) == ["big", "small"]
    assert (gone.hours_freed, gone.revenue_at_risk, gone.margin_at_risk) == (18.0, 1050.0, 420.0)


def test_actions_follow_the_article():
    p = small_portfolio()
    table = pd.DataFrame(
        {
            "revenue": [600.0, 300.0, 80.0, 20.0], "margin": [600.0, 300.0, 80.0, 20.0],
            "hours": [2.0, 1.0, 6.0, 3.25], "profit": [480.0, 240.0, 44.0, -30.0],
            "abc_class": ["A", "A", "B", "C"], "quadrant": ["Keep", "Develop", "Keep", "Reconsider"],
        },
        index=list("wxyz"),
    )  # fmt: skip
    codes = recommend(table, p, pd.Series({"y": 500.0}))
    assert codes.loc["y", "action"] == "develop_potential"  # 500 potential vs 80 a year
    out = action_words(codes, Translator("en"))
    assert out.loc["w", "action"].startswith("Retain")
    assert out.loc["y", "action"] == "Develop: unmet potential"
    assert out.loc["z", "action"].startswith("Reprice or let go")
    french = action_words(codes, Translator("fr"))
    assert french.loc["y", "action"] == "Développer : potentiel non exploité"


hours_lists = st.lists(st.floats(0, 1e4, allow_nan=False), min_size=1, max_size=40)


@given(hours_lists)
def test_effort_shares_sum_to_one(hours):
    h = pd.Series(hours, index=[f"c{i}" for i in range(len(hours))])
    if h.sum() <= 0:
        return
    classes = pd.Series(np.resize(["A", "B", "C"], len(h)), index=h.index)
    econ = client_economics(pd.Series(1.0, index=h.index), h, classes)
    assert class_effort(econ.table)["effort_share"].sum() == pytest.approx(1.0)


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=3000))
def test_whale_curve_ends_at_total_profit_and_keeps_its_peak(profits):
    curve = whale_curve(pd.Series(profits))
    assert curve["cumulative_profit"].iloc[-1] == pytest.approx(sum(profits), abs=1e-6)
    best = np.max(np.concatenate([[0.0], np.cumsum(sorted(profits, reverse=True))]))
    assert curve["cumulative_profit"].max() == pytest.approx(best, abs=1e-6)
    assert len(curve) <= 1002


def test_cli_summary_with_activities(tmp_path):
    (tmp_path / "sales.csv").write_text("Client,Revenue\nw,600\nx,300\ny,80\nz,20\n", encoding="utf-8")
    (tmp_path / "log.csv").write_text(
        "Client,Date,Type,Hours\nw,2024-01-02,Meeting,2\nx,2024-01-03,Call,1\ny,2024-02-01,Visit,6\n"
        "z,2024-03-01,Call,3.25\n",
        encoding="utf-8",
    )
    result = cli("summary", str(tmp_path / "sales.csv"), "--activities", str(tmp_path / "log.csv"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # classes: before 0 (w), .6 (x) -> A; .9 (y) -> B; .98 (z) -> C
    assert data["classes"]["A"]["effort_hours"] == 3.0
    assert data["classes"]["B"]["effort_share"] == pytest.approx(6 / 12.25)
    assert data["effort"] == {"total_hours": 12.25, "client_share_80pct_effort": 0.75}


def test_large_scatters_are_grouped_but_every_client_is_counted():
    from portfolio_core.analysis.effort import scatter_points
    from portfolio_core.report.charts import effort_scatter

    n = 20_000
    rng = np.random.default_rng(3)
    table = pd.DataFrame(
        {
            "revenue": rng.pareto(1.2, n) * 1000 + 1,
            "hours": rng.pareto(1.5, n) * 5 + 0.1,
            "margin": 1.0,
            "profit": 1.0,
            "abc_class": rng.choice(list("ABC"), n),
            "quadrant": "Keep",
            "label": "x",
        },
        index=[f"c{i}" for i in range(n)],
    )
    points, grouped = scatter_points(table, max_points=3000)
    assert len(points) <= 3000
    individual = ~points.index.str.startswith("group-")
    assert points["clients"].sum() == n and grouped == n - individual.sum()
    assert table["revenue"].idxmax() in points.index  # the biggest client stays a point of its own
    chart = effort_scatter(table.rename_axis("client").reset_index(), 100.0, 5.0).to_dict()
    assert "in groups" in str(chart["title"])
    assert max(len(v) for v in chart["datasets"].values()) <= 3000  # what the browser receives
