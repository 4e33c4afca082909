"""Page "Segments": the ABC mix per segment, the crossed ABC matrix, class migration."""

from ui.frame import require_frame

require_frame()

import pandas as pd
import streamlit as st

from portfolio_core import CLASSES
from portfolio_core.report.charts import migration_chart, segment_mix_chart
from ui import analysis, colnames
from ui import segments as ui_segments
from ui.charts import show_chart
from ui.i18n import money, tr
from ui.sections import tabbed
from ui.tables import show_table

_ = tr()
st.title(_("Segments"))
key, settings, portfolio = analysis.current()
measure, Measure = _(settings.measure), _(settings.measure.capitalize())
table = analysis.classified_or_stop(key, settings, portfolio)
segments = analysis.segments(key, settings.include_inactive, portfolio)
st.caption(analysis.describe(settings, len(table)))


def segment_mix() -> None:
    """The class mix per segment, and the segments compared."""
    # without segments to compare, the crossed matrix and the class migration (other tabs) still apply
    if segments.empty:
        st.info(
            _(
                "Your data has no client attributes to segment by. Upload a client list with columns such as "
                "sector, size, contract type, region or account manager."
            )
        )
    else:
        dimension = st.selectbox(
            _("Compare segments by"),
            list(segments.columns),
            format_func=colnames.labeller(),
            key="segment_dimension",
        )
        has_effort = len(portfolio.activities) > 0
        mix = ui_segments.mix(key, settings, dimension, portfolio)
        comparison = mix.comparison
        left, right = st.columns(2)
        with left:
            show_chart(segment_mix_chart, mix.clients, "clients", _("Clients per class"), t=_)
        with right:
            title = _("{measure} per class", measure=Measure)
            show_chart(segment_mix_chart, mix.values, "value", title, "$,.0f", t=_)

        st.subheader(_("Compare the segments"))
        analysis.comparison_table(comparison, settings.measure, _("Share of total"), has_effort)


def crossed_matrix() -> None:
    """Revenue class against potential class: whom to develop, whom to serve economically."""
    st.subheader(_("Crossed ABC matrix: revenue class × potential class"))
    if "potential" not in portfolio.clients.columns or portfolio.clients["potential"].notna().sum() == 0:
        st.info(
            _("Needs a potential column in the client list (the revenue each client could bring per year).")
        )
    else:
        c1, c2 = st.columns(2)
        pa = c1.slider(_("Potential A cut-off (%)"), 1, 99, 80, key="potential_a")
        pb = c2.slider(_("Potential B cut-off (%)"), 2, 100, max(95, pa + 1), key="potential_b")
        if pb <= pa:
            st.warning(_("The potential B cut-off must be above the A cut-off."))
        else:
            cross = ui_segments.crossed(table, portfolio, pa / 100, pb / 100)
            grid, unmet = cross.clients, cross.unmet
            grid.index.name = unmet.index.name = _("Revenue class")
            m1, m2 = st.columns(2)
            m1.caption(_("Clients (rows: revenue class, columns: potential class)"))
            show_table(grid, where=m1, width="stretch")
            m2.caption(_("Unmet potential per year (potential minus revenue per year)"))
            show_table(unmet, money=CLASSES, where=m2, width="stretch")
            g = st.columns(3)
            for col, (name, row) in zip(g, cross.groups.iterrows(), strict=True):
                col.metric(
                    _(str(name)),
                    _.number(row["clients"]),
                    help=_("Unmet potential {value} per year", value=money(row["unmet"])),
                )
            st.caption(
                _(
                    "Develop: the potential class is above the revenue class. Serve economically: C on both. "
                    "Keep: the rest, whose revenue already matches their potential."
                )
            )


def class_migration() -> None:
    """Each client's class in two consecutive periods, and those who dropped."""
    st.subheader(_("Class migration between two periods"))
    if not portfolio.has("date"):
        st.info(_("Needs dated sales (a date column in the invoices or deals)."))
    else:
        months = st.slider(_("Period length (months)"), 3, 24, 12, key="migration_months")
        column = "amount" if settings.measure == "revenue" else "margin"
        # the period totals do not depend on the cut-offs: computed once per data set and length
        start, middle, end = analysis.periods(key, months, column, portfolio)[:3]
        longest, first, last = analysis.sales_history(key, portfolio)
        if pd.isna(first):  # dates on lost or open deals only
            st.info(_("Needs dated sales (a date column in the invoices or deals)."))
        elif months > longest:
            span = _("The dated sales run from {first} to {last}.", first=_.date(first), last=_.date(last))
            fits = (
                _("Periods of up to {n} months fit: move the slider.", n=longest)
                if longest >= 3
                else _("A migration needs at least two periods of 3 months.")
            )
            st.info(
                _(
                    "Not enough history to compare two periods of {months} months: every client would "
                    "look new. {span} {fits}",
                    months=months,
                    span=span,
                    fits=fits,
                )
            )
        else:
            day = pd.Timedelta(days=1)
            st.caption(
                _(
                    "Earlier: {s1} – {e1} · later: {s2} – {e2} · classes computed in each period with "
                    "A up to {a} %, B up to {b} %.",
                    s1=_.date(start),
                    e1=_.date(middle - day),
                    s2=_.date(middle),
                    e2=_.date(end - day),
                    a=settings.a_pct,
                    b=settings.b_pct,
                )
            )
            moves, dropped = ui_segments.class_migration(key, settings, months, column, portfolio)
            left, right = st.columns([2, 3])
            with left:
                show_chart(migration_chart, moves, _)
            right.markdown(
                _(
                    "**{n} clients dropped a class or stopped buying** (an early churn signal):",
                    n=_.number(len(dropped)),
                )
            )
            dropped = dropped.assign(
                client=portfolio.labels(dropped.index),
                **{"from": dropped["from"].map(_.maybe), "to": dropped["to"].map(_.maybe)},
            )
            show_table(
                dropped[["client", "from", "to", "revenue_before", "revenue_after"]].rename_axis("ID"),
                money=["revenue_before", "revenue_after"],
                where=right,
                width="stretch",
                height=260,
                column_config={
                    "client": _("Client"),
                    "from": _("From"),
                    "to": _("To"),
                    "revenue_before": _("Before"),
                    "revenue_after": _("After"),
                },
            )


SECTIONS = {
    _("Segment mix"): segment_mix,
    _("Revenue × potential"): crossed_matrix,
    _("Class migration"): class_migration,
}
tabbed(SECTIONS, "segments_tab")
