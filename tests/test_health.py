"""Account health: the score's properties (0..100, monotone, weights renormalise), small cases by hand."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_core.analysis.health import (
    SIGNALS,
    by_priority,
    health_scores,
    portfolio_signals,
    trend_signal,
)
from portfolio_core.ingest.portfolio import Portfolio

signal = st.one_of(st.none(), st.floats(0.0, 1.0))
rows = st.lists(st.tuples(*[signal] * len(SIGNALS)), min_size=1, max_size=8)
weights = st.tuples(*[st.floats(0.01, 10.0)] * len(SIGNALS)).map(lambda w: dict(zip(SIGNALS, w, strict=True)))


def frame(values) -> pd.DataFrame:
    return pd.DataFrame(values, columns=list(SIGNALS), dtype="float64")


@given(rows, weights)
def test_the_score_is_between_0_and_100(values, w):
    score = health_scores(frame(values), w)["score"]
    present = frame(values).notna().any(axis=1)
    assert score[present].between(0.0, 100.0).all()
    assert score[~present].isna().all()


@given(rows, weights, st.sampled_from(SIGNALS), st.floats(0.0, 1.0))
def test_the_score_never_falls_when_a_signal_rises(values, w, name, rise):
    before = frame(values).fillna(0.0)
    after = before.copy()
    after[name] = np.minimum(after[name] + rise, 1.0)
    assert (health_scores(after, w)["score"] >= health_scores(before, w)["score"] - 1e-9).all()


@given(rows, weights, st.sampled_from(SIGNALS), st.floats(0.1, 100.0))
def test_missing_signals_drop_out_and_weights_renormalise(values, w, name, factor):
    signals = frame(values)
    full = health_scores(signals, w)["score"]
    # scaling every weight changes nothing
    scaled = health_scores(signals, {k: v * factor for k, v in w.items()})["score"]
    assert np.allclose(full, scaled, equal_nan=True)
    # a signal missing for everyone = the same score as without that signal
    missing = health_scores(signals.assign(**{name: np.nan}), w)["score"]
    without = health_scores(signals.drop(columns=name), w)["score"]
    assert np.allclose(missing, without, equal_nan=True)


def test_small_cases_by_hand():
    signals = pd.DataFrame(
        {"revenue_trend": [0.2, 1.0, 0.9], "activity": [0.6, np.nan, 0.1], "margin": [1.0, np.nan, np.nan]},
        index=["x", "y", "z"],
    )
    got = health_scores(signals, {"revenue_trend": 2.0, "activity": 1.0, "margin": 1.0})
    # x: (2 * 0.2 + 0.6 + 1.0) / 4 = 0.5 -> 50, watch; losses 1.6, 0.4, 0: revenue_trend pulls it down
    # y: only revenue_trend: 100, healthy, nothing pulls it down
    # z: (1.8 + 0.1) / 3 = 63.33, watch; losses 0.2, 0.9: activity
    assert got["score"].round(2).tolist() == [50.0, 100.0, 63.33]
    assert got["level"].tolist() == ["watch", "healthy", "watch"]
    assert got["weakest"].tolist()[0] == "revenue_trend" and pd.isna(got["weakest"]["y"])
    assert got.loc["z", "weakest"] == "activity"
    assert health_scores(pd.DataFrame({"margin": [0.39]}), {"margin": 1.0})["level"].tolist() == ["at_risk"]


def test_the_trend_signal_by_hand():
    got = trend_signal(pd.Series([100.0, 100.0, 0.0, 50.0]), pd.Series([150.0, -20.0, 30.0, 50.0]))
    assert got.tolist() == [0.5 + (50 / 150) / 2, 0.0, 1.0, 0.5]


def test_falling_a_and_b_clients_come_first():
    table = pd.DataFrame(
        {"score": [10.0, 60.0, 80.0, 30.0], "revenue_trend": [0.1, 0.4, 0.3, 0.9]},
        index=["c1", "a1", "b1", "a2"],
    )
    classes = pd.Series({"c1": "C", "a1": "A", "b1": "B", "a2": "A"})
    ordered = by_priority(table, classes)
    # a1 and b1 fall while A/B (by score: 60, 80); then the rest by score: c1 10, a2 30
    assert ordered.index.tolist() == ["a1", "b1", "c1", "a2"]
    assert ordered["priority"].tolist() == [True, True, False, False]


def test_signals_from_a_small_portfolio_by_hand():
    tx = pd.DataFrame(
        [  # client, date, amount, margin, stage
            ("x", "2023-03-01", 100.0, 40.0, "won"), ("x", "2024-03-01", 50.0, 20.0, "won"),
            ("x", "2023-04-01", 10.0, 0.0, "lost"), ("x", "2024-04-01", 10.0, 0.0, "won"),
            ("y", "2023-03-01", 100.0, 10.0, "won"), ("y", "2024-03-01", 300.0, 30.0, "won"),
        ],
        columns=["client", "date", "amount", "margin", "stage"],
    ).assign(date=lambda d: pd.to_datetime(d["date"]))  # fmt: skip
    acts = pd.DataFrame(
        {"client": ["x", "x", "y"], "date": pd.to_datetime(["2023-05-01", "2024-05-01", "2024-05-01"]),
         "type": ["call"] * 3, "hours": [10.0, 2.0, 5.0]}
    )  # fmt: skip
    clients = pd.DataFrame({"status": ["active", "active"]}, index=pd.Index(["x", "y"], name="client"))
    p = Portfolio(clients, tx, acts)
    period1 = (pd.Timestamp("2023-01-01"), pd.Timestamp("2023-12-31"))
    period2 = (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"))
    s = portfolio_signals(p, clients.index, (period1, period2))
    # x: revenue 100 -> 60: 0.5 - (40/100)/2 = 0.3; y: 100 -> 300: 0.5 + (200/300)/2
    assert s.loc["x", "revenue_trend"] == pytest.approx(0.3)
    assert s.loc["y", "revenue_trend"] == pytest.approx(0.5 + 1 / 3)
    # x won 1 of 2 closed deals in 2023, 2 of 2 in 2024: 0.5 + (1 - 0.5) / 2; y: 1 of 1 each year: 0.5
    assert s["win_rate_trend"].tolist() == [0.75, 0.5]
    # x: revenue per hour 100/10 = 10 -> 60/2 = 30: 0.5 + (20/30)/2; y: no hours in 2023
    assert s.loc["x", "effort_trend"] == pytest.approx(0.5 + 1 / 3) and pd.isna(s.loc["y", "effort_trend"])
    # margin rates: x 60/160 = 0.375, y 40/400 = 0.1, median 0.2375: rate / (2 * median)
    assert s.loc["x", "margin"] == pytest.approx(0.375 / 0.475) and s.loc["y", "margin"] == pytest.approx(
        0.1 / 0.475
    )
    assert s["activity"].isna().all()  # no fit given
