"""BG/NBD: the published CDNOW parameters, the likelihood, P(alive) and the summary table."""

import numpy as np
import pandas as pd
import pytest

from portfolio_core.bgnbd import BGNBDParams, fit_bgnbd, log_likelihood, prob_alive, rfm_summary
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
