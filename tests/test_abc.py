"""ABC classification: hand-computed cases of the rule in DESIGN.md."""

import pandas as pd
import pytest

from portfolio_core import NoPositiveValueError, class_summary, classify_abc


def classes(values: dict, a: float = 0.8, b: float = 0.95, rule: str = "before") -> dict:
    return classify_abc(pd.Series(values, dtype="float64"), a, b, rule=rule)["abc_class"].to_dict()


def test_one_dominant_client_is_a_and_the_rest_c():
    # before: big 0, others 1000/1004 = 0.996 -> C. The spreadsheet rule puts big in C too
    # (its cumulative share 0.996 > 0.95): the reason it is not the default.
    values = {"big": 1000, "s1": 1, "s2": 1, "s3": 1, "s4": 1}
    assert classes(values) == {"big": "A", "s1": "C", "s2": "C", "s3": "C", "s4": "C"}
    assert set(classes(values, rule="spreadsheet").values()) == {"C"}


def test_client_crossing_the_cutoff_stays_in_the_upper_class():
    # total 100; before: x 0, y .5, z .8, w .9 -> with a=.6 b=.85: A A B C... z's before .8 < .85 -> B
    values = {"x": 50, "y": 30, "z": 10, "w": 10}
    # z and w tie at 10: both before = 0.8.
    assert classes(values, 0.6, 0.85) == {"x": "A", "y": "A", "z": "B", "w": "B"}
    # y crosses 60 % (cumulative 80 %) and is still A; at a = .5 exactly, before(y) = .5 is not < .5.
    assert classes(values, 0.5, 0.85)["y"] == "B"


def test_ties_across_a_cutoff_share_a_class():
    # 40, 20, 20, 20: before(20) = 0.4 for all three 20s; a = .5 -> all three A.
    values = {"p": 40, "q": 20, "r": 20, "s": 20}
    assert classes(values, 0.5, 0.9) == {"p": "A", "q": "A", "r": "A", "s": "A"}
    # Spreadsheet rule splits them by rank: cumulative .4, .6, .8, 1.0 with a=.5, b=.9
    assert classes(values, 0.5, 0.9, rule="spreadsheet") == {"p": "A", "q": "B", "r": "B", "s": "C"}


def test_all_equal_values_are_all_a():
    assert set(classes({c: 7 for c in "abcdefgh"}).values()) == {"A"}


def test_zero_and_negative_values_are_c_and_flagged():
    out = classify_abc(pd.Series({"x": 100.0, "zero": 0.0, "credit": -50.0}))
    assert out["abc_class"].to_dict() == {"x": "A", "zero": "C", "credit": "C"}
    assert out["non_positive"].to_dict() == {"x": False, "zero": True, "credit": True}
    # shares are of the positive total (100), so x holds all of it
    assert out.loc["x", "share"] == pytest.approx(1.0)


def test_single_client_is_a():
    assert classes({"only": 3.5}) == {"only": "A"}
    # The spreadsheet rule puts a lone client in C: its cumulative share 1.0 exceeds b = 0.95.
    assert classes({"only": 3.5}, rule="spreadsheet") == {"only": "C"}
    assert classes({"only": 3.5}, 0.8, 1.0, rule="spreadsheet") == {"only": "B"}


def test_spreadsheet_rule_includes_the_client_and_uses_less_or_equal():
    # cumulative: .5, .8, .95, 1.0 ; a=.8 b=.95 -> A A B C (the boundaries count as inside)
    values = {"w": 50, "x": 30, "y": 15, "z": 5}
    assert classes(values, rule="spreadsheet") == {"w": "A", "x": "A", "y": "B", "z": "C"}
    # before rule: .0, .5, .8, .95 -> A A B C as well
    assert classes(values) == {"w": "A", "x": "A", "y": "B", "z": "C"}


def test_no_positive_value_is_a_clear_error():
    with pytest.raises(NoPositiveValueError, match="no client has a positive value"):
        classify_abc(pd.Series({"x": 0.0, "y": -3.0}))


def test_bad_cutoffs_are_refused():
    with pytest.raises(ValueError, match="0 < a < b <= 1"):
        classify_abc(pd.Series({"x": 1.0}), 0.9, 0.8)


def test_summary_counts_and_shares():
    # 60/30/10 with a=.5 b=.9: before 0, .6, .9 -> A, B, C
    summary = class_summary(classify_abc(pd.Series({"x": 60.0, "y": 30.0, "z": 10.0}), 0.5, 0.9))
    assert summary["clients"].to_dict() == {"A": 1, "B": 1, "C": 1}
    assert summary["revenue_share"].round(6).to_dict() == {"A": 0.6, "B": 0.3, "C": 0.1}


def test_classify_does_not_mutate_its_input():
    s = pd.Series({"b": 2.0, "a": 5.0, "c": None})
    before = s.copy()
    classify_abc(s)
    pd.testing.assert_series_equal(s, before)


def test_equal_values_are_ranked_by_client_id_whatever_the_row_order():
    # c 9 first; a and b tie at 5: one class, listed by id (a, b), from any row order
    for order in (["a", "b", "c"], ["b", "c", "a"], ["c", "b", "a"]):
        values = pd.Series({"a": 5.0, "b": 5.0, "c": 9.0})[order]
        table = classify_abc(values, 0.5, 0.9)
        assert list(table.index) == ["c", "a", "b"]
        # before(c) = 0 -> A; before(a) = before(b) = 9 / 19 = .47 < .5 -> A
        assert table["abc_class"].tolist() == ["A", "A", "A"]
    # ids that are numbers are ordered as text, as in the spreadsheet's sort: "10" before "2"
    table = classify_abc(pd.Series([5.0, 5.0], index=[2, 10]))
    assert list(table.index) == [10, 2]


def test_the_class_column_is_ordered_a_b_c():
    table = classify_abc(pd.Series({"x": 1.0, "y": 50.0, "z": 100.0}), 0.5, 0.9)
    assert list(table["abc_class"].cat.categories) == ["A", "B", "C"]
    assert table.sort_values("abc_class", ascending=False)["abc_class"].tolist() == ["C", "B", "A"]
