"""Altair chart builders shared by the pages and the exports (no streamlit here)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from portfolio_core.analysis.effort import scatter_points
from portfolio_core.i18n import ENGLISH, Translator
from portfolio_core.message import N_

CLASS_COLORS = {"A": "#1b7837", "B": "#e08214", "C": "#8c8c8c"}
CLASS_SCALE = alt.Scale(domain=list(CLASS_COLORS), range=list(CLASS_COLORS.values()))
# How Vega formats numbers on axes and in tooltips, per language (amounts: formats with "$").
NUMBER_LOCALES = {
    "en": {"decimal": ".", "thousands": ",", "grouping": [3]},
    "fr": {"decimal": ",", "thousands": "\u202f", "grouping": [3], "percent": "\u202f%"},
}


def number_locale(t: Translator, currency: str | None = None) -> dict:
    """Vega's number locale for ``t``'s language, its currency the amounts' one (none when unknown).

    Examples
    --------
    >>> number_locale(Translator("fr"), "EUR")["currency"], number_locale(ENGLISH)["currency"]
    (['', '\xa0€'], ['', ''])
    """
    before, after = t.amount(1, currency).split("1", 1) if currency else ("", "")
    return {**NUMBER_LOCALES.get(t.lang, NUMBER_LOCALES["en"]), "currency": [before, after]}


def localized(chart: alt.TopLevelMixin, t: Translator, currency: str | None = None) -> alt.TopLevelMixin:
    """The chart with its numbers formatted for ``t``'s language (decimal comma in French) and its
    amounts with ``currency``."""
    return chart.configure(locale={"number": number_locale(t, currency)})


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
    measure: str = "revenue",
    t: Translator = ENGLISH,
    title: str | None = None,
) -> alt.LayerChart | alt.FacetChart:
    """The Pareto chart: the cumulative share curve, coloured by class, with the A and B cut-offs.

    ``curve`` comes from :func:`portfolio_core.pareto_curve`; ``a`` and ``b``
    are fractions; ``measure`` is "revenue" or "margin"; texts in ``t``'s language.
    """
    m = t(measure)
    title = title or t("Pareto curve: cumulative share of {measure}", measure=m)
    x_title = t("Clients ranked by {measure} (share of clients)", measure=m)
    y_title = t("Cumulative share of {measure}", measure=m)
    x = alt.X("client_share:Q", title=x_title, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("cumulative_share:Q", title=y_title, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]))
    tooltip = [
        alt.Tooltip("rank:Q", title=t("Rank")),
        alt.Tooltip("client_share:Q", title=t("Share of clients"), format=".1%"),
        alt.Tooltip("cumulative_share:Q", title=t("Cumulative share"), format=".1%"),
        alt.Tooltip("abc_class:N", title=t("Class")),
    ]
    area = (
        alt.Chart(_bridge_classes(curve))
        .mark_area(opacity=0.4)
        .encode(x=x, y=y.stack(None), color=alt.Color("abc_class:N", scale=CLASS_SCALE, title=t("Class")))
    )
    line = alt.Chart(curve).mark_line(color="#1f2d3d", strokeWidth=2).encode(x=x, y=y, tooltip=tooltip)
    cuts = pd.DataFrame(
        {
            "y": [a, b],
            "label": [t("{cls} cut-off {pct}", cls=c, pct=t.percent(v)) for c, v in (("A", a), ("B", b))],
        }
    )
    rules = alt.Chart(cuts).mark_rule(strokeDash=[6, 4], color="#c0392b").encode(y="y:Q")
    texts = (
        alt.Chart(cuts)
        .mark_text(align="left", baseline="bottom", dx=4, dy=-3, color="#c0392b", fontSize=12)
        .encode(y="y:Q", x=alt.datum(0.0), text="label:N")
    )
    return alt.layer(area, line, rules, texts).properties(title=title, height=380)


def _log_axis(values: pd.Series) -> tuple[pd.Series, alt.Scale]:
    """A log scale when the positive values span more than two decades.

    Zeros and negatives cannot sit on a log axis: they are drawn at half the
    smallest positive value (the tooltip keeps the true figure).
    """
    positive = values[values > 0]
    if len(positive) > 1 and positive.max() / positive.min() > 100:
        return values.clip(lower=positive.min() / 2), alt.Scale(type="log")
    return values, alt.Scale(type="linear", zero=True)


def effort_scatter(
    table: pd.DataFrame,
    revenue_cut: float,
    hours_cut: float,
    measure: str = "revenue",
    select: alt.Parameter | None = None,
    t: Translator = ENGLISH,
) -> alt.LayerChart | alt.FacetChart:
    """One point per client: revenue (or margin) against hours, coloured by class, sized by margin.

    ``table`` needs ``client``, ``label``, ``revenue``, ``hours``, ``margin``,
    ``profit``, ``abc_class``, ``quadrant``. Quadrant lines at the cuts and the
    quadrant names in the corners. Beyond a few thousand clients, the smaller
    ones are drawn as groups (see :func:`portfolio_core.analysis.effort.scatter_points`)
    and the title says how many.
    """
    points, grouped = scatter_points(table.set_index("client"), group_label=t("{n} clients (grouped)"))
    points = points.rename_axis("client").reset_index()
    x_values, x_scale = _log_axis(points["hours"])
    y_values, y_scale = _log_axis(points["revenue"])
    data = points.assign(
        size=points["margin"].clip(lower=0), x=x_values, y=y_values, quadrant=points["quadrant"].map(t)
    )
    measure = t(measure).capitalize()
    title = t("{measure} against effort, one point per client", measure=measure)
    if grouped:
        title = t(
            "{measure} against effort: the largest clients one by one, {n} smaller ones in groups",
            measure=measure,
            n=t.number(grouped),
        )
    x = alt.X("x:Q", title=t("Effort (hours)"), scale=x_scale)
    y = alt.Y("y:Q", title=measure, scale=y_scale, axis=alt.Axis(format="$,.0f"))
    points = (
        alt.Chart(data)
        .mark_circle(opacity=0.75, stroke="white", strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color("abc_class:N", scale=CLASS_SCALE, title=t("Class")),
            size=alt.Size("size:Q", title=t("Margin"), scale=alt.Scale(range=[15, 600]), legend=None),
            tooltip=[
                alt.Tooltip("label:N", title=t("Client")),
                alt.Tooltip("abc_class:N", title=t("Class")),
                alt.Tooltip("revenue:Q", title=measure, format="$,.0f"),
                alt.Tooltip("margin:Q", title=t("Margin"), format="$,.0f"),
                alt.Tooltip("hours:Q", title=t("Hours"), format=",.1f"),
                alt.Tooltip("profit:Q", title=t("Profit after cost to serve"), format="$,.0f"),
                alt.Tooltip("quadrant:N", title=t("Quadrant")),
            ],
        )
    )
    if select is not None:
        points = points.add_params(select)
    rules = alt.layer(
        alt.Chart(pd.DataFrame({"v": [hours_cut]}))
        .mark_rule(strokeDash=[4, 4], color="#555")
        .encode(x="v:Q"),
        alt.Chart(pd.DataFrame({"v": [revenue_cut]}))
        .mark_rule(strokeDash=[4, 4], color="#555")
        .encode(y="v:Q"),
    )
    corners = pd.DataFrame(
        {
            "name": [t(q) for q in ("Develop", "Keep", "Serve cheaper", "Reconsider")],
            "x": [0, 1, 0, 1],
            "y": [0, 0, 1, 1],
            "align": ["left", "right", "left", "right"],
        }
    )
    labels = alt.layer(
        *[
            alt.Chart(corners[corners["name"] == row.name])
            .mark_text(
                align=row.align,  # type: ignore[arg-type]
                baseline="top" if row.y == 0 else "bottom",
                dx=8 if row.x == 0 else -8,
                dy=8 if row.y == 0 else -8,
                fontSize=14,
                fontWeight="bold",
                color="#34495e",
                opacity=0.8,
            )
            .encode(
                x=alt.value(0) if row.x == 0 else alt.value("width"),
                y=alt.value(0) if row.y == 0 else alt.value("height"),
                text="name:N",
            )
            for row in corners.itertuples()
        ]
    )
    return alt.layer(points, rules, labels).properties(title=title, height=460)


def dual_pareto_chart(curves: pd.DataFrame, t: Translator = ENGLISH) -> alt.LayerChart:
    """Revenue and effort Pareto curves on the same axes (from :func:`effort.dual_pareto`)."""
    curves = curves.assign(measure=curves["measure"].map(t))
    return (
        alt.Chart(curves)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X(
                "client_share:Q",
                title=t("Share of clients (each curve ranked by itself)"),
                axis=alt.Axis(format="%"),
            ),
            y=alt.Y("cumulative_share:Q", title=t("Cumulative share"), axis=alt.Axis(format="%")),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=[t("Revenue"), t("Effort")], range=["#1b7837", "#b2182b"]),
            ),
            tooltip=[
                alt.Tooltip("measure:N", title=t("Measure")),
                alt.Tooltip("client_share:Q", title=t("Share of clients"), format=".0%"),
                alt.Tooltip("cumulative_share:Q", title=t("Cumulative share"), format=".0%"),
            ],
        )
        .properties(title=t("Who makes the revenue, who takes the time"), height=320)
    ) + alt.Chart(pd.DataFrame({"y": [0.8]})).mark_rule(strokeDash=[4, 4], color="#555").encode(y="y:Q")


PEAK_LABEL = N_("Peak: the clients after it lose money")


def whale_chart(curve: pd.DataFrame, t: Translator = ENGLISH) -> alt.LayerChart | alt.FacetChart:
    """The whale curve: cumulative profit against clients ranked by profit, with its peak marked."""
    peak = curve.loc[[curve["cumulative_profit"].idxmax()]]
    line = (
        alt.Chart(curve)
        .mark_area(line={"color": "#1f4e79"}, color="#9ecae1", opacity=0.5)
        .encode(
            x=alt.X(
                "client_share:Q",
                title=t("Clients ranked by profit (share of clients)"),
                axis=alt.Axis(format="%"),
            ),
            y=alt.Y(
                "cumulative_profit:Q",
                title=t("Cumulative profit after cost to serve"),
                axis=alt.Axis(format="$,.0f"),
            ),
            tooltip=[
                alt.Tooltip("rank:Q", title=t("Clients")),
                alt.Tooltip("cumulative_profit:Q", title=t("Cumulative profit"), format="$,.0f"),
            ],
        )
    )
    dot = (
        alt.Chart(peak)
        .mark_point(color="#b2182b", size=120, filled=True)
        .encode(x="client_share:Q", y="cumulative_profit:Q")
    )
    late = bool(peak["client_share"].iloc[0] > 0.6)
    text = (
        alt.Chart(peak)
        .mark_text(
            align="right" if late else "left", dx=-10 if late else 10, dy=-10, color="#b2182b", fontSize=12
        )
        .encode(x="client_share:Q", y="cumulative_profit:Q", text=alt.value(t(PEAK_LABEL)))
    )
    return alt.layer(line, dot, text).properties(title=t("Whale curve"), height=320)


def segment_mix_chart(
    mix: pd.DataFrame, value: str, title: str, fmt: str = ",.0f", t: Translator = ENGLISH
) -> alt.Chart:
    """Stacked horizontal bars of a value per segment and class.

    ``mix`` is long: ``segment``, ``abc_class``, and the ``value`` column.
    """
    mix = mix.assign(segment=mix["segment"].map(t.maybe))  # "(not set)" in the report's language
    return (
        alt.Chart(mix)
        .mark_bar()
        .encode(
            y=alt.Y("segment:N", title=None, sort="-x", axis=alt.Axis(labelLimit=220)),
            x=alt.X(f"{value}:Q", title=title, stack="zero", axis=alt.Axis(format="~s")),
            color=alt.Color("abc_class:N", scale=CLASS_SCALE, title=t("Class")),
            order=alt.Order("abc_class:N", sort="ascending"),
            tooltip=[
                alt.Tooltip("segment:N", title=t("Segment")),
                alt.Tooltip("abc_class:N", title=t("Class")),
                alt.Tooltip(f"{value}:Q", title=title, format=fmt),
            ],
        )
        .properties(title=title, height=alt.Step(26))
    )


def migration_chart(table: pd.DataFrame, t: Translator = ENGLISH) -> alt.LayerChart | alt.FacetChart:
    """Heat map of the class migration: clients moving from one class (rows) to another (columns)."""
    table = table.assign(**{"from": table["from"].map(t.maybe), "to": table["to"].map(t.maybe)})
    order_from = ["A", "B", "C", t.maybe("new")]
    order_to = ["A", "B", "C", t.maybe("lost")]
    base = alt.Chart(table).encode(
        y=alt.Y("from:N", sort=order_from, title=t("Earlier period")),
        x=alt.X("to:N", sort=order_to, title=t("Later period"), axis=alt.Axis(orient="top", labelAngle=0)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("clients:Q", scale=alt.Scale(scheme="blues"), legend=None),
        tooltip=[
            alt.Tooltip("from:N", title=t("From")),
            alt.Tooltip("to:N", title=t("To")),
            alt.Tooltip("clients:Q", title=t("Clients")),
            alt.Tooltip("revenue_before:Q", title=t("Revenue before"), format="$,.0f"),
            alt.Tooltip("revenue_after:Q", title=t("Revenue after"), format="$,.0f"),
        ],
    )
    text = base.mark_text(fontSize=15).encode(
        text="clients:Q",
        color=alt.condition(
            alt.datum.clients > table["clients"].max() / 2, alt.value("white"), alt.value("black")
        ),
    )
    return alt.layer(cells, text).properties(title=t("Class migration (clients)"), height=240, width=360)
