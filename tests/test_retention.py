"""NRR, GRR and the revenue bridge against hand-computed values, credit notes included."""

import pandas as pd
import pytest

from portfolio_core.analysis.retention import client_bridge, last_two_years, retention_by, retention_summary

P1, P2 = last_two_years(pd.Timestamp("2024-12-31"))  # 2023 and 2024
ROWS = [  # client, date, amount
    ("a", "2023-01-01", 100.0), ("a", "2024-01-01", 150.0),  # expansion 50 (both ends of the periods)
    ("b", "2023-12-31", 200.0), ("b", "2024-06-01", 120.0),  # contraction 80
    ("c", "2023-05-01", 50.0),  # churned 50
    ("d", "2024-12-31", 70.0),  # new 70
    ("e", "2023-02-01", 100.0), ("e", "2023-03-01", -100.0), ("e", "2024-02-01", 30.0),  # nets 0: new 30
    ("f", "2023-02-01", 60.0), ("f", "2024-02-01", 40.0), ("f", "2024-03-01", -50.0),  # nets -10: churned 70
    ("g", "2023-04-01", -20.0),  # a lone credit note in period 1: not retained, new +20
    ("h", "2022-12-31", 500.0), ("h", "2025-01-01", 500.0),  # outside both periods
]  # fmt: skip


@pytest.fixture
def bridge() -> pd.DataFrame:
    sales = pd.DataFrame(ROWS, columns=["client", "date", "amount"])
    sales["date"] = pd.to_datetime(sales["date"])
    return client_bridge(sales, P1, P2)


def test_the_periods_are_the_two_calendar_years():
    assert (P1, P2) == (
        (pd.Timestamp("2023-01-01"), pd.Timestamp("2023-12-31")),
        (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31")),
    )


def test_the_bridge_by_hand_adds_up_exactly(bridge):
    s = retention_summary(bridge)
    # start 100 + 200 + 50 + 0 + 0 + 60 - 20 = 390; end 150 + 120 + 70 + 30 - 10 = 360
    assert s["start"] == 390.0 and s["end"] == 360.0
    assert (s["expansion"], s["contraction"], s["churned"], s["new"]) == (50.0, 80.0, 120.0, 120.0)
    assert s["start"] + s["expansion"] - s["contraction"] - s["churned"] + s["new"] == s["end"]
    assert "h" not in bridge.index


def test_nrr_and_grr_by_hand(bridge):
    s = retention_summary(bridge)
    # base: a, b, c, f (positive period-1 revenue) = 410; their period-2 revenue 150 + 120 + 0 - 10 = 260
    assert s["retained_clients"] == 4
    assert s["nrr"] == pytest.approx(260 / 410)
    # capped at period 1: 100 + 120 + 0 - 10 = 210
    assert s["grr"] == pytest.approx(210 / 410)


def test_clients_without_positive_period_1_revenue_are_new_not_retained(bridge):
    assert not bridge.loc[["d", "e", "g"], "retained"].any()
    assert bridge.loc[["d", "e", "g"], "new"].tolist() == [70.0, 30.0, 20.0]
    assert bridge.loc["f", "churned"] == 70.0  # 60 sold, then a net credit of 10


def test_per_group(bridge):
    groups = pd.Series({"a": "A", "b": "A", "c": "B", "d": "B", "e": "B", "f": "B", "g": "B"})
    table = retention_by(bridge, groups)
    assert table.loc["A", "nrr"] == pytest.approx(270 / 300)
    assert table.loc["A", "grr"] == pytest.approx(220 / 300)
    assert table.loc["B", "nrr"] == pytest.approx(-10 / 110)
    assert table["start"].sum() == 390.0


def test_no_period_1_revenue_gives_no_ratio():
    sales = pd.DataFrame({"client": ["x"], "date": pd.to_datetime(["2024-05-01"]), "amount": [10.0]})
    s = retention_summary(client_bridge(sales, P1, P2))
    assert pd.isna(s["nrr"]) and pd.isna(s["grr"]) and s["new"] == 10.0
