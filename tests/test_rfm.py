"""RFM scores and segments against hand-computed values."""

import pandas as pd
import pytest

from portfolio_core.analysis.rfm import quintile_score, rfm_table, segment_of, segments_by

SALES = pd.DataFrame(
    [
        ("a", "2024-12-31", 100.0), ("a", "2024-12-01", 100.0), ("a", "2024-11-01", 100.0),
        ("a", "2024-10-01", 100.0),
        ("b", "2024-12-20", 50.0), ("b", "2024-06-01", 50.0), ("b", "2024-03-01", 50.0),
        ("c", "2024-09-01", 300.0), ("c", "2024-09-01", -100.0),  # a credit note the same day: one day, 200
        ("d", "2024-01-01", 20.0), ("d", "2024-02-01", 20.0), ("d", "2024-03-01", 20.0),
        ("d", "2024-04-01", 20.0), ("d", "2024-05-01", 20.0),
        ("e", "2023-06-01", 1000.0),
    ],
    columns=["client", "date", "amount"],
).assign(date=lambda d: pd.to_datetime(d["date"]))  # fmt: skip


def test_scores_by_hand():
    t = rfm_table(SALES, pd.Timestamp("2024-12-31"))
    assert t["recency_days"].tolist() == [0, 11, 121, 244, 579]
    assert t["frequency"].tolist() == [4, 3, 1, 5, 1]
    assert t["monetary"].tolist() == [400, 150, 200, 100, 1000]
    # score = 1 + floor(5 x clients strictly worse / 5)
    assert t["r"].tolist() == [5, 4, 3, 2, 1]
    assert t["f"].tolist() == [4, 3, 1, 5, 1]  # c and e tie on 1 day: both 1
    assert t["m"].tolist() == [4, 2, 3, 1, 5]
    assert t["segment"].tolist() == ["champions", "potential_loyalists", "need_attention", "at_risk", "lost"]


def test_scores_do_not_depend_on_row_order():
    shuffled = SALES.sample(frac=1.0, random_state=3)
    pd.testing.assert_frame_equal(
        rfm_table(shuffled, pd.Timestamp("2024-12-31")), rfm_table(SALES, pd.Timestamp("2024-12-31"))
    )


def test_ties_share_a_score():
    assert quintile_score(pd.Series([7, 7, 7, 7])).tolist() == [1, 1, 1, 1]
    assert quintile_score(pd.Series(range(10))).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


@pytest.mark.parametrize(
    ("r", "f", "m", "segment"),
    [
        (5, 5, 5, "champions"), (3, 4, 1, "loyal"), (5, 4, 3, "loyal"), (4, 2, 5, "potential_loyalists"),
        (5, 1, 5, "new"), (2, 3, 1, "at_risk"), (1, 5, 5, "at_risk"), (3, 3, 3, "need_attention"),
        (2, 2, 5, "hibernating"), (1, 2, 1, "lost"),
    ],
)  # fmt: skip
def test_segment_rules(r, f, m, segment):
    one = pd.Series([r])
    assert segment_of(one, pd.Series([f]), pd.Series([m])).tolist() == [segment]


def test_segments_per_manager():
    t = rfm_table(SALES, pd.Timestamp("2024-12-31"))
    managers = pd.Series({"a": "Ann", "b": "Ann", "c": "Bob", "d": "Bob", "e": "Bob"})
    counts = segments_by(t, managers)
    assert counts.loc["Ann"].to_dict() == {
        "champions": 1, "loyal": 0, "potential_loyalists": 1, "new": 0, "at_risk": 0,
        "need_attention": 0, "hibernating": 0, "lost": 0,
    }  # fmt: skip
    assert counts.loc["Bob", ["need_attention", "at_risk", "lost"]].tolist() == [1, 1, 1]
    assert int(counts.to_numpy().sum()) == 5
