"""French and English: every text has its translation, numbers and dates follow the language."""

import ast

import pandas as pd
import pytest

from portfolio_core.analysis.actions import ACTIONS
from portfolio_core.analysis.effort import QUADRANTS
from portfolio_core.analysis.segments import GROUPS
from portfolio_core.i18n import Translator, language_from_locale
from portfolio_core.ingest.columns import ROLE_LABELS
from portfolio_core.locale_fr import FR
from tests.conftest import ROOT

SOURCES = [
    *ROOT.glob("pages/*.py"),
    *ROOT.glob("ui/*.py"),
    *ROOT.glob("portfolio_core/*.py"),
    ROOT / "app.py",
]


def translated_literals() -> dict[str, str]:
    """Every string literal passed to a translator call ``_("...")`` or ``t("...")``, with its file."""
    found = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "t")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = path.name
    return found


def test_every_text_in_the_code_has_a_french_translation():
    missing = {text: where for text, where in translated_literals().items() if text not in FR}
    assert missing == {}


def test_fixed_vocabularies_are_translated():
    vocabulary = (*ACTIONS, *QUADRANTS, *GROUPS.values(), *ROLE_LABELS.values())
    for text in (*vocabulary, "revenue", "margin", "Revenue", "Margin"):
        assert text in FR, text


def test_translations_keep_their_placeholders():
    for english, french in FR.items():
        names = {n for _, n, _, _ in __import__("string").Formatter().parse(english) if n}
        assert names == {n for _, n, _, _ in __import__("string").Formatter().parse(french) if n}, english


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
