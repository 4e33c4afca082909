"""The uploaded files of the session, the user's last upload kept for after a reload, the demo banner.

The Data page keeps the files that make the loaded data in ``st.session_state.up_files`` (name,
bytes), with how each was read (``up_sheets``, ``up_kinds``, ``up_maps``). Each time it applies
them, :func:`keep` stores them as the *last upload* in the user's own saved-analyses store (one
database file per user in team mode, see ``ui.auth.user_db_path``). After a reload, or a shared
link opened in a new session, the demo is loaded: :func:`demo_banner` says so on every page and
offers the last upload back in one click (:func:`reopen_last`). A link carries settings only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import Any

import streamlit as st

from portfolio_core import Portfolio, build_portfolio, read_table
from portfolio_core.store.analyses import KeptUpload, StorageError
from ui import state
from ui.auth import auth_configured
from ui.i18n import tr
from ui.saved import store
from ui.state import set_portfolio
from ui.text import plain

DEMO_SOURCE = "Demo portfolio"
log = logging.getLogger("portfolio")


def is_demo(portfolio: Portfolio) -> bool:
    """Whether the loaded data is the built-in demo portfolio."""
    return portfolio.source == DEMO_SOURCE


def fileset_of(files: list[tuple[str, bytes]]) -> str:
    """A digest of the files' names and contents, in order."""
    return hashlib.sha256(b"".join(n.encode() + hashlib.sha256(d).digest() for n, d in files)).hexdigest()


def state_key(
    fileset: str, sheets: dict[str, str], mappings: dict[str, dict[str, str]], kinds: dict[str, str]
) -> str:
    """What the loaded data was built from: files, sheets, column mappings and file types."""
    return (
        f"{fileset}|{sorted(sheets.items())}|{sorted((k, sorted(m.items())) for k, m in mappings.items())}"
        f"|{sorted(kinds.items())}"
    )


def active_clients(portfolio: Portfolio) -> int:
    """The clients in the portfolio (active ones)."""
    return int(portfolio.scope_counts()["active"])


XSRF_COOKIE = "_streamlit_xsrf"


def owner() -> str:
    """Whose last upload this session reads and writes: one per browser in single-user mode.

    In team mode each signed-in user has a database file of their own (``ui.auth.user_db_path``): the
    owner is "" there, so the user finds the upload from any browser. Without sign-in, everyone shares
    one database: the last upload then belongs to the browser, known by the unmasked token of
    Streamlit's XSRF cookie (stable across reloads and tabs until the browser closes; only a hash of
    it is stored). Without that cookie (XSRF protection off, or under AppTest) the owner is "".
    """
    if auth_configured():
        return ""
    try:
        cookie = str(st.context.cookies.get(XSRF_COOKIE) or "")
        version, mask_hex, masked_hex, _stamp = cookie.split("|")
        mask, masked = bytes.fromhex(mask_hex), bytes.fromhex(masked_hex)
        token = bytes(b ^ mask[i % len(mask)] for i, b in enumerate(masked)) if version == "2" else b""
    except (ValueError, ZeroDivisionError, AttributeError):
        return ""
    return hashlib.sha256(b"last-upload:" + token).hexdigest()[:24] if token else ""


def keep(files: list[tuple[str, bytes]], portfolio: Portfolio) -> None:
    """Store the applied files as the user's last upload; a store that cannot be written only says so."""
    ss = st.session_state
    state = {"sheets": dict(ss.up_sheets), "kinds": dict(ss.up_kinds), "maps": ss.up_maps}
    try:
        store().keep_upload(files, state, active_clients(portfolio), owner=owner())
    except StorageError:
        log.exception("the last upload could not be kept")
        ss.up_not_kept = True
    else:
        ss.up_not_kept = False
        _summary.clear()


@st.cache_data(show_spinner=False, max_entries=16, ttl=5)
def _summary(path: str, who: str) -> KeptUpload | None:
    del path  # with ``who``, the cache key: one store per user, one last upload per owner
    return store().last_upload(with_data=False, owner=who)


def kept_upload() -> KeptUpload | None:
    """The user's last upload (names, client count, date; no file bytes), or None."""
    try:
        return _summary(str(store().path), owner())
    except StorageError:
        log.exception("the last upload could not be read")
        return None


def _when(moment: dt.datetime) -> str:
    _ = tr()
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M") if _.lang == "en" else f"{_.date(local)} {local:%H:%M}"


def files_text(names: Any) -> str:
    """File names for a sentence, ready for Markdown."""
    return ", ".join(plain(n) for n in names)


def reopen_last() -> None:
    """Load the user's last upload (files, sheets, file types, column mappings) into the session."""
    ss = st.session_state
    _ = tr()
    try:
        kept = store().last_upload(owner=owner())
        if kept is None:
            raise LookupError("no last upload")  # deleted since the banner was drawn
        files = [(str(n), bytes(d)) for n, d in kept.files]
        sheets = {str(k): str(v) for k, v in dict(kept.state.get("sheets") or {}).items()}
        kinds = {str(k): str(v) for k, v in dict(kept.state.get("kinds") or {}).items()}
        maps = {
            str(k): {str(r): str(c) for r, c in dict(v).items()}
            for k, v in dict(kept.state.get("maps") or {}).items()
        }
        tables = [read_table(data, name, sheets.get(name)) for name, data in files]
        portfolio, report = build_portfolio(tables, maps, kinds=kinds)
    except Exception:  # a damaged store or file: the demo stays, the user is told plainly
        log.exception("the last upload could not be reopened")
        ss.up_notice = ("error", _("Your last upload could not be reopened. Upload the files again."))
        return
    filters = state.settings().filters
    set_portfolio(portfolio, report)
    state.update(filters=filters)  # the settings of the link stay; only the data comes back
    fileset = fileset_of(files)
    ss.up_files, ss.up_fileset = files, fileset
    ss.up_sheets, ss.up_kinds, ss.up_maps, ss.up_remembered = sheets, kinds, maps, set()
    ss.up_applied = state_key(fileset, sheets, maps, kinds)
    ss.up_base = ss.data_key
    ss.up_notice = ("success", _("Your last upload is open again: {files}.", files=files_text(kept.names)))


def demo_banner() -> None:
    """On every page while the demo is shown: say so, and offer the user's last upload back."""
    ss = st.session_state
    notice = ss.get("up_notice")
    if notice and notice[0] == "error":
        st.error(notice[1])
        ss.up_notice = None
    if not is_demo(ss.portfolio):
        return
    _ = tr()
    kept = kept_upload()
    with st.container(border=True, key="demo_banner"):
        if kept is None:
            st.info(
                _(
                    "**This is the built-in demo, not your data.** "
                    "Upload your own export on the Data page to analyse it."
                ),
                icon=":material/info:",
            )
            return
        st.info(
            _(
                "**This is the built-in demo, not your data.** "
                "Your last upload is kept: reopen it in one click."
            ),
            icon=":material/info:",
        )
        st.button(
            _(
                "Reopen {files} ({clients} clients, uploaded {when})",
                files=files_text(kept.names),
                clients=_.number(kept.clients),
                when=_when(kept.saved_at),
            ),
            on_click=reopen_last,
            type="primary",
            icon=":material/history:",
            key="reopen_last_upload",
        )
