"""The demo portfolio as the three CSV exports a CRM would give (for trying the CLI and the upload)."""

from __future__ import annotations

from pathlib import Path

from portfolio_core.ingest.demo import demo_portfolio
from portfolio_core.report.csvsafe import to_csv


def write_demo(folder: str | Path, seed: int = 7) -> list[Path]:
    """Write the demo as three CSV exports (clients, deals, activities) and return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    p = demo_portfolio(seed)
    files = {
        "clients.csv": p.clients.reset_index().rename(columns={"client": "client_id"}),
        "deals.csv": p.transactions.rename(columns={"client": "client_id"}),
        "activities.csv": p.activities.rename(columns={"client": "client_id", "type": "activity_type"}),
    }
    paths = []
    for name, frame in files.items():
        path = folder / name
        to_csv(frame, path, index=False, date_format="%Y-%m-%d")  # like every CSV the app writes
        paths.append(path)
    return paths
