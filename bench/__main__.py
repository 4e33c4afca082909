"""Run every benchmark and print a table: figure, ours, baseline, ratio, target.

``python -m bench`` (all), or name some:
``python -m bench core loading report browser pages cli10m load light engine engine-servers``.
"""

from __future__ import annotations

import sys

from bench import core, engine, loading, report
from bench.common import Row

SUITES = {
    "core": core.run,
    "loading": loading.run,
    "cli10m": loading.cli_10m,
    "report": report.run,
    "engine": engine.run,
}


def main(argv: list[str]) -> int:
    if "browser" in (argv or ["browser"]):
        from bench import browser

        SUITES["browser"] = browser.run
    if "pages" in (argv or ["pages"]):
        from bench import pages

        SUITES["pages"] = pages.run
    if "load" in (argv or ["load"]):
        from bench import load

        SUITES["load"] = load.run
    if "light" in (argv or ["light"]):
        from bench import light

        SUITES["light"] = light.run
    if "engine-servers" in (argv or ["engine-servers"]):
        from bench import engine_servers

        SUITES["engine-servers"] = engine_servers.run
    chosen = argv or list(SUITES)
    rows: list[Row] = []
    for name in chosen:
        print(f"running {name}…", file=sys.stderr, flush=True)
        rows += SUITES[name]()
    print(f"{'figure':<48} {'ours':>10} {'baseline':>10} {'unit':>5} {'ratio':>7} {'target':>10}  ok")
    for r in rows:
        print(
            f"{r.figure:<48} {r.ours:>10.3f} {r.baseline:>10.3f} {r.unit:>5} {r.ratio:>7.2f} "
            f"{r.target:>10}  {'yes' if r.ok else 'NO'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
