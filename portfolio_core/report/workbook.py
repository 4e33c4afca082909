"""The Excel workbook of a :class:`~portfolio_core.report.pack.Report` (openpyxl)."""

from __future__ import annotations

import io
import math
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


def _cell_value(value: Any) -> Any:
    """A plain Python value openpyxl can store (NaN and NA as empty)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def _put(ws: Any, row: int, col: int, value: Any, number_format: str | None = None) -> None:
    """Write one cell; text is always a string cell, never a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = _cell_value(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl makes "=..." a formula: keep the text as it is
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True  # and Excel keeps it text even when the cell is edited
    elif number_format and isinstance(value, int | float) and not isinstance(value, bool):
        cell.number_format = number_format


def _sheet(wb: Any, title: str, frame: pd.DataFrame, formats: Mapping[str, str]) -> None:
    """A sheet with a bold frozen header, an autofilter, number formats and fitted column widths."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
    for j, name in enumerate(frame.columns, start=1):
        _put(ws, 1, j, str(name))
        ws.cell(row=1, column=j).font = header_font
        ws.cell(row=1, column=j).fill = header_fill
        ws.cell(row=1, column=j).alignment = Alignment(vertical="center", wrap_text=False)
    fmts = [formats.get(str(c)) for c in frame.columns]
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for j, value in enumerate(row, start=1):
            _put(ws, i, j, value, fmts[j - 1])
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(frame.columns), 1))
    ws.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
    sample = frame.head(2000)
    for j, name in enumerate(frame.columns, start=1):
        column = sample[name]
        if fmts[j - 1] and pd.api.types.is_numeric_dtype(column):
            longest = len(f"{column.abs().max():,.0f}") + 3 if len(column) and column.notna().any() else 8
        else:
            longest = int(column.astype(str).str.len().max()) if len(column) else 8
        ws.column_dimensions[get_column_letter(j)].width = min(60, max(len(str(name)) + 4, longest + 2, 8))


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
    from openpyxl import Workbook

    s, t = report.settings, report.t
    measure = t(s.measure.capitalize())
    share_of_measure = t("Share of {measure}", measure=t(s.measure))
    client, client_id, cls, hours = t("Client"), t("Client ID"), t("Class"), t("Hours")
    money = money_format(s.currency, t)
    wb = Workbook()
    wb.remove(wb.active)

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
    _sheet(wb, t("Actions"), actions, {measure: money, hours: FMT_HOURS, profit: money})

    settings = pd.DataFrame(
        [
            *report.named().values(),
            (t("Clients"), t.number(len(report.clients))),
            *report.assumptions,
            *((t("Note"), n) for n in report.notes),
        ],
        columns=[t("Setting"), t("Value")],
    )
    _sheet(wb, t("Settings"), settings, {})
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
