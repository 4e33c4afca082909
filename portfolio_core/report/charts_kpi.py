"""Altair charts of the KPIs page (no streamlit here): Lorenz curve, computed ABC cut-offs, rates."""

from __future__ import annotations

import altair as alt
import pandas as pd

from portfolio_core.analysis.cutoffs import SuggestedCutoffs
from portfolio_core.analysis.kpis import CLV_CAC_TARGET, RISK_LEVELS
from portfolio_core.i18n import ENGLISH, Translator
from portfolio_core.message import N_

RISK_COLORS = {"High": "#b2182b", "Medium": "#ef8a62", "Low": "#1b7837", "Unknown": "#bdbdbd",
               "No purchase": "#8c8c8c"}  # fmt: skip
_PCT = alt.Axis(format="%")
_UNIT = alt.Scale(domain=[0, 1])
BLANK = "(blank)"  # the group of clients without a value (kpis.win_rates, kpis.clv_cac_by)


def _groups(labels: pd.Series, t: Translator) -> pd.Series:
    """Group labels from the data, the blank group in ``t``'s language."""
    return labels.astype(object).where(labels != BLANK, t("(blank)"))


def lorenz_chart(
    curve: pd.DataFrame, gini: float, t: Translator = ENGLISH
) -> alt.LayerChart | alt.FacetChart:
    """The Lorenz curve (from :func:`portfolio_core.analysis.kpis.lorenz_curve`) against the line of equality.

    The area between them is half the Gini coefficient. Texts in ``t``'s language.
    """
    x = alt.X("client_share:Q", title=t("Share of clients, smallest first"), axis=_PCT, scale=_UNIT)
    y = alt.Y("revenue_share:Q", title=t("Cumulative share of revenue"), axis=_PCT, scale=_UNIT)
    area = (
        alt.Chart(curve)
        .mark_area(line={"color": "#1f4e79", "strokeWidth": 2}, color="#9ecae1", opacity=0.5)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("client_share:Q", title=t("Smallest clients"), format=".0%"),
                alt.Tooltip("revenue_share:Q", title=t("Their share of revenue"), format=".1%"),
            ],
        )
    )
    equality = (
        alt.Chart(pd.DataFrame({"client_share": [0.0, 1.0], "revenue_share": [0.0, 1.0]}))
        .mark_line(strokeDash=[6, 4], color="#555")
        .encode(x="client_share:Q", y="revenue_share:Q")
    )
    label = (
        alt.Chart(pd.DataFrame({"client_share": [0.55], "revenue_share": [0.55]}))
        .mark_text(align="right", dx=-6, dy=-6, color="#555", fontSize=12, angle=0)
        .encode(x="client_share:Q", y="revenue_share:Q", text=alt.value(t("Equal revenue for all")))
    )
    title = t("Lorenz curve (Gini {gini})", gini=t.number(gini, 2))
    return alt.layer(area, equality, label).properties(title=title, height=320)


POINT_NAMES = (N_("Pareto point"), N_("Break-even point"), N_("Submarginal point"))


def cutoffs_chart(
    curve: pd.DataFrame,
    suggestion: SuggestedCutoffs,
    a: float | None = None,
    b: float | None = None,
    measure: str = "revenue",
    t: Translator = ENGLISH,
) -> alt.LayerChart | alt.FacetChart:
    """The ABC curve with the Pareto, break-even and submarginal points of the computed ABC analysis.

    ``curve`` comes from :func:`portfolio_core.analysis.cutoffs.abc_curve_points`;
    dashed lines mark the suggested cut-offs, dotted ones the current ``a``
    and ``b`` (fractions) when given. ``measure`` is "revenue" or "margin";
    texts in ``t``'s language (the points' ``name`` stays the English key).
    """
    m = t(measure)
    of_m = t("of revenue") if measure == "revenue" else t("of margin")
    x_title = t("Clients ranked by {measure} (share of clients)", measure=m)
    x = alt.X("client_share:Q", title=x_title, axis=_PCT, scale=_UNIT)
    y = alt.Y(
        "value_share:Q", title=t("Cumulative share {of_measure}", of_measure=of_m), axis=_PCT, scale=_UNIT
    )
    line = (
        alt.Chart(curve)
        .mark_line(color="#1f2d3d", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("client_share:Q", title=t("Share of clients"), format=".1%"),
                alt.Tooltip(
                    "value_share:Q", title=t("Cumulative share {of_measure}", of_measure=of_m), format=".1%"
                ),
            ],
        )
    )
    pts = pd.DataFrame(
        {
            "name": list(POINT_NAMES),
            "client_share": [suggestion.pareto[0], suggestion.break_even[0], suggestion.submarginal[0]],
            "value_share": [suggestion.pareto[1], suggestion.break_even[1], suggestion.submarginal[1]],
        }
    )
    pts["shown"] = pts["name"].map(t)
    pts["label"] = [
        t(
            "{point} ({clients} of clients, {value} {of_measure})",
            point=p,
            clients=t.percent(c),
            value=t.percent(v),
            of_measure=of_m,
        )
        for p, c, v in zip(pts["shown"], pts["client_share"], pts["value_share"], strict=True)
    ]
    color = alt.Color(
        "shown:N",
        title=None,
        scale=alt.Scale(domain=[t(n) for n in POINT_NAMES], range=["#1b7837", "#2166ac", "#e08214"]),
        legend=alt.Legend(orient="bottom-right", labelFontSize=12),
    )
    dots = (
        alt.Chart(pts)
        .mark_point(size=140, filled=True, stroke="white", strokeWidth=1.5)
        .encode(
            x="client_share:Q",
            y="value_share:Q",
            color=color,
            tooltip=[alt.Tooltip("label:N", title=t("Point"))],
        )
    )
    # Slope 1 through the break-even point: the curve touches this line there.
    bx, by = suggestion.break_even
    tangent = (
        alt.Chart(
            pd.DataFrame({"client_share": [bx - 0.12, bx + 0.12], "value_share": [by - 0.12, by + 0.12]})
        )
        .mark_line(color="#2166ac", strokeDash=[2, 3], clip=True)
        .encode(x="client_share:Q", y="value_share:Q")
    )
    cuts = pd.DataFrame(
        {
            "y": [suggestion.a_pct / 100, suggestion.b_pct / 100],
            "label": [
                t("Suggested {cls} cut-off {pct}", cls=c, pct=t.percent(v / 100))
                for c, v in (("A", suggestion.a_pct), ("B", suggestion.b_pct))
            ],
        }
    )
    rules = alt.Chart(cuts).mark_rule(strokeDash=[6, 4], color="#c0392b").encode(y="y:Q")
    texts = (
        alt.Chart(cuts)
        .mark_text(align="right", baseline="top", dx=-4, dy=3, color="#c0392b", fontSize=12)
        .encode(y="y:Q", x=alt.datum(1.0), text="label:N")
    )
    layers: list[alt.Chart] = [line, tangent, rules, texts, dots]
    current = [(v, name) for v, name in ((a, "A"), (b, "B")) if v is not None]
    if current:
        now = pd.DataFrame({"y": [v for v, _ in current]})
        layers.insert(2, alt.Chart(now).mark_rule(strokeDash=[1, 3], color="#555").encode(y="y:Q"))
    return alt.layer(*layers).properties(
        title=t("ABC curve and the three points of the computed ABC analysis"), height=400
    )


def rate_chart(
    table: pd.DataFrame, group_title: str, overall: float | None = None, t: Translator = ENGLISH
) -> alt.LayerChart | alt.FacetChart:
    """Win rate per group as bars (``group``, ``win_rate``, ``won``, ``lost``), the overall rate dashed.

    ``group_title`` names the groups (already in ``t``'s language, e.g. "Account manager").
    """
    data = table.reset_index().dropna(subset=["win_rate"])
    data["group"] = _groups(data["group"], t)
    bars = (
        alt.Chart(data)
        .mark_bar(color="#4c78a8")
        .encode(
            y=alt.Y("group:N", title=group_title, sort="-x"),
            x=alt.X("win_rate:Q", title=t("Win rate (won / (won + lost))"), axis=_PCT, scale=_UNIT),
            tooltip=[
                alt.Tooltip("group:N", title=group_title),
                alt.Tooltip("win_rate:Q", title=t("Win rate"), format=".1%"),
                alt.Tooltip("won:Q", title=t("Won deals"), format=",d"),
                alt.Tooltip("lost:Q", title=t("Lost deals"), format=",d"),
            ],
        )
    )
    labels = bars.mark_text(align="right", dx=-4, color="white", fontWeight="bold").encode(
        text=alt.Text("win_rate:Q", format=".0%")
    )
    layers: list[alt.Chart] = [bars, labels]
    if overall is not None:
        layers.append(
            alt.Chart(pd.DataFrame({"x": [overall]}))
            .mark_rule(strokeDash=[4, 4], color="#c0392b")
            .encode(x="x:Q")
        )
    title = t("Win rate by {group}", group=group_title.lower())
    return alt.layer(*layers).properties(title=title, height=alt.Step(26))


def clv_cac_chart(
    table: pd.DataFrame, group_title: str, t: Translator = ENGLISH
) -> alt.LayerChart | alt.FacetChart:
    """CLV:CAC per segment (from :func:`portfolio_core.analysis.kpis.clv_cac_by`), the target of 3 marked."""
    data = table.reset_index()
    data["segment"] = _groups(data["segment"], t)
    under, over = t("Under 3"), t("3 or more")
    data["status"] = data["clv_cac"].map(lambda r: under if r < CLV_CAC_TARGET else over)
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("segment:N", title=group_title, sort="x"),
            x=alt.X("clv_cac:Q", title=t("CLV : CAC (total CLV / total acquisition cost)")),
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=[under, over], range=["#b2182b", "#1b7837"]),
            ),
            tooltip=[
                alt.Tooltip("segment:N", title=group_title),
                alt.Tooltip("clv_cac:Q", title=t("CLV : CAC"), format=".1f"),
                alt.Tooltip("clients:Q", title=t("Clients"), format=",d"),
                alt.Tooltip("clients_below_3:Q", title=t("Clients under 3"), format=",d"),
            ],
        )
    )
    target = (
        alt.Chart(pd.DataFrame({"x": [CLV_CAC_TARGET]}))
        .mark_rule(strokeDash=[4, 4], color="#555")
        .encode(x="x:Q")
    )
    return alt.layer(bars, target).properties(
        title=t("CLV : CAC by {group}", group=group_title.lower()), height=alt.Step(26)
    )


def churn_chart(risk: pd.Series, t: Translator = ENGLISH) -> alt.Chart:
    """Number of clients per churn risk level (``risk`` holds the English keys of RISK_LEVELS)."""
    counts = risk.value_counts().reindex(list(RISK_LEVELS), fill_value=0)
    data = pd.DataFrame({"risk": [t(r) for r in counts.index], "clients": counts.to_numpy()})
    data = data[data["clients"] > 0]
    levels = [t(r) for r in RISK_LEVELS]
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("clients:Q", title=t("Clients")),
            y=alt.Y("risk:N", title=t("Churn risk"), sort=levels),
            color=alt.Color(
                "risk:N",
                legend=None,
                scale=alt.Scale(domain=[t(r) for r in RISK_COLORS], range=list(RISK_COLORS.values())),
            ),
            tooltip=[
                alt.Tooltip("risk:N", title=t("Risk")),
                alt.Tooltip("clients:Q", title=t("Clients"), format=",d"),
            ],
        )
        .properties(title=t("Clients by churn risk"), height=alt.Step(30))
    )
