"""The "Saved analyses" page through app.py with AppTest: save, open, rename, duplicate, delete, compare."""

import datetime as dt
import os
import random
from pathlib import Path

from portfolio_core import Portfolio, demo_portfolio
from portfolio_core.store.analyses import AnalysisStore

PAGE = "pages/saved.py"


def db_path() -> Path:
    return Path(os.environ["PORTFOLIO_DB"])  # set to a tmp file by the `app` fixture


def on_saved_page(app):
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception
    return app


def button(app, label: str):
    (found,) = [b for b in app.button if b.label == label]
    return found


def texts(elements) -> str:
    return "\n".join(e.value for e in elements)


def test_save_then_open_restores_the_cutoffs_and_filters(app):
    on_saved_page(app)
    assert "No analysis saved yet" in texts(app.info)
    assert app.text_input(key="sv_name").value.startswith("Portfolio review ")

    # a filter and cut-offs on the ABC page, then save
    app.switch_page("pages/abc.py").run()
    app.slider(key="w_a").set_value(70).run()
    sector = app.multiselect(key="w_f_sector")
    sector.set_value([sector.options[0]]).run()
    chosen = app.session_state.settings.filter_dict
    assert chosen and app.session_state.settings.a_pct == 70
    app.switch_page(PAGE).run()
    app.text_input(key="sv_name").set_value("October review")
    button(app, "Save").click().run()
    assert not app.exception and not app.error
    assert "Saved as “October review”" in texts(app.success)
    (entry,) = AnalysisStore(db_path()).list()
    assert entry.settings["a"] == 70 and entry.clients == 400
    assert "October review" in texts(app.markdown)

    # change everything, then open the saved analysis
    app.switch_page("pages/abc.py").run()
    app.slider(key="w_a").set_value(60).run()
    app.multiselect(key="w_f_sector").set_value([]).run()
    assert app.session_state.settings.a_pct == 60 and not app.session_state.settings.filters
    data_key = app.session_state.data_key
    app.switch_page(PAGE).run()
    app.button(key=f"sv_open_{entry.id}").click().run()
    assert not app.exception and not app.error
    assert "Opened “October review”" in texts(app.success)
    assert app.session_state.settings.a_pct == 70 and app.session_state.settings.filter_dict == chosen
    assert app.session_state.data_key != data_key  # the saved data replaced the loaded one

    app.switch_page("pages/abc.py").run()
    assert app.slider(key="w_a").value == 70
    assert app.multiselect(key="w_f_sector").value == list(chosen["sector"])
    assert not app.exception


def test_delete_needs_a_confirmation(app):
    store = AnalysisStore(db_path())
    keep = store.save("Keep me", demo_portfolio(1), {"a": 80, "b": 95})
    doomed = store.save("Delete me", demo_portfolio(2), {"a": 80, "b": 95})
    on_saved_page(app)

    app.button(key=f"sv_delete_{doomed}").click().run()
    assert len(store.list()) == 2  # nothing deleted yet: a confirmation is asked
    assert "Delete “Delete me”" in texts(app.warning)
    app.button(key=f"sv_cancel_{doomed}").click().run()
    assert len(store.list()) == 2 and not app.warning

    app.button(key=f"sv_delete_{doomed}").click().run()
    app.button(key=f"sv_confirm_{doomed}").click().run()
    assert not app.exception and not app.error
    assert [s.id for s in store.list()] == [keep]
    assert "was deleted" in texts(app.success)


def test_rename_and_duplicate(app):
    store = AnalysisStore(db_path())
    first = store.save("Draft", demo_portfolio(1), {"a": 75, "b": 90})
    on_saved_page(app)
    app.text_input(key=f"sv_new_name_{first}").set_value("November review")
    app.button(key=f"sv_rename_{first}").click().run()
    assert not app.exception and not app.error
    assert store.get(first).name == "November review"
    app.button(key=f"sv_copy_{first}").click().run()
    assert not app.exception and not app.error
    assert sorted(s.name for s in store.list()) == ["November review", "November review (copy)"]
    assert "duplicated" in texts(app.success)


def test_two_analyses_a_month_apart_are_compared(app):
    store = AnalysisStore(db_path())
    october = demo_portfolio(7)
    top = october.values().idxmax()
    t = october.transactions
    november = Portfolio(october.clients, t[t["client"] != top], october.activities, "November")
    store.save("Review", october, {}, saved_at=dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    store.save("Review", november, {}, saved_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    on_saved_page(app)
    assert not app.error
    assert app.selectbox(key="sv_earlier").value != app.selectbox(key="sv_later").value
    assert {m.label: m.value for m in app.metric}["Clients who dropped a class or left"] == "1"
    assert len(app.get("vega_lite_chart")) == 1
    assert len(app.dataframe) == 1


def test_a_corrupted_database_is_reported_not_overwritten(app):
    garbage = random.Random(7).randbytes(20_000)
    db_path().write_bytes(garbage)
    on_saved_page(app)
    assert app.error and "damaged" in app.error[0].value
    # whoever runs the app finds the file in the log; the page shows no server path nor setting name
    assert str(db_path().parent) not in app.error[0].value and "PORTFOLIO_DB" not in app.error[0].value
    assert db_path().read_bytes() == garbage
    assert app.session_state.portfolio.source == "Demo portfolio"  # the loaded data stays
    app.switch_page("pages/abc.py").run()
    assert not app.exception and not app.error


def test_an_unwritable_location_is_a_plain_error(app, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PORTFOLIO_DB", str(blocker / "analyses.db"))
    on_saved_page(app)
    assert not app.error  # nothing saved yet: an empty list
    button(app, "Save").click().run()
    assert not app.exception
    assert "writable folder" in app.error[0].value and "unchanged" in app.error[0].value
    assert str(tmp_path) not in app.error[0].value and "PORTFOLIO_DB" not in app.error[0].value


def test_the_page_in_french_has_no_missing_translation_and_escapes_names(app):
    from tests.conftest import shown
    from ui.i18n import TRANSLATORS

    store = AnalysisStore(db_path())
    october = demo_portfolio(7)
    top = october.values().idxmax()
    t = october.transactions
    november = Portfolio(october.clients, t[t["client"] != top], october.activities, "November_*data*.csv")
    hostile = "**Top** [offer](http://x) $x$"
    store.save("Revue", october, {"a": 70, "b": 90, "by": "margin", "filters": {"sector": ["Retail"]}},
               saved_at=dt.datetime(2026, 10, 1, tzinfo=dt.UTC))  # fmt: skip
    second = store.save(hostile, november, {}, saved_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    TRANSLATORS["fr"].missing.clear()
    app.query_params["lang"] = "fr"
    on_saved_page(app)
    assert not app.error
    assert app.title[0].value == "Analyses enregistrées"
    assert {"Enregistrer", "Ouvrir", "Dupliquer", "Supprimer"} <= {b.label for b in app.button}
    assert app.selectbox(key="sv_earlier").label == "Analyse précédente"
    assert {m.label: m.value for m in app.metric}["Clients descendus d'une classe ou partis"] == "1"
    cards = [m.value for m in app.markdown if "Top" in m.value]
    assert cards and all(shown(c).startswith(f"**{hostile}**") for c in cards)  # escaped, shown as typed
    assert any("November\\_\\*data\\*" in m.value for m in app.markdown)
    assert any(
        "classés par marge" in shown(c.value) and "secteur : Retail" in shown(c.value) for c in app.caption
    )

    app.button(key=f"sv_delete_{second}").click().run()
    assert "Supprimer « " in texts(app.warning) and "définitivement" in texts(app.warning)
    app.button(key=f"sv_cancel_{second}").click().run()
    app.button(key=f"sv_copy_{second}").click().run()
    assert "(copie)" in shown(texts(app.success))
    app.button(key=f"sv_open_{second}").click().run()
    assert not app.exception and not app.error
    assert shown(texts(app.success)).startswith(f"« {hostile} » (")
    assert TRANSLATORS["fr"].missing == set()


def test_errors_are_shown_in_french(app):
    from ui.i18n import TRANSLATORS

    TRANSLATORS["fr"].missing.clear()
    db_path().write_bytes(random.Random(7).randbytes(20_000))
    app.query_params["lang"] = "fr"
    on_saved_page(app)
    error = app.error[0].value
    assert "endommagée" in error and "n'a pas changé" in error and "PORTFOLIO_DB" not in error
    assert TRANSLATORS["fr"].missing == set()


def test_an_opened_analysis_keeps_the_currency_of_its_amounts(app):
    app.run()
    euros = "Client;Montant\nAcme;1 500 €\nBeta;500 €\n".encode()
    app.file_uploader[0].set_value(("ventes.csv", euros, "text/csv")).run()
    assert app.session_state.portfolio.currency == "EUR"
    app.switch_page(PAGE).run()
    app.text_input(key="sv_name").set_value("Euros")
    button(app, "Save").click().run()
    (entry,) = AnalysisStore(db_path()).list()
    assert entry.settings["currency"] == "EUR"
    app.switch_page("pages/data.py").run()  # then a file without a currency
    app.file_uploader[0].set_value(("plain.csv", b"Client,Revenue\nAcme,1500\nBeta,500\n", "text/csv")).run()
    assert app.session_state.portfolio.currency is None
    app.switch_page(PAGE).run()
    app.button(key=f"sv_open_{entry.id}").click().run()
    app.switch_page("pages/abc.py").run()
    # before(1500) = 0 and before(500) = .75 < .8: both A, with 2,000 of revenue
    assert "€2,000 of revenue" in texts(app.caption)
