"""Command line: ``python -m portfolio_core summary|classify|report FILE ...``."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NoReturn

import pandas as pd

from portfolio_core.analysis.abc import DEFAULT_A_PCT, DEFAULT_B_PCT, classify_abc
from portfolio_core.analysis.effort import effort_hours
from portfolio_core.analysis.kpis import companies_in_filters, kpi_summary
from portfolio_core.analysis.segments import (
    classify_selection,
    column_names,
    filters_from_text,
    segment_frame,
    select,
)
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.analysis.summary import heading_dict, summary_dict
from portfolio_core.i18n import Translator
from portfolio_core.ingest.build import LoadReport
from portfolio_core.ingest.files import load_paths
from portfolio_core.ingest.loading import MAX_BYTES, LoadError
from portfolio_core.ingest.portfolio import Portfolio
from portfolio_core.report.anonymise import client_labels
from portfolio_core.report.csvsafe import to_csv


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message}\n")


def _settings(args: argparse.Namespace) -> AnalysisSettings:
    """The flags as the analysis settings (validated there: a bad cut-off or cost is one error line);
    the ``--segment`` filters are added by :func:`_load`, which resolves their column names."""
    return AnalysisSettings(
        within=args.within_selection,
        a_pct=args.a,
        b_pct=args.b,
        rule=args.rule,
        chosen_hourly_cost=getattr(args, "hourly_cost", None),
        lang=getattr(args, "lang", "en"),
    )


ENGINE_SUFFIXES = (".parquet", ".parq", ".pq", ".json", ".jsonl", ".ndjson")


def _uses_engine(args: argparse.Namespace) -> bool:
    """Whether the engine totals SOURCE per client: a URL, a glob, a folder, a Parquet or JSON lines
    file, ``--table`` or ``--engine``, and a CSV over the app's upload limit (200 MB); smaller CSV and
    Excel files take the loader the app uses (any format of numbers and dates, the rows it rejects)."""
    source = args.file[0]
    path = Path(source)
    if args.engine or args.table or "://" in source or any(c in source for c in "*?["):
        return True
    if path.is_dir() or path.suffix.lower() in ENGINE_SUFFIXES:
        return True
    return path.suffix.lower() != ".xlsx" and path.is_file() and path.stat().st_size > MAX_BYTES


def _mapping(args: argparse.Namespace) -> dict[str, str]:
    """The ``--map ROLE=COLUMN`` flags as a mapping."""
    pairs = [text.partition("=") for text in args.map]
    for role, eq, column in pairs:
        if not (eq and role.strip() and column.strip()):
            raise LoadError(
                "--map expects ROLE=COLUMN (e.g. amount=Net), not “{text}”", text=role + eq + column
            )
    return {role.strip(): column.strip() for role, _, column in pairs}


def _portfolio(args: argparse.Namespace) -> tuple[Portfolio, LoadReport]:
    """The portfolio of the command's files or source (see :func:`_uses_engine`)."""
    activities = getattr(args, "activities", None)
    mapping = _mapping(args)
    if _uses_engine(args):
        from portfolio_core.engine.aggregate import EngineReadError, load_source

        if len(args.file) > 1 or activities:
            raise LoadError(
                "a database table, a Parquet or JSON file or a large CSV is analysed alone: "
                "--activities and further files need CSV or Excel files."
            )
        try:  # the dated figures (the report's, the summary's retention and predicted revenue) read
            # each day's sales: dated data comes back by client and sale day
            return load_source(args.file[0], args.table, mapping, days=args.command != "classify")
        except EngineReadError:
            if not (Path(args.file[0]).suffix.lower() == ".csv" and not args.engine and not args.table):
                raise  # a large CSV DuckDB cannot read, or with text numbers ("1 234,56"): the loader can
    return load_paths([*args.file] + ([activities] if activities else []), overrides=mapping)


def _load(args: argparse.Namespace) -> tuple[Portfolio, pd.DataFrame, AnalysisSettings, dict[str, str]]:
    """The portfolio, its classified clients, the settings with the ``--segment`` filters (keyed by
    client column) and the files' own column names (canonical -> header, to name them in the reports).

    ``--segment`` names a column by the file's own header ("Segment") or by its canonical
    name ("sector"), in any case.
    """
    settings = _settings(args)
    portfolio, report = _portfolio(args)
    values = portfolio.values()
    names = column_names({t.name: t.mapping for t in report.tables})
    if not args.segment:
        return portfolio, classify_abc(values, settings.a, settings.b, rule=settings.rule), settings, names
    segments = segment_frame(portfolio.clients.loc[values.index])
    s = settings.with_changes(filters=filters_from_text(args.segment, segments, names))
    classified = classify_selection(values, select(segments, s.filter_dict), s.a, s.b, s.rule, s.within)
    return portfolio, classified, s, names


def cmd_summary(args: argparse.Namespace) -> None:
    """Print the class summary, as text or as JSON."""
    portfolio, classified, settings, _names = _load(args)
    hours = effort_hours(portfolio, settings.default_hours) if args.activities else None
    if hours is not None and portfolio.activities.empty:
        raise ValueError(
            f"{args.activities} was not recognised as an activity log (client, date, type, hours)"
        )
    result = summary_dict(classified, hours)
    # The win rate counts every company's closed deals, prospects included; --segment keeps the
    # companies (in scope or not) that match the filters.
    companies = companies_in_filters(portfolio, settings.filter_dict)
    result.update(kpi_summary(portfolio, classified["value"], companies))
    result["currency"] = portfolio.currency  # the ISO code the files name ("EUR"), null when they do not
    result.update(heading_dict(portfolio, classified))  # retention and predicted revenue, when dates allow
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['clients']} clients, total revenue {result['total_revenue']:,.2f}")
    for cls, row in result["classes"].items():
        print(f"{cls}: {row['clients']:>6} clients  {row['revenue']:>16,.2f}  {row['revenue_share']:6.1%}")


def cmd_classify(args: argparse.Namespace) -> None:
    """Write one row per client with its class, as CSV."""
    table = _load(args)[1]
    if args.anonymise:
        table.index = pd.Index(client_labels(table).to_numpy())
    table = table.rename(columns={"abc_class": "class"})
    table.index.name = "client"
    out = args.out or sys.stdout
    columns = ["rank", "value", "share", "cumulative_share", "class"]
    to_csv(table[columns], out)  # client names that look like formulas are written as text


@contextlib.contextmanager
def _frozen_heap() -> Iterator[None]:
    """The objects made so far left out of the garbage collections until the end: the many objects of
    the report's modules (Altair, python-pptx) and files would otherwise set off full collections
    that go through every object of pandas and SciPy too (a tenth of a second each)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def cmd_report(args: argparse.Namespace) -> None:
    """Write the meeting pack: the Excel workbook, the PowerPoint deck and/or the PDF handout."""
    from portfolio_core.report.render import PngRenderer

    targets = [path for path in (args.xlsx, args.pptx, args.pdf) if path]
    if not targets:
        raise ValueError("nothing to write: give --xlsx PATH, --pptx PATH, --pdf PATH or several")
    for path in targets:
        if not Path(path).parent.is_dir():
            raise ValueError(f"cannot write {path}: the folder {Path(path).parent} does not exist")
    # the deck's charts render in a process of their own, started now: its engine starts while the
    # data loads, the charts render while the workbook is written
    with _frozen_heap(), PngRenderer() if args.pptx else contextlib.nullcontext() as renderer:
        from portfolio_core.report.deck import deck_charts, pptx_report
        from portfolio_core.report.pack import build_report
        from portfolio_core.report.pdf import pdf_report
        from portfolio_core.report.workbook import excel_workbook, zipped

        # without --hourly-cost the files say the cost is a default
        portfolio, classified, settings, names = _load(args)
        if args.activities and portfolio.activities.empty:
            raise ValueError(
                f"{args.activities} was not recognised as an activity log (client, date, type, hours)"
            )
        if classified.empty:
            raise ValueError("no client matches the --segment filters")
        t = Translator(settings.lang)
        earlier = _saved(args.compare, args.db, t) if args.compare else None
        report = build_report(
            portfolio,
            classified,
            settings,
            source=portfolio.source,
            t=t,
            column_names=names,
            earlier=earlier,
            anonymous=args.anonymise,
        )
        if renderer is not None:
            renderer.send(deck_charts(report))
        # the workbook's cells are made here, its file in a thread: the zip compression (half of the
        # time left) leaves the GIL, so the handout and the deck are made meanwhile
        with ThreadPoolExecutor(max_workers=1) as pool:
            workbook = pool.submit(zipped, excel_workbook(report)) if args.xlsx else None
            handout = pdf_report(report) if args.pdf else None
            # the deck's first slides are made while the charts render
            deck = pptx_report(report, renderer) if renderer is not None else None
            files = [
                (args.xlsx, workbook.result() if workbook else None),
                (args.pdf, handout),
                (args.pptx, deck),
            ]
        for path, data in files:
            if data is not None:
                Path(path).write_bytes(data)
                print(f"wrote {path}")


def _saved(wanted: str, db: str | None, t: Translator) -> tuple[str, Portfolio]:
    """The saved analysis named ``wanted`` (its id, or its name: the latest version) as the name and
    date to show and its portfolio."""
    from portfolio_core.store.analyses import AnalysisStore, StorageError

    store = AnalysisStore(db)
    try:
        every = store.list()
        found = [a for a in every if str(a.id) == wanted] or [a for a in every if wanted in (a.label, a.name)]
        if not found:
            raise ValueError(f"no saved analysis {wanted!r} in {store.path}")
        item = max(found, key=lambda a: (a.version, a.id))
        return f"{item.label} ({t.date(item.saved_at)})", store.load(item.id)[0]
    except StorageError as exc:
        raise ValueError(str(exc)) from exc


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status (2 for bad input, with one ``error:`` line)."""
    parser = _Parser(prog="python -m portfolio_core", description="Client portfolio ABC analysis")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, help_ in (
        ("summary", cmd_summary, "print the A/B/C class summary"),
        ("classify", cmd_classify, "write each client's class as CSV"),
        ("report", cmd_report, "write the meeting pack: Excel workbook and/or PowerPoint deck"),
    ):
        p = sub.add_parser(name, help=help_)
        p.add_argument(
            "file",
            nargs="+",
            metavar="SOURCE",
            help="CSV or .xlsx exports: clients with revenue, or invoices/deals, plus optional "
            "client list and activity log; or one Parquet/JSON lines file, glob or folder, or a "
            "database URL (duckdb:///crm.db with --table)",
        )
        p.add_argument("--table", help="the table or view to analyse in the database SOURCE names")
        p.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="ROLE=COLUMN",
            help="the column that holds a role (client, amount, stage, date, margin, status...), "
            "where the recognition guesses wrong (repeatable)",
        )
        p.add_argument(
            "--engine",
            action="store_true",
            help="total the rows per client with DuckDB even for a small CSV (numbers stored as numbers)",
        )
        p.add_argument(
            "--a", type=float, default=DEFAULT_A_PCT, help=f"A cut-off in percent (default {DEFAULT_A_PCT})"
        )
        p.add_argument(
            "--b", type=float, default=DEFAULT_B_PCT, help=f"B cut-off in percent (default {DEFAULT_B_PCT})"
        )
        p.add_argument(
            "--rule",
            choices=["before", "spreadsheet"],
            default="before",
            help="ABC rule: 'before' (default) or the spreadsheet convention",
        )
        p.add_argument(
            "--segment",
            action="append",
            default=[],
            metavar="COLUMN=VALUE",
            help="keep only these clients (repeatable; the same column twice means either value)",
        )
        p.add_argument(
            "--within-selection",
            action="store_true",
            help="rank the selected clients among themselves (default: classes from the whole portfolio)",
        )
        p.set_defaults(func=func)
    sub.choices["summary"].add_argument("--json", action="store_true", help="print JSON")
    sub.choices["summary"].add_argument(
        "--activities", help="activity log (client, date, type, hours): adds effort per class"
    )
    sub.choices["classify"].add_argument("--out", help="output CSV path (default: stdout)")
    for name in ("classify", "report"):
        sub.choices[name].add_argument(
            "--anonymise",
            action="store_true",
            help="clients as labels (class and rank: A-001), never their names or identifiers",
        )
    report = sub.choices["report"]
    report.add_argument(
        "--activities", help="activity log (client, date, type, hours): adds the effort slides"
    )
    report.add_argument("--xlsx", metavar="PATH", help="write the Excel workbook here")
    report.add_argument("--pptx", metavar="PATH", help="write the PowerPoint deck here")
    report.add_argument("--pdf", metavar="PATH", help="write the PDF handout here (A4 landscape)")
    report.add_argument(
        "--compare",
        metavar="SAVED",
        help="a saved analysis (its id or name): adds what changed since then (class migration)",
    )
    report.add_argument("--db", metavar="PATH", help="the saved analyses' database (default: the app's)")
    report.add_argument(
        "--hourly-cost", type=float, default=None, help="cost of an hour of effort (default 60)"
    )
    report.add_argument(
        "--lang",
        choices=["en", "fr"],
        default="en",
        help="language of the sheet names, headers and slides (default en)",
    )
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except (ValueError, OSError) as exc:  # LoadError is a ValueError
        message = " ".join(str(exc).split())
        print(f"error: {message}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
