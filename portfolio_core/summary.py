"""The class summary as a plain dictionary (the CLI's JSON, the app's headline numbers)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .abc import CLASSES, class_summary


def summary_dict(classified: pd.DataFrame) -> dict[str, Any]:
    """``{"clients", "total_revenue", "classes": {"A": {"clients", "revenue", "revenue_share"}, ...}}``.

    Examples
    --------
    >>> from portfolio_core.abc import classify_abc
    >>> d = summary_dict(classify_abc(pd.Series({"x": 80.0, "y": 20.0})))
    >>> d["classes"]["A"]
    {'clients': 1, 'revenue': 80.0, 'revenue_share': 0.8}
    """
    table = class_summary(classified).to_dict(orient="index")
    return {
        "clients": int(len(classified)),
        "total_revenue": float(classified["value"].sum()),
        "classes": {
            cls: {
                "clients": int(table[cls]["clients"]),
                "revenue": float(table[cls]["revenue"]),
                "revenue_share": float(table[cls]["revenue_share"]),
            }
            for cls in CLASSES
        },
    }
