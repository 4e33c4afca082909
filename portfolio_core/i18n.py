"""Languages: translated texts and locale formatting of numbers, money, shares and dates.

Texts are gettext messages keyed by their English wording, so English code stays readable and English
output is exactly the source text. The catalogs are ``locale/<lang>/LC_MESSAGES/messages.po``, managed
with Babel (``make messages``, ``make catalogs``); the compiled ``.mo`` is a build product, and a
missing or stale one is compiled in memory from the ``.po``. Formatting uses babel: ``1 234,56 €``
in French, ``€1,234.56`` in English.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent

LANGUAGES = {"en": "English", "fr": "Français"}
LOCALES = {"en": "en_US", "fr": "fr_FR"}
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


class _Untranslated(gettext.NullTranslations):
    """The last fallback of a catalog: a text it lacks raises, so the translator can note it."""

    def gettext(self, message: str) -> str:
        raise LookupError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise LookupError(msgid1)


def catalog_files(lang: str) -> tuple[Path, Path]:
    """The ``.po`` (source, in git) and ``.mo`` (compiled by ``make catalogs``) of a language."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def compile_po(po: Path) -> bytes:
    """A ``.po`` file compiled to ``.mo`` bytes, fuzzy entries left out (what ``pybabel compile`` does)."""
    with po.open("rb") as f:
        messages = read_po(f)
    out = io.BytesIO()
    write_mo(out, messages)
    return out.getvalue()


def compile_catalogs() -> list[Path]:
    """Compile every language's ``.po`` into its ``.mo`` (``make catalogs``); the compiled files.

    Not ``pybabel compile``: its printf check takes "80 % of" in a text for a ``% o`` conversion,
    while the texts use ``{name}`` placeholders (tests/test_catalog.py checks those).
    """
    done = []
    for po in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_po(po))
        done.append(mo)
    return done


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext catalog of a language: its ``.mo``, or its ``.po`` compiled in memory when the
    ``.mo`` is missing or older (a fresh clone, an edited ``.po``). English has none: the source text."""
    po, mo = catalog_files(lang)
    if lang == "en" or not po.exists():
        return gettext.NullTranslations()
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        data = mo.read_bytes()
    else:
        data = compile_po(po)
    catalog = gettext.GNUTranslations(io.BytesIO(data))
    catalog.add_fallback(_Untranslated())
    return catalog


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
    >>> t.plural("{n} former client", "{n} former clients", 1), t.plural("{n} partner", "{n} partners", 2)
    ('1 ancien client', '2 partenaires')
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
        try:
            out = translations(self.lang).gettext(text)
        except LookupError:
            self.missing.add(text)
            out = text
        return out.format(**values) if values else out

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The singular or plural text for ``n`` in this language (gettext's ``ngettext``), filled with
        ``values``; ``{n}`` is ``n`` formatted for the language."""
        try:
            out = translations(self.lang).ngettext(singular, plural, int(n))
        except LookupError:
            self.missing.add(singular)
            out = singular if n == 1 else plural
        return out.format(n=self.number(n), **values)

    def maybe(self, text: str) -> str:
        """Translate a text that may come from the data (a column name): unknown ones stay as they are."""
        try:
            return translations(self.lang).gettext(text)
        except LookupError:
            return text

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
