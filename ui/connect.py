"""The Data page's "Connect to a database": a connection set up on the server, a table, its columns.

Connections live in the server's ``secrets.toml``, one ``[connections.NAME]`` section with a ``url``
each (``postgresql://user:password@host/db``, ``duckdb:///path.db``...; docs/warehouse.md). The page
shows their names only: a URL, and the password in it, never reaches the browser, the link or the
saved analyses (the data loaded from a table is named "NAME · TABLE"). The per-client totals are
computed by the database (``portfolio_core.engine``); only one row per client comes back.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from portfolio_core.engine.aggregate import load_source, recognise_table
from portfolio_core.engine.sources import list_tables, open_table, preview
from portfolio_core.ingest.build import KIND_ROLES, LoadReport
from portfolio_core.ingest.columns import REQUIRED, ROLE_LABELS
from portfolio_core.ingest.loading import LoadError
from portfolio_core.ingest.portfolio import Portfolio
from ui import colnames
from ui.i18n import tr
from ui.state import set_portfolio
from ui.text import plain

PREVIEW_ROWS = 20
NONE = "(none)"
log = logging.getLogger("portfolio")


def connections() -> dict[str, str]:
    """Connection name -> URL, from ``[connections.NAME] url = "..."`` in the server's secrets."""
    try:
        section = st.secrets.get("connections", {})
        return {
            str(name): str(conf["url"])
            for name, conf in section.items()
            if isinstance(conf, Mapping) and conf.get("url")
        }
    except Exception:  # no secrets file (the usual case), or one that does not parse: no connection
        log.debug("no connections read from the secrets", exc_info=True)
        return {}


@st.cache_data(show_spinner=False, ttl=60, max_entries=16)
def _tables(name: str) -> list[str]:
    return list_tables(connections()[name])


@st.cache_data(show_spinner=False, ttl=60, max_entries=16)
def _preview(name: str, table: str) -> pd.DataFrame:
    return preview(connections()[name], table, PREVIEW_ROWS)


@st.cache_data(show_spinner=False, ttl=60, max_entries=16)
def _guess(name: str, table: str) -> dict[str, str]:
    return recognise_table(open_table(connections()[name], table), table)


def _load(name: str, table: str, mapping: dict[str, str]) -> tuple[Portfolio, LoadReport]:
    portfolio, report = load_source(connections()[name], table, mapping, days=True)
    return dataclasses.replace(portfolio, source=f"{name} · {table}"), report


def _problem(exc: Exception) -> str:
    _ = tr()
    if isinstance(exc, LoadError):
        return plain(exc.translated(_))
    log.exception("the database could not be read")
    return _("The database could not be read. Try again; if this keeps happening, tell whoever runs the app.")


def _mapping(columns: list[str], guess: dict[str, str], key: str) -> dict[str, str]:
    """Role -> column selectboxes for the table, filled with the recognised columns."""
    _ = tr()
    options = [NONE, *columns]
    chosen: dict[str, str] = {}
    boxes = st.columns(2)
    for i, role in enumerate(KIND_ROLES["transactions"]):
        current = guess.get(role, NONE)
        value = boxes[i % 2].selectbox(
            _(ROLE_LABELS[role]) + (" *" if role in REQUIRED or role == "client" else ""),
            options,
            index=options.index(current) if current in options else 0,
            format_func=lambda column: _(NONE) if column == NONE else column,
            key=f"{key}:{role}",
        )
        if value != NONE:
            chosen[role] = value
    return chosen


def connect_section() -> None:
    """The "Connect to a database" expander: connection, table, preview, columns, analyse."""
    _ = tr()
    names = connections()
    with st.expander(_("Connect to a database"), icon=":material/database:"):
        if not names:
            st.info(
                _(
                    "No database connection is set up. Whoever runs the app can add one "
                    "(a PostgreSQL, DuckDB or SQLite database, a data warehouse): the password stays "
                    "on the server, and the totals per client are computed by the database."
                )
            )
            return
        name = st.selectbox(_("Connection"), sorted(names), key="db_connection")
        try:
            tables = _tables(name)
        except Exception:  # the driver's words name hosts and users: for the log, not the screen
            log.exception("the connection %r could not list its tables", name)
            st.error(
                _(
                    "The database “{name}” cannot be reached. Whoever runs the app can check its "
                    "address, user and password. The data loaded before is still in place.",
                    name=plain(name),
                )
            )
            return
        if not tables:
            st.warning(_("This database has no table or view."))
            return
        table = st.selectbox(_("Table or view"), tables, key=f"db_table:{name}")
        try:
            with st.spinner(_("Reading the first rows…")):
                head = _preview(name, table)
                guess = _guess(name, table)
        except Exception as exc:
            st.error(_problem(exc))
            return
        st.caption(_("The first {n} rows of {table}:", n=PREVIEW_ROWS, table=plain(table)))
        st.dataframe(head, hide_index=True, width="stretch", height=min(320, 38 + 35 * len(head)))
        st.markdown(_("**Columns** (recognised from the headers; change any of them)"))
        mapping = _mapping([str(c) for c in head.columns], guess, f"db_map:{name}:{table}")
        if not st.button(_("Analyse this table"), type="primary", key="db_analyse"):
            return
        with st.status(_("Analysing {table}…", table=plain(table)), expanded=True) as status:
            st.write(_("The database totals each client's sales (only one row per client comes back)…"))
            try:
                portfolio, report = _load(name, table, mapping)
            except Exception as exc:
                status.update(label=_("The table could not be analysed"), state="error")
                st.error(_problem(exc) + "\n\n" + _("The data loaded before is still in place."))
                return
            status.update(label=_("Done"), state="complete")
        set_portfolio(portfolio, report)
        colnames.remember_mapping({table: mapping})
        st.session_state.up_files = []
        st.rerun()
