"""The engine's per-client totals (portfolio_core/engine/aggregate.py) against the pandas path."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import ibis
import pandas as pd
import pytest

from portfolio_core.analysis.kpis import kpi_summary, win_rates
from portfolio_core.engine.aggregate import TextNumbersError, load_source
from portfolio_core.ingest.files import load_paths
from portfolio_core.ingest.loading import LoadError
from tests.conftest import ROOT

DEALS = pd.DataFrame(
    {
        "Client": [
            "Acme",
            " Acme ",
            "Bolt\u00a0 SA",
            "Bolt SA",
            "",
            "n/a",
            "Core",
            "Core",
            "Dune",
            "Dune",
            "Echo",
        ],
        "Amount": [100.0, 50.0, 30.0, 20.0, 999.0, 999.0, 10.0, None, 5.0, 1e16, 7.0],
        "Stage": [
            "Closed Won",
            "Gagnée",
            "Lost",
            "Paid",
            "Won",
            "Won",
            "Proposal",
            "Won",
            "Perdu",
            "Won",
            None,
        ],
        "Status": ["Client", "", "Client", "Client", "", "", "Prospect", "", "Ancien client", "", "Client"],
    }
)


@pytest.fixture()
def deals_files(tmp_path):
    csv = tmp_path / "deals.csv"
    DEALS.to_csv(csv, index=False)
    parquet = tmp_path / "deals.parquet"
    DEALS.to_parquet(parquet, index=False)
    return csv, parquet


def test_totals_stages_and_scope_as_the_pandas_path(deals_files):
    csv, parquet = deals_files
    engine, report = load_source(str(parquet))
    # by hand: Acme 100 + 50 (both won), "Bolt SA" once cleaned: 20 won and 30 lost, Core open 10
    # (its won row has no amount), Dune 5 lost (1e16 is not plausible), Echo 7 won (no stage: a sale)
    assert engine.values(include_inactive=True).to_dict() == {
        "Acme": 150.0, "Bolt SA": 20.0, "Core": 0.0, "Dune": 0.0, "Echo": 7.0
    }  # fmt: skip
    assert engine.clients["status"].to_dict() == {
        "Acme": "active", "Bolt SA": "active", "Core": "prospect", "Dune": "former", "Echo": "active"
    }  # fmt: skip
    pandas_path, _ = load_paths(str(csv))
    assert engine.values().sort_index().to_dict() == pandas_path.values().sort_index().to_dict()
    assert kpi_summary(engine, engine.values()) == kpi_summary(pandas_path, pandas_path.values())
    assert kpi_summary(engine, engine.values())["win_rate"] == 4 / 6  # won: 2 Acme, 1 Bolt, Echo
    pd.testing.assert_frame_equal(win_rates(engine), win_rates(pandas_path))
    assert report.tables[0].mapping["stage"] == "Stage"


def test_days_keep_each_dated_sale_day(tmp_path):
    frame = pd.DataFrame(
        {
            "client": ["a", "a", "a", "b"],
            "amount": [1.0, 2.0, 4.0, 8.0],
            "date": pd.to_datetime(
                ["2024-01-01 09:00", "2024-01-01 17:00", "2024-02-01 00:00", "2024-03-01 00:00"]
            ),
        }
    )
    frame.to_parquet(tmp_path / "s.parquet")
    p, _ = load_source(str(tmp_path / "s.parquet"), days=True)
    assert p.transactions[["client", "amount", "deals"]].values.tolist() == [
        ["a", 3.0, 2],
        ["a", 4.0, 1],
        ["b", 8.0, 1],
    ]
    assert p.transactions["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-01-01",
        "2024-02-01",
        "2024-03-01",
    ]


def test_map_overrides_a_recognised_role(tmp_path):
    frame = pd.DataFrame({"Client": ["a", "b"], "Amount": [1.0, 2.0], "Net": [10.0, 30.0]})
    frame.to_parquet(tmp_path / "m.parquet")
    p, report = load_source(str(tmp_path / "m.parquet"), mapping={"amount": "Net"})
    assert p.values().to_dict() == {"a": 10.0, "b": 30.0}
    with pytest.raises(LoadError, match="no column “Nett”"):
        load_source(str(tmp_path / "m.parquet"), mapping={"amount": "Nett"})


def test_text_amounts_are_refused_not_misread(tmp_path):
    pd.DataFrame({"Client": ["a"], "Montant": ["1 234,56"]}).to_parquet(tmp_path / "fr.parquet")
    with pytest.raises(TextNumbersError, match="“Montant” holds text"):
        load_source(str(tmp_path / "fr.parquet"))


def test_duckdb_database_and_no_won_deal(tmp_path):
    path = tmp_path / "crm.db"
    con = ibis.duckdb.connect(str(path))
    con.create_table(
        "deals", pd.DataFrame({"client": ["a", "b"], "amount": [5.0, 1.0], "stage": ["Lost"] * 2})
    )
    con.disconnect()
    with pytest.raises(LoadError, match="None of the 2 deals is won"):
        load_source(f"duckdb:///{path}", table="deals")


def test_views_can_be_created_and_dropped():
    """sqlglot 30.20+ compiles Ibis 12's drop_view to "DROP VIEW IF EXISTS" without a name (the pin)."""
    con = ibis.duckdb.connect()
    con.create_view("v", ibis.memtable({"x": [1]}))
    assert con.table("v").count().execute() == 1
    con.drop_view("v")
    with pytest.raises(Exception, match="v"):
        con.table("v")


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "portfolio_core", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_cli_summary_of_parquet_and_duckdb_table_as_of_the_csv(deals_files, tmp_path):
    csv, parquet = deals_files
    db = tmp_path / "crm.db"
    con = ibis.duckdb.connect(str(db))
    con.create_table("deals", DEALS)
    con.disconnect()
    runs = [
        cli("summary", str(csv), "--json"),
        cli("summary", str(parquet), "--json"),
        cli("summary", f"duckdb:///{db}", "--table", "deals", "--json"),
        cli("summary", str(csv), "--engine", "--json"),
    ]
    assert [r.returncode for r in runs] == [0] * 4, [r.stderr for r in runs]
    data = [json.loads(r.stdout) for r in runs]
    assert data[0] == data[1] == data[2] == data[3]
    assert data[0]["clients"] == 3 and data[0]["total_revenue"] == 177.0  # Acme, Bolt SA, Echo
    assert data[0]["win_rate"] == 4 / 6


def test_cli_map_names_a_role_on_both_paths(tmp_path):
    frame = pd.DataFrame({"Client": ["a", "b"], "Amount": [1.0, 2.0], "Net": [10.0, 30.0]})
    frame.to_csv(tmp_path / "m.csv", index=False)
    frame.to_parquet(tmp_path / "m.parquet")
    for path in ("m.csv", "m.parquet"):
        result = cli("summary", str(tmp_path / path), "--map", "amount=Net", "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["total_revenue"] == 40.0
    bad = cli("summary", str(tmp_path / "m.parquet"), "--map", "amout=Net")
    assert bad.returncode == 2 and bad.stderr.startswith("error: --map amout=…: unknown role")


def test_cli_refuses_a_database_without_table_and_files_beside_a_source(tmp_path):
    pd.DataFrame({"Client": ["a"], "Amount": [1.0]}).to_parquet(tmp_path / "x.parquet")
    con = duckdb.connect(str(tmp_path / "x.db"))
    con.sql(
        "CREATE TABLE deals (client TEXT, amount DOUBLE); CREATE TABLE notes (client TEXT, amount DOUBLE)"
    )
    con.close()
    no_table = cli("summary", f"duckdb:///{tmp_path / 'x.db'}")
    assert no_table.returncode == 2 and "Name the table to read" in no_table.stderr
    assert "deals, notes" in no_table.stderr
    two = cli("summary", str(tmp_path / "x.parquet"), str(tmp_path / "x.parquet"))
    assert two.returncode == 2 and "analysed alone" in two.stderr


def test_cli_report_of_a_parquet_file_reads_the_sales_days(tmp_path):
    frame = pd.DataFrame(
        {
            "Client": ["a", "a", "b", "c"],
            "Amount": [10.0, 20.0, 5.0, 1.0],
            "Date": pd.to_datetime(["2024-01-05", "2024-03-05", "2024-02-01", "2024-02-02"]),
            "Stage": ["Won", "Won", "Won", "Lost"],
        }
    )
    frame.to_parquet(tmp_path / "d.parquet")
    p, _ = load_source(str(tmp_path / "d.parquet"), days=True)
    assert p.has("date") and p.transactions["date"].max() == pd.Timestamp("2024-03-05")
    result = cli("report", str(tmp_path / "d.parquet"), "--xlsx", str(tmp_path / "r.xlsx"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.xlsx").stat().st_size > 0
