"""The KPI charts build valid Vega-Lite on the demo and on edge cases (altair validates to_dict())."""

import pandas as pd
import pytest

from portfolio_core import demo_portfolio
from portfolio_core.analysis.cutoffs import abc_curve_points, suggest_cutoffs
from portfolio_core.analysis.kpis import client_kpis, clv_cac_by, concentration, lorenz_curve, win_rates
from portfolio_core.report.charts_kpi import (
    churn_chart,
    clv_cac_chart,
    cutoffs_chart,
    lorenz_chart,
    rate_chart,
)


@pytest.fixture(scope="module")
def demo():
    p = demo_portfolio()
    return p, p.values()


def test_lorenz_chart(demo):
    _, v = demo
    spec = lorenz_chart(lorenz_curve(v), concentration(v).gini).to_dict()
    assert "Gini" in spec["title"]


def test_cutoffs_chart_marks_the_three_points(demo):
    _, v = demo
    s = suggest_cutoffs(v)
    spec = cutoffs_chart(abc_curve_points(v), s, 0.8, 0.95).to_dict()
    points = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"]
    assert len(points) == 1
    names = {row["name"] for row in spec["datasets"][points[0]["data"]["name"]]}
    assert names == {"Pareto point", "Break-even point", "Submarginal point"}


def test_rate_clv_and_churn_charts(demo):
    p, _ = demo
    managers = win_rates(p, p.in_scope(), p.clients["account_manager"])
    rate_chart(managers, "Account manager", 0.7).to_dict()
    table = client_kpis(p, p.in_scope(), 0.1, 5.0)
    clv_cac_chart(clv_cac_by(table, p.clients["sector"]), "Sector").to_dict()
    churn_chart(table["churn_risk"]).to_dict()


def test_charts_on_a_single_client():
    v = pd.Series({"only": 10.0})
    cutoffs_chart(abc_curve_points(v), suggest_cutoffs(v)).to_dict()
    lorenz_chart(lorenz_curve(v), 0.0).to_dict()


def test_charts_speak_french(demo):
    from portfolio_core.i18n import Translator

    fr = Translator("fr")
    p, v = demo
    s = suggest_cutoffs(v)
    assert lorenz_chart(lorenz_curve(v), 0.4567, fr).to_dict()["title"] == "Courbe de Lorenz (Gini 0,46)"
    spec = cutoffs_chart(abc_curve_points(v), s, 0.8, 0.95, "margin", fr).to_dict()
    assert spec["title"] == "Courbe ABC et les trois points de l'analyse ABC calculée"
    assert spec["layer"][0]["encoding"]["y"]["title"] == "Part cumulée de la marge"
    points = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    rows = spec["datasets"][points["data"]["name"]]
    assert {r["shown"] for r in rows} == {"Point de Pareto", "Point d'équilibre", "Point submarginal"}
    table = client_kpis(p, p.in_scope(), 0.1, 5.0)
    churn = churn_chart(table["churn_risk"], fr).to_dict()
    assert churn["title"] == "Clients par risque d'attrition"
    assert {r["risk"] for r in churn["datasets"][churn["data"]["name"]]} <= {
        "Élevé", "Moyen", "Faible", "Inconnu", "Aucun achat"
    }  # fmt: skip
    rates = win_rates(p, p.in_scope(), p.clients["account_manager"])
    assert rate_chart(rates, "Commercial", 0.7, fr).to_dict()["title"] == "Taux de réussite par commercial"
    assert fr.missing == set()
