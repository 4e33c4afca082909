"""Cut-offs the data suggests: the computed ABC analysis of Ultsch and Lötsch (2015).

Ultsch A., Lötsch J. (2015) "Computed ABC Analysis for Rational Selection of
Most Informative Variables in Multivariate Data", PLoS ONE 10(6): e0129767.

The ABC curve plots the cumulative share of value (y) against the share of
items (x), items ranked from the largest value down; it runs from (0, 0) to
(1, 1). Three points of it split the items:

- the **Pareto point**: the point of the curve nearest to (0, 1), the ideal of
  "all the value from no item";
- the **break-even point**: where the slope of the curve is 1, i.e. where the
  items stop bringing more than the average value (a gain of 1 % of value for
  1 % of items);
- A ends at the nearer (smaller x) of the two; with Bx the x of the other one,
  the **submarginal point** is the point of the curve nearest to (Bx, 1): B
  ends there, the items after it are C.

This follows the R package ABCanalysis (``ABCanalysis()``: Pareto point by
minimum distance to (0, 1), break-even by ``dABC == 1`` taking the rightmost,
``ABexchanged`` when the break-even point comes first, submarginal point by
minimum distance to (Bx, 1)). Unlike the R package, which fits a spline on a
grid of 101 or 1001 points, the curve here is the exact empirical one: one
vertex per item, and the slope on the segment ending at item k is
``value_k / mean value``, so the break-even point is the last item whose value
is at least the mean. Non-positive and missing values count as 0 (as the R
package's ``ABCcleanData`` does): those items stay on the curve, at its flat end.
The origin is never the Pareto point (the top item is always A) and ties, as on the
diagonal of equal values, go to the point with fewer items.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from portfolio_core.analysis.abc import _EPS, NoPositiveValueError, Rule, classify_abc

Point = tuple[float, float]


@dataclass(frozen=True)
class SuggestedCutoffs:
    """The computed ABC analysis and the slider cut-offs it suggests.

    ``a_pct`` and ``b_pct`` are integer percentages of cumulative value (the
    unit of the app's sliders), ``1 <= a_pct < b_pct <= 100``. Points are
    ``(share of items, cumulative share of value)``. ``a_items`` ... ``c_items``
    count the items in each class under the app's rule with ``a_pct`` and
    ``b_pct``: what the sliders show once the suggestion is applied (the paper's
    classes, A up to the nearer of the Pareto and break-even points, B up to
    the submarginal point, but for the rounding of the cut-offs to whole percent).
    ``exchanged`` is True when the break-even point comes before the Pareto point.
    """

    a_pct: int
    b_pct: int
    pareto: Point
    break_even: Point
    submarginal: Point
    a_items: int
    b_items: int
    c_items: int
    exchanged: bool

    @property
    def a_point(self) -> Point:
        """The point where class A ends (the nearer of the Pareto and break-even points)."""
        return self.break_even if self.exchanged else self.pareto


def abc_curve(values: pd.Series | np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The exact ABC curve: share of items and cumulative share of value, from (0, 0).

    Returns ``(x, y, sorted_values)`` with ``n + 1`` points: ``x[k] = k / n``
    and ``y[k]`` the share of the total made by the ``k`` largest values.
    Values <= 0 or missing count as 0.

    Examples
    --------
    >>> x, y, _ = abc_curve(pd.Series([1.0, 3.0]))
    >>> x.tolist(), y.tolist()
    ([0.0, 0.5, 1.0], [0.0, 0.75, 1.0])
    """
    v = np.asarray(pd.to_numeric(pd.Series(np.asarray(values)), errors="coerce"), dtype="float64")
    v = np.where(np.isfinite(v) & (v > 0), v, 0.0)
    total = float(v.sum())
    if not total > 0:
        raise NoPositiveValueError("no positive value: the ABC curve needs at least one")
    ranked = -np.sort(-v)
    n = len(ranked)
    x = np.arange(n + 1, dtype="float64") / n
    y = np.concatenate([[0.0], np.minimum(np.cumsum(ranked) / total, 1.0)])
    return x, y, ranked


def _to_pct(share: float) -> int:
    """A share as an integer percent, rounded half up."""
    return int(np.floor(share * 100 + 0.5 + 1e-9))


def _first_min(distances: np.ndarray) -> int:
    """The first index within rounding noise of the minimum (ties go to the fewer items)."""
    return int(np.flatnonzero(distances <= distances.min() + 1e-12)[0])


def suggest_cutoffs(values: pd.Series | np.ndarray) -> SuggestedCutoffs:
    """The A and B cut-offs of the computed ABC analysis (Ultsch and Lötsch 2015).

    The paper's points sit on the ABC curve; the suggested cut-off is the
    cumulative share of value (y) at the point where the class ends, as an
    integer percent rounded to the nearest: ``a_pct`` from the end of A,
    ``b_pct`` from the submarginal point, clamped to 1..99 and 2..100 with
    ``b_pct > a_pct``. With the app's rule (A if the share *before* the client
    is below a), a = y of the last A item puts exactly those items in A, up to
    that rounding.

    Parameters
    ----------
    values : value per item (revenue per client); values <= 0 count as 0.

    Raises
    ------
    NoPositiveValueError : when no value is positive.

    Examples
    --------
    >>> s = suggest_cutoffs(pd.Series([30, 20, 14, 11, 8, 6, 5, 3, 2, 1.0]))
    >>> s.a_pct, s.b_pct, s.pareto, s.submarginal
    (64, 83, (0.3, 0.64), (0.5, 0.83))
    """
    x, y, ranked = abc_curve(values)
    n = len(ranked)
    total = float(ranked.sum())
    # The origin is never the Pareto point: the top item is always A (as in the app's rule).
    pareto_i = 1 + _first_min(x[1:] ** 2 + (1.0 - y[1:]) ** 2)
    # Slope of the segment ending at item k: ranked[k-1] / mean; >= 1 for a prefix of items.
    break_even_i = int(np.count_nonzero(ranked * n >= total * (1 - 1e-12)))
    exchanged = break_even_i < pareto_i
    a_i, other_i = min(pareto_i, break_even_i), max(pareto_i, break_even_i)
    bx = x[other_i]
    sub_i = _first_min((x - bx) ** 2 + (1.0 - y) ** 2)
    a_pct = min(max(_to_pct(y[a_i]), 1), 99)
    b_pct = min(max(_to_pct(y[sub_i]), 2), 100)
    if b_pct <= a_pct:
        b_pct = a_pct + 1
    # the counts are what the app's rule gives with the rounded cut-offs (what "Suggest" then shows)
    classes = classify_abc(pd.Series(ranked, index=np.arange(n)), a_pct / 100, b_pct / 100)["abc_class"]
    counts = np.bincount(classes.cat.codes.to_numpy(), minlength=3)
    return SuggestedCutoffs(
        a_pct=a_pct,
        b_pct=b_pct,
        pareto=(float(x[pareto_i]), float(y[pareto_i])),
        break_even=(float(x[break_even_i]), float(y[break_even_i])),
        submarginal=(float(x[sub_i]), float(y[sub_i])),
        a_items=counts[0],
        b_items=counts[1],
        c_items=counts[2],
        exchanged=exchanged,
    )


def abc_curve_points(values: pd.Series | np.ndarray, max_points: int = 1000) -> pd.DataFrame:
    """The ABC curve downsampled for a chart: ``client_share``, ``value_share``.

    Keeps the origin, the end and about ``max_points`` evenly spaced vertices.

    Examples
    --------
    >>> abc_curve_points(pd.Series([3.0, 1.0]))["value_share"].tolist()
    [0.0, 0.75, 1.0]
    """
    x, y, _ = abc_curve(values)
    idx = np.unique(np.linspace(0, len(x) - 1, num=min(len(x), max_points)).round().astype(np.int64))
    return pd.DataFrame({"client_share": x[idx], "value_share": y[idx]})


def _classes(key: np.ndarray, positive: np.ndarray, a: float, b: float, rule: Rule) -> np.ndarray:
    """The ABC rule of :func:`portfolio_core.classify_abc` on its precomputed key."""
    if rule == "before":
        cls = np.where(key < a - _EPS, "A", np.where(key < b - _EPS, "B", "C"))
    else:
        cls = np.where(key <= a + _EPS, "A", np.where(key <= b + _EPS, "B", "C"))
    return np.where(positive, cls, "C")


def cutoff_sensitivity(
    classified: pd.DataFrame, a_pct: int, b_pct: int, rule: Rule = "before"
) -> pd.DataFrame:
    """How many clients change class when a cut-off moves by one point.

    ``classified`` is the output of :func:`portfolio_core.classify_abc` for
    ``a_pct``/``b_pct`` (percent). One row per move that keeps
    ``1 <= a < b <= 100``: ``move`` ("A cut-off -1"...), ``a``, ``b``,
    ``clients_changing`` and ``share_of_clients``.

    Examples
    --------
    >>> from portfolio_core.analysis.abc import classify_abc
    >>> c = classify_abc(pd.Series({"x": 50.0, "y": 30.0, "z": 20.0}), 0.5, 0.8)
    >>> cutoff_sensitivity(c, 50, 80)["clients_changing"].tolist()
    [0, 1, 0, 1]
    """
    key = classified["before_share" if rule == "before" else "cumulative_share"].to_numpy()
    positive = ~classified["non_positive"].to_numpy()
    now = _classes(key, positive, a_pct / 100, b_pct / 100, rule)
    rows = []
    for label, a, b in (
        ("A cut-off -1", a_pct - 1, b_pct),
        ("A cut-off +1", a_pct + 1, b_pct),
        ("B cut-off -1", a_pct, b_pct - 1),
        ("B cut-off +1", a_pct, b_pct + 1),
    ):
        if not (1 <= a < b <= 100):
            continue
        changed = int(np.count_nonzero(_classes(key, positive, a / 100, b / 100, rule) != now))
        rows.append({"move": label, "a": a, "b": b, "clients_changing": changed})
    out = pd.DataFrame(rows, columns=["move", "a", "b", "clients_changing"])
    out["share_of_clients"] = out["clients_changing"] / max(len(classified), 1)
    return out
