"""Read an uploaded export (CSV in any common encoding and separator, or .xlsx) into text cells.

Every refusal is a :class:`LoadError` whose message says what is wrong and what to do.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from charset_normalizer import from_bytes

from portfolio_core.ingest.parsing import WHITESPACE, text_series
from portfolio_core.message import Message, MessageError

SEPARATORS = ",;\t|"
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
MAX_BYTES = 200 * 1024 * 1024  # the app's upload limit (.streamlit/config.toml maxUploadSize)
_SAMPLE_CHARS = 64_000
MAX_COLUMNS = 2_000  # a wider "table" is a wrong separator or not an export: refuse it before parsing
_BLANK_BYTES = re.compile(rb"[ \t\r\n\x00\xef\xbb\xbf\xff\xfe]*")
_UTF8_BOM = b"\xef\xbb\xbf"
_BLOCK_BYTES = 1 << 22  # 4 MiB blocks: several per large file, so that both cores parse
_LONG_ROW_BLOCK_BYTES = 1 << 24  # for a file with a row longer than that
_WORKERS = max(1, min(4, os.cpu_count() or 1))
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
    "latin_1": "Latin-1",
}
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old-format Excel (.xls) or Word file",
    b"\x7fELF": "a program",
    b"MZ": "a program",
}


class LoadError(MessageError, ValueError):
    """A file that cannot be used; the message says what is wrong and what to do.

    ``str(exc)`` is the English sentence (the CLI's stderr); a page shows ``exc.translated(t)``.
    """


@dataclass(frozen=True)
class RawTable:
    """One file's cells as text (stripped, empty cells as ""), with what was detected while reading it.

    ``numbers`` holds, for an Excel sheet, the cells that Excel stored as numbers
    (other cells NaN), so amounts typed as numbers are never re-read from text.
    """

    name: str
    frame: pd.DataFrame
    encoding: str = "utf-8"
    separator: str = ","
    sheet: str | None = None
    sheets: tuple[str, ...] = field(default_factory=tuple)
    numbers: pd.DataFrame | None = None
    skipped_lines: int = 0

    @property
    def french_numbers(self) -> bool:
        """A ``;``-separated file writes decimals with a comma."""
        return self.separator == ";"

    @property
    def description(self) -> str:
        """How the file was read, for the user: ``"CSV, semicolon-separated, Windows-1252"``."""
        if self.sheet is not None:
            return f"Excel, sheet “{self.sheet}”"
        enc = _ENCODING_NAMES.get(self.encoding, self.encoding)
        return f"CSV, {SEPARATOR_NAMES.get(self.separator, repr(self.separator))}-separated, {enc}"

    @property
    def signature(self) -> tuple[str, ...]:
        """The header, as a key to remember a mapping for files with the same columns."""
        return tuple(str(c) for c in self.frame.columns)


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise LoadError(
                "{file} is {what}, not a table. Export the data as CSV or .xlsx and upload that file.",
                file=name,
                what=what,
            )


def decode(data: bytes, name: str = "file") -> tuple[str, str]:
    """Decode bytes to text, detecting the encoding; return ``(text, encoding)``.

    UTF-8 and UTF-16 with a BOM are recognised by it; otherwise strict UTF-8 is
    tried, then charset-normalizer chooses among UTF-16 (no BOM), Windows-1252
    and Latin-1. Binary files are refused.

    Examples
    --------
    >>> decode("Société;1 234,56 €".encode("cp1252"))
    ('Société;1 234,56 €', 'cp1252')
    """
    if _BLANK_BYTES.fullmatch(data):  # nothing but blanks, NULs and byte-order marks (no copy of the data)
        raise LoadError(
            "{file} is empty: export the table again with its header row and data rows.", file=name
        )
    _refuse_binary(data, name)
    text: str | None = None
    encoding = ""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text, encoding = data.decode(enc), enc
            except UnicodeDecodeError:
                text = None
            break
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_8bit_or_utf16(data)
    if text is None or _looks_binary(text):
        raise LoadError(
            "{file} does not look like a text table (CSV) or an Excel workbook: "
            "export it as CSV or .xlsx and upload that file.",
            file=name,
        )
    return text.lstrip("\ufeff"), encoding


def _as_utf8(data: bytes, name: str) -> tuple[bytes, str]:
    """The file as UTF-8 bytes without byte-order marks, and its encoding: :func:`decode`'s verdict.

    A UTF-8 file is checked, not decoded, and passed on as it is (the common case, and 30 MB of
    text not made for a 10^6-row file); any other file, or one that ``decode`` refuses, goes
    through ``decode``.
    """
    bom = data.startswith(_UTF8_BOM)
    start = len(_UTF8_BOM) if bom else 0
    if (
        _BLANK_BYTES.fullmatch(data)
        or data.startswith((*_MAGIC, b"\xff\xfe", b"\xfe\xff"))
        or not _is_utf8(data)
        or _looks_binary(_head(data, start))
    ):
        text, encoding = decode(data, name)
        return text.encode("utf-8"), encoding
    while data.startswith(_UTF8_BOM, start):  # decode strips every leading byte-order mark
        start += len(_UTF8_BOM)
    return data[start:], "utf-8-sig" if bom else "utf-8"


def _is_utf8(data: bytes) -> bool:
    """Whether the bytes are valid UTF-8: Arrow's check, as strict as Python's decoder, without a copy."""
    offsets = pa.array([0, len(data)], type=pa.int64()).buffers()[1]
    value = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)])
    try:
        value.cast(pa.large_string())  # the cast checks the bytes
    except pa.ArrowInvalid:
        return False
    return True


def _decode_8bit_or_utf16(data: bytes) -> tuple[str | None, str]:
    """UTF-16 without BOM when every other byte is NUL; else charset-normalizer: Windows-1252 or Latin-1."""
    sample = data[:4096]
    half = max(1, len(sample) // 2)
    for enc, nuls in (("utf_16_le", sample[1::2].count(0)), ("utf_16_be", sample[0::2].count(0))):
        if nuls / half > 0.3:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None, ""
    best = from_bytes(data[:_SAMPLE_CHARS], cp_isolation=["cp1252", "latin_1"]).best()
    # No verdict on a very short sample: Windows-1252, and the binary check on the text decides.
    encoding = str(best.encoding) if best is not None else "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    controls = sum(1 for ch in set(sample) if (ord(ch) < 32 and ch not in "\t\r\n") or 0x7F <= ord(ch) < 0xA0)
    if not controls:
        return False
    bad = len(re.findall(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", sample))
    return bad > max(2, len(sample) // 200)


def _records(sample: str, sep: str) -> list[list[str]]:
    lines = sample.splitlines(keepends=True)
    if len(sample) >= _SAMPLE_CHARS and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut
    try:
        return [r for r in csv.reader(io.StringIO("".join(lines)), delimiter=sep) if r]
    except csv.Error:
        return []


def sniff_separator(text: str) -> str:
    """The separator among ``, ; tab |`` that splits the header and the first rows most consistently.

    Examples
    --------
    >>> sniff_separator("Client;Montant\\nA;1 234,56\\nB;12,5\\n")
    ';'
    """
    sample = text[:_SAMPLE_CHARS]
    best, best_key = ",", (-1.0, 0)
    for rank, sep in enumerate("\t;|,"):
        records = _records(sample, sep)[:200]
        counts = [len(r) for r in records]
        if not counts:
            continue
        mode = Counter(counts).most_common(1)[0][0]
        if mode <= 1:
            continue
        key = (round(counts.count(mode) / len(counts), 2), -rank)
        if key > best_key:
            best, best_key = sep, key
    return best


def _header_fix(text: str, sep: str) -> tuple[str, int]:
    """Skip title lines above the header and align a header that lacks (or has) a trailing separator."""
    records = _records(text[:_SAMPLE_CHARS], sep)[:200]
    if len(records) < 2:
        return text, 0
    mode = Counter(len(r) for r in records[1:]).most_common(1)[0][0]
    skip = 0
    while (
        skip < min(10, len(records) - 2)
        and len(records[skip]) < mode
        and sum(1 for c in records[skip] if c.strip()) <= 1
        and len(records[skip + 1]) >= mode
    ):
        skip += 1
    physical = 0
    if skip:
        lines = text.split("\n")
        seen = 0
        while seen < skip and physical < len(lines):
            seen += bool(lines[physical].strip(" \r" + sep))
            physical += 1
        while physical < len(lines) - 1 and not lines[physical].strip(" \r" + sep):
            physical += 1
        text = "\n".join(lines[physical:])
    header = records[skip]
    end = text.find("\n")
    end = len(text) if end < 0 else end
    first = text[:end]  # the header line; text[end:] is the rest, copied only when the header changes
    data = records[skip + 1 :]
    if len(header) == mode - 1 and data and all(len(r) == mode and not r[-1].strip() for r in data[:50]):
        text = first.rstrip("\r") + sep + ("\r" if first.endswith("\r") else "") + text[end:]
    elif len(header) == mode + 1 and not header[-1].strip():
        text = first.rstrip("\r")[: -len(sep)] + text[end:] if first.rstrip("\r").endswith(sep) else text
    return text, physical


def _line_of(text: str, fragment: str) -> int | None:
    pos = text.find(fragment) if fragment else -1
    return text.count("\n", 0, pos) + 1 if pos >= 0 else None


def _head(data: bytes, start: int = 0) -> str:
    """The first ``_SAMPLE_CHARS`` characters of UTF-8 bytes from ``start`` (decoding no more than that)."""
    text, _ = codecs.utf_8_decode(memoryview(data)[start : start + 4 * _SAMPLE_CHARS], None, False)
    return text[:_SAMPLE_CHARS]


def read_csv_text(data: bytes, name: str, encoding: str = "utf-8") -> RawTable:
    """Parse CSV (UTF-8 bytes, separator detected) into a frame of stripped strings, empty cells as ``""``.

    Refuses broken quoting, ragged rows and duplicate column names, naming the lines.
    ``encoding`` is the file's, as detected. The bytes are parsed as they are: the whole text is
    decoded only to fix the header, to check an odd number of quotes or to name bad lines.
    """
    sample = _head(data)
    sep = sniff_separator(sample)
    skipped = 0
    if _header_fix(sample, sep)[0] is not sample:  # the header needs a fix: made on the whole text
        text, skipped = _header_fix(data.decode("utf-8"), sep)
        data, sample = text.encode("utf-8"), text[:_SAMPLE_CHARS]
    source = pa.py_buffer(data)
    try:
        first = next(csv.reader(io.StringIO(sample), delimiter=sep), [])
    except csv.Error:  # a stray carriage return in the header: let the reader below judge the file
        first = []
    width = max(len(first), 1)
    if width > MAX_COLUMNS:
        raise LoadError(
            "{file} has more than {limit} columns; a client, deal or activity export has "
            "a few dozen. Check that it is a table with one row per client, deal or activity, and that the "
            "separator is right, then export it again.",
            file=name,
            limit=f"{MAX_COLUMNS:,}",
        )
    # Without any quote no value can hold a line break: the reader may then split the file into
    # blocks without scanning the quotes first, which lets it parse the blocks in parallel.
    quoted = b'"' in data
    if quoted and data.count(b'"') % 2:
        _check_quotes(data.decode("utf-8"), name, sep)
    bad: list[tuple[int, int, str]] = []

    def invalid(row: pa_csv.InvalidRow) -> str:
        bad.append((row.expected_columns, row.actual_columns, row.text or ""))
        return "skip"

    def read(threads: bool, block: int) -> pa.Table:
        return pa_csv.read_csv(
            pa.BufferReader(source),
            read_options=pa_csv.ReadOptions(
                autogenerate_column_names=True, block_size=block, use_threads=threads
            ),
            parse_options=pa_csv.ParseOptions(
                delimiter=sep, newlines_in_values=quoted, invalid_row_handler=invalid
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types={f"f{i}": pa.large_string() for i in range(width + 2)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )

    block = _BLOCK_BYTES
    try:
        try:
            table = read(threads=True, block=block)
        except pa.ArrowInvalid as exc:
            if "straddl" not in str(exc):
                raise
            bad.clear()  # a row longer than a block: read in larger blocks
            block = _LONG_ROW_BLOCK_BYTES
            table = read(threads=True, block=block)
        if bad:  # blocks are parsed in parallel: read again in one thread to name the lines in file order
            bad.clear()
            table = read(threads=False, block=block)
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        raise LoadError(
            "{file} could not be read as a table ({error}). "
            "Export it again as CSV with one row per line, or as .xlsx.",
            file=name,
            error=str(exc).splitlines()[0],
        ) from exc
    if bad:
        text = data.decode("utf-8")
        lines = [_line_of(text, t) for _, _, t in bad[:5]]
        where = ", ".join(f"line {n + skipped}" for n in lines if n) or "some lines"
        expected, actual, _ = bad[0]
        raise LoadError(
            "{file}: {rows} not have the {expected} columns of the header "
            "({where}: {actual} values). A separator inside an unquoted value or a missing value shifts "
            "the columns: put quotes around values that contain the separator, or export the file again.",
            file=name,
            rows=Message.plural("{n} row does", "{n} rows do", len(bad)),
            expected=expected,
            where=where,
            actual=actual,
        )
    if table.num_rows == 0 or table.num_columns == 0:
        raise LoadError(
            "{file} is empty: export the table again with its header row and data rows.", file=name
        )
    holder = [table]
    del table
    frame = _tidy_arrow(holder, name)
    return RawTable(name, frame, encoding=encoding, separator=sep, skipped_lines=skipped)


def _check_quotes(text: str, name: str, sep: str) -> None:
    """An odd number of quotes: let the strict pandas parser say whether a quote is left open, and where."""
    try:
        pd.read_csv(io.StringIO(text), sep=sep, dtype=str, header=None, keep_default_na=False)
    except pd.errors.ParserError as exc:
        if "EOF inside string" in str(exc):
            row = re.search(r"row (\d+)", str(exc))
            where = f"line {int(row.group(1)) + 1}" if row else "a line"
            raise LoadError(
                "{file}: a quoted value opened on {where} is never closed, so the rest of the file would "
                'be read as one value. Close the quote (") on that line, or export the file again.',
                file=name,
                where=where,
            ) from exc
    except (ValueError, pd.errors.EmptyDataError):
        return


def read_excel_bytes(data: bytes, name: str, sheet: str | None = None) -> RawTable:
    """Read one sheet of an .xlsx file (the first non-empty one by default) as text cells."""
    try:
        book = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=object, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many types for a damaged or non-Excel zip
        raise LoadError(
            "{file} could not be opened as an Excel workbook ({error}). "
            "Open it in Excel and save it again as .xlsx, or export the data as CSV.",
            file=name,
            error=type(exc).__name__,
        ) from exc
    names = tuple(str(n) for n in book)
    sheets = {str(n): f.dropna(how="all").dropna(axis=1, how="all") for n, f in book.items()}
    if sheet is not None and sheet not in sheets:
        raise LoadError(
            "{file} has no sheet “{sheet}”; its sheets are {sheets}.",
            file=name,
            sheet=sheet,
            sheets=", ".join(names),
        )
    chosen = sheet if sheet is not None else next((n for n in names if not sheets[n].empty), None)
    if chosen is None or sheets[chosen].empty:
        raise LoadError(
            "{file}: no sheet holds any data. Put the table on a sheet and upload again.", file=name
        )
    raw = sheets[chosen].reset_index(drop=True)
    header = [_cell_text(v) for v in raw.iloc[0]]
    header = [h if h else f"(column {i + 1})" for i, h in enumerate(header)]
    body = raw.iloc[1:].reset_index(drop=True)
    body.columns = pd.Index(header)
    numeric = body.apply(lambda col: pd.to_numeric(col.where(col.map(_is_number)), errors="coerce"))
    text = body.apply(lambda col: col.map(_cell_text))
    tidy = _tidy(text, name)
    numbers = numeric.loc[tidy.index, list(tidy.columns)].reset_index(drop=True)
    return RawTable(name, tidy.reset_index(drop=True), sheet=chosen, sheets=names, numbers=numbers)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp) or hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def _tidy(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Strip cells and headers, name unnamed columns, drop empty unnamed columns and empty rows.

    The index is kept (callers align other frames on it).
    """
    names = [str(c).strip() for c in frame.columns]
    frame.columns = pd.Index([c if c else f"(column {i + 1})" for i, c in enumerate(names)], dtype=object)
    frame = frame.apply(lambda col: col.astype(str).str.strip())
    filled = frame.astype(bool)
    empty = [c for c in frame.columns if c.startswith("(column ") and not filled[c].any()]
    frame = frame.drop(columns=empty)
    if frame.columns.duplicated().any():
        dup = ", ".join(f"“{d}”" for d in sorted(set(frame.columns[frame.columns.duplicated()])))
        raise LoadError(
            "{file}: the column name {columns} appears more than once in the header. "
            "Rename the duplicates so that each column has its own name, and upload again.",
            file=name,
            columns=dup,
        )
    read_rows = len(frame)
    if len(frame.columns):
        frame = frame[filled[frame.columns].any(axis=1)]
    if frame.empty:
        raise _no_data(name, list(frame.columns), read_rows)
    return frame


def _no_data(name: str, columns: list[str], rows: int) -> LoadError:
    """The one-sentence refusal of a table without a filled data cell (``rows``: data rows read)."""
    if not columns or all(c.startswith("(column ") for c in columns):
        return LoadError(
            "{file} holds no value: every cell is blank. "
            "Export the table again with its header row and data rows.",
            file=name,
        )
    if rows:
        return LoadError(
            "{file}: every data cell is blank ({rows} under the header), so there is nothing to analyse. "
            "Export the table again with its values.",
            file=name,
            rows=Message.plural("{n} row", "{n} rows", rows),
        )
    return LoadError("{file} has a header but no data rows: export the data rows too.", file=name)


# ASCII bytes that are not whitespace: a column made of these alone has nothing to strip (any
# other byte, a control or part of a non-ASCII character, may belong to a whitespace character)
_NOT_SPACE_BYTES = bytes(b for b in range(128) if chr(b) not in WHITESPACE)


def _stripped(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """The cells without leading and trailing whitespace; the column itself if no byte can be one."""
    for chunk in column.chunks:
        data = chunk.buffers()[2]
        if data is not None and _may_hold_space(data):
            return pc.utf8_trim_whitespace(column)
    return column


def _may_hold_space(data: pa.Buffer) -> bool:
    """Whether a byte can be (part of) whitespace: first tested on the range of the bytes, a
    vectorised test outside the GIL that settles columns of codes, dates and plain numbers."""
    codes = np.frombuffer(data, dtype=np.uint8)
    if not len(codes) or (codes.min() > ord(" ") and codes.max() < 0x80):  # ASCII after the space
        return False
    return bool(data.to_pybytes().translate(None, _NOT_SPACE_BYTES))


def _tidy_arrow(read: list[pa.Table], name: str) -> pd.DataFrame:
    """:func:`_tidy` for a CSV read by pyarrow (its first row the header), done in Arrow.

    Same result as ``_tidy`` on the pandas frame (the test suite checks it) without
    converting a cell to a Python object: cells are stripped by the same Arrow kernel
    pandas' ``str.strip`` calls, and emptiness is a length test. Returns a frame with a
    fresh RangeIndex and pyarrow-backed ``str`` columns. ``read`` holds the table and is
    emptied, so that each column as read is freed once its stripped copy is made.
    """
    table = read.pop()
    for i, col in enumerate(table.columns):  # empty on every row, header included: no type (null)
        if pa.types.is_null(col.type):
            table = table.set_column(i, table.field(i).name, pc.fill_null(col.cast(pa.large_string()), ""))
    names = [str(c).strip() for c in table.slice(0, 1).to_pylist()[0].values()]
    names = [c if c else f"(column {i + 1})" for i, c in enumerate(names)]
    columns = list(table.slice(1).columns)
    del table
    with ThreadPoolExecutor(_WORKERS) as pool:  # Arrow kernels run outside the GIL
        jobs = [pool.submit(_stripped, col) for col in columns]
        columns.clear()  # each column as read is freed once stripped
        columns = [job.result() for job in jobs]
    empty = {
        c
        for c, col in zip(names, columns, strict=True)
        if c.startswith("(column ") and not pc.max(pc.binary_length(col)).as_py()
    }
    keep = [i for i, c in enumerate(names) if c not in empty]
    names = [names[i] for i in keep]
    columns = [columns[i] for i in keep]
    index = pd.Index(names, dtype=object)
    if index.duplicated().any():
        dup = ", ".join(f"“{d}”" for d in sorted(set(index[index.duplicated()])))
        raise LoadError(
            "{file}: the column name {columns} appears more than once in the header. "
            "Rename the duplicates so that each column has its own name, and upload again.",
            file=name,
            columns=dup,
        )
    rows = len(columns[0]) if columns else 0
    read_rows = rows
    # a row can be empty only if every column has an empty cell
    if columns and all(pc.min(pc.binary_length(col)).as_py() in (0, None) for col in columns):
        used = pc.greater(pc.binary_length(columns[0]), 0)
        for col in columns[1:]:
            used = pc.or_(used, pc.greater(pc.binary_length(col), 0))
        kept = pc.sum(used).as_py() or 0
        if kept < rows:
            columns = [col.filter(used) for col in columns]
            rows = kept
    if not columns or rows == 0:
        raise _no_data(name, names, read_rows)
    frame = pd.DataFrame({f"f{i}": text_series(col, pd.RangeIndex(rows)) for i, col in enumerate(columns)})
    frame.columns = index
    return frame


def read_table(data: bytes, name: str, sheet: str | None = None, max_bytes: int = MAX_BYTES) -> RawTable:
    """Read an uploaded file by its content: .xlsx (zip) or CSV text.

    Raises LoadError for a file over ``max_bytes``, an empty or binary file,
    broken quoting, ragged rows or duplicate column names.
    """
    if len(data) > max_bytes:
        raise LoadError(
            "{file} is {size} MB, over the {limit} MB limit. "
            "Export fewer columns or a shorter period, or split the file.",
            file=name,
            size=f"{len(data) / 1e6:,.0f}",
            limit=f"{max_bytes / 1e6:,.0f}",
        )
    if data[:4] == b"PK\x03\x04":
        return read_excel_bytes(data, name, sheet)
    utf8, encoding = _as_utf8(data, name)
    return read_csv_text(utf8, name, encoding)
