"""classify_abc on 10^6 clients with text ids (as the loader gives them) against the least work that
gives every client its class: argsort, cumsum, searchsorted (equal values share a class), scatter back.

classify_abc does more than that (a ranked table with shares, the tie order by client id, a class
column), and the target says how much more it may cost: at most twice the baseline.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench.common import Row, best_of_each
from portfolio_core import classify_abc


def least_work(raw: np.ndarray, a: float = 0.8, b: float = 0.95) -> np.ndarray:
    """Every client's class code (0 A, 1 B, 2 C) by DESIGN.md's rule, in the input order."""
    order = np.argsort(raw)
    ascending = raw[order]
    cumulative = np.cumsum(ascending)
    total = cumulative[-1]
    # the sum of the values <= each value: equal values end at the same place
    up_to = cumulative[np.searchsorted(ascending, ascending, side="right") - 1]
    before = (total - up_to) / total
    codes = np.where(before < a, 0, np.where(before < b, 1, 2)).astype(np.int8)
    out = np.empty_like(codes)
    out[order] = codes
    return out


def _row(label: str, raw: np.ndarray, ids: pd.Index) -> Row:
    values = pd.Series(raw, index=ids)
    times = best_of_each({"ours": lambda: classify_abc(values, 0.8, 0.95), "base": lambda: least_work(raw)})
    ours, base = times["ours"], times["base"]
    return Row(f"classify_abc, {len(raw):,} clients, {label}", ours, base, "s", "<= 2x", ours <= 2 * base)


def run(n: int = 1_000_000) -> list[Row]:
    rng = np.random.default_rng(0)
    ids = pd.Index([f"C{i:07d}" for i in range(n)], name="client")
    return [
        _row("distinct values", rng.pareto(1.2, n) * 1000, ids),
        _row("rounded to 100, many ties", np.round(rng.pareto(1.2, n) * 10) * 100, ids),
    ]
