"""Gamma-Gamma: CDNOW's published parameters, the likelihood by hand; expected purchases against
an independent integral; the predicted revenue on a small table."""

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, stats

from portfolio_core.analysis.abc import classify_abc
from portfolio_core.analysis.bgnbd import BGNBDParams, expected_purchases, prob_alive, rfm_summary
from portfolio_core.analysis.gammagamma import (
    GammaGammaParams,
    _objective,
    expected_spend,
    fit_gammagamma,
    log_likelihood,
    predict_portfolio,
    predicted_revenue,
    spend_summary,
)
from tests.conftest import DATA

# Fader and Hardie (2013), "The Gamma-Gamma Model of Monetary Value": CDNOW's 946 repeat buyers.
PUBLISHED = {"p": 6.25, "q": 3.74, "gamma": 15.44}


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    return pd.read_csv(DATA / "cdnow_customers_summary_with_transactions.csv")


@pytest.fixture(scope="module")
def fit(cdnow) -> GammaGammaParams:
    return fit_gammagamma(cdnow["x"], cdnow["zbar"])


def test_the_sample_has_946_repeat_buyers(cdnow):
    assert len(cdnow) == 2357 and int((cdnow["x"] > 0).sum()) == 946


@pytest.mark.parametrize("name", list(PUBLISHED))
def test_cdnow_fit_reproduces_the_published_parameters_within_1_percent(fit, name):
    got = getattr(fit, name)
    assert got == pytest.approx(PUBLISHED[name], rel=0.01), f"{name}: {got} vs {PUBLISHED[name]}"
    assert fit.clients == 946 and fit.converged


def test_the_likelihood_by_hand():
    # p = 2, q = 3, gamma = 4, x = 1, m = 2:
    # Gamma(5) / (Gamma(2) Gamma(3)) 4^3 2^1 1^2 / 6^5 = 12 * 128 / 7776
    assert np.exp(log_likelihood(2.0, 3.0, 4.0, [1], [2.0])[0]) == pytest.approx(12 * 128 / 7776)


def test_the_fit_objective_is_the_likelihood_and_its_gradient_matches_finite_differences(cdnow):
    repeat = cdnow[cdnow["x"] > 0]
    x, m = repeat["x"].to_numpy("float64"), repeat["zbar"].to_numpy("float64")
    objective = _objective(x, m)
    rng = np.random.default_rng(0)
    points = [np.log([6.25, 3.74, 15.44]), *rng.uniform(-3.0, 5.0, (8, 3))]
    for point in points:
        value, grad = objective(point)
        assert value == pytest.approx(-float(log_likelihood(*np.exp(point), x, m).sum()), rel=1e-12)
        # central differences: next to the value (~1e4) forward ones are too coarse
        steps = 1e-5 * np.eye(len(point))
        numeric = [(objective(point + h)[0] - objective(point - h)[0]) / 2e-5 for h in steps]
        assert np.linalg.norm(grad - numeric) / np.linalg.norm(grad) < 1e-5, point


def test_expected_spend_shrinks_towards_the_population_mean():
    g = GammaGammaParams(2.0, 3.0, 4.0, 0.0, 0, True)
    population = 4.0 * 2.0 / 2.0  # gamma p / (q - 1) = 4
    got = expected_spend(g, [0, 1, 100], [0.0, 10.0, 10.0])
    # x = 1, m = 10: (4 + 10) * 2 / (2 + 2) = 7, between 4 and 10; many purchases: close to 10
    assert got[0] == population and got[1] == 7.0 and 9.9 < got[2] < 10.0


@pytest.mark.parametrize("model", ["bgnbd", "mbgnbd"])
def test_expected_purchases_match_an_independent_integral(model):
    # Alive, lambda ~ Gamma(r + x, alpha + T), p ~ Beta(a, b + x (+1 in the MBG/NBD)); a client with
    # rate lambda who drops out with p after each purchase makes (1 - exp(-lambda p t)) / p purchases.
    params = BGNBDParams(0.8, 5.0, 1.6, 2.5, 0.0, 0, True, model)
    x, t_x, big_t, t = 3, 20.0, 30.0, 52.0
    extra = 1 if model == "mbgnbd" else 0
    beta = stats.beta(params.a, params.b + x + extra)
    shape = params.r + x

    def given_p(p: float) -> float:
        return (1 - ((params.alpha + big_t) / (params.alpha + big_t + p * t)) ** shape) / p * beta.pdf(p)

    alive = prob_alive(params, [x], [t_x], [big_t])[0]
    want = alive * integrate.quad(given_p, 0, 1, limit=200)[0]
    assert expected_purchases(params, t, [x], [t_x], [big_t])[0] == pytest.approx(want, rel=1e-6)


def test_spend_per_repeat_purchase_and_the_prediction_by_hand():
    sales = pd.DataFrame(
        {
            "client": ["x", "x", "x", "x", "y"],
            "date": pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-08", "2024-01-15", "2024-01-01"]),
            "amount": [500.0, 30.0, 20.0, 70.0, 40.0],
        }
    )
    summary = rfm_summary(sales)
    monetary = spend_summary(sales, summary)
    assert monetary.to_dict() == {"x": 60.0, "y": 0.0}  # (30 + 20 + 70) / 2 repeat days; the first left out
    bg = BGNBDParams(0.8, 5.0, 1.6, 2.5, 0.0, 0, True, "mbgnbd")
    gg = GammaGammaParams(2.0, 3.0, 4.0, 0.0, 0, True)
    table = predicted_revenue(bg, gg, summary, monetary, weeks=52.0)
    want_x = expected_purchases(bg, 52.0, [2], [2.0], [2.0])[0] * (4 + 60 * 2) * 2 / (4 + 2)
    assert table.loc["x", "predicted_revenue"] == pytest.approx(want_x)
    assert table.loc["y", "expected_spend"] == 4.0


def test_expected_spend_is_missing_where_the_model_has_no_finite_mean():
    heavy = GammaGammaParams(0.5, 0.8, 10.0, 0.0, 0, True)  # q <= 1: no finite population mean
    got = expected_spend(heavy, [0, 1], [0.0, 20.0])
    assert np.isnan(got[0]) and got[1] == pytest.approx((10 + 20) * 0.5 / (0.5 + 0.8 - 1))


def test_the_demo_prediction_covers_every_buyer():
    from portfolio_core.analysis.summary import heading_dict
    from portfolio_core.ingest.demo import demo_portfolio

    p = demo_portfolio()
    table = predict_portfolio(p)
    buyers = p.won()["client"].nunique()
    assert len(table) == buyers and table["predicted_revenue"].gt(0).all()
    heading = heading_dict(p, classify_abc(p.values()))
    assert set(heading["predicted_revenue_12m"]) == {"A", "B", "C"}
    in_scope = table["predicted_revenue"].reindex(p.in_scope()).sum()
    assert sum(heading["predicted_revenue_12m"].values()) == pytest.approx(in_scope)
    assert 0 < heading["retention"]["grr"] <= heading["retention"]["nrr"]
