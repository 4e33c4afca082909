"""Command line: ``python -m portfolio_core summary|classify|report FILE ...``."""

from __future__ import annotations

import argparse
import json
import sys
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
from portfolio_core.analysis.summary import summary_dict
from portfolio_core.i18n import Translator
from portfolio_core.ingest.files import load_paths
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


def _load(args: argparse.Namespace) -> tuple[Portfolio, pd.DataFrame, AnalysisSettings, dict[str, str]]:
    """The portfolio, its classified clients, the settings with the ``--segment`` filters (keyed by
    client column) and the files' own column names (canonical -> header, to name them in the reports).

    ``--segment`` names a column by the file's own header ("Segment") or by its canonical
    name ("sector"), in any case.
    """
    settings = _settings(args)
    activities = getattr(args, "activities", None)
    portfolio, report = load_paths([*args.file] + ([activities] if activities else []))
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


def cmd_report(args: argparse.Namespace) -> None:
    """Write the meeting pack: the Excel workbook and/or the PowerPoint deck."""
    from portfolio_core.report.deck import pptx_report
    from portfolio_core.report.pack import build_report
    from portfolio_core.report.pdf import pdf_report
    from portfolio_core.report.workbook import excel_report

    makers = ((args.xlsx, excel_report), (args.pptx, pptx_report), (args.pdf, pdf_report))
    targets = [(path, make) for path, make in makers if path]
    if not targets:
        raise ValueError("nothing to write: give --xlsx PATH, --pptx PATH, --pdf PATH or several")
    for path, _ in targets:
        if not Path(path).parent.is_dir():
            raise ValueError(f"cannot write {path}: the folder {Path(path).parent} does not exist")
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
    for path, make in targets:
        Path(path).write_bytes(make(report))
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
            help="CSV or .xlsx exports: clients with revenue, or invoices/deals, plus optional "
            "client list and activity log",
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
