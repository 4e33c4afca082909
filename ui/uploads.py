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
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from portfolio_core import LoadError, Portfolio, build_portfolio, read_table
from portfolio_core.ingest.build import LoadReport, MissingRoleError, TableInfo, guess_mapping
from portfolio_core.ingest.loading import RawTable
from portfolio_core.store.analyses import KeptUpload, StorageError
from ui import state
from ui.analysis import cached, source_label
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
    return _fileset([name for name, _d in files], [hashlib.sha256(data).digest() for _n, data in files])


def _fileset(names: list[str], digests: list[bytes]) -> str:
    return hashlib.sha256(b"".join(n.encode() + d for n, d in zip(names, digests, strict=True))).hexdigest()


def _digests(files: list[tuple[str, bytes]]) -> list[bytes]:
    """Each file's SHA-256, computed once per file the session holds: a visit to the Data page does
    not hash a 30 MB upload again (twice, with the read cache's own key: 0.1 s a visit, #15). The
    files themselves are kept beside their digests and compared by identity, so a digest is never
    taken for another file's."""
    ss = st.session_state
    held, digests = ss.get("up_digests") or ((), [])
    blobs = [data for _n, data in files]
    if len(held) != len(blobs) or any(a is not b for a, b in zip(held, blobs, strict=False)):
        held, digests = tuple(blobs), [hashlib.sha256(data).digest() for data in blobs]
        ss.up_digests = (held, digests)
    return digests


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


@cached(16)
def _read(name: str, digest: bytes, sheet: str | None, _data: bytes) -> RawTable:
    """The file read once per content (``digest``, its SHA-256) and sheet."""
    return read_table(_data, name, sheet)


@cached(16)
def _build(key: str, mappings: dict, kinds: dict, _tables: list[RawTable]) -> tuple[Portfolio, LoadReport]:
    return build_portfolio(_tables, mappings, kinds=kinds)


def init_inbox() -> None:
    """The Data page's upload state, once per session: the files of the data loaded now, the
    uploader's generation, the upload mode and the column choices remembered by header."""
    ss = st.session_state
    ss.setdefault("saved_mappings", {})  # header signature -> {"kind", "mapping"}: remembered choices
    ss.setdefault("up_files", [])  # the files that make the data loaded now: (name, bytes)
    ss.setdefault("up_inbox", 0)  # the uploader's generation: a new key empties it once its files are taken
    ss.setdefault("upload_mode", "replace")
    if ss.up_files and ss.get("up_base") != ss.data_key:
        ss.up_files = []  # other data was opened since (a saved analysis, the last upload): not these files


def take(batch: list[tuple[str, bytes]]) -> None:
    """Take the uploaded files: they replace the files loaded now, or join them in "add" mode (a file
    of the same name is the newer copy); the notice says what happened. The caller reruns, so the
    uploader comes back empty (a new generation)."""
    ss = st.session_state
    _ = tr()
    names = files_text(name for name, _data in batch)
    ss.up_previous = list(ss.up_files)
    if ss.up_files and ss.upload_mode == "add":
        merged = dict(ss.up_files)
        merged.update(batch)
        ss.up_files = list(merged.items())
        ss.up_notice = (
            "success",
            _("{new} added to the files already loaded: the analysis now joins {files}.",
              new=names, files=files_text(merged)),
        )  # fmt: skip
    elif is_demo(ss.portfolio):
        ss.up_files, ss.up_notice = batch, None
    else:
        ss.up_files = batch
        old = source_label(ss.portfolio)
        ss.up_notice = ("success", _("{new} replaced the data loaded before ({old}).", new=names, old=old))
    ss.up_base = ss.data_key
    ss.up_inbox += 1


@dataclass(frozen=True)
class Loaded:
    """What reading the files gave: the tables and what the loader recognised in each, or the
    problem that stopped it (``problem``: a sentence; ``needs``: a column to pick)."""

    tables: list[RawTable] = field(default_factory=list)
    infos: dict[str, TableInfo] = field(default_factory=dict)
    problem: str | None = None
    needs: MissingRoleError | None = None


def load_files() -> Loaded:
    """Read the files taken, map their columns (the user's choices, else those remembered for the
    same headers, else the guess) and build the portfolio; when it builds from files or choices not
    applied yet, it becomes the data loaded now. When the files cannot be used, the files loaded
    before are the current set again."""
    ss = st.session_state
    _ = tr()
    if not ss.up_files:
        return Loaded()
    blobs = list(ss.up_files)
    digests = _digests(blobs)
    fileset = _fileset([name for name, _d in blobs], digests)
    if ss.get("up_fileset") != fileset:
        ss.up_fileset, ss.up_sheets, ss.up_kinds, ss.up_maps, ss.up_remembered = fileset, {}, {}, {}, set()
    try:
        with st.spinner(_("Reading the files…")):
            tables = [
                _read(name, digest, ss.up_sheets.get(name), data)
                for (name, data), digest in zip(blobs, digests, strict=True)
            ]
        if len({t.name for t in tables}) < len(tables):
            raise LoadError(
                "Two uploaded files have the same name: rename one so each file can be told apart."
            )
        for t in tables:
            if t.name not in ss.up_maps:
                saved = ss.saved_mappings.get(t.signature)
                if saved:
                    ss.up_kinds[t.name], ss.up_maps[t.name] = saved["kind"], dict(saved["mapping"])
                    ss.up_remembered.add(t.name)
                else:
                    kind, mapping = guess_mapping(t)
                    ss.up_kinds[t.name], ss.up_maps[t.name] = kind or "clients", mapping
        mappings = {t.name: dict(ss.up_maps[t.name]) for t in tables}
        kinds = {t.name: ss.up_kinds[t.name] for t in tables}
        key = state_key(fileset, ss.up_sheets, mappings, kinds)
        with st.spinner(_("Analysing…")):
            portfolio, report = _build(key, mappings, kinds, tables)
    except MissingRoleError as exc:
        return Loaded(tables, needs=exc)
    except LoadError as exc:
        problem = exc.translated(_)
    except Exception:  # never a traceback, nor an exception's name, to the user: the log has them
        log.exception("reading the uploaded files failed")
        problem = _(
            "The files could not be read. Export them again as CSV or .xlsx; "
            "if this keeps happening, send the file to support."
        )
    else:
        if ss.get("up_applied") != key:
            ss.up_applied = key
            set_portfolio(portfolio, report)
            ss.up_base = ss.data_key
            keep(blobs, portfolio)
        ss.up_previous = None
        return Loaded(tables, {i.name: i for i in report.tables})
    # The files just handed in cannot be used: the files loaded before are the current set again.
    ss.up_files = list(ss.get("up_previous") or [])
    ss.up_previous, ss.up_notice = None, None
    return Loaded(problem=problem)


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
