"""The command line: the JSON contract, the classify output, errors without tracebacks."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import ROOT, SMALL_CSV

CSV = SMALL_CSV.decode()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "portfolio_core", *args], cwd=ROOT, capture_output=True, text=True
    )


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_summary_json_has_exactly_the_published_keys(small):
    result = cli("summary", str(small), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"clients", "total_revenue", "classes"} <= set(data)
    assert data["clients"] == 10 and data["total_revenue"] == 1000.0
    # before = 0, .5, .7 | .8, .88, .93 | .96, .98, .99, .996 -> 3 / 3 / 4 clients
    assert {c: v["clients"] for c, v in data["classes"].items()} == {"A": 3, "B": 3, "C": 4}
    assert data["classes"]["A"] == {"clients": 3, "revenue": 800.0, "revenue_share": 0.8}
    assert data["classes"]["B"]["revenue"] == 160.0
    assert data["classes"]["C"]["revenue_share"] == pytest.approx(0.04)


def test_summary_json_has_the_kpis(small):
    data = json.loads(cli("summary", str(small), "--json").stdout)
    c = data["concentration"]
    assert (c["top1_share"], c["top10_share"], c["top20pct_share"]) == (0.5, 1.0, 0.7)  # 500, all, 500+200
    # shares .5 .2 .1 .08 .05 .03 .02 .01 .006 .004: sum of squares
    assert c["hhi"] == pytest.approx(0.310352)
    # ascending 4 6 10 20 30 50 80 100 200 500 with weights 2i-n-1 = -9..9 step 2: 6472 / (10 x 1000)
    assert c["gini"] == pytest.approx(0.6472)
    assert "win_rate" not in data  # no deal stages in a client table
    cut = data["suggested_cutoffs"]
    assert isinstance(cut["a"], int) and 0 < cut["a"] < cut["b"] <= 100


def test_win_rate_counts_won_against_lost(tmp_path):
    path = tmp_path / "deals.csv"
    path.write_text(
        "Client,Amount,Stage\nA,100,Won\nA,50,Lost\nB,80,Won\nB,20,Open\nC,10,Lost\nC,30,Won\n",
        encoding="utf-8",
    )
    # won 3, lost 2, open deals do not count: 3 / 5
    assert json.loads(cli("summary", str(path), "--json").stdout)["win_rate"] == pytest.approx(0.6)


def test_summary_cutoffs_move_clients(small):
    data = json.loads(cli("summary", str(small), "--a", "60", "--b", "90", "--json").stdout)
    # a=.6: A = 500, 200 (before .5); b=.9: B = 100, 80, 50 (before .7, .8, .88)
    assert {c: v["clients"] for c, v in data["classes"].items()} == {"A": 2, "B": 3, "C": 5}


def test_classify_writes_one_row_per_client_with_its_class(small, tmp_path):
    out = tmp_path / "classes.csv"
    assert cli("classify", str(small), "--out", str(out)).returncode == 0
    table = pd.read_csv(out, dtype={"client": str})
    assert len(table) == 10
    assert table.set_index("client")["class"].to_dict()["Delta"] == "B"
    assert table.set_index("client")["class"].to_dict()["Kappa"] == "C"


@pytest.mark.parametrize(
    "content, args, expected",
    [
        (None, ["summary", "missing.csv"], "cannot read"),
        ("Client,Revenue\n", ["summary"], "header"),
        ("Client,Revenue\nA,0\nB,-5\n", ["summary"], "No positive amount"),
        ("Name,Colour\nA,red\n", ["summary"], "column"),
        (CSV, ["summary", "--a", "95", "--b", "90"], "cut-offs"),
    ],
)
def test_bad_input_gives_one_error_line_and_status_2(tmp_path, content, args, expected):
    if content is not None:
        path = tmp_path / "in.csv"
        path.write_text(content, encoding="utf-8")
        args = [args[0], str(path), *args[1:]]
    result = cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    assert expected.lower() in lines[0].lower()
    assert "Traceback" not in result.stderr


def test_summary_json_names_the_currency_of_the_amounts(small, tmp_path):
    assert json.loads(cli("summary", str(small), "--json").stdout)["currency"] is None  # plain numbers
    euros = tmp_path / "ventes.csv"
    euros.write_text("Client;Montant\nAcme;1 234,56 €\nBeta;12,00 €\n", encoding="utf-8")
    data = json.loads(cli("summary", str(euros), "--json").stdout)
    assert data["currency"] == "EUR" and data["total_revenue"] == pytest.approx(1246.56)


def test_summary_json_gains_retention_when_the_sales_are_dated(tmp_path, small):
    path = tmp_path / "invoices.csv"
    path.write_text(
        "Client,Date,Amount\na,2023-03-01,100\na,2024-03-01,150\nb,2023-12-31,200\nb,2024-06-01,120\n"
        "c,2023-05-01,50\nd,2024-12-31,70\n",
        encoding="utf-8",
    )
    data = json.loads(cli("summary", str(path), "--json").stdout)
    # the 12 months to 2024-12-31 against 2023: a, b, c sold 350 in 2023 and 270 in 2024 (d is new)
    assert data["retention"]["nrr"] == pytest.approx(270 / 350)
    assert data["retention"]["grr"] == pytest.approx((100 + 120 + 0) / 350)
    assert "predicted_revenue_12m" not in data  # 4 buyers: too few for the models
    assert "retention" not in json.loads(cli("summary", str(small), "--json").stdout)  # no dates
