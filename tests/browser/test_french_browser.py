"""French everywhere, in a real browser: after a French upload, every page of the menu is crawled and
no English word of the app may show, and table numbers must use the decimal comma.

The files are the corpus's French set (``tests/data/corpus/set_fr``: invoices, client list, activity
log), its amount header marked with the euro sign, so the currency comes from the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_abc_browser import TIMEOUT, wait_until_idle

pytestmark = pytest.mark.browser

SET_FR = Path(__file__).resolve().parents[1] / "data" / "corpus" / "set_fr"
# Words and phrases that correct French never shows; matched on the page's visible text with its
# spaces as they are (" the " needs a space on each side, so "thé" or "theme" do not count).
ENGLISH = [
    " the ", " of ", " and ", " with ", " by ", " per ", " from ", " rows", " row ", "clients who",
    "Revenue", "Share", "Class ", "Clients by", "Download", "Upload", "Settings", "Hours", "Margin",
    "row not used", "not a number", "semicolon", "separated", "Loaded", "Account manager", "cut-off",
    "Effort vs", "Saved analyses", "Presentation", "(none)", "None", "From the data", "(assumed)",
    "Amounts in",
]  # fmt: skip
# Streamlit's own words, which the app cannot change: the lines of st.file_uploader's drop zone
STREAMLIT_LINES = re.compile(
    r"^(Upload|Drag and drop files here|Browse files|(Limit )?\d+MB per file • .*)$", re.M
)
# numbers written the English way: 1,234 or 1,234.5 (thousands comma), or 12.5 (decimal point);
# 0,015 is a French decimal
ENGLISH_NUMBER = re.compile(
    r"(?<![\d/.,])[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d/.,])\d+\.\d+(?![\d.])"
)
# icons are drawn from ligatures ("upload_file"): hidden, so that the text read is the words alone
SHOW_FIRST_TABLE = """() => {
  const shown = [...document.querySelectorAll('[data-testid="stDataFrame"]')].find(e => e.offsetParent);
  if (shown) shown.scrollIntoView({block: "center"});
  return Boolean(shown);
}"""
OPEN_EXPANDERS = """() => document
  .querySelectorAll('[data-testid="stExpander"] details:not([open]) > summary').forEach(e => e.click())"""
CHOSEN_OPTIONS = """() => [...document.querySelectorAll('input[role="combobox"]')]
  .filter(e => e.offsetParent).map(e => e.value)"""
NO_ICONS = '[data-testid="stIconMaterial"] { display: none !important; }'


def french_files(tmp_path: Path) -> list[Path]:
    """The French set, its invoices' amount header marked "(€)" (the parsers read "1 500,00")."""
    out = []
    for source in sorted(SET_FR.iterdir()):
        text = source.read_bytes().decode("cp1252")
        target = tmp_path / source.name
        target.write_bytes(text.replace("Montant HT", "Montant HT (€)").encode("cp1252"))
        out.append(target)
    return out


def visible_text(page: Page) -> str:
    """The text a user reads in the sidebar and the main area.

    Tables are drawn on a canvas: their cells are not in this text (the page tests check each
    table's displayed cells, tests/test_formats.py).
    """
    parts = [page.get_by_test_id("stSidebar").inner_text(), page.get_by_test_id("stMain").inner_text()]
    parts += page.evaluate(CHOSEN_OPTIONS)  # a selectbox shows its choice in an input
    text = "\n".join(parts)
    return STREAMLIT_LINES.sub("", text)


def english_in(text: str) -> list[str]:
    spaced = " ".join(text.split())  # lines joined: " the " also matches across a line break
    return [w for w in ENGLISH if w in f" {spaced} "]


@pytest.fixture
def french_page(browser) -> Iterator[Page]:
    """A French user's browser: the app picks French from it (and editable cells write 0,25)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    try:
        yield context.new_page()
    finally:
        context.close()


def test_every_page_in_french_after_a_french_upload(french_page: Page, app_url: str, tmp_path: Path) -> None:
    page = french_page
    page.goto(app_url)
    wait_until_idle(page)
    page.add_style_tag(content=NO_ICONS)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [str(p) for p in french_files(tmp_path)]
    )
    loaded = "Chargé : activites.csv, clients.csv, factures.csv"  # the demo says "Chargé : Portefeuille..."
    expect(page.get_by_text(loaded, exact=True)).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)
    expect(page.get_by_text("Montants en EUR, comme l'indiquent les fichiers.")).to_be_visible()  # "(€)"
    expect(page.get_by_role("combobox", name="Devise")).to_have_value("Celle des données")
    links = page.get_by_test_id("stSidebarNavLink")
    titles = [links.nth(i).inner_text().strip() for i in range(links.count())]
    assert titles[0] == "Données" and "Analyse ABC" in titles  # the menu is French
    found: dict[str, list[str]] = {}
    for title in titles:
        links.filter(has_text=title).first.click()
        wait_until_idle(page)
        page.wait_for_timeout(500)  # tables and charts paint after the run
        page.evaluate(OPEN_EXPANDERS)  # what is folded is read too
        page.wait_for_timeout(300)
        page.screenshot(path=str(tmp_path / f"{title}.png"))
        if page.evaluate(SHOW_FIRST_TABLE):  # the first table in sight, for whoever looks at a failure
            page.wait_for_timeout(300)
            page.screenshot(path=str(tmp_path / f"{title} (table).png"))
        text = visible_text(page)
        (tmp_path / f"{title}.txt").write_text(text, encoding="utf-8")
        problems = english_in(text) + [f"number {n}" for n in ENGLISH_NUMBER.findall(text)]
        if problems:
            found[title] = problems
    assert found == {}, f"English on French pages: {found}"
