"""Numbers, money, shares and dates in the session's language, in tables and metrics (AppTest).

Expected texts are written by hand. French writes ``1 234,5`` (a narrow no-break space groups the
thousands) and ``61,7 %``; English ``1,234.5`` and ``61.7%``.
"""

from __future__ import annotations

import re
from itertools import chain

import pandas as pd
import pytest
from streamlit import dataframe_util

from tests.conftest import DATA, each_tab, open_tab, shown

# Two clients: 1,234.56 + 765.44 = 2,000 €; Acme's share 1234.56 / 2000 = 0.61728 -> 61.7 %;
# two dated deals, so the average deal is 2,000 / 2 = 1,000.
EUROS = "Client;Montant;Date\nAcme;1 234,56 €;15/03/2024\nBeta;765,44 €;01/02/2024\n".encode("cp1252")


def plain(text: str) -> str:
    """The text with its no-break spaces as plain spaces (babel and the tables use U+202F and U+00A0)."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def cells(table) -> pd.DataFrame:
    """What the browser shows in an st.dataframe: the styled display values, as text."""
    shown = table.proto.arrow_data.styler.display_values
    assert shown, "the table carries display values in the session's language"
    return dataframe_util.convert_arrow_bytes_to_pandas_df(shown).map(plain)


def upload(app, lang: str, query: dict | None = None):
    app.query_params["lang"] = lang
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    app.file_uploader[0].set_value(("ventes.csv", EUROS, "text/csv")).run()
    assert not app.exception
    return app


@pytest.mark.parametrize(
    ("lang", "revenue", "share", "header"),
    [("fr", "1 235 €", "61,7 %", "Chiffre d'affaires"), ("en", "€1,235", "61.7%", "Revenue")],
)
def test_the_class_table_writes_money_and_shares_in_the_language(app, lang, revenue, share, header):
    upload(app, lang).switch_page("pages/abc.py").run()
    table = app.dataframe[0]
    shown = cells(table).set_index(table.value.columns[0])
    assert shown.loc["Acme", header] == revenue and shown.loc["Acme", shown.columns[3]] == share
    assert table.value[header].tolist() == pytest.approx([1234.56, 765.44])  # sorting stays by value


@pytest.mark.parametrize(("lang", "expected"), [("fr", "1 000 €"), ("en", "€1,000")])
def test_a_money_metric_shows_the_currency_of_the_file(app, lang, expected):
    upload(app, lang).switch_page("pages/kpis.py").run()
    open_tab(app, "Ventes" if lang == "fr" else "Sales")
    metrics = {m.label: plain(m.value) for m in app.metric}
    label = "Montant moyen des affaires" if lang == "fr" else "Average deal size"
    assert metrics[label] == expected


def test_the_user_sets_the_currency_and_the_link_keeps_it(app):
    upload(app, "en", {"cur": "USD"}).switch_page("pages/kpis.py").run()
    open_tab(app, "Sales")
    assert {m.label: m.value for m in app.metric}["Average deal size"] == "$1,000"
    assert app.query_params["cur"] in (["USD"], "USD")
    app.selectbox(key="w_cur").set_value("").run()  # back to the data's own currency
    assert {m.label: m.value for m in app.metric}["Average deal size"] == "€1,000"
    assert "cur" not in app.query_params


@pytest.mark.parametrize(
    ("lang", "number", "date"), [("fr", "1 234,5", "15/03/2024"), ("en", "1,234.5", "2024-03-15")]
)
def test_a_table_number_with_decimals_and_a_date_follow_the_language(lang, number, date):
    from streamlit.testing.v1 import AppTest

    def page(lang: str) -> None:
        import pandas as pd
        import streamlit as st

        from ui.tables import show_table

        st.session_state.lang = lang
        frame = pd.DataFrame({"hours": [1234.5, 2.0], "day": pd.to_datetime(["2024-03-15", "2024-01-02"])})
        show_table(frame, decimals={"hours": 1})

    at = AppTest.from_function(page, args=(lang,), default_timeout=30).run()
    assert cells(at.dataframe[0]).iloc[0].tolist() == [number, date]


ENGLISH_NUMBER = re.compile(r"^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?\b|^-?\d+\.\d+\b")


def test_every_table_of_every_page_is_written_in_french(app):
    """The French set (invoices, client list, activity log) on every page: each table that holds
    numbers shows them the French way, and a blank cell shows "—" (an empty one would read "None")."""
    from tests.test_pages import ALL_PAGES

    app.query_params["lang"] = "fr"
    app.run()
    files = []
    for path in sorted((DATA / "corpus" / "set_fr").iterdir()):
        text = path.read_bytes().replace(b"Montant HT", "Montant HT (€)".encode("cp1252"))
        files.append((path.name, text, "text/csv"))
    app.file_uploader[0].set_value(files).run()
    seen = 0
    for page in ALL_PAGES:
        app.switch_page(page).run()
        for tab in chain([None], each_tab(app)):  # the page as opened, then each of its tabs
            assert not app.exception, (page, tab)
            for table in app.dataframe:
                numeric = table.value.select_dtypes("number")
                if numeric.empty or table.editing_mode != "read_only":
                    continue
                shown = cells(table)
                seen += 1
                words = [str(v) for v in shown.to_numpy().ravel()]
                wrong = [w for w in words if ENGLISH_NUMBER.match(w) or w in ("None", "")]
                assert not wrong, (page, tab, shown.head())
                if "Chiffre d'affaires" in shown:
                    assert shown["Chiffre d'affaires"].str.endswith(" €").all(), page
    assert seen >= 10  # the crawl saw the tables of the analysis pages


@pytest.mark.parametrize(
    ("lang", "money", "share"), [("fr", "%.0f\u00a0€", "%.1f\u00a0%%"), ("en", "€%,.0f", "%,.1f%%")]
)
def test_a_table_too_large_to_style_gets_printf_formats_of_the_language(lang, money, share):
    import json

    from streamlit.testing.v1 import AppTest

    def page(lang: str) -> None:
        import pandas as pd
        import streamlit as st

        from ui import tables

        st.session_state.lang = lang
        from portfolio_core.analysis.settings import AnalysisSettings

        st.session_state.settings = AnalysisSettings(currency="EUR")
        cap, tables.MAX_STYLED_CELLS = tables.MAX_STYLED_CELLS, 0  # as if the table had a million cells
        try:
            tables.show_table(
                pd.DataFrame({"revenue": [1234.5], "share": [0.8]}), money=["revenue"], percent=["share"]
            )
        finally:  # the module stays loaded for the tests that follow
            tables.MAX_STYLED_CELLS = cap

    at = AppTest.from_function(page, args=(lang,), default_timeout=30).run()
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["revenue"]["type_config"]["format"] == money
    assert config["share"]["type_config"]["format"] == share
    assert at.dataframe[0].value["share"].tolist() == [80.0]  # printf cannot scale: the share in percent


def test_the_data_page_reports_unusable_rows_in_french(app):
    app.query_params["lang"] = "fr"
    app.run()
    bad = "Client;Montant\nAcme;beaucoup\nBeta;100 €\n".encode()
    app.file_uploader[0].set_value(("ventes.csv", bad, "text/csv")).run()
    (report,) = [t.value for t in app.dataframe if "Problème" in t.value]
    assert report[["Ligne", "Problème", "Suite donnée"]].values.tolist() == [
        [2, "le montant n'est pas un nombre", "ligne non utilisée"]
    ]
    details = " ".join(shown(m.value) for m in app.markdown)
    assert "CSV, séparateur point-virgule" in details and "semicolon" not in details


def test_a_long_table_shown_again_shows_its_new_values_in_the_new_language():
    """A styled table is kept between runs: a change in one row of 50,000 (Streamlit's own cache
    key would only sample them) or a language switch shows at once."""
    from streamlit.testing.v1 import AppTest

    def page() -> None:
        import pandas as pd
        import streamlit as st

        from ui.tables import show_table

        frame = pd.DataFrame({"hours": [1.0] * 50_000})
        frame.loc[31_337, "hours"] = st.session_state.get("hours", 1.0)
        show_table(frame)

    at = AppTest.from_function(page, default_timeout=120).run()
    assert cells(at.dataframe[0]).iloc[31_337, 0] == "1"
    at.session_state["hours"] = 2345.0
    at.run()
    assert cells(at.dataframe[0]).iloc[31_337, 0] == "2,345"
    at.session_state["lang"] = "fr"
    at.run()
    assert cells(at.dataframe[0]).iloc[31_337, 0] == "2 345"
