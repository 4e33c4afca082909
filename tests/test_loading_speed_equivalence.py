"""The fast paths of the loader give exactly what the general paths give.

Large files are read with vectorised shortcuts (Arrow kernels, plain numbers parsed in one
pass, identifiers without whitespace left as they are, work on distinct values). Each test
runs the same input through the shortcut and through the general code it replaces, and
demands identical results: values, dtypes, index, messages. No timing here: speed is
measured in bench/.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portfolio_core import build_portfolio, read_table
from portfolio_core.ingest import build as ingest
from portfolio_core.ingest import loading, parsing
from portfolio_core.ingest.build import clean_ids
from portfolio_core.ingest.columns import fold
from portfolio_core.ingest.loading import LoadError
from portfolio_core.ingest.parsing import on_distinct, parse_numbers
from portfolio_core.ingest.portfolio import _stage_of, _status_of, normalise_stage, normalise_status

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------- references: the general code paths


def general_numbers(text: pd.Series, prefer_comma: bool = False) -> pd.Series:
    """parse_numbers without the plain-number shortcut: every distinct value through the regex path."""
    return on_distinct(text, lambda u: parsing._parse_distinct_numbers(u, prefer_comma)).astype("float64")


def general_ids(values: pd.Series) -> pd.Series:
    """clean_ids as it was: every distinct identifier through the regex."""
    return on_distinct(values, lambda u: u.str.replace(r"\s+", " ", regex=True).str.strip()).astype(str)


def pandas_on_distinct(text: pd.Series, func) -> pd.Series:
    """on_distinct with pandas' factorize (before the Arrow version)."""
    codes, uniques = pd.factorize(text.astype("string").fillna(""), sort=False)
    result = func(pd.Series(np.asarray(uniques, dtype=object), dtype="string"))
    values = result.to_numpy()[codes] if len(codes) else result.to_numpy()[:0]
    return pd.Series(values, index=text.index, name=text.name)


def python_by_distinct(text: pd.Series, classify) -> pd.Series:
    """normalise_stage/status with a Python dict lookup (before the Arrow version)."""
    raw = text.astype(object).where(text.notna(), "")
    lookup = {u: classify(fold(u)) for u in pd.unique(raw)}
    return pd.Series(raw.map(lookup).to_numpy(dtype=object), index=text.index, dtype=object)


def pandas_tidy(table: pa.Table, name: str) -> pd.DataFrame:
    """The reader's tidying done in pandas, as before (``loading._tidy`` on the converted table)."""
    frame = table.to_pandas()
    header = [str(c).strip() for c in frame.iloc[0]]
    frame = frame.iloc[1:].reset_index(drop=True)
    frame.columns = pd.Index(header)
    return loading._tidy(frame, name).reset_index(drop=True)


# ---------------------------------------------------------------- generated cells

digits = st.integers(min_value=0, max_value=10**16).map(str)
plain_numbers = st.builds(
    lambda sign, whole, mark, decimals: sign + whole + (mark + decimals if mark else ""),
    st.sampled_from(["", "", "-"]),
    digits,
    st.sampled_from(["", ".", ","]),
    st.sampled_from(["0", "5", "25", "500", "125", "1234", "000"]),
)
messy_numbers = st.sampled_from(
    [
        "", " ", "N/A", "-", "--", "n.d.", "?", "nan", "NaN", "inf", "-inf", "Infinity", "#DIV/0!",
        "abc", "1 234,56 €", "1\u00a0234,56", "1\u202f234,56 €", "$1,234.56", "(120.00)", "120.00-",
        "\u2212120", "EUR 12", "1.234.567", "1,234,567", "1.234,56", "1,234.56", "1e5", "1,5e3",
        ".5", "5.", "+7", "+7,5", "0.-0", "12345678901234567890", "\u0663", "1 234", "1'234.50",
    ]
)  # fmt: skip
number_columns = st.lists(st.one_of(plain_numbers, plain_numbers, messy_numbers), min_size=1, max_size=30)


@SETTINGS
@given(values=number_columns, prefer_comma=st.booleans(), missing=st.booleans())
def test_plain_numbers_shortcut_gives_the_general_result(values, prefer_comma, missing):
    text = pd.Series(values + ([None] if missing else []), name="Amount")
    fast = parse_numbers(text, prefer_comma=prefer_comma)
    slow = general_numbers(text, prefer_comma=prefer_comma)
    assert fast.dtype == slow.dtype == np.float64
    assert fast.index.equals(slow.index) and fast.name == slow.name
    # equal values, NaN where NaN (a signed zero from a malformed value may lose its sign)
    np.testing.assert_array_equal(fast.to_numpy(), slow.to_numpy())


dot_numbers = st.builds(
    lambda sign, whole, decimals: sign + whole + decimals,
    st.sampled_from(["", "", "-"]),
    st.integers(min_value=0, max_value=10**16).map(str),
    st.sampled_from(["", ".5", ".25", ".125", ".000", ".1234"]),
)
odd_cells = st.sampled_from(["", "-", ".5", "5.", "-.5", "1-2", "+1", "1e5", "1..2", " 1", "1,5", "١"])


@SETTINGS
@given(
    values=st.lists(dot_numbers, min_size=1, max_size=30),
    odd=st.one_of(st.none(), odd_cells),
    prefer_comma=st.booleans(),
)
def test_a_column_of_plain_dot_numbers_gives_the_general_result(values, odd, prefer_comma):
    # A column where every cell is a plain number with a dot is cast in one pass; one odd cell
    # anywhere sends the whole column back to the general path, which must give the same numbers.
    text = pd.Series(values + ([odd] if odd is not None else []), name="Amount")
    fast = parse_numbers(text, prefer_comma=prefer_comma)
    slow = general_numbers(text, prefer_comma=prefer_comma)
    assert fast.dtype == np.float64 and fast.index.equals(slow.index) and fast.name == slow.name
    np.testing.assert_array_equal(fast.to_numpy(), slow.to_numpy())


@pytest.mark.parametrize(
    ("values", "prefer_comma", "expected"),
    [
        (["1.234", "2.500"], True, [1234.0, 2500.0]),  # all dots before 3 digits: thousands in a French file
        (["1.234", "2.5"], True, [1.234, 2.5]),
        (["1,234", "2,500"], False, [1234.0, 2500.0]),
        (["1,234", "2,500"], True, [1.234, 2.5]),
        (["1,234", "2,5"], False, [1.234, 2.5]),
        (["1234.56", "1 234,56"], False, [123456.0, 1234.56]),  # one comma decimal decides the column
        (["-0", "12"], False, [0.0, 12.0]),
    ],
)
def test_the_decimal_mark_is_decided_on_the_whole_column(values, prefer_comma, expected):
    text = pd.Series(values)
    assert parse_numbers(text, prefer_comma=prefer_comma).tolist() == expected
    assert general_numbers(text, prefer_comma=prefer_comma).tolist() == expected


id_chars = st.sampled_from(list("AB0 9-_é\t\u00a0\u202f\u2007\u3000\x0b\x1f\u0085") + ["  "])
identifiers = st.lists(id_chars, max_size=8).map("".join)


@SETTINGS
@given(values=st.lists(st.one_of(identifiers, st.none()), min_size=0, max_size=30))
def test_identifiers_without_whitespace_are_left_as_they_are(values):
    text = pd.Series(values, dtype="str", name="Client")
    fast, slow = clean_ids(text), general_ids(text)
    pd.testing.assert_series_equal(fast, slow, check_exact=True)


@SETTINGS
@given(values=st.lists(st.one_of(identifiers, st.none(), st.sampled_from(["Won", "Perdu", "lead"]))))
def test_distinct_values_in_arrow_match_pandas_factorize(values):
    for text in (pd.Series(values, dtype="str"), pd.Series(values, dtype=object)):
        fast = on_distinct(text, lambda u: u.str.lower())
        slow = pandas_on_distinct(text, lambda u: u.str.lower())
        pd.testing.assert_series_equal(fast, slow, check_exact=True)
        for normalise, classify in ((normalise_stage, _stage_of), (normalise_status, _status_of)):
            pd.testing.assert_series_equal(normalise(text), python_by_distinct(text, classify))


def test_the_whitespace_set_is_pythons_and_arrows():
    chars = [chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF]
    python = {c for c in chars if c.isspace()}
    trimmed = pc.utf8_trim_whitespace(pa.array([c + "x" for c in chars])).to_pylist()
    arrow = {c for c, t in zip(chars, trimmed, strict=True) if t == "x"}
    assert set(parsing.WHITESPACE) == python == arrow
    spaced = pc.match_substring_regex(pa.array(chars), parsing.ANY_SPACE).to_pylist()
    assert {c for c, s in zip(chars, spaced, strict=True) if s} == python


# ---------------------------------------------------------------- the reader

cells = st.lists(st.sampled_from(list("ab1 ,;\t\u00a0\u3000\"'") + ["  x  ", ""]), max_size=6).map("".join)


@SETTINGS
@given(
    rows=st.lists(st.lists(cells, min_size=3, max_size=3), min_size=0, max_size=12),
    header=st.sampled_from(
        [["Client", "Amount", ""], [" Client ", "", "Note"], ["A", "A", "B"], ["", "", ""]]
    ),
)
def test_tidying_in_arrow_matches_pandas(rows, header):
    buf = io.StringIO()
    csv.writer(buf).writerows([header, *rows])
    table = loading.pa_csv.read_csv(
        io.BytesIO(buf.getvalue().encode()),
        read_options=loading.pa_csv.ReadOptions(autogenerate_column_names=True),
        parse_options=loading.pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=loading.pa_csv.ConvertOptions(
            column_types={f"f{i}": pa.large_string() for i in range(3)},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    try:
        expected: pd.DataFrame | str = pandas_tidy(table, "x.csv")
    except LoadError as exc:
        expected = str(exc)
    try:
        got: pd.DataFrame | str = loading._tidy_arrow([table], "x.csv")
    except LoadError as exc:
        got = str(exc)
    if isinstance(expected, str) or isinstance(got, str):
        assert got == expected
    else:
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
        assert list(got.columns) == list(expected.columns) and got.columns.dtype == object


def test_ragged_rows_are_named_in_file_order_in_a_file_of_several_blocks():
    line = b"C0000001,2024-01-01,1234.56,Won\n"
    lines = [b"Client,Date,Amount,Stage\n"] + [line] * 400_000  # ~13 MB: several 4 MiB blocks
    for n in (9, 150_000, 390_000):
        lines[n - 1] = f"C{n},2024-01-01,1,2,3\n".encode()  # physical line n (the header is line 1)
    with pytest.raises(LoadError) as info:
        read_table(b"".join(lines), "big.csv")
    assert (
        "3 rows do not have the 4 columns of the header (line 9, line 150000, line 390000: 5 values)"
        in str(info.value)
    )


boms = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf" * 3, b"\xff\xfe"])


@SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=40),
        st.builds(lambda bom, text: bom + text.encode("utf-8"), boms, st.text(max_size=40)),
        st.builds(
            lambda text, junk: text.encode("utf-8") + junk, st.text(max_size=20), st.binary(max_size=4)
        ),
    )
)
def test_a_utf8_file_is_passed_on_as_decode_reads_it(data):
    def outcome(read):
        try:
            return read()
        except LoadError as exc:
            return str(exc)

    def decoded():
        text, encoding = loading.decode(data, "x.csv")
        return text.encode("utf-8"), encoding

    assert outcome(lambda: loading._as_utf8(data, "x.csv")) == outcome(decoded)


@SETTINGS
@given(cells=st.one_of(st.lists(st.text(max_size=6)), st.lists(st.text("aZ1-.~ \t\x7f", max_size=4))))
def test_a_column_is_left_as_it_is_only_when_no_cell_needs_trimming(cells):
    column = pa.chunked_array([pa.array(cells, type=pa.large_string())])
    assert loading._stripped(column).equals(pc.utf8_trim_whitespace(column))


@pytest.mark.parametrize("quote", ["", '"'])
def test_a_row_longer_than_a_read_block_is_read(quote):
    note = "x" * (loading._BLOCK_BYTES + 1000)
    data = f"Client,Amount,Note\nA,1,{quote}{note}{quote}\nB,2,y\n".encode()
    frame = read_table(data, "long.csv").frame
    assert frame["Note"].tolist() == [note, "y"] and frame["Amount"].tolist() == ["1", "2"]


# ---------------------------------------------------------------- end to end, shortcuts on and off

SEPARATORS = [",", ";", "\t", "|"]
STYLES = {
    "plain": lambda v: f"{v:.2f}",
    "comma": lambda v: f"{v:.2f}".replace(".", ","),
    "three": lambda v: f"{v:.3f}",
    "english": lambda v: f"{v:,.2f}",
    "french": lambda v: f"{v:,.2f}".replace(",", "\u202f").replace(".", ",") + " €",
}
client_ids = st.one_of(
    st.sampled_from(["A", "00042", " 00042 ", "Acme\u00a0 SA", "N/A", "", "nan", "B b"]), identifiers
)
amounts = st.one_of(st.floats(min_value=-1e6, max_value=1e7, allow_nan=False), st.just(0.0))
dates = st.sampled_from(["2024-03-01", "01/02/2024", "25/12/2023", "", "someday", "2024-13-01"])
stages = st.sampled_from(["Won", "Lost", "Open", "", "Gagnée", "closedwon"])


def export(rows, sep: str, style: str, messy: list[str]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep)
    writer.writerow(["Client", "Date", "Amount", "Stage"])
    for i, (client, amount, date, stage) in enumerate(rows):
        text = messy[i % len(messy)] if messy and i % 3 == 0 else STYLES[style](amount)
        writer.writerow([client, date, text, stage])
    return buf.getvalue().encode("utf-8")


def load(data: bytes):
    try:
        portfolio, report = build_portfolio([read_table(data, "export.csv")])
    except LoadError as exc:
        return str(exc)
    return portfolio, report


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(client_ids, amounts, dates, stages), min_size=1, max_size=25),
    sep=st.sampled_from(SEPARATORS),
    style=st.sampled_from(sorted(STYLES)),
    messy=st.lists(messy_numbers, max_size=3),
)
def test_a_whole_load_is_the_same_with_the_shortcuts_turned_off(rows, sep, style, messy):
    data = export(rows, sep, style, messy)
    fast = load(data)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(parsing, "_PLAIN_CHARS", 0)  # no value is plain: every number takes the general path
        mp.setattr(ingest, "clean_ids", general_ids)  # every identifier is cleaned by the regex
        mp.setattr(loading, "_tidy_arrow", lambda read, name: pandas_tidy(read.pop(), name))
        mp.setattr(ingest, "WORKERS", 1)
        slow = load(data)
    if isinstance(fast, str) or isinstance(slow, str):
        assert fast == slow
        return
    (p, r), (q, s) = fast, slow
    for a, b in ((p.clients, q.clients), (p.transactions, q.transactions), (p.activities, q.activities)):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    pd.testing.assert_frame_equal(r.rejected, s.rejected, check_exact=True)
    assert r.tables == s.tables
    pd.testing.assert_series_equal(p.values(), q.values(), check_exact=True)
    # the loader's per-client totals are the ones values() adds up from the transactions
    recomputed = dataclasses.replace(p)  # without the loader's totals
    assert recomputed.won_revenue is None and p.won_revenue is not None
    for scope in (False, True):
        got, expected = p.values(include_inactive=scope), recomputed.values(include_inactive=scope)
        pd.testing.assert_series_equal(got, expected, check_exact=True)
