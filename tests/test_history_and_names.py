"""Issue #13, items 9 and 10: the user's own column names everywhere, and a short or missing history
said plainly. Expected values are computed by hand from the corpus files (tests/data/corpus/)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from portfolio_core.analysis.actions import recommend
from portfolio_core.analysis.segments import longest_migration_period
from portfolio_core.i18n import Translator
from portfolio_core.ingest.files import load_paths
from portfolio_core.ingest.portfolio import Portfolio
from portfolio_core.report.words import action_words
from tests.conftest import open_tab, shown
from tests.test_cli import cli

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
# X monthly 15 Jan - 15 Dec 2024 (100 each), Y quarterly 50, Z in December 100
TWELVE = CORPUS / "a27_twelve_months.csv"
SEGMENT = CORPUS / "a29_segment_header.csv"  # Client,Segment,Amount: Acme Corporate 500, Beta SMB 300,
# Gamma Corporate 150, Delta SMB 50 (total 1000). before: Acme 0 -> A, Beta .5 -> A, Gamma .8 -> B,
# Delta .95 -> C; Corporate keeps Acme (A, 500) and Gamma (B, 150): 2 clients, 650.


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def upload(at, path: Path) -> None:
    at.get("file_uploader")[0].set_value((path.name, path.read_bytes(), "text/csv")).run()
    assert not at.exception and not at.error


def class_metrics(at) -> dict:
    return {k: v for k, v in metrics(at).items() if k in ("A clients", "B clients", "C clients")}


# --- item 10: empty history said plainly ---------------------------------------------------------


def test_twelve_months_of_sales_fit_two_periods_of_six_months_not_twelve():
    portfolio, _ = load_paths([str(TWELVE)])
    end = pd.Timestamp("2024-12-16")  # the day after the last sale (15 Dec 2024)
    # 12-month periods would start on 16 Dec 2022: the first sale (15 Jan 2024) is a year later.
    # 6-month periods start on 16 Dec 2023; the first sale is within a month of it -> 6 fits;
    # 7-month periods start on 16 Oct 2023: 15 Jan 2024 is past 16 Nov 2023 -> does not fit.
    assert longest_migration_period(portfolio.transactions, end) == 6
    undated = pd.DataFrame({"client": ["x"], "amount": [1.0]})
    assert longest_migration_period(undated, end) == 0


def test_migration_over_a_twelve_month_file_says_there_is_not_enough_history(app):
    app.run()
    upload(app, TWELVE)
    app.switch_page("pages/segments.py").run()
    open_tab(app, "Class migration")
    assert not app.exception and not app.error
    said = " ".join(shown(i.value) for i in app.info)
    assert "Not enough history to compare two periods of 12 months" in said
    assert "Periods of up to 6 months fit" in said
    assert not any("dropped a class" in shown(m.value) for m in app.markdown)  # no grid of "new" clients
    app.slider(key="migration_months").set_value(6).run()
    assert not any("Not enough history" in shown(i.value) for i in app.info)
    # earlier half (16 Dec 2023 - 15 Jun 2024): X 600 A, Y 100 B (before 600/700 = .86);
    # later half: X 600 A, Y 100 and Z 100 both A (before 600/800 = .75): nobody dropped a class
    assert any("0 clients dropped a class" in shown(m.value) for m in app.markdown)


def test_dates_on_lost_deals_only_are_no_sales_history(app):
    csv = b"Client,Amount,Stage,Close date\nA,100,Won,\nB,60,Won,\nC,50,Lost,2024-01-01\n"
    app.run()
    app.get("file_uploader")[0].set_value(("deals.csv", csv, "text/csv")).run()
    app.switch_page("pages/segments.py").run()
    open_tab(app, "Class migration")
    assert not app.exception and not app.error
    assert any("Needs dated sales" in shown(i.value) for i in app.info)
    assert not any("Not enough history" in shown(i.value) for i in app.info)


def test_a_dateless_client_card_does_not_say_bought_in_0_years(app):
    app.run()
    upload(app, CORPUS / "a01_comma_utf8.csv")  # Acme 500, Beta 300, Gamma 200: no date column
    app.switch_page("pages/clients.py").run()
    app.session_state["client_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()  # the first row of the list sorted by revenue: Acme
    assert not app.exception and not app.error
    assert [h.value for h in app.header] == ["Acme"]
    advice = shown(app.success[0].value)
    assert "50.0% of revenue." in advice  # 500 / 1000
    assert "year" not in advice
    assert any("Needs dated sales to show the class over time" in shown(i.value) for i in app.info)
    assert (metrics(app)["Hours"], metrics(app)["Profit after cost to serve"]) == ("—", "—")  # no log


def test_a_c_client_card_without_an_activity_log_says_so_instead_of_0_hours(app):
    app.run()
    upload(app, SEGMENT)
    app.switch_page("pages/clients.py").run()
    app.session_state["client_table"] = {"selection": {"rows": [3], "columns": [], "cells": []}}
    app.run()  # the last of the four by revenue: Delta, 50, class C (before .95)
    assert [h.value for h in app.header] == ["Delta"]
    assert metrics(app)["Class"] == "C"
    advice = shown(app.success[0].value)
    assert "5.0% of revenue; no activity log to weigh the time it takes" in advice  # 50 / 1000
    assert " h of effort" not in advice


def test_the_years_a_client_bought_are_counted_only_from_dated_sales():
    clients = pd.DataFrame({"status": ["active", "active"]}, index=pd.Index(["x", "y"], name="client"))
    sales = pd.DataFrame(
        {
            "client": ["x", "x", "y"],
            "amount": [150.0, 150.0, 100.0],
            "date": pd.to_datetime(["2023-05-01", "2024-05-01", None]),
        }
    )
    table = pd.DataFrame(
        {
            "revenue": [300.0, 100.0], "margin": [300.0, 100.0], "hours": [0.0, 0.0],
            "profit": [300.0, 100.0], "abc_class": ["A", "A"], "quadrant": ["Keep", "Keep"],
        },
        index=["x", "y"],
    )  # fmt: skip
    codes = recommend(table, Portfolio(clients, sales))
    reasons = action_words(codes, Translator("en"))["reason"]
    assert reasons["x"] == "75.0% of revenue, bought in 2 years"  # 300 / 400; 2023 and 2024
    assert reasons["y"] == "25.0% of revenue"  # 100 / 400, undated: no count of years
    french = action_words(codes, Translator("fr"))["reason"].str.replace("\u00a0", " ")
    assert french["x"] == "75,0 % du chiffre d'affaires, achats sur 2 ans"


def test_a_c_clients_effort_is_weighed_against_its_revenue_when_there_is_no_margin():
    clients = pd.DataFrame({"status": ["active", "active"]}, index=pd.Index(["x", "y"], name="client"))
    sales = pd.DataFrame({"client": ["x", "y"], "amount": [380.0, 20.0]})
    log = pd.DataFrame(
        {"client": ["y"], "date": pd.to_datetime(["2024-01-01"]), "type": ["call"], "hours": [2.0]}
    )
    table = pd.DataFrame(
        {
            "revenue": [380.0, 20.0], "margin": [380.0, 20.0], "hours": [0.0, 2.0],
            "profit": [380.0, -100.0], "abc_class": ["A", "C"], "quadrant": ["Develop", "Reconsider"],
        },
        index=["x", "y"],
    )  # fmt: skip
    reasons = action_words(recommend(table, Portfolio(clients, sales, log)), Translator("en"))["reason"]
    assert reasons["y"] == "2.0 h of effort for 20 of revenue"  # not "of margin": there is none


# --- item 9: the file's own column names ------------------------------------------------------


@pytest.mark.parametrize("name", ["Segment", "segment", "SEGMENT", "sector"])
def test_cli_filters_by_the_files_own_header_or_the_canonical_name(name):
    result = cli("summary", str(SEGMENT), "--segment", f"{name}=Corporate", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["clients"], summary["total_revenue"]) == (2, 650.0)  # Acme 500 + Gamma 150
    assert {c: v["clients"] for c, v in summary["classes"].items()} == {"A": 1, "B": 1, "C": 0}


def test_cli_names_the_files_own_columns_when_a_filter_is_wrong():
    bad = cli("summary", str(SEGMENT), "--segment", "Industry=Corporate")
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    assert "one of the columns Segment" in bad.stderr
    wrong_value = cli("summary", str(SEGMENT), "--segment", "Segment=Public")
    assert "no client has Segment = 'Public'" in wrong_value.stderr


def test_the_sidebar_and_the_url_use_the_files_own_column_name(app):
    app.run()
    upload(app, SEGMENT)
    app.switch_page("pages/abc.py").run()
    box = app.multiselect(key="w_f_sector")
    assert box.label == "Segment"  # the header of the file, not the app's "Sector"
    box.set_value(["Corporate"]).run()
    assert class_metrics(app) == {"A clients": "1", "B clients": "1", "C clients": "0"}  # Acme A, Gamma B
    assert app.query_params["f.Segment"] in (["Corporate"], "Corporate")
    assert "f.sector" not in app.query_params
    assert any("Segment: Corporate" in shown(c.value) for c in app.caption)


def test_the_users_column_name_is_kept_in_french(app):
    app.query_params["lang"] = "fr"
    app.run()
    upload(app, SEGMENT)
    app.switch_page("pages/abc.py").run()
    assert app.multiselect(key="w_f_sector").label == "Segment"


@pytest.mark.parametrize("name", ["f.Segment", "f.segment", "f.sector", "f.Sector"])
def test_a_url_filter_names_the_column_as_the_file_does_or_canonically(app, name):
    # A session that holds the file (as after an upload) opened with a link naming the filter.
    portfolio, report = load_paths([str(SEGMENT)])
    app.session_state["portfolio"] = portfolio
    app.session_state["report"] = report
    app.session_state["data_key"] = "segment-file"
    app.query_params[name] = "Corporate"
    app.run()
    app.switch_page("pages/abc.py").run()
    assert not app.exception and not app.error
    assert app.multiselect(key="w_f_sector").value == ["Corporate"]
    assert class_metrics(app) == {"A clients": "1", "B clients": "1", "C clients": "0"}  # Acme A, Gamma B
    assert app.query_params["f.Segment"] in (["Corporate"], "Corporate")  # rewritten by the file's name


def test_the_demo_keeps_its_url_filter_names(app):
    app.query_params["f.Sector"] = "Retail"  # the label, capitalised, reaches the sector column
    app.run()
    app.switch_page("pages/abc.py").run()
    assert app.multiselect(key="w_f_sector").value == ["Retail"]
    assert app.query_params["f.sector"] in (["Retail"], "Retail")  # the demo's names are canonical


def test_a_saved_analysis_keeps_the_files_column_names_and_its_filter(app):
    from portfolio_core.store.analyses import AnalysisStore

    app.run()
    upload(app, SEGMENT)
    app.switch_page("pages/abc.py").run()
    app.multiselect(key="w_f_sector").set_value(["Corporate"]).run()
    app.switch_page("pages/saved.py").run()
    app.text_input(key="sv_name").set_value("Corporate review")
    next(b for b in app.button if b.label == "Save").click().run()
    assert not app.exception and not app.error
    (entry,) = AnalysisStore(os.environ["PORTFOLIO_DB"]).list()
    assert entry.settings["filters"] == {"Segment": ["Corporate"]}
    assert any("Segment: Corporate" in shown(c.value) for c in app.caption)  # the list of analyses
    # clear the filter, then open the analysis: the filter and the column's name come back
    app.switch_page("pages/abc.py").run()
    app.multiselect(key="w_f_sector").set_value([]).run()
    app.switch_page("pages/saved.py").run()
    app.button(key=f"sv_open_{entry.id}").click().run()
    app.switch_page("pages/abc.py").run()
    assert not app.exception and not app.error
    box = app.multiselect(key="w_f_sector")
    assert (box.label, box.value) == ("Segment", ["Corporate"])
    assert class_metrics(app) == {"A clients": "1", "B clients": "1", "C clients": "0"}  # Acme A, Gamma B
    assert app.query_params["f.Segment"] in (["Corporate"], "Corporate")


def test_the_meeting_pack_names_the_filter_as_the_file_does(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "pack.xlsx"
    result = cli("report", str(SEGMENT), "--segment", "segment=Corporate", "--xlsx", str(out))
    assert result.returncode == 0, result.stderr
    settings = {row[0]: row[1] for row in load_workbook(out)["Settings"].iter_rows(values_only=True)}
    assert settings["Filters"] == "Segment: Corporate"
