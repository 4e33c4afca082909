"""Anonymised mode: clients shown by stable labels (class letter and rank in the class: ``A-001``),
never by their names or identifiers, in the report and every file made from it.

The key (label -> client) is never written anywhere: the labels follow from the ranking alone.
"""

from __future__ import annotations

import pandas as pd


def client_labels(classified: pd.DataFrame) -> pd.Series:
    """One label per classified client: its class and its rank within the class, by value.

    Examples
    --------
    >>> t = pd.DataFrame({"rank": [2, 1, 3], "abc_class": ["A", "A", "C"]}, index=["x", "y", "z"])
    >>> client_labels(t).to_dict()
    {'x': 'A-002', 'y': 'A-001', 'z': 'C-001'}
    """
    ranked = classified.sort_values("rank", kind="stable")
    number = ranked.groupby("abc_class", observed=True).cumcount() + 1
    width = max(3, len(str(int(number.max())))) if len(number) else 3
    labels = ranked["abc_class"].astype(str) + "-" + number.astype(str).str.zfill(width)
    return labels.reindex(classified.index)


def other_labels(clients: pd.Index, prefix: str = "X") -> pd.Series:
    """Labels for clients outside the classified ones (``X-001``...), in the given order."""
    width = max(3, len(str(len(clients))))
    return pd.Series([f"{prefix}-{i:0{width}d}" for i in range(1, len(clients) + 1)], index=clients)
