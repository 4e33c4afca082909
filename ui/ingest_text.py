"""The ingest's descriptive texts (how a file was read, how its dates were read, the validation
report) in the session's language.

``portfolio_core.ingest`` describes a file in English with its own parts inside ("CSV,
semicolon-separated, Windows-1252", "DD/MM/YYYY (assumed)"). Each shape is listed here once as the
translator's key; a text is matched against the shapes, and its parts (a separator name, a date
format, a count) are put back, translated, into the translated shape. A text of no known shape goes
through the translator as it is, so the missing-translation test sees it. (Notes and row problems
are message objects, translated where they are shown.)
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from portfolio_core.message import N_
from ui.i18n import tr

SHAPES = (
    N_("CSV, {separator}-separated, {encoding}"),
    N_("Excel, sheet “{sheet}”"),
    N_("{format} (assumed)"),
)
# the parts those shapes hold: separator names and date formats
PARTS = (
    N_("comma"), N_("semicolon"), N_("tab"), N_("pipe"),
    N_("YYYY-MM-DD"), N_("DD/MM/YYYY"), N_("MM/DD/YYYY"), N_("written dates (e.g. 12 Mar 2024)"),
)  # fmt: skip
REJECTED_HEADERS = {
    "file": N_("File"), "row": N_("Row"), "column": N_("Column"), "value": N_("Value"),
    "problem": N_("Problem"), "outcome": N_("Outcome"),
}  # fmt: skip


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    def pattern(shape: str) -> re.Pattern[str]:
        return re.compile("^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(shape)) + "$")

    return tuple((pattern(shape), shape) for shape in SHAPES)


def _part(text: str) -> str:
    """A part of a text: a count (``1,234``) in the language's digits, a known word translated."""
    if re.fullmatch(r"\d{1,3}(,\d{3})*", text):
        return tr().number(int(text.replace(",", "")))
    return tr().maybe(text)


def words(text: str) -> str:
    """One of the ingest's texts in the session's language (as it is in English)."""
    _ = tr()
    for pattern, shape in _patterns():
        found = pattern.match(text)
        if found:
            return _(shape, **{k: _part(v) for k, v in found.groupdict().items()})
    return _(text)


def rejected_rows(rejected: pd.DataFrame) -> pd.DataFrame:
    """The validation report with its headers, problems and outcomes in the session's language."""
    _ = tr()
    out = rejected.assign(
        **{c: rejected[c].map(words, na_action="ignore") for c in ("problem", "outcome") if c in rejected}
    )
    return out.rename(columns={c: _(label) for c, label in REJECTED_HEADERS.items()})
