"""Cohort cells against hand-computed values."""

import pandas as pd

from portfolio_core.analysis.cohorts import cohort_table

SALES = pd.DataFrame(
    [
        ("a", "2024-01-15", 100.0), ("a", "2024-05-10", 50.0), ("a", "2024-11-01", 20.0),
        ("b", "2024-02-01", 200.0), ("b", "2024-03-01", -50.0),  # a credit note in the same quarter
        ("c", "2024-04-02", 80.0), ("c", "2024-07-01", -30.0),  # a lone credit note: not buying in Q3
        ("d", "2024-06-30", 40.0), ("d", "2024-10-01", 60.0),
        ("e", None, 999.0),  # undated: ignored
    ],
    columns=["client", "date", "amount"],
).assign(date=lambda d: pd.to_datetime(d["date"]))  # fmt: skip


def test_quarterly_cells_by_hand():
    t = cohort_table(SALES, "Q").set_index(["cohort", "period"])
    want = {  # (cohort, period): (clients, buying, revenue)
        ("2024Q1", "2024Q1"): (2, 2, 250.0),
        ("2024Q1", "2024Q2"): (2, 1, 50.0),
        ("2024Q1", "2024Q3"): (2, 0, 0.0),
        ("2024Q1", "2024Q4"): (2, 1, 20.0),
        ("2024Q2", "2024Q2"): (2, 2, 120.0),
        ("2024Q2", "2024Q3"): (2, 0, -30.0),
        ("2024Q2", "2024Q4"): (2, 1, 60.0),
    }
    assert sorted(t.index) == sorted(want)
    for cell, (clients, buying, revenue) in want.items():
        row = t.loc[cell]
        assert (row["clients"], row["buying"], row["revenue"]) == (clients, buying, revenue), cell
        assert row["share"] == buying / clients
    assert t.loc[("2024Q1", "2024Q4"), "age"] == 3


def test_yearly_cohorts():
    t = cohort_table(SALES, "Y")
    assert t[["cohort", "period", "clients", "buying", "revenue"]].values.tolist() == [
        ["2024", "2024", 4, 4, 470.0]
    ]


def test_no_dates_no_cohorts():
    undated = pd.DataFrame({"client": ["x"], "date": [None], "amount": [1.0]})
    assert cohort_table(undated).empty
