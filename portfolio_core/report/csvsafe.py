"""CSV files that open safely in a spreadsheet: no cell of text becomes a formula (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (or a DDE command) when a CSV file is opened. OWASP's advice: prefix such
cells with a single quote, which the spreadsheet shows as text. Every CSV the app and the CLI write goes
through :func:`to_csv`; only **text** cells (values, row labels and column headers) are changed: numbers
stay numbers, so ``-1500.0`` stored as a number is written ``-1500.0``, while the text ``"-2+3"`` is
written ``'-2+3``. The workbook keeps its own approach (text cells marked quote-prefixed, see
:mod:`portfolio_core.report`).

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"name": ["=HYPERLINK(1)", "Acme", "-2+3"], "profit": [-5.0, 1.0, 2.0]})
>>> print(to_csv(frame, index=False), end="")
name,profit
'=HYPERLINK(1),-5.0
Acme,1.0
'-2+3,2.0
"""

from __future__ import annotations

from typing import Any

import pandas as pd

# The first characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text starting like a formula; anything else unchanged.

    >>> [neutralise_cell(v) for v in ["+cmd", "@SUM(1)", "\\tx", "ok", -3, -3.5, None]]
    ["'+cmd", "'@SUM(1)", "'\\tx", 'ok', -3, -3.5, None]
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _safe_index(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples(
            [tuple(neutralise_cell(v) for v in values) for values in index], names=index.names
        )
    if pd.api.types.is_object_dtype(index.dtype) or pd.api.types.is_string_dtype(index.dtype):
        return pd.Index([neutralise_cell(v) for v in index], name=neutralise_cell(index.name), dtype=object)
    return index.rename(neutralise_cell(index.name))


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells, row labels and headers cannot run as formulas.

    Numeric, boolean and date columns are kept as they are (same dtype); the input is not modified.
    """
    out = frame.copy()
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        dtype = column.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            column = column.astype(object)
        elif not (pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)):
            continue
        out.isetitem(position, column.map(neutralise_cell).astype(object).to_numpy())
    out.columns = _safe_index(out.columns)
    out.index = _safe_index(out.index)
    return out


def _is_text(dtype: Any) -> bool:
    return pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)


def _has_cr(frame: pd.DataFrame) -> bool:
    texts = [frame.iloc[:, i] for i in range(frame.shape[1]) if _is_text(frame.iloc[:, i].dtype)]
    labels = [pd.Series(frame.columns, dtype=object), pd.Series(frame.index, dtype=object)]
    return any(s.map(lambda v: isinstance(v, str) and "\r" in v).any() for s in [*texts, *labels])


def to_csv(frame: pd.DataFrame, path_or_buf: Any = None, **kwargs: Any) -> str | None:
    """``frame.to_csv(path_or_buf, **kwargs)`` with every text cell neutralised (see the module).

    A text holding a carriage return is quoted (the CSV rows end in CRLF then, as RFC 4180 has it:
    with pandas' default ``\n`` such a cell would be written unquoted and break its row in two).
    """
    safe = neutralise(frame)
    if "lineterminator" not in kwargs and _has_cr(safe):
        kwargs["lineterminator"] = "\r\n"
    return safe.to_csv(path_or_buf, **kwargs)
