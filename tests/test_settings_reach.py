"""The Effort page's hourly cost and durations are settings: every page, the workbook and the deck
use them, not the stock defaults (issue 14)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from portfolio_core.report import workbook

# Revenue 1000 / 100 / 50; Ay and Bee are Ann's (Retail, Food), Cee is Bob's (Food). Logged hours:
# Ay 2 (a meeting), Cee 3 (a visit); Bee's call has no duration, so it counts the call duration:
# 0.25 h by default, 2 h once the user sets calls to 2 h. The pages' tables show whole hours.
CLIENTS = b"Client,Revenue,Account manager,Sector\nAy,1000,Ann,Retail\nBee,100,Ann,Food\nCee,50,Bob,Food\n"
ACTIVITIES = (
    b"Client,Date,Type,Hours\nAy,2024-01-05,meeting,2\nBee,2024-01-06,call,\nCee,2024-01-07,visit,3\n"
)


@pytest.fixture
def loaded(app):
    app.run()
    app.get("file_uploader")[0].set_value(
        [("clients.csv", CLIENTS, "text/csv"), ("activities.csv", ACTIVITIES, "text/csv")]
    ).run()
    assert not app.exception and not app.error
    return app


@pytest.fixture
def workbooks(monkeypatch):
    """The workbooks the Export page builds, read back."""
    built: list = []

    def keep(report):
        data = real(report)
        built.append(load_workbook(io.BytesIO(data)))
        return data

    real = workbook.excel_report
    monkeypatch.setattr(workbook, "excel_report", keep)
    return built


def export(app, workbooks):
    app.switch_page("pages/export.py").run()
    next(b for b in app.button if b.label == "Prepare the meeting pack").click().run()
    assert not app.exception and not app.error
    return workbooks[-1]


def rows(ws) -> dict[str, dict]:
    header, *body = list(ws.iter_rows(values_only=True))
    return {str(row[0]): dict(zip(header, row, strict=True)) for row in body}


def hours_of(app, label: str) -> dict[str, float]:
    """The hours column of the page's comparison table whose rows include ``label``."""
    for frame in app.dataframe:
        table = frame.value
        if "hours" in table.columns and label in table.index:
            return {str(k): round(float(v), 2) for k, v in table["hours"].items()}
    raise AssertionError(f"no table with hours and a row {label!r}")


def test_the_hourly_cost_set_on_the_effort_page_is_the_one_in_the_workbook(loaded, workbooks):
    app = loaded
    app.switch_page("pages/effort.py").run()
    app.number_input(key="w_hourly_cost").set_value(45.0).run()
    wb = export(app, workbooks)
    assert app.number_input(key="export_hourly_cost").value == 45.0  # the Export page shows it too
    settings = {r[0]: r[1] for r in wb["Settings"].iter_rows(values_only=True)}
    assert settings["Hourly cost (cost to serve)"] == "45.00"
    # profit = revenue - hours x 45: Ay 1000 - 90 = 910, Bee 100 - 0.25 x 45 = 88.75, Cee 50 - 135 = -85
    profit = {client: row["Profit after cost to serve"] for client, row in rows(wb["Actions"]).items()}
    assert profit == {"Ay": 910, "Bee": 88.75, "Cee": -85}


def test_an_edited_duration_reaches_the_managers_segments_and_the_workbook(loaded, workbooks):
    app = loaded
    app.switch_page("pages/managers.py").run()
    assert hours_of(app, "Ann") == {"Ann": 2.25, "Bob": 3.0}  # Ay 2 + Bee 0.25 (the stock call)
    # The Effort page's duration table writes the settings; AppTest cannot type in a data editor, so
    # the edit is made where the table writes it, then the page shows it back.
    app.session_state["settings"] = app.session_state["settings"].with_changes(durations={"call": 2.0})
    app.switch_page("pages/effort.py").run()
    assert "call 2 h" in " ".join(c.value for c in app.caption)
    app.switch_page("pages/managers.py").run()
    assert hours_of(app, "Ann") == {"Ann": 4.0, "Bob": 3.0}  # Ay 2 + Bee 2
    app.switch_page("pages/segments.py").run()
    app.selectbox(key="segment_dimension").set_value("sector").run()
    assert hours_of(app, "Retail") == {"Food": 5.0, "Retail": 2.0}  # Bee 2 + Cee 3; Ay 2
    wb = export(app, workbooks)
    actions = rows(wb["Actions"])
    # Bee: 2 h, 100 - 2 x 60 (the default cost) = -20
    assert actions["Bee"]["Hours"] == 2.0 and actions["Bee"]["Profit after cost to serve"] == -20
    settings = {r[0]: r[1] for r in wb["Settings"].iter_rows(values_only=True)}
    assert "call 2 h" in settings["Assumption: durations"]


def test_a_saved_analysis_keeps_the_hourly_cost_and_the_durations(loaded):
    app = loaded
    app.switch_page("pages/effort.py").run()
    app.number_input(key="w_hourly_cost").set_value(45.0).run()
    app.session_state["settings"] = app.session_state["settings"].with_changes(durations={"call": 2.0})
    app.switch_page("pages/saved.py").run()
    app.text_input(key="sv_name").set_value("With my cost")
    next(b for b in app.button if b.label == "Save").click().run()
    assert not app.exception and not app.error
    app.switch_page("pages/effort.py").run()
    app.number_input(key="w_hourly_cost").set_value(80.0).run()
    app.switch_page("pages/saved.py").run()
    next(b for b in app.button if (b.key or "").startswith("sv_open_")).click().run()
    assert not app.exception and not app.error
    app.switch_page("pages/effort.py").run()
    assert app.number_input(key="w_hourly_cost").value == 45.0  # the saved cost, not the 80 typed since
    assert "call 2 h" in " ".join(c.value for c in app.caption)
    # Cost to serve at 45 per hour: (2 + 2 + 3) hours x 45 = 315
    assert next(m.value for m in app.metric if m.label == "Cost to serve") == "315"


def test_one_managers_book(loaded):
    app = loaded
    app.switch_page("pages/managers.py").run()
    app.selectbox(key="manager_pick").set_value("Ann").run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    # Ann holds Ay (1000, A: nothing above it) and Bee (100, B: 1000 / 1150 = 0.87 above it);
    # the largest client weighs 1000 / 1100 = 91 % of her book.
    assert metrics == {"Clients": "2", "Revenue": "1,100", "A clients (whole portfolio)": "1",
                       "Largest client's weight": "91%"}  # fmt: skip
