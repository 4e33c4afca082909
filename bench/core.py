"""classify_abc on 10^6 clients against a bare numpy sort + cumsum + searchsorted."""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench.common import Row, best_of
from portfolio_core import classify_abc


def run(n: int = 1_000_000) -> list[Row]:
    rng = np.random.default_rng(0)
    values = pd.Series(
        rng.pareto(1.2, n) * 1000, index=pd.Index([f"C{i:07d}" for i in range(n)], name="client")
    )
    raw = values.to_numpy()

    def baseline() -> None:
        ordered = np.sort(raw)
        np.searchsorted(ordered, raw)
        np.cumsum(ordered)

    ours = best_of(lambda: classify_abc(values, 0.8, 0.95))
    base = best_of(baseline)
    return [Row(f"classify_abc, {n:,} clients", ours, base, "s", "<= 2x", ours <= 2 * base)]
