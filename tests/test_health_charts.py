"""The Health charts build valid Vega-Lite (altair validates to_dict()); the waterfall's bars by hand."""

import pandas as pd

from portfolio_core import demo_portfolio
from portfolio_core.analysis.cohorts import cohort_table
from portfolio_core.report.charts_health import bridge_chart, bridge_frame, cohort_chart, prediction_chart

FIGURES = {"start": 100.0, "expansion": 30.0, "contraction": 10.0, "churned": 25.0, "new": 5.0, "end": 100.0}


def test_the_waterfall_steps_by_hand():
    bars = bridge_frame(FIGURES)
    # 100 -> +30 = 130 -> -10 = 120 -> -25 = 95 -> +5 = 100
    assert bars[["low", "high"]].values.tolist() == [
        [0, 100],
        [100, 130],
        [120, 130],
        [95, 120],
        [95, 100],
        [0, 100],
    ]
    assert bars["kind"].tolist() == ["total", "up", "down", "down", "up", "total"]
    assert bars["amount"].tolist() == [100, 30, -10, -25, 5, 100]


def test_the_charts_are_valid_vega_lite():
    spec = bridge_chart(FIGURES).to_dict()
    assert spec["title"] == "Revenue bridge"
    cohorts = cohort_table(demo_portfolio().won(), "Q")
    heat = cohort_chart(cohorts).to_dict()
    tooltips = [t["title"] for t in heat["encoding"]["tooltip"]]
    assert "Clients still buying" in tooltips and "Clients in the cohort" in tooltips
    per_class = pd.DataFrame(
        {"last_12m": [10.0, 5.0, 1.0], "next_12m": [12.0, 4.0, 2.0]}, index=["A", "B", "C"]
    )
    assert prediction_chart(per_class).to_dict()["mark"]["type"] == "bar"
