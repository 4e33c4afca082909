"""Charts on the pages: built once per content, in the session's language and currency.

Building an Altair chart and turning it into a Vega-Lite spec (Altair validates every part against
the schema) takes 20 to 70 ms a chart: a page of five charts spent a third of its run there on
every visit. The spec is kept, keyed on the builder and its arguments (tables by their whole
content, see ui/content.py), so a page switch that shows the same chart sends the kept spec.
"""

from __future__ import annotations

from collections.abc import Callable
from types import FunctionType
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec  # st.altair_chart's own

from portfolio_core.i18n import Translator
from portfolio_core.report.charts import localized
from ui.content import content
from ui.i18n import TRANSLATORS, currency, tr


@st.cache_data(
    show_spinner=False,
    max_entries=64,
    hash_funcs={
        pd.DataFrame: content,
        pd.Series: content,
        Translator: lambda t: t.lang,
        FunctionType: lambda f: f"{f.__module__}.{f.__qualname__}",
        alt.Parameter: lambda p: repr(p.param.to_dict()),
    },
)
def _spec(
    build: Callable[..., Any], args: tuple, kwargs: dict, height: int | None, lang: str, cur: str | None
) -> dict:
    chart = build(*args, **kwargs)
    if height is not None:
        chart = chart.properties(height=height)
    return _convert_altair_to_vega_lite_spec(localized(chart, TRANSLATORS[lang], cur))  # type: ignore[arg-type]


def show_chart(
    build: Callable[..., Any],
    *args: Any,
    height: int | None = None,
    width: str = "stretch",
    key: str | None = None,
    on_select: str = "ignore",
    **kwargs: Any,
) -> Any:
    """Show ``build(*args, **kwargs)``, an Altair chart (``height`` in pixels when given), with its
    numbers written in the session's language and amounts in its currency.

    ``width``, ``key`` and ``on_select`` are ``st.vega_lite_chart``'s; returns what it returns.
    """
    spec = _spec(build, args, kwargs, height, tr().lang, currency())
    return st.vega_lite_chart(spec, width=width, key=key, on_select=on_select)  # type: ignore[call-overload]
