"""Page "Health": where the portfolio is heading: revenue retention, cohorts, predicted revenue,
account health, RFM segments and pricing opportunities."""

from ui.frame import require_frame

require_frame()

import datetime as dt

import pandas as pd
import streamlit as st

from portfolio_core.analysis.health import (
    DEFAULT_WEIGHTS,
    HEALTHY,
    SIGNALS,
    WATCH,
    by_priority,
    health_scores,
)
from portfolio_core.analysis.kpis import as_of_date
from portfolio_core.analysis.pricing import FACTOR, pricing_opportunities
from portfolio_core.analysis.retention import Period, last_two_years, retention_by, retention_summary
from portfolio_core.analysis.rfm import SEGMENTS, segments_by
from portfolio_core.report.charts_health import bridge_chart, cohort_chart, prediction_chart
from portfolio_core.report.words import LEVEL_TEXTS, PRICING_MEASURE_TEXTS, RFM_SEGMENT_TEXTS, SIGNAL_TEXTS
from ui import analysis, colnames, health
from ui.charts import show_chart
from ui.i18n import csv_bytes, money, tr
from ui.sections import tabbed
from ui.segments import segment_columns, segment_picker
from ui.tables import show_table

_ = tr()
HEALTH_ROWS = 1000  # clients listed on the page (the download has every client)
key, settings, portfolio = analysis.current()
st.title(_("Health"))
table = analysis.classified_or_stop(key, settings, portfolio)
clients, classes = table.index, table["abc_class"]
st.caption(f"{analysis.describe(settings, len(table))} · {analysis.source_label(portfolio)}")
as_of = as_of_date(portfolio)
names = portfolio.labels(clients)
segment_cols = segment_columns(portfolio)


def ratio(value: float) -> str:
    return "—" if pd.isna(value) else _.percent(value, 1)


def period_picker(where, label: str, default: Period, widget_key: str) -> Period:  # type: ignore[no-untyped-def]
    """Two dates, both included; the default until the user has picked both ends."""
    picked = where.date_input(
        label,
        value=(default[0].date(), default[1].date()),
        format="DD/MM/YYYY" if _.lang == "fr" else "YYYY/MM/DD",
        key=widget_key,
    )
    if isinstance(picked, tuple | list) and len(picked) == 2 and all(isinstance(d, dt.date) for d in picked):
        return pd.Timestamp(picked[0]), pd.Timestamp(picked[1])
    return default


def group_labels(column: str) -> pd.Series:
    return classes if column == "abc_class" else portfolio.clients[column].reindex(clients)


def group_name(column: str) -> str:
    return _("Class") if column == "abc_class" else colnames.label(column)


if as_of is None:
    st.info(
        _(
            "The sales have no dates, so revenue retention, cohorts, predicted revenue, RFM segments and the "
            "trends of the health score cannot be computed. Upload invoices or deals with a date column "
            "(client, date, amount) on the Data page. Below: what the data allows."
        ),
        icon=":material/info:",
    )
    periods = None
else:  # the two periods compared, above the tabs: the retention and the health trends read them
    default1, default2 = last_two_years(as_of)
    c1, c2 = st.columns(2)
    period1 = period_picker(c1, _("Last period"), default1, "health_period1")
    period2 = period_picker(c2, _("This period"), default2, "health_period2")
    periods = (period1, period2)


def revenue_retention() -> None:
    """NRR and GRR between the two periods, the bridge, retention per group."""
    mine = health.selected_bridge(key, period1, period2, settings, portfolio)
    figures = retention_summary(mine)
    m = st.columns(4)
    m[0].metric(
        _("Net revenue retention (NRR)"),
        ratio(figures["nrr"]),
        help=_(
            "This period's revenue of the {n} clients who bought last period, divided by their revenue then",
            n=_.number(figures["retained_clients"]),
        ),
    )
    m[1].metric(
        _("Gross revenue retention (GRR)"),
        ratio(figures["grr"]),
        help=_("The same with each client's revenue capped at last period's: growth does not hide losses"),
    )
    m[2].metric(_("Last period's revenue"), money(figures["start"]))
    m[3].metric(_("This period's revenue"), money(figures["end"]))
    if pd.isna(figures["nrr"]):
        st.info(_("No client of the selection has revenue in the last period: pick other dates."))
    show_chart(bridge_chart, figures, _)
    st.caption(
        _(
            "Expansion: clients who bought more; contraction: less; churned: no net revenue this period; "
            "new: clients without revenue last period. Credit notes count against the invoices."
        )
    )
    by = st.selectbox(
        _("Retention by"),
        ["abc_class", *[c for c in ("account_manager", *segment_cols) if c in portfolio.clients]],
        format_func=group_name,
        key="health_retention_by",
    )
    per_group = retention_by(mine, group_labels(by))
    show_table(
        per_group[
            ["retained_clients", "start", "expansion", "contraction", "churned", "nrr", "grr"]
        ].rename_axis(group_name(by)),
        money=["start", "expansion", "contraction", "churned"],
        percent=["nrr", "grr"],
        width="stretch",
        column_config={
            "retained_clients": _("Clients who bought last period"),
            "start": _("Last period's revenue"),
            "expansion": _("Expansion"),
            "contraction": _("Contraction"),
            "churned": _("Churned"),
            "nrr": _("NRR"),
            "grr": _("GRR"),
        },
    )


def cohorts() -> None:
    """Clients by the period of their first sale: who bought again, and how much."""
    freq = st.radio(
        _("Cohorts by"),
        ["Q", "Y"],
        format_func=lambda f: _("Quarter of the first sale") if f == "Q" else _("Year of the first sale"),
        horizontal=True,
        key="health_cohorts_by",
    )
    cohorts = health.cohorts(key, freq, settings, portfolio)
    if cohorts.empty:
        st.info(_("No dated sale in the selection."))
    else:
        show_chart(cohort_chart, cohorts, _)
        st.caption(
            _(
                "Each row is the clients whose first sale fell in that period; each cell the share of them "
                "who bought again that many periods later (hover for the counts and the revenue)."
            )
        )


def predicted_revenue() -> None:
    """The next 12 months per class beside the last 12 (MBG/NBD x Gamma-Gamma)."""
    prediction = health.prediction(key, portfolio)
    if prediction is None:
        st.info(
            _(
                "Too little purchase history to predict: the models need at least 30 buying clients, 10 of "
                "whom bought on two days or more."
            )
        )
    else:
        last_year = health.bridge(key, *last_two_years(as_of), portfolio)["end"].reindex(
            clients, fill_value=0.0
        )
        predicted = prediction["predicted_revenue"].reindex(clients).fillna(0.0)
        per_class = pd.DataFrame(
            {"last_12m": last_year.groupby(classes).sum(), "next_12m": predicted.groupby(classes).sum()}
        )
        left, right = st.columns([3, 2])
        with left:
            show_chart(prediction_chart, per_class, _)
        with right:
            show_table(
                per_class.rename_axis(_("Class")),
                money=["last_12m", "next_12m"],
                width="stretch",
                column_config={"last_12m": _("Last 12 months"), "next_12m": _("Next 12 months (predicted)")},
            )
            st.caption(
                _(
                    "Expected purchases over the next 12 months (modified BG/NBD) times the expected spend "
                    "per purchase (Gamma-Gamma), per client, added up per class."
                )
            )


def account_health() -> None:
    """The 0-100 score, its weights, and the clients to look at first."""
    signals = health.signals(key, periods, settings, portfolio).reindex(clients)
    present = [s for s in SIGNALS if signals[s].notna().any()]
    if not present:
        st.info(_("The health score needs dated sales, a margin column or deal stages: none is in the data."))
    else:
        with st.expander(_("Weights of the signals")):
            cols = st.columns(len(present))
            weights = {
                s: col.slider(_(SIGNAL_TEXTS[s]), 0, 10, int(DEFAULT_WEIGHTS[s]), 1, key=f"health_w_{s}")
                for s, col in zip(present, cols, strict=True)
            }
        scores = health_scores(signals[present], weights)
        ordered = by_priority(scores.join(signals[["revenue_trend"]]), classes)
        counts = ordered["level"].value_counts()
        h = st.columns(4)
        for col, level in zip(h, LEVEL_TEXTS, strict=False):
            col.metric(_(LEVEL_TEXTS[level]), _.number(int(counts.get(level, 0))))
        h[3].metric(_("A or B clients falling"), _.number(int(ordered["priority"].sum())))
        st.caption(
            _(
                "Score 0-100: the weighted mean of the signals the data allows (missing ones drop out), each "
                "scored from 0 (worst) to 100 (best): 50 is no change for a trend and the portfolio's median "
                "for the margin rate. Healthy from {healthy}, watch from {watch}, at risk below. Falling: "
                "revenue down between the two periods.",
                healthy=_.number(HEALTHY),
                watch=_.number(WATCH),
            )
        )
        shown = pd.DataFrame(
            {
                "name": names.reindex(ordered.index),
                "abc_class": ordered["abc_class"],
                "score": ordered["score"],
                # "—" where there is no level (no signal) or nothing pulls the score down
                "level": ordered["level"].map(lambda v: _(LEVEL_TEXTS[v]) if v in LEVEL_TEXTS else "—"),
                "weakest": ordered["weakest"].map(lambda v: _(SIGNAL_TEXTS[v]) if v in SIGNAL_TEXTS else "—"),
                "falling": ordered["falling"],
                # each signal as its score out of 100 (the caption says how to read it)
                **{s: 100 * signals[s].reindex(ordered.index) for s in present},
            }
        )
        shown.index.name = _("Client (identifier)")
        headers = {
            "name": _("Client"),
            "abc_class": _("Class"),
            "score": _("Health score"),
            "level": _("Level"),
            "weakest": _("Pulled down by"),
            "falling": _("Falling"),
            **{s: _(SIGNAL_TEXTS[s]) for s in present},
        }
        if len(shown) > HEALTH_ROWS:  # the browser gets the clients to act on first; the file has them all
            st.caption(
                _(
                    "The {shown} clients to look at first, of {total}: the download has them all.",
                    shown=_.number(HEALTH_ROWS),
                    total=_.number(len(shown)),
                )
            )
        show_table(shown.head(HEALTH_ROWS), width="stretch", column_config=headers)
        st.download_button(
            _("Download the health scores (CSV)"),
            lambda: csv_bytes(shown.rename(columns=headers), index=True, lang=_.lang),  # made on the click
            file_name="health_scores.csv",
            mime="text/csv",
            on_click="ignore",
        )


def rfm_segments() -> None:
    """RFM segments counted per account manager."""
    rfm = health.rfm(key, portfolio)
    rfm = rfm[rfm.index.isin(clients)]
    if "account_manager" in portfolio.clients:
        managers = portfolio.clients["account_manager"].reindex(rfm.index).fillna(_("(blank)"))
    else:
        managers = pd.Series(_("All clients"), index=rfm.index)
    counts = segments_by(rfm, managers)
    show_table(
        counts.rename_axis(colnames.label("account_manager")),
        width="stretch",
        column_config={s: _(RFM_SEGMENT_TEXTS[s]) for s in SEGMENTS},
    )
    st.caption(
        _(
            "Recency, frequency and monetary scores 1-5 by quintile; champions bought lately, often and "
            "much; at risk used to buy often but not lately; lost bought long ago. The rules are in the "
            "definitions."
        )
    )


def pricing() -> None:
    """Clients far below their peers' margin rate or revenue per hour."""
    margin = analysis.margins(key, settings, portfolio)
    has_hours = not portfolio.activities.empty
    if margin is None and not has_hours:
        st.info(
            _("Pricing opportunities need a margin column or an activity log (client, date, type, hours).")
        )
    else:
        revenue = analysis.values(key, "revenue", settings.include_inactive, portfolio).reindex(clients)
        economics = pd.DataFrame({"revenue": revenue})
        if margin is not None:
            economics["margin"] = margin.reindex(clients)
        if has_hours:
            economics["hours"] = analysis.hours(key, settings, portfolio).reindex(clients)
        peer_col = segment_picker(_("Peers: same class and"), "health_peers", portfolio)
        peers = pd.DataFrame({"abc_class": classes})
        if peer_col:
            peers[peer_col] = portfolio.clients[peer_col].reindex(clients)
        found = pricing_opportunities(economics, peers)
        st.caption(
            _(
                "Clients whose margin rate or revenue per hour is under {share} of their peers' median (at "
                "least 3 peers), with what a return to that median would bring at the same volume.",
                share=_.percent(FACTOR),
            )
        )
        if found.empty:
            st.success(_("No client is far below its peers."))
        else:
            gains = found.groupby("measure")["gain"].sum()
            g1, g2 = st.columns(2)
            if "revenue_per_hour" in gains:
                g1.metric(
                    _("Revenue a return to the peer median would bring"), money(gains["revenue_per_hour"])
                )
            if "margin_rate" in gains:
                g2.metric(
                    _("Margin a return to the peer median rate would bring"), money(gains["margin_rate"])
                )
            show_table(
                found.assign(
                    client=names.reindex(found["client"]).to_numpy(),
                    measure=found["measure"].map(lambda v: _(PRICING_MEASURE_TEXTS[v])),
                ),
                decimals={"value": 2, "peer_median": 2},
                money=["gain"],
                hide_index=True,
                width="stretch",
                column_config={
                    "client": _("Client"),
                    "measure": _("Measure"),
                    "value": _("Client's figure"),
                    "peer_median": _("Peer median"),
                    "peers": _("Peers"),
                    "gain": _("Gain at the peer median"),
                },
            )


DATED = {
    _("Revenue retention"): revenue_retention,
    _("Cohorts"): cohorts,
    _("Predicted revenue"): predicted_revenue,
}
SECTIONS = {
    **(DATED if as_of is not None else {}),
    _("Account health"): account_health,
    **({_("RFM segments"): rfm_segments} if as_of is not None else {}),
    _("Pricing opportunities"): pricing,
}
tabbed(SECTIONS, "health_tab")
