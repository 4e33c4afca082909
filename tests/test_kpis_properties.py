"""Hypothesis properties of the concentration measures and the churn risk."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from portfolio_core.analysis.kpis import RISK_LEVELS, churn_risk, concentration, gini, hhi, lorenz_curve
from portfolio_core.i18n import Translator
from portfolio_core.report.words import churn_reasons

# zero or a normal positive number (subnormals would underflow to 0 when scaled down)
revenues = st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1e9)), min_size=1, max_size=80)


@given(revenues)
def test_gini_is_in_0_1(v):
    assume(sum(v) > 0)
    g = gini(pd.Series(v))
    assert -1e-12 <= g < 1
    assert g <= 1 - 1 / len(v) + 1e-9  # the maximum without small-sample correction


@given(revenues)
def test_hhi_is_between_1_over_n_and_1(v):
    assume(sum(v) > 0)
    h = hhi(pd.Series(v))
    assert 1 / len(v) - 1e-12 <= h <= 1 + 1e-12


@given(revenues, st.randoms(use_true_random=False), st.sampled_from([1e-3, 7.0, 1e4]))
def test_order_and_scale_do_not_matter(v, rnd, factor):
    assume(sum(v) > 0)
    shuffled = list(v)
    rnd.shuffle(shuffled)
    a, b = concentration(pd.Series(v)), concentration(pd.Series(shuffled) * factor)
    for name in ("gini", "hhi", "top1_share", "top10_share", "top20pct_share"):
        assert getattr(b, name) == pytest.approx(getattr(a, name), rel=1e-9, abs=1e-12), name


@given(revenues)
def test_shares_are_nested_and_the_lorenz_curve_is_below_the_diagonal(v):
    assume(sum(v) > 0)
    c = concentration(pd.Series(v))
    assert 0 < c.top1_share <= c.top10_share + 1e-12 <= 1 + 1e-12
    assert c.top1_share <= c.top20pct_share + 1e-12
    curve = lorenz_curve(pd.Series(v))
    assert (curve["revenue_share"] <= curve["client_share"] + 1e-9).all()
    assert (np.diff(curve["revenue_share"]) >= -1e-12).all()


@given(st.integers(1, 50), st.floats(0.01, 1e6))
def test_equal_clients_have_no_concentration(n, value):
    c = concentration(pd.Series([value] * n))
    assert c.gini == pytest.approx(0, abs=1e-9)
    assert c.hhi == pytest.approx(1 / n)


@given(
    st.lists(
        st.tuples(st.integers(0, 2000), st.integers(0, 30), st.one_of(st.none(), st.integers(1, 400))),
        min_size=1,
        max_size=40,
    )
)
def test_every_client_gets_a_risk_level_and_a_reason(rows):
    as_of = pd.Timestamp("2025-01-01")
    h = pd.DataFrame(
        {
            "last_purchase": [as_of - pd.Timedelta(days=d) if k else pd.NaT for d, k, _ in rows],
            "purchases": [k for _, k, _ in rows],
            "usual_interval_days": [float(i) if i and k > 1 else np.nan for _, k, i in rows],
        }
    )
    risk = churn_risk(h, as_of)
    assert risk["churn_risk"].isin(RISK_LEVELS).all()
    assert churn_reasons(risk, Translator("en")).str.len().gt(10).all()  # every code has its words
    assert ((risk["churn_risk"] == "No purchase") == (h["purchases"] == 0)).all()
