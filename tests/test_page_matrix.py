"""Every page, and a client card, on every accepted corpus file and on the demo (issue #13, item 3).

One AppTest per file: the file is uploaded on the Data page as a user would, then every page of
``pages/`` is opened in turn, the presentation is stepped through to its last view, the meeting
pack is built and the cards of the first and the last client are opened. A page that shows an
error box or raises fails the test with the page's name. Whatever optional column a file lacks
(date, margin, stage, activity log, client attributes), the pages must say what they need instead
of breaking.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, each_tab, shown

CORPUS = ROOT / "tests" / "data" / "corpus"
CASES = json.loads((ROOT / "tests" / "data" / "corpus.json").read_text(encoding="utf-8"))["cases"]
ACCEPTED = [c["files"] for c in CASES if "error" not in c]
PAGES = [f"pages/{p.name}" for p in sorted((ROOT / "pages").glob("*.py"))]


def _mime(name: str) -> str:
    return "application/octet-stream" if name.endswith(".xlsx") else "text/csv"


def _upload(at, files: list[str]) -> None:
    data = [(Path(f).name, (CORPUS / f).read_bytes(), _mime(f)) for f in files]
    at.get("file_uploader")[0].set_value(data if len(data) > 1 else data[0]).run()


def _clean(at, where: str) -> None:
    assert not at.exception, f"{where}: {at.exception[0].value if at.exception else ''}"
    assert not at.error, f"{where}: {[shown(e.value) for e in at.error]}"


def _every_page(at, label: str) -> None:
    for page in PAGES:
        at.switch_page(page).run()
        _clean(at, f"{label} {page}")
        for tab in each_tab(at):
            _clean(at, f"{label} {page}, tab {tab}")
        if page == "pages/present.py":  # each slide says what it is, in its <h1>; none is empty
            while True:
                slide = next(
                    h.proto.body for h in at.get("html") if 'data-testid="presentSlide"' in h.proto.body
                )
                assert "<h1>" in slide and re.search(r'class="body"><(img|table|div)', slide), (label, slide)
                if at.button(key="present_next").disabled:
                    break
                at.button(key="present_next").click().run()
                _clean(at, f"{label} {page} step after {slide[:120]!r}")
            continue
        assert at.title, f"{label} {page}: the page says what it is"
        if page == "pages/export.py":
            next(b for b in at.button if b.label == "Prepare the meeting pack").click().run()
            _clean(at, f"{label} {page} meeting pack")
            assert at.get("download_button"), f"{label}: the meeting pack is offered"
    # the cards of the first and the last client of the list (largest and smallest), as a click selects them
    at.switch_page("pages/clients.py").run()
    last = len(at.dataframe[0].value) - 1
    for row in sorted({0, last}):
        at.session_state["client_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
        at.run()
        _clean(at, f"{label} client card, row {row}")
        assert at.header, f"{label}: the card shows the client's name"
        assert [m.label for m in at.metric][:1] == ["Class"], f"{label}: the card shows the client's class"


def test_the_matrix_covers_every_page_and_the_files_without_optional_columns():
    assert {Path(p).stem for p in PAGES} == {
        "data", "abc", "effort", "kpis", "health", "segments", "managers", "clients", "saved", "export",
        "present",
    }  # fmt: skip
    names = {f for files in ACCEPTED for f in files}
    # amount only; amount + stage, no date; amount + date only; amount + margin; client list + deals,
    # no log; undated invoices with a log
    assert {"a01_comma_utf8.csv", "a26_amount_stage_no_date.csv", "a27_twelve_months.csv"} <= names
    assert {"a28_amount_margin_no_date.csv", "set_nolog/deals.csv", "set_log_undated/invoices.csv"} <= names


def test_every_page_on_the_demo(app):
    app.run()
    _every_page(app, "demo")


@pytest.mark.parametrize("files", ACCEPTED, ids=["+".join(f) for f in ACCEPTED])
def test_every_page_on_a_corpus_file(app, files):
    app.run()
    _upload(app, files)
    _clean(app, "upload")
    loaded = Path(files[0]).name
    assert any(loaded in shown(h.value) for h in app.subheader), "the file is loaded, not left on the demo"
    _every_page(app, "+".join(files))


# The files that lack optional columns, in French: every "needs..." message is translated too.
SPARSE = [
    ["a01_comma_utf8.csv"],
    ["a26_amount_stage_no_date.csv"],
    ["a27_twelve_months.csv"],
    ["a28_amount_margin_no_date.csv"],
    ["set_nolog/clients.csv", "set_nolog/deals.csv"],
    ["set_log_undated/invoices.csv", "set_log_undated/activities.csv"],
]


@pytest.mark.parametrize("files", SPARSE, ids=["+".join(f) for f in SPARSE])
def test_every_page_in_french_on_a_file_without_optional_columns(app, files):
    from ui.i18n import TRANSLATORS

    TRANSLATORS["fr"].missing.clear()
    app.query_params["lang"] = "fr"
    app.run()
    _upload(app, files)
    _clean(app, "upload")
    for page in PAGES:
        app.switch_page(page).run()
        _clean(app, f"{'+'.join(files)} {page} (fr)")
        for tab in each_tab(app):
            _clean(app, f"{'+'.join(files)} {page}, tab {tab} (fr)")
    assert TRANSLATORS["fr"].missing == set()
