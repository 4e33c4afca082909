"""CSV downloads and the CLI's CSV never hand a spreadsheet a formula (OWASP CSV injection)."""

import csv
import io
import subprocess
import sys

import pandas as pd

from portfolio_core.report.csvsafe import neutralise, neutralise_cell, to_csv
from tests.conftest import ROOT

HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+cmd", "@SUM(1)", "-2+3", "\tTab", "\rCR"]


def rows(text: str, sep: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=sep))


def test_text_cells_starting_like_a_formula_get_a_quote_and_others_do_not():
    assert [neutralise_cell(v) for v in HOSTILE] == [
        '\'=HYPERLINK("http://evil.example","click")',
        "'+cmd",
        "'@SUM(1)",
        "'-2+3",
        "'\tTab",
        "'\rCR",
    ]
    # Plain text, text with a formula sign inside, numbers (negative too) and missing values are kept.
    for value in ["Acme", "Smith-Jones", "a=b", "", -3, -2.5, 0, None]:
        assert neutralise_cell(value) == value


def test_a_table_keeps_its_negative_numbers_as_numbers_and_quotes_hostile_names():
    frame = pd.DataFrame(
        {"client": ["=1+1", "Acme", "-2+3"], "profit": [-1500.0, 20.0, -3.0], "orders": [-1, 2, 3]}
    )
    written = rows(to_csv(frame, index=False))
    assert written == [
        ["client", "profit", "orders"],
        ["'=1+1", "-1500.0", "-1"],
        ["Acme", "20.0", "2"],
        ["'-2+3", "-3.0", "3"],
    ]
    assert frame["client"].tolist() == ["=1+1", "Acme", "-2+3"]  # the input is not modified


def test_row_labels_headers_and_tab_or_cr_cells_are_neutralised_in_french_csv_too():
    frame = pd.DataFrame(
        {"@col": ["\tx", "\ry"], "amount": [-1.5, 2.25]}, index=pd.Index(["+a", "b"], name="ID")
    )
    text = to_csv(frame, sep=";", decimal=",")
    assert text.count("\r\n") == 3  # rows end in CRLF, so the CR inside a name stays in its cell
    written = rows(text, sep=";")
    assert written == [["ID", "'@col", "amount"], ["'+a", "'\tx", "-1,5"], ["b", "'\ry", "2,25"]]
    assert neutralise(frame)["amount"].dtype == "float64"


def test_cli_classify_out_writes_hostile_client_names_as_text(tmp_path):
    source = tmp_path / "clients.csv"
    source.write_text(
        'Client,Revenue\n"=HYPERLINK(""http://evil.example"",""x"")",500\n+cmd,300\n@SUM(1),150\n-2+3,50\n',
        encoding="utf-8",
    )
    out = tmp_path / "classes.csv"
    result = subprocess.run(
        [sys.executable, "-m", "portfolio_core", "classify", str(source), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    table = rows(out.read_text(encoding="utf-8"))
    # Total 1000; before(v) = 0, .5, .8, .95 -> A, A, B, C with the default 80 / 95 cut-offs.
    assert [(r[0], r[-1]) for r in table[1:]] == [
        ('\'=HYPERLINK("http://evil.example","x")', "A"),
        ("'+cmd", "A"),
        ("'@SUM(1)", "B"),
        ("'-2+3", "C"),
    ]
    assert table[0] == ["client", "rank", "value", "share", "cumulative_share", "class"]
    assert [float(r[2]) for r in table[1:]] == [500.0, 300.0, 150.0, 50.0]
