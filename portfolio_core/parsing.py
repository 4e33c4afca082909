"""Turn the text of an export's cells into numbers and dates."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

MISSING = {"", "na", "n/a", "nan", "null", "none", "-", "--", "#n/a", "nd", "n.d."}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(r"(?i)(eur|usd|gbp|chf|cad|€|\$|£|¥)")


def _is_missing(text: pd.Series) -> pd.Series:
    return text.str.strip().str.lower().isin(MISSING)


def decimal_mark(text: pd.Series, prefer_comma: bool = False) -> str:
    """Guess the decimal mark of a column of numbers written as text.

    A mark followed by other than three digits, or the last of two different
    marks, is the decimal one. ``1,234`` alone is ambiguous: it is read as a
    thousands group unless ``prefer_comma`` (a ``;``-separated, French file).
    """
    s = text.dropna().astype(str).map(lambda x: _SPACES.sub("", x))
    both = s[s.str.contains(",", regex=False) & s.str.contains(".", regex=False)]
    if len(both):
        last_comma = both.str.rfind(",") > both.str.rfind(".")
        return "," if last_comma.mean() >= 0.5 else "."
    commas = s[s.str.contains(",", regex=False)]
    if len(commas):
        if commas.str.contains(r",\d{3}(?:,\d{3})*$").all() and not prefer_comma:
            multi = commas.str.count(",") > 1
            return "." if multi.any() or not s.str.contains(".", regex=False).any() else ","
        return ","
    dots = s[s.str.contains(".", regex=False)]
    if len(dots) and (dots.str.count(r"\.") > 1).any():
        return ","  # 1.234.567 groups thousands with dots
    return "."


def parse_numbers(text: pd.Series, prefer_comma: bool = False) -> pd.Series:
    """Parse amounts as accountants write them; unparseable cells become NaN.

    Handles ``1234.56``, ``1,234.56``, ``1 234,56``, ``1.234,56``,
    ``1 234,56 €`` (any space), ``$1,234.56``, ``(120.00)`` and ``-120,00``.

    Examples
    --------
    >>> parse_numbers(pd.Series(["1 234,56 €", "(120,00)", "N/A"])).tolist()
    [1234.56, -120.0, nan]
    """
    if pd.api.types.is_numeric_dtype(text):
        return text.astype("float64")
    raw = text.astype("string").fillna("")
    s = raw.str.replace(_SPACES, "", regex=True).str.replace(_CURRENCY, "", regex=True)
    negative = s.str.match(r"^\(.*\)$") | s.str.endswith("-")
    s = s.str.strip("()").str.rstrip("-")
    mark = decimal_mark(s[s != ""], prefer_comma)
    thousands = "." if mark == "," else ","
    s = s.str.replace(thousands, "", regex=False)
    if mark == ",":
        s = s.str.replace(",", ".", regex=False)
    valid = s.str.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?").fillna(False)
    out = pd.to_numeric(s.where(valid), errors="coerce").astype("float64")
    out = out.where(~negative.fillna(False), -out.abs())
    return pd.Series(out.to_numpy(), index=text.index, name=text.name)


def day_first(text: pd.Series) -> bool:
    """Whether ``a/b/yyyy`` dates put the day first (French default).

    Month first only when the data proves it: some second field above 12 and
    no first field above 12.
    """
    parts = text.dropna().astype(str).str.extract(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}")
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    return not ((second > 12).any() and not (first > 12).any())


def parse_dates(text: pd.Series) -> tuple[pd.Series, str]:
    """Parse dates; return them (timezone-naive, NaT when unparseable) and the format read.

    The format is ``"YYYY-MM-DD"``, ``"DD/MM/YYYY"`` or ``"MM/DD/YYYY"``.
    """
    if pd.api.types.is_datetime64_any_dtype(text):
        dates = pd.to_datetime(text, errors="coerce")
        if getattr(dates.dt, "tz", None) is not None:
            dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
        return dates.astype("datetime64[ns]"), "YYYY-MM-DD"
    s = text.astype("string").str.strip()
    s = s.where(~_is_missing(s.fillna("")))
    iso = s.str.match(r"^\d{4}-\d{1,2}-\d{1,2}").fillna(False)
    if iso.sum() >= max(1, s.notna().sum() // 2):
        dates = pd.to_datetime(s, errors="coerce", format="ISO8601", utc=True)
        label = "YYYY-MM-DD"
    else:
        first = day_first(s)
        dates = pd.to_datetime(s, errors="coerce", dayfirst=first, format="mixed", utc=True)
        label = "DD/MM/YYYY" if first else "MM/DD/YYYY"
    dates = dates.dt.tz_localize(None).astype("datetime64[ns]")
    return pd.Series(dates.to_numpy(), index=text.index, name=text.name), label


def finite(values: pd.Series, limit: float = 1e15) -> pd.Series:
    """True where a number is usable: finite and of a plausible magnitude."""
    arr = values.to_numpy(dtype="float64", na_value=np.nan)
    return pd.Series(np.isfinite(arr) & (np.abs(arr) < limit), index=values.index)
