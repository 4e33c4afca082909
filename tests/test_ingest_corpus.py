"""Every corpus file (tests/data/corpus/) gives its hand-computed outcome, in the core and on the CLI.

The expectations live in tests/data/corpus.json, written by hand from the files' contents.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from portfolio_core.ingest.files import load_paths
from portfolio_core.ingest.loading import LoadError, read_table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
CASES = json.loads((ROOT / "tests" / "data" / "corpus.json").read_text(encoding="utf-8"))["cases"]
IDS = ["+".join(c["files"]) for c in CASES]


def paths(case: dict) -> list[str]:
    return [str(CORPUS / f) for f in case["files"]]


def test_the_corpus_is_complete():
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file()}
    listed = {f for c in CASES for f in c["files"]}
    assert on_disk == listed
    assert len(on_disk) >= 30
    assert sum("error" in c for c in CASES) >= 12


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_core_outcome(case):
    if "error" in case:
        with pytest.raises(LoadError) as info:
            load_paths(paths(case))
        assert case["error"] in str(info.value)
        assert "Traceback" not in str(info.value)
        return
    portfolio, report = load_paths(paths(case))
    values = portfolio.values()
    assert len(values) == case["clients"]
    assert values.sum() == pytest.approx(case["total_revenue"], abs=0.005)
    assert report.rejected_count == case["rejected"]
    if "scope" in case:
        assert portfolio.scope_counts() == case["scope"]
    if "values" in case:
        assert values.to_dict() == pytest.approx(case["values"])
    if "date_format" in case:
        assert [t.date_format for t in report.tables if t.date_format] == [case["date_format"]]
    if "mapping" in case:
        mapping = report.tables[0].mapping
        assert {r: mapping.get(r) for r in case["mapping"]} == case["mapping"]
    if "roles" in case:
        assert {t.name: t.role for t in report.tables} == case["roles"]
    if "hours" in case:
        assert portfolio.activities["hours"].sum() == pytest.approx(case["hours"])
    if "sheet" in case or "encoding" in case or "separator" in case:
        raw = read_table(Path(paths(case)[0]).read_bytes(), case["files"][0])
        assert raw.sheet == case.get("sheet", raw.sheet)
        assert raw.encoding == case.get("encoding", raw.encoding)
        assert raw.separator == case.get("separator", raw.separator)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_cli_outcome(case):
    result = subprocess.run(
        [sys.executable, "-m", "portfolio_core", "summary", *paths(case), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "error" in case:
        assert result.returncode == 2
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ")
        assert case["error"] in lines[0]
        return
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["clients"] == case["clients"]
    assert summary["total_revenue"] == pytest.approx(case["total_revenue"], abs=0.005)
    assert sum(c["clients"] for c in summary["classes"].values()) == case["clients"]
