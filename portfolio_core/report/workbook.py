"""The Excel workbook of a :class:`~portfolio_core.report.pack.Report` (xlsxwriter, row by row)."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from portfolio_core.i18n import Translator
from portfolio_core.report.assumptions import (
    hourly_cost_short,
)
from portfolio_core.report.pack import Report

# --- Excel ----------------------------------------------------------------------------------------

# Text starting with one of these is a formula (or DDE payload) for Excel, LibreOffice or Sheets
# (OWASP "CSV injection"): such cells are stored as strings and marked quote-prefixed.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
FMT_MONEY = "#,##0"
FMT_PCT = "0.0%"
FMT_HOURS = "#,##0.0"
FMT_INT = "#,##0"


# Characters XML 1.0 does not allow in a cell (control characters but tab, newline and CR).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell_value(value: Any) -> Any:
    """A plain Python value to write (None for NaN, NA and infinities: an empty cell)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


class _Styles:
    """The workbook's cell formats, each made once (xlsxwriter keeps one per distinct format)."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.header = wb.add_format(
            {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79", "valign": "vcenter"}
        )
        self.quoted = wb.add_format({"quote_prefix": True})  # Excel keeps it text even when edited
        self.date = wb.add_format({"num_format": "yyyy-mm-dd"})
        self._numbers: dict[str, Any] = {}

    def number(self, number_format: str | None) -> Any:
        if number_format is None:
            return None
        if number_format not in self._numbers:
            self._numbers[number_format] = self.wb.add_format({"num_format": number_format})
        return self._numbers[number_format]


def _put(ws: Any, styles: _Styles, row: int, col: int, value: Any, number_format: Any = None) -> None:
    """Write one cell; text is always a string cell, never a formula."""
    value = _cell_value(value)
    if value is None:
        return
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
        ws.write_string(row, col, value, styles.quoted if value.startswith(FORMULA_PREFIXES) else None)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, number_format)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, value, styles.date)
    else:
        ws.write_string(row, col, _ILLEGAL.sub("", str(value)))


def _sheet(wb: Any, styles: _Styles, title: str, frame: pd.DataFrame, formats: Mapping[str, str]) -> None:
    """A sheet with a bold frozen header, an autofilter, number formats and fitted column widths."""
    ws = wb.add_worksheet(title)
    for j, name in enumerate(frame.columns):
        ws.write_string(0, j, _ILLEGAL.sub("", str(name)), styles.header)
    fmts = [styles.number(formats.get(str(c))) for c in frame.columns]
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        for j, value in enumerate(row):
            _put(ws, styles, i, j, value, fmts[j])
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(frame), max(len(frame.columns), 1) - 1)
    sample = frame.head(2000)
    for j, name in enumerate(frame.columns):
        column = sample[name]
        if fmts[j] is not None and pd.api.types.is_numeric_dtype(column):
            longest = len(f"{column.abs().max():,.0f}") + 3 if len(column) and column.notna().any() else 8
        else:
            longest = int(column.astype(str).str.len().max()) if len(column) else 8
        ws.set_column(j, j, min(60, max(len(str(name)) + 4, longest + 2, 8)))


def money_format(currency: str | None, t: Translator) -> str:
    r"""Excel's number format of amounts: the currency's symbol where the language writes it.

    Examples
    --------
    >>> money_format("EUR", Translator("fr")), money_format("USD", Translator("en"))
    ('#,##0\\ "€"', '"$"#,##0')
    """
    if currency is None:
        return FMT_MONEY
    before, after = t.amount(1, currency).split("1", 1)
    return (f'"{before}"' if before else "") + FMT_MONEY + (f'\\ "{after.strip()}"' if after else "")


def excel_report(report: Report) -> bytes:
    """The workbook: sheets Clients (one row per client, a "Class" column), Summary, Actions, Settings.

    Sheet names and headers are in the report's language ("Class" is "Classe" in French). Every
    sheet has a frozen header row and an autofilter; amounts, shares and hours are numbers with
    number formats (Excel shows them in the reader's locale), amounts with the report's currency
    symbol when it is known; no cell is a formula (a client named "=1+1" stays text).
    """
    import xlsxwriter

    s, t = report.settings, report.t
    measure = t(s.measure.capitalize())
    share_of_measure = t("Share of {measure}", measure=t(s.measure))
    client, client_id, cls, hours = t("Client"), t("Client ID"), t("Class"), t("Hours")
    money = money_format(s.currency, t)
    out = io.BytesIO()
    # every option that would turn a client's text into a formula, a link or a number is off
    wb = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    styles = _Styles(wb)

    c = report.clients
    rank, share, cumulative = t("Rank"), t("Share"), t("Cumulative share")
    names = {
        "label": client, "rank": rank, "value": measure, "share": share,
        "cumulative_share": cumulative, "abc_class": cls, "sector": t("Sector"),
        "account_manager": t("Account manager"),
    }  # fmt: skip
    clients = c.drop(columns=["name"], errors="ignore").rename(columns=names)
    clients.insert(0, client_id, c.index.astype(str))
    if "name" not in c.columns:
        clients = clients.drop(columns=[client])
    _sheet(
        wb,
        styles,
        t("Clients"),
        clients,
        {rank: FMT_INT, measure: money, share: FMT_PCT, cumulative: FMT_PCT},
    )

    n_clients, share_clients, share_effort = t("Clients"), t("Share of clients"), t("Share of effort")
    summary = report.summary.reset_index().rename(
        columns={
            "abc_class": cls, "clients": n_clients, "client_share": share_clients,
            "revenue": measure, "revenue_share": share_of_measure, "hours": hours,
            "effort_share": share_effort,
        }
    )  # fmt: skip
    first = [cls, n_clients, share_clients, measure, share_of_measure]
    summary = summary[first + [col for col in (hours, share_effort) if col in summary.columns]]
    _sheet(
        wb,
        styles,
        t("Summary"),
        summary,
        {
            n_clients: FMT_INT, share_clients: FMT_PCT, measure: money,
            share_of_measure: FMT_PCT, hours: FMT_HOURS, share_effort: FMT_PCT,
        },
    )  # fmt: skip

    profit = t("Profit after cost to serve")
    actions = report.actions.rename(
        columns={"label": client, "abc_class": cls, "action": t("Action"), "reason": t("Why"),
                 "revenue": measure, "hours": hours, "profit": profit}
    )  # fmt: skip
    actions.insert(0, client_id, report.actions.index.astype(str))
    if not report.has_effort:
        actions = actions.drop(columns=[hours])
    else:  # the profit column rests on the hourly cost: say which, on every row
        actions[t("Cost to serve based on")] = hourly_cost_short(
            s.hourly_cost, s.hourly_cost_set, t, s.currency
        )
    _sheet(wb, styles, t("Actions"), actions, {measure: money, hours: FMT_HOURS, profit: money})

    settings = pd.DataFrame(
        [
            *report.named().values(),
            (t("Clients"), t.number(len(report.clients))),
            *report.assumptions,
            *((t("Note"), n) for n in report.notes),
        ],
        columns=[t("Setting"), t("Value")],
    )
    _sheet(wb, styles, t("Settings"), settings, {})
    wb.close()
    return out.getvalue()
