"""BG/NBD: the published CDNOW parameters, the likelihood, P(alive) and the summary table."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_core.analysis.bgnbd import (
    BGNBDParams,
    _grouped,
    _objective,
    fit_bgnbd,
    log_likelihood,
    prob_alive,
    rfm_summary,
)
from tests.conftest import DATA

CDNOW = DATA / "cdnow_customers_summary.csv"
# Fader, Hardie and Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
# section 4: CDNOW sample, 2,357 customers, 39-week calibration period from 1997-01-01.
PUBLISHED = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_LL = -9582.4


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    return pd.read_csv(CDNOW)


@pytest.fixture(scope="module")
def cdnow_fit(cdnow) -> BGNBDParams:
    return fit_bgnbd(cdnow["frequency"], cdnow["recency"], cdnow["T"])


def test_the_cdnow_sample_is_the_published_one(cdnow):
    assert len(cdnow) == 2357
    assert list(cdnow.columns) == ["ID", "frequency", "recency", "T"]
    assert cdnow["T"].max() <= 39  # weeks of the calibration period
    assert int((cdnow["frequency"] == 0).sum()) == 1411  # no repeat purchase in the calibration period
    assert int(cdnow["frequency"].sum()) == 2457  # repeat purchases in the calibration period


@pytest.mark.parametrize("name", list(PUBLISHED))
def test_cdnow_fit_reproduces_the_published_parameters_within_1_percent(cdnow_fit, name):
    got = getattr(cdnow_fit, name)
    assert got == pytest.approx(PUBLISHED[name], rel=0.01), f"{name}: {got} vs {PUBLISHED[name]}"


def test_cdnow_fit_reaches_the_published_log_likelihood(cdnow_fit):
    assert cdnow_fit.converged
    assert cdnow_fit.clients == 2357
    assert cdnow_fit.log_likelihood == pytest.approx(PUBLISHED_LL, abs=0.1)


@pytest.mark.parametrize("model", ["bgnbd", "mbgnbd"])
def test_the_fit_objective_is_the_likelihood_and_its_gradient_matches_finite_differences(cdnow, model):
    x, t, big_t, w = _grouped(cdnow["frequency"], cdnow["recency"], cdnow["T"])
    objective = _objective(x, t, big_t, w, model)
    rng = np.random.default_rng(0)
    points = [np.log([0.243, 4.414, 0.793, 2.426]), *rng.uniform(-3.0, 3.0, (8, 4))]
    for point in points:
        value, grad = objective(point)
        want = -float(np.dot(w, log_likelihood(*np.exp(point), x, t, big_t, model)))
        assert value == pytest.approx(want, rel=1e-12)
        # central differences: next to the value (~1e4) forward ones are too coarse
        steps = 1e-5 * np.eye(len(point))
        numeric = [(objective(point + h)[0] - objective(point - h)[0]) / 2e-5 for h in steps]
        assert np.linalg.norm(grad - numeric) / np.linalg.norm(grad) < 1e-5, point


def test_the_likelihood_of_a_client_without_repeat_purchase_by_hand():
    # x = 0: L = B(a, b) / B(a, b) * Gamma(r) alpha^r / (Gamma(r) (alpha + T)^r) = (alpha / (alpha + T))^r
    got = log_likelihood(0.5, 2.0, 0.7, 1.5, [0], [0.0], [6.0])
    assert got[0] == pytest.approx(0.5 * np.log(2.0 / 8.0))


def test_the_likelihood_of_a_repeat_buyer_by_hand():
    # r = alpha = a = b = 1, x = 1, t_x = 1, T = 3 (equation 6 of the paper):
    # B(1, 2) / B(1, 1) * Gamma(2) / (Gamma(1) (1 + 3)^2)  = 1/2 * 1/16 = 1/32
    # + B(2, 1) / B(1, 1) * Gamma(2) / (Gamma(1) (1 + 1)^2) = 1/2 * 1/4  = 1/8
    got = log_likelihood(1.0, 1.0, 1.0, 1.0, [1], [1.0], [3.0])
    assert got[0] == pytest.approx(np.log(1 / 32 + 1 / 8))


def test_prob_alive_is_one_without_repeat_purchase_and_falls_with_silence():
    p = BGNBDParams(**PUBLISHED, log_likelihood=0.0, clients=0, converged=True)
    silent_longer = prob_alive(p, [3, 3, 3], [30.0, 20.0, 10.0], [39.0, 39.0, 39.0])
    assert prob_alive(p, [0], [0.0], [39.0])[0] == 1.0
    assert np.all(np.diff(silent_longer) < 0)
    # by hand for x = 2, t_x = 30.43, T = 38.86: 1 / (1 + a/(b+1) * ((alpha+T)/(alpha+t_x))^(r+2))
    ratio = (4.414 + 38.86) / (4.414 + 30.43)
    expected = 1 / (1 + 0.793 / (2.426 + 1) * ratio ** (0.243 + 2))
    assert prob_alive(p, [2], [30.43], [38.86])[0] == pytest.approx(expected)


def test_rfm_summary_counts_days_not_rows_and_uses_weeks():
    t = pd.DataFrame(
        {
            "client": ["x", "x", "x", "y", "z"],
            "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-29", "2024-01-15", None]),
        }
    )
    s = rfm_summary(t, as_of=pd.Timestamp("2024-02-12"))
    # x: two distinct days -> 1 repeat; last - first = 28 days = 4 weeks; age 42 days = 6 weeks
    assert s.loc["x"].tolist() == [1, 4.0, 6.0]
    assert s.loc["y"].tolist() == [0, 0.0, 4.0]
    assert "z" not in s.index  # undated rows are ignored


def test_grouping_identical_rows_does_not_change_the_fit(cdnow):
    half = cdnow.iloc[::2]
    doubled = pd.concat([half, half])
    once = fit_bgnbd(half["frequency"], half["recency"], half["T"])
    twice = fit_bgnbd(doubled["frequency"], doubled["recency"], doubled["T"])
    assert twice.r == pytest.approx(once.r, rel=1e-3)
    assert twice.log_likelihood == pytest.approx(2 * once.log_likelihood, rel=1e-6)


# --- MBG/NBD (Batislam, Denizel and Filiztekinler 2007): a client may drop out after its first purchase


# BTYDplus (M. Platzer's R package, mbgcnbd.EstimateParameters with k = 1) on the same CDNOW sample,
# as quoted by lifetimes' test suite (test_params_out_is_close_to_BTYDplus): r, alpha, a, b.
BTYDPLUS_MBGNBD = {"r": 0.525, "alpha": 6.183, "a": 0.891, "b": 1.614}


def test_the_mbgnbd_likelihood_of_a_one_purchase_client_by_hand():
    # r = alpha = a = b = 1, x = 0, t_x = 0, T = 1:
    # alive:   B(1, 2) / B(1, 1) * Gamma(1) 1^1 / (Gamma(1) (1 + 1)^1) = 1/2 * 1/2 = 1/4
    # dropped: B(2, 1) / B(1, 1) * Gamma(1) 1^1 / (Gamma(1) (1 + 0)^1) = 1/2 * 1   = 1/2
    got = log_likelihood(1.0, 1.0, 1.0, 1.0, [0], [0.0], [1.0], model="mbgnbd")
    assert got[0] == pytest.approx(np.log(1 / 4 + 1 / 2))


def test_the_mbgnbd_likelihood_of_a_repeat_buyer_by_hand():
    # r = alpha = a = b = 1, x = 1, t_x = 1, T = 3:
    # alive:   B(1, 3) / B(1, 1) * Gamma(2) / (Gamma(1) (1 + 3)^2) = 1/3 * 1/16 = 1/48
    # dropped: B(2, 2) / B(1, 1) * Gamma(2) / (Gamma(1) (1 + 1)^2) = 1/6 * 1/4  = 1/24
    got = log_likelihood(1.0, 1.0, 1.0, 1.0, [1], [1.0], [3.0], model="mbgnbd")
    assert got[0] == pytest.approx(np.log(1 / 48 + 1 / 24))


def test_the_mbgnbd_fit_on_cdnow_matches_btydplus(cdnow):
    fit = fit_bgnbd(cdnow["frequency"], cdnow["recency"], cdnow["T"], model="mbgnbd")
    assert fit.converged and fit.model == "mbgnbd" and fit.clients == 2357
    for name, expected in BTYDPLUS_MBGNBD.items():
        assert getattr(fit, name) == pytest.approx(expected, abs=0.002), name


def test_mbgnbd_prob_alive_by_hand():
    p = BGNBDParams(1.0, 1.0, 1.0, 1.0, 0.0, 0, True, "mbgnbd")
    # x = 0, t_x = 0, T = 1: 1 / (1 + a / b * ((alpha + T) / alpha)^r) = 1 / (1 + 2) = 1/3
    # x = 1, t_x = 1, T = 3: 1 / (1 + a / (b + 1) * ((1 + 3) / (1 + 1))^2) = 1 / (1 + 1/2 * 4) = 1/3
    assert prob_alive(p, [0, 1], [0.0, 1.0], [1.0, 3.0]) == pytest.approx([1 / 3, 1 / 3])
    # the posterior odds of the likelihood's two terms: alive 1/4 against dropped 1/2 -> 1/3 alive
    assert prob_alive(p, [0], [0.0], [1.0])[0] == pytest.approx((1 / 4) / (1 / 4 + 1 / 2))


positive = st.floats(0.01, 100.0)


@given(positive, positive, positive, positive, st.floats(0.0, 200.0))
def test_mbgnbd_a_one_purchase_client_is_never_certainly_active(r, alpha, a, b, age):
    p = BGNBDParams(r, alpha, a, b, 0.0, 0, True, "mbgnbd")
    alive = prob_alive(p, [0], [0.0], [age])[0]
    assert 0 <= alive < 1  # it may have dropped out right after its first purchase
    # and the longer its silence, the less likely it is still active
    assert prob_alive(p, [0], [0.0], [age + 10.0])[0] <= alive


@given(
    positive,
    positive,
    positive,
    positive,
    st.integers(0, 20),
    st.lists(st.floats(0.0, 50.0), min_size=2, max_size=6),
)
def test_mbgnbd_prob_alive_grows_with_recency(r, alpha, a, b, x, recencies):
    # same frequency and age: the more recent the last purchase, the likelier the client is active
    p = BGNBDParams(r, alpha, a, b, 0.0, 0, True, "mbgnbd")
    t_x = np.sort(np.array(recencies))
    alive = prob_alive(p, [x] * len(t_x), t_x, [50.0] * len(t_x))
    assert np.all(np.diff(alive) >= -1e-12)
    assert np.all((alive >= 0) & (alive < 1))  # >= 0: a very long silence may round to 0
