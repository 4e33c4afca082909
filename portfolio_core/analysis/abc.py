"""ABC (Pareto) classification of clients by their share of a value."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

Rule = Literal["before", "spreadsheet"]
CLASSES = ("A", "B", "C")
CLASS_DTYPE = pd.CategoricalDtype(list(CLASSES), ordered=True)

# Shares are sums of floats: a client sitting exactly on a cut-off must not
# slip into the upper class because of rounding noise in the last bits.
_EPS = 1e-12
# The default cut-offs, in percent (the 80/20 of the article, then the next 15 %): the one place they live.
DEFAULT_A_PCT, DEFAULT_B_PCT = 80, 95


class NoPositiveValueError(ValueError):
    """Raised when no client has a positive value, so shares are undefined."""


def _check_cutoffs(a: float, b: float) -> None:
    if not (0 < a < b <= 1):
        raise ValueError(f"cut-offs must satisfy 0 < a < b <= 1 (got a={a}, b={b})")


def classify_abc(
    values: pd.Series, a: float = DEFAULT_A_PCT / 100, b: float = DEFAULT_B_PCT / 100, rule: Rule = "before"
) -> pd.DataFrame:
    """Classify clients A/B/C by their share of the total positive value.

    With ``T`` the sum of positive values and ``before(v)`` the sum of the
    values strictly greater than ``v`` divided by ``T``, a client is A if
    ``before(v) < a``, B if ``before(v) < b``, else C. Equal values share a
    class, the top client is always A and values <= 0 are C (``non_positive``
    is True). ``rule="spreadsheet"`` uses the old convention instead: the
    cumulative share *including* the client, compared with ``<=``.

    Parameters
    ----------
    values : Series indexed by client (revenue, margin...). NaN counts as 0.
    a, b : cut-offs as fractions, ``0 < a < b <= 1``.
    rule : ``"before"`` (default) or ``"spreadsheet"``.

    Returns
    -------
    DataFrame indexed by client, ranked by value (descending, then client),
    with columns ``rank``, ``value``, ``share``, ``before_share``,
    ``cumulative_share``, ``abc_class``, ``non_positive``.

    Examples
    --------
    >>> s = pd.Series({"x": 1000.0, "y": 1.0, "z": 1.0})
    >>> classify_abc(s)["abc_class"].tolist()
    ['A', 'C', 'C']
    """
    _check_cutoffs(a, b)
    if rule not in ("before", "spreadsheet"):
        raise ValueError(f"unknown rule {rule!r}: use 'before' or 'spreadsheet'")
    v = pd.to_numeric(values, errors="coerce").astype("float64").fillna(0.0)
    if not np.isfinite(v.to_numpy()).all():
        raise ValueError("values must be finite numbers")
    positive = v.to_numpy() > 0
    total = float(v.to_numpy()[positive].sum())
    if not total > 0:
        raise NoPositiveValueError("no client has a positive value: the ABC analysis needs at least one")

    # A deterministic ranking: value descending, then client identifier where values are equal.
    values_arr = v.to_numpy()
    order = np.argsort(-values_arr)
    vals = values_arr[order]
    pos = np.where(vals > 0, vals, 0.0)
    cum = np.cumsum(pos)
    strictly_greater = cum - pos  # the sum of the values ranked before each client
    new_value = np.r_[True, vals[1:] != vals[:-1]]
    if not new_value.all():  # equal values: one class (the sum before their run), ids break the tie
        run = np.cumsum(new_value) - 1
        strictly_greater = strictly_greater[np.flatnonzero(new_value)][run]
        tied = np.flatnonzero(np.bincount(run)[run] > 1)
        if pd.api.types.is_string_dtype(v.index) and v.index.is_monotonic_increasing:
            # ids sorted as text (as the loader gives them): the row order is the id order
            by_id = np.argsort(run[tied].astype(np.int64) * len(vals) + order[tied], kind="stable")
        else:
            by_id = np.lexsort((v.index[order[tied]].astype(str).to_numpy(), run[tied]))
        order[tied] = order[tied][by_id]
    before = np.clip(strictly_greater / total, 0.0, 1.0)
    cumulative = np.minimum(cum / total, 1.0)

    if rule == "before":
        codes = np.where(before < a - _EPS, 0, np.where(before < b - _EPS, 1, 2))
    else:
        codes = np.where(cumulative <= a + _EPS, 0, np.where(cumulative <= b + _EPS, 1, 2))
    codes = np.where(vals > 0, codes, 2).astype(np.int8)
    return pd.DataFrame(
        {
            "rank": np.arange(1, len(vals) + 1),
            "value": vals,
            "share": pos / total,
            "before_share": before,
            "cumulative_share": cumulative,
            "abc_class": pd.Categorical.from_codes(codes, dtype=CLASS_DTYPE),
            "non_positive": ~(vals > 0),
        },
        index=v.index[order],
    )


def class_summary(classified: pd.DataFrame) -> pd.DataFrame:
    """Clients, revenue and revenue share per class, always rows A, B, C.

    ``classified`` is the output of :func:`classify_abc`. Revenue sums the
    class's values (negative ones included); shares are of the positive total,
    so they add up to 1 when no value is negative.

    Examples
    --------
    >>> c = classify_abc(pd.Series({"x": 60.0, "y": 30.0, "z": 10.0}), 0.5, 0.9)
    >>> class_summary(c)["clients"].tolist()
    [1, 1, 1]
    """
    values = classified["value"].to_numpy()
    codes = classified["abc_class"].astype(CLASS_DTYPE).cat.codes.to_numpy()
    total = float(values[values > 0].sum())
    out = pd.DataFrame(
        {
            "clients": np.bincount(codes, minlength=3).astype(int),
            "revenue": np.bincount(codes, weights=values, minlength=3),
        },
        index=pd.Index(CLASSES, name="abc_class"),
    )
    out["revenue_share"] = out["revenue"] / total if total > 0 else 0.0
    out["client_share"] = out["clients"] / max(len(classified), 1)
    return out
