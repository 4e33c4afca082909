"""Altair chart builders shared by the pages and the exports (no streamlit here)."""

from __future__ import annotations

import altair as alt
import pandas as pd

CLASS_COLORS = {"A": "#1b7837", "B": "#e08214", "C": "#8c8c8c"}
CLASS_SCALE = alt.Scale(domain=list(CLASS_COLORS), range=list(CLASS_COLORS.values()))


def _bridge_classes(curve: pd.DataFrame) -> pd.DataFrame:
    """Repeat each class's last point as the next class's first, so areas join without gaps."""
    change = curve["abc_class"].ne(curve["abc_class"].shift(-1)) & curve.index.isin(curve.index[:-1])
    bridge = curve[change].copy()
    bridge["abc_class"] = curve["abc_class"].shift(-1)[change]
    return pd.concat([curve, bridge]).sort_values(["rank", "abc_class"], kind="stable")


def pareto_chart(
    curve: pd.DataFrame,
    a: float,
    b: float,
    title: str = "Pareto curve: cumulative share of revenue",
    x_title: str = "Clients ranked by revenue (share of clients)",
    y_title: str = "Cumulative share of revenue",
    cutoff_label: str = "{cls} cut-off {pct:.0f}%",
) -> alt.LayerChart | alt.FacetChart:
    """The Pareto chart: the cumulative share curve, coloured by class, with the A and B cut-offs.

    ``curve`` comes from :func:`portfolio_core.pareto_curve`; ``a`` and ``b``
    are fractions. Returns a layered Altair chart.
    """
    x = alt.X("client_share:Q", title=x_title, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("cumulative_share:Q", title=y_title, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]))
    tooltip = [
        alt.Tooltip("rank:Q", title="Rank"),
        alt.Tooltip("client_share:Q", title="Share of clients", format=".1%"),
        alt.Tooltip("cumulative_share:Q", title="Cumulative revenue", format=".1%"),
        alt.Tooltip("abc_class:N", title="Class"),
    ]
    area = (
        alt.Chart(_bridge_classes(curve))
        .mark_area(opacity=0.4)
        .encode(x=x, y=y.stack(None), color=alt.Color("abc_class:N", scale=CLASS_SCALE, title="Class"))
    )
    line = alt.Chart(curve).mark_line(color="#1f2d3d", strokeWidth=2).encode(x=x, y=y, tooltip=tooltip)
    cuts = pd.DataFrame(
        {"y": [a, b], "label": [cutoff_label.format(cls=c, pct=v * 100) for c, v in (("A", a), ("B", b))]}
    )
    rules = alt.Chart(cuts).mark_rule(strokeDash=[6, 4], color="#c0392b").encode(y="y:Q")
    texts = (
        alt.Chart(cuts)
        .mark_text(align="left", baseline="bottom", dx=4, dy=-3, color="#c0392b", fontSize=12)
        .encode(y="y:Q", x=alt.datum(0.0), text="label:N")
    )
    return alt.layer(area, line, rules, texts).properties(title=title, height=380)
