"""Pricing opportunities against hand-computed values."""

import pandas as pd
import pytest

from portfolio_core.analysis.pricing import pricing_opportunities

TABLE = pd.DataFrame(
    {  # a1..a4: class A, retail; i1, i2: class A, industry (too few peers)
        "revenue": [100.0, 200.0, 1000.0, 100.0, 100.0, 100.0],
        "margin": [40.0, 60.0, 100.0, 50.0, 50.0, 1.0],
        "hours": [10.0, 10.0, 200.0, 1.0, 1.0, 1.0],
    },
    index=["a1", "a2", "a3", "a4", "i1", "i2"],
)
PEERS = pd.DataFrame({"abc_class": ["A"] * 6, "sector": ["retail"] * 4 + ["industry"] * 2}, index=TABLE.index)


def test_opportunities_by_hand():
    got = pricing_opportunities(TABLE, PEERS)
    # retail margin rates 0.4, 0.3, 0.1, 0.5: median 0.35, a3 under 0.175: (0.35 - 0.1) x 1000 = 250
    # retail revenue per hour 10, 20, 5, 100: median 15, a3 under 7.5: (15 - 5) x 200 hours = 2000
    assert got["client"].tolist() == ["a3", "a3"]
    assert got["measure"].tolist() == ["revenue_per_hour", "margin_rate"]  # largest gain first
    assert got["gain"].tolist() == pytest.approx([2000.0, 250.0])
    assert got["peer_median"].tolist() == pytest.approx([15.0, 0.35])
    assert got["peers"].tolist() == [4, 4]


def test_far_is_a_parameter():
    # at 0.9 x the median: margin 0.315 catches a2 (0.3) too: (0.35 - 0.3) x 200 = 10
    got = pricing_opportunities(TABLE, PEERS, factor=0.9)
    margin = got[got["measure"] == "margin_rate"].set_index("client")["gain"]
    assert margin.to_dict() == pytest.approx({"a3": 250.0, "a2": 10.0})


def test_small_peer_groups_and_missing_columns():
    assert "i2" not in pricing_opportunities(TABLE, PEERS)["client"].tolist()  # 2 industry peers < 3
    assert "i2" in pricing_opportunities(TABLE, PEERS, min_peers=2)["client"].tolist()
    assert pricing_opportunities(TABLE[["revenue"]], PEERS).empty
