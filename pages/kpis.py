"""Page "KPIs": concentration, suggested cut-offs, sales, loyalty, CLV vs CAC, churn risk, potential."""

from ui.frame import require_frame

require_frame()

import math
from typing import Any

import pandas as pd
import streamlit as st

from portfolio_core import NoPositiveValueError
from portfolio_core.analysis.kpis import (
    CLV_CAC_TARGET,
    clv_cac_by,
    clv_cac_overall,
)
from portfolio_core.report.charts_kpi import (
    churn_chart,
    clv_cac_chart,
    cutoffs_chart,
    lorenz_chart,
    rate_chart,
)
from portfolio_core.report.words import kpi_needs
from ui import analysis, colnames, kpis_cache
from ui.charts import show_chart
from ui.i18n import csv_bytes, money, tr
from ui.sections import tabbed
from ui.segments import segment_picker
from ui.suggest import suggest_button
from ui.tables import show_table
from ui.text import plain

_ = tr()
key, settings, portfolio = analysis.current()
measure = _(settings.measure)
of_measure = _("of revenue") if settings.measure == "revenue" else _("of margin")
st.title(_("KPIs"))
lacking, stages, indicators = kpis_cache.data_allows(key, portfolio)
missing = kpi_needs(lacking, _)
# The fixed English keys of portfolio_core (missing_kpis, churn_risk, cutoff_sensitivity), as shown.
KPI_NAMES = {
    "Revenue per client per year": _("Revenue per client per year"),
    "Average deal size": _("Average deal size"),
    "Repeat-purchase rate": _("Repeat-purchase rate"),
    "Retention": _("Retention"),
    "Churn risk": _("Churn risk"),
    "Client lifetime": _("Client lifetime"),
    "Profitability per client": _("Profitability per client"),
    "CLV": _("CLV"),
    "CLV:CAC": _("CLV:CAC"),
    "Win rate": _("Win rate"),
    "Pipeline value": _("Pipeline value"),
    "Sales activities": _("Sales activities"),
    "Unmet potential": _("Unmet potential"),
    "Other indicators": _("Other indicators"),
}
RISKS = {
    "High": _("High"),
    "Medium": _("Medium"),
    "Low": _("Low"),
    "Unknown": _("Unknown"),
    "No purchase": _("No purchase"),
}
MOVES = {
    "A cut-off -1": _("A cut-off -1"),
    "A cut-off +1": _("A cut-off +1"),
    "B cut-off -1": _("B cut-off -1"),
    "B cut-off +1": _("B cut-off +1"),
}


def short(value: float) -> str:
    """A number with one decimal when it has one (5 years, 2.5 years)."""
    return _.number(value, 0 if float(value).is_integer() else 1)


def significant(value: float, digits: int = 3) -> str:
    """A model parameter with ``digits`` significant digits (``2.63``, ``712``, ``0.0389``)."""
    if not value or not math.isfinite(value):
        return _.number(value)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return _.number(round(value, decimals), decimals)


def needs(*kpis: str) -> None:
    """Say plainly which column each KPI the data does not allow would need."""
    lines = [_("**{kpi}** {need}.", kpi=KPI_NAMES.get(k, k), need=missing[k]) for k in kpis if k in missing]
    if lines:
        st.info("  \n".join(lines), icon=":material/info:")


if analysis.selection(key, settings, portfolio).empty:
    st.warning(_("No client matches the filters. Clear some filters in the sidebar."))
    st.stop()
try:
    conc, lorenz = kpis_cache.concentration_of(key, settings, portfolio)
except NoPositiveValueError:
    st.error(_("No client has a positive revenue in this selection: there is nothing to measure."))
    st.stop()
st.caption(f"{analysis.describe(settings, conc.clients)} · {analysis.source_label(portfolio)}")


# Chosen above the tabs: a widget left out of a run loses its value, and every tab reads these.
retention_table, repeat_rate, yearly_retention = kpis_cache.loyalty(key, settings, portfolio)
pick, settings_box = st.columns(2, vertical_alignment="bottom")
with pick:
    segment = segment_picker(_("Segment for the breakdowns"), "kpi_segment", portfolio)
with settings_box.expander(_("CLV settings: discount rate and expected lifetime")):
    c1, c2 = st.columns(2)
    discount = c1.number_input(
        _("Discount rate (% a year)"), min_value=0.0, max_value=50.0, value=10.0, step=1.0, key="kpi_discount"
    )
    estimate = kpis_cache.default_lifetime(yearly_retention)
    lifetime = c2.number_input(
        _("Expected lifetime (years)"),
        min_value=0.5,
        max_value=50.0,
        value=None,
        step=0.5,
        key="kpi_lifetime",
        placeholder=_("from retention: {years}", years=short(estimate))
        if estimate
        else _("enter a number of years"),
        help=_("Blank: 1 / (1 - yearly retention), capped at 20 years."),
    )
lifetime_years = lifetime if lifetime is not None else estimate


def client_table() -> pd.DataFrame:
    """The per-client KPIs under the CLV settings above (cached)."""
    return kpis_cache.client_table(key, settings, discount / 100, lifetime_years, _.lang, portfolio)


def concentration() -> None:
    """Largest clients' shares, Gini, HHI and the Lorenz curve."""
    m = st.columns(5)
    m[0].metric(
        _("Largest client"),
        _.percent(conc.top1_share, 1),
        help=_("Share of revenue of the single largest client"),
    )
    m[1].metric(
        _("Top 10 clients"),
        _.percent(conc.top10_share, 1),
        help=_("Share of revenue of the 10 largest clients"),
    )
    m[2].metric(
        _("Top 20 % of clients"),
        _.percent(conc.top20pct_share, 1),
        help=_(
            "Share of revenue of the {n} largest clients (20 % of {total}, rounded up)",
            n=_.number(conc.top20pct_clients),
            total=_.number(conc.clients),
        ),
    )
    m[3].metric(
        _("Gini"),
        _.number(conc.gini, 2),
        help=_("0: every client brings the same; near 1: one client brings all"),
    )
    m[4].metric(
        _("HHI"),
        _.number(conc.hhi, 3),
        help=_(
            "Herfindahl-Hirschman index, the sum of squared revenue shares: {even} if all clients were "
            "equal, 1 with a single client",
            even=_.number(1 / conc.clients, 4),
        ),
    )
    if conc.over_threshold:
        who = ", ".join(plain(label) for label in portfolio.labels(pd.Index(conc.over_threshold[:5])))
        st.warning(
            _.plural(
                "{n} client makes more than {share} of revenue on its own ({who}): losing it would hurt. "
                "Consider lowering the dependency.",
                "{n} clients make more than {share} of revenue on their own ({who}): losing one would hurt. "
                "Consider lowering the dependency.",
                len(conc.over_threshold),
                share=_.percent(conc.threshold),
                who=who,
            ),
            icon=":material/warning:",
        )
    else:
        st.caption(
            _("No client makes more than {share} of revenue on its own.", share=_.percent(conc.threshold))
        )
    left, right = st.columns([3, 2])
    with left:
        show_chart(lorenz_chart, lorenz, conc.gini, _)
    largest = _.plural(
        "- **{n} client**, the largest (20 %), makes **{share}** of revenue; the 80/20 rule would say 80 %.",
        "- **{n} clients**, the largest (20 %), make **{share}** of revenue; the 80/20 rule would say 80 %.",
        conc.top20pct_clients,
        share=_.percent(conc.top20pct_share),
    )
    right.markdown(
        _("**Reading the figures**")
        + "\n\n"
        + largest
        + "\n"
        + _(
            "- The **Lorenz curve** ranks clients from the smallest: the further it sags below the diagonal, "
            "the more concentrated the revenue. The Gini coefficient is twice the area between them.\n"
            "- The **HHI** is {hhi}: as concentrated as {equal} clients of equal size.",
            hhi=_.number(conc.hhi, 3),
            equal=_.number(1 / conc.hhi),
        )
    )


def cutoffs() -> None:
    """The computed ABC analysis's cut-offs and the sensitivity of the current ones."""
    try:
        suggestion, abc_points = kpis_cache.suggestion(key, settings, portfolio)
        sens, classes = kpis_cache.sensitivity(key, settings, portfolio)
    except NoPositiveValueError:
        st.info(_("No client has a positive {measure}: no cut-off to suggest.", measure=measure))
    else:
        s = suggestion
        st.markdown(
            _(
                "The **computed ABC analysis** (Ultsch and Lötsch, 2015) reads the cut-offs off the curve of "
                "cumulative {measure} instead of taking 80/95 on faith. It suggests **A up to {a} %** and "
                "**B up to {b} %** {of_measure}: {classes}.",
                measure=measure,
                of_measure=of_measure,
                a=s.a_pct,
                b=s.b_pct,
                classes=_.plural(
                    "{n} A client, {nb} B and {nc} C",
                    "{n} A clients, {nb} B and {nc} C",
                    s.a_items,
                    nb=_.number(s.b_items),
                    nc=_.number(s.c_items),
                ),
            )
        )
        if settings.filters and not settings.within:
            st.caption(
                _(
                    "The sliders rank the whole portfolio (“Rank within the selection” is off): the cut-offs "
                    "are suggested from every client's curve, and the sensitivity counts the selected "
                    "clients."
                )
            )
        suggest_button()
        left, right = st.columns([3, 2])
        with left:
            show_chart(cutoffs_chart, abc_points, s, settings.a, settings.b, settings.measure, _)
        left.caption(
            _(
                "Red dashed lines: the suggested cut-offs. Grey dotted lines: the current ones (A {a} %, B "
                "{b} %). The blue dotted segment has slope 1: it touches the curve at the break-even point.",
                a=settings.a_pct,
                b=settings.b_pct,
            )
        )
        right.markdown(
            _(
                "**The three points**\n\n- **Pareto point** ({px} of clients, {py} {of_measure}): the point "
                "of the curve nearest to the ideal corner, where a few clients would make everything.\n- "
                "**Break-even point** ({bx}, {by}): where the curve's slope is 1, the last client who brings "
                "at least the average {of_measure} per client.\n- **Submarginal point** ({sx}, {sy}): past "
                "it, each extra client adds little; the clients after it are C.\n\nClass A ends at {first} "
                "(the nearer of the first two), B at the submarginal point. The cut-offs are the cumulative "
                "share {of_measure} at those points, rounded to the percent.",
                px=_.percent(s.pareto[0]),
                py=_.percent(s.pareto[1]),
                bx=_.percent(s.break_even[0]),
                by=_.percent(s.break_even[1]),
                sx=_.percent(s.submarginal[0]),
                sy=_.percent(s.submarginal[1]),
                of_measure=of_measure,
                first=_("the break-even point") if s.exchanged else _("the Pareto point"),
            )
        )
        st.subheader(_("Sensitivity of the current cut-offs"))
        st.caption(
            _(
                "How many of the {n} clients change class when a cut-off moves by one point (now A {a} %, "
                "B {b} %). Large numbers mean the cut-off sits where many clients are alike.",
                n=_.number(len(classes)),
                a=settings.a_pct,
                b=settings.b_pct,
            )
        )
        show_table(
            sens.assign(move=sens["move"].map(MOVES)),
            percent=["share_of_clients"],
            hide_index=True,
            width="stretch",
            column_config={
                "move": _("Move"),
                "a": _("A cut-off (%)"),
                "b": _("B cut-off (%)"),
                "clients_changing": _("Clients changing class"),
                "share_of_clients": _("Share of clients"),
            },
        )


def sales() -> None:
    """Deal size, win rate and pipeline, overall and per manager and segment."""
    overall = kpis_cache.sales(key, settings, None, portfolio)
    row = overall.iloc[0] if len(overall) else None
    dated = "Average deal size" not in missing
    s1 = st.columns(4)
    if row is not None and dated:
        s1[0].metric(
            _("Average deal size"), money(row["average_deal"]), help=_("Mean amount of the won deals")
        )
    if row is not None and stages and pd.notna(row["win_rate"]):
        s1[1].metric(
            _("Win rate"),
            _.percent(row["win_rate"], 1),
            help=_(
                "{won} won / {closed} closed",
                won=_.number(row["won"]),
                closed=_.number(row["won"] + row["lost"]),
            ),
        )
    if row is not None and "Pipeline value" not in missing:
        s1[2].metric(
            _("Pipeline value"),
            money(row["pipeline"]),
            help=_("Amount of the {n} open deals", n=_.number(row["open"])),
        )
    if row is not None and "activities" in overall:
        s1[3].metric(_("Sales activities"), _.number(row["activities"]), help=_("Rows of the activity log"))
    if row is not None and (stages or "Pipeline value" not in missing):
        st.caption(
            _(
                "Win rate, deal size and pipeline count the deals of every company in the files, prospects "
                "and former clients included (the scope only decides who is ranked A/B/C); by account "
                "manager, each deal counts under its own owner."
            )
        )
    needs("Average deal size", "Win rate", "Pipeline value", "Sales activities")
    if stages:
        groups = [g for g in ("account_manager", segment) if g and g in portfolio.clients]
        cols = st.columns(max(len(groups), 1))
        for col, group in zip(cols, groups, strict=False):
            title = colnames.label(group)
            table = kpis_cache.sales(key, settings, group, portfolio)
            with col:
                overall_rate = (
                    float(row["win_rate"]) if row is not None and pd.notna(row["win_rate"]) else None
                )
                show_chart(rate_chart, table, title, overall_rate, _)
            with col.expander(_("Figures by {group}", group=title.lower())):
                show_table(
                    table.rename(index={"(blank)": _("(blank)")}).rename_axis(title),
                    money=["won_value", "pipeline", "average_deal"],
                    percent=["win_rate"],
                    width="stretch",
                    column_config={
                        "won": _("Won"),
                        "lost": _("Lost"),
                        "open": _("Open"),
                        "won_value": _("Won value"),
                        "pipeline": _("Pipeline"),
                        "win_rate": _("Win rate"),
                        "average_deal": _("Average deal"),
                        "activities": _("Activities"),
                    },
                )


def loyalty() -> None:
    """Repeat purchases, retention, lifetime and revenue per year."""
    table = client_table()
    l1 = st.columns(4)
    if pd.notna(repeat_rate):
        l1[0].metric(
            _("Repeat-purchase rate"),
            _.percent(repeat_rate),
            help=_("Buying clients who bought on two days or more"),
        )
    if yearly_retention is not None:
        last = retention_table.iloc[-1]
        l1[1].metric(
            _("Retention, last year"),
            _.percent(last["retention"]),
            help=_(
                "{retained} of the {before} clients who bought the year before bought again between {start} "
                "and {end}",
                retained=_.number(last["retained"]),
                before=_.number(last["buyers_before"]),
                start=_.date(last["start"]),
                end=_.date(last["end"]),
            ),
        )
    if "tenure_years" in table:
        l1[2].metric(
            _("Median client lifetime"),
            _("{years} years", years=_.number(table["tenure_years"].median(), 1)),
            help=_("Since the contract start or the first purchase, whichever is earlier"),
        )
    if "revenue_per_year" in table:
        l1[3].metric(
            _("Revenue per client per year"),
            money(table["revenue_per_year"].mean()),
            help=_("Mean over the clients of each one's revenue over its years in the data"),
        )
    if len(retention_table):
        years = " · ".join(
            _("{start} – {end}: {share}", start=_.date(start), end=_.date(end), share=_.percent(share))
            for start, end, share in zip(
                retention_table["start"], retention_table["end"], retention_table["retention"], strict=True
            )
        )
        st.caption(
            _(
                "Retention between consecutive years (every client who bought, former clients included, "
                "since leaving is what it measures): {years}",
                years=years,
            )
        )
    needs("Repeat-purchase rate", "Retention", "Client lifetime", "Revenue per client per year")


def clv() -> None:
    """CLV against acquisition cost."""
    table = client_table()
    if "clv" in table:
        st.caption(
            _(
                "CLV = margin per year × expected lifetime ({years} years), discounted at {rate} % a year. A "
                "CLV:CAC ratio under {target} means the client barely pays back what it cost to win.",
                years=short(lifetime_years or 0),  # "clv" needs a lifetime
                rate=short(discount),
                target=short(CLV_CAC_TARGET),
            )
        )
        v1 = st.columns(4)
        v1[0].metric(_("Median CLV"), money(table["clv"].median()))
        if "clv_cac" in table:
            ratio, known, below = clv_cac_overall(table)
            v1[1].metric(
                _("CLV : CAC, all clients"),
                _.number(ratio, 1),
                help=_("Total CLV over total acquisition cost"),
            )
            v1[2].metric(
                _("Clients under 3"),
                _.number(below),
                help=_("Of the {n} clients with an acquisition cost", n=_.number(known)),
            )
            if segment:
                by_segment = clv_cac_by(table, portfolio.clients[segment].astype(object))
                if len(by_segment):
                    show_chart(clv_cac_chart, by_segment, colnames.label(segment), _)
        if "margin_rate" in table:
            v1[3].metric(
                _("Median margin rate"),
                _.percent(table["margin_rate"].median()),
                help=_("Margin / revenue per client"),
            )
    needs("CLV", "CLV:CAC", "Profitability per client")


def churn() -> None:
    """Each client's lateness against its own pace, and the probability still active."""
    table = client_table()
    if "churn_risk" in table:
        params = kpis_cache.bgnbd(key, settings, portfolio)[0]
        left, right = st.columns([2, 3])
        with left:
            show_chart(churn_chart, table["churn_risk"], _)
        right.markdown(
            _(
                "Each client is compared with **its own usual interval** between purchases (the average gap; "
                "for a client who bought on fewer than 3 days, the median of the regular buyers): **Low** up "
                "to 1.5 times that interval since the last purchase, **Medium** up to 3 times, **High** "
                "beyond."
            )
        )
        if params is not None:
            right.markdown(
                _(
                    "**Probability still active** (modified BG/NBD model, MBG/NBD, of Batislam, Denizel and "
                    "Filiztekinler, 2007, fitted on {n} buyers' histories, former clients included): a "
                    "client who has not bought for longer than its pace predicts is less likely to be still "
                    "active. A client may drop out right after any purchase, the first included, so a client "
                    "who bought only once gets a probability below 100 % that falls with its silence. Fitted "
                    "r = {r}, α = {alpha} weeks, a = {a}, b = {b}.",
                    n=_.number(params.clients),
                    r=significant(params.r),
                    alpha=significant(params.alpha),
                    a=significant(params.a),
                    b=significant(params.b),
                )
            )
            if settings.filters:
                right.caption(
                    _(
                        "The model is fitted on the whole portfolio, filters aside: a fit per selection "
                        "would take tens of seconds on large portfolios."
                    )
                )
        else:
            right.caption(
                _(
                    "The probability that a client is still active (MBG/NBD) needs more repeat history: at "
                    "least 30 buyers with dated sales, 10 of whom bought twice or more."
                )
            )
        at_risk = kpis_cache.at_risk(key, settings, discount / 100, lifetime_years, _.lang, portfolio)
        st.subheader(_("Clients at risk ({n})", n=_.number(len(at_risk))))
        show_table(
            at_risk.assign(risk=at_risk["risk"].map(RISKS), revenue=at_risk["revenue"].round(0)).rename_axis(
                "ID"
            ),
            money=["revenue"],
            width="stretch",
            height=280,
            column_config={
                "client": _("Client"),
                "risk": _("Risk"),
                "why": st.column_config.TextColumn(_("Why"), width="large"),
                "revenue": _("Revenue"),
                "p_alive": st.column_config.ProgressColumn(
                    _("Probability still active"), format="percent", min_value=0, max_value=1
                ),
            },
        )
    needs("Churn risk")


def potential() -> None:
    """Potential minus revenue."""
    table = client_table()
    if "unmet_potential" in table:
        u1 = st.columns(3)
        u1[0].metric(
            _("Unmet potential"),
            money(table["unmet_potential"].sum()),
            help=_("Potential minus revenue per year")
            if "revenue_per_year" in table
            else _("Potential minus revenue (undated sales: the whole revenue)"),
        )
        u1[1].metric(_("Clients below potential"), _.number(int((table["unmet_potential"] > 0).sum())))
        top = table["unmet_potential"].nlargest(10)
        u1[2].metric(
            _("Top 10 gaps"),
            _.percent(top.sum() / max(table["unmet_potential"].sum(), 1)),
            help=_("Share of the total gap"),
        )
    needs("Unmet potential")


def clients() -> None:
    """Every figure per client, and the CSV."""
    table = client_table()
    try:
        classes: pd.Series | None = kpis_cache.sensitivity(key, settings, portfolio)[1]
    except NoPositiveValueError:
        classes = None
    headers = {
        "name": _("Name"), "abc_class": _("Class"), "revenue": _("Revenue"), "margin": _("Margin"),
        "margin_rate": _("Margin rate"), "first_purchase": _("First purchase"),
        "last_purchase": _("Last purchase"), "purchases": _("Purchase days"),
        "tenure_years": _("Lifetime (years)"), "revenue_per_year": _("Revenue per year"),
        "margin_per_year": _("Margin per year"), "clv": _("CLV"), "cac": _("CAC"), "clv_cac": _("CLV : CAC"),
        "clv_cac_below_3": _("CLV : CAC under 3"), "potential": _("Potential"),
        "unmet_potential": _("Unmet potential"), "days_since_purchase": _("Days since purchase"),
        "usual_interval_days": _("Usual interval (days)"), "reference_days": _("Compared with (days)"),
        "lateness": _("Times the usual interval"), "churn_risk": _("Churn risk"), "churn_reason": _("Why"),
        "p_alive": _("Probability still active"),
    }  # fmt: skip
    shown = table.copy()
    if "name" in portfolio.clients:
        shown.insert(0, "name", portfolio.clients["name"].reindex(shown.index))
    if classes is not None:
        shown.insert(1 if "name" in shown else 0, "abc_class", classes.reindex(shown.index))
    if "churn_risk" in shown:
        shown["churn_risk"] = shown["churn_risk"].map(RISKS)
    if indicators:
        st.caption(
            _(
                "Other indicators from your client list: {columns} (last columns).",
                columns=", ".join(plain(c) for c in indicators),
            )
        )
    needs("Other indicators")
    money_columns = ["revenue", "margin", "revenue_per_year", "margin_per_year", "clv", "cac", "potential",
                     "unmet_potential"]  # fmt: skip
    days = ["usual_interval_days", "reference_days", "days_since_purchase"]
    whole = [c for c in [*money_columns, *days] if c in shown]
    shown[whole] = shown[whole].round(0)
    tenths = [c for c in ("tenure_years", "clv_cac", "lateness") if c in shown]
    shown[tenths] = shown[tenths].round(1)
    config: dict[str, Any] = {c: headers[c] for c in headers if c in shown}
    show_table(
        shown.rename_axis("ID"),
        money=money_columns,
        percent=["margin_rate", "p_alive"],
        decimals={c: 1 for c in tenths},
        width="stretch",
        height=400,
        column_config=config,
    )
    st.download_button(
        _("Download the client KPIs (CSV)"),
        lambda: csv_bytes(shown.rename(columns=headers).rename_axis("ID"), index=True),
        file_name="client_kpis.csv",
        mime="text/csv",
    )


SECTIONS = {
    _("Concentration"): concentration,
    _("Suggested cut-offs"): cutoffs,
    _("Sales"): sales,
    _("Loyalty and lifetime"): loyalty,
    _("CLV and CAC"): clv,
    _("Churn risk"): churn,
    _("Unmet potential"): potential,
    _("Clients"): clients,
}
tabbed(SECTIONS, "kpi_tab")
