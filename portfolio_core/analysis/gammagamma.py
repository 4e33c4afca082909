"""The Gamma-Gamma model of spend per purchase, and the predicted 12-month revenue.

Fader P. S., Hardie B. G. S. (2013) "The Gamma-Gamma Model of Monetary Value", note at
brucehardie.com. A client's purchases are worth Gamma(p, nu) each, with nu ~ Gamma(q, gamma) across
clients. Fitted by maximum likelihood on the repeat buyers (``x`` > 0 repeat purchases, ``m`` their
mean spend); a client's expected spend shrinks its own mean towards the population's::

    E[M | x, m] = (gamma + m x) p / (p x + q - 1)

The predicted revenue over a horizon is the BG/NBD expected number of purchases times that spend.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, special

from portfolio_core.analysis.bgnbd import LBFGS_OPTIONS, BGNBDParams, Objective, expected_purchases
from portfolio_core.analysis.kpis import fit_portfolio_bgnbd
from portfolio_core.ingest.portfolio import Portfolio

MIN_REPEAT = 10  # repeat buyers with a positive mean spend
WEEKS_PER_YEAR = 365.25 / 7


@dataclass(frozen=True)
class GammaGammaParams:
    """Fitted parameters: spend ~ Gamma(p, nu), nu ~ Gamma(q, gamma)."""

    p: float
    q: float
    gamma: float
    log_likelihood: float
    clients: int
    converged: bool


def log_likelihood(p: float, q: float, gamma: float, x, m) -> np.ndarray:
    """Log-likelihood of each repeat buyer's mean spend ``m`` over ``x`` purchases (equation 3 of the note).

    Examples
    --------
    >>> # p = q = gamma = 1, x = 1, m = 1: Gamma(2) / (Gamma(1) Gamma(1)) * 1 * 1 * 1 / 2^2 = 1/4
    >>> float(np.exp(log_likelihood(1.0, 1.0, 1.0, [1], [1.0])[0]))
    0.25
    """
    x, m = np.asarray(x, "float64"), np.asarray(m, "float64")
    px = p * x
    return (
        special.gammaln(px + q)
        - special.gammaln(px)
        - special.gammaln(q)
        + q * np.log(gamma)
        + (px - 1) * np.log(m)
        + px * np.log(x)
        - (px + q) * np.log(gamma + m * x)
    )


def _objective(x: np.ndarray, m: np.ndarray) -> Objective:
    """The negative log-likelihood of repeat buyers and its gradient over the parameters' logs.

    ``(p x - 1) log m + p x log x`` is summed as ``p sum(x log(m x)) - sum(log m)``; the gammaln
    and digamma terms are computed once per distinct x.
    """
    ux, ix = np.unique(x, return_inverse=True)
    counts = np.bincount(ix).astype("float64")
    n = float(len(x))
    mx = m * x
    x_log_mx, log_m = float((x * np.log(mx)).sum()), float(np.log(m).sum())

    def value_and_grad(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        p, q, gamma = np.exp(log_params)
        pu = p * ux
        log_gm = np.log(gamma + mx)
        x_log_gm, sum_log_gm = (x * log_gm).sum(), log_gm.sum()
        inv_gm = 1.0 / (gamma + mx)
        psi_pq = special.digamma(pu + q)
        ll = (
            (counts * (special.gammaln(pu + q) - special.gammaln(pu))).sum()
            + n * (q * np.log(gamma) - special.gammaln(q))
            + p * (x_log_mx - x_log_gm)
            - log_m
            - q * sum_log_gm
        )
        grad = np.array(
            [
                (counts * ux * (psi_pq - special.digamma(pu))).sum() + x_log_mx - x_log_gm,
                (counts * psi_pq).sum() + n * (np.log(gamma) - special.digamma(q)) - sum_log_gm,
                n * q / gamma - p * (x * inv_gm).sum() - q * inv_gm.sum(),
            ]
        )
        value = -float(ll)
        gradient = -grad * np.array([p, q, gamma])
        if not (np.isfinite(value) and np.all(np.isfinite(gradient))):
            return 1e300, np.zeros(3)
        return value, gradient

    return value_and_grad


def fit_gammagamma(frequency, monetary) -> GammaGammaParams:
    """Maximum-likelihood parameters (scipy, on their logs) from repeat buyers only.

    L-BFGS-B with the analytic gradient from (1, 1, mean spend); Nelder-Mead then a polish when
    it does not converge. Rows with ``frequency`` 0 or a mean spend of 0 or less are left out (the
    model needs positive spends). Raises ValueError without any such row.
    """
    x, m = np.asarray(frequency, "float64"), np.asarray(monetary, "float64")
    keep = (x > 0) & (m > 0)
    x, m = x[keep], m[keep]
    if len(x) == 0:
        raise ValueError("the Gamma-Gamma fit needs repeat buyers with a positive spend")
    nll_and_grad = _objective(x, m)

    def nll(log_params: np.ndarray) -> float:
        return nll_and_grad(log_params)[0]

    start = np.log([1.0, 1.0, float(np.mean(m))])
    best = optimize.minimize(nll_and_grad, start, jac=True, method="L-BFGS-B", options=LBFGS_OPTIONS)
    if not best.success:
        simplex = optimize.minimize(
            nll, start, method="Nelder-Mead", options={"maxiter": 20000, "xatol": 1e-8}
        )
        polished = optimize.minimize(
            nll_and_grad, simplex.x, jac=True, method="L-BFGS-B", options=LBFGS_OPTIONS
        )
        best = min((best, simplex, polished), key=lambda res: float(res.fun))
    p, q, gamma = (float(v) for v in np.exp(best.x))
    return GammaGammaParams(p, q, gamma, -float(best.fun), int(len(x)), bool(best.success))


def expected_spend(params: GammaGammaParams, frequency, monetary) -> np.ndarray:
    """Expected spend per purchase: ``(gamma + m x) p / (p x + q - 1)``; the population mean
    ``gamma p / (q - 1)`` for clients without repeat purchase. NaN where the model has no finite
    mean (``p x + q <= 1``: q <= 1 means spends so spread that the population mean is infinite).

    Examples
    --------
    >>> g = GammaGammaParams(6.25, 3.74, 15.44, 0.0, 946, True)
    >>> # 15.44 * 6.25 / 2.74; (15.44 + 2 * 30) * 6.25 / (2 * 6.25 + 2.74)
    >>> expected_spend(g, [0, 2], [0.0, 30.0]).round(2).tolist()
    [35.22, 30.94]
    """
    x, m = np.asarray(frequency, "float64"), np.asarray(monetary, "float64")
    p, q, gamma = params.p, params.q, params.gamma
    m = np.where(x > 0, m, 0.0)
    denominator = p * x + q - 1
    return np.where(
        denominator > 0, (gamma + m * x) * p / np.where(denominator > 0, denominator, 1.0), np.nan
    )


def spend_summary(sales: pd.DataFrame, summary: pd.DataFrame) -> pd.Series:
    """Mean spend per repeat purchase per client (the row index of ``summary``), as in the model:
    sales (``client``, ``date``, ``amount``) added up per day, the first day left out; 0 without repeat."""
    days = pd.to_datetime(sales["date"], errors="coerce").dt.normalize()
    dated = sales.assign(day=days).dropna(subset=["day"])
    daily = dated.groupby(["client", "day"], sort=True)["amount"].sum()
    per_client = daily.groupby(level="client", sort=False)
    repeat = per_client.sum() - per_client.first()  # the days sorted: first() is the first day's total
    frequency = summary["frequency"]
    total = repeat.reindex(summary.index, fill_value=0.0)
    return (total / frequency.where(frequency > 0)).fillna(0.0).rename("monetary")


def predicted_revenue(
    bgnbd: BGNBDParams,
    gammagamma: GammaGammaParams,
    summary: pd.DataFrame,
    monetary: pd.Series,
    weeks: float = WEEKS_PER_YEAR,
) -> pd.DataFrame:
    """Per client (``summary``: frequency, recency, T in weeks): ``expected_purchases`` over the next
    ``weeks``, ``expected_spend`` and ``predicted_revenue`` (their product)."""
    f, r, t = summary["frequency"], summary["recency"], summary["T"]
    purchases = expected_purchases(bgnbd, weeks, f, r, t)
    spend = expected_spend(gammagamma, f, monetary.reindex(summary.index, fill_value=0.0))
    return pd.DataFrame(
        {"expected_purchases": purchases, "expected_spend": spend, "predicted_revenue": purchases * spend},
        index=summary.index,
    )


def enough_spend_history(frequency, monetary) -> bool:
    """Whether a fit makes sense: at least 10 repeat buyers with a positive mean spend."""
    return int(((np.asarray(frequency) > 0) & (np.asarray(monetary) > 0)).sum()) >= MIN_REPEAT


def predict_portfolio(
    portfolio: Portfolio,
    as_of: pd.Timestamp | None = None,
    fit: tuple[BGNBDParams | None, pd.DataFrame] | None = None,
) -> pd.DataFrame | None:
    """:func:`predicted_revenue` over the next 12 months for every company with a dated sale (MBG/NBD
    and Gamma-Gamma fitted on all of them, former clients included: the models need those who stopped);
    None when the history is too thin for either fit. A negative mean spend (credit notes) counts 0.
    Where the model has no finite expected spend (one-purchase clients when q <= 1), the median
    expected spend of the repeat buyers stands in. ``fit``: a :func:`fit_portfolio_bgnbd` result
    already at hand (same ``as_of``), not fitted again."""
    params, summary = fit_portfolio_bgnbd(portfolio, as_of) if fit is None else fit
    if params is None:
        return None
    monetary = spend_summary(portfolio.won(), summary).clip(lower=0.0)
    if not enough_spend_history(summary["frequency"], monetary):
        return None
    table = predicted_revenue(params, fit_gammagamma(summary["frequency"], monetary), summary, monetary)
    repeat = table.loc[summary["frequency"] > 0, "expected_spend"].median()
    table["expected_spend"] = table["expected_spend"].fillna(repeat)
    table["predicted_revenue"] = table["expected_purchases"] * table["expected_spend"]
    return table
