"""Load a portfolio from files on disk (the CLI's entry to the loader).

Files on disk are not uploads: the app's upload limit (``MAX_BYTES``, 200 MB) does not
apply to them. ``DISK_MAX_BYTES`` only keeps a mistaken path (a disk image, a database
dump) from exhausting the memory: a 10^7-row transaction export is about 320 MB.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from portfolio_core.ingest.build import LoadReport, build_portfolio, guess_mapping, with_overrides
from portfolio_core.ingest.loading import LoadError, read_table
from portfolio_core.ingest.portfolio import Portfolio

DISK_MAX_BYTES = 1024 * 1024 * 1024


def read_path(path: str | Path, max_bytes: int = DISK_MAX_BYTES) -> bytes:
    """A file's bytes, refusing a missing file or one over ``max_bytes`` before reading it."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(
                "{file} is {size} MB, over the {limit} MB limit. "
                "Export fewer columns or a shorter period, or split the file.",
                file=p.name,
                size=f"{size / 1e6:,.0f}",
                limit=f"{max_bytes / 1e6:,.0f}",
            )
        return p.read_bytes()
    except OSError as exc:
        raise LoadError("cannot read {path}: {error}", path=path, error=exc.strerror or exc) from exc


def load_paths(
    paths: list[str] | str, max_bytes: int = DISK_MAX_BYTES, overrides: Mapping[str, str] | None = None
) -> tuple[Portfolio, LoadReport]:
    """Read every file (CSV or .xlsx, first non-empty sheet) and build one portfolio from them.

    ``overrides`` (role -> column, the CLI's ``--map``) names roles in the first file.
    """
    if isinstance(paths, str):
        paths = [paths]
    names = [Path(p).name for p in paths]
    if len(set(names)) < len(names):
        raise LoadError("two files have the same name: rename one so that each file can be told apart.")
    tables = [read_table(read_path(p, max_bytes), Path(p).name, max_bytes=max_bytes) for p in paths]
    if not overrides:
        return build_portfolio(tables)
    first = tables[0]
    mapping = with_overrides(guess_mapping(first)[1], overrides, list(first.frame.columns))
    return build_portfolio(tables, mappings={first.name: mapping})
