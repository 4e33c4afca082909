"""Shared helpers: timing (best of N), peak memory of a child process, generated input files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("BENCH_DATA", "/tmp/portfolio-bench"))


@dataclass(frozen=True)
class Row:
    """One line of the report: our figure, the baseline's, their ratio and the target."""

    figure: str
    ours: float
    baseline: float
    unit: str
    target: str
    ok: bool

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("nan")


def best_of(func: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs in seconds (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_each(funcs: dict[str, Callable[[], object]], repeat: int = 5) -> dict[str, float]:
    """The fastest of ``repeat`` runs of each function, the functions taking turns.

    Taking turns exposes every contender to the same load from other work on the machine,
    so the ratios stay fair when that load changes during the measurement.
    """
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.perf_counter()
            func()
            times[name].append(time.perf_counter() - start)
    return {name: min(t) for name, t in times.items()}


def child(code: str, timeout: float = 3600) -> dict:
    """Run Python code in a fresh process; it prints a JSON dict; add its peak RSS in MB and wall time.

    The peak is the process's own high-water mark (``VmHWM``). Not ``ru_maxrss``: Linux keeps
    that figure across ``exec``, so a child started by a large process (this benchmark, after
    loading the files in-process) would report the parent's size instead of its own.
    """
    wrapper = (
        "import json, re, sys, time\n"
        "_t = time.perf_counter()\n"
        f"{code}\n"
        "result['seconds'] = time.perf_counter() - _t\n"
        "_hwm = re.search(r'VmHWM:\\s*(\\d+) kB', open('/proc/self/status').read())\n"
        "result['peak_mb'] = int(_hwm.group(1)) / 1024\n"
        "print(json.dumps(result))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def transactions_csv(rows: int, clients: int | None = None, every_client: bool = False) -> Path:
    """A realistic transaction export (client, date, amount, stage) with ``rows`` rows, made once.

    Client ids follow a Zipf law (a few clients have most rows); ``every_client`` makes each of the
    ``clients`` ids appear, in turn, so that the file has that many clients."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"transactions_{rows}{'_every' if every_client else ''}.csv"
    if path.exists():
        return path
    clients = clients or max(rows // 10, 1)
    rng = np.random.default_rng(rows)
    chunk = 1_000_000
    with path.open("w", encoding="utf-8") as f:
        f.write("Client,Date,Amount,Stage\n")
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            ids = (np.arange(start, start + n) % clients) if every_client else rng.zipf(1.3, n) % clients
            days = rng.integers(0, 1095, n)
            dates = (np.datetime64("2023-01-01") + days).astype(str)
            amounts = np.round(rng.lognormal(7, 1.2, n), 2)
            stages = rng.choice(np.array(["Won", "Won", "Won", "Lost", "Open"]), n)
            lines = [
                f"C{c:07d},{d},{a:.2f},{s}" for c, d, a, s in zip(ids, dates, amounts, stages, strict=True)
            ]
            f.write("\n".join(lines) + "\n")
    return path


def clients_csv(clients: int) -> Path:
    """A client-level table (client, revenue, sector) with ``clients`` rows, made once."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"clients_{clients}.csv"
    if not path.exists():
        rng = np.random.default_rng(clients)
        revenue = np.round(rng.pareto(1.2, clients) * 1000 + 10, 2)
        sectors = rng.choice(np.array(["Retail", "Industry", "Services", "Health"]), clients)
        lines = [f"C{i:07d},{r:.2f},{s}" for i, (r, s) in enumerate(zip(revenue, sectors, strict=True))]
        path.write_text("Client,Revenue,Sector\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path
