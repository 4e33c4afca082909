"""Page "Saved analyses": save the current analysis, open / rename / duplicate / delete one, compare two."""

from ui.frame import require_frame

require_frame()

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import streamlit as st

from portfolio_core.report.charts import migration_chart
from portfolio_core.store.analyses import SavedAnalysis, StorageError
from ui import analysis, saved, state
from ui.charts import show_chart
from ui.i18n import money, tr
from ui.tables import show_table
from ui.text import plain

_ = tr()
ss = st.session_state
store = saved.store()
log = logging.getLogger("portfolio")


def attempt(action: Callable[..., Any], *args: Any) -> Any:
    """Run a store call; on failure show a plain message (never a traceback or a server path) and log it."""
    try:
        return action(*args)
    except StorageError as exc:
        log.warning("saved analyses at %s: %s", store.path, exc)
        st.error(_("{problem}\n\nThe analysis loaded in the app is unchanged.", problem=problem(exc)))
    except Exception:
        log.exception("saved analyses at %s", store.path)
        st.error(
            _(
                "The saved analyses could not be used. The analysis loaded in the app is unchanged. If "
                "this keeps happening, tell whoever runs the app: the details are in the server log."
            )
        )
    return None


def problem(exc: StorageError) -> str:
    """The error in the session's language, as Markdown: its values (paths, names, sqlite's words) escaped."""
    return exc.translated(_, escape=plain)


def delete(analysis_id: int) -> bool:
    store.delete(analysis_id)
    return True


def done(message: str, opened: bool = False) -> None:
    """Show ``message`` after a rerun (so the list and the sidebar reflect the change at once)."""
    ss.sv_flash = (message, opened)
    st.rerun()


def when(item: SavedAnalysis) -> str:
    return saved.when(item, _)


def settings_line(settings: dict[str, Any]) -> str:
    """The settings in one line, as Markdown (filter values are the data's text)."""
    return plain(saved.describe_settings(settings, _))


st.title(_("Saved analyses"))
st.caption(
    _(
        "A saved analysis keeps the loaded data, the column mapping, the cut-offs, filters and options, and "
        "its date."
    )
)
flash = ss.pop("sv_flash", None)
if flash:
    message, opened = flash if isinstance(flash, tuple) else (str(flash), False)
    st.success(message)
    if opened:
        st.page_link("pages/abc.py", label=_("See it on the ABC analysis page"), icon=":material/bar_chart:")

analyses: list[SavedAnalysis] | None = attempt(store.list)
if analyses is None:
    st.stop()

# --- save ------------------------------------------------------------------------------------
portfolio = ss.portfolio
settings = saved.current_settings()
with st.form("sv_save_form"):
    st.subheader(_("Save the current analysis"))
    name = st.text_input(
        _("Name"),
        value=_("Portfolio review {month}", month=f"{dt.date.today():%Y-%m}"),
        max_chars=200,
        key="sv_name",
    )
    st.caption(
        _(
            "{source} · {n} clients · {settings}. Saving under a name already used adds a new version; "
            "nothing is overwritten.",
            source=analysis.source_label(portfolio),
            n=_.number(portfolio.scope_counts()["active"]),
            settings=settings_line(settings),
        )
    )
    if st.form_submit_button(_("Save"), type="primary", icon=":material/save:"):
        new_id = attempt(store.save, name, portfolio, settings, saved.current_mapping())
        if new_id is not None:
            entry = attempt(store.get, new_id)
            done(_("Saved as “{name}”.", name=plain(entry.label if entry else name)))

# --- the list --------------------------------------------------------------------------------
st.subheader(_("Your saved analyses"))
if not analyses:
    st.info(_("No analysis saved yet. Save the current one above: you can open it again after a restart."))

# "Open" alone is a deal stage in the catalog ("En cours"): the button's verb has its own French key.
OPEN = "Open" if _.lang == "en" else _("Open (a saved analysis)")
for item in analyses:
    with st.container(border=True):
        info, right = st.columns([2, 3], vertical_alignment="center")
        info.markdown(
            f"**{plain(item.label)}**  \n"
            + _(
                "{when} · {n} clients · {source}",
                when=when(item),
                n=_.number(item.clients),
                source=plain(_.maybe(item.source)),
            )
        )
        info.caption(settings_line(dict(item.settings)))
        actions = right.container(horizontal=True, horizontal_alignment="right")
        if actions.button(OPEN, key=f"sv_open_{item.id}", icon=":material/folder_open:"):
            loaded = attempt(store.load, item.id)
            if loaded is not None:
                opened, opened_settings, mapping, meta = loaded
                saved.restore(opened, opened_settings, mapping)
                used = ""
                if mapping:
                    used = " " + _(
                        "Columns used: {columns}",
                        columns="; ".join(
                            f"{plain(file)}: "
                            + ", ".join(f"{plain(role)} ← {plain(column)}" for role, column in roles.items())
                            for file, roles in mapping.items()
                        ),
                    )
                message = _(
                    "Opened “{name}” ({when}): its data and settings ({settings}) are loaded on every page.",
                    name=plain(meta.label),
                    when=when(meta),
                    settings=settings_line(opened_settings),
                )
                done(message + used, opened=True)
        with actions.popover(_("Rename"), icon=":material/edit:"):
            new_name = st.text_input(
                _("New name"), value=item.name, max_chars=200, key=f"sv_new_name_{item.id}"
            )
            if st.button(_("Rename"), key=f"sv_rename_{item.id}", type="primary"):
                renamed = attempt(store.rename, item.id, new_name)
                if renamed is not None:
                    done(_("“{old}” is now “{new}”.", old=plain(item.label), new=plain(renamed.label)))
        if actions.button(_("Duplicate"), key=f"sv_copy_{item.id}", icon=":material/content_copy:"):
            copy_id = attempt(store.duplicate, item.id, _("{name} (copy)", name=item.name))
            if copy_id is not None:
                copy = attempt(store.get, copy_id)
                done(
                    _(
                        "“{name}” duplicated as “{copy}”.",
                        name=plain(item.label),
                        copy=plain(copy.label if copy else ""),
                    )
                )
        if actions.button(_("Delete"), key=f"sv_delete_{item.id}", icon=":material/delete:"):
            ss.sv_confirm = item.id
        if ss.get("sv_confirm") == item.id:
            st.warning(
                _(
                    "Delete “{name}” ({when}) for good? This cannot be undone.",
                    name=plain(item.label),
                    when=when(item),
                )
            )
            yes, no, _rest = st.columns([1, 1, 3])
            if yes.button(_("Yes, delete it"), key=f"sv_confirm_{item.id}", type="primary"):
                ss.sv_confirm = None
                if attempt(delete, item.id):
                    done(_("“{name}” was deleted.", name=plain(item.label)))
            if no.button(_("Cancel"), key=f"sv_cancel_{item.id}"):
                ss.sv_confirm = None
                st.rerun()

# --- compare ---------------------------------------------------------------------------------
st.subheader(_("Compare two analyses"))
if len(analyses) < 2:
    st.info(
        _("Save at least two analyses (this month's and last month's, say) to see how clients changed class.")
    )
    st.stop()

oldest_first = sorted(analyses, key=lambda a: (a.saved_at, a.id))
by_id = {a.id: a for a in oldest_first}
ids = list(by_id)


def label(analysis_id: int) -> str:
    return f"{by_id[analysis_id].label} · {when(by_id[analysis_id])}"


left, right = st.columns(2)
earlier_id = left.selectbox(
    _("Earlier analysis"), ids, index=len(ids) - 2, format_func=label, key="sv_earlier"
)
later_id = right.selectbox(_("Later analysis"), ids, index=len(ids) - 1, format_func=label, key="sv_later")
if earlier_id == later_id:
    st.warning(_("Pick two different analyses."))
    st.stop()
earlier, later = by_id[earlier_id], by_id[later_id]
if earlier.saved_at > later.saved_at:
    st.info(_("The “earlier” analysis is the more recent one: the migration below reads backwards in time."))
st.caption(
    _(
        "Each analysis's clients are ranked by revenue with the current cut-offs (A up to {a} %, B up to "
        "{b} %); change them in the sidebar of any analysis page. Clients with revenue in one analysis only "
        "are “new” or “lost”.",
        a=state.settings().a_pct,
        b=state.settings().b_pct,
    )
)
result = attempt(
    saved.compare,
    str(store.path),
    earlier_id,
    later_id,
    (earlier.saved_at.isoformat(), later.saved_at.isoformat()),
    state.settings(),
)
if result is None:
    st.stop()
table, dropped = result
chart_col, table_col = st.columns([2, 3], gap="large")
with chart_col:
    show_chart(migration_chart, table, _, width="content")
with table_col:
    m1, m2 = st.columns(2)
    m1.metric(_("Clients who dropped a class or left"), _.number(len(dropped)))
    m2.metric(_("Their revenue in the earlier analysis"), money(dropped["revenue_before"].sum()))
    if dropped.empty:
        st.success(_("No client dropped a class between these two analyses."))
    else:
        shown = dropped.reset_index()
        shown[["from", "to"]] = shown[["from", "to"]].apply(lambda column: column.map(_.maybe))
        shown = shown.rename(
            columns={"client": _("Client"), "index": _("Client"), "name": _("Name"), "from": _("From"),
                     "to": _("To"), "revenue_before": _("Revenue before"),
                     "revenue_after": _("Revenue after")}
        )  # fmt: skip
        show_table(
            shown,
            money=[_("Revenue before"), _("Revenue after")],
            hide_index=True,
            width="stretch",
            height=320,
        )
