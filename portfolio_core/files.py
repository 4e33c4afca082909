"""Load a portfolio from files on disk (the CLI's entry to the loader)."""

from __future__ import annotations

from pathlib import Path

from .ingest import LoadReport, build_portfolio
from .loading import MAX_BYTES, LoadError, read_table
from .portfolio import Portfolio


def read_path(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes, refusing a missing file or one over ``max_bytes`` before reading it."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(
                f"{p.name} is {size / 1e6:,.0f} MB, over the {max_bytes / 1e6:,.0f} MB limit. "
                "Export fewer columns or a shorter period, or split the file."
            )
        return p.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read {path}: {exc.strerror or exc}") from exc


def load_paths(paths: list[str] | str, max_bytes: int = MAX_BYTES) -> tuple[Portfolio, LoadReport]:
    """Read every file (CSV or .xlsx, first non-empty sheet) and build one portfolio from them."""
    if isinstance(paths, str):
        paths = [paths]
    names = [Path(p).name for p in paths]
    if len(set(names)) < len(names):
        raise LoadError("two files have the same name: rename one so that each file can be told apart.")
    tables = [read_table(read_path(p, max_bytes), Path(p).name, max_bytes=max_bytes) for p in paths]
    return build_portfolio(tables)
