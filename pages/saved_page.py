"""Page "Saved analyses": save the current analysis, open / rename / duplicate / delete one, compare two."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from portfolio_core.charts import migration_chart
from portfolio_core.storage import SavedAnalysis, StorageError
from ui import saved

ss = st.session_state
store = saved.store()


def attempt(action: Callable[..., Any], *args: Any) -> Any:
    """Run a store call; on failure show a plain message (never a traceback) and return None."""
    try:
        return action(*args)
    except StorageError as exc:
        st.error(f"{exc}\n\nThe analysis loaded in the app is unchanged.")
    except Exception as exc:  # noqa: BLE001 - a user sees a message, not a traceback
        st.error(
            f"The saved analyses could not be used ({type(exc).__name__}: {exc}). The analysis loaded in the "
            f"app is unchanged. If this keeps happening, set PORTFOLIO_DB to another file and send "
            f"{store.path} to support."
        )
    return None


def delete(analysis_id: int) -> bool:
    store.delete(analysis_id)
    return True


def done(message: str) -> None:
    """Show ``message`` after a rerun (so the list and the sidebar reflect the change at once)."""
    ss.sv_flash = message
    st.rerun()


st.title("Saved analyses")
st.caption(
    f"A saved analysis keeps the loaded data, the column mapping, the cut-offs, filters and options, and "
    f"its date. They are kept in `{store.path}` (set the PORTFOLIO_DB environment variable to use "
    "another file)."
)
flash = ss.pop("sv_flash", None)
if flash:
    st.success(flash)
    if flash.startswith("Opened"):
        st.page_link(
            "pages/abc_page.py", label="See it on the ABC analysis page", icon=":material/bar_chart:"
        )

analyses: list[SavedAnalysis] | None = attempt(store.list)
if analyses is None:
    st.stop()

# --- save ------------------------------------------------------------------------------------
portfolio = ss.portfolio
settings = saved.current_settings()
with st.form("sv_save_form"):
    st.subheader("Save the current analysis")
    name = st.text_input(
        "Name", value=f"Portfolio review {dt.date.today():%Y-%m}", max_chars=200, key="sv_name"
    )
    st.caption(
        f"{portfolio.source} · {portfolio.scope_counts()['active']:,} clients · "
        f"{saved.describe_settings(settings)}. Saving under a name already used adds a new version; "
        "nothing is overwritten."
    )
    if st.form_submit_button("Save", type="primary", icon=":material/save:"):
        new_id = attempt(store.save, name, portfolio, settings, saved.current_mapping())
        if new_id is not None:
            entry = attempt(store.get, new_id)
            done(f"Saved as “{entry.label if entry else name}”.")

# --- the list --------------------------------------------------------------------------------
st.subheader("Your saved analyses")
if not analyses:
    st.info("No analysis saved yet. Save the current one above: you can open it again after a restart.")

for item in analyses:
    with st.container(border=True):
        info, right = st.columns([1, 1], vertical_alignment="center")
        info.markdown(f"**{item.label}**  \n{saved.when(item)} · {item.clients:,} clients · {item.source}")
        info.caption(saved.describe_settings(dict(item.settings)))
        actions = right.container(horizontal=True, horizontal_alignment="right")
        if actions.button("Open", key=f"sv_open_{item.id}", icon=":material/folder_open:"):
            loaded = attempt(store.load, item.id)
            if loaded is not None:
                opened, opened_settings, mapping, meta = loaded
                saved.restore(opened, opened_settings)
                used = ""
                if mapping:
                    used = " Columns used: " + "; ".join(
                        f"{file}: " + ", ".join(f"{role} ← {column}" for role, column in roles.items())
                        for file, roles in mapping.items()
                    )
                done(
                    f"Opened “{meta.label}” ({saved.when(meta)}): its data and settings "
                    f"({saved.describe_settings(opened_settings)}) are loaded on every page.{used}"
                )
        with actions.popover("Rename", icon=":material/edit:"):
            new_name = st.text_input("New name", value=item.name, max_chars=200, key=f"sv_new_name_{item.id}")
            if st.button("Rename", key=f"sv_rename_{item.id}", type="primary"):
                renamed = attempt(store.rename, item.id, new_name)
                if renamed is not None:
                    done(f"“{item.label}” is now “{renamed.label}”.")
        if actions.button("Duplicate", key=f"sv_copy_{item.id}", icon=":material/content_copy:"):
            copy_id = attempt(store.duplicate, item.id)
            if copy_id is not None:
                copy = attempt(store.get, copy_id)
                done(f"“{item.label}” duplicated as “{copy.label if copy else ''}”.")
        if actions.button("Delete", key=f"sv_delete_{item.id}", icon=":material/delete:"):
            ss.sv_confirm = item.id
        if ss.get("sv_confirm") == item.id:
            st.warning(f"Delete “{item.label}” ({saved.when(item)}) for good? This cannot be undone.")
            yes, no, _ = st.columns([1, 1, 3])
            if yes.button("Yes, delete it", key=f"sv_confirm_{item.id}", type="primary"):
                ss.sv_confirm = None
                if attempt(delete, item.id):
                    done(f"“{item.label}” was deleted.")
            if no.button("Cancel", key=f"sv_cancel_{item.id}"):
                ss.sv_confirm = None
                st.rerun()

# --- compare ---------------------------------------------------------------------------------
st.subheader("Compare two analyses")
if len(analyses) < 2:
    st.info(
        "Save at least two analyses (this month's and last month's, say) to see how clients changed class."
    )
    st.stop()

oldest_first = sorted(analyses, key=lambda a: (a.saved_at, a.id))
by_id = {a.id: a for a in oldest_first}
ids = list(by_id)


def label(analysis_id: int) -> str:
    return f"{by_id[analysis_id].label} · {saved.when(by_id[analysis_id])}"


left, right = st.columns(2)
earlier_id = left.selectbox("Earlier analysis", ids, index=len(ids) - 2, format_func=label, key="sv_earlier")
later_id = right.selectbox("Later analysis", ids, index=len(ids) - 1, format_func=label, key="sv_later")
if earlier_id == later_id:
    st.warning("Pick two different analyses.")
    st.stop()
earlier, later = by_id[earlier_id], by_id[later_id]
if earlier.saved_at > later.saved_at:
    st.info("The “earlier” analysis is the more recent one: the migration below reads backwards in time.")
st.caption(
    f"Each analysis's clients are ranked by revenue with the current cut-offs (A up to {ss.a} %, B up to "
    f"{ss.b} %); change them in the sidebar of any analysis page. Clients with revenue in one analysis only "
    "are “new” or “lost”."
)
result = attempt(
    saved.compare,
    str(store.path),
    earlier_id,
    later_id,
    (earlier.saved_at.isoformat(), later.saved_at.isoformat()),
    ss.a,
    ss.b,
    ss.rule,
    ss.all,
)
if result is None:
    st.stop()
table, dropped = result
chart_col, table_col = st.columns([2, 3], gap="large")
with chart_col:
    st.altair_chart(migration_chart(table), width="content")
with table_col:
    m1, m2 = st.columns(2)
    m1.metric("Clients who dropped a class or left", f"{len(dropped):,}")
    m2.metric("Their revenue in the earlier analysis", f"{dropped['revenue_before'].sum():,.0f}")
    if dropped.empty:
        st.success("No client dropped a class between these two analyses.")
    else:
        shown = dropped.reset_index().rename(
            columns={"client": "Client", "index": "Client", "name": "Name", "from": "From", "to": "To",
                     "revenue_before": "Revenue before", "revenue_after": "Revenue after"}
        )  # fmt: skip
        money = ["Revenue before", "Revenue after"]
        shown[money] = shown[money].round(0)
        st.dataframe(
            shown,
            hide_index=True,
            width="stretch",
            height=320,
            column_config={
                "Revenue before": st.column_config.NumberColumn(format="localized"),
                "Revenue after": st.column_config.NumberColumn(format="localized"),
            },
        )
