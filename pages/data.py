"""Page "Data": upload exports, see and fix what each file and column was recognised as, the portfolio."""

from ui.frame import require_frame

require_frame()


import pandas as pd
import streamlit as st

from portfolio_core.ingest.build import KIND_ROLES, KINDS
from portfolio_core.ingest.columns import REQUIRED, ROLE_LABELS
from portfolio_core.ingest.loading import RawTable
from portfolio_core.ingest.portfolio import deal_weights
from portfolio_core.message import N_
from portfolio_core.report.assumptions import set_aside_text
from ui import analysis, state, uploads
from ui.connect import connect_section
from ui.i18n import csv_bytes, tr
from ui.ingest_text import rejected_rows, words
from ui.tables import show_table
from ui.text import plain

NONE = "(none)"
KIND_LABELS = {
    "transactions": N_("Transactions (invoices, deals)"),
    "clients": N_("Client list (attributes)"),
    "activities": N_("Activities (interaction history)"),
}
MAIN_ROLES = {
    "transactions": ("client", "amount", "date", "stage", "name", "margin", "product", "account_manager"),
    "clients": ("client", "name", "status", "sector", "size", "account_manager"),
    "activities": ("client", "name", "date", "activity_type", "hours"),
}

ROLE_HELP = {
    "client": N_("The column that identifies the client; files are joined on it. Required."),
    "amount": N_("Revenue of each row (invoice, deal) or of each client. Required in one file at least."),
    "stage": N_("Won deals make revenue; lost and open deals feed the win rate and the pipeline only."),
    "status": N_("Active clients are analysed; prospects, former clients and partners are set aside."),
    "date": N_("Invoice date, close date or won time."),
}

ss = st.session_state
_ = tr()


def _remember(name: str, signature: tuple[str, ...]) -> None:
    ss.saved_mappings[signature] = {"kind": ss.up_kinds[name], "mapping": dict(ss.up_maps[name])}


def _role_changed(name: str, role: str, key: str, signature: tuple[str, ...]) -> None:
    value = ss[key]
    if value == NONE:
        ss.up_maps[name].pop(role, None)
    else:
        ss.up_maps[name][role] = value
    _remember(name, signature)


def _kind_changed(name: str, key: str, signature: tuple[str, ...]) -> None:
    ss.up_kinds[name] = ss[key]
    _remember(name, signature)


def _sheet_changed(name: str, key: str) -> None:
    ss.up_sheets[name] = ss[key]
    ss.up_maps.pop(name, None)
    ss.up_kinds.pop(name, None)


def _mapping_editor(table: RawTable, kind: str, mapping: dict[str, str], prefix: str) -> None:
    """Selectboxes role -> column for one file; a change rebuilds the portfolio on the rerun."""
    options = [NONE, *map(str, table.frame.columns)]
    sig = table.signature

    def box(container, role: str) -> None:  # noqa: ANN001
        key = f"{prefix}:{kind}:{role}"
        current = mapping.get(role, NONE)
        label = _(ROLE_LABELS[role]) + (
            " *" if role in REQUIRED and kind == "transactions" or role == "client" else ""
        )
        container.selectbox(
            label,
            options,
            help=_(ROLE_HELP[role]) if role in ROLE_HELP else None,
            index=options.index(current) if current in options else 0,
            format_func=lambda column: _(NONE) if column == NONE else column,
            key=key,
            on_change=_role_changed,
            args=(table.name, role, key, sig),
        )

    kind_key = f"{prefix}:kind"
    st.selectbox(
        _("File type"),
        list(KINDS),
        index=list(KINDS).index(kind),
        format_func=lambda k: _(KIND_LABELS[k]),
        key=kind_key,
        on_change=_kind_changed,
        args=(table.name, kind_key, sig),
    )
    main = [r for r in MAIN_ROLES[kind] if r in KIND_ROLES[kind]]
    cols = st.columns(2)
    for i, role in enumerate(main):
        box(cols[i % 2], role)
    more = [r for r in KIND_ROLES[kind] if r not in main]
    if more:
        with st.expander(
            _("More columns: {roles}…", roles=", ".join(_(ROLE_LABELS[r]).lower() for r in more[:4]))
        ):
            cols = st.columns(2)
            for i, role in enumerate(more):
                box(cols[i % 2], role)


MODES = {
    "replace": N_("Replaces the data loaded now"),
    "add": N_("Is added to the files loaded now (client list, deals, activity log of one set)"),
}
uploads.init_inbox()

st.title(_("Data"))
if ss.up_files:
    if "w_upload_mode" not in ss:
        ss.w_upload_mode = ss.upload_mode
    st.radio(
        _("A new upload"),
        list(MODES),
        format_func=lambda m: _(MODES[m]),
        key="w_upload_mode",
        horizontal=True,
        help=_(
            "Replace: next month's file takes the place of this month's. Add: join a client list, deals "
            "or an activity log to the files loaded now."
        ),
    )
    ss.upload_mode = ss.w_upload_mode
files = st.file_uploader(
    _(
        "Upload your export (CSV or Excel): clients with their revenue, or invoices / deals, "
        "and optionally a client list and an activity log"
    ),
    type=["csv", "txt", "tsv", "xlsx"],
    accept_multiple_files=True,
    key=f"uploader:{ss.up_inbox}",
)
if files:  # take the files, then show an empty uploader for the next one
    uploads.take([(f.name, f.getvalue()) for f in files])
    st.rerun()
connect_section()

loaded = uploads.load_files()  # read, map and build; the data in use changes when they build
problem, needs, tables, infos = loaded.problem, loaded.needs, loaded.tables, loaded.infos
if problem:
    st.error(
        plain(problem)
        + "\n\n"
        + _(
            "The data loaded before is still in place: {source}.",
            source=analysis.source_label(ss.portfolio),
        )
    )
elif needs is not None:
    st.warning(
        f"{plain(needs.translated(_))}\n\n"
        + _(
            "Choose it below and the analysis starts at once. "
            "Until then the data loaded before stays in place: {source}.",
            source=analysis.source_label(ss.portfolio),
        )
    )
notice = ss.get("up_notice")
if notice and problem is None and needs is None:
    (st.success if notice[0] == "success" else st.error)(notice[1])
    ss.up_notice = None
if ss.get("up_not_kept"):
    st.caption(
        _(
            "This upload could not be kept for after a reload (the saved-analyses store is unavailable); "
            "it stays loaded in this tab."
        )
    )

portfolio = ss.portfolio
report = ss.report
counts = portfolio.scope_counts()
set_aside = counts["prospect"] + counts["former"] + counts["partner"]

st.subheader(_("Loaded: {source}", source=analysis.source_label(portfolio)))
if portfolio.currency:
    st.caption(_("Amounts in {currency}, as the files write them.", currency=portfolio.currency))
else:
    st.caption(_("The files name no currency: amounts are shown without one. Choose it in the sidebar."))
cols = st.columns(4)
cols[0].metric(_("Clients in the portfolio"), _.number(counts["active"]))
cols[1].metric(_("Set aside"), _.number(set_aside), help=_("Prospects, former clients and partners"))
cols[2].metric(_("Transactions"), _.number(int(deal_weights(portfolio.transactions).sum())))
cols[3].metric(_("Activities"), _.number(len(portfolio.activities)))
if set_aside:
    st.caption(_("Set aside by default: {who}.", who=set_aside_text(counts, _)))
include = st.toggle(
    _("Include prospects, former clients and partners in the analysis"),
    value=state.settings().include_inactive,
)
state.update(include_inactive=include)

if report is not None:
    files = "; ".join(
        _(
            "**{name}** ({kind}, {rows} rows)",
            name=plain(i.name),
            kind=_(KIND_LABELS[i.role]).lower(),
            rows=_.number(i.rows),
        )
        for i in report.tables
    )
    st.markdown(
        _(
            "In this analysis: {files}. Together {rows} rows and {clients} clients in the portfolio.",
            files=files,
            rows=_.number(sum(i.rows for i in report.tables)),
            clients=_.number(counts["active"]),
        )
    )
    if len(report.rejected):
        counts_text = dict(rejected=_.number(report.rejected_count), flagged=_.number(report.flagged_count))
        if report.flagged_count:
            message = _(
                "{rejected} rows could not be used and {flagged} rows were used with a value left out: "
                "listed below, and downloadable.",
                **counts_text,
            )
        else:
            message = _("{rejected} rows could not be used: listed below, and downloadable.", **counts_text)
        st.warning(message)
        rejected = rejected_rows(report.rejected)
        show_table(rejected, hide_index=True, width="stretch", height=220)
        st.download_button(
            _("Download the validation report (CSV)"),
            csv_bytes(rejected),
            file_name="validation_report.csv",
            mime="text/csv",
        )
    else:
        st.caption(_("Every row was used."))
elif not uploads.is_demo(portfolio):
    st.markdown(
        _(
            "In this analysis: the data of {source} ({clients} clients in the portfolio).",
            source=analysis.source_label(portfolio),
            clients=_.number(counts["active"]),
        )
    )

if tables:
    st.subheader(_("Files and columns"))
    st.caption(
        _(
            "Each file's type and columns were recognised from its header and applied. "
            "Change any of them here: the analysis follows, and the choice is remembered for files "
            "with the same columns."
        )
    )
    for i, table in enumerate(tables):
        kind = ss.up_kinds[table.name]
        mapping = ss.up_maps[table.name]
        info = infos.get(table.name)
        with st.container(border=True):
            details = [words(table.description), _("{n} rows", n=_.number(len(table.frame)))]
            if info is not None:
                details.append(_("{n} used", n=_.number(info.rows_used)))
                if info.date_format:
                    details.append(_("dates read as {format}", format=words(info.date_format)))
            read_as = _("read as")
            st.markdown(
                f"**{plain(table.name)}** · {read_as} **{_(KIND_LABELS[kind]).lower()}**  \n"
                + " · ".join(map(plain, details))
            )
            for note in info.notes if info is not None else ():
                st.caption(plain(note.translate(_)))
            if table.name in ss.up_remembered:
                st.caption(_("Mapping remembered from an earlier file with the same columns."))
            left, right = st.columns([3, 2], gap="medium")
            with right:
                if len(table.sheets) > 1:
                    sheet_key = f"sheet:{ss.up_fileset[:12]}:{i}"
                    st.selectbox(
                        _("Sheet of {name}", name=plain(table.name)),
                        list(table.sheets),
                        index=list(table.sheets).index(table.sheet),
                        key=sheet_key,
                        on_change=_sheet_changed,
                        args=(table.name, sheet_key),
                    )
                prefix = f"map:{ss.up_fileset[:12]}:{i}:{table.sheet or ''}"
                _mapping_editor(table, kind, mapping, prefix)
            with left:
                shown = table.frame.head(100)
                st.dataframe(shown, hide_index=True, width="stretch", height=min(320, 38 + 35 * len(shown)))


def _preview(frame: pd.DataFrame) -> pd.DataFrame:
    """The first rows of a canonical table, its headers and codes (won, active...) in the session's words
    (canonical headers: two roles may come from columns of one name, e.g. "Margin" as the amount)."""
    codes = [c for c in ("stage", "status") if c in frame]
    head = frame.head(200)
    return head.assign(**{c: head[c].map(_.maybe, na_action="ignore") for c in codes}).rename(columns=_.label)


st.subheader(_("Preview"))
tab_t, tab_c, tab_a = st.tabs([_("Transactions"), _("Clients"), _("Activities")])
amounts = [_.label(c) for c in ("amount", "margin", "cac", "potential")]
show_table(_preview(portfolio.transactions), money=amounts, where=tab_t, hide_index=True, width="stretch")
show_table(_preview(portfolio.clients), money=amounts, where=tab_c, width="stretch")
if len(portfolio.activities):
    show_table(
        _preview(portfolio.activities), decimals={_.label("hours"): 1}, where=tab_a, hide_index=True,
        width="stretch",
    )  # fmt: skip
else:
    tab_a.info(
        _("No activity log loaded: upload one (client, date, type, hours) to see who takes the team's time.")
    )
