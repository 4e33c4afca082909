"""Read an uploaded export (CSV in any common encoding and separator, or .xlsx) into text cells."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import pandas as pd
from charset_normalizer import from_bytes

SEPARATORS = ",;\t|"


class LoadError(ValueError):
    """A file that cannot be used; the message says what is wrong and what to do."""


@dataclass(frozen=True)
class RawTable:
    """One file's cells as text, with what was detected while reading it."""

    name: str
    frame: pd.DataFrame
    encoding: str = "utf-8"
    separator: str = ","
    sheet: str | None = None
    sheets: tuple[str, ...] = field(default_factory=tuple)

    @property
    def french_numbers(self) -> bool:
        """A ``;``-separated file writes decimals with a comma."""
        return self.separator == ";"


def decode(data: bytes, name: str = "file") -> tuple[str, str]:
    """Decode bytes to text, detecting the encoding (UTF-8/16 with or without BOM, cp1252, latin-1)."""
    if not data.strip():
        raise LoadError(f"{name} is empty: export the table again with its header row and data.")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=["utf_16", "cp1252", "latin_1"]).best()
    if best is None or b"\x00" in data[:4096] and best.encoding != "utf_16":
        raise LoadError(
            f"{name} does not look like a text table (CSV) or an Excel file: "
            "export it as CSV or .xlsx and upload that."
        )
    encoding = "cp1252" if best.encoding in ("cp1252", "latin_1", "iso8859_15") else best.encoding
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_separator(text: str) -> str:
    """The separator among ``, ; tab |`` that splits the first lines most consistently."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=SEPARATORS).delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        return max(SEPARATORS, key=header.count)


def read_csv_text(text: str, name: str, encoding: str = "utf-8") -> RawTable:
    """Parse CSV text into a frame of stripped strings (empty cells as "")."""
    sep = sniff_separator(text)
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skipinitialspace=True
        )
    except pd.errors.ParserError as exc:
        raise LoadError(
            f"{name}: the rows do not all have the same number of columns ({exc}). "
            "Check the quoting and separators around that line, or export the file again."
        ) from exc
    except pd.errors.EmptyDataError as exc:
        raise LoadError(f"{name} is empty: export the table again with its header row.") from exc
    return RawTable(name, _tidy(frame, name), encoding=encoding, separator=sep)


def read_excel_bytes(data: bytes, name: str, sheet: str | None = None) -> RawTable:
    """Read one sheet of an .xlsx file (the first non-empty one by default)."""
    try:
        book = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=object, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise LoadError(f"{name} could not be opened as an Excel workbook: {exc}") from exc
    names = tuple(book)
    candidates = [sheet] if sheet is not None else [n for n in names if not book[n].empty]
    if not candidates or sheet is not None and sheet not in book:
        raise LoadError(f"{name}: no sheet with data. Put the table on the first sheet.")
    frame = book[candidates[0]]
    text = frame.apply(lambda col: col.map(_cell_text))
    return RawTable(name, _tidy(text, name), sheet=candidates[0], sheets=names)


def _cell_text(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def _tidy(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.columns.duplicated().any():
        dup = ", ".join(sorted(set(frame.columns[frame.columns.duplicated()])))
        raise LoadError(f"{name}: the column name(s) {dup} appear twice. Rename one and upload again.")
    frame = frame.apply(lambda col: col.str.strip() if col.dtype == object or col.dtype == "string" else col)
    if frame.empty:
        raise LoadError(f"{name} has a header but no rows: export the data rows too.")
    return frame


def read_table(data: bytes, name: str, sheet: str | None = None) -> RawTable:
    """Read an uploaded file by its content: .xlsx (zip) or CSV text."""
    if data[:4] == b"PK\x03\x04":
        return read_excel_bytes(data, name, sheet)
    text, encoding = decode(data, name)
    return read_csv_text(text, name, encoding)
