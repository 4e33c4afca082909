"""Every figure that rests on an assumption shows it beside it: the hourly cost (saying when it is
a default nobody chose), the default durations and who is set aside, on the Effort and Presentation
pages, in the workbook and in the deck."""

from __future__ import annotations

import html
import io
import subprocess
import sys

from openpyxl import load_workbook
from pptx import Presentation

from portfolio_core import build_portfolio, classify_abc, read_table
from portfolio_core.analysis.settings import AnalysisSettings
from portfolio_core.report.deck import pptx_report
from portfolio_core.report.pack import build_report
from portfolio_core.report.workbook import excel_report
from tests.conftest import ROOT, shown

# Revenue 1000 / 100 / 50 (T = 1150: before = 0, .87, .957 -> A, B, C); hours 2 / 0.5 / 3; no margin,
# so profit = revenue - hours x cost. At the default 60: 880, 70, 50 - 180 = -130 -> one client (Cee)
# costs more than it brings, 130 lost. At 45: 910, 77.5, 50 - 135 = -85 -> one client, 85 lost.
CLIENTS = b"Client,Revenue\nAy,1000\nBee,100\nCee,50\n"
ACTIVITIES = (
    b"Client,Date,Type,Hours\nAy,2024-01-05,meeting,2\nBee,2024-01-06,call,0.5\nCee,2024-01-07,visit,3\n"
)
DEFAULT_LET_GO = (
    "1 clients cost more to serve than they bring at the default 60 per hour, an hourly cost nobody chose "
    "(130 of profit lost): set your own before letting anyone go."
)
CHOSEN_LET_GO = (
    "1 clients cost more to serve than they bring, at 45 per hour (your hourly cost): 85 of profit lost."
)


def portfolio():
    tables = [read_table(CLIENTS, "clients.csv"), read_table(ACTIVITIES, "activities.csv")]
    return build_portfolio(tables)[0]


def report(**settings):
    p = portfolio()
    return build_report(p, classify_abc(p.values()), AnalysisSettings(**settings), source=p.source)


def texts(at) -> list[str]:
    return [shown(e.value) for e in [*at.caption, *at.warning, *at.markdown]]


def upload_set(app) -> None:
    app.run()
    app.get("file_uploader")[0].set_value(
        [("clients.csv", CLIENTS, "text/csv"), ("activities.csv", ACTIVITIES, "text/csv")]
    ).run()
    assert not app.exception and not app.error


def test_the_effort_page_says_the_let_go_figure_rests_on_a_default_until_a_cost_is_set(app):
    upload_set(app)
    app.switch_page("pages/effort.py").run()
    assert not app.exception
    assert any(shown(w.value).startswith(DEFAULT_LET_GO) for w in app.warning)
    beside = " ".join(texts(app))
    assert "Cost to serve at 60 per hour of the team's time: a default, not your figure." in beside
    assert "Activities logged without a duration count: call 0.25 h, email 0.1 h, meeting 1 h" in beside
    assert "Set aside (not in the figures): 0 prospects, 0 former clients, 0 partners." in beside
    app.number_input(key="w_hourly_cost").set_value(45.0).run()
    assert any(text.startswith(CHOSEN_LET_GO) for text in texts(app))
    assert not any("default" in shown(w.value) for w in app.warning)  # no "default" warning any more
    assert "Cost to serve at 45 per hour of the team's time (your hourly cost)." in " ".join(texts(app))


def test_the_presentation_shows_the_cost_behind_the_let_go_figure(app):
    upload_set(app)
    app.switch_page("pages/present.py")
    app.session_state["present_step"] = 99  # the last slide on screen: the action plan
    app.session_state["present_notes_shown"] = True  # the speaker's notes: the assumptions

    def slide() -> str:
        return next(h.proto.body for h in app.get("html") if 'data-testid="presentSlide"' in h.proto.body)

    app.run()
    assert "<h1>Action plan</h1>" in slide()
    assert html.escape(DEFAULT_LET_GO, quote=True) in slide()
    app.switch_page("pages/effort.py").run()
    app.number_input(key="w_hourly_cost").set_value(45.0).run()
    app.switch_page("pages/present.py").run()  # the cost set on the Effort page follows
    assert html.escape(CHOSEN_LET_GO, quote=True) in slide() and "default" not in slide()


def test_the_french_effort_page_says_default_in_french(app):
    app.query_params["lang"] = "fr"
    upload_set(app)
    app.switch_page("pages/effort.py").run()
    warning = " ".join(shown(w.value) for w in app.warning)
    assert "au coût horaire par défaut de 60, que personne n'a choisi (130 de profit perdu)" in warning


def test_the_workbook_shows_the_hourly_cost_beside_the_profit_and_the_let_go_advice():
    wb = load_workbook(io.BytesIO(excel_report(report())))
    settings = {r[0]: r[1] for r in wb["Settings"].iter_rows(values_only=True)}
    assert settings["Let-go advice rests on"] == DEFAULT_LET_GO
    assert settings["Assumption: hourly cost"].startswith(
        "Cost to serve at 60 per hour of the team's time: a default"
    )
    assert settings["Assumption: who is out of scope"] == (
        "Set aside (not in the figures): 0 prospects, 0 former clients, 0 partners."
    )
    actions = list(wb["Actions"].iter_rows(values_only=True))
    based_on = actions[0].index("Cost to serve based on")
    assert {row[based_on] for row in actions[1:]} == {"60 per hour (default, not chosen)"}
    chosen = load_workbook(io.BytesIO(excel_report(report(chosen_hourly_cost=45.0))))
    settings = {r[0]: r[1] for r in chosen["Settings"].iter_rows(values_only=True)}
    assert settings["Let-go advice rests on"] == CHOSEN_LET_GO
    assert {r[based_on] for r in list(chosen["Actions"].iter_rows(values_only=True))[1:]} == {
        "45 per hour (your figure)"
    }


def slide_texts(data: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(data))
    return [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in prs.slides]


def test_the_deck_shows_the_hourly_cost_on_the_title_key_figures_and_action_slides():
    slides = slide_texts(pptx_report(report()))
    assert "Cost to serve at 60 per hour of the team's time: a default, not your figure." in slides[0]
    key_figures = next(s for s in slides if "Key figures" in s)
    assert "Clients costing more than they bring" in key_figures and DEFAULT_LET_GO in key_figures
    assert all(DEFAULT_LET_GO in s for s in slides if "Action plan" in s or "Action list" in s)
    chosen = slide_texts(pptx_report(report(chosen_hourly_cost=45.0)))
    assert "(your hourly cost)" in chosen[0]
    assert CHOSEN_LET_GO in next(s for s in chosen if "Key figures" in s)
    assert not any("default" in s for s in chosen)


def test_the_cli_report_says_the_cost_is_a_default_unless_given(tmp_path):
    clients, acts = tmp_path / "clients.csv", tmp_path / "activities.csv"
    clients.write_bytes(CLIENTS)
    acts.write_bytes(ACTIVITIES)
    for extra, expected in (([], DEFAULT_LET_GO), (["--hourly-cost", "45"], CHOSEN_LET_GO)):
        out = tmp_path / "pack.xlsx"
        args = ["report", str(clients), "--activities", str(acts), "--xlsx", str(out), *extra]
        result = subprocess.run(
            [sys.executable, "-m", "portfolio_core", *args], cwd=ROOT, capture_output=True
        )
        assert result.returncode == 0, result.stderr
        settings = {r[0]: r[1] for r in load_workbook(out)["Settings"].iter_rows(values_only=True)}
        assert settings["Let-go advice rests on"] == expected


def test_the_cost_set_on_the_effort_page_is_the_one_the_clients_page_uses(app):
    upload_set(app)
    app.switch_page("pages/effort.py").run()
    app.switch_page("pages/clients.py").run()  # no cost set: the default 60, and no error
    assert not app.exception
    app.switch_page("pages/effort.py").run()
    app.number_input(key="w_hourly_cost").set_value(45.0).run()
    app.switch_page("pages/clients.py").run()
    assert not app.exception
    # The client list's profit at 45 per hour: Ay 1000 - 2 x 45 = 910, Cee 50 - 3 x 45 = -85.
    listing = app.dataframe[0].value
    profit = dict(zip(listing.index.astype(str), listing["Profit"], strict=True))
    assert (profit["Ay"], profit["Cee"]) == (910, -85)
