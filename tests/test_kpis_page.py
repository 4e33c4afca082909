"""The KPIs page through app.py (AppTest): real figures on the demo, the Suggest cut-offs button."""

from tests.conftest import SMALL_CSV

PAGE = "pages/kpis_page.py"


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


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
    assert any("Other indicators" in i.value for i in app.info)  # the demo has no usage/NPS column
    assert any(len(d.value) == 400 for d in app.dataframe)  # the client table: the 400 active clients


def test_suggest_cutoffs_moves_the_sliders(app):
    app.run()
    app.switch_page(PAGE).run()
    assert (app.slider(key="w_a").value, app.slider(key="w_b").value) == (80, 95)
    button = app.button(key="suggest_cutoffs")
    app.button(key="suggest_cutoffs").click().run()
    assert not app.exception
    a, b = app.slider(key="w_a").value, app.slider(key="w_b").value
    assert f"(A {a} %, B {b} %)" in button.label
    assert (a, b) != (80, 95) and 1 <= a < b <= 100
    assert app.success and f"A {a} %" in app.success[0].value
    # the other pages and the URL follow
    app.switch_page("pages/abc_page.py").run()
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
    text = " ".join(i.value for i in app.info)
    for need in ("date column", "margin column", "CAC", "deal stage", "activity log", "potential"):
        assert need in text, need
