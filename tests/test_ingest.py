"""Unit tests of the ingestion: parsing, recognition, mapping overrides, limits, Excel sheets, speed."""

from __future__ import annotations

import io
import time

import numpy as np
import pandas as pd
import pytest

from portfolio_core import build_portfolio, read_table
from portfolio_core.ingest.build import MissingRoleError, guess_mapping
from portfolio_core.ingest.columns import recognise
from portfolio_core.ingest.files import load_paths
from portfolio_core.ingest.loading import LoadError, RawTable, decode, sniff_separator
from portfolio_core.ingest.parsing import currency_of, parse_dates, parse_hours, parse_numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234.56", 1234.56),
        ("1,234.56", 1234.56),
        ("1 234,56", 1234.56),
        ("1.234,56", 1234.56),
        ("1 234,56 €", 1234.56),
        ("1\u00a0234,56\u00a0€", 1234.56),
        ("1\u202f234,56 €", 1234.56),
        ("$1,234.56", 1234.56),
        ("(120.00)", -120.0),
        ("-120,00", -120.0),
        ("120.00-", -120.0),
        ("\u2212120", -120.0),
        ("EUR 12", 12.0),
    ],
)
def test_numbers_as_accountants_write_them(text, value):
    assert parse_numbers(pd.Series([text])).iloc[0] == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "N/A", "n/a", "  ", "-"])
def test_blank_and_na_are_missing(text):
    assert np.isnan(parse_numbers(pd.Series([text, "1"])).iloc[0])


def test_a_french_file_reads_1_234_as_a_decimal_comma_only_when_ambiguous():
    assert parse_numbers(pd.Series(["1,234", "2,500"]), prefer_comma=True).tolist() == [1.234, 2.5]
    assert parse_numbers(pd.Series(["1,234", "2,500"])).tolist() == [1234.0, 2500.0]
    assert parse_numbers(pd.Series(["1.234", "12,5"]), prefer_comma=True).tolist() == [1234.0, 12.5]


def test_dates_keep_the_local_date_and_say_which_order_was_used():
    iso, fmt = parse_dates(pd.Series(["2024-03-01T00:30:00+02:00", "2024-03-02T23:00:00-05:00"]))
    assert fmt == "YYYY-MM-DD"
    assert iso.dt.strftime("%Y-%m-%d").tolist() == ["2024-03-01", "2024-03-02"]
    fr, fmt = parse_dates(pd.Series(["31/01/2024", "01/02/2024 09:15"]))
    assert fmt == "DD/MM/YYYY" and fr.dt.month.tolist() == [1, 2]
    us, fmt = parse_dates(pd.Series(["01/31/2024", "02/01/2024"]))
    assert fmt == "MM/DD/YYYY" and us.dt.day.tolist() == [31, 1]
    _, fmt = parse_dates(pd.Series(["01/02/2024"]))
    assert fmt == "DD/MM/YYYY (assumed)"


def test_durations():
    assert parse_hours(pd.Series(["1:30", "45 min", "2,5", "PT2H"])).tolist() == [1.5, 0.75, 2.5, 2.0]
    assert parse_hours(pd.Series(["90"]), minutes=True).tolist() == [1.5]


@pytest.mark.parametrize(
    "enc", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]
)
def test_encodings_are_detected(enc):
    text = "Société;Montant\nÉtoile Crème;1 234,56\nGarçon;12,00\n"
    decoded, _ = decode(text.encode(enc))
    assert decoded.replace("\r", "") == text


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_separators_are_detected_with_quotes_and_decimal_commas(sep):
    text = f'Client{sep}Montant{sep}Note\n"A{sep}B"{sep}"1,5"{sep}"x\ny"\nC{sep}"2,5"{sep}z\n'
    assert sniff_separator(text) == sep


def test_client_ids_stay_text_and_are_trimmed():
    raw = read_table(b"Client,Amount\n00042,1\n 00042 ,2\n42,4\n", "ids.csv")
    p, _ = build_portfolio([raw])
    assert p.values().to_dict() == {"00042": 3.0, "42": 4.0}


def test_crm_headers_are_recognised():
    assert recognise(
        ["Deal - Title", "Deal - Organization", "Deal - Value", "Deal - Status", "Deal - Stage"]
    ) == {
        "client": "Deal - Organization",
        "amount": "Deal - Value",
        "stage": "Deal - Status",
    }
    m = recognise(["Account Name", "Opportunity Name", "Amount", "Stage", "Close Date", "Opportunity Owner"])
    assert (m["client"], m["stage"], m["date"], m["account_manager"]) == (
        "Account Name", "Stage", "Close Date", "Opportunity Owner"
    )  # fmt: skip
    m = recognise(["Nom du client", "Montant TTC", "Montant HT", "Date de facture", "Commercial"])
    assert (m["amount"], m["date"]) == ("Montant HT", "Date de facture")


def test_a_deals_status_column_is_the_stage_and_a_client_type_is_the_status():
    deals = read_table(b"Company,Amount,Status\nA,10,Won\nB,5,Lost\nC,7,Open\n", "deals.csv")
    assert guess_mapping(deals)[1]["stage"] == "Status"
    accounts = read_table(b"Account Name,Type,Industry\nA,Customer,Retail\nB,Prospect,Retail\n", "acc.csv")
    kind, mapping = guess_mapping(accounts)
    assert kind == "clients" and mapping["status"] == "Type"


def test_a_mapping_override_is_applied():
    raw = read_table(b"Client,Revenue,Margin\nA,100,60\nB,50,10\n", "x.csv")
    p, report = build_portfolio([raw], mappings={"x.csv": {"client": "Client", "amount": "Margin"}})
    assert p.values().to_dict() == {"A": 60.0, "B": 10.0}
    assert report.tables[0].mapping == {"client": "Client", "amount": "Margin"}


def test_a_missing_required_role_asks_which_column():
    raw = read_table(b"Ref,Total du mois\nA,100\n", "x.csv")
    with pytest.raises(MissingRoleError) as info:
        build_portfolio([raw])
    assert info.value.role == "client" and info.value.file == "x.csv"
    p, _ = build_portfolio([raw], mappings={"x.csv": {"client": "Ref", "amount": "Total du mois"}})
    assert p.values().to_dict() == {"A": 100.0}


def test_the_validation_report_names_rows_columns_and_problems():
    raw = read_table(
        b"Client,Amount,Date\nA,100,2024-01-01\n,5,2024-01-02\nB,abc,2024-01-03\nC,7,someday\n", "x.csv"
    )
    p, report = build_portfolio([raw])
    r = report.rejected.set_index("row")
    assert r.loc[3, "problem"] == "client identifier is blank"
    assert (r.loc[4, "column"], r.loc[4, "value"]) == ("Amount", "abc")
    assert r.loc[5, "outcome"] == "row used without this value"
    assert report.rejected_count == 2 and report.flagged_count == 1
    assert p.values().to_dict() == {"A": 100.0, "C": 7.0}


def test_build_portfolio_does_not_mutate_its_input():
    raw = read_table("Société;CA\n A ;1 234,56\nB;2\n".encode("cp1252"), "x.csv")
    before = raw.frame.copy()
    build_portfolio([raw])
    pd.testing.assert_frame_equal(raw.frame, before)


def test_files_over_the_limit_are_refused(tmp_path):
    data = b"Client,Amount\n" + b"A,1\n" * 100
    with pytest.raises(LoadError, match="over the"):
        read_table(data, "big.csv", max_bytes=100)
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    with pytest.raises(LoadError, match="over the 0 MB limit"):
        load_paths([str(path)], max_bytes=100)


def test_excel_sheet_picker():
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Empty"
    one = book.create_sheet("2023")
    one.append(["Client", "CA"])
    one.append(["A", 10])
    two = book.create_sheet("2024")
    two.append(["Client", "CA"])
    two.append(["B", 20.5])
    buf = io.BytesIO()
    book.save(buf)
    first = read_table(buf.getvalue(), "book.xlsx")
    assert (first.sheet, first.sheets) == ("2023", ("Empty", "2023", "2024"))
    second = read_table(buf.getvalue(), "book.xlsx", sheet="2024")
    assert build_portfolio([second])[0].values().to_dict() == {"B": 20.5}
    with pytest.raises(LoadError, match="no sheet"):
        read_table(buf.getvalue(), "book.xlsx", sheet="2025")


def test_a_million_rows_load_in_seconds():
    n = 1_000_000
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "Code client": pd.Series(rng.integers(0, 50_000, n)).map("C{:05d}".format),
            "Date": pd.Series(rng.integers(1, 28, n)).map("{:02d}/03/2024".format),
            "Montant": pd.Series(rng.integers(1, 10**7, n) / 100).map("{:.2f}".format).str.replace(".", ","),
        }
    )
    data = frame.to_csv(sep=";", index=False).encode("cp1252")
    start = time.perf_counter()
    portfolio, report = build_portfolio([read_table(data, "big.csv")])
    elapsed = time.perf_counter() - start
    assert len(portfolio.transactions) == n and report.rejected_count == 0
    assert elapsed < 30  # typically ~4 s; generous for shared CI machines


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        ("Montant", ["1 234,56 €", "12 €"], "EUR"),
        ("Amount (USD)", ["1,234.56"], "USD"),
        ("Amount", ["£1,234", "£12"], "GBP"),
        ("Montant HT", ["1 234,56 CHF"], "CHF"),
        ("Amount", ["$3", "4 EUR"], None),  # two currencies: none is shown rather than a wrong one
        ("Chiffre d'affaires", ["1234,56"], None),
        ("Europe sales", ["12"], None),  # "eur" inside a word is no currency
    ],
)
def test_the_currency_is_read_from_the_amounts_or_their_header(header, cells, expected):
    assert currency_of(header, pd.Series(cells)) == expected


def test_a_portfolio_keeps_the_currency_of_its_amounts():
    frame = pd.DataFrame({"Client": ["A", "B"], "Montant": ["1 234,56 €", "5 €"]})
    table = RawTable("ventes.csv", frame, separator=";")
    portfolio, _ = build_portfolio([table])
    assert portfolio.currency == "EUR"
    assert portfolio.values().to_dict() == {"A": 1234.56, "B": 5.0}
