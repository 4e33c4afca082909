"""Load a portfolio from files on disk (the CLI's entry to the loader)."""

from __future__ import annotations

from pathlib import Path

from .ingest import LoadReport, build_portfolio
from .loading import LoadError, read_table
from .portfolio import Portfolio


def load_paths(paths: list[str]) -> tuple[Portfolio, LoadReport]:
    """Read every file and build one portfolio from them."""
    tables = []
    for path in paths:
        p = Path(path)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise LoadError(f"cannot read {path}: {exc.strerror or exc}") from exc
        tables.append(read_table(data, p.name))
    return build_portfolio(tables)
