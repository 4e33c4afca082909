"""Tables in the session's language: one place builds the formats of every ``st.dataframe``.

Numbers, money (with the session's currency), shares and dates are written the way the language
writes them (``1 234,5`` and ``80,1 %`` in French, ``1,234.5`` and ``80.1%`` in English), whatever
the browser's own locale (Streamlit's ``"localized"`` format follows the browser). The cells keep
their numbers, so a click on a header still sorts by value: the words are a pandas Styler's display
values. A table too large to style quickly gets printf formats instead (no thousands separator in
French, as printf knows only the English one).

Writing every cell's words takes pandas about 8 µs a cell, on every run: a styled table is kept,
keyed on its whole content and formats, and writes its words once (:func:`_written_once`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from ui.content import content
from ui.i18n import TRANSLATORS, currency, tr

MAX_STYLED_CELLS = 60_000  # a Styler takes about 8 µs a cell to render: half a second at most


def show_table(
    frame: pd.DataFrame,
    *,
    money: Collection[str] = (),
    percent: Collection[str] = (),
    decimals: dict[str, int] | None = None,
    column_config: dict[str, Any] | None = None,
    where: Any = st,
    **kwargs: Any,
) -> Any:
    """``where.dataframe(frame)`` with every number, amount, share and date in the session's language.

    ``money``: columns of amounts (shown with the currency, whole units); ``percent``: shares
    (0.801 is ``80,1 %``, one decimal); ``decimals``: decimals of other number columns (default 0).
    Date columns are found by their type. ``column_config`` gives labels and other settings, never
    number formats: those are made here. Returns what ``st.dataframe`` returns (the selection).
    """
    _, decimals, config = tr(), decimals or {}, dict(column_config or {})
    kwargs.setdefault("placeholder", "—")  # a missing value, which the browser would write "None"
    kinds: dict[str, tuple[str, int]] = {}
    for column in frame.columns:
        series, typed = frame[column], _as_dict(config.get(column)).get("type_config") or {}
        if typed.get("type", "number") != "number":  # a progress bar, a text column: as configured
            continue
        if column in money:
            kinds[column] = ("money", decimals.get(column, 0))
        elif column in percent:
            kinds[column] = ("percent", decimals.get(column, 1))
        elif pd.api.types.is_datetime64_any_dtype(series):
            kinds[column] = ("date", 0)
        elif pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            kinds[column] = ("number", decimals.get(column, 0))
    if frame.size <= MAX_STYLED_CELLS:
        styled = _styled(frame, tuple(kinds.items()), _.lang, currency())
        return where.dataframe(styled, column_config=config or None, **kwargs)
    for column, (kind, d) in kinds.items():
        if kind != "date":
            entry = _as_dict(config.get(column))
            typed = {"type": "number", **(entry.get("type_config") or {}), "format": _printf(kind, d)}
            config[column] = {**entry, "type_config": typed}
    if any(kind == "percent" for kind, _d in kinds.values()):
        frame = frame.assign(**{c: frame[c] * 100 for c, (kind, _d) in kinds.items() if kind == "percent"})
    return where.dataframe(frame, column_config=config or None, **kwargs)


def _written_once(styled: Styler) -> Styler:
    """``styled``, writing its cells' words on the first render only (Streamlit renders a Styler on
    every run; Streamlit knows a Styler by its exact class, so the method is replaced, not subclassed)."""
    write, kept = styled._translate, {}  # type: ignore[attr-defined]

    def written(*args: Any) -> Any:
        if args not in kept:
            kept[args] = write(*args)
        return kept[args]

    styled._translate = written  # type: ignore[attr-defined]
    return styled


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs={pd.DataFrame: content})
def _styled(frame: pd.DataFrame, kinds: tuple, lang: str, cur: str | None) -> Styler:
    """``frame`` with every blank cell written ``—`` and each column of ``kinds`` ((column, (kind,
    decimals)) pairs) written in ``lang`` with the currency ``cur``."""
    t = TRANSLATORS[lang]
    formats: dict[str, Any] = {c: t.formatter(kind, d, cur) for c, (kind, d) in kinds}
    return _written_once(frame.style.format(na_rep="—").format(formats))  # every blank cell, text ones too


def _as_dict(entry: Any) -> dict[str, Any]:
    """A column_config entry (a label or a ColumnConfig dict) as a dict."""
    return {"label": entry} if isinstance(entry, str) else dict(entry or {})


def _printf(kind: str, decimals: int) -> str:
    """A printf format close to the language's way of writing a number (sprintf-js, as Streamlit uses)."""
    french = tr().lang == "fr"
    number = f"%{'' if french else ','}.{decimals}f"
    if kind == "percent":
        return number + ("\u00a0%%" if french else "%%")
    if kind == "money" and currency():
        sample = tr().amount(1, currency())
        before, after = sample.split("1", 1)
        return f"{before}{number}{after}"
    return number
