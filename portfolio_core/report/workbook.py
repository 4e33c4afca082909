"""The Excel workbook of a :class:`~portfolio_core.report.pack.Report` (xlsxwriter, cells written whole)."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.utility import _datetime_to_excel_datetime, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

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
XLS_STRMAX = 32767  # the longest text a cell holds, in UTF-16 code units


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


def _text(value: str) -> str:
    """Text as a cell holds it: without the characters XML forbids, at most Excel's 32,767 UTF-16 units."""
    value = _ILLEGAL.sub("", value)
    if len(value) > XLS_STRMAX // 2 and len(value.encode("utf-16-le")) > 2 * XLS_STRMAX:
        value = value.encode("utf-16-le")[: 2 * XLS_STRMAX].decode("utf-16-le", "ignore")
    return value


# A text xlsxwriter writes as is in the shared strings: no markup, control character or space at
# either end (it would escape them, mark them or keep them as rich text); "_x" is left to it too.
_PLAIN = re.compile(r"[^\s&<>\x00-\x1f](?:[^&<>\x00-\x1f]*[^\s&<>\x00-\x1f])?")


class _SharedStrings(SharedStrings):
    """The shared strings file, the plain texts (most) written whole, not through xlsxwriter's
    checks one at a time (the same file in an eighth of the time)."""

    def _write_sst_strings(self) -> None:
        write = self.fh.write
        for string in self.string_table.string_array:
            if _PLAIN.fullmatch(string) and "_x" not in string:
                write(f"<si><t>{string}</t></si>")
            else:
                self._write_si(string)


class _Packager(Packager):
    def _write_shared_strings_file(self) -> None:
        if not self.workbook.str_table.count:
            return
        sst = _SharedStrings()
        sst.string_table = self.workbook.str_table
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


class _Workbook(xlsxwriter.Workbook):
    """An xlsxwriter workbook whose shared strings are written by :class:`_SharedStrings`."""

    def _get_packager(self) -> Packager:
        return _Packager()


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


def _style(cell_format: Any) -> str:
    """The ``s`` attribute of a cell in ``cell_format`` ("" for none)."""
    return f' s="{cell_format._get_xf_index()}"' if cell_format is not None else ""


class _FrameSheet(Worksheet):
    """A worksheet holding one frame under a header row, its cells written whole, a column at a
    time: the ``<c>`` elements xlsxwriter writes one cell at a time (text as shared strings),
    made in a fraction of the time."""

    rows_xml = ""

    def put_frame(self, frame: pd.DataFrame, cells: _Cells, formats: list[Any]) -> None:
        """Hold ``frame``'s header in row 1 and its rows below, numbers in ``formats`` (one per column)."""
        if frame.columns.empty:
            return
        frame = frame.iloc[: self.xls_rowmax - 1]  # a sheet's last row (xlsxwriter drops the rows beyond)
        letters = [xl_col_to_name(j) for j in range(len(frame.columns))]
        header = _style(cells.styles.header)
        head = "".join(
            f'<c r="{c}1"{header}{cells.shared(_text(str(n)))}'
            for c, n in zip(letters, frame.columns, strict=True)
        )
        rows = [str(r) for r in range(2, len(frame) + 2)]
        columns = [cells.column(frame.iloc[:, j], c, _style(formats[j]), rows) for j, c in enumerate(letters)]
        body = map("".join, zip(*columns, strict=True))
        self.rows_xml = f'<row r="1">{head}</row>' + "".join(
            f'<row r="{r}">{row}</row>' for r, row in zip(rows, body, strict=True) if row
        )
        self._check_dimensions(0, 0)
        self._check_dimensions(len(frame), len(frame.columns) - 1)

    def _write_sheet_data(self) -> None:
        if self.dim_rowmin is None:
            super()._write_sheet_data()
            return
        self._xml_start_tag("sheetData")
        self.fh.write(self.rows_xml)
        self._xml_end_tag("sheetData")


class _Cells:
    """A workbook's cells: each one's ``<c>`` element, or its end after the reference
    (``' t="s"><v>3</v></c>'``); "" for an empty cell (None, NaN, NA, infinite). Text is a shared
    string, never a formula: formula-like text is quote-prefixed."""

    def __init__(self, wb: Any, styles: _Styles) -> None:
        self.wb, self.styles, self.strings = wb, styles, wb.str_table
        self.texts: dict[str, str] = {}  # each distinct text is cleaned and looked up once

    def shared(self, text: str) -> str:
        return f' t="s"><v>{self.strings._get_shared_string_index(text)}</v></c>'

    def text(self, value: str) -> str:
        value = _text(value)
        return (_style(self.styles.quoted) if value.startswith(FORMULA_PREFIXES) else "") + self.shared(value)

    def any(self, value: Any, number_style: str) -> str:
        value = _cell_value(value)
        if value is None:
            return ""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bool):
            return f' t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float):
            return f"{number_style}><v>{value:.16G}</v></c>"
        if isinstance(value, dt.date):
            serial = _datetime_to_excel_datetime(value, self.wb.date_1904, self.wb.remove_timezone)
            return f"{_style(self.styles.date)}><v>{serial:.16G}</v></c>"
        return self.text(str(value))

    def column(self, column: pd.Series, letter: str, number_style: str, rows: list[str]) -> list[str]:
        """Each row's ``<c>`` element in ``column``, from row 2 on (``rows``: their numbers as text)."""
        start = f'<c r="{letter}'
        dtype = column.dtype
        if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
            values = column.to_numpy(dtype=float, na_value=np.nan)
            end = f'"{number_style}><v>'
            cells = [f"{start}{r}{end}{v:.16G}</v></c>" for r, v in zip(rows, values.tolist(), strict=True)]
            for i in np.flatnonzero(~np.isfinite(values)).tolist():
                cells[i] = ""
            return cells
        codes, index = pd.factorize(column)  # -1: NA, an empty cell
        uniques = index.tolist()
        if not all(type(u) is str for u in uniques):  # factorize takes 1, 1.0 and True for one value
            ends = [self.any(value, number_style) for value in column.tolist()]
            return [f'{start}{r}"{end}' if end else "" for r, end in zip(rows, ends, strict=True)]
        texts = self.texts
        new = [u for u in uniques if u not in texts]
        texts.update((u, self.text(u)) for u in new)
        # the shared strings count every use: the new texts counted their first one
        self.strings.count += int(np.count_nonzero(codes >= 0)) - len(new)
        ends = [texts[u] for u in uniques]
        return [f'{start}{r}"{ends[c]}' if c >= 0 else "" for r, c in zip(rows, codes.tolist(), strict=True)]


def _sheet(wb: Any, cells: _Cells, title: str, frame: pd.DataFrame, formats: Mapping[str, str]) -> None:
    """A sheet with a bold frozen header, an autofilter, number formats and fitted column widths."""
    ws = wb.add_worksheet(title, worksheet_class=_FrameSheet)
    fmts = [cells.styles.number(formats.get(str(c))) for c in frame.columns]
    ws.put_frame(frame, cells, fmts)
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
    """The workbook's file: :func:`excel_workbook` zipped."""
    return zipped(excel_workbook(report))


def zipped(wb: xlsxwriter.Workbook) -> bytes:
    """The file of a workbook made in memory. Most of the time goes to the zip compression, which
    leaves the GIL: in a thread, it lets another file be made meanwhile."""
    wb.close()
    return wb.filename.getvalue()


def excel_workbook(report: Report) -> xlsxwriter.Workbook:
    """The workbook, in memory: sheets Clients (one row per client, a "Class" column), Summary,
    Actions, Settings (:func:`zipped` makes its file).

    Sheet names and headers are in the report's language ("Class" is "Classe" in French). Every
    sheet has a frozen header row and an autofilter; amounts, shares and hours are numbers with
    number formats (Excel shows them in the reader's locale), amounts with the report's currency
    symbol when it is known; no cell is a formula (a client named "=1+1" stays text).
    """
    s, t = report.settings, report.t
    measure = t(s.measure.capitalize())
    share_of_measure = t("Share of {measure}", measure=t(s.measure))
    client, client_id, cls, hours = t("Client"), t("Client ID"), t("Class"), t("Hours")
    money = money_format(s.currency, t)
    # every option that would turn a client's text into a formula, a link or a number is off
    wb = _Workbook(
        io.BytesIO(),
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    cells = _Cells(wb, _Styles(wb))

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
        cells,
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
        cells,
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
    _sheet(wb, cells, t("Actions"), actions, {measure: money, hours: FMT_HOURS, profit: money})

    settings = pd.DataFrame(
        [
            *report.named().values(),
            (t("Clients"), t.number(len(report.clients))),
            *report.assumptions,
            *((t("Note"), n) for n in report.notes),
        ],
        columns=[t("Setting"), t("Value")],
    )
    _sheet(wb, cells, t("Settings"), settings, {})
    return wb
