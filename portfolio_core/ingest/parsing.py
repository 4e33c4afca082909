"""Turn the text of an export's cells into numbers, dates and durations (vectorised)."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

MISSING = {"", "na", "n/a", "n.a.", "null", "none", "-", "--", "#n/a", "nd", "n.d.", "nc", "n/c", "?"}
NOT_FINITE = {
    "nan",
    "inf",
    "+inf",
    "-inf",
    "infinity",
    "+infinity",
    "-infinity",
    "#num!",
    "#div/0!",
    "#value!",
}
LIMIT = 1e15  # no single amount in a portfolio is a quadrillion: beyond this a value is a data error
_SPACES = r"[\s\u00a0\u202f\u2009\u2007'’]"
_CURRENCY = r"(?i)(eur|euros?|usd|us\$|gbp|chf|cad|aud|€|\$|£|¥|ht|ttc)"
# currency marks in amount cells or headers, and the ISO code each one means
CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "us$": "USD", "usd": "USD",
    "£": "GBP", "gbp": "GBP", "chf": "CHF", "cad": "CAD", "aud": "AUD", "¥": "JPY", "jpy": "JPY",
}  # fmt: skip
_CURRENCY_MARK = r"(?i)(?<![a-z])(us\$|euros?|eur|usd|gbp|chf|cad|aud|jpy)(?![a-z])|(€|\$|£|¥)"
_NUMBER = r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"
_DMY = (
    r"^(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})"
    r"(?:[ T]+(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?(?:[.,]\d+)?\s*(?P<ampm>[AaPp][Mm])?)?"
)
_TZ = r"\s*(?:Z|UTC|GMT|CES?T|[+-]\d{2}:?\d{2}|\[[^\]]*\])(?:\s*\([^)]*\))?$"
# A number as most exports write it: digits, at most one decimal mark, a leading minus. At most
# 15 characters, so at most 15 digits: below 2**53, where every float parser rounds the same way.
_PLAIN = r"^-?[0-9]+(?:[.,][0-9]+)?$"
_PLAIN_CHARS = 15
# Every character Python's str.isspace() (and so the regex \s) accepts; pyarrow's utf8_trim_whitespace
# trims exactly these (tests/test_loading_speed_equivalence.py checks both).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
ANY_SPACE = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in WHITESPACE) + "]"  # RE2 syntax
_STR = pd.StringDtype("pyarrow", na_value=np.nan)


def arrow_text(text: pd.Series) -> pa.ChunkedArray:
    """A text column as Arrow strings, missing cells as ``""`` (no copy for a pyarrow-backed column).

    Cells that are not text are written as ``astype("string")`` writes them.
    """
    dtype = text.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        text = text.astype("string")
    values = pa.chunked_array(text.array.__arrow_array__())
    return values.fill_null("") if values.null_count else values


def text_series(values: pa.ChunkedArray | pa.Array, index: pd.Index, name: object = None) -> pd.Series:
    """Arrow strings as a pandas ``str`` Series (pyarrow-backed, NaN for missing), without a copy."""
    if isinstance(values, pa.Array):
        values = pa.chunked_array([values])
    if not pa.types.is_large_string(values.type):
        values = values.cast(pa.large_string())
    return pd.Series(pd.array(values, dtype=_STR), index=index, name=name)


def factorize(values: pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    """Codes (one per cell) and the distinct values, in order of first appearance (as pd.factorize)."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.int32), pa.array([], type=values.type)
    encoded = values.dictionary_encode().combine_chunks()
    return encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary


def distinct_series(uniques: pa.Array | pa.ChunkedArray) -> pd.Series:
    """Distinct values as the ``string`` Series that column functions receive from :func:`on_distinct`."""
    if isinstance(uniques, pa.Array):
        uniques = pa.chunked_array([uniques])
    if not pa.types.is_large_string(uniques.type):
        uniques = uniques.cast(pa.large_string())
    return pd.Series(pd.array(uniques, dtype=pd.StringDtype("pyarrow")))


def on_distinct(text: pd.Series, func: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a column function to the distinct values only, then spread the result back.

    Exports repeat values (dates, stages, client ids): this keeps regex work
    proportional to the number of distinct values, not rows. Missing cells give
    ``func``'s result for an empty string. The distinct values are found in Arrow
    (no Python string per cell) and given to ``func`` as a ``string`` Series.
    """
    codes, uniques = factorize(arrow_text(text))
    result = func(distinct_series(uniques))
    values = result.to_numpy()[codes] if len(codes) else result.to_numpy()[:0]
    return pd.Series(values, index=text.index, name=text.name)


def _is_missing(text: pd.Series) -> pd.Series:
    return text.str.strip().str.lower().isin(MISSING)


def missing(text: pd.Series) -> pd.Series:
    """True where a cell is blank or a missing marker (``N/A``, ``-``, ``null``...)."""
    if pd.api.types.is_numeric_dtype(text):
        return text.isna()
    return on_distinct(text, _is_missing).astype(bool)


def decimal_mark(text: pd.Series, prefer_comma: bool = False) -> str:
    """Guess the decimal mark of a column of numbers written as text (spaces and currency removed).

    A mark followed by other than three digits, or the last of two different
    marks, is the decimal one. ``1,234`` alone is ambiguous: it is read as a
    thousands group unless ``prefer_comma`` (a ``;``-separated, French file).
    The decision is made on the distinct values, so it costs little on a large column.

    Examples
    --------
    >>> decimal_mark(pd.Series(["1.234,56", "12,5"])), decimal_mark(pd.Series(["1,234.56"]))
    (',', '.')
    """
    s = pd.Series(pd.unique(text.dropna().astype(str)), dtype=object).astype(str)
    s = s.str.replace(_SPACES, "", regex=True)
    comma, dot = s.str.contains(",", regex=False), s.str.contains(".", regex=False)
    both = s[comma & dot]
    if len(both):
        last_comma = both.str.rfind(",") > both.str.rfind(".")
        return "," if last_comma.mean() >= 0.5 else "."
    commas = s[comma]
    if len(commas):
        grouped = commas.str.fullmatch(r"[^,]*\d,\d{3}(,\d{3})*\D*")
        if grouped.all() and ((commas.str.count(",") > 1).any() or not prefer_comma):
            return "."
        return ","
    dots = s[dot]
    if len(dots) and (dots.str.count(r"\.") > 1).any():
        return ","  # 1.234.567 groups thousands with dots
    if prefer_comma and len(dots) and dots.str.fullmatch(r"[^.]*\d\.\d{3}\D*").all():
        return ","  # 1.234 in a French file is one thousand two hundred thirty-four
    return "."


def parse_numbers(text: pd.Series, prefer_comma: bool = False) -> pd.Series:
    """Parse amounts as accountants write them; unparseable and missing cells become NaN.

    Handles ``1234.56``, ``1,234.56``, ``1 234,56``, ``1.234,56``,
    ``1 234,56 €`` (normal, no-break or narrow no-break spaces), ``$1,234.56``,
    ``(120.00)``, ``-120,00``, ``120.00-`` and ``−120`` (Unicode minus).
    ``NaN`` and ``inf`` written out come back as NaN and inf (see :func:`finite`).

    Examples
    --------
    >>> parse_numbers(pd.Series(["1 234,56 €", "(120,00)", "N/A", "-7,5"])).tolist()
    [1234.56, -120.0, nan, -7.5]
    >>> parse_numbers(pd.Series(["$1,234.56", "(120.00)", "", "12"])).tolist()
    [1234.56, -120.0, nan, 12.0]
    """
    if pd.api.types.is_numeric_dtype(text):
        return text.astype("float64")
    values = arrow_text(text)
    every = _every_plain_with_dots(values, prefer_comma)
    if every is not None:
        return pd.Series(every, index=text.index, name=text.name, dtype="float64", copy=False)
    plain = pc.and_(
        pc.less_equal(pc.binary_length(values), _PLAIN_CHARS), pc.match_substring_regex(values, _PLAIN)
    )
    count = pc.sum(plain).as_py() or 0
    if count == 0:
        return on_distinct(text, lambda u: _parse_distinct_numbers(u, prefer_comma)).astype("float64")
    # Plain numbers ("1234.56", "-7,5") are parsed in one vectorised pass; the other values as
    # before, once per distinct value. The decimal mark is decided as before, on the distinct
    # other values plus one plain value of each shape (a dot or a comma, followed by three
    # digits or not): the decision only asks whether some or all values have a shape, so one
    # witness per shape gives it the same answer as every plain value would.
    shown = values.filter(plain) if count < len(values) else values
    others = values.filter(pc.invert(plain)) if count < len(values) else values.slice(0, 0)
    witnesses, marks = _shapes(shown)
    mark = _decimal_mark_with(witnesses, others, prefer_comma)
    fast = _parse_plain(shown, mark, marks)
    if not len(others):
        return pd.Series(fast, index=text.index, name=text.name, dtype="float64")
    out = np.empty(len(values), dtype="float64")
    is_plain = plain.to_numpy(zero_copy_only=False)
    out[is_plain] = fast
    codes, uniques = factorize(others)
    rest = _parse_distinct_numbers(distinct_series(uniques), prefer_comma, mark=mark)
    out[~is_plain] = rest.to_numpy(dtype="float64")[codes]
    return pd.Series(out, index=text.index, name=text.name)


_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[list(b"0123456789")] = True


def _every_plain_with_dots(values: pa.ChunkedArray, prefer_comma: bool) -> np.ndarray | None:
    """The numbers, if every value is a plain number with a dot or no decimal mark (else None).

    Tested on the bytes, without a regex: digits, dots and minus signs only, a digit first (after a
    minus) and last, and Arrow's float cast accepts every value (so one dot at most, the minus first).
    Such a column's decimal mark is the dot (unless a French file writes ``1.234`` for a thousand),
    and the general path casts it the same way (:func:`_parse_plain`).
    """
    if not pa.types.is_large_string(values.type):
        values = values.cast(pa.large_string())
    chunks = [c for c in values.chunks if len(c)]
    if not chunks:
        return None
    for chunk in chunks:
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int64)[chunk.offset :][: len(chunk) + 1]
        data = np.frombuffer(chunk.buffers()[2], dtype=np.uint8)
        lengths = np.diff(offsets)
        if lengths.min() < 1 or lengths.max() > _PLAIN_CHARS:
            return None
        text = data[offsets[0] : offsets[-1]].tobytes()
        if text.translate(None, b"0123456789.-") or (prefer_comma and b"." in text):
            return None
        if not _DIGIT[data[offsets[1:] - 1]].all():
            return None
        starts = offsets[:-1]
        signed = starts[~_DIGIT[data[starts]]]  # the values that do not start with a digit
        if not ((data[signed] == ord("-")) & _DIGIT[data[np.minimum(signed + 1, offsets[-1] - 1)]]).all():
            return None
    try:
        return np.asarray(values.cast(pa.float64()).to_numpy(), dtype="float64")
    except pa.ArrowInvalid:
        return None


def _shapes(plain: pa.ChunkedArray) -> tuple[list[str], set[str]]:
    """One value of each shape among plain numbers (a dot or a comma, followed by 3 digits or not),
    and the marks that occur."""
    length = pc.binary_length(plain).to_numpy()
    found, marks = [], set()
    for mark in ".,":
        at = pc.find_substring(plain, mark).to_numpy()  # plain numbers are ASCII: bytes are characters
        has = at >= 0
        if not has.any():
            continue
        marks.add(mark)
        three = has & (length - at == 4)
        for shape in (three, has & ~three):
            rows = np.flatnonzero(shape)
            if len(rows):
                found.append(str(plain[int(rows[0])].as_py()).lstrip("-"))
    return found, marks


def _decimal_mark_with(witnesses: list[str], others: pa.ChunkedArray, prefer_comma: bool) -> str:
    """The decimal mark that :func:`decimal_mark` gives for the other values and the plain ones together."""
    values = pd.Series(witnesses, dtype=object)
    if len(others):
        cleaned = _strip_number(distinct_series(pc.unique(others)))[0]
        values = pd.concat([cleaned[cleaned.str.contains(r"\d", regex=True)].astype(object), values])
    return decimal_mark(values, prefer_comma)


def _parse_plain(plain: pa.ChunkedArray, mark: str, marks: set[str]) -> np.ndarray:
    """Plain numbers as floats, ``mark`` read as the decimal mark and the other one as digit grouping.

    ``marks``: the marks that occur in them.
    """
    thousands = "." if mark == "," else ","
    if thousands in marks:
        plain = pc.replace_substring(plain, thousands, "")
    if mark == "," and "," in marks:
        plain = pc.replace_substring(plain, ",", ".")
    return np.asarray(plain.cast(pa.float64()).to_numpy(), dtype="float64")


def _strip_number(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Spaces, currency and sign taken off: ``(digits and marks, negative, raw text)``."""
    raw = text.astype("string").fillna("")
    s = raw.str.replace(_SPACES, "", regex=True).str.replace(_CURRENCY, "", regex=True)
    s = s.str.replace("\u2212", "-", regex=False).str.replace("\u2013", "-", regex=False)
    negative = s.str.fullmatch(r"[-+]?\(.*\)") | s.str.fullmatch(r".*\d-") | s.str.startswith("-")
    return s.str.strip("()+-"), negative, raw


def _parse_distinct_numbers(text: pd.Series, prefer_comma: bool, mark: str | None = None) -> pd.Series:
    s, negative, raw = _strip_number(text)
    if mark is None:
        mark = decimal_mark(s[s.str.contains(r"\d", regex=True)], prefer_comma)
    thousands = "." if mark == "," else ","
    s = s.str.replace(thousands, "", regex=False)
    if mark == ",":
        s = s.str.replace(",", ".", regex=False)
    valid = s.str.fullmatch(_NUMBER).fillna(False).astype(bool)
    out = pd.to_numeric(s.where(valid), errors="coerce").astype("float64")
    out = out.where(~negative.fillna(False).astype(bool), -out.abs())
    lowered = raw.str.strip().str.lower()
    out = out.mask(lowered.isin({"inf", "+inf", "infinity", "+infinity"}), np.inf)
    out = out.mask(lowered.isin({"-inf", "-infinity"}), -np.inf)
    return pd.Series(out.to_numpy(dtype="float64"), index=text.index, name=text.name)


def not_finite_text(text: pd.Series) -> pd.Series:
    """True where a cell spells out a non-number: ``NaN``, ``inf``, ``#DIV/0!``..."""
    if pd.api.types.is_numeric_dtype(text):
        return pd.Series(False, index=text.index)
    return on_distinct(text, lambda u: u.str.strip().str.lower().isin(NOT_FINITE)).astype(bool)


def parse_hours(text: pd.Series, minutes: bool = False) -> pd.Series:
    """Durations in hours from ``1.5``, ``1,5``, ``1:30``, ``1h30``, ``90 min``, ``PT1H30M``.

    Plain numbers are hours, or minutes when ``minutes`` (a header such as
    "Duration (min)").

    Examples
    --------
    >>> parse_hours(pd.Series(["1:30", "1h30", "90 min", "2", "PT45M"])).tolist()
    [1.5, 1.5, 1.5, 2.0, 0.75]
    """
    if pd.api.types.is_numeric_dtype(text):
        return text.astype("float64") / (60 if minutes else 1)
    s = text.astype("string").fillna("").str.strip().str.lower()
    out = parse_numbers(s.str.replace(r"\s*(h|hrs?|hours?|heures?)$", "", regex=True))
    out = out / (60 if minutes else 1)
    clock = s.str.extract(r"^(\d+)\s*[:h]\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?(?:min|m)?$").astype("float64")
    out = out.mask(clock[0].notna(), clock[0] + clock[1] / 60 + clock[2].fillna(0) / 3600)
    mins = s.str.extract(r"^(\d+(?:[.,]\d+)?)\s*(?:min|mins|minutes?|mn)$")[0].str.replace(",", ".")
    out = out.mask(mins.notna(), pd.to_numeric(mins, errors="coerce") / 60)
    iso = s.str.extract(r"^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$").astype(
        "float64"
    )
    has_iso = iso.notna().any(axis=1)
    out = out.mask(has_iso, iso[0].fillna(0) + iso[1].fillna(0) / 60 + iso[2].fillna(0) / 3600)
    return pd.Series(out.to_numpy(dtype="float64", na_value=np.nan), index=text.index, name=text.name)


def day_first(text: pd.Series) -> bool:
    """Whether ``a/b/yyyy`` dates put the day first (French default).

    Month first only when the data proves it: some second field above 12 and
    no first field above 12.

    Examples
    --------
    >>> day_first(pd.Series(["03/25/2024", "04/01/2024"])), day_first(pd.Series(["04/01/2024"]))
    (False, True)
    """
    parts = text.dropna().astype(str).str.extract(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}")
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    return not ((second > 12).any() and not (first > 12).any())


def parse_dates(text: pd.Series) -> tuple[pd.Series, str]:
    """Parse dates; return them (timezone-naive, NaT when unparseable) and the format read.

    The format is ``"YYYY-MM-DD"``, ``"DD/MM/YYYY"`` or ``"MM/DD/YYYY"``;
    ``"DD/MM/YYYY (assumed)"`` when no date has a field above 12 to settle the
    order. Times are kept; a time zone is dropped, keeping the local date and
    time as written (``2024-03-01T00:30+02:00`` is 1 March). Dates like
    ``12 Mar 2024`` are read too.

    Examples
    --------
    >>> d, fmt = parse_dates(pd.Series(["03/25/2024 14:05", "12/31/2023"]))
    >>> fmt, d.dt.strftime("%Y-%m-%d %H:%M").tolist()
    ('MM/DD/YYYY', ['2024-03-25 14:05', '2023-12-31 00:00'])
    """
    if pd.api.types.is_datetime64_any_dtype(text):
        dates = pd.to_datetime(text, errors="coerce")
        if getattr(dates.dt, "tz", None) is not None:
            dates = dates.dt.tz_localize(None)
        return dates.astype("datetime64[ns]"), "YYYY-MM-DD"
    codes, uniques = factorize(arrow_text(text))
    parsed, label = _parse_distinct_dates(distinct_series(uniques))
    values = parsed.to_numpy(dtype="datetime64[ns]")[codes]
    return pd.Series(values, index=text.index, name=text.name, copy=False), label


def _parse_distinct_dates(text: pd.Series) -> tuple[pd.Series, str]:
    s = text.astype("string").str.strip()
    s = s.where(~_is_missing(s.fillna(""))).str.replace(_TZ, "", regex=True)
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    iso = s.str.match(r"^\d{4}-\d{1,2}-\d{1,2}").fillna(False).astype(bool)
    if iso.any():
        out[iso] = pd.to_datetime(s[iso], errors="coerce", format="ISO8601").astype("datetime64[ns]")
    dmy = pd.Series(False, index=s.index)
    if not iso.all():  # day/month/year dates, looked for where the dates are not all ISO
        parts = s.str.extract(_DMY)
        dmy = parts["a"].notna() & ~iso
    label = "YYYY-MM-DD"
    if dmy.any():
        first = day_first(s[dmy])
        a, b = pd.to_numeric(parts["a"]), pd.to_numeric(parts["b"])
        year = pd.to_numeric(parts["y"])
        year = year.where(year >= 100, year + 2000 - 100 * (year >= 70))
        hour = pd.to_numeric(parts["H"]).fillna(0)
        pm = parts["ampm"].str.lower().eq("pm").fillna(False).astype(bool)
        am = parts["ampm"].str.lower().eq("am").fillna(False).astype(bool)
        hour = hour.where(~(pm & (hour < 12)), hour + 12).where(~(am & (hour == 12)), 0)
        frame = pd.DataFrame(
            {
                "year": year,
                "month": b if first else a,
                "day": a if first else b,
                "hour": hour,
                "minute": pd.to_numeric(parts["M"]).fillna(0),
                "second": pd.to_numeric(parts["S"]).fillna(0),
            }
        )[dmy]
        out[dmy] = pd.to_datetime(frame, errors="coerce").astype("datetime64[ns]")
        if dmy.sum() >= iso.sum():
            proven = (a[dmy] > 12).any() or (b[dmy] > 12).any()
            label = ("DD/MM/YYYY" if first else "MM/DD/YYYY") + ("" if proven else " (assumed)")
    rest = s.notna() & ~iso & ~dmy
    if rest.any():
        values = s[rest]
        uniq = pd.Series(pd.unique(values), dtype=object)
        parsed = pd.to_datetime(uniq, errors="coerce", format="mixed", dayfirst=True)
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        lookup = dict(zip(uniq, parsed.astype("datetime64[ns]"), strict=True))
        out[rest] = values.map(lookup).astype("datetime64[ns]")
        if not iso.any() and not dmy.any():
            label = "written dates (e.g. 12 Mar 2024)"
    return pd.Series(out.to_numpy(), index=text.index, name=text.name), label


def finite(values: pd.Series, limit: float = LIMIT) -> pd.Series:
    """True where a number is usable: finite and of a plausible magnitude (below ``limit``)."""
    arr = values.to_numpy(dtype="float64", na_value=np.nan)
    return pd.Series(np.isfinite(arr) & (np.abs(arr) < limit), index=values.index)


def currency_of(header: str, cells: pd.Series, sample: int = 2000) -> str | None:
    """The ISO code of the one currency an amount column names, in its header or its cells, else None.

    None when the column names no currency or several different ones.

    Examples
    --------
    >>> currency_of("Montant", pd.Series(["1 234,56 €", "12 €"]))
    'EUR'
    >>> currency_of("Amount (USD)", pd.Series([1.0])), currency_of("Amount", pd.Series(["£3", "4 EUR"]))
    ('USD', None)
    """
    texts = [header]
    if not pd.api.types.is_numeric_dtype(cells):
        head = cells.head(sample)  # the first filled cells, without a pass over a large column
        head = cells.dropna().head(sample) if head.isna().any() else head
        texts += head.astype(str).drop_duplicates().tolist()
    # one search over the texts, one a line (a mark never spans a line break)
    found = {
        CURRENCIES[(word or mark).lower()] for word, mark in re.findall(_CURRENCY_MARK, "\n".join(texts))
    }
    return found.pop() if len(found) == 1 else None
