"""Meeting exports: charts as PNG/SVG, an Excel workbook, a PowerPoint deck (no streamlit here).

Everything comes from one :class:`Report`, built once by :func:`build_report`
from a portfolio, its classified table and the settings, so the app's Export
page and the CLI's ``report`` command write the same files. The charts are the
builders of :mod:`portfolio_core.charts` (the ones the pages show), only sized
and given larger fonts for a projector.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
from babel.dates import format_date

from .abc import CLASSES, NoPositiveValueError, class_summary
from .actions import ACTIONS, recommend
from .assumptions import (
    DEFAULT_HOURLY_COST,
    durations_text,
    hourly_cost_short,
    hourly_cost_text,
    let_go_text,
    scope_text,
)
from .charts import NUMBER_LOCALES, dual_pareto_chart, effort_scatter, pareto_chart, whale_chart
from .effort import (
    DEFAULT_HOURS,
    client_economics,
    dual_pareto,
    effort_hours,
    share_of_clients_for,
    whale_curve,
)
from .i18n import ENGLISH, Translator
from .kpis import companies_in_filters, kpi_summary
from .pareto import pareto_curve
from .portfolio import Portfolio

Chart = alt.TopLevelMixin
CHART_NAMES = {
    "pareto": "Pareto curve",
    "effort": "Effort vs revenue",
    "dual_pareto": "Revenue and effort Pareto",
    "whale": "Whale curve",
}
RULE_NAMES = {
    "before": "share before the client (recommended)",
    "spreadsheet": "spreadsheet convention (cumulative share including the client)",
}


def chart_names(t: Translator = ENGLISH) -> dict[str, str]:
    """:data:`CHART_NAMES` in ``t``'s language."""
    return {
        "pareto": t("Pareto curve"),
        "effort": t("Effort vs revenue"),
        "dual_pareto": t("Revenue and effort Pareto"),
        "whale": t("Whale curve"),
    }


def _rule_name(rule: str, t: Translator) -> str:
    if rule == "before":
        return t("share before the client (recommended)")
    if rule == "spreadsheet":
        return t("spreadsheet convention (cumulative share including the client)")
    return rule


def _g(value: float, t: Translator) -> str:
    """A cut-off in percent as typed (``80``, ``82.5``; ``82,5`` in French).

    Examples
    --------
    >>> _g(80.0, ENGLISH), _g(82.5, Translator("fr"))
    ('80', '82,5')
    """
    text = f"{value:g}"
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return t.number(value, decimals)


# The effort scatter draws one point per client: beyond this, only the largest clients by
# revenue or by effort are drawn (the title says so); the browser and vl-convert stay fast
# and Altair's 5,000-row limit is never reached.
MAX_SCATTER_POINTS = 3000
EXPORT_WIDTH = 900  # chart width in pixels before the PNG scale


@dataclass(frozen=True)
class ReportSettings:
    """The settings a report was made with (cut-offs in percent, as on the sliders and the CLI)."""

    a: float = 80.0
    b: float = 95.0
    rule: str = "before"
    measure: str = "revenue"
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    within: bool = False
    include_inactive: bool = False
    hourly_cost: float = DEFAULT_HOURLY_COST
    source: str = ""
    hourly_cost_set: bool = False  # False: the hourly cost is the default nobody chose, and the files say so
    date: dt.date = field(default_factory=dt.date.today)

    def lines(self, t: Translator = ENGLISH) -> list[tuple[str, str]]:
        """The settings as (name, value) pairs, for the Settings sheet and the title slide."""
        return list(self.named(t).values())

    def named(self, t: Translator = ENGLISH) -> dict[str, tuple[str, str]]:
        """The settings as (name, value) pairs in ``t``'s language, by a fixed English key."""
        filters = "; ".join(
            t("{column}: {values}", column=c.replace("_", " ") if t.lang == "en" else t.label(c).lower(),
              values=", ".join(v))
            for c, v in self.filters
        ) or t("none")  # fmt: skip
        if self.within and self.filters:
            computed_on = t("the selection alone")
        else:
            computed_on = t("the whole portfolio")
        if self.include_inactive:
            scope = t("every company (prospects, former clients, partners included)")
        else:
            scope = t("active clients")
        return {
            "Date": (t("Date"), format_date(self.date, "dd MMMM y", locale=t.locale)),
            "Source": (t("Source"), t.maybe(self.source) if self.source else t("(not named)")),
            "Ranking measure": (t("Ranking measure"), t(self.measure)),
            "A cut-off (%)": (t("A cut-off (%)"), _g(self.a, t)),
            "B cut-off (%)": (t("B cut-off (%)"), _g(self.b, t)),
            "ABC rule": (t("ABC rule"), _rule_name(self.rule, t)),
            "Filters": (t("Filters"), filters),
            "Classes computed on": (t("Classes computed on"), computed_on),
            "Clients in scope": (t("Clients in scope"), scope),
            "Hourly cost (cost to serve)": (t("Hourly cost (cost to serve)"), t.number(self.hourly_cost, 2)),
        }


@dataclass(frozen=True)
class Kpi:
    """One headline figure: its label, its formatted value and an optional note."""

    label: str
    value: str
    note: str = ""
    key: str = ""  # a fixed name (the label is in the report's language)


@dataclass(frozen=True)
class Report:
    """Everything the exports show, computed once.

    - ``clients``: one row per client, ranked: ``label``, ``rank``, ``value``,
      ``share``, ``cumulative_share``, ``abc_class`` and, when the data has
      them, ``name``, ``sector``, ``account_manager``.
    - ``summary``: :func:`portfolio_core.class_summary` (rows A, B, C), plus
      ``hours`` and ``effort_share`` when ``has_effort``.
    - ``charts``: Altair charts by key of :data:`CHART_NAMES` (the effort
      charts only when an activity log gives hours).
    - ``kpis``: headline figures; ``actions``: one recommended move per
      client (``label``, ``abc_class``, ``action``, ``reason``, ``revenue``,
      ``hours``, ``profit``), ranked like the Effort page's list.
    """

    settings: ReportSettings
    clients: pd.DataFrame
    summary: pd.DataFrame
    charts: Mapping[str, Chart]
    kpis: tuple[Kpi, ...]
    actions: pd.DataFrame
    has_effort: bool
    notes: tuple[str, ...] = ()
    moves: tuple[str, ...] = ACTIONS  # the moves in review order, in the actions' language
    # The assumptions the figures rest on, as (name, sentence) pairs in the report's language: the
    # hourly cost, the default durations, who is set aside, and what the let-go advice rests on.
    assumptions: tuple[tuple[str, str], ...] = ()
    t: Translator = field(default=ENGLISH, compare=False)  # the language of every text of the files


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


def for_export(chart: Chart, width: int = EXPORT_WIDTH, t: Translator = ENGLISH) -> Chart:
    """A page chart with a fixed width and fonts large enough for a projector.

    The text marks drawn on the plot (cut-off labels, quadrant names) are enlarged in place:
    pass a chart built for the export, not one a page still shows. Numbers on the axes follow
    ``t``'s language (decimal comma in French).
    """
    _enlarge_text(chart, 16)
    number = NUMBER_LOCALES.get(t.lang)
    config: dict[str, Any] = {"background": "white"}
    if number:
        config["locale"] = {"number": number}
    return (
        chart.properties(width=width)
        .configure(**config)
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


def _charts(
    classified: pd.DataFrame,
    econ: pd.DataFrame | None,
    s: ReportSettings,
    revenue_cut: float,
    hours_cut: float,
    t: Translator,
) -> dict[str, Chart]:
    measure = s.measure
    charts: dict[str, Chart] = {
        "pareto": pareto_chart(pareto_curve(classified), s.a / 100, s.b / 100, measure, t)
    }
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
    return {key: for_export(chart, t=t) for key, chart in charts.items()}


# --- KPIs -----------------------------------------------------------------------------------------


def concentration_figures(portfolio: Portfolio, values: pd.Series, s: ReportSettings) -> dict[str, Any]:
    """The KPI block (concentration, win rate, suggested cut-offs), as the CLI's JSON gives it.

    The win rate counts the deals of every company the filters keep, prospects included.
    """
    companies = companies_in_filters(portfolio, dict(s.filters), s.include_inactive)
    return kpi_summary(portfolio, values, companies)


def _kpis(
    portfolio: Portfolio,
    classified: pd.DataFrame,
    s: ReportSettings,
    econ: pd.DataFrame | None,
    t: Translator = ENGLISH,
) -> tuple[Kpi, ...]:
    values = classified["value"]
    labels = _labels(portfolio, classified.index)
    measure = t(s.measure)
    of_measure = t("of {measure}", measure=measure)
    out = [
        Kpi(t("Clients analysed"), t.number(len(classified)), key="clients"),
        Kpi(t("Total {measure}", measure=measure), t.number(values.sum()), key="total"),
    ]
    try:
        figures = concentration_figures(portfolio, values, s)
    except NoPositiveValueError:
        figures = {}
    conc = figures.get("concentration", {})
    if "top1_share" in conc:
        out.append(
            Kpi(
                t("Largest client"), t.percent(conc["top1_share"], 1), _short(str(labels.iloc[0]), 28), "top1"
            )
        )
    if "top10_share" in conc:
        out.append(Kpi(t("Top 10 clients"), t.percent(conc["top10_share"], 1), of_measure, "top10"))
    if "top20pct_share" in conc:
        out.append(Kpi(t("Top 20% of clients"), t.percent(conc["top20pct_share"], 1), of_measure, "top20pct"))
    if "gini" in conc:
        out.append(Kpi(t("Gini"), t.number(conc["gini"], 2), t("0 = equal, 1 = one client"), "gini"))
    if "win_rate" in figures:
        out.append(
            Kpi(t("Win rate"), t.percent(figures["win_rate"]), t("won / (won + lost) deals"), "win_rate")
        )
    if "suggested_cutoffs" in figures:
        cut = figures["suggested_cutoffs"]
        value = f"{_g(cut['a'], t)}{_pct(t)} / {_g(cut['b'], t)}{_pct(t)}"
        out.append(Kpi(t("Suggested cut-offs"), value, t("A / B, from the curve"), "suggested_cutoffs"))
    if econ is not None:
        out.append(Kpi(t("Total effort"), t("{hours} h", hours=t.number(econ["hours"].sum())), key="effort"))
        effort_80 = share_of_clients_for(econ["hours"])
        if not math.isnan(effort_80):
            out.append(Kpi(t("Clients taking 80% of effort"), t.percent(effort_80), key="effort_80"))
        losers = econ["profit"] < 0
        out.append(
            Kpi(
                t("Clients costing more than they bring"),
                t.number(int(losers.sum())),
                t("{amount} of profit lost", amount=t.number(-econ.loc[losers, "profit"].sum())),
                "losers",
            )
        )
    return tuple(out)


def _pct(t: Translator) -> str:
    """The percent sign after a number: ``%`` in English, ``\u00a0%`` in French."""
    return "\u00a0%" if t.lang == "fr" else "%"


# --- The report -----------------------------------------------------------------------------------


def _short(text: str, limit: int) -> str:
    """Text cut to ``limit`` characters with an ellipsis.

    Examples
    --------
    >>> _short("Lumen Services International", 12)
    'Lumen Servi…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _labels(portfolio: Portfolio, index: pd.Index) -> pd.Series:
    """Client names where known, else the identifier."""
    ids = pd.Series(index.astype(str), index=index)
    if "name" not in portfolio.clients.columns:
        return ids
    names = portfolio.clients["name"].reindex(index)
    return names.where(names.notna() & (names.astype(str).str.strip() != ""), ids).astype(str)


def build_report(
    portfolio: Portfolio,
    classified: pd.DataFrame,
    settings: ReportSettings,
    default_hours: Mapping[str, float] | None = None,
    revenue_cut: float | None = None,
    hours_cut: float | None = None,
    t: Translator = ENGLISH,
    hours: pd.Series | None = None,
) -> Report:
    """Build the report contents once, for the Excel workbook, the deck and the chart files.

    Parameters
    ----------
    portfolio : the loaded data.
    classified : the classified clients shown (:func:`portfolio_core.classify_abc` or
        :func:`portfolio_core.segments.classify_selection` output, for ``settings``).
    settings : the cut-offs, rule, measure, filters... used to classify (recorded as given).
    default_hours, revenue_cut, hours_cut : as on the Effort page (defaults: the standard
        durations and the medians).
    t : the language of every text: chart labels, actions, sheet names and headers, slides
        (numbers on slides are formatted for it; Excel cells stay numbers).
    hours : effort in hours per client when already computed (else from the activity log).

    Examples
    --------
    >>> from portfolio_core import classify_abc
    >>> from portfolio_core.demo import demo_portfolio
    >>> p = demo_portfolio()
    >>> r = build_report(p, classify_abc(p.values()), ReportSettings(source=p.source))
    >>> sorted(r.charts), int(r.summary["clients"].sum()) == len(r.clients)
    (['dual_pareto', 'effort', 'pareto', 'whale'], True)
    """
    s = settings
    index = classified.index
    labels = _labels(portfolio, index)
    clients = classified.drop(columns=["before_share", "non_positive"], errors="ignore").copy()
    clients.insert(0, "label", labels)
    info = portfolio.clients
    for column in ("name", "sector", "account_manager"):
        if column in info.columns:
            clients[column] = info[column].reindex(index)

    if hours is None:
        hours = effort_hours(portfolio, dict(default_hours or {}), s.include_inactive)
    hours = hours.reindex(index).fillna(0.0)
    has_effort = not portfolio.activities.empty and float(hours.sum()) > 0
    margin = (
        portfolio.values("margin", s.include_inactive).reindex(index) if portfolio.has("margin") else None
    )
    economics = client_economics(
        classified["value"],
        hours if has_effort else pd.Series(0.0, index=index),
        classified["abc_class"],
        margin,
        s.hourly_cost,
        revenue_cut,
        hours_cut,
    )
    econ = economics.table.assign(label=labels)

    summary = class_summary(classified)
    if has_effort:
        per_class = hours.groupby(classified["abc_class"]).sum().reindex(list(CLASSES), fill_value=0.0)
        summary["hours"] = per_class
        summary["effort_share"] = per_class / float(hours.sum())

    potential = info["potential"] if "potential" in info.columns else None
    actions = recommend(economics.table, portfolio, potential, t).join(
        econ[["label", "abc_class", "revenue", "hours", "profit"]]
    )
    order = {c: i for i, c in enumerate(CLASSES)}
    actions = actions.assign(_c=actions["abc_class"].map(order), _p=-actions["profit"])
    actions = actions.sort_values(["_c", "_p"], kind="stable").drop(columns=["_c", "_p"])
    actions = actions[["label", "abc_class", "action", "reason", "revenue", "hours", "profit"]]

    notes: list[str] = []
    if portfolio.activities.empty:
        notes.append(
            t("No activity log: load one (client, date, type, hours) to see effort against revenue.")
        )
    elif not has_effort:
        notes.append(t("The activity log gives no hours for these clients: check its duration column."))
    assumptions = []
    if has_effort:
        assumptions.append(
            (t("Assumption: hourly cost"), hourly_cost_text(s.hourly_cost, s.hourly_cost_set, t))
        )
        durations = {**DEFAULT_HOURS, **dict(default_hours or {})}
        assumptions.append((t("Assumption: durations"), durations_text(durations, t)))
    assumptions.append(
        (t("Assumption: who is out of scope"), scope_text(portfolio.scope_counts(), s.include_inactive, t))
    )
    losers = econ["profit"] < 0
    if has_effort and losers.any():
        lost = float(-econ.loc[losers, "profit"].sum())
        advice = let_go_text(int(losers.sum()), lost, s.hourly_cost, s.hourly_cost_set, t)
        assumptions.append((t("Let-go advice rests on"), advice))
    return Report(
        settings=s,
        clients=clients,
        summary=summary,
        charts=_charts(
            classified,
            econ if has_effort else None,
            s,
            economics.revenue_cut,
            economics.hours_cut,
            t,
        ),
        kpis=_kpis(portfolio, classified, s, econ if has_effort else None, t),
        actions=actions,
        has_effort=has_effort,
        notes=tuple(notes),
        moves=tuple(t(move) for move in ACTIONS),
        t=t,
        assumptions=tuple(assumptions),
    )


# --- Excel ----------------------------------------------------------------------------------------

# Text starting with one of these is a formula (or DDE payload) for Excel, LibreOffice or Sheets
# (OWASP "CSV injection"): such cells are stored as strings and marked quote-prefixed.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
FMT_MONEY = "#,##0"
FMT_PCT = "0.0%"
FMT_HOURS = "#,##0.0"
FMT_INT = "#,##0"


def _cell_value(value: Any) -> Any:
    """A plain Python value openpyxl can store (NaN and NA as empty)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def _put(ws: Any, row: int, col: int, value: Any, number_format: str | None = None) -> None:
    """Write one cell; text is always a string cell, never a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = _cell_value(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl makes "=..." a formula: keep the text as it is
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True  # and Excel keeps it text even when the cell is edited
    elif number_format and isinstance(value, int | float) and not isinstance(value, bool):
        cell.number_format = number_format


def _sheet(wb: Any, title: str, frame: pd.DataFrame, formats: Mapping[str, str]) -> None:
    """A sheet with a bold frozen header, an autofilter, number formats and fitted column widths."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
    for j, name in enumerate(frame.columns, start=1):
        _put(ws, 1, j, str(name))
        ws.cell(row=1, column=j).font = header_font
        ws.cell(row=1, column=j).fill = header_fill
        ws.cell(row=1, column=j).alignment = Alignment(vertical="center", wrap_text=False)
    fmts = [formats.get(str(c)) for c in frame.columns]
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for j, value in enumerate(row, start=1):
            _put(ws, i, j, value, fmts[j - 1])
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(frame.columns), 1))
    ws.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
    sample = frame.head(2000)
    for j, name in enumerate(frame.columns, start=1):
        column = sample[name]
        if fmts[j - 1] and pd.api.types.is_numeric_dtype(column):
            longest = len(f"{column.abs().max():,.0f}") + 3 if len(column) and column.notna().any() else 8
        else:
            longest = int(column.astype(str).str.len().max()) if len(column) else 8
        ws.column_dimensions[get_column_letter(j)].width = min(60, max(len(str(name)) + 4, longest + 2, 8))


# The class column of the Clients sheet keeps this English header in every language: it is a public
# contract (scripts read the workbook's "Class" column), like the CLI's JSON keys.
CLASS_COLUMN = "Class"


def excel_report(report: Report) -> bytes:
    """The workbook: sheets Clients (one row per client, a "Class" column), Summary, Actions, Settings.

    Sheet names and headers are in the report's language, except the Clients sheet's "Class"
    column (:data:`CLASS_COLUMN`, a fixed name scripts rely on). Every sheet has a frozen header
    row and an autofilter; amounts, shares and hours are numbers with number formats (Excel shows
    them in the reader's locale); no cell is a formula (a client named "=1+1" stays text).
    """
    from openpyxl import Workbook

    s, t = report.settings, report.t
    measure = t(s.measure.capitalize())
    share_of_measure = t("Share of {measure}", measure=t(s.measure))
    client, client_id, cls, hours = t("Client"), t("Client ID"), t("Class"), t("Hours")
    wb = Workbook()
    wb.remove(wb.active)

    c = report.clients
    rank, share, cumulative = t("Rank"), t("Share"), t("Cumulative share")
    names = {
        "label": client, "rank": rank, "value": measure, "share": share,
        "cumulative_share": cumulative, "abc_class": CLASS_COLUMN, "sector": t("Sector"),
        "account_manager": t("Account manager"),
    }  # fmt: skip
    clients = c.drop(columns=["name"], errors="ignore").rename(columns=names)
    clients.insert(0, client_id, c.index.astype(str))
    if "name" not in c.columns:
        clients = clients.drop(columns=[client])
    _sheet(
        wb,
        t("Clients"),
        clients,
        {rank: FMT_INT, measure: FMT_MONEY, share: FMT_PCT, cumulative: FMT_PCT},
    )

    n_clients, share_clients, share_effort = t("Clients"), t("Share of clients"), t("Share of effort")
    summary = report.summary.reset_index().rename(
        columns={
            "abc_class": cls, "clients": n_clients, "client_share": share_clients,
            "revenue": measure, "revenue_share": share_of_measure, "hours": hours,
            "effort_share": share_effort,
        }
    )  # fmt: skip
    first = [cls, n_clients, share_clients, measure, share_of_measure]
    summary = summary[first + [col for col in (hours, share_effort) if col in summary.columns]]
    _sheet(
        wb,
        t("Summary"),
        summary,
        {
            n_clients: FMT_INT, share_clients: FMT_PCT, measure: FMT_MONEY,
            share_of_measure: FMT_PCT, hours: FMT_HOURS, share_effort: FMT_PCT,
        },
    )  # fmt: skip

    profit = t("Profit after cost to serve")
    actions = report.actions.rename(
        columns={"label": client, "abc_class": cls, "action": t("Action"), "reason": t("Why"),
                 "revenue": measure, "hours": hours, "profit": profit}
    )  # fmt: skip
    actions.insert(0, client_id, report.actions.index.astype(str))
    if not report.has_effort:
        actions = actions.drop(columns=[hours])
    else:  # the profit column rests on the hourly cost: say which, on every row
        actions[t("Cost to serve based on")] = hourly_cost_short(s.hourly_cost, s.hourly_cost_set, t)
    _sheet(wb, t("Actions"), actions, {measure: FMT_MONEY, hours: FMT_HOURS, profit: FMT_MONEY})

    settings = pd.DataFrame(
        [
            *s.lines(t),
            (t("Clients"), t.number(len(report.clients))),
            *report.assumptions,
            *((t("Note"), n) for n in report.notes),
        ],
        columns=[t("Setting"), t("Value")],
    )
    _sheet(wb, t("Settings"), settings, {})
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- PowerPoint -----------------------------------------------------------------------------------

SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
MARGIN_IN = 0.5
TITLE_PT, BODY_PT, TABLE_PT, SMALL_PT = 30, 20, 16, 14
ACTION_ROWS_PER_SLIDE = 6
ACTIONS_PER_MOVE = 3
DARK, GREY = (0x1F, 0x2D, 0x3D), (0x59, 0x59, 0x59)


def _rgb(color: tuple[int, int, int]) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor(*color)


def _style_runs(text_frame: Any, size: int, bold: bool = False, color: tuple[int, int, int] = DARK) -> None:
    from pptx.util import Pt

    for paragraph in text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = _rgb(color)


def _text(
    slide: Any,
    lines: Sequence[str],
    box: tuple[float, float, float, float],
    size: int = BODY_PT,
    bold: bool = False,
    color: tuple[int, int, int] = DARK,
) -> Any:
    """A word-wrapped text box, one paragraph per line."""
    from pptx.util import Inches, Pt

    left, top, width, height = box
    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    tf = shape.text_frame
    tf.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(6)
    _style_runs(tf, size, bold, color)
    return shape


def _cost_note(slide: Any, lines: Sequence[str], height: float) -> None:
    """The hourly cost the slide's figures rest on, in a line just above the footer."""
    if lines:
        box = (MARGIN_IN, SLIDE_H_IN - 0.55 - height, SLIDE_W_IN - 2 * MARGIN_IN, height)
        _text(slide, lines, box, SMALL_PT, bold=True, color=(0x8A, 0x3B, 0x12))


def _slide(prs: Any, title: str, footer: str) -> Any:
    """A "Title Only" slide with the title across the top and a footer line."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    slide = prs.slides.add_slide(prs.slide_layouts[5])
    t = slide.shapes.title
    t.left, t.top = Inches(MARGIN_IN), Inches(0.25)
    t.width, t.height = Inches(SLIDE_W_IN - 2 * MARGIN_IN), Inches(0.95)
    t.text = title
    t.text_frame.word_wrap = True
    t.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    _style_runs(t.text_frame, TITLE_PT, bold=True)
    _text(
        slide, [footer], (MARGIN_IN, SLIDE_H_IN - 0.55, SLIDE_W_IN - 2 * MARGIN_IN, 0.4), SMALL_PT, color=GREY
    )
    return slide


def _picture(slide: Any, png: bytes, box: tuple[float, float, float, float]) -> Any:
    """The image scaled to fit inside the box (aspect kept), centred."""
    from pptx.util import Inches

    left, top, width, height = box
    w_px, h_px = png_size(png)
    scale = min(width / w_px, height / h_px)
    w, h = w_px * scale, h_px * scale
    return slide.shapes.add_picture(
        io.BytesIO(png), Inches(left + (width - w) / 2), Inches(top + (height - h) / 2), Inches(w), Inches(h)
    )


def _table(
    slide: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    top: float,
    row_height: float,
    size: int = TABLE_PT,
    right: Sequence[bool] | None = None,
) -> Any:
    """A table with a dark header row; ``right`` aligns numeric columns to the right."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_table(
        len(rows) + 1,
        len(header),
        Inches(MARGIN_IN),
        Inches(top),
        Inches(sum(widths)),
        Inches(row_height * (len(rows) + 1)),
    )
    table = shape.table
    for j, w in enumerate(widths):
        table.columns[j].width = Inches(w)
    for i in range(len(rows) + 1):
        table.rows[i].height = Inches(row_height)
    for i, values in enumerate([header, *rows]):
        for j, value in enumerate(values):
            cell = table.cell(i, j)
            cell.text = str(value)
            cell.margin_left = cell.margin_right = Pt(6)
            cell.margin_top = cell.margin_bottom = Pt(3)
            paragraph = cell.text_frame.paragraphs[0]
            if right is not None and right[j] and i > 0:
                paragraph.alignment = PP_ALIGN.RIGHT
            if i == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb((0x1F, 0x4E, 0x79))
                _style_runs(cell.text_frame, size, bold=True, color=(0xFF, 0xFF, 0xFF))
            else:
                _style_runs(cell.text_frame, size)
    return shape


def _headline(report: Report) -> str:
    a, t = report.summary.loc["A"].to_dict(), report.t
    return t(
        "{client_share} of clients (class A, {clients}) make {revenue_share} of {measure}",
        client_share=t.percent(a["client_share"]),
        clients=t.number(int(a["clients"])),
        revenue_share=t.percent(a["revenue_share"]),
        measure=t(report.settings.measure),
    )


def _moves_in_order(actions: pd.DataFrame, moves: Sequence[str]) -> list[str]:
    """The moves present, in review order (unknown ones last, as they come)."""
    present = list(dict.fromkeys(actions["action"]))
    return [m for m in moves if m in present] + [m for m in present if m not in moves]


def _action_pages(
    actions: pd.DataFrame,
    moves: Sequence[str],
    height: Callable[[Any], float] | None = None,
    budget: float = math.inf,
) -> list[pd.DataFrame]:
    """For each move but the last ("light touch"), the clients it matters most for (largest revenue,
    or largest loss for loss-making ones), in pages of at most ACTION_ROWS_PER_SLIDE rows whose
    ``height`` (estimated per row) adds up to ``budget`` at most: long texts take fewer rows a page."""
    picked = []
    for move in _moves_in_order(actions, moves):
        if moves and move == moves[-1]:
            continue
        group = actions[actions["action"] == move]
        key = -group["profit"] if (group["profit"] < 0).all() else group["revenue"]
        picked.append(group.loc[key.sort_values(ascending=False).index[:ACTIONS_PER_MOVE]])
    if not picked:
        return []
    rows = pd.concat(picked)
    pages, start, used = [], 0, 0.0
    for i, row in enumerate(rows.itertuples()):
        h = height(row) if height else 0.0
        if i > start and (i - start == ACTION_ROWS_PER_SLIDE or used + h > budget):
            pages.append(rows.iloc[start:i])
            start, used = i, 0.0
        used += h
    pages.append(rows.iloc[start:])
    return pages


def _lines(text: str, width_in: float, size_pt: int) -> int:
    """About how many lines ``text`` takes in a table cell ``width_in`` wide (average glyph: 0.55 em)."""
    per_line = max(1, int((width_in - 0.2) * 72 / (size_pt * 0.55)))
    return max(1, math.ceil(len(text) / per_line))


def pptx_report(report: Report, pictures: Mapping[str, bytes] | None = None) -> bytes:
    """The meeting deck (16:9): title and settings, Pareto chart, effort vs revenue, class summary,
    KPIs, action plan and action list.

    ``pictures`` may hold PNGs already rendered from ``report.charts`` (same keys), so the app
    renders each chart once for both the download buttons and the deck.
    """
    from pptx import Presentation
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    s, t = report.settings, report.t
    measure = t(s.measure)
    pictures = dict(pictures or {})

    def png(key: str) -> bytes:
        if key not in pictures:
            pictures[key] = chart_png(report.charts[key])
        return pictures[key]

    def num(value: float) -> str:
        return t.number(value)

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)
    settings = {key: value for key, (_name, value) in s.named(t).items()}
    a_pct, b_pct = _g(s.a, t), _g(s.b, t)
    footer = _short(
        t(
            "{source} · {date} · A {a} % / B {b} % · ranked by {measure} · filters: {filters}",
            source=settings["Source"],
            date=settings["Date"],
            a=a_pct,
            b=b_pct,
            measure=measure,
            filters=settings["Filters"],
        ),
        150,
    )
    content_w = SLIDE_W_IN - 2 * MARGIN_IN
    chart_box = (MARGIN_IN, 1.3, content_w, SLIDE_H_IN - 1.3 - 0.65)

    # 1. Title slide: the date and the settings.
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (Inches(v) for v in (MARGIN_IN, 0.7, content_w, 1.2))
    title.text = t("Client portfolio review")
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    _style_runs(title.text_frame, 44, bold=True)
    _text(slide, [settings["Date"]], (MARGIN_IN, 1.9, content_w, 0.6), 24, color=GREY)
    lines = [
        t("Data: {source}", source=_short(settings["Source"], 90)),
        t(
            "{n} clients ranked by {measure}; A up to {a} %, B up to {b} % of {measure}",
            n=num(len(report.clients)),
            measure=measure,
            a=a_pct,
            b=b_pct,
        ),
        t("ABC rule: {rule}", rule=settings["ABC rule"]),
        t(
            "Filters: {filters} (classes computed on {on})",
            filters=_short(settings["Filters"], 90),
            on=settings["Classes computed on"],
        ),
        t("Clients in scope: {scope}", scope=settings["Clients in scope"]),
    ]
    if report.has_effort:
        lines.append(hourly_cost_text(s.hourly_cost, s.hourly_cost_set, t))
    _text(slide, lines, (MARGIN_IN, 2.9, content_w, 4.0), BODY_PT)
    cost_note = [text for name, text in report.assumptions if name == t("Let-go advice rests on")]
    if report.has_effort and not cost_note:
        cost_note = [hourly_cost_text(s.hourly_cost, s.hourly_cost_set, t)]
    note_h = 0.75 if cost_note else 0.0  # room kept above the footer for the hourly-cost sentence

    # 2. The Pareto chart.
    slide = _slide(prs, _headline(report), footer)
    _picture(slide, png("pareto"), chart_box)

    # 3. Effort vs revenue (or what would unlock it).
    if report.has_effort and "effort" in report.charts:
        effort_80 = next((k.value for k in report.kpis if k.key == "effort_80"), None)
        if effort_80:
            title = t("{share} of clients take 80% of the effort", share=effort_80)
        else:
            title = t("Effort vs revenue")
        slide = _slide(prs, title, footer)
        _picture(slide, png("effort"), chart_box)
    else:
        slide = _slide(prs, t("Effort vs revenue: no activity log yet"), footer)
        _text(
            slide,
            [
                *report.notes,
                t(
                    "The file needs one row per call, meeting, visit or e-mail: the client, the date, the "
                    "type and (if known) the duration in hours."
                ),
            ],
            (MARGIN_IN, 1.6, content_w, 4.5),
            24,
        )

    # 4. The class summary table.
    slide = _slide(prs, t("Clients and revenue by class"), footer)
    header = [
        t("Class"),
        t("Clients"),
        t("Share of clients"),
        t(s.measure.capitalize()),
        t("Share of {measure}", measure=measure),
    ]
    widths = [1.4, 1.8, 2.3, 2.9, 2.6]
    if report.has_effort:
        header += [t("Hours"), t("Share of effort")]
        widths = [1.35, 1.45, 1.85, 2.2, 2.0, 1.5, 1.95]  # "Classe", "Clients", "Heures" fit at 22 pt
    rows = []
    for cls, r in report.summary.iterrows():
        row = [
            str(cls),
            num(int(r["clients"])),
            t.percent(r["client_share"], 1),
            num(r["revenue"]),
            t.percent(r["revenue_share"], 1),
        ]
        if report.has_effort:
            row += [num(r["hours"]), t.percent(r["effort_share"], 1)]
        rows.append(row)
    _table(slide, header, rows, widths, 1.5, 0.75, size=22, right=[False] + [True] * (len(header) - 1))
    _text(
        slide,
        [
            t(
                "A: clients that make the first {a} % of {measure}; B: up to {b} %; C: the rest.",
                a=a_pct,
                b=b_pct,
                measure=measure,
            ),
            _headline(report) + ".",
        ],
        (MARGIN_IN, 1.5 + 0.75 * 4 + 0.4, content_w, 1.4),
        BODY_PT,
    )

    # 5. KPIs as tiles.
    slide = _slide(prs, t("Key figures"), footer)
    cols, gap = 4, 0.25
    tile_w = (content_w - gap * (cols - 1)) / cols
    kpis = report.kpis[:12]
    n_rows = max(1, math.ceil(len(kpis) / cols))
    tile_h = min(1.75, (SLIDE_H_IN - 1.4 - 0.7 - note_h - gap * (n_rows - 1)) / n_rows)
    _cost_note(slide, cost_note, note_h)
    for i, kpi in enumerate(kpis):
        left = MARGIN_IN + (i % cols) * (tile_w + gap)
        top = 1.4 + (i // cols) * (tile_h + gap)
        box = slide.shapes.add_shape(1, Inches(left), Inches(top), Inches(tile_w), Inches(tile_h))
        box.fill.solid()
        box.fill.fore_color.rgb = _rgb((0xEE, 0xF3, 0xF8))
        box.line.color.rgb = _rgb((0xC5, 0xD3, 0xE0))
        tf = box.text_frame
        tf.word_wrap = True
        tf.margin_left = tf.margin_right = Pt(8)
        tf.paragraphs[0].text = kpi.value
        label = tf.add_paragraph()
        label.text = _short(kpi.label, 40)
        sizes = [30, 16]
        if kpi.note:
            note = tf.add_paragraph()
            note.text = _short(kpi.note, 32)
            sizes.append(14)
        for paragraph, size in zip(tf.paragraphs, sizes, strict=True):
            paragraph.alignment = PP_ALIGN.CENTER
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = size == 30
                run.font.color.rgb = _rgb(DARK if size > 14 else GREY)

    # 6. The action plan: one row per move, then the clients it matters most for.
    # "Move" alone is a cut-off move in the catalog ("Variation"): the column says "Action" in French.
    move_header = "Move" if t.lang == "en" else t("Action")
    slide = _slide(prs, t("Action plan"), footer)
    plan = (
        report.actions.groupby("action", sort=False)
        .agg(clients=("label", "size"), revenue=("revenue", "sum"), hours=("hours", "sum"))
        .reindex(_moves_in_order(report.actions, report.moves))
    )
    header = [move_header, t("Clients"), t(s.measure.capitalize())] + (
        [t("Hours")] if report.has_effort else []
    )
    widths = [7.8, 1.3, 2.0] + ([1.2] if report.has_effort else [])
    rows = [
        [_short(str(move), 90), num(int(r["clients"])), num(r["revenue"])]
        + ([num(r["hours"])] if report.has_effort else [])
        for move, r in plan.iterrows()
    ]
    _cost_note(slide, cost_note, note_h)
    _table(slide, header, rows, widths, 1.4, min(0.62, (5.2 - note_h) / (len(rows) + 1)), size=18,
           right=[False] + [True] * (len(header) - 1))  # fmt: skip
    widths = [2.7, 1.15, 4.2, 4.28]  # "Classe" fits its column at 16 pt
    row_min, list_pt = 0.76, 16

    def cells(r: Any) -> list[str]:
        return [
            _short(str(r.label), 26),
            str(r.abc_class),
            _short(str(r.action), 90),
            _short(str(r.reason), 90),
        ]

    def height(r: Any) -> float:
        lines = max(_lines(text, w, list_pt) for text, w in zip(cells(r), widths, strict=True))
        return max(row_min, lines * list_pt * 1.2 / 72 + 0.12)

    budget = SLIDE_H_IN - 0.6 - 1.4 - row_min - note_h  # between the title and the note, below the header
    pages = _action_pages(report.actions, report.moves, height, budget)
    for k, page in enumerate(pages, start=1):
        if len(pages) > 1:
            title = t("Action list ({page}/{pages})", page=k, pages=len(pages))
        else:  # "Action list" alone is "Plan d'action" in the catalog, like the slide before
            title = "Action list" if t.lang == "en" else t("Action list (slide)")
        slide = _slide(prs, title, footer)
        rows = [cells(r) for r in page.itertuples()]
        _table(
            slide, [t("Client"), t("Class"), move_header, t("Why")], rows, widths, 1.4, row_min, size=list_pt
        )
        _cost_note(slide, cost_note, note_h)

    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def chart_files(report: Report, scale: float = 2) -> dict[str, tuple[bytes, str]]:
    """Every chart of the report as (PNG bytes, SVG text), by key of :data:`CHART_NAMES`."""
    return {key: (chart_png(chart, scale), chart_svg(chart)) for key, chart in report.charts.items()}
