"""Pages through app.py with AppTest: what a user sees on the demo data and after an upload."""

import re

import pytest

from tests.conftest import ROOT, SMALL_CSV, open_tab, shown

PAGES = [
    "pages/data.py",
    "pages/abc.py",
    "pages/effort.py",
    "pages/segments.py",
    "pages/managers.py",
    "pages/clients.py",
]


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_demo(app, page):
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    assert app.title[0].value  # each page says what it is
    assert not app.error


def test_abc_page_shows_class_counts_that_add_up_to_the_active_clients(app):
    app.run()
    app.switch_page("pages/abc.py").run()
    m = metrics(app)
    counts = [int(m[f"{c} clients"].replace(",", "")) for c in "ABC"]
    assert sum(counts) == 400  # the demo has 400 active clients; others are set aside
    assert counts[0] < counts[2]  # a skewed portfolio: few A clients, many C


def test_an_upload_replaces_the_demo(app):
    app.run()
    app.get("file_uploader")[0].set_value(("clients.csv", SMALL_CSV, "text/csv")).run()
    assert not app.exception and not app.error
    assert any("clients.csv" in shown(h.value) for h in app.subheader)
    app.switch_page("pages/abc.py").run()
    # by hand: before = 0, .5, .7, .8, .88, .93, .96, .98, .994, .996 -> A 3, B 3, C 4
    assert metrics(app) == {"A clients": "3", "B clients": "3", "C clients": "4"}


def test_a_failed_upload_keeps_the_data_loaded_before(app):
    app.run()
    app.get("file_uploader")[0].set_value(("broken.csv", b"Client,Revenue\n", "text/csv")).run()
    assert not app.exception
    assert app.error and "still in place" in shown(app.error[0].value)
    assert any("Demo portfolio" in shown(h.value) for h in app.subheader)


def test_moving_a_slider_changes_the_metrics_and_the_url(app):
    app.run()
    app.get("file_uploader")[0].set_value(("clients.csv", SMALL_CSV, "text/csv")).run()
    app.switch_page("pages/abc.py").run()
    app.slider(key="w_a").set_value(60).run()
    # a = .6: before(100) = .7 is no longer < .6 -> A 2, B (.7, .8, .88, .93 < .95) 4, C 4
    assert metrics(app) == {"A clients": "2", "B clients": "4", "C clients": "4"}
    assert app.query_params["a"] == ["60"] or app.query_params["a"] == "60"


def chart_texts(app) -> tuple[str, list[str], str]:
    """The first chart's title, its cut-off labels (Streamlit sends a chart's data apart, in Arrow) and
    the decimal mark of its axes."""
    import json

    from streamlit import dataframe_util

    chart = app.get("vega_lite_chart")[0].proto
    labels = [
        label
        for dataset in chart.datasets
        for frame in [dataframe_util.convert_arrow_bytes_to_pandas_df(dataset.data.data)]
        if "label" in frame
        for label in frame["label"]
    ]
    spec = json.loads(chart.spec)
    return spec["title"], labels, spec["config"]["locale"]["number"]["decimal"]  # the axes' decimal mark


def test_the_pareto_chart_follows_the_cutoffs_and_the_language(app):
    app.run()
    app.switch_page("pages/abc.py").run()
    assert chart_texts(app) == (
        "Pareto curve: cumulative share of revenue",
        ["A cut-off 80%", "B cut-off 95%"],
        ".",
    )
    app.slider(key="w_a").set_value(60).run()
    assert chart_texts(app)[1] == ["A cut-off 60%", "B cut-off 95%"]
    app.selectbox(key="w_lang").set_value("fr").run()
    title, labels, decimal = chart_texts(app)
    assert (title, decimal) == ("Courbe de Pareto : part cumulée du chiffre d'affaires", ",")
    assert [label.replace("\u202f", " ").replace("\xa0", " ") for label in labels] == [
        "Seuil A 60 %",
        "Seuil B 95 %",
    ]
    app.selectbox(key="w_lang").set_value("en").run()  # the chart shown before, in English again
    assert chart_texts(app)[::2] == ("Pareto curve: cumulative share of revenue", ".")


def test_cutoffs_come_from_the_url_and_survive_a_page_switch(app):
    app.query_params["a"] = "70"
    app.query_params["b"] = "90"
    app.run()
    app.switch_page("pages/abc.py").run()
    assert (app.slider(key="w_a").value, app.slider(key="w_b").value) == (70, 90)
    app.switch_page("pages/data.py").run()
    app.switch_page("pages/abc.py").run()
    assert (app.slider(key="w_a").value, app.slider(key="w_b").value) == (70, 90)


def test_b_stays_above_a(app):
    app.run()
    app.switch_page("pages/abc.py").run()
    app.slider(key="w_b").set_value(85).run()
    app.slider(key="w_a").set_value(90).run()
    assert app.slider(key="w_b").value > app.slider(key="w_a").value


def test_effort_page_without_an_activity_log_says_what_would_unlock_it(app):
    app.run()
    app.get("file_uploader")[0].set_value(("clients.csv", SMALL_CSV, "text/csv")).run()
    app.switch_page("pages/effort.py").run()
    assert not app.exception
    assert "activity log" in shown(app.info[0].value)
    assert not app.metric  # no figures made up without effort data


def test_effort_page_on_the_demo_shows_who_takes_the_time(app):
    app.run()
    app.switch_page("pages/effort.py").run()
    assert not app.exception and not app.error
    m = metrics(app)
    share = int(m["Clients taking 80 % of effort"].rstrip("%"))
    assert 0 < share < 100
    m = metrics(open_tab(app, "What if"))
    hours_freed_half = float(m["Hours freed"].replace(",", ""))
    next(s for s in app.slider if s.label == "Time cut for C clients (%)").set_value(100).run()
    hours_freed_all = float(metrics(app)["Hours freed"].replace(",", ""))
    # cutting all of the C clients' time frees twice what cutting half does (rounding aside)
    assert hours_freed_all == pytest.approx(2 * hours_freed_half, abs=1.5)
    assert any(d for d in open_tab(app, "Action list").dataframe)  # the action list is there


def test_the_effort_settings_show_the_durations_when_opened_and_keep_the_quadrant_line_closed(app):
    """The durations grid is drawn only while its box is open (#15); the quadrant lines hold."""
    app.run()
    app.switch_page("pages/effort.py").run()
    assert not [d for d in app.dataframe if d.editing_mode != "read_only"]  # closed: no grid
    app.number_input(key="hours_cut").set_value(10.0).run()
    app.session_state["effort_settings"] = True
    app.run()
    grid = next(d.value for d in app.dataframe if d.editing_mode != "read_only")
    # the demo's activity types with the durations the caption states (call 0.25 h ... other 0.5 h)
    assert dict(zip(grid["type"], grid["hours"], strict=True)) == {
        "call": 0.25, "email": 0.1, "meeting": 1.0, "visit": 3.0, "support ticket": 0.5, "other": 0.5,
    }  # fmt: skip
    app.session_state["effort_settings"] = False
    app.run()
    assert app.number_input(key="hours_cut").value == 10.0
    assert any("Quadrant lines at" in c.value and " and 10.0 hours" in c.value for c in app.caption)


def class_counts(at) -> list[int]:
    m = metrics(at)
    return [int(m[f"{c} clients"].replace(",", "")) for c in "ABC"]


def test_a_segment_filter_narrows_the_analysis_and_survives_page_switches(app):
    app.run()
    app.switch_page("pages/abc.py").run()
    everyone = sum(class_counts(app))
    app.multiselect(key="w_f_sector").set_value(["Retail"]).run()
    retail = class_counts(app)
    assert 0 < sum(retail) < everyone
    assert app.query_params["f.sector"] in (["Retail"], "Retail")
    app.switch_page("pages/segments.py").run()
    assert not app.exception
    app.switch_page("pages/abc.py").run()
    assert class_counts(app) == retail
    assert app.multiselect(key="w_f_sector").value == ["Retail"]


def test_filters_come_from_the_url(app):
    app.query_params["f.account_manager"] = "Claire Martin"
    app.run()
    app.switch_page("pages/abc.py").run()
    claire = sum(class_counts(app))
    assert 0 < claire < 400
    assert any("Claire Martin" in shown(c.value) for c in app.caption)


def test_ranking_within_the_selection_changes_classes(app):
    app.run()
    app.switch_page("pages/abc.py").run()
    app.multiselect(key="w_f_size").set_value(["Micro"]).run()
    global_counts = class_counts(app)
    app.toggle(key="w_within").set_value(True).run()
    within_counts = class_counts(app)
    assert sum(global_counts) == sum(within_counts)
    # micro clients are small: ranked on their own, more of them reach A than on the whole portfolio
    assert within_counts[0] > global_counts[0]


def test_filters_that_leave_no_client_say_so(app):
    csv = b"Client,Revenue,Sector,Size\na,100,Retail,Large\nb,50,Food,Small\nc,20,Food,Large\n"
    app.run()
    app.get("file_uploader")[0].set_value(("c.csv", csv, "text/csv")).run()
    app.switch_page("pages/abc.py").run()
    app.multiselect(key="w_f_sector").set_value(["Retail"]).run()
    app.multiselect(key="w_f_size").set_value(["Small"]).run()
    assert not app.exception
    assert "No client matches the filters" in shown(app.warning[0].value)


def test_managers_page_lists_every_manager(app):
    app.run()
    app.switch_page("pages/managers.py").run()
    assert not app.exception
    books = app.dataframe[0].value
    assert sorted(books.index) == sorted(
        ["Claire Martin", "Julien Bernard", "Sophie Dubois", "Karim Haddad", "Émilie Laurent"]
    )
    assert books["clients"].sum() == 400


def test_managers_and_segments_pages_explain_what_they_need(app):
    app.run()
    app.get("file_uploader")[0].set_value(("clients.csv", SMALL_CSV, "text/csv")).run()
    app.switch_page("pages/managers.py").run()
    assert "account manager" in shown(app.info[0].value)
    app.switch_page("pages/segments.py").run()
    assert "segment" in shown(app.info[0].value)


def test_clients_page_search(app):
    app.run()
    app.switch_page("pages/clients.py").run()
    assert len(app.dataframe[0].value) == 400
    app.text_input(key="client_search").input("Claire Martin").run()
    shown = app.dataframe[0].value
    assert 0 < len(shown) < 400 and (shown["Account manager"] == "Claire Martin").all()


def test_presentation_steps_through_the_key_views_without_controls(app):
    app.run()
    app.switch_page("pages/present.py").run()
    assert not app.exception
    assert not app.sidebar.slider  # the controls are hidden

    def title() -> str:
        html = next(h.proto.body for h in app.get("html") if 'data-testid="presentSlide"' in h.proto.body)
        return re.search(r"<h1>(.*?)</h1>", html).group(1)

    titles = [title()]
    while not app.button(key="present_next").disabled:
        app.button(key="present_next").click().run()
        assert not app.exception
        titles.append(title())
    assert titles == [
        "Client portfolio review", "Who makes the revenue", "The Pareto curve",
        "Who takes the team&#x27;s time", "Profitability: the whale curve", "Where we are heading",
        "Key figures", "Action plan",
    ]  # fmt: skip
    app.button(key="present_first").click().run()
    assert title() == "Client portfolio review"


ALL_PAGES = [f"pages/{p.name}" for p in sorted((ROOT / "pages").glob("*.py"))]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_renders_in_both_languages_without_a_missing_translation(app, lang):
    from ui.i18n import TRANSLATORS

    TRANSLATORS["fr"].missing.clear()
    app.query_params["lang"] = lang
    app.run()
    for page in ALL_PAGES:
        app.switch_page(page).run()
        assert not app.exception, page
    assert TRANSLATORS["fr"].missing == set()


def test_a_french_browser_gets_french_and_the_choice_is_kept_in_the_url(app):
    app.context = {"locale": "fr-FR"}
    app.run()
    app.switch_page("pages/abc.py").run()
    assert {m.label for m in app.metric} == {"Clients A", "Clients B", "Clients C"}
    assert app.query_params["lang"] in (["fr"], "fr")
    assert app.slider(key="w_a").label == "Seuil A (%)"
    app.selectbox(key="w_lang").set_value("en").run()
    assert {m.label for m in app.metric} == {"A clients", "B clients", "C clients"}
    assert app.slider(key="w_a").label == "A cut-off (%)"


def test_the_mapping_screen_is_translated_too(app):
    from ui.i18n import TRANSLATORS

    TRANSLATORS["fr"].missing.clear()
    app.query_params["lang"] = "fr"
    app.run()
    csv = "Société;Chiffre d'affaires;Date\nAcme;1 234,56;03/02/2024\nBeta;100,00;04/02/2024\n"
    app.get("file_uploader")[0].set_value(("ventes.csv", csv.encode("cp1252"), "text/csv")).run()
    assert not app.exception
    assert any("Chargé : ventes.csv" in shown(h.value) for h in app.subheader)
    assert "Type de fichier" in [s.label for s in app.selectbox]
    assert TRANSLATORS["fr"].missing == set()


def test_the_suggest_button_on_the_abc_page_moves_the_sliders(app):
    app.run()
    app.switch_page("pages/abc.py").run()
    button = next(b for b in app.button if b.label.startswith("Suggest cut-offs"))
    a, b = (int(x) for x in re.findall(r"(\d+) %", button.label))
    button.click().run()
    assert (app.slider(key="w_a").value, app.slider(key="w_b").value) == (a, b)
    assert app.query_params["a"] in ([str(a)], str(a))


def test_searching_the_class_table(app):
    app.run()
    app.switch_page("pages/abc.py").run()
    assert len(app.dataframe[0].value) == 400
    app.text_input[0].input("Claire Martin").run()  # a manager's name: only her clients remain
    table = app.dataframe[0].value
    assert 0 < len(table) < 400 and (table["Account manager"] == "Claire Martin").all()
    next(m for m in app.multiselect if m.label == "Classes shown").set_value(["A"]).run()
    assert set(app.dataframe[0].value["Class"]) == {"A"}
