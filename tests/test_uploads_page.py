"""The Data page: a new upload replaces the data, adding files is an explicit choice, the page says
what is loaded; after a reload the demo says so and the user's last upload is one click away."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, shown

SET_FR = Path(__file__).resolve().parent / "data" / "corpus" / "set_fr"
# January: Acme 500, Beta 300, Gamma 200 (T = 1000): before = 0, .5, .8 -> A 2, B 1, C 0 at 80 / 95.
JAN = b"Client,Revenue\nAcme,500\nBeta,300\nGamma,200\n"
# February: 100, 100, 50, 30, 20 (T = 300): before = 0, 0, .667, .833, .933 -> A 3, B 2, C 0.
FEB = b"Client,Revenue\nDelta,100\nEps,100\nZeta,50\nEta,30\nTheta,20\n"
BANNER = "This is the built-in demo, not your data."
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "id", "client_secret": "secret",
        "server_metadata_url": "https://id.example.invalid/.well-known/openid-configuration"}  # fmt: skip


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def upload(at, *files: tuple[str, bytes]) -> None:
    value = [(n, d, "text/csv") for n, d in files]
    at.get("file_uploader")[0].set_value(value if len(value) > 1 else value[0]).run()
    assert not at.exception


def texts(at) -> str:
    return " ".join(shown(e.value) for e in [*at.markdown, *at.success, *at.info, *at.subheader])


def reopen_button(at):
    return next((b for b in at.button if b.label.startswith(("Reopen", "Rouvrir"))), None)


def label(button) -> str:
    return shown(button.label)


def test_a_second_upload_replaces_the_first_and_says_so(app):
    app.run()
    upload(app, ("jan.csv", JAN))
    assert metrics(app)["Clients in the portfolio"] == "3"
    upload(app, ("feb.csv", FEB))
    assert not app.error
    assert metrics(app)["Clients in the portfolio"] == "5"  # February's five, none of January's three
    assert shown(app.success[0].value) == "feb.csv replaced the data loaded before (jan.csv)."
    assert any("Loaded: feb.csv" == shown(h.value) for h in app.subheader)
    statement = next(shown(m.value) for m in app.markdown if shown(m.value).startswith("In this analysis"))
    assert "feb.csv" in statement and "jan.csv" not in statement
    assert "5 rows" in statement and "5 clients in the portfolio" in statement
    app.switch_page("pages/abc.py").run()
    assert metrics(app) == {"A clients": "3", "B clients": "2", "C clients": "0"}


def test_a_file_uploaded_again_under_the_same_name_with_other_figures_shows_the_new_ones(app):
    """The Data page reads a file once per content (#15): a new export saved under the old name is
    read again, never taken for the one before."""
    app.run()
    upload(app, ("export.csv", JAN))
    app.switch_page("pages/abc.py").run()
    app.switch_page("pages/data.py").run()  # a visit again: the file is not read again, same figures
    assert metrics(app)["Clients in the portfolio"] == "3"
    upload(app, ("export.csv", FEB))
    assert metrics(app)["Clients in the portfolio"] == "5"
    app.switch_page("pages/abc.py").run()
    assert metrics(app) == {"A clients": "3", "B clients": "2", "C clients": "0"}


def test_adding_files_to_the_current_set_is_an_explicit_choice_and_joins_them(app):
    app.run()
    assert not app.radio  # nothing to add to while the demo is shown
    upload(app, ("factures.csv", (SET_FR / "factures.csv").read_bytes()))
    # Invoices alone: C001 4000, C002 750.50, C004 99.50, C005 250, no status: four clients.
    m = metrics(app)
    assert (m["Clients in the portfolio"], m["Set aside"], m["Activities"]) == ("4", "0", "0")
    choice = app.radio[0]
    assert choice.label == "A new upload" and choice.value == "replace"  # replacing is the default
    choice.set_value("add").run()
    upload(app, *((n, (SET_FR / n).read_bytes()) for n in ("clients.csv", "activites.csv")))
    assert not app.error and not app.warning
    # The client list sets C003 (prospect, no sale) and C004 (partner) aside: 3 clients, 2 set aside;
    # the activity log has 3 rows; the 5 invoices stay.
    m = metrics(app)
    assert (m["Clients in the portfolio"], m["Set aside"], m["Transactions"], m["Activities"]) == (
        "3", "2", "5", "3",
    )  # fmt: skip
    assert shown(app.success[0].value) == (
        "clients.csv, activites.csv added to the files already loaded: "
        "the analysis now joins factures.csv, clients.csv, activites.csv."
    )
    statement = next(shown(m.value) for m in app.markdown if shown(m.value).startswith("In this analysis"))
    for part in ("factures.csv", "5 rows", "clients.csv", "4 rows", "activites.csv", "3 rows"):
        assert part in statement
    assert "Together 12 rows and 3 clients in the portfolio." in statement


def test_a_refused_second_file_keeps_the_first_set(app):
    app.run()
    upload(app, ("jan.csv", JAN))
    upload(app, ("empty.csv", b"Client,Revenue\n"))
    assert app.error and "still in place: jan.csv" in shown(app.error[0].value)
    app.run()  # the next run: January is still the current set, with its file listed
    assert metrics(app)["Clients in the portfolio"] == "3"
    assert [s.value for s in app.selectbox if s.label == "File type"] != []
    assert "jan.csv" in texts(app) and "empty.csv" not in texts(app)


def test_after_a_reload_the_banner_says_demo_and_one_click_brings_the_upload_back(app):
    app.run()
    assert BANNER in texts(app) and reopen_button(app) is None  # nothing uploaded yet
    upload(app, ("jan.csv", JAN))
    assert BANNER not in texts(app)
    # A reload is a new session: the demo, the banner, and the last upload offered back.
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    again.query_params["a"], again.query_params["b"] = "50", "90"  # a shared link's settings
    again.run()
    assert BANNER in texts(again)
    assert any("Demo portfolio" in shown(h.value) for h in again.subheader)
    button = reopen_button(again)
    assert button is not None and label(button).startswith("Reopen jan.csv (3 clients, uploaded ")
    button.click().run()
    assert not again.exception
    assert BANNER not in texts(again)
    assert any("Loaded: jan.csv" == shown(h.value) for h in again.subheader)
    assert "Your last upload is open again: jan.csv." in texts(again)
    assert metrics(again)["Clients in the portfolio"] == "3"
    again.switch_page("pages/abc.py").run()
    # The link's cut-offs stay: a = 50, b = 90 on January: before = 0, .5, .8 -> A 1, B 2, C 0.
    assert metrics(again) == {"A clients": "1", "B clients": "2", "C clients": "0"}


def test_the_banner_is_on_every_page_and_in_french(app):
    app.query_params["lang"] = "fr"
    app.run()
    # every page, the Clients page included: it stops early until a row is picked
    for page in sorted((ROOT / "pages").glob("*.py")):
        app.switch_page(f"pages/{page.name}").run()
        assert "Ceci est la démonstration intégrée, pas vos données." in texts(app), page.name


def test_a_last_upload_is_offered_back_to_its_own_user_only(app):
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": True, "email": "ann@example.com", "sub": "ann"}
    app.run()
    upload(app, ("jan.csv", JAN))
    for email, sub, offered in (("bob@example.com", "bob", False), ("ann@example.com", "ann", True)):
        other = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        other.secrets["auth"] = AUTH
        other.user = {"is_logged_in": True, "email": email, "sub": sub}
        other.run()
        assert BANNER in texts(other)
        assert (reopen_button(other) is not None) is offered, email
        assert "jan.csv" not in " ".join(label(b) for b in other.button) or offered
