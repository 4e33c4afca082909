"""The Data page through app.py (AppTest): real exports, the mapping screen, refusals, remembered mappings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import shown

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
FR = CORPUS / "a02_fr_semicolon_cp1252.csv"
SET_FR = ["clients.csv", "factures.csv", "activites.csv"]


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def upload(at, *names: str, folder: Path = CORPUS):
    files = [(n, (folder / n).read_bytes(), "text/csv") for n in names]
    at.get("file_uploader")[0].set_value(files if len(files) > 1 else files[0]).run()
    assert not at.exception
    return at


def selectbox(at, label: str):
    return next(s for s in at.selectbox if shown(s.label) == label)


def test_a_french_windows_1252_file_goes_straight_to_the_analysis(app):
    app.run()
    upload(app, FR.name)
    assert not app.error and not app.warning
    assert any("Loaded: a02_fr_semicolon_cp1252.csv" in shown(h.value) for h in app.subheader)
    assert metrics(app)["Clients in the portfolio"] == "2"
    text = " ".join(shown(m.value) for m in app.markdown)
    assert "semicolon-separated, Windows-1252" in text and "dates read as DD/MM/YYYY" in text
    assert selectbox(app, "Client (identifier) *").value == "Société"
    assert selectbox(app, "Amount (revenue) *").value == "Chiffre d'affaires"
    app.switch_page("pages/abc.py").run()
    # Café Crème 2000.00, Étoile du Nord 2000.00: equal values, both A
    assert metrics(app)["A clients"] == "2"


def test_a_multi_file_set_is_joined_and_each_file_shows_its_role(app):
    app.run()
    upload(app, *SET_FR, folder=CORPUS / "set_fr")
    assert not app.error and not app.warning
    m = metrics(app)
    assert (m["Clients in the portfolio"], m["Set aside"], m["Activities"]) == ("3", "2", "3")
    kinds = [s.value for s in app.selectbox if s.label == "File type"]
    assert kinds == ["clients", "transactions", "activities"]
    app.switch_page("pages/abc.py").run()
    # C001 4000, C002 750.50, C005 250 of T = 5000.50 (partner C004 set aside):
    # before(C002) = 4000 / 5000.50 = .79992 < .80 -> A; before(C005) = 4750.50 / 5000.50 = .950005 -> C
    assert {k: v for k, v in metrics(app).items() if k.endswith("clients")} == {
        "A clients": "2",
        "B clients": "0",
        "C clients": "1",
    }


def test_changing_a_role_rebuilds_the_analysis_and_is_remembered(app):
    csv = b"Client,Revenue,Margin\nA,100,60\nB,50,10\n"
    app.run()
    app.get("file_uploader")[0].set_value(("x.csv", csv, "text/csv")).run()
    selectbox(app, "Amount (revenue) *").set_value("Margin").run()
    assert not app.exception
    app.switch_page("pages/abc.py").run()
    assert "ranked by revenue" in shown(app.caption[0].value)
    assert app.dataframe[0].value["Revenue"].tolist() == [60.0, 10.0]
    # a new file with the same header gets the same choice
    app.switch_page("pages/data.py").run()
    app.get("file_uploader")[0].set_value(("y.csv", csv.replace(b"B,50", b"C,50"), "text/csv")).run()
    assert selectbox(app, "Amount (revenue) *").value == "Margin"
    assert any("remembered" in shown(c.value) for c in app.caption)


def test_an_unrecognised_client_column_asks_before_analysing(app):
    app.run()
    app.get("file_uploader")[0].set_value(("x.csv", b"Ref,Total du mois\nK1,100\nK2,50\n", "text/csv")).run()
    assert not app.exception and app.warning
    assert "Choose which column identifies the client" in shown(app.warning[0].value)
    assert any("Demo portfolio" in shown(h.value) for h in app.subheader)  # nothing analysed yet
    selectbox(app, "File type").set_value("transactions").run()
    selectbox(app, "Client (identifier) *").set_value("Ref").run()
    selectbox(app, "Amount (revenue) *").set_value("Total du mois").run()
    assert not app.warning
    assert any("Loaded: x.csv" in shown(h.value) for h in app.subheader)
    assert metrics(app)["Clients in the portfolio"] == "2"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("r03_binary_random.csv", "does not look like a text table"),
        ("r08_broken_quoting.csv", "never closed"),
        ("r09_ragged_rows.csv", "line 3"),
        ("r10_duplicate_columns.csv", "appears more than once"),
        ("r07_no_positive_total.csv", "no client has a positive total"),
    ],
)
def test_a_refused_file_says_why_and_keeps_the_data_loaded_before(app, name, message):
    app.run()
    upload(app, FR.name)
    upload(app, name)
    assert (
        app.error and message in shown(app.error[0].value) and "still in place" in shown(app.error[0].value)
    )
    assert any("Loaded: a02_fr_semicolon_cp1252.csv" in shown(h.value) for h in app.subheader)


def test_rows_that_cannot_be_used_are_listed_and_downloadable(app):
    app.run()
    upload(app, "a23_bad_rows_reported.csv")
    assert "6 rows could not be used" in shown(app.warning[0].value)
    assert app.get("download_button")[0].label == "Download the validation report (CSV)"


def test_excel_with_several_sheets_offers_a_sheet_picker(app):
    app.run()
    data = (CORPUS / "a20_excel_multi_sheet.xlsx").read_bytes()
    app.get("file_uploader")[0].set_value(("book.xlsx", data, "application/octet-stream")).run()
    picker = selectbox(app, "Sheet of book.xlsx")
    assert picker.value == "Ventes" and picker.options == ["Notes", "Ventes", "Objectifs"]
    picker.set_value("Objectifs").run()
    assert not app.exception
    assert app.warning  # no amount column on that sheet: the app asks
    assert any("Loaded: book.xlsx" in shown(h.value) for h in app.subheader)  # the Ventes data stays
