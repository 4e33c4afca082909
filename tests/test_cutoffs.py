"""Computed ABC analysis (Ultsch and Lötsch 2015): hand-checked curves, properties, sensitivity."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_core import NoPositiveValueError, classify_abc
from portfolio_core.analysis.cutoffs import abc_curve, abc_curve_points, cutoff_sensitivity, suggest_cutoffs

# Ten clients totalling 100, mean 10. Curve vertices (x = k/10, y = top-k share):
#   k:  0    1    2    3    4    5    6    7    8    9    10
#   y:  0   .30  .50  .64  .75  .83  .89  .94  .97  .99  1
# Pareto point, squared distance to (0, 1) = x^2 + (1 - y)^2:
#   k1 .01 + .49 = .50, k2 .04 + .25 = .29, k3 .09 + .1296 = .2196, k4 .16 + .0625 = .2225,
#   k5 .25 + .0289 = .2789  ->  k = 3, (0.3, 0.64).
# Break-even point, slope 1: values >= the mean (10) are 30, 20, 14, 11  ->  k = 4, (0.4, 0.75).
# A ends at the nearer one (Pareto, k = 3); Bx = 0.4. Submarginal point, distance to (0.4, 1):
#   k4 0 + .0625 = .0625, k5 .01 + .0289 = .0389, k6 .04 + .0121 = .0521, k7 .09 + .0036 = .0936
#   ->  k = 5, (0.5, 0.83).
# Cut-offs: a = y(A end) = 64 %, b = y(submarginal) = 83 %; classes A 3, B 2, C 5.
HAND = pd.Series([30, 20, 14, 11, 8, 6, 5, 3, 2, 1.0], index=[f"c{i}" for i in range(10)])


def test_hand_checked_curve_gives_the_three_points_and_the_cutoffs():
    s = suggest_cutoffs(HAND)
    assert s.pareto == pytest.approx((0.3, 0.64))
    assert s.break_even == pytest.approx((0.4, 0.75))
    assert s.submarginal == pytest.approx((0.5, 0.83))
    assert not s.exchanged
    assert (s.a_pct, s.b_pct) == (64, 83)
    assert (s.a_items, s.b_items, s.c_items) == (3, 2, 5)


def test_the_suggested_cutoffs_put_the_papers_classes_under_the_app_rule():
    s = suggest_cutoffs(HAND)
    classes = classify_abc(HAND, s.a_pct / 100, s.b_pct / 100)["abc_class"].value_counts()
    # before(v) = 0, .30, .50 < .64 -> A; .64, .75 < .83 -> B; .83 and after -> C
    assert (classes["A"], classes["B"], classes["C"]) == (s.a_items, s.b_items, s.c_items)


def test_the_counts_said_are_those_the_suggest_button_then_shows():
    # T = 5000.5: the curve is at 4000 / 5000.5 = 79.992 % after the first client, which the slider
    # rounds to 80 %; then before(750.5) = .79992 < .80: A too, so the page must say 2 A, not the
    # paper's 1 (a French invoice file of the corpus).
    s = suggest_cutoffs(pd.Series([4000.0, 750.5, 250.0]))
    assert s.a_pct == 80
    classes = classify_abc(pd.Series([4000.0, 750.5, 250.0]), s.a_pct / 100, s.b_pct / 100)["abc_class"]
    assert (s.a_items, s.b_items, s.c_items) == tuple(int((classes == c).sum()) for c in "ABC")
    assert s.a_items == 2


def test_break_even_before_pareto_swaps_the_roles():
    # Four clients totalling 16, mean 4: only 5 is above the mean -> break-even k = 1, (.25, .3125).
    # y = 0, .3125, .55625, .8, 1; distance to (0, 1): k1 .0625 + .4727 = .5352, k2 .25 + .1969 = .4469,
    # k3 .5625 + .04 = .6025 -> Pareto k = 2 (.5, .55625), after the break-even point.
    # A ends at the break-even point (31 %); Bx = .5; distance to (.5, 1): k2 0 + .1969, k3 .0625 + .04
    # = .1025, k4 .25 -> submarginal k = 3 (.75, .8): b = 80 %.
    s = suggest_cutoffs(pd.Series([5.0, 3.9, 3.9, 3.2]))
    assert s.exchanged
    assert s.a_point == s.break_even == pytest.approx((0.25, 0.3125))
    assert s.pareto == pytest.approx((0.5, 0.55625))
    assert s.submarginal == pytest.approx((0.75, 0.8))
    assert (s.a_pct, s.b_pct) == (31, 80)
    assert (s.a_items, s.b_items, s.c_items) == (1, 2, 1)


def test_zeros_and_negatives_stay_on_the_curve_as_zero():
    x, y, _ = abc_curve(pd.Series([3.0, 1.0, 0.0, -5.0, np.nan]))
    assert x.tolist() == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert y.tolist() == [0.0, 0.75, 1.0, 1.0, 1.0, 1.0]


def test_no_positive_value_is_a_clear_error():
    with pytest.raises(NoPositiveValueError):
        suggest_cutoffs(pd.Series([0.0, -1.0]))


def test_a_single_client_still_gives_valid_cutoffs():
    s = suggest_cutoffs(pd.Series([42.0]))
    assert 1 <= s.a_pct < s.b_pct <= 100


def test_curve_points_are_downsampled_but_keep_both_ends():
    pts = abc_curve_points(pd.Series(np.arange(1, 100_001, dtype=float)), max_points=500)
    assert len(pts) <= 501
    assert pts.iloc[0].tolist() == [0.0, 0.0]
    assert pts.iloc[-1].tolist() == [1.0, 1.0]


# zero or a normal positive number (subnormals would underflow to 0 when scaled down)
values = st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1e6)), min_size=1, max_size=60).filter(
    lambda v: sum(v) > 0
)


@given(values)
def test_cutoffs_are_slider_values(v):
    s = suggest_cutoffs(pd.Series(v))
    assert 1 <= s.a_pct <= 99 and 2 <= s.b_pct <= 100 and s.a_pct < s.b_pct
    assert s.a_items + s.b_items + s.c_items == len(v)
    assert s.a_items >= 1  # the top client is always A
    assert s.a_point[0] <= s.submarginal[0]


@given(values, st.randoms(use_true_random=False), st.sampled_from([0.001, 3.0, 1000.0]))
def test_cutoffs_do_not_depend_on_order_or_scale(v, rnd, factor):
    shuffled = list(v)
    rnd.shuffle(shuffled)
    base = suggest_cutoffs(pd.Series(v))
    other = suggest_cutoffs(pd.Series(shuffled) * factor)
    assert (other.a_items, other.b_items, other.c_items) == (base.a_items, base.b_items, base.c_items)
    assert abs(other.a_pct - base.a_pct) <= 1 and abs(other.b_pct - base.b_pct) <= 1  # rounding only


@pytest.mark.parametrize("rule", ["before", "spreadsheet"])
@pytest.mark.parametrize("seed", range(5))
def test_sensitivity_matches_a_full_reclassification(rule, seed):
    rng = np.random.default_rng(seed)
    v = pd.Series(np.exp(rng.normal(8, 1.5, 300)).round(-1), index=[f"k{i}" for i in range(300)])
    a, b = 70 + seed, 90 + seed
    now = classify_abc(v, a / 100, b / 100, rule=rule)
    sens = cutoff_sensitivity(now, a, b, rule).set_index("move")
    for move, row in sens.iterrows():
        moved = classify_abc(v, row["a"] / 100, row["b"] / 100, rule=rule)["abc_class"]
        expected = int((moved != now["abc_class"]).sum())
        assert row["clients_changing"] == expected, move


def test_sensitivity_skips_moves_outside_the_slider_range():
    now = classify_abc(HAND, 0.01, 0.02)
    assert cutoff_sensitivity(now, 1, 2)["move"].tolist() == ["B cut-off +1"]
