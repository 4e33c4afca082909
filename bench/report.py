"""The CLI's meeting pack (``report FILE --xlsx --pptx``) against its ``summary --json`` of the same
file, each in a fresh process, on a file of 23,570 clients (the size of a real account export)."""

from __future__ import annotations

import tempfile

from bench.common import Row, child, transactions_csv

CLIENTS = 23_570
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
    with tempfile.TemporaryDirectory() as tmp:
        summary = child(RUN.format(args=["summary", path, "--json"]))
        report = child(
            RUN.format(args=["report", path, "--xlsx", f"{tmp}/r.xlsx", "--pptx", f"{tmp}/r.pptx"])
        )
    ok = summary["status"] == report["status"] == 0 and report["seconds"] <= 2 * summary["seconds"]
    return [Row(f"CLI report --xlsx --pptx vs summary, {CLIENTS:,} clients", report["seconds"],
                summary["seconds"], "s", "<= 2x", ok)]  # fmt: skip
