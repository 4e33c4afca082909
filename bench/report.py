"""The CLI's meeting pack (``report FILE --xlsx --pptx``) against its ``summary --json`` of the same
file, each in a fresh process, on a file of 23,570 clients (the size of a real account export);
best of 3 each, taking turns (the machine is shared)."""

from __future__ import annotations

import tempfile

from bench.common import Row, child, transactions_csv

CLIENTS = 23_570
REPEAT = 3
RUN = (
    "from portfolio_core.__main__ import main\n"
    "import contextlib, io\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    status = main({args!r})\n"
    "result = {{'status': status}}"
)


def run() -> list[Row]:
    # every client buys: 10 rows per client, spread so that each of the 23,570 ids appears
    path = str(transactions_csv(CLIENTS * 10, clients=CLIENTS, every_client=True))
    runs: dict[str, list[dict]] = {"summary": [], "report": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(REPEAT):
            runs["summary"].append(child(RUN.format(args=["summary", path, "--json"])))
            runs["report"].append(
                child(RUN.format(args=["report", path, "--xlsx", f"{tmp}/r.xlsx", "--pptx", f"{tmp}/r.pptx"]))
            )
    ok = all(r["status"] == 0 for rs in runs.values() for r in rs)
    summary, report = (min(r["seconds"] for r in runs[name]) for name in ("summary", "report"))
    return [Row(f"CLI report --xlsx --pptx vs summary, {CLIENTS:,} clients", report, summary, "s", "<= 2x",
                ok and report <= 2 * summary)]  # fmt: skip
