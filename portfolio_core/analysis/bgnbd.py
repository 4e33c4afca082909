"""The BG/NBD model of Fader, Hardie and Lee (2005): is a client still buying?

Fader P. S., Hardie B. G. S., Lee K. L. (2005) "'Counting Your Customers' the
Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2).

While alive, a client buys at a Poisson rate drawn from Gamma(r, alpha); after
each purchase it drops out with a probability drawn from Beta(a, b). The model
is fitted by maximum likelihood on one row per client: ``frequency`` (x, the
number of repeat purchases), ``recency`` (t_x, the time of the last purchase
since the first) and ``T`` (the time since the first purchase), all in the same
time unit. The log-likelihood (equation 6 of the paper) is vectorised with
scipy.special; identical rows are grouped and weighted, so a million clients
cost no more than their distinct histories.

The modified BG/NBD (MBG/NBD) of Batislam, Denizel and Filiztekinler (2007),
"Empirical validation and comparison of models for customer base analysis",
International Journal of Research in Marketing 24(3), lets a client drop out
right after its first purchase too (at every purchase, the first included,
with the probability p ~ Beta(a, b)). In the BG/NBD a client without repeat
purchase cannot have dropped out, so its probability of being active is 1
however long it has been silent; in the MBG/NBD it is below 1 and falls with
the silence. ``model="mbgnbd"`` selects it in :func:`log_likelihood`,
:func:`fit_bgnbd` and (through the fitted parameters) :func:`prob_alive`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import optimize, special

MIN_CLIENTS = 30  # clients with a purchase
MIN_REPEAT = 10  # clients with a repeat purchase
LOG_BOUND = 12.0  # parameters stay within exp(-12)..exp(12)
Model = Literal["bgnbd", "mbgnbd"]
Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]  # log-parameters -> (value, gradient)
MODELS = ("bgnbd", "mbgnbd")
# With exact gradients the evaluations are cheap: stop only when f and the gradient are flat.
LBFGS_OPTIONS = {"ftol": 1e-12, "gtol": 1e-8}


@dataclass(frozen=True)
class BGNBDParams:
    """Fitted parameters: purchase rate ~ Gamma(r, alpha), drop-out ~ Beta(a, b).

    ``model`` is ``"bgnbd"`` (Fader, Hardie and Lee 2005) or ``"mbgnbd"``
    (Batislam et al. 2007: a client may also drop out right after its first purchase).
    """

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    clients: int
    converged: bool
    model: Model = "bgnbd"


def rfm_summary(
    transactions: pd.DataFrame,
    client_col: str = "client",
    date_col: str = "date",
    as_of: pd.Timestamp | None = None,
    unit_days: float = 7.0,
) -> pd.DataFrame:
    """Frequency, recency and age per client from dated purchases.

    Purchases on the same day count once. Input columns: ``client_col`` and
    ``date_col`` (rows without a date are ignored). Output indexed by client:
    ``frequency`` (distinct purchase days - 1), ``recency`` (last - first
    purchase), ``T`` (``as_of`` - first purchase), in units of ``unit_days``
    (weeks by default). ``as_of`` defaults to the last date in the data.

    Examples
    --------
    >>> t = pd.DataFrame({"client": ["x", "x", "y"],
    ...                   "date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-01-08"])})
    >>> rfm_summary(t).to_dict("index")
    {'x': {'frequency': 1, 'recency': 2.0, 'T': 2.0}, 'y': {'frequency': 0, 'recency': 0.0, 'T': 1.0}}
    """
    dated = transactions[[client_col, date_col]].dropna()
    days = pd.to_datetime(dated[date_col]).dt.normalize()
    end = days.max() if as_of is None else pd.Timestamp(as_of).normalize()
    distinct = pd.DataFrame(
        {"client": dated[client_col].to_numpy(), "day": days.to_numpy()}
    ).drop_duplicates()
    g = distinct.groupby("client", sort=True)["day"]
    first, last, count = g.min(), g.max(), g.size()
    out = pd.DataFrame(
        {
            "frequency": (count - 1).astype("int64"),
            "recency": (last - first).dt.days / unit_days,
            "T": (end - first).dt.days / unit_days,
        }
    )
    out.index.name = client_col
    return out


def _grouped(frequency, recency, T) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    frame = pd.DataFrame(
        {
            "x": np.asarray(frequency, "float64"),
            "t": np.asarray(recency, "float64"),
            "T": np.asarray(T, "float64"),
        }
    )
    counts = frame.groupby(["x", "t", "T"], sort=False).size().reset_index(name="w")
    return (
        counts["x"].to_numpy(),
        counts["t"].to_numpy(),
        counts["T"].to_numpy(),
        counts["w"].to_numpy("float64"),
    )


def _check_model(model: str) -> None:
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}: use 'bgnbd' or 'mbgnbd'")


def log_likelihood(
    r: float, alpha: float, a: float, b: float, x, t_x, T, model: Model = "bgnbd"
) -> np.ndarray:
    """The BG/NBD log-likelihood of each client (equation 6 of Fader, Hardie and Lee 2005).

    With ``model="mbgnbd"``, the MBG/NBD likelihood (Batislam et al. 2007)::

        L = Gamma(r + x) alpha^r / Gamma(r) * [ B(a, b + x + 1) / B(a, b) / (alpha + T)^(r + x)
                                              + B(a + 1, b + x) / B(a, b) / (alpha + t_x)^(r + x) ]

    (alive after all x + 1 purchases and silent since, or dropped out right after the last one),
    for every x, 0 included.

    Examples
    --------
    >>> float(log_likelihood(1.0, 1.0, 1.0, 1.0, [0], [0.0], [1.0])[0])  # log((alpha / (alpha + T)) ** r)
    -0.693147...
    >>> float(log_likelihood(1.0, 1.0, 1.0, 1.0, [0], [0.0], [1.0], model="mbgnbd")[0])  # log(1/4 + 1/2)
    -0.287682...
    """
    _check_model(model)
    x, t_x, T = (np.asarray(v, "float64") for v in (x, t_x, T))
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    if model == "mbgnbd":
        base = special.betaln(a, b)
        alive = special.betaln(a, b + x + 1) - base - (r + x) * np.log(alpha + T)
        dropped = special.betaln(a + 1, b + x) - base - (r + x) * np.log(alpha + t_x)
        return a1 + np.logaddexp(alive, dropped)
    a2 = special.betaln(a, b + x) - special.betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(
            x > 0,
            np.log(a) - np.log(np.where(x > 0, b + x - 1, 1.0)) - (r + x) * np.log(alpha + t_x),
            -np.inf,
        )
    return a1 + a2 + np.logaddexp(a3, a4)


def _objective(x, t_x, T, w, model: Model = "bgnbd") -> Objective:
    """The weighted negative log-likelihood and its gradient over the parameters' logs.

    The likelihood is rewritten with m = 1 (MBG/NBD) or 0 (BG/NBD) and s = x + m as
    ``Gamma(r + x) alpha^r / Gamma(r) B(a, b + s) / B(a, b) [(alpha + T)^-(r + x)
    + a / (b + s - 1) (alpha + t_x)^-(r + x)]`` (the second term only for s > 0);
    the terms in x alone are computed once per distinct x.
    """
    ux, ix = np.unique(x, return_inverse=True)
    s = ux + (1.0 if model == "mbgnbd" else 0.0)
    has_drop = s > 0
    counts = np.bincount(ix, weights=w)
    total = float(w.sum())
    uT, iT = np.unique(T, return_inverse=True)
    ut, it = np.unique(t_x, return_inverse=True)

    def value_and_grad(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        r, alpha, a, b = np.exp(log_params)
        log_T, log_t = np.log(alpha + uT)[iT], np.log(alpha + ut)[it]
        inv_drop = 1.0 / np.where(has_drop, b + s - 1, 1.0)
        c4 = np.where(has_drop, np.log(a) + np.log(inv_drop), -np.inf)
        rx = r + x
        d = c4[ix] + rx * (log_T - log_t)  # log(second term / first term)
        w4 = special.expit(d)
        w3 = special.expit(-d)
        per_x = special.gammaln(r + ux) + special.betaln(a, b + s)
        ll = (
            (counts * per_x).sum()
            + total * (r * np.log(alpha) - special.gammaln(r) - special.betaln(a, b))
            + (w * (np.logaddexp(0.0, d) - rx * log_T)).sum()
        )
        psi_ab, psi_abs = special.digamma(a + b), special.digamma(a + b + s)
        drop = np.bincount(ix, weights=w * w4, minlength=len(ux))
        grad = np.array(
            [
                (counts * special.digamma(r + ux)).sum()
                + total * (np.log(alpha) - special.digamma(r))
                - (w * (w3 * log_T + w4 * log_t)).sum(),
                total * r / alpha - (w * rx * (w3 / (alpha + T) + w4 / (alpha + t_x))).sum(),
                (counts * (psi_ab - psi_abs)).sum() + drop.sum() / a,
                (counts * (special.digamma(b + s) - psi_abs - special.digamma(b) + psi_ab)).sum()
                - (drop * inv_drop).sum(),
            ]
        )
        value = -float(ll)
        gradient = -grad * np.array([r, alpha, a, b])
        if not (np.isfinite(value) and np.all(np.isfinite(gradient))):
            return 1e300, np.zeros(4)
        return value, gradient

    return value_and_grad


def fit_bgnbd(frequency, recency, T, model: Model = "bgnbd") -> BGNBDParams:
    """Maximum-likelihood BG/NBD (or MBG/NBD, ``model="mbgnbd"``) parameters (scipy, on their logs).

    L-BFGS-B with the analytic gradient from (1, mean age, 1, 1) within exp(+-12);
    Nelder-Mead then a polish when it does not converge.
    ``converged`` is False when the optimiser failed or a parameter ran to
    that bound (thin data: a and b large means a constant drop-out rate).

    Parameters
    ----------
    frequency, recency, T : arrays of the same length, as :func:`rfm_summary` returns.

    Examples
    --------
    >>> fit = fit_bgnbd([0, 1, 4, 0, 2, 7, 1, 0], [0, 10, 30, 0, 20, 38, 2, 0], [39.0] * 8)
    >>> fit.clients, fit.r > 0 and fit.alpha > 0
    (8, True)
    """
    _check_model(model)
    x, t, big_t, w = _grouped(frequency, recency, T)
    if len(x) == 0:
        raise ValueError("the BG/NBD fit needs at least one client")
    scale = max(float(np.average(big_t, weights=w)), 1e-9)  # start alpha near the typical age
    nll_and_grad = _objective(x, t, big_t, w, model)

    def nll(log_params: np.ndarray) -> float:
        return nll_and_grad(log_params)[0]

    start = np.log([1.0, scale, 1.0, 1.0])
    # On thin data a and b can run off to infinity (a constant drop-out rate): stay within bounds.
    bounds = [(-LOG_BOUND, LOG_BOUND)] * 4
    best = optimize.minimize(
        nll_and_grad, start, jac=True, method="L-BFGS-B", bounds=bounds, options=LBFGS_OPTIONS
    )
    if not best.success:  # slower but sturdier, then polish
        simplex = optimize.minimize(nll, start, method="Nelder-Mead", options={"maxiter": 20000})
        polished = optimize.minimize(
            nll_and_grad,
            np.clip(simplex.x, -LOG_BOUND, LOG_BOUND),
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options=LBFGS_OPTIONS,
        )
        best = min((best, simplex, polished), key=lambda res: float(res.fun))
    at_bound = bool(np.any(np.abs(best.x) >= LOG_BOUND - 1e-6))
    r, alpha, a, b = (float(v) for v in np.exp(best.x))
    converged = bool(best.success) and not at_bound
    return BGNBDParams(r, alpha, a, b, -float(best.fun), int(w.sum()), converged, model)


def prob_alive(params: BGNBDParams, frequency, recency, T) -> np.ndarray:
    """P(the client is still active | x, t_x, T), under the model the parameters were fitted with.

    BG/NBD: ``1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x))`` for
    ``x > 0``, and 1 for clients without repeat purchase (the model's known artefact).
    MBG/NBD: ``1 / (1 + a / (b + x) * ((alpha + T) / (alpha + t_x))^(r + x))`` for every
    ``x``: below 1 for one-purchase clients too, and lower the longer the silence.

    Examples
    --------
    >>> p = BGNBDParams(0.243, 4.414, 0.793, 2.426, 0.0, 0, True)
    >>> prob_alive(p, [0, 2], [0.0, 30.43], [38.86, 38.86]).round(3).tolist()
    [1.0, 0.727]
    >>> m = BGNBDParams(1.0, 1.0, 1.0, 1.0, 0.0, 0, True, "mbgnbd")
    >>> prob_alive(m, [0], [0.0], [1.0]).tolist()  # 1 / (1 + 1/1 * (2/1)^1)
    [0.3333333333333333]
    """
    x, t_x, big_t = (np.asarray(v, "float64") for v in (frequency, recency, T))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    if params.model == "mbgnbd":
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            log_ratio = np.log(a) - np.log(b + x) + (r + x) * (np.log(alpha + big_t) - np.log(alpha + t_x))
            return np.asarray(1.0 / (1.0 + np.exp(log_ratio)), dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        log_ratio = (
            np.log(a)
            - np.log(np.where(x > 0, b + x - 1, 1.0))
            + (r + x) * (np.log(alpha + big_t) - np.log(alpha + t_x))
        )
        p = 1.0 / (1.0 + np.exp(log_ratio))
    return np.where(x > 0, p, 1.0)


def enough_history(summary: pd.DataFrame) -> bool:
    """Whether a fit makes sense: at least 30 buying clients and 10 with a repeat purchase."""
    return len(summary) >= MIN_CLIENTS and int((summary["frequency"] > 0).sum()) >= MIN_REPEAT


def expected_purchases(params: BGNBDParams, t: float, frequency, recency, T) -> np.ndarray:
    """Expected purchases in the next ``t`` time units given x, t_x, T (equation 10 of Fader, Hardie
    and Lee 2005; its MBG/NBD form for ``model="mbgnbd"``), for ``a != 1``::

        (a + b + x - 1 + m) / (a - 1) * [1 - ((alpha + T) / (alpha + T + t))^(r + x)
            * 2F1(r + x, b + x + m; a + b + x - 1 + m; t / (alpha + T + t))] * P(alive)

    with m = 1 for the MBG/NBD, 0 for the BG/NBD. The bracket, in x and T only, is computed once per
    distinct (x, T) pair.

    Examples
    --------
    >>> p = BGNBDParams(0.243, 4.414, 0.793, 2.426, 0.0, 0, True)
    >>> expected_purchases(p, 39.0, [2], [30.43], [38.86]).round(3).tolist()
    [1.226]
    """
    x, big_t = np.broadcast_arrays(*(np.asarray(v, "float64") for v in (frequency, T)))
    pairs, inverse = np.unique(np.stack([x.ravel(), big_t.ravel()], axis=1), axis=0, return_inverse=True)
    ux, u_t = pairs[:, 0], pairs[:, 1]
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    m = 1.0 if params.model == "mbgnbd" else 0.0
    z = t / (alpha + u_t + t)
    head = (a + b + ux - 1 + m) / (a - 1)
    hyp = special.hyp2f1(r + ux, b + ux + m, a + b + ux - 1 + m, z)
    bracket = head * (1 - ((alpha + u_t) / (alpha + u_t + t)) ** (r + ux) * hyp)
    per_client = bracket[inverse.reshape(-1)].reshape(x.shape)
    return np.asarray(per_client * prob_alive(params, frequency, recency, T), dtype="float64")
