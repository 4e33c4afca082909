"""French and English: every text has its translation, numbers and dates follow the language."""

import pandas as pd
import pytest

from portfolio_core import LoadError, build_portfolio, read_table
from portfolio_core.analysis.actions import ACTIONS
from portfolio_core.analysis.effort import QUADRANTS
from portfolio_core.analysis.segments import GROUPS
from portfolio_core.i18n import Translator, language_from_locale
from portfolio_core.ingest.columns import ROLE_LABELS
from portfolio_core.report.assumptions import set_aside_text
from portfolio_core.report.words import ACTION_TEXTS, COLUMN_LABELS, VOCABULARY
from tests.test_cli import cli


def test_fixed_vocabularies_are_translated():
    """The codes the analysis returns and the pages show through a lookup (not a literal) have French."""
    fr = Translator("fr")
    for move in ACTIONS:
        assert fr(ACTION_TEXTS[move]) != ACTION_TEXTS[move], move
    for text in (*QUADRANTS, *GROUPS.values(), *ROLE_LABELS.values(), *VOCABULARY, *COLUMN_LABELS.values()):
        fr(text)
    assert fr.missing == set()
    assert (fr("revenue"), fr("Keep"), fr("Sector")) == ("chiffre d'affaires", "Garder", "Secteur")


def test_plurals_follow_the_number():
    en, fr = Translator("en"), Translator("fr")
    counts = {"prospect": 1, "former": 0, "partner": 2}
    assert set_aside_text(counts, en) == "1 prospect, 0 former clients, 2 partners"
    assert set_aside_text(counts, fr) == "1 prospect, 0 ancien client, 2 partenaires"  # French: 0 is singular
    assert fr.plural("{n} prospect", "{n} prospects", 1500).replace("\u202f", " ") == "1 500 prospects"
    assert fr.missing == set()


@pytest.mark.parametrize(
    "lang, money, number, share, day",
    [
        ("fr", "1 234,56 €", "1 234 568", "25,6 %", "26 nov. 2026"),
        ("en", "€1,234.56", "1,234,568", "25.6%", "Nov 26, 2026"),
    ],
)
def test_numbers_money_and_dates_follow_the_language(lang, money, number, share, day):
    t = Translator(lang)

    def plain(text: str) -> str:  # babel uses no-break and narrow no-break spaces in French
        return text.replace("\u202f", " ").replace("\u00a0", " ")

    assert plain(t.money(1234.56, "EUR", decimals=2)) == money
    assert plain(t.number(1234567.8)) == number
    assert plain(t.percent(0.2561, 1)) == share
    assert plain(t.date(pd.Timestamp("2026-11-26"))) == day
    assert plain(t.numbers(pd.Series([1234567.8]))[0]) == number


@pytest.mark.parametrize(
    "locale, lang",
    [("fr-FR", "fr"), ("fr", "fr"), ("fr_BE", "fr"), ("en-US", "en"), ("de-DE", "en"), (None, "en")],
)
def test_language_from_the_browser_locale(locale, lang):
    assert language_from_locale(locale) == lang


def test_english_text_is_the_source_text():
    assert Translator("en")("{cls} clients", cls="A") == "A clients"
    assert Translator("fr")("{cls} clients", cls="A") == "Clients A"


def test_a_load_error_is_english_on_the_cli_and_translated_on_the_page(tmp_path):
    with pytest.raises(LoadError) as empty:
        read_table(b"", "clients.csv")
    assert (
        str(empty.value) == "clients.csv is empty: export the table again with its header row and data rows."
    )
    assert empty.value.translated(Translator("fr")) == (
        "clients.csv est vide : exportez de nouveau le tableau "
        "avec sa ligne d'en-tête et ses lignes de données."
    )
    path = tmp_path / "clients.csv"
    path.write_bytes(b"")
    stderr = cli("summary", str(path)).stderr
    assert "clients.csv is empty: export the table again" in stderr  # the CLI stays English


def test_what_the_loader_noted_and_the_rows_it_refused_are_words_of_the_language():
    sales = read_table(b"Client,Amount\nAcme,100\nBeta,abc\n", "sales.csv")
    clients = read_table(b"Client,Sector\nAcme,Food\nCorp,Retail\nDelta,Retail\n", "clients.csv")
    _, report = build_portfolio([sales, clients])
    (note,) = next(info for info in report.tables if info.name == "clients.csv").notes
    # Corp and Delta have no sale: two companies, a plural
    assert str(note) == "2 companies of this file with no transaction (0 revenue)"
    assert (
        note.translate(Translator("fr"))
        == "2 sociétés de ce fichier sans transaction (0 de chiffre d'affaires)"
    )
    (refused,) = report.rejected.to_dict("records")  # Beta's amount "abc"
    assert (refused["problem"], refused["outcome"]) == ("amount is not a number", "row not used")
    fr = Translator("fr")
    assert (fr(refused["problem"]), fr(refused["outcome"])) == (
        "le montant n'est pas un nombre",
        "ligne non utilisée",
    )
