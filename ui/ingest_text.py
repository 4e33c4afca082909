"""The ingest's English texts (file descriptions, notes, row problems) in the session's language.

``portfolio_core.ingest`` writes these texts in English, some with a file's own names or counts
inside ("3 companies of this file with no transaction (0 revenue)"). Each shape is listed here once
as the translator's key; a text is matched against the shapes, and its parts (a separator name, a
count) are put back into the translated shape. A text of no known shape goes through the translator
as it is, so the missing-translation test sees it.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from ui.i18n import tr

SHAPES = (
    "CSV, {separator}-separated, {encoding}",
    "Excel, sheet “{sheet}”",
    "{format} (assumed)",
    "durations in “{column}” read as minutes and converted to hours",
    "1 company of this file with no transaction (0 revenue)",
    "{n} companies of this file with no transaction (0 revenue)",
    "1 client not in the client list (added, status from the deals)",
    "{n} clients not in the client list (added, status from the deals)",
    "joined on “{column}”: the transactions name their clients the way this column does",
)
REJECTED_HEADERS = {
    "file": "File", "row": "Row", "column": "Column", "value": "Value", "problem": "Problem",
    "outcome": "Outcome",
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
