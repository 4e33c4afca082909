"""The KPIs page through app.py (AppTest): real figures on the demo, the Suggest cut-offs button."""

from tests.conftest import SMALL_CSV, open_tab, over_tabs, shown

PAGE = "pages/kpis.py"


def metrics(at) -> dict:
    """Every metric of the page, tab by tab (the client table's tab stays open)."""
    return dict(over_tabs(at, lambda at: [(m.label, m.value) for m in at.metric]))


def infos(at) -> str:
    return " ".join(over_tabs(at, lambda at: [shown(i.value) for i in at.info]))


def test_kpis_page_shows_real_figures_on_the_demo(app):
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception and not app.error
    assert app.title[0].value == "KPIs"
    m = metrics(app)
    assert 0 < float(m["Gini"]) < 1
    assert 0 < float(m["Top 10 clients"].rstrip("%")) < 100
    assert 0 < float(m["Win rate"].rstrip("%")) < 100
    assert float(m["Pipeline value"].replace(",", "")) > 0
    assert m["Repeat-purchase rate"].endswith("%")
    assert float(m["Median CLV"].replace(",", "")) > 0
    assert "Retention, last year" in m and "Unmet potential" in m
    assert any("Other indicators" in shown(i.value) for i in app.info)  # the demo has no usage/NPS column
    assert any(len(d.value) == 400 for d in app.dataframe)  # the client table: the 400 active clients


def test_suggest_cutoffs_moves_the_sliders(app):
    app.run()
    app.switch_page(PAGE).run()
    open_tab(app, "Suggested cut-offs")
    assert (app.slider(key="w_a").value, app.slider(key="w_b").value) == (80, 95)
    button = app.button(key="suggest_cutoffs")
    app.button(key="suggest_cutoffs").click().run()
    assert not app.exception
    a, b = app.slider(key="w_a").value, app.slider(key="w_b").value
    assert f"(A {a} %, B {b} %)" in button.label
    assert (a, b) != (80, 95) and 1 <= a < b <= 100
    assert app.success and f"A {a} %" in shown(app.success[0].value)
    # the other pages and the URL follow
    app.switch_page("pages/abc.py").run()
    assert (app.slider(key="w_a").value, app.slider(key="w_b").value) == (a, b)
    assert app.query_params["a"] in (str(a), [str(a)])


def test_kpis_page_on_a_two_column_upload_says_what_is_missing(app):
    app.run()
    app.get("file_uploader")[0].set_value(("clients.csv", SMALL_CSV, "text/csv")).run()
    app.switch_page(PAGE).run()
    assert not app.exception and not app.error
    m = metrics(app)
    # ten clients totalling 1000: the largest makes 500
    assert m["Largest client"] == "50.0%"
    assert "Win rate" not in m and "Median CLV" not in m
    text = infos(app)
    for need in ("date column", "margin column", "CAC", "deal stage", "activity log", "potential"):
        assert need in text, need


# Ten clients totalling 1000 (SMALL_CSV) with a sector: Retail is Acme 500, Gamma 100, Eps 50, Eta 20.
SECTOR_CSV = (
    b"Client,Revenue,Sector\nAcme,500,Retail\nBeta,200,Food\nGamma,100,Retail\nDelta,80,Food\n"
    b"Eps,50,Retail\nZeta,30,Food\nEta,20,Retail\nTheta,10,Food\nIota,6,Food\nKappa,4,Food\n"
)


def plain(text: str) -> str:
    return text.replace("\\", "").replace("\u202f", " ").replace("\xa0", " ")


def test_the_sidebar_filters_apply_to_the_kpis(app):
    app.run()
    app.get("file_uploader")[0].set_value(("clients.csv", SECTOR_CSV, "text/csv")).run()
    app.switch_page(PAGE).run()
    assert metrics(app)["Largest client"] == "50.0%"  # 500 / 1000
    assert metrics(app)["Top 20 % of clients"] == "70.0%"  # the top 2 of 10: (500 + 200) / 1000
    app.multiselect(key="w_f_sector").set_value(["Retail"]).run()
    assert not app.exception and not app.error
    m = metrics(app)
    # by hand: Retail makes 500 + 100 + 50 + 20 = 670; Acme alone 500 / 670 = 74.6 %;
    # top 20 % of 4 clients, rounded up, is 1 client; the top 10 are all four
    assert m["Largest client"] == "74.6%"
    assert m["Top 20 % of clients"] == "74.6%"
    assert m["Top 10 clients"] == "100.0%"
    captions = " ".join(plain(c.value) for c in app.caption)
    assert "4 clients ranked by revenue" in captions and "Sector: Retail" in captions
    assert "do not apply" not in captions
    assert any(len(d.value) == 4 for d in app.dataframe)  # the client table: the four Retail clients


def test_a_filter_changes_the_demo_kpis(app):
    app.run()
    app.switch_page(PAGE).run()
    before = metrics(app)
    app.multiselect(key="w_f_sector").set_value(["Retail"]).run()
    assert not app.exception and not app.error
    after = metrics(app)
    assert after["Top 10 clients"] != before["Top 10 clients"]  # 10 of ~60 clients weigh more than 10 of 400
    assert float(after["Top 10 clients"].rstrip("%")) > float(before["Top 10 clients"].rstrip("%"))
    assert not any(len(d.value) == 400 for d in app.dataframe)


def test_kpis_page_in_french_has_no_missing_translation(app):
    from ui.i18n import TRANSLATORS

    TRANSLATORS["fr"].missing.clear()
    app.query_params["lang"] = "fr"
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception and not app.error
    assert app.title[0].value == "Indicateurs"
    m = metrics(app)
    assert "Taux de réussite" in m and "CLV médiane" in m and "Plus gros client" in m
    assert "," in m["Plus gros client"] and m["Plus gros client"].endswith("\u00a0%")  # 12,3 %
    app.multiselect(key="w_f_sector").set_value(["Retail"]).run()
    assert not app.exception and not app.error
    open_tab(app, "Seuils suggérés")
    app.button(key="suggest_cutoffs").click().run()
    assert not app.exception and app.success
    assert app.success[0].value.startswith("Seuils réglés sur la suggestion")
    # a two-column upload: every "needs a column" message, in French
    app.switch_page("pages/data.py").run()
    app.get("file_uploader")[0].set_value(("clients.csv", SMALL_CSV, "text/csv")).run()
    app.switch_page(PAGE).run()
    assert not app.exception and not app.error
    text = infos(app)
    assert "il faut une colonne de marge" in text and "Autres indicateurs" in text
    assert TRANSLATORS["fr"].missing == set()


def test_the_suggest_button_keeps_its_english_label(app):
    app.run()
    app.switch_page(PAGE).run()
    open_tab(app, "Suggested cut-offs")
    label = app.button(key="suggest_cutoffs").label
    assert label.startswith("Suggest cut-offs (A ") and label.endswith(" %)")
