"""Properties of the ABC rule that must hold for any portfolio, and a brute-force oracle."""

from fractions import Fraction

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolio_core import classify_abc, pareto_curve

amounts = st.one_of(
    st.integers(-1000, 10**6).map(float),
    st.floats(0.01, 1e7, allow_nan=False),
    st.sampled_from([0.0, 100.0, 250.0]),  # ties
)


@st.composite
def portfolios(draw):
    values = draw(st.lists(amounts, min_size=1, max_size=60))
    if not any(v > 0 for v in values):
        values.append(draw(st.floats(0.01, 1e6)))
    return pd.Series(values, index=[f"c{i:03d}" for i in range(len(values))], dtype="float64")


cutoffs = st.tuples(st.integers(1, 98), st.integers(2, 100)).filter(lambda t: t[0] < t[1])


@given(portfolios(), cutoffs, st.sampled_from(["before", "spreadsheet"]))
def test_every_client_gets_exactly_one_class(values, cut, rule):
    out = classify_abc(values, cut[0] / 100, cut[1] / 100, rule=rule)
    assert sorted(out.index) == sorted(values.index)
    assert out["abc_class"].isin(["A", "B", "C"]).all()


@given(portfolios(), cutoffs, st.randoms())
def test_result_does_not_depend_on_row_order(values, cut, rnd):
    order = list(values.index)
    rnd.shuffle(order)
    a, b = cut[0] / 100, cut[1] / 100
    first = classify_abc(values, a, b)["abc_class"]
    second = classify_abc(values[order], a, b)["abc_class"]
    pd.testing.assert_series_equal(first.sort_index(), second.sort_index())


@given(portfolios(), cutoffs, st.integers(1, 50))
def test_raising_a_cutoff_never_demotes_a_client(values, cut, raise_by):
    rank = {"A": 0, "B": 1, "C": 2}
    a, b = cut
    low = classify_abc(values, a / 100, b / 100)["abc_class"].map(rank)
    new_a, new_b = min(a + raise_by, 99), min(b + raise_by, 100)
    if new_a >= new_b:
        new_a = new_b - 1
    high = classify_abc(values, new_a / 100, new_b / 100)["abc_class"].map(rank)
    assert (high.reindex(low.index) <= low).all()


@given(portfolios(), cutoffs)
def test_a_class_holds_at_least_a_and_not_without_its_smallest_value(values, cut):
    a, b = cut[0] / 100, cut[1] / 100
    out = classify_abc(values, a, b)
    total = values[values > 0].sum()
    in_a = out[out["abc_class"] == "A"]
    share_a = in_a["value"].sum() / total
    assert share_a >= a - 1e-9
    # Without the clients at A's smallest value (they tie, so they go together), below a.
    smallest = in_a["value"].min()
    assert (in_a.loc[in_a["value"] > smallest, "value"].sum() / total) < a + 1e-9


@given(portfolios(), cutoffs)
def test_equal_values_always_share_a_class(values, cut):
    out = classify_abc(values, cut[0] / 100, cut[1] / 100)
    assert (out.groupby("value")["abc_class"].nunique() == 1).all()


@settings(max_examples=25)
@given(st.integers(1, 30_000), cutoffs)
def test_pareto_curve_is_small_and_keeps_the_class_boundaries(n, cut):
    values = pd.Series(np.random.default_rng(n).pareto(1.5, n) + 0.01)
    out = classify_abc(values, cut[0] / 100, cut[1] / 100)
    curve = pareto_curve(out)
    assert len(curve) <= 1000 + 8
    assert curve["cumulative_share"].iloc[-1] == 1.0 or abs(curve["cumulative_share"].iloc[-1] - 1) < 1e-9
    assert curve["cumulative_share"].is_monotonic_increasing
    # the last client of each class is on the curve with its exact cumulative share
    last_of_class = out.groupby("abc_class")["rank"].max()
    for cls, rank in last_of_class.items():
        point = curve[curve["rank"] == rank]
        assert len(point) == 1 and point["abc_class"].iloc[0] == cls
        assert point["cumulative_share"].iloc[0] == out.loc[out["rank"] == rank, "cumulative_share"].iloc[0]


def brute_force_classes(values: dict[str, int], a_pct: int, b_pct: int, rule: str) -> dict[str, str]:
    """DESIGN.md's rule, client by client, in exact fractions (no sorting trick, no tolerance).

    before(v) = (sum of the values strictly greater than v) / T, T the sum of the positive values:
    A if before(v) < a, B if before(v) < b, else C; values <= 0 are C. The spreadsheet convention:
    the cumulative share of the clients ranked before it (value descending, then client) plus its
    own, A if <= a, B if <= b.
    """
    a, b = Fraction(a_pct, 100), Fraction(b_pct, 100)
    total = sum(v for v in values.values() if v > 0)
    ranked = sorted(values, key=lambda c: (-values[c], c))
    out = {}
    for client, v in values.items():
        if v <= 0:
            out[client] = "C"
            continue
        if rule == "before":
            share = Fraction(sum(w for w in values.values() if w > v), total)
            out[client] = "A" if share < a else "B" if share < b else "C"
        else:
            upto = ranked[: ranked.index(client) + 1]
            share = Fraction(sum(max(values[c], 0) for c in upto), total)
            out[client] = "A" if share <= a else "B" if share <= b else "C"
    return out


@given(
    st.lists(st.integers(-50, 1000) | st.sampled_from([0, 100, 250]), min_size=1, max_size=9).filter(
        lambda vs: any(v > 0 for v in vs)
    ),
    cutoffs,
    st.sampled_from(["before", "spreadsheet"]),
)
def test_every_class_matches_a_brute_force_oracle(amounts, cut, rule):
    values = {f"c{i}": v for i, v in enumerate(amounts)}
    got = classify_abc(pd.Series(values, dtype="float64"), cut[0] / 100, cut[1] / 100, rule=rule)
    assert got["abc_class"].to_dict() == brute_force_classes(values, cut[0], cut[1], rule)


def test_the_oracle_agrees_with_the_hand_computed_example():
    # conftest's ten clients: before = 0, .5, .7, .8, .88, ... -> with a=80, b=95: A 3, B 3, C 4
    values = dict(zip("ABCDEFGHIJ", [500, 200, 100, 80, 50, 30, 20, 10, 6, 4], strict=True))
    assert "".join(brute_force_classes(values, 80, 95, "before").values()) == "AAABBBCCCC"
