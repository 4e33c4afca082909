"""Exports: the Excel workbook, the PowerPoint deck, the chart files, the CLI's report, the Export page."""

import dataclasses
import datetime as dt
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from portfolio_core import Portfolio, classify_abc
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.ingest.demo import demo_portfolio
from portfolio_core.ingest.files import load_paths
from portfolio_core.report import render
from portfolio_core.report.deck import deck_charts, pptx_report
from portfolio_core.report.demo_files import write_demo
from portfolio_core.report.images import MAX_SCATTER_POINTS, chart_png, chart_svg, png_size
from portfolio_core.report.pack import build_report
from portfolio_core.report.render import PngRenderer
from portfolio_core.report.workbook import excel_report
from tests.conftest import ROOT

# Ten clients totalling 1000: before(v) = 0, .5, .7, .8, .88, .93, .96, .98, .99, .994,
# so a=80 b=95 gives A A A B B B C C C C. Some names (and one identifier) look like formulas.
IDS = ["Acme", "Beta", "Gamma", "Delta", "Eps", "Zeta", "Eta", '=HYPERLINK("http://x")', "Iota", "Kappa"]
NAMES = ["=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)", "\tTabbed", "Zeta SA", None, "Theta", "Iota", "K"]
REVENUE = [500.0, 200.0, 100.0, 80.0, 50.0, 30.0, 20.0, 10.0, 6.0, 4.0]
EXPECTED = dict(zip(IDS, "AAABBBCCCC", strict=True))
RISKY = ["=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)", "\tTabbed", '=HYPERLINK("http://x")']


def small_portfolio(with_activities: bool = False) -> Portfolio:
    index = pd.Index(IDS, name="client")
    clients = pd.DataFrame({"name": NAMES, "status": "active", "sector": ["Retail", "Food"] * 5}, index=index)
    tx = pd.DataFrame({"client": IDS, "amount": REVENUE, "date": pd.Timestamp("2025-03-01")})
    acts = pd.DataFrame(columns=["client"])
    if with_activities:
        acts = pd.DataFrame(
            {"client": IDS, "date": pd.Timestamp("2025-03-02"), "type": "Call", "hours": np.arange(1.0, 11.0)}
        )
    return Portfolio(clients, tx, acts, source="clients.csv")


def small_report(with_activities: bool = False, **settings):
    p = small_portfolio(with_activities)
    classified = classify_abc(p.values(), 0.8, 0.95)
    return build_report(p, classified, AnalysisSettings(**settings), source=p.source)


@pytest.fixture(scope="module")
def demo_report():
    p = demo_portfolio()
    return build_report(p, classify_abc(p.values()), AnalysisSettings(), source=p.source)


def sheet_rows(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


# --- Excel ----------------------------------------------------------------------------------------


def test_excel_reopens_with_the_expected_classes():
    wb = load_workbook(io.BytesIO(excel_report(small_report())))
    assert wb.sheetnames == ["Clients", "Summary", "Actions", "Settings"]
    rows = sheet_rows(wb["Clients"])
    assert "Class" in rows[0]
    assert {r["Client ID"]: r["Class"] for r in rows} == EXPECTED
    assert [r["Revenue"] for r in rows] == REVENUE  # ranked, values kept as numbers
    assert rows[0]["Share"] == pytest.approx(0.5) and rows[-1]["Cumulative share"] == pytest.approx(1.0)
    summary = {r["Class"]: r for r in sheet_rows(wb["Summary"])}
    assert {c: summary[c]["Clients"] for c in "ABC"} == {"A": 3, "B": 3, "C": 4}
    assert summary["A"]["Revenue"] == 800 and summary["A"]["Share of revenue"] == pytest.approx(0.8)
    settings = {r["Setting"]: r["Value"] for r in sheet_rows(wb["Settings"])}
    assert settings["A cut-off (%)"] == "80" and settings["B cut-off (%)"] == "95"
    assert settings["Source"] == "clients.csv" and "recommended" in settings["ABC rule"]


def test_every_sheet_has_a_frozen_header_a_filter_and_number_formats():
    wb = load_workbook(io.BytesIO(excel_report(small_report(with_activities=True))))
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == ws.dimensions, ws.title
        assert all(ws.cell(1, j).font.b for j in range(1, ws.max_column + 1))
        assert all(ws.column_dimensions[c].width >= 8 for c in "AB")
    header = [c.value for c in wb["Clients"][1]]
    row2 = {h: c for h, c in zip(header, wb["Clients"][2], strict=True)}
    assert row2["Revenue"].number_format == "#,##0"
    assert row2["Share"].number_format == "0.0%" and row2["Cumulative share"].number_format == "0.0%"
    header = [c.value for c in wb["Summary"][1]]
    assert "Share of effort" in header and "Hours" in header


def test_formula_like_text_stays_text():
    data = excel_report(small_report(with_activities=True))
    wb = load_workbook(io.BytesIO(data))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert set(RISKY) <= texts  # unchanged, not prefixed with a quote character
    assert all(c.quotePrefix for c in cells if isinstance(c.value, str) and c.value in RISKY)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any(re.search(r"<f[ >]", xml) for xml in sheets)  # no formula element at all


def test_every_client_row_of_the_workbook_is_the_reports(demo_report):
    wb = load_workbook(io.BytesIO(excel_report(demo_report)))
    rows = sheet_rows(wb["Clients"])
    c = demo_report.clients
    assert [r["Client ID"] for r in rows] == [str(i) for i in c.index]
    assert [r["Client"] for r in rows] == c["label"].tolist()
    assert [r["Rank"] for r in rows] == c["rank"].tolist()
    assert [r["Class"] for r in rows] == c["abc_class"].astype(str).tolist()
    for header, column in (
        ("Revenue", "value"),
        ("Share", "share"),
        ("Cumulative share", "cumulative_share"),
    ):
        assert [r[header] for r in rows] == pytest.approx(c[column].tolist(), rel=1e-15, abs=0), header
    actions = sheet_rows(wb["Actions"])
    assert [(r["Client ID"], r["Action"], r["Why"]) for r in actions] == list(
        zip(
            demo_report.actions.index,
            demo_report.actions["action"],
            demo_report.actions["reason"],
            strict=True,
        )
    )
    assert [r["Profit after cost to serve"] for r in actions] == pytest.approx(
        demo_report.actions["profit"].tolist()
    )


def test_odd_cells_are_written_as_a_spreadsheet_reads_them():
    report = small_report()
    n = len(report.clients)
    odd = report.clients.assign(
        score=[1.5, np.nan, np.inf, -np.inf, -2.0, 0.1, 1e-7, 123456789.125, 3.0, 4.0][:n],
        flag=[True, False] * (n // 2),
        since=pd.to_datetime(["2025-03-01", None] * (n // 2)),
        note=['a&b<c>"d"', None, 3, 2.5, True, "\x01bell\x1f", " padded ", "=1+1", "_x0041_", 'a&b<c>"d"'][
            :n
        ],
    )
    wb = load_workbook(io.BytesIO(excel_report(dataclasses.replace(report, clients=odd))))
    header = [c.value for c in wb["Clients"][1]]
    cells = {h: [row[j] for row in wb["Clients"].iter_rows(min_row=2)] for j, h in enumerate(header)}
    assert [c.value for c in cells["score"]] == [
        1.5,
        None,
        None,
        None,
        -2.0,
        0.1,
        1e-7,
        123456789.125,
        3.0,
        4.0,
    ]
    assert [c.value for c in cells["flag"]] == [True, False] * (n // 2)
    assert [c.value for c in cells["since"]] == [dt.datetime(2025, 3, 1), None] * (n // 2)
    assert cells["since"][0].number_format == "yyyy-mm-dd"
    notes = cells["note"]
    assert [c.value for c in notes] == [
        'a&b<c>"d"',
        None,
        3,
        2.5,
        True,
        "bell",
        " padded ",
        "=1+1",
        "_x0041_",
        'a&b<c>"d"',
    ]
    assert [c.quotePrefix for c in notes] == [False] * 7 + [True, False, False]
    assert notes[7].data_type == "s"  # text, never a formula


def test_the_report_does_not_change_its_inputs():
    p = small_portfolio(with_activities=True)
    classified = classify_abc(p.values(), 0.8, 0.95)
    before = (classified.copy(), p.clients.copy(), p.transactions.copy(), p.activities.copy())
    excel_report(build_report(p, classified, AnalysisSettings()))
    for old, new in zip(before, (classified, p.clients, p.transactions, p.activities), strict=True):
        pd.testing.assert_frame_equal(old, new)


# --- PowerPoint -----------------------------------------------------------------------------------


def slide_titles(prs) -> list[str]:
    return [
        s.shapes.title.text if s.shapes.title is not None else s.shapes[0].text_frame.text for s in prs.slides
    ]


def pictures(slide) -> list:
    return [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_deck_tells_the_story_with_its_charts(demo_report):
    prs = Presentation(io.BytesIO(pptx_report(demo_report)))
    assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=1e-3)
    titles = slide_titles(prs)
    assert titles[:8] == [
        "Client portfolio review", "Who makes the revenue", "The Pareto curve", "Who takes the team's time",
        "Profitability: the whale curve", "Where we are heading", "Key figures", "Action plan",
    ]  # fmt: skip
    assert all(t.startswith("Action list") for t in titles[8:]) and len(titles) > 8
    slides = list(prs.slides)
    assert [len(pictures(s)) for s in slides[:8]] == [0, 0, 1, 1, 1, 0, 0, 0]
    text = " ".join(sh.text_frame.text for sh in slides[2].shapes if sh.has_text_frame)
    assert re.search(r"\d+% of clients \(class A, [\d,]+\) make \d+% of revenue", text)
    title_text = " ".join(sh.text_frame.text for sh in slides[0].shapes if sh.has_text_frame)
    assert "A up to 80 %, B up to 95 %" in title_text and "400 clients" in title_text
    table = next(sh.table for sh in slides[1].shapes if sh.has_table)
    assert [table.cell(i, 0).text for i in range(1, 4)] == ["A", "B", "C"]


def test_every_figure_shows_its_assumptions(demo_report):
    prs = Presentation(io.BytesIO(pptx_report(demo_report)))
    by_title = {s.shapes.title.text: s for s in prs.slides}
    for title in ("Who makes the revenue", "The Pareto curve", "Who takes the team's time", "Action plan"):
        notes = by_title[title].notes_slide.notes_text_frame.text
        shown = " ".join(sh.text_frame.text for sh in by_title[title].shapes if sh.has_text_frame)
        assert notes and notes.split("\n")[0] in shown, title
    assert "per hour" in by_title["Who takes the team's time"].notes_slide.notes_text_frame.text
    assert "Sales from" in by_title["The Pareto curve"].notes_slide.notes_text_frame.text
    assert "first 80 %" in by_title["Who makes the revenue"].notes_slide.notes_text_frame.text


def test_deck_is_readable_and_nothing_leaves_the_slide(demo_report):
    prs = Presentation(io.BytesIO(pptx_report(demo_report)))
    sizes = []
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= prs.slide_width, shape.name
            assert shape.top + shape.height <= prs.slide_height, shape.name
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            runs = [r for tf in frames for p in tf.paragraphs for r in p.runs if r.text.strip()]
            sizes += [r.font.size for r in runs]
    assert sizes and None not in sizes
    assert min(sizes) >= Pt(14)


MARGINS = ROOT / "tests" / "data" / "corpus" / "a28_amount_margin_no_date.csv"


def test_deck_without_activities_has_no_empty_slide_and_shows_the_whale_curve():
    p, _ = load_paths([MARGINS])
    report = build_report(p, classify_abc(p.values()), AnalysisSettings(), source=p.source)
    prs = Presentation(io.BytesIO(pptx_report(report)))
    titles = slide_titles(prs)
    assert titles == [
        "Client portfolio review", "Who makes the revenue", "The Pareto curve",
        "Profitability: the whale curve", "Key figures", "Action plan", "Action list",
    ]  # fmt: skip
    slides = list(prs.slides)
    assert len(pictures(slides[2])) == len(pictures(slides[3])) == 1
    for slide in slides[1:]:  # something beyond the title, the footer and the notes
        assert pictures(slide) or any(sh.has_table for sh in slide.shapes) or len(slide.shapes) > 8
    whale = " ".join(sh.text_frame.text for sh in slides[3].shapes if sh.has_text_frame)
    assert "no cost to serve" in whale  # the profit is the margin: the slide says so


def test_deck_compares_with_a_saved_review():
    p = demo_portfolio()
    before = demo_portfolio(3)
    report = build_report(p, classify_abc(p.values()), AnalysisSettings(), earlier=("May review", before))
    prs = Presentation(io.BytesIO(pptx_report(report)))
    slide = next(s for s in prs.slides if s.shapes.title.text == "What changed since the last review")
    assert len(pictures(slide)) == 1
    text = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "since May review" in text
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    assert table.cell(0, 1).text == "From" and len(table.rows) > 1


def test_action_list_is_paginated(demo_report):
    prs = Presentation(io.BytesIO(pptx_report(demo_report)))
    tables = [sh.table for s in prs.slides if s.shapes.title.text.startswith("Action list") for sh in s.shapes
              if sh.has_table]  # fmt: skip
    assert tables and all(len(t.rows) <= 7 for t in tables)  # header + at most 6 clients


# --- Charts ---------------------------------------------------------------------------------------


def test_png_and_svg_exports(demo_report):
    chart = demo_report.charts["pareto"]
    one, two = chart_png(chart, scale=1), chart_png(chart, scale=2)
    assert one[:8] == two[:8] == b"\x89PNG\r\n\x1a\n"
    (w1, h1), (w2, h2) = png_size(one), png_size(two)
    assert w1 >= 900 and (w2, h2) == (2 * w1, 2 * h1)
    svg = chart_svg(chart)
    assert "<svg" in svg
    assert ET.fromstring(svg).tag.endswith("svg")


def test_every_chart_renders(demo_report):
    assert sorted(demo_report.charts) == ["dual_pareto", "effort", "pareto", "whale"]
    for chart in demo_report.charts.values():
        assert png_size(chart_png(chart, scale=1))[0] > 500


def test_charts_rendered_in_a_process_of_their_own_are_the_same_pictures(demo_report):
    charts = deck_charts(demo_report)
    with PngRenderer() as renderer:
        renderer.send(charts)
        pngs = renderer.result()
    assert pngs == {key: chart_png(chart) for key, chart in charts.items()}
    assert renderer.process.returncode == 0


def test_a_renderer_that_fails_leaves_the_rendering_here(demo_report, monkeypatch):
    monkeypatch.setattr(render, "_RENDERER", "raise SystemExit(3)")
    chart = demo_report.charts["pareto"]
    with PngRenderer() as renderer:
        renderer.send({"pareto": chart})
        assert renderer.result() == {"pareto": chart_png(chart)}
    assert renderer.process.returncode == 3


def test_a_report_that_stops_stops_its_renderer():
    with pytest.raises(ValueError), PngRenderer() as renderer:
        raise ValueError("bad input")
    assert renderer.process.returncode is not None  # ended, not left waiting for charts


def test_many_clients_stay_under_altairs_row_limit():
    n = 9000
    rng = np.random.default_rng(1)
    ids = [f"C{i:05d}" for i in range(n)]
    clients = pd.DataFrame({"status": "active"}, index=pd.Index(ids, name="client"))
    tx = pd.DataFrame({"client": ids, "amount": rng.pareto(1.2, n) * 1000 + 1})
    acts = pd.DataFrame({"client": ids, "type": "Call", "hours": rng.exponential(3, n)})
    p = Portfolio(clients, tx, acts, source="big.csv")
    report = build_report(p, classify_abc(p.values()), AnalysisSettings())
    spec = report.charts["effort"].to_dict()  # would raise MaxRowsError over 5,000 rows
    assert f"{MAX_SCATTER_POINTS:,} largest clients" in str(spec["title"]) and f"{n:,}" in str(spec["title"])
    for key in ("pareto", "dual_pareto", "whale"):
        report.charts[key].to_dict()


# --- CLI ------------------------------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "portfolio_core", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_cli_report_writes_both_files(tmp_path):
    files = [str(f) for f in write_demo(tmp_path / "demo")]
    sales = [f for f in files if "activit" not in f]
    acts = next(f for f in files if "activit" in f)
    xlsx, pptx = tmp_path / "review.xlsx", tmp_path / "review.pptx"
    result = cli("report", *sales, "--activities", acts, "--a", "70", "--b", "90", "--xlsx", str(xlsx),
                 "--pptx", str(pptx))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    wb = load_workbook(xlsx)
    settings = {r["Setting"]: r["Value"] for r in sheet_rows(wb["Settings"])}
    assert (settings["A cut-off (%)"], settings["B cut-off (%)"]) == ("70", "90")
    classes = [r["Class"] for r in sheet_rows(wb["Clients"])]
    assert len(classes) == 400 and set(classes) == {"A", "B", "C"}
    prs = Presentation(str(pptx))
    assert len(pictures(list(prs.slides)[3])) == 1  # the effort chart: activities were given


def test_cli_report_on_a_formula_like_csv(tmp_path):
    src = tmp_path / "clients.csv"
    rows = "\n".join(
        f"{n},{v:g}" for n, v in zip(["=1+1", "@SUM(A1)", "Acme", "+cmd", "Beta"], REVENUE[:5], strict=True)
    )
    src.write_text("Client,Revenue\n" + rows + "\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    result = cli("report", str(src), "--xlsx", str(out))
    assert result.returncode == 0, result.stderr
    wb = load_workbook(out)
    assert not [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert {r["Client ID"]: r["Class"] for r in sheet_rows(wb["Clients"])}["=1+1"] == "A"


@pytest.mark.parametrize(
    "args, expected",
    [
        (["report", "{small}"], "nothing to write"),
        (["report", "missing.csv", "--xlsx", "{tmp}/x.xlsx"], "cannot read"),
        (["report", "{small}", "--a", "90", "--b", "80", "--xlsx", "{tmp}/x.xlsx"], "cut-offs"),
        (["report", "{small}", "--pptx", "{tmp}/no/such/folder/x.pptx"], "does not exist"),
        (["report", "{small}", "--xlsx", "{tmp}/x.xlsx", "--segment", "sector=Retail"], "--segment"),
    ],
)
def test_cli_report_bad_input_exits_2_with_one_line(tmp_path, args, expected):
    small = tmp_path / "small.csv"
    small.write_text("Client,Revenue\nAcme,500\nBeta,200\n", encoding="utf-8")
    result = cli(*[a.format(small=small, tmp=tmp_path) for a in args])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], result.stderr
    assert not (tmp_path / "x.xlsx").exists()


# --- The Export page ------------------------------------------------------------------------------


def test_export_page_renders_and_offers_every_download(app):
    app.run()
    app.switch_page("pages/export.py").run()
    assert not app.exception and not app.error
    assert app.title[0].value == "Export"
    assert app.get("download_button") == []  # nothing is rendered before the user asks
    next(b for b in app.button if b.label == "Prepare the meeting pack").click().run()
    assert not app.exception and not app.error
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Excel workbook (.xlsx)" in labels and "PowerPoint deck (.pptx)" in labels
    assert "PDF handout (.pdf)" in labels
    for name in ("Pareto curve", "Effort vs revenue", "Revenue and effort Pareto", "Whale curve"):
        assert f"{name} (PNG)" in labels and f"{name} (SVG)" in labels
    # a slider move asks again instead of re-rendering every chart
    app.slider(key="w_a").set_value(70).run()
    assert not app.exception and app.get("download_button") == []


def test_a_link_with_anon_turns_the_anonymised_mode_on_and_keeps_it(app):
    app.query_params["anon"] = "1"
    app.run()
    app.switch_page("pages/export.py").run()
    assert not app.exception
    toggle = next(t for t in app.toggle if t.label.startswith("Anonymised"))
    assert toggle.value is True
    assert app.query_params["anon"] in (["1"], "1")
    toggle.set_value(False).run()
    assert "anon" not in app.query_params


# --- Languages ------------------------------------------------------------------------------------


def french_report(with_activities: bool = True, **settings):
    from portfolio_core.i18n import Translator

    p = small_portfolio(with_activities)
    classified = classify_abc(p.values(), 0.8, 0.95)
    fr = Translator("fr")
    return build_report(p, classified, AnalysisSettings(**settings), source=p.source, t=fr), fr


def test_a_french_workbook_has_french_sheets_and_headers():
    report, fr = french_report(a_pct=82.5)
    wb = load_workbook(io.BytesIO(excel_report(report)))
    assert wb.sheetnames == ["Clients", "Synthèse", "Actions", "Réglages"]
    header = [c.value for c in wb["Clients"][1]]
    assert header[:3] == ["Identifiant client", "Client", "Rang"] and "Classe" in header
    assert "Chiffre d'affaires" in header and "Part cumulée" in header and "Class" not in header
    rows = sheet_rows(wb["Clients"])
    assert [r["Chiffre d'affaires"] for r in rows] == REVENUE  # still numbers, with number formats
    assert wb["Clients"]["D2"].number_format == "#,##0" and wb["Clients"]["E2"].number_format == "0.0%"
    summary = {r["Classe"]: r for r in sheet_rows(wb["Synthèse"])}
    assert summary["A"]["Clients"] == 3 and summary["A"]["Part du chiffre d'affaires"] == pytest.approx(0.8)
    assert "Part de l'effort" in summary["A"]
    actions = sheet_rows(wb["Actions"])[0]
    assert {"Action", "Pourquoi", "Profit après coût de service"} <= set(actions)
    settings = {r["Réglage"]: r["Valeur"] for r in sheet_rows(wb["Réglages"])}
    assert settings["Seuil A (%)"] == "82,5" and "recommandé" in settings["Règle ABC"]
    assert settings["Filtres"] == "aucun" and settings["Coût horaire (coût de service)"] == "60,00"
    assert fr.missing == set()


def test_a_french_deck_has_french_titles_and_french_numbers():
    report, fr = french_report()
    prs = Presentation(io.BytesIO(pptx_report(report)))
    titles = slide_titles(prs)
    assert titles[:4] == [
        "Revue du portefeuille clients", "Qui fait le chiffre d'affaires", "La courbe de Pareto",
        "Qui prend le temps de l'équipe",
    ]  # fmt: skip
    slides = list(prs.slides)
    headline = " ".join(sh.text_frame.text for sh in slides[1].shapes if sh.has_text_frame)
    assert re.search(
        r"\d+\u00a0% des clients \(classe A, \d+\) font \d+\u00a0% du chiffre d'affaires", headline
    )
    effort = " ".join(sh.text_frame.text for sh in slides[3].shapes if sh.has_text_frame)
    assert "des clients prennent 80 % de l'effort" in effort.replace("\u00a0", " ")
    assert titles[4:7] == ["Rentabilité : la courbe de la baleine", "Chiffres clés", "Plan d'action"]
    assert all(t.startswith("Liste d'actions") for t in titles[7:]) and len(titles) >= 8
    table = next(sh.table for sh in slides[1].shapes if sh.has_table)
    assert [table.cell(0, j).text for j in range(3)] == ["Classe", "Clients", "Part des clients"]
    assert table.cell(1, 2).text.replace("\u00a0", " ") == "30,0 %"  # 3 of 10 clients
    assert "classés par chiffre d'affaires" in headline and "filtres : aucun" in headline  # the footer
    kpi_text = " ".join(sh.text_frame.text for sh in slides[5].shapes if sh.has_text_frame)
    assert "Plus gros client" in kpi_text and "50,0\u00a0%" in kpi_text
    plan = next(sh.table for sh in slides[6].shapes if sh.has_table)
    assert plan.cell(0, 0).text == "Action"
    assert fr.missing == set()


def test_a_french_report_without_activities_explains_in_french():
    report, fr = french_report(with_activities=False)
    assert report.notes[0].startswith("Pas d'historique des échanges")
    titles = slide_titles(Presentation(io.BytesIO(pptx_report(report))))
    assert "Qui prend le temps de l'équipe" not in titles and len(titles) >= 5  # left out, never empty
    assert fr.missing == set()


def test_the_english_outputs_do_not_depend_on_the_french_catalog():
    from portfolio_core.i18n import ENGLISH

    report = small_report(with_activities=True)
    assert report.t is ENGLISH
    wb = load_workbook(io.BytesIO(excel_report(report)))
    assert [c.value for c in wb["Clients"][1]] == [
        "Client ID", "Client", "Rank", "Revenue", "Share", "Cumulative share", "Class", "Sector"
    ]  # fmt: skip
    assert [c.value for c in wb["Actions"][1]] == [
        "Client ID", "Client", "Class", "Action", "Why", "Revenue", "Hours", "Profit after cost to serve",
        "Cost to serve based on",  # added: the hourly cost the profit rests on
    ]  # fmt: skip
    assert [r[0] for r in wb["Settings"].iter_rows(values_only=True)][:4] == [
        "Setting", "Date", "Source", "Ranking measure"
    ]  # fmt: skip
    prs = Presentation(io.BytesIO(pptx_report(report)))
    slides = list(prs.slides)
    plan = next(sh.table for sh in slides[6].shapes if sh.has_table)
    assert [plan.cell(0, j).text for j in range(4)] == ["Move", "Clients", "Revenue", "Hours"]
    assert re.fullmatch(r"Action list( \(1/\d\))?", slide_titles(prs)[7])
    footer = " ".join(sh.text_frame.text for sh in slides[1].shapes if sh.has_text_frame)
    assert " · A 80 % / B 95 % · ranked by revenue · filters: none" in footer


def test_amounts_in_the_files_carry_the_currency():
    # Total revenue by hand: 500 + 200 + 100 + 80 + 50 + 30 + 20 + 10 + 6 + 4 = 1,000.
    report, fr = french_report(currency="EUR")
    total = {k.key: k.value for k in report.kpis}["total"]
    assert total.replace("\u202f", " ").replace("\xa0", " ") == "1 000 €"
    wb = load_workbook(io.BytesIO(excel_report(report)))
    assert wb["Clients"]["D2"].number_format == '#,##0\\ "€"'  # the reader's separators, the euro sign
    english = small_report(currency="USD")
    assert {k.key: k.value for k in english.kpis}["total"] == "$1,000"
    assert load_workbook(io.BytesIO(excel_report(english)))["Clients"]["D2"].number_format == '"$"#,##0'


def test_cli_report_in_french(tmp_path):
    src = tmp_path / "clients.csv"
    src.write_text(
        "Client,Revenue\n" + "\n".join(f"{i},{v:g}" for i, v in zip(IDS, REVENUE, strict=True)) + "\n"
    )
    xlsx, pptx = tmp_path / "revue.xlsx", tmp_path / "revue.pptx"
    result = cli("report", str(src), "--lang", "fr", "--xlsx", str(xlsx), "--pptx", str(pptx))
    assert result.returncode == 0, result.stderr
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Clients", "Synthèse", "Actions", "Réglages"]
    assert {r["Identifiant client"]: r["Classe"] for r in sheet_rows(wb["Clients"])} == EXPECTED
    assert slide_titles(Presentation(str(pptx)))[0] == "Revue du portefeuille clients"
    assert cli("report", str(src), "--lang", "de", "--xlsx", str(xlsx)).returncode == 2


def test_export_page_in_french(app):
    from ui.i18n import TRANSLATORS

    TRANSLATORS["fr"].missing.clear()
    app.query_params["lang"] = "fr"
    app.run()
    app.switch_page("pages/export.py").run()
    assert not app.exception and not app.error
    assert app.number_input(key="export_hourly_cost").label == "Coût horaire (pour le coût de service)"
    next(b for b in app.button if b.label == "Préparer le dossier de réunion").click().run()
    assert not app.exception and not app.error
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Classeur Excel (.xlsx)" in labels and "Présentation PowerPoint (.pptx)" in labels
    assert "Courbe de Pareto (PNG)" in labels and "Courbe de la baleine (SVG)" in labels
    assert [h.value for h in app.main.subheader] == ["Fichiers de la réunion", "Graphiques"]
    assert TRANSLATORS["fr"].missing == set()
