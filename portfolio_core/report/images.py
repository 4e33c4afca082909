"""Charts for the meeting files: sized and lettered for a projector, rendered to PNG and SVG offline."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd

from portfolio_core.analysis.effort import (
    dual_pareto,
    whale_curve,
)
from portfolio_core.analysis.pareto import pareto_curve
from portfolio_core.i18n import ENGLISH, Translator
from portfolio_core.report.charts import (
    dual_pareto_chart,
    effort_scatter,
    number_locale,
    pareto_chart,
    whale_chart,
)

if TYPE_CHECKING:
    from portfolio_core.analysis.settings import AnalysisSettings

Chart = alt.TopLevelMixin

# The effort scatter draws one point per client: beyond this, only the largest clients by
# revenue or by effort are drawn (the title says so); the browser and vl-convert stay fast
# and Altair's 5,000-row limit is never reached.
MAX_SCATTER_POINTS = 3000
EXPORT_WIDTH = 900  # chart width in pixels before the PNG scale


# --- Charts ---------------------------------------------------------------------------------------


def _enlarge_text(chart: Any, minimum: int) -> None:
    """Raise the font size of the chart's text marks (labels drawn on the plot) to ``minimum``."""
    for layer in getattr(chart, "layer", None) or []:
        _enlarge_text(layer, minimum)
    mark = getattr(chart, "mark", None)
    if isinstance(mark, alt.MarkDef) and mark.type == "text":
        size = mark.fontSize
        if isinstance(size, int | float) and size < minimum:
            mark.fontSize = minimum


def for_export(
    chart: Chart, width: int = EXPORT_WIDTH, t: Translator = ENGLISH, currency: str | None = None
) -> Chart:
    """A page chart with a fixed width and fonts large enough for a projector.

    The text marks drawn on the plot (cut-off labels, quadrant names) are enlarged in place:
    pass a chart built for the export, not one a page still shows. Numbers on the axes follow
    ``t``'s language (decimal comma in French), amounts show ``currency``.
    """
    _enlarge_text(chart, 16)
    return (
        chart.properties(width=width)
        .configure(background="white", locale={"number": number_locale(t, currency)})
        .configure_axis(labelFontSize=16, titleFontSize=18, labelLimit=300)
        .configure_legend(labelFontSize=16, titleFontSize=17, symbolSize=180)
        .configure_title(fontSize=22, anchor="start", offset=12)
    )


def chart_png(chart: Chart, scale: float = 2) -> bytes:
    """Render an Altair chart to PNG bytes (vl-convert, offline); ``scale`` multiplies the pixels."""
    import vl_convert as vlc

    return bytes(vlc.vegalite_to_png(chart.to_dict(), scale=scale))


def chart_svg(chart: Chart) -> str:
    """Render an Altair chart to an SVG document (vl-convert, offline)."""
    import vl_convert as vlc

    return str(vlc.vegalite_to_svg(chart.to_dict()))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG image (from its header).

    Examples
    --------
    >>> png_size(b"\\x89PNG\\r\\n\\x1a\\n" + b"\\x00\\x00\\x00\\rIHDR" + (640).to_bytes(4, "big")
    ...          + (480).to_bytes(4, "big"))
    (640, 480)
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _scatter_data(table: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, bool]:
    """At most ``limit`` clients: the largest by revenue and by effort, half and half."""
    if len(table) <= limit:
        return table, False
    half = limit // 2
    top = table["revenue"].nlargest(half).index.union(table["hours"].nlargest(limit - half).index)
    extra = table["revenue"].drop(top).nlargest(limit - len(top)).index
    return table.loc[top.union(extra)], True


def meeting_charts(
    classified: pd.DataFrame,
    econ: pd.DataFrame | None,
    s: AnalysisSettings,
    revenue_cut: float,
    hours_cut: float,
    t: Translator,
) -> dict[str, Chart]:
    measure = s.measure
    charts: dict[str, Chart] = {"pareto": pareto_chart(pareto_curve(classified), s.a, s.b, measure, t)}
    if econ is not None:
        shown, capped = _scatter_data(econ, MAX_SCATTER_POINTS)
        scatter = effort_scatter(shown.reset_index(), revenue_cut, hours_cut, measure, None, t)
        if capped:
            scatter = scatter.properties(
                title=t(
                    "{Measure} against effort: the {shown} largest clients by {measure} or effort, "
                    "of {total}",
                    Measure=t(measure).capitalize(),
                    measure=t(measure),
                    shown=t.number(len(shown)),
                    total=t.number(len(econ)),
                )
            )
        charts["effort"] = scatter
        charts["dual_pareto"] = dual_pareto_chart(dual_pareto(econ["revenue"], econ["hours"]), t)
        charts["whale"] = whale_chart(whale_curve(econ["profit"]), t)
    return {key: for_export(chart, t=t, currency=s.currency) for key, chart in charts.items()}
