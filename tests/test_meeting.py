"""The meeting files: the PDF handout (pages, charts, French and the euro) and the anonymised exports."""

import io
import re
import subprocess
import sys
import zipfile

import pytest
from pypdf import PdfReader

from portfolio_core import classify_abc
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.i18n import Translator
from portfolio_core.ingest.demo import demo_portfolio
from portfolio_core.ingest.files import load_paths
from portfolio_core.report.deck import pptx_report
from portfolio_core.report.pack import build_report
from portfolio_core.report.pdf import pdf_report
from portfolio_core.report.workbook import excel_report
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "corpus"


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def chart_paths(data: bytes, number: int) -> int:
    """How many vector path operators the page draws (its text and table cells draw none)."""
    page = PdfReader(io.BytesIO(data)).pages[number]
    streams = [page.get_contents().get_data()]
    for xobject in page["/Resources"].get("/XObject", {}).values():  # an SVG is drawn as a form
        xobject = xobject.get_object()
        if xobject["/Subtype"] == "/Form":
            streams.append(xobject.get_data())
    content = b"\n".join(streams).decode("latin-1")
    return len(re.findall(r"\s(?:re|l|c|h)\s", content))


@pytest.fixture(scope="module")
def demo_pdf():
    p = demo_portfolio()
    report = build_report(p, classify_abc(p.values()), AnalysisSettings(currency="EUR"), source=p.source,
                          t=Translator("fr"), earlier=("Revue de mai", demo_portfolio(3)))  # fmt: skip
    return pdf_report(report)


def test_the_demo_handout_has_a_page_per_slide_with_vector_charts(demo_pdf):
    text = pages(demo_pdf)
    titles = [t.split("\n")[1] for t in text]  # the header line, then the title
    assert titles[:10] == [
        "Revue du portefeuille clients", "Qui fait le chiffre d'affaires", "La courbe de Pareto",
        "Qui prend le temps de l'équipe", "Rentabilité : la courbe de la baleine",
        "Ce qui a changé depuis la dernière revue", "Où va le portefeuille", "Chiffres clés",
        "Plan d'action", "Liste d'actions",
    ]  # fmt: skip
    for number in (2, 3, 4):  # the charts are vectors (a page of tables draws under a hundred paths)
        assert chart_paths(demo_pdf, number) > 500, titles[number]
    assert chart_paths(demo_pdf, 1) < 100
    assert "Période suivante" in text[5]  # the migration heat map's axis, as text
    assert "Part cumulée du chiffre d'affaires" in text[2] and "Effort (heures)" in text[3]
    for page in text:  # the date and the source on every page
        assert "Portefeuille de démonstration" in page and re.search(r"\d+ \w+ 20\d\d ·", page)
    assert "€" in text[1] and "Ventes du" in text[2]  # the currency and the period the figures rest on
    assert "coût de service" in text[4]  # the assumption behind the whale curve


def test_a_handout_without_activities_leaves_out_the_effort_page():
    p, _ = load_paths([CORPUS / "a28_amount_margin_no_date.csv"])
    data = pdf_report(build_report(p, classify_abc(p.values()), AnalysisSettings(), source=p.source))
    titles = [t.split("\n")[1] for t in pages(data)]
    assert titles == [
        "Client portfolio review", "Who makes the revenue", "The Pareto curve",
        "Profitability: the whale curve", "Key figures", "Action plan", "Action list",
    ]  # fmt: skip
    assert "Part cumulée du chiffre" not in "".join(pages(data))  # English throughout
    assert (
        chart_paths(data, 2) > chart_paths(data, 1) + 20 and chart_paths(data, 3) > chart_paths(data, 1) + 20
    )


# --- Anonymised mode ----------------------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portfolio_core", *args], cwd=ROOT, capture_output=True,
                          text=True)  # fmt: skip


def zipped_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))


def test_anonymised_exports_name_no_client(tmp_path):
    src = CORPUS / "a15_hubspot_deals.csv"
    p, _ = load_paths([src])
    secrets = {str(c) for c in p.clients.index} | set(p.clients.get("name", p.clients.index).astype(str))
    assert "Acme Corp" in secrets
    out = {ext: tmp_path / f"r.{ext}" for ext in ("xlsx", "pptx", "pdf", "csv")}
    r = cli("report", str(src), "--anonymise", "--xlsx", str(out["xlsx"]), "--pptx", str(out["pptx"]),
            "--pdf", str(out["pdf"]))  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = cli("classify", str(src), "--anonymise", "--out", str(out["csv"]))
    assert r.returncode == 0, r.stderr
    texts = {
        "xlsx": zipped_text(out["xlsx"]),
        "pptx": zipped_text(out["pptx"]),
        "pdf": " ".join(pages(out["pdf"].read_bytes())),
        "csv": out["csv"].read_text(),
    }
    for ext, text in texts.items():
        leaked = {name for name in secrets if name in text}
        assert not leaked, (ext, leaked)
        assert re.search(r"\bA-001\b", text), ext  # the clients are there, by label


def test_the_demo_anonymised_keeps_its_figures():
    p = demo_portfolio()
    plain = build_report(p, classify_abc(p.values()), AnalysisSettings())
    anon = build_report(p, classify_abc(p.values()), AnalysisSettings(), anonymous=True)
    assert (anon.summary == plain.summary).all().all()
    labels = anon.clients["label"]
    assert labels.is_unique and labels.iloc[0] == "A-001" and labels.str.fullmatch(r"[ABC]-\d{3}").all()
    text = zipped_text(io.BytesIO(pptx_report(anon))) + zipped_text(io.BytesIO(excel_report(anon)))
    names = set(p.clients["name"]) | set(p.clients.index)
    assert not {n for n in names if re.search(rf"\b{re.escape(n)}\b", text)}
