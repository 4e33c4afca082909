"""Page "ABC analysis": class counts and shares, the Pareto chart, the class table."""

from ui.frame import require_frame

require_frame()

import streamlit as st

from portfolio_core import CLASSES
from portfolio_core.report.charts import pareto_chart
from ui import analysis, colnames
from ui.charts import show_chart
from ui.i18n import csv_bytes, money, tr
from ui.suggest import suggest_button
from ui.tables import show_table

TABLE_ROWS = 1000  # a browser table of 10^5 rows slows every rerun and helps no reader
_ = tr()
st.title(_("ABC analysis"))
key, settings, portfolio = analysis.current()
measure = _(settings.measure)
table = analysis.classified_or_stop(key, settings, portfolio)
summary = analysis.summary(key, settings, portfolio)

st.caption(f"{analysis.describe(settings, len(table))} · {analysis.source_label(portfolio)}")
analysis.class_cards(
    summary,
    lambda row: _(
        "{clients} of clients · {value} of {measure} ({share})",
        clients=_.percent(row["client_share"]),
        value=money(row["revenue"]),
        measure=measure,
        share=_.percent(row["revenue_share"], 1),
    ),
)
negatives = int(table["non_positive"].sum())
if negatives:
    st.caption(
        _("{n} clients with zero or negative {measure} are counted in C.", n=negatives, measure=measure)
    )

suggest_button(key="suggest_on_abc")
curve = analysis.curve(key, settings, portfolio)
show_chart(pareto_chart, curve, settings.a, settings.b, settings.measure, _)

st.subheader(_("Clients by class"))
value_label = _(settings.measure.capitalize())
headers = {
    "client": _("Client"), "name": _("Name"), "rank": _("Rank"), "value": value_label,
    "share": _("Share"), "cumulative_share": _("Cumulative share"), "abc_class": _("Class"),
    "sector": colnames.label("sector"), "account_manager": colnames.label("account_manager"),
    "note": _("Note"),
}  # fmt: skip
query = st.text_input(_("Search clients"), placeholder=_("Client, name, sector…"))
picked = st.multiselect(_("Classes shown"), list(CLASSES), default=list(CLASSES))
# Names are joined only to the rows shown (at most TABLE_ROWS), unless the user searches them.
rows = analysis.class_table(key, settings, portfolio) if query else table
if query:
    text = rows.reset_index().astype(str).apply(lambda col: col.str.contains(query, case=False, regex=False))
    rows = rows[text.any(axis=1).to_numpy()]
if len(picked) < len(CLASSES):
    rows = rows[rows["abc_class"].isin(picked)]
if len(rows) > TABLE_ROWS:
    st.caption(
        _(
            "Showing the first {shown} of {total} clients by rank: "
            "search above, or download the whole table.",
            shown=_.number(TABLE_ROWS),
            total=_.number(len(rows)),
        )
    )
labelled = (lambda frame: frame) if query else (lambda frame: analysis.with_labels(frame, portfolio))
shown = labelled(rows.head(TABLE_ROWS))
show_table(
    shown.reset_index().rename(columns=headers),
    money=[value_label],
    percent=[_("Share"), _("Cumulative share")],
    hide_index=True,
    width="stretch",
)
st.download_button(
    _("Download the class table (CSV)"),
    lambda: csv_bytes(
        analysis.with_labels(rows, portfolio).reset_index().rename(columns=headers)
    ),  # on click
    file_name=f"abc_classes_{settings.a_pct}_{settings.b_pct}.csv",
    mime="text/csv",
)
