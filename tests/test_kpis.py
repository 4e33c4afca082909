"""Client and sales KPIs against hand-computed values."""

import numpy as np
import pandas as pd
import pytest

from portfolio_core import NoPositiveValueError, demo_portfolio
from portfolio_core.analysis.kpis import (
    RISK_LEVELS,
    annuity_factor,
    churn_risk,
    client_kpis,
    clv_cac_by,
    concentration,
    expected_lifetime,
    fit_portfolio_bgnbd,
    gini,
    hhi,
    indicator_columns,
    kpi_summary,
    lorenz_curve,
    matching_clients,
    missing_kpis,
    purchase_history,
    repeat_purchase_rate,
    retention,
    win_rates,
)
from portfolio_core.analysis.segments import segment_frame, select
from portfolio_core.i18n import Translator
from portfolio_core.ingest.portfolio import Portfolio
from portfolio_core.report.words import churn_reasons, kpi_needs


def test_gini_by_hand_with_zero_revenue_clients():
    # ascending 0, 0, 10, 30, 60 (n = 5, sum 100); weights 2i - n - 1 = -4, -2, 0, 2, 4
    # G = (0 + 0 + 0 + 60 + 240) / (5 * 100) = 0.6
    assert gini(pd.Series([60.0, 0.0, 30.0, 10.0, 0.0])) == pytest.approx(0.6)


def test_gini_extremes():
    assert gini(pd.Series([5.0, 5.0, 5.0, 5.0])) == pytest.approx(0.0)
    # one client makes everything: G = (2n - n - 1) x / (n x) = (n - 1) / n, no small-sample correction
    assert gini(pd.Series([0.0, 0.0, 0.0, 10.0])) == pytest.approx(0.75)


def test_hhi_by_hand():
    # shares 0, 0, .1, .3, .6 -> .01 + .09 + .36 = .46
    assert hhi(pd.Series([60.0, 0.0, 30.0, 10.0, 0.0])) == pytest.approx(0.46)
    assert hhi(pd.Series([1.0, 1.0, 1.0, 1.0])) == pytest.approx(0.25)
    assert hhi(pd.Series([0.0, 7.0])) == pytest.approx(1.0)


def test_negative_values_count_as_zero():
    assert gini(pd.Series([60.0, -50.0, 30.0, 10.0, 0.0])) == pytest.approx(0.6)


def test_undefined_without_positive_revenue():
    for f in (gini, hhi, concentration, lorenz_curve):
        with pytest.raises(NoPositiveValueError):
            f(pd.Series([0.0, -1.0]))


def test_concentration_by_hand():
    # 12 clients totalling 300
    v = pd.Series([100, 50, 40, 30, 20, 20, 10, 10, 5, 5, 5, 5.0], index=[f"c{i:02d}" for i in range(12)])
    c = concentration(v)
    assert c.top1_share == pytest.approx(100 / 300)
    assert c.top10_share == pytest.approx(290 / 300)  # all but the last two 5s
    assert c.top20pct_clients == 3  # ceil(0.2 * 12) = ceil(2.4)
    assert c.top20pct_share == pytest.approx(190 / 300)
    assert c.over_threshold == ("c00", "c01", "c02")  # 33 %, 17 %, 13 %; 30/300 is exactly 10 %, not above
    assert c.largest_client == "c00"


@pytest.mark.parametrize(("n", "k"), [(1, 1), (4, 1), (5, 1), (6, 2), (10, 2), (11, 3)])
def test_top_20_percent_is_rounded_up(n, k):
    assert concentration(pd.Series(np.arange(1.0, n + 1))).top20pct_clients == k


def test_fewer_than_ten_clients_make_all_of_the_top_10_share():
    assert concentration(pd.Series([3.0, 2.0, 1.0])).top10_share == pytest.approx(1.0)


def test_lorenz_curve_by_hand():
    curve = lorenz_curve(pd.Series([60.0, 0.0, 30.0, 10.0, 0.0]))
    assert curve["client_share"].tolist() == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1])
    assert curve["revenue_share"].tolist() == pytest.approx([0, 0, 0, 0.1, 0.4, 1])


def test_expected_lifetime_and_annuity():
    assert expected_lifetime(0.75) == pytest.approx(4.0)
    assert expected_lifetime(1.0) == pytest.approx(20.0)  # capped
    assert annuity_factor(3, 0.0) == 3
    assert annuity_factor(3, 0.1) == pytest.approx(1 / 1.1 + 1 / 1.1**2 + 1 / 1.1**3)


# A small dated portfolio computed by hand below.
def small() -> Portfolio:
    clients = pd.DataFrame(
        {
            "name": ["Xenon", "Yttria", "Zinc", "Wolfram"],
            "status": ["active", "active", "active", "former"],
            "account_manager": ["Ann", "Ann", "Bob", "Bob"],
            "cac": [100.0, 1000.0, np.nan, 50.0],
            "potential": [5000.0, 100.0, 400.0, np.nan],
            "start_date": pd.to_datetime(["2020-01-01", None, None, None]),
            "NPS": [9, 3, 7, 1],
        },
        index=pd.Index(["x", "y", "z", "w"], name="client"),
    )
    tx = pd.DataFrame(
        {
            "client": ["x", "x", "x", "y", "y", "z", "z", "w"],
            "date": pd.to_datetime(
                [
                    "2023-01-01",
                    "2023-07-01",
                    "2024-01-01",
                    "2023-03-01",
                    "2024-12-01",
                    "2024-06-01",
                    "2024-06-01",
                    "2023-01-01",
                ]
            ),  # fmt: skip
            "amount": [1000.0, 1000.0, 2000.0, 300.0, 500.0, 700.0, 200.0, 50.0],
            "margin": [300.0, 300.0, 600.0, 30.0, 50.0, 70.0, 20.0, 5.0],
            "stage": ["won", "won", "won", "lost", "won", "won", "open", "won"],
        }
    )
    acts = pd.DataFrame({"client": ["x", "y", "y", "w"], "date": pd.to_datetime(["2024-01-01"] * 4),
                         "type": ["Call"] * 4, "hours": [1.0] * 4})  # fmt: skip
    return Portfolio(clients, tx, acts)


AS_OF = pd.Timestamp("2024-12-31")


def test_purchase_history_and_churn_risk_by_hand():
    p = small()
    h = purchase_history(p, p.clients.index)
    # x bought on 3 days, 2023-01-01 to 2024-01-01: 365 days over 2 gaps = 182.5 (mean gap);
    # y on 1 won day; z twice on the same day
    assert h.loc["x", "purchases"] == 3 and h.loc["x", "usual_interval_days"] == 182.5
    assert h.loc["z", "purchases"] == 1 and np.isnan(h.loc["z", "usual_interval_days"])
    risk = churn_risk(h, AS_OF)
    # x: 365 days since 2024-01-01 / 182.5 = 2.0 -> Medium (1.5 < 2 <= 3)
    assert risk.loc["x", "lateness"] == pytest.approx(2.0)
    assert risk.loc["x", "churn_risk"] == "Medium"
    assert risk.loc["x", "churn_reason"] == "own_pace"
    assert churn_reasons(risk, Translator("en"))["x"] == (
        "Last purchase 365 days ago; usually buys every 182 days (2.0x the usual interval)"
    )
    # z bought once, 213 days ago: compared with the median of repeat buyers (x only: 182.5) -> 1.17 -> Low
    assert risk.loc["z", "lateness"] == pytest.approx(213 / 182.5)
    assert risk.loc["z", "churn_risk"] == "Low"
    assert churn_reasons(risk, Translator("en"))["z"].startswith("Only one purchase, 213 days ago")
    assert risk.loc["z", "reference_days"] == 182.5
    # w: one purchase 730 days ago -> 4.0x -> High
    assert risk.loc["w", "churn_risk"] == "High"


def test_no_purchase_is_its_own_level():
    h = pd.DataFrame(
        {"last_purchase": pd.to_datetime([None, "2024-01-01"]), "purchases": [0, 2],
         "usual_interval_days": [np.nan, 100.0]},
        index=["a", "b"],
    )  # fmt: skip
    risk = churn_risk(h, AS_OF)
    assert risk.loc["a", "churn_risk"] == "No purchase"
    assert churn_reasons(risk, Translator("en"))["a"] == "No won sale in the data"


def test_repeat_purchase_rate_by_hand():
    p = small()
    # buyers x (3 days), y (1 won day), z (1 day), w (1 day): 1 of 4 bought twice
    assert repeat_purchase_rate(purchase_history(p, p.clients.index)) == pytest.approx(0.25)


def test_retention_by_hand():
    p = small()
    r = retention(p, p.clients.index, AS_OF)
    # data from 2023-01-01 to 2024-12-31: two yearly periods. Buyers of the first year: x, w (y's 2023 deal
    # was lost); of them x bought again in the second year -> 1 / 2
    assert len(r) == 1
    assert (r.loc[0, "buyers_before"], r.loc[0, "retained"]) == (2, 1)
    assert r.loc[0, "retention"] == pytest.approx(0.5)


def test_win_rates_by_hand():
    p = small()
    overall = win_rates(p, p.in_scope())
    # active clients x, y, z: won 3 + 1 + 1 = 5, lost 1, open 1 -> 5 / 6
    assert overall.loc["All", "win_rate"] == pytest.approx(5 / 6)
    assert overall.loc["All", "pipeline"] == 200.0
    assert overall.loc["All", "average_deal"] == pytest.approx((1000 + 1000 + 2000 + 500 + 700) / 5)
    assert overall.loc["All", "activities"] == 3
    per = win_rates(p, p.in_scope(), p.clients["account_manager"])
    assert per.loc["Ann", "win_rate"] == pytest.approx(4 / 5)
    assert per.loc["Bob", "win_rate"] == pytest.approx(1.0)


def test_client_kpis_by_hand():
    p = small()
    t = client_kpis(p, p.in_scope(), discount_rate=0.0, lifetime_years=2.0, as_of=AS_OF)
    # x: since 2020-01-01 (contract start before the first purchase)
    assert t.loc["x", "tenure_years"] == pytest.approx((AS_OF - pd.Timestamp("2020-01-01")).days / 365.25)
    # x was in the data from its data start (2023-01-01) to 2024-12-31: 731 days
    assert t.loc["x", "revenue_per_year"] == pytest.approx(4000 / (731 / 365.25))
    # z: first purchase 2024-06-01, 214 days in the data, floored at a year -> revenue per year = revenue
    assert t.loc["z", "revenue_per_year"] == pytest.approx(700.0)
    assert t.loc["z", "margin_rate"] == pytest.approx(0.1)
    # CLV = margin per year x 2 years (no discount); x: 1200 / (731 / 365.25) x 2
    clv_x = 1200 / (731 / 365.25) * 2
    assert t.loc["x", "clv"] == pytest.approx(clv_x)
    assert t.loc["x", "clv_cac"] == pytest.approx(clv_x / 100)
    assert not t.loc["x", "clv_cac_below_3"]
    assert t.loc["y", "clv_cac_below_3"]  # 50 x 2 / 1000 = 0.1
    assert np.isnan(t.loc["z", "clv_cac"])  # no CAC
    # unmet potential = potential - revenue per year, never negative
    assert t.loc["y", "unmet_potential"] == 0.0
    assert t.loc["x", "unmet_potential"] == pytest.approx(5000 - 4000 / (731 / 365.25))
    assert t["NPS"].tolist() == [9, 3, 7]  # extra indicator, under its own name
    assert "w" not in t.index  # former clients are out of scope by default


def test_clv_cac_by_segment_by_hand():
    p = small()
    t = client_kpis(p, p.in_scope(), discount_rate=0.0, lifetime_years=2.0, as_of=AS_OF)
    seg = clv_cac_by(t, p.clients["account_manager"])
    # Ann: x and y, total CLV / total CAC; Bob: z has no CAC -> no row
    expected = (t.loc["x", "clv"] + t.loc["y", "clv"]) / 1100
    assert seg.index.tolist() == ["Ann"]
    assert seg.loc["Ann", "clv_cac"] == pytest.approx(expected)
    assert seg.loc["Ann", "clients_below_3"] == 1


def test_kpi_summary_by_hand():
    p = small()
    values = p.values()
    d = kpi_summary(p, values)
    # active revenues x 4000, y 500, z 700 -> total 5200
    assert d["concentration"]["top1_share"] == pytest.approx(4000 / 5200)
    assert d["concentration"]["top10_share"] == pytest.approx(1.0)
    assert d["concentration"]["top20pct_share"] == pytest.approx(4000 / 5200)  # ceil(0.6) = 1 client
    assert d["concentration"]["hhi"] == pytest.approx((4000**2 + 500**2 + 700**2) / 5200**2)
    # ascending 500, 700, 4000: (-2 * 500 + 0 + 2 * 4000) / (3 * 5200)
    assert d["concentration"]["gini"] == pytest.approx(7000 / 15600)
    # every company's closed deals count, the former client w's too: won x 3 + y 1 + z 1 + w 1 = 6,
    # lost y 1 -> 6 / 7 (the scope decides who is ranked, not which deals count)
    assert d["win_rate"] == pytest.approx(6 / 7)
    assert set(d["suggested_cutoffs"]) == {"a", "b"}
    assert 1 <= d["suggested_cutoffs"]["a"] < d["suggested_cutoffs"]["b"] <= 100


def test_kpi_summary_leaves_out_the_win_rate_without_stages():
    clients = pd.DataFrame({"status": ["active"] * 3}, index=pd.Index(list("abc"), name="client"))
    tx = pd.DataFrame({"client": list("abc"), "amount": [5.0, 3.0, 2.0], "stage": ["won"] * 3})
    d = kpi_summary(Portfolio(clients, tx), Portfolio(clients, tx).values())
    assert "win_rate" not in d  # every sale "won" is what the loader writes when there is no stage column
    assert d["concentration"]["top1_share"] == pytest.approx(0.5)


def test_a_two_column_table_says_what_each_missing_kpi_needs():
    clients = pd.DataFrame({"status": ["active"] * 3}, index=pd.Index(list("abc"), name="client"))
    tx = pd.DataFrame({"client": list("abc"), "amount": [5.0, 3.0, 2.0], "stage": ["won"] * 3})
    missing = kpi_needs(missing_kpis(Portfolio(clients, tx)), Translator("en"))
    assert "date" in missing["Churn risk"]
    assert "margin" in missing["CLV"]
    assert "CAC" in missing["CLV:CAC"]
    assert "stage" in missing["Win rate"]
    assert "activity log" in missing["Sales activities"]
    assert "potential" in missing["Unmet potential"]
    assert "Client lifetime" in missing
    t = client_kpis(Portfolio(clients, tx), clients.index)
    assert list(t.columns) == ["revenue"]  # nothing made up


def test_indicator_columns_are_recognised_by_name():
    frame = pd.DataFrame(
        {
            "Product usage": [1],
            "Web visits": ["12"],
            "Clicks": [3],
            "CSAT": [4.5],
            "sector": ["x"],
            "Visit notes": ["a"],
        }
    )
    assert indicator_columns(frame) == {
        "Product usage": "product usage",
        "Web visits": "web visits",
        "Clicks": "clicks",
        "CSAT": "satisfaction",
    }


def test_the_demo_has_every_kpi_but_the_extra_indicators():
    p = demo_portfolio()
    assert set(missing_kpis(p)) == {"Other indicators"}


def test_calls_do_not_mutate_the_portfolio():
    p = small()
    before = (p.clients.copy(), p.transactions.copy(), p.activities.copy())
    client_kpis(p, p.in_scope(), 0.1, 3.0, AS_OF)
    kpi_summary(p, p.values())
    win_rates(p, p.in_scope(), p.clients["account_manager"])
    retention(p, p.clients.index, AS_OF)
    for a, b in zip(before, (p.clients, p.transactions, p.activities), strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_churn_reasons_and_needs_in_french():
    p = small()
    risk = churn_risk(purchase_history(p, p.clients.index), AS_OF)
    why = churn_reasons(risk, Translator("fr"))
    # x as in the English test: 365 days, mean gap 182.5 shown rounded (182), 2.0 times, decimal comma
    assert why["x"].replace("\u202f", " ") == (
        "Dernier achat il y a 365 jours ; achète d'habitude tous les 182 jours "
        "(2,0 fois l'intervalle habituel)"
    )
    assert why["z"].startswith("Un seul achat, il y a 213 jours")
    assert risk.loc["x", "churn_risk"] == "Medium"  # levels stay keys; the page translates them
    clients = pd.DataFrame({"status": ["active"] * 3}, index=pd.Index(list("abc"), name="client"))
    tx = pd.DataFrame({"client": list("abc"), "amount": [5.0, 3.0, 2.0], "stage": ["won"] * 3})
    missing = missing_kpis(Portfolio(clients, tx))
    assert missing["CLV"] == "margin_for_clv"  # no margin column: a code, worded by the report
    needs = kpi_needs(missing, Translator("fr"))
    assert needs["CLV"].startswith("il faut une colonne de marge")
    assert kpi_needs(missing, Translator("en"))["CLV"] == (
        "needs a margin column on the sales (CLV is margin per year x expected lifetime)"
    )
    assert set(needs) == set(missing)  # same English keys


def test_fixed_kpi_vocabularies_are_translated():
    clients = pd.DataFrame({"status": ["active"] * 3}, index=pd.Index(list("abc"), name="client"))
    tx = pd.DataFrame({"client": list("abc"), "amount": [5.0, 3.0, 2.0], "stage": ["won"] * 3})
    fr = Translator("fr")
    for text in (*RISK_LEVELS, *missing_kpis(Portfolio(clients, tx))):
        fr(text)
    assert fr.missing == set()


def test_matching_clients_adds_the_clients_out_of_scope():
    clients = pd.DataFrame(
        {
            "status": ["active", "active", "active", "former", "former"],
            "sector": ["Retail", "Food", "Retail", "Retail", None],
            "staff": [1.0, 10.0, 100.0, 50.0, 5000.0],
        },
        index=list("abcde"),
    )
    scope = segment_frame(clients.loc[["a", "b", "c"]].drop(columns="status"))
    assert matching_clients(clients, scope, {"sector": ("Retail",)}).tolist() == ["a", "c", "d"]
    assert matching_clients(clients, scope, {"sector": ("(not set)",)}).tolist() == ["e"]
    assert matching_clients(clients, scope, {}).tolist() == list("abcde")


def test_matching_clients_keeps_exactly_the_selection_in_scope_with_numeric_ranges():
    p = demo_portfolio()
    scope = p.in_scope()
    frame = segment_frame(p.clients.loc[scope])
    ranges = [c for c in frame.columns if c.endswith("(range)")]
    assert ranges  # the demo has numeric client columns (potential, CAC)
    for col in ranges:
        for label in frame[col].unique():
            filters = {col: (label,), "sector": ("Retail", "Software")}
            everyone = matching_clients(p.clients, frame, filters)
            chosen = select(frame, filters)
            assert everyone.intersection(scope).sort_values().equals(chosen.sort_values())
            values = pd.to_numeric(p.clients[col.removesuffix(" (range)")], errors="coerce")
            # the others get the range their number falls in (clipped to the ends of the ranges)
            if label == "(not set)":
                continue
            lo, hi = (float(x.replace(",", "")) for x in label.split(" – "))
            inside = values.loc[scope]
            for v in values[everyone.difference(scope)]:
                assert v <= hi or hi >= inside.max()
                assert v > inside[inside < lo].max() or lo <= inside.min()


def test_bgnbd_fit_on_a_subset_of_clients():
    p = demo_portfolio()
    everyone, _ = fit_portfolio_bgnbd(p)
    retail = p.clients.index[p.clients["sector"] == "Retail"]
    subset, summary = fit_portfolio_bgnbd(p, clients=retail)
    assert set(summary.index) <= set(retail)
    assert everyone is not None and subset is not None and subset.clients < everyone.clients


def test_the_clv_cac_ratio_of_all_clients_counts_only_those_with_an_acquisition_cost():
    from portfolio_core.analysis.kpis import clv_cac_overall

    # w has no CAC and v a CAC of 0: left out. x, y, z: (300 + 100 + 900) / 300 = 4.33; y (1.0) is under 3
    table = pd.DataFrame(
        {"clv": [300.0, 100.0, 900.0, 50.0, 80.0], "cac": [100.0, 100.0, 100.0, None, 0.0]},
        index=list("xyzwv"),
    )
    ratio, clients, below = clv_cac_overall(table)
    assert (round(ratio, 2), clients, below) == (4.33, 3, 1)
    assert np.isnan(clv_cac_overall(table.loc[["w", "v"]])[0])


def test_the_clients_at_risk_are_the_high_and_medium_ones_latest_first_by_name():
    from portfolio_core.analysis.kpis import clients_at_risk

    table = pd.DataFrame(
        {"churn_risk": ["Low", "Medium", "High", "Medium"], "churn_reason": ["", "late", "later", "late"],
         "lateness": [1.0, 2.0, 5.0, 3.0], "revenue": [10.0, 20.0, 30.0, 40.0]},
        index=["a", "b", "c", "d"],
    )  # fmt: skip
    out = clients_at_risk(table, pd.Series({"c": "Cee"}))
    assert out["client"].tolist() == ["Cee", "d", "b"]  # 5, 3 and 2 times late; unnamed: the id
    assert out["risk"].tolist() == ["High", "Medium", "Medium"] and "p_alive" not in out
