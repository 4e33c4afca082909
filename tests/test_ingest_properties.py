"""Property tests: generated tables survive every separator, encoding and number format.

A table of (client, amount) rows is written as an export would write it, read back through
read_table + build_portfolio, and must give the same per-client totals (computed with Decimal).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from portfolio_core import build_portfolio, read_table
from portfolio_core.ingest.build import clean_ids

SEPARATORS = [",", ";", "\t", "|"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
SPACES = {"space": " ", "nbsp": "\u00a0", "nnbsp": "\u202f"}


def fmt(value: Decimal, style: str, space: str) -> str:
    """Write an amount the way accountants and CRMs do."""
    sign = "-" if value < 0 else ""
    plain = f"{abs(value):.2f}"
    grouped = f"{abs(value):,.2f}"
    if style == "plain":
        return sign + plain
    if style == "english":  # 1,234.56
        return sign + grouped
    if style == "dollar":  # $1,234.56, credit notes in brackets
        return f"(${grouped})" if sign else f"${grouped}"
    if style == "french":  # 1 234,56 € with any space
        text = grouped.replace(",", space).replace(".", ",")
        return f"{sign}{text}{space}€" if space != " " or sign else f"{text} €"
    if style == "german":  # 1.234,56
        return sign + grouped.replace(",", "_").replace(".", ",").replace("_", ".")
    if style == "comma_plain":  # -120,00
        return sign + plain.replace(".", ",")
    raise AssertionError(style)


STYLES = ["plain", "english", "dollar", "french", "german", "comma_plain"]
name_chars = st.sampled_from(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèçàÉôü0123456789 ,;|'\"&-."
)
client_ids = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZÉ0"),
    st.text(name_chars, min_size=2, max_size=12),
)
amounts = st.decimals(min_value=Decimal("-99999.99"), max_value=Decimal("9999999.99"), places=2)
rows = st.lists(st.tuples(client_ids, amounts), min_size=1, max_size=25)


def encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=rows,
    sep=st.sampled_from(SEPARATORS),
    encoding=st.sampled_from(ENCODINGS),
    style=st.sampled_from(STYLES),
    space=st.sampled_from(list(SPACES.values())),
    header=st.sampled_from([("Client", "Amount"), ("Société", "Montant HT"), ("Customer ID", "Revenue")]),
)
def test_round_trip_gives_the_same_totals(data, sep, encoding, style, space, header):
    expected: dict[str, Decimal] = defaultdict(Decimal)
    for client, amount in data:
        key = clean_ids(__import__("pandas").Series([client]))[0]
        expected[key] += amount
    assume(any(v > 0 for v in expected.values()))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows((client, fmt(amount, style, space)) for client, amount in data)
    text = buf.getvalue()
    assume(encodable(text, encoding))

    table = read_table(text.encode(encoding), "export.csv")
    portfolio, report = build_portfolio([table])

    assert table.separator == sep
    assert report.rejected_count == 0
    got = portfolio.won().groupby("client")["amount"].sum().to_dict()
    assert set(got) == set(expected)
    for client, total in expected.items():
        assert got[client] == pytest.approx(float(total), abs=0.005)


@settings(max_examples=40, deadline=None)
@given(data=rows, sep=st.sampled_from(SEPARATORS), style=st.sampled_from(STYLES))
def test_row_order_does_not_change_the_totals(data, sep, style):
    def load(rows_: list) -> dict:
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=sep)
        writer.writerow(("Client", "Amount"))
        writer.writerows((c, fmt(a, style, " ")) for c, a in rows_)
        portfolio, _ = build_portfolio([read_table(buf.getvalue().encode(), "x.csv")])
        return portfolio.won().groupby("client")["amount"].sum().round(2).to_dict()

    totals = defaultdict(Decimal)
    for c, a in data:
        totals[c.strip()] += a
    assume(any(v > 0 for v in totals.values()))
    assert load(data) == load(list(reversed(data)))
