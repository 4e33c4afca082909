"""Languages: translated texts and locale formatting of numbers, money, shares and dates.

Texts are looked up by their English wording (gettext style), so English
code stays readable and English output is exactly the source text.
Formatting uses babel: ``1 234,56 €`` in French, ``€1,234.56`` in English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from portfolio_core.locale_fr import FR

LANGUAGES = {"en": "English", "fr": "Français"}
LOCALES = {"en": "en_US", "fr": "fr_FR"}
CATALOGS: dict[str, dict[str, str]] = {"en": {}, "fr": FR}


def language_from_locale(locale: str | None) -> str:
    """``"fr"`` for a French browser locale (``fr``, ``fr-FR``, ``fr_BE``...), else ``"en"``."""
    return "fr" if (locale or "").lower().replace("_", "-").split("-")[0] == "fr" else "en"


@dataclass(frozen=True)
class Translator:
    """Translate texts and format numbers for one language.

    Examples
    --------
    >>> t = Translator("fr")
    >>> t("{n} clients", n=3)
    '3 clients'
    >>> t.money(1234.56, "EUR", decimals=2).replace("\\u202f", " ").replace("\\xa0", " ")
    '1 234,56 €'
    """

    lang: str = "en"
    missing: set[str] = field(default_factory=set, compare=False, hash=False)

    @property
    def locale(self) -> str:
        """The babel locale of the language."""
        return LOCALES.get(self.lang, "en_US")

    def __call__(self, text: str, **values: object) -> str:
        """The text in this language (English when no translation is known), filled with ``values``."""
        catalog = CATALOGS.get(self.lang, {})
        if self.lang != "en" and text not in catalog:
            self.missing.add(text)
        out = catalog.get(text, text)
        return out.format(**values) if values else out

    def maybe(self, text: str) -> str:
        """Translate a text that may come from the data (a column name): unknown ones stay as they are."""
        return CATALOGS.get(self.lang, {}).get(text, text)

    def label(self, column: str) -> str:
        """A column name as a label: ``account_manager`` -> ``Account manager`` (translated when known)."""
        return self.maybe(str(column).replace("_", " ").capitalize())

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with the locale's grouping and decimal mark."""
        if value is None or pd.isna(value):
            return "—"
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def money(self, value: float, currency: str = "EUR", decimals: int = 0) -> str:
        """An amount with its currency, e.g. ``1 234 €`` or ``€1,234``."""
        if value is None or pd.isna(value):
            return "—"
        digits = "." + "0" * decimals if decimals else ""
        pattern = f"#,##0{digits}\u00a0¤" if self.lang == "fr" else f"¤#,##0{digits}"
        return format_currency(value, currency, format=pattern, locale=self.locale, currency_digits=False)

    def amount(self, value: float, currency: str | None, decimals: int = 0) -> str:
        """An amount with its currency when one is known (``1 234 €``), else the bare number (``1 234``)."""
        return self.number(value, decimals) if currency is None else self.money(value, currency, decimals)

    def percent(self, share: float, decimals: int = 0) -> str:
        """A share (0.256) as a percentage (``26 %`` in French, ``26%`` in English)."""
        if share is None or pd.isna(share):
            return "—"
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%" * (self.lang == "fr")
        pattern += "%" * (self.lang != "fr")
        return format_percent(share, format=pattern, locale=self.locale)

    def numbers(self, values: pd.Series, decimals: int = 0, percent: bool = False) -> pd.Series:
        """Many numbers at once (fast, for long tables): grouping and decimal mark of the language."""
        scaled = values * 100 if percent else values
        text = scaled.map(f"{{:,.{decimals}f}}".format)
        if self.lang == "fr":
            text = text.str.replace(",", "\u202f", regex=False).str.replace(".", ",", regex=False)
        return text + ("\u00a0%" if self.lang == "fr" else "%") if percent else text

    def formatter(
        self,
        kind: Literal["number", "money", "percent", "date"],
        decimals: int = 0,
        currency: str | None = None,
    ) -> Callable[[Any], str]:
        """A fast one-value formatter for long tables, written as :meth:`number`, :meth:`amount`,
        :meth:`percent` write one value (dates as ``31/12/2026`` or ``2026-12-31``); a blank cell is ``—``.

        Examples
        --------
        >>> money = Translator("fr").formatter("money", currency="EUR")
        >>> money(-29348.3).replace("\u202f", " ").replace("\xa0", " ")
        '-29 348 €'
        >>> en = Translator("en")
        >>> en.formatter("money", 1, "USD")(29348.34), en.formatter("percent", 1)(0.8012)
        ('$29,348.3', '80.1%')
        """
        if kind == "date":
            pattern = "%d/%m/%Y" if self.lang == "fr" else "%Y-%m-%d"
            return lambda v: "—" if v is None or pd.isna(v) else pd.Timestamp(v).strftime(pattern)
        # the words around a number ("€", " %") as babel writes them for this language
        sample = {"number": lambda: self.number(1), "percent": lambda: self.percent(0.01)}.get(
            kind, lambda: self.amount(1, currency)
        )()
        before, after = sample.split("1", 1)
        marks = str.maketrans({",": "\u202f", ".": ","}) if self.lang == "fr" else None
        scale = 100 if kind == "percent" else 1

        def write(v: Any) -> str:
            if v is None or pd.isna(v):
                return "—"
            x = float(v) * scale
            digits = f"{abs(x):,.{decimals}f}"
            sign = "-" if x < 0 and float(digits.replace(",", "")) != 0 else ""
            return f"{sign}{before}{digits.translate(marks) if marks else digits}{after}"

        return write

    def date(self, value: dt.date | pd.Timestamp) -> str:
        """A date in the locale's medium form (``26 nov. 2026`` or ``Nov 26, 2026``)."""
        if value is None or pd.isna(value):
            return "—"
        return format_date(pd.Timestamp(value).date(), format="medium", locale=self.locale)


ENGLISH = Translator("en")
