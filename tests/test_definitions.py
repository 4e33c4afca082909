"""The shared definitions of docs/definitions.md, each checked by hand on a small file.

Client, prospect, no-net-revenue client, win rate (overall, per deal owner, per company segment),
concentration with non-positive values, and the refusals of unusable files.
"""

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_core import LoadError, NoPositiveValueError, classify_abc
from portfolio_core.__main__ import main
from portfolio_core.analysis.kpis import concentration, gini, hhi, kpi_summary, win_rates
from portfolio_core.analysis.summary import summary_dict
from portfolio_core.ingest.build import MAX_ID_CHARS
from portfolio_core.ingest.files import load_paths
from tests.conftest import open_tab, shown

# Four companies. Gamma and Delta never won a deal: they are prospects, outside the ranked portfolio,
# but their closed deals count in every win rate. Each deal names its own owner, who is not always
# the company's account manager.
DEALS = (
    "Deal Name,Associated Company,Amount,Deal Stage,Deal owner\n"
    "D1,Acme,100,closedwon,Ann\n"
    "D2,Acme,50,closedlost,Bob\n"
    "D3,Beta,200,closedwon,Bob\n"
    "D4,Beta,80,closedlost,Ann\n"
    "D5,Gamma,30,closedlost,Ann\n"
    "D6,Gamma,40,closedlost,Bob\n"
    "D7,Delta,60,closedlost,Bob\n"
    "D8,Delta,10,appointmentscheduled,Ann\n"
)
COMPANIES = "Company name,Industry\nAcme,Retail\nBeta,Food\nGamma,Retail\nDelta,Food\n"


@pytest.fixture
def deals(tmp_path):
    (tmp_path / "deals.csv").write_text(DEALS, encoding="utf-8")
    (tmp_path / "companies.csv").write_text(COMPANIES, encoding="utf-8")
    return [tmp_path / "deals.csv", tmp_path / "companies.csv"]


def test_prospects_are_set_aside_from_the_ranking(deals):
    p, _ = load_paths(deals)
    assert p.scope_counts() == {"active": 2, "prospect": 2, "former": 0, "partner": 0}
    assert sorted(p.values().index) == ["Acme", "Beta"]  # only companies with a sale are ranked


def test_the_win_rate_counts_the_prospects_lost_deals(deals):
    p, _ = load_paths(deals)
    row = win_rates(p).loc["All"]
    # won D1, D3 = 2; lost D2, D4, D5, D6, D7 = 5 (Gamma's and Delta's too); D8 is open: 2 / 7
    assert (row["won"], row["lost"], row["open"]) == (2, 5, 1)
    assert row["win_rate"] == pytest.approx(2 / 7)
    assert row["pipeline"] == 10.0  # the prospect Delta's open deal D8
    assert row["average_deal"] == pytest.approx(150.0)  # (100 + 200) / 2 won deals
    # the ranked clients' deals alone would give 2 / 4 = 50 %: the bias of issue #13
    assert kpi_summary(p, p.values())["win_rate"] == pytest.approx(2 / 7)


def test_the_win_rate_per_owner_counts_each_deal_under_its_own_owner(deals):
    p, _ = load_paths(deals)
    by_owner = win_rates(p, by="account_manager")
    # Ann: won D1; lost D4, D5 -> 1 / 3.  Bob: won D3; lost D2, D6, D7 -> 1 / 4
    assert by_owner.loc["Ann", ["won", "lost"]].tolist() == [1, 2]
    assert by_owner.loc["Ann", "win_rate"] == pytest.approx(1 / 3)
    assert by_owner.loc["Bob", ["won", "lost"]].tolist() == [1, 3]
    assert by_owner.loc["Bob", "win_rate"] == pytest.approx(1 / 4)
    assert by_owner.loc["Ann", "pipeline"] == 10.0  # D8 is Ann's


def test_the_win_rate_per_segment_counts_each_deal_under_its_company_s_segment(deals):
    p, _ = load_paths(deals)
    by_sector = win_rates(p, by="sector")
    # Retail = Acme + Gamma: won D1; lost D2, D5, D6 -> 1 / 4
    # Food = Beta + Delta: won D3; lost D4, D7 -> 1 / 3
    assert by_sector.loc["Retail", "win_rate"] == pytest.approx(1 / 4)
    assert by_sector.loc["Food", "win_rate"] == pytest.approx(1 / 3)
    assert by_sector[["won", "lost"]].sum().tolist() == [2, 5]  # every closed deal in exactly one segment


def test_the_cli_win_rate_follows_the_definition(deals, capsys):
    assert main(["summary", *map(str, deals), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["win_rate"] == pytest.approx(2 / 7)  # as above: 2 won / (2 won + 5 lost)
    assert data["clients"] == 2  # the ranking still holds the two clients only


def test_the_cli_win_rate_of_a_segment_counts_its_prospects_deals(deals, capsys):
    assert main(["summary", *map(str, deals), "--segment", "sector=Retail", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # Retail = Acme (client) + Gamma (prospect): won D1; lost D2, D5, D6 -> 1 / 4
    assert data["win_rate"] == pytest.approx(1 / 4)
    assert data["clients"] == 1  # only Acme is ranked


def test_a_client_whose_sales_net_to_zero_or_less_stays_in_class_c(tmp_path, capsys):
    path = tmp_path / "invoices.csv"
    path.write_text(
        "Client,Amount\n"
        "A,100\n"
        "B,100\nB,-100\n"  # an invoice and its credit note: nets to 0
        "C,50\nC,-80\n"  # more credited than invoiced: nets to -30
        "D,0\n",  # a free invoice: a sale of 0
        encoding="utf-8",
    )
    clients = tmp_path / "clients.csv"
    clients.write_text("Client,Sector\nA,x\nB,x\nC,y\nD,y\nE,y\n", encoding="utf-8")
    p, _ = load_paths([path, clients])
    # E has no sale at all: a prospect; B, C and D sold something: clients
    assert p.clients["status"].to_dict() == {
        "A": "active",
        "B": "active",
        "C": "active",
        "D": "active",
        "E": "prospect",
    }
    table = classify_abc(p.values())
    assert table["value"].to_dict() == {"A": 100.0, "B": 0.0, "D": 0.0, "C": -30.0}
    assert table["abc_class"].to_dict() == {"A": "A", "B": "C", "D": "C", "C": "C"}
    assert table["non_positive"].to_dict() == {"A": False, "B": True, "D": True, "C": True}
    d = summary_dict(table)
    assert d["clients"] == 4 and d["no_net_revenue"] == 3
    assert main(["summary", str(path), str(clients), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c: v["clients"] for c, v in data["classes"].items()} == {"A": 1, "B": 0, "C": 3}
    assert data["no_net_revenue"] == 3
    # concentration over net revenue clipped at 0: values 100, 0, 0, 0 (C's -30 counts as 0)
    # Gini, ascending 0, 0, 0, 100 with weights 2i - n - 1 = -3, -1, 1, 3: 300 / (4 x 100) = 0.75
    assert data["concentration"]["gini"] == pytest.approx(0.75)
    assert data["concentration"]["hhi"] == pytest.approx(1.0)  # (100 / 100)^2
    assert data["concentration"]["top1_share"] == pytest.approx(1.0)


def test_a_credit_note_is_a_sale_that_nets_against_the_invoices(tmp_path):
    # an accounting export with a document type: a customer whose invoice was fully credited is
    # still a customer (net 0, class C, flagged), never a prospect
    path = tmp_path / "ventes.csv"
    path.write_text(
        "Client;Montant;Statut facture\n"
        "Alpha;100;Facture\n"
        "Bravo;100;Facture\nBravo;-100;Avoir\n"
        "Charlie;40;Credit note\n"  # (sign aside) a realised document: Charlie is a client
        "Delta;70;Brouillon\n",  # a draft is not a sale: Delta is a prospect
        encoding="utf-8",
    )
    p, _ = load_paths([path])
    assert p.clients["status"].to_dict() == {
        "Alpha": "active",
        "Bravo": "active",
        "Charlie": "active",
        "Delta": "prospect",
    }
    table = classify_abc(p.values())
    # T = 100 + 40 = 140; before(Alpha) = 0 -> A; before(Charlie) = 100/140 = .71 < .8 -> A; Bravo: 0 -> C
    assert table["abc_class"].to_dict() == {"Alpha": "A", "Charlie": "A", "Bravo": "C"}
    assert table["non_positive"].to_dict() == {"Alpha": False, "Charlie": False, "Bravo": True}


def test_concentration_clips_negative_clients_at_zero_but_counts_them():
    v = pd.Series({"a": 60.0, "b": 40.0, "c": -50.0, "d": 0.0})
    c = concentration(v)
    # positive total T = 60 + 40 = 100 (the -50 does not lower it)
    assert c.total == 100.0 and c.clients == 4
    assert c.top1_share == pytest.approx(0.6)
    # ascending 0, 0, 40, 60; weights -3, -1, 1, 3: (40 + 180) / (4 x 100) = 0.55
    assert c.gini == pytest.approx(0.55)
    assert c.hhi == pytest.approx(0.6**2 + 0.4**2)  # 0.52
    assert c.top20pct_clients == 1  # ceil(0.2 x 4)


def test_a_portfolio_without_positive_total_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(NoPositiveValueError):
        classify_abc(pd.Series({"a": 0.0, "b": -5.0}))
    with pytest.raises(NoPositiveValueError):
        gini(pd.Series([0.0, -1.0]))
    path = tmp_path / "credits.csv"
    path.write_text("Client,Amount\nA,100\nA,-100\nB,-5\n", encoding="utf-8")
    assert main(["summary", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no client has a positive total" in err
    assert err.count("\n") == 1 and "Traceback" not in err


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=30))
def test_concentration_equals_that_of_the_values_clipped_at_zero(values):
    v = np.array(values)
    if not (v > 0).any():
        return
    clipped = np.clip(v, 0, None)
    assert gini(v) == pytest.approx(gini(clipped))
    assert hhi(v) == pytest.approx(hhi(clipped))
    assert 0 <= gini(v) <= 1 - 1 / len(v) + 1e-12


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Client,Revenue,Sector\n,,\n,,\n", "every data cell is blank (2 rows"),
        ("\n,,,\n", "every cell is blank"),
        (",,,\n,,,\n", "every cell is blank"),
        ("Client,Revenue\n,\n", "every data cell is blank (1 row "),
    ],
)
def test_a_file_with_only_blank_cells_is_refused_in_one_sentence(tmp_path, capsys, text, words):
    path = tmp_path / "blank.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=r"Export the table again"):
        load_paths([path])
    assert main(["summary", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and "Arrow" not in err


def test_a_client_identifier_over_the_cap_is_refused(tmp_path, capsys):
    path = tmp_path / "long.csv"
    path.write_text("Client,Revenue\nA,10\n" + "x" * 2_000_000 + ",5\nB,3\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"row 3 of “Client” is 2,000,000 characters long, over the limit"):
        load_paths([path])
    assert main(["summary", str(path)]) == 2
    assert "over the limit of 1,000" in capsys.readouterr().err


def test_the_definitions_page_states_the_identifier_cap():
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "definitions.md").read_text(encoding="utf-8")
    assert f"{MAX_ID_CHARS:,} characters" in text and "MAX_ID_CHARS" in text


def test_a_client_identifier_at_the_cap_is_accepted(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text(f"Client,Revenue\nA,10\n{'x' * MAX_ID_CHARS},5\n", encoding="utf-8")
    p, _ = load_paths([path])
    assert p.values()["x" * 1000] == 5.0 and MAX_ID_CHARS == 1000


def test_one_purchase_clients_in_the_churn_list_get_no_contradictory_figure():
    from portfolio_core import demo_portfolio
    from portfolio_core.analysis.kpis import alive_probability, as_of_date, client_kpis, fit_portfolio_bgnbd

    p = demo_portfolio()
    as_of = as_of_date(p)
    params, summary = fit_portfolio_bgnbd(p, as_of)  # the KPIs page's fit: MBG/NBD
    assert params is not None and params.model == "mbgnbd"
    table = client_kpis(
        p, p.in_scope(), as_of=as_of, p_alive=alive_probability(params, summary, p.in_scope())
    )
    once = table[table["purchases"] == 1]
    assert len(once) > 10 and set(once["churn_risk"]) == {"Low", "Medium", "High"}
    # never "High" risk next to "100 % still active": every one-purchase client gets a probability < 1
    assert (once["p_alive"] < 1).all()
    # and both figures tell the same story: the longer the silence, the higher the risk and the lower
    # the probability, so every High client is less likely active than every Medium one, and so on
    by_risk = once.groupby("churn_risk")["p_alive"]
    assert by_risk.max()["High"] < by_risk.min()["Medium"]
    assert by_risk.max()["Medium"] < by_risk.min()["Low"]
    silence = once.sort_values("days_since_purchase")
    assert (np.diff(silence["p_alive"].to_numpy()) <= 1e-12).all()


def test_the_abc_page_keeps_and_flags_clients_without_net_revenue(app):
    invoices = b"Client,Amount\nA,100\nB,100\nB,-100\nC,50\nC,-80\nD,0\n"
    app.run()
    app.get("file_uploader")[0].set_value(("invoices.csv", invoices, "text/csv")).run()
    assert not app.exception and not app.error
    app.switch_page("pages/abc.py").run()
    # A 100 is the only positive total: A; B (100 - 100 = 0), C (50 - 80 = -30), D (0) stay, in C
    assert {m.label: m.value for m in app.metric} == {"A clients": "1", "B clients": "0", "C clients": "3"}
    table = app.dataframe[0].value.set_index("Client")
    assert table["Note"].to_dict() == {
        "A": "",
        "B": "no net revenue",
        "D": "no net revenue",
        "C": "no net revenue",
    }


def test_the_kpis_page_counts_every_company_s_deals_and_names_the_churn_model(app):
    from portfolio_core import demo_portfolio

    stage = demo_portfolio().transactions["stage"]
    won, lost = int((stage == "won").sum()), int((stage == "lost").sum())  # every company, prospects too
    app.run()
    app.switch_page("pages/kpis.py").run()
    open_tab(app, "Sales")
    assert not app.exception and not app.error
    m = {x.label: x.value for x in app.metric}
    assert m["Win rate"] == f"{won / (won + lost):.1%}"
    captions = " ".join(shown(c.value) for c in app.caption)
    assert "prospects and former clients included" in captions
    open_tab(app, "Churn risk")
    text = " ".join(shown(x.value) for x in app.markdown)
    assert "MBG/NBD" in text and "below 100 %" in text
    # the clients at risk (columns "why" and "p_alive" are shown as "Why", "Probability still active")
    at_risk = next(d.value for d in app.dataframe if {"why", "p_alive"} <= set(d.value.columns))
    once = at_risk[at_risk["why"].str.startswith("Only one purchase")]
    assert len(once) > 0 and (once["p_alive"] < 1).all()


@given(
    st.lists(
        st.tuples(
            st.sampled_from("pqrs"),
            st.sampled_from(["Ann", "Bob", None]),
            st.sampled_from(["won", "lost", "open"]),
        ),
        min_size=1,
        max_size=40,
    ),
    st.lists(st.sampled_from(["active", "prospect", "former", "partner"]), min_size=4, max_size=4),
)
def test_the_scope_never_decides_which_deals_count(deals_rows, statuses):
    from portfolio_core.ingest.portfolio import Portfolio

    tx = pd.DataFrame(deals_rows, columns=["client", "account_manager", "stage"]).assign(amount=1.0)
    clients = pd.DataFrame(
        {"status": statuses, "account_manager": ["Cy", "Cy", "Dee", "Dee"]}, index=pd.Index(list("pqrs"))
    )
    p = Portfolio(clients, tx)
    overall = win_rates(p).loc["All"]
    won, lost = int((tx["stage"] == "won").sum()), int((tx["stage"] == "lost").sum())
    # whatever the statuses: every closed deal counts
    assert (overall["won"], overall["lost"]) == (won, lost)
    # per owner, each deal counts exactly once: the owners' counts add up to the overall ones
    per_owner = win_rates(p, by="account_manager")
    assert per_owner[["won", "lost", "open"]].sum().tolist() == [
        won,
        lost,
        int((tx["stage"] == "open").sum()),
    ]
    # a deal without an owner counts under its company's account manager
    assert set(per_owner.index) <= {"Ann", "Bob", "Cy", "Dee"}


def test_the_meeting_pack_win_rate_of_a_selection_counts_its_prospects_deals(deals):
    from portfolio_core.analysis.segments import classify_selection, segment_frame, select
    from portfolio_core.analysis.settings import AnalysisSettings
    from portfolio_core.report.pack import build_report

    p, _ = load_paths(deals)
    filters = {"sector": ("Retail",)}
    chosen = select(segment_frame(p.clients.loc[p.in_scope()]), filters)
    table = classify_selection(p.values(), chosen, 0.8, 0.95, "before", False)
    report = build_report(p, table, AnalysisSettings(filters=tuple(filters.items())))
    win = next(k for k in report.kpis if k.key == "win_rate")
    # Retail: Acme (won D1, lost D2) and the prospect Gamma (lost D5, D6): 1 / 4, as on the KPIs page
    assert win.value == "25%"  # the whole files would give 2 / 7 = 29%
