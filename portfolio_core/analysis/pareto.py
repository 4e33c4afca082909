"""Pareto (cumulative share) curves, downsampled for charts."""

from __future__ import annotations

import numpy as np
import pandas as pd

MAX_POINTS = 500  # smooth on any screen; the browser paints 500 points in a few ms


def pareto_curve(classified: pd.DataFrame, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """The cumulative revenue share against clients ranked by value.

    ``classified`` is the output of :func:`portfolio_core.classify_abc`.
    Returns at most about ``max_points`` rows (plus the class boundaries),
    whatever the number of clients: the start (0, 0), the last point, and the
    last client of each class are always kept exactly, so the chart's class
    changes sit where the table says they are.

    Columns: ``rank`` (1-based, 0 for the origin), ``client_share`` (rank / n),
    ``cumulative_share`` and ``abc_class`` of the client at that rank.

    Examples
    --------
    >>> from portfolio_core.analysis.abc import classify_abc
    >>> c = classify_abc(pd.Series({"x": 60.0, "y": 30.0, "z": 10.0}), 0.5, 0.9)
    >>> pareto_curve(c)["cumulative_share"].round(2).tolist()
    [0.0, 0.6, 0.9, 1.0]
    """
    n = len(classified)
    cls = classified["abc_class"].to_numpy()
    cum = classified["cumulative_share"].to_numpy()
    if n == 0:
        return pd.DataFrame(columns=["rank", "client_share", "cumulative_share", "abc_class"])
    idx = np.unique(np.linspace(0, n - 1, num=min(n, max_points)).round().astype(np.int64))
    change = np.flatnonzero(cls[1:] != cls[:-1])  # last row of each class run
    keep = np.unique(np.concatenate([idx, change, change + 1, [n - 1]]))
    points = pd.DataFrame(
        {
            "rank": keep + 1,
            "client_share": (keep + 1) / n,
            "cumulative_share": cum[keep],
            "abc_class": cls[keep],
        }
    )
    origin = pd.DataFrame(
        {"rank": [0], "client_share": [0.0], "cumulative_share": [0.0], "abc_class": [cls[0]]}
    )
    return pd.concat([origin, points], ignore_index=True)
