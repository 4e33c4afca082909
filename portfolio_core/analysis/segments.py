"""Slice the portfolio by segment and account manager, and compare the slices."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from portfolio_core.analysis.abc import CLASSES, DEFAULT_A_PCT, DEFAULT_B_PCT, Rule, classify_abc
from portfolio_core.ingest.portfolio import Portfolio

Filters = Mapping[str, tuple[str, ...]]
NOT_SET = "(not set)"
_SKIP = {"status", "name", "start_date", "email", "phone", "address", "contact"}


def _bucket(numbers: pd.Series, buckets: int) -> pd.Series:
    """Quantile buckets labelled by their range, e.g. ``"10 – 49"``."""
    edges = np.unique(np.nanquantile(numbers.dropna(), np.linspace(0, 1, buckets + 1)))
    if len(edges) < 3:
        return numbers.map(lambda v: NOT_SET if pd.isna(v) else f"{v:,.0f}")
    cut = pd.cut(numbers, list(edges), include_lowest=True, duplicates="drop")
    labels = {iv: f"{iv.left:,.0f} – {iv.right:,.0f}" for iv in cut.cat.categories}
    return cut.map(labels).astype(object).fillna(NOT_SET)


def segment_frame(clients: pd.DataFrame, buckets: int = 4) -> pd.DataFrame:
    """The client columns one can filter or group by, as text labels.

    Text columns with a manageable number of values are kept as they are
    (blank as "(not set)"); numeric columns (employees, potential, CAC...)
    are cut into ``buckets`` quantile ranges and named "<column> (range)".

    Examples
    --------
    >>> c = pd.DataFrame({"sector": ["Retail", None, "Food"], "staff": range(0, 30, 2)[:3]})
    >>> segment_frame(c)["sector"].tolist()
    ['Retail', '(not set)', 'Food']
    """
    out = {}
    n = len(clients)
    for col in clients.columns:
        if str(col).lower() in _SKIP:
            continue
        series = clients[col]
        if pd.api.types.is_datetime64_any_dtype(series):
            continue
        numbers = series if pd.api.types.is_numeric_dtype(series) else pd.to_numeric(series, errors="coerce")
        if numbers.notna().sum() >= 0.9 * series.notna().sum() > 0 and numbers.nunique() > 12:
            out[f"{col} (range)"] = _bucket(numbers.astype("float64"), buckets)
            continue
        distinct = series.nunique(dropna=True)
        if 1 < distinct <= max(30, min(200, n // 10)):
            out[str(col)] = series.astype("string").fillna(NOT_SET).astype(object)
    return pd.DataFrame(out, index=clients.index)


def select(segments: pd.DataFrame, filters: Filters) -> pd.Index:
    """Clients matching every filter (a column's values are alternatives)."""
    mask = pd.Series(True, index=segments.index)
    for col, allowed in filters.items():
        if col in segments.columns and allowed:
            mask &= segments[col].isin(allowed)
    return segments.index[mask.to_numpy()]


def classify_selection(
    values: pd.Series,
    selection: pd.Index,
    a: float = DEFAULT_A_PCT / 100,
    b: float = DEFAULT_B_PCT / 100,
    rule: Rule = "before",
    within: bool = False,
) -> pd.DataFrame:
    """ABC classes of the selected clients.

    By default a client's class is computed on the whole portfolio (an A client
    stays A when filtered); ``within=True`` ranks the selection on its own.
    Ranks and shares follow the same choice.
    """
    everyone = len(selection) == len(values) and selection.equals(values.index)
    if within and not everyone:
        return classify_abc(values.loc[values.index.intersection(selection)], a, b, rule)
    full = classify_abc(values, a, b, rule)
    if everyone:
        return full
    # get_indexer is a hash lookup; Index.isin on text indexes is two orders of magnitude slower.
    keep = np.zeros(len(full), dtype=bool)
    found = full.index.get_indexer(selection)
    keep[found[found >= 0]] = True
    return full[keep]


def compare(
    classified: pd.DataFrame,
    groups: pd.Series,
    hours: pd.Series | None = None,
) -> pd.DataFrame:
    """One row per group (segment or manager): the clients, their A/B/C mix, revenue and effort.

    ``classified`` has ``value`` and ``abc_class`` per client; ``groups`` maps
    clients to a group label. Columns: clients, A, B, C, revenue,
    revenue_share, hours, effort_share, revenue_per_hour, largest_client_share
    (the largest client's weight in the group's revenue), share_of_a.

    Examples
    --------
    >>> c = classify_abc(pd.Series({"x": 60.0, "y": 30.0, "z": 10.0}), 0.5, 0.9)
    >>> compare(c, pd.Series({"x": "N", "y": "S", "z": "S"}))["revenue"].to_dict()
    {'N': 60.0, 'S': 40.0}
    """
    frame = pd.DataFrame(
        {
            "group": groups.reindex(classified.index).fillna(NOT_SET),
            "value": classified["value"],
            "abc_class": classified["abc_class"],
            "hours": (hours.reindex(classified.index).fillna(0.0) if hours is not None else 0.0),
        }
    )
    g = frame.groupby("group", sort=True)
    mix = pd.crosstab(frame["group"], frame["abc_class"]).reindex(columns=list(CLASSES), fill_value=0)
    out = pd.DataFrame({"clients": g.size()}).join(mix)
    out["revenue"] = g["value"].sum()
    total = frame["value"].clip(lower=0).sum()
    out["revenue_share"] = out["revenue"] / total if total > 0 else np.nan
    out["hours"] = g["hours"].sum()
    total_h = frame["hours"].sum()
    out["effort_share"] = out["hours"] / total_h if total_h > 0 else np.nan
    out["revenue_per_hour"] = out["revenue"] / out["hours"].where(out["hours"] > 0)
    out["largest_client_share"] = g["value"].max() / out["revenue"].where(out["revenue"] > 0)
    out["share_of_a"] = out["A"] / out["clients"]
    out.index.name = None
    return out


def rebalancing_hints(managers: pd.DataFrame, factor: float = 1.5) -> list[tuple[str, str, float, float]]:
    """Managers whose A clients or hours are far above the others' (``factor`` x the median): one
    ``(manager, column, value, median of the others)`` per finding, ``column`` ``"A"`` or ``"hours"``
    (``report.words.rebalancing_words`` puts them into words).

    Examples
    --------
    >>> t = pd.DataFrame({"A": [10, 3, 2], "hours": [100.0, 90.0, 110.0]}, index=["Ann", "Bob", "Cy"])
    >>> rebalancing_hints(t)
    [('Ann', 'A', 10, 2.5)]
    """
    hints = []
    for column in ("A", "hours"):
        if column not in managers or len(managers) < 2:
            continue
        for name, value in managers[column].items():
            median = float(managers[column].drop(index=name).median())
            if median > 0 and value > factor * median:
                hints.append((str(name), column, value, median))
    return hints


GROUPS = {
    "keep": "Core clients to keep",
    "develop": "Clients to develop",
    "economise": "Clients to serve economically",
}


def cross_matrix(
    revenue_classes: pd.Series,
    potential: pd.Series,
    annual_revenue: pd.Series,
    a: float = DEFAULT_A_PCT / 100,
    b: float = DEFAULT_B_PCT / 100,
) -> pd.DataFrame:
    """The "matrice ABC croisée": revenue class x potential class, one row per cell.

    Potential classes use the same ABC rule on the potential column. Groups:
    develop when the potential class is above the revenue class, serve
    economically when both are C, keep otherwise. ``unmet`` sums
    potential minus annual revenue (floored at 0) over the cell's clients.
    Columns: revenue_class, potential_class, clients, unmet, group.
    """
    pot = potential.reindex(revenue_classes.index)
    known = pot.notna()
    pot_classes = classify_abc(pot[known].astype("float64"), a, b)["abc_class"]
    frame = pd.DataFrame(
        {
            "revenue_class": revenue_classes[known],
            "potential_class": pot_classes.reindex(revenue_classes[known].index),
            "unmet": (pot[known] - annual_revenue.reindex(pot[known].index).fillna(0)).clip(lower=0),
        }
    )
    grid = pd.MultiIndex.from_product([CLASSES, CLASSES], names=["revenue_class", "potential_class"])
    cells = frame.groupby(["revenue_class", "potential_class"]).agg(
        clients=("unmet", "size"), unmet=("unmet", "sum")
    )
    cells = cells.reindex(grid, fill_value=0).reset_index()
    rank = {c: i for i, c in enumerate(CLASSES)}
    r, p = cells["revenue_class"].map(rank), cells["potential_class"].map(rank)
    cells["group"] = np.select(
        [p < r, (cells["revenue_class"] == "C") & (cells["potential_class"] == "C")],
        [GROUPS["develop"], GROUPS["economise"]],
        default=GROUPS["keep"],
    )
    return cells


def migration(
    before: pd.Series,
    after: pd.Series,
    a: float = DEFAULT_A_PCT / 100,
    b: float = DEFAULT_B_PCT / 100,
    rule: Rule = "before",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Class migration between two periods' revenue per client.

    Clients with revenue in the later period only are "new", in the earlier
    only "lost". Returns the transition table (one row per from -> to pair:
    ``from``, ``to``, ``clients``, ``revenue_before``, ``revenue_after``) and
    the clients who dropped a class or were lost (``from``, ``to``,
    ``revenue_before``, ``revenue_after``), largest earlier revenue first.
    """
    b_pos, a_pos = before[before > 0], after[after > 0]
    # as text: the periods add the labels "new" and "lost"
    cls_before = (
        classify_abc(b_pos, a, b, rule)["abc_class"].astype(object) if len(b_pos) else pd.Series(dtype=object)
    )
    cls_after = (
        classify_abc(a_pos, a, b, rule)["abc_class"].astype(object) if len(a_pos) else pd.Series(dtype=object)
    )
    everyone = cls_before.index.union(cls_after.index)
    frame = pd.DataFrame(
        {
            "from": cls_before.reindex(everyone).fillna("new"),
            "to": cls_after.reindex(everyone).fillna("lost"),
            "revenue_before": before.reindex(everyone).fillna(0.0).clip(lower=0),
            "revenue_after": after.reindex(everyone).fillna(0.0).clip(lower=0),
        }
    )
    table = (
        frame.groupby(["from", "to"])
        .agg(
            clients=("to", "size"),
            revenue_before=("revenue_before", "sum"),
            revenue_after=("revenue_after", "sum"),
        )
        .reset_index()
    )
    rank = {"A": 0, "B": 1, "C": 2, "lost": 3, "new": -1}
    dropped = frame[(frame["to"].map(rank) > frame["from"].map(rank)) & (frame["from"] != "new")]
    return table, dropped.sort_values("revenue_before", ascending=False)


def period_values(
    transactions: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, column: str = "amount"
) -> pd.Series:
    """Won revenue per client with a date in ``[start, end)``."""
    t = transactions
    won = t if "stage" not in t else t[t["stage"] == "won"]
    inside = won[(won["date"] >= start) & (won["date"] < end)]
    return inside.groupby("client")[column].sum()


def longest_migration_period(transactions: pd.DataFrame, end: pd.Timestamp, limit: int = 120) -> int:
    """The longest period, in whole months, that a class migration can compare twice over.

    Rule (issue #13): a migration compares two consecutive periods of ``m`` months that end at
    ``end`` (the day after the last sale). It needs a sales history that covers both: the first
    dated won sale must fall no later than one month after the start of the earlier period
    (the month of slack lets a file of monthly sales from 15 January to 15 December count as
    twelve months). Otherwise every client would come out "new" in the later period, which says
    nothing about the clients. Returns 0 without dated won sales (undated files have no history).

    Examples
    --------
    >>> t = pd.DataFrame({"client": ["x", "x"], "amount": [1.0, 1.0],
    ...                   "date": pd.to_datetime(["2024-01-15", "2024-12-15"])})
    >>> longest_migration_period(t, pd.Timestamp("2024-12-16"))
    6
    """
    if "date" not in transactions:
        return 0
    won = transactions if "stage" not in transactions else transactions[transactions["stage"] == "won"]
    first = won["date"].min()
    if pd.isna(first):
        return 0
    longest = 0
    for months in range(1, limit + 1):
        start = end - pd.DateOffset(months=2 * months)
        if first >= start + pd.DateOffset(months=1):
            break
        longest = months
    return longest


def yearly_classes(
    transactions: pd.DataFrame,
    scope: pd.Index,
    a: float = DEFAULT_A_PCT / 100,
    b: float = DEFAULT_B_PCT / 100,
    rule: Rule = "before",
    column: str = "amount",
) -> pd.DataFrame:
    """Each client's class in each calendar year of the sales history (clients x years).

    A year's classes rank that year's won sales among the clients in ``scope``;
    a client with no sale that year gets "-". Undated sales have no year: without a date
    column (or with no dated won sale among the clients in ``scope``) the table has no
    year column, only the clients.

    Examples
    --------
    >>> t = pd.DataFrame({"client": ["x", "y", "x"], "amount": [90.0, 10.0, 5.0],
    ...                   "date": pd.to_datetime(["2024-03-01", "2024-05-01", "2025-01-01"])})
    >>> yearly_classes(t, pd.Index(["x", "y"])).to_dict("index")
    {'x': {2024: 'A', 2025: 'A'}, 'y': {2024: 'B', 2025: '-'}}
    """
    if "date" not in transactions:
        return pd.DataFrame(index=scope)
    won = transactions if "stage" not in transactions else transactions[transactions["stage"] == "won"]
    won = won.dropna(subset=["date"])
    won = won[won["client"].isin(scope)]
    if won.empty:
        return pd.DataFrame(index=scope)
    totals = won.groupby([won["date"].dt.year.rename("year"), "client"])[column].sum()
    out = {}
    for year in totals.index.get_level_values("year").unique():
        v = totals.xs(year, level="year")
        if (v > 0).any():
            out[int(year)] = classify_abc(v, a, b, rule)["abc_class"].astype(object)  # "-": no sale that year
    return pd.DataFrame(out).reindex(scope).fillna("-")


RANGE = " (range)"  # suffix of a numeric client column cut into ranges (see segment_frame)


def column_names(mappings: Mapping[str, Mapping[str, str]] | None) -> dict[str, str]:
    """The user's own header of each canonical column, from the loaded files' column mappings.

    ``mappings`` is ``{file: {role: header}}``: the loader's report
    (``{t.name: t.mapping for t in report.tables}``) or a saved analysis's mapping;
    None (the demo) names nothing. When several files map a role, the first file names it.

    Rule (issue #13): the app computes with canonical columns (``sector``...), and every
    label, URL filter and CLI filter shows or accepts the user's own header ("Segment");
    the canonical role names are accepted too.

    Examples
    --------
    >>> column_names({"a.csv": {"client": "Company", "sector": "Segment"}, "b.csv": {"sector": "Industry"}})
    {'client': 'Company', 'sector': 'Segment'}
    """
    names: dict[str, str] = {}
    for mapping in (mappings or {}).values():
        for role, header in mapping.items():
            names.setdefault(str(role), str(header))
    return names


def _split_range(column: str) -> tuple[str, str]:
    return (column[: -len(RANGE)], RANGE) if column.endswith(RANGE) else (column, "")


def user_name(column: str, names: Mapping[str, str]) -> str:
    """The name a user knows a client column by: their header for a mapped role ("Segment" for
    ``sector``, "Employees (range)" for ``size (range)``), else the column's own name.

    Examples
    --------
    >>> user_name("sector", {"sector": "Segment"}), user_name("sector", {}), user_name("Tier", {})
    ('Segment', 'sector', 'Tier')
    """
    base, suffix = _split_range(column)
    return names[base] + suffix if base in names else column


def find_column(name: str, columns: Iterable[str], names: Mapping[str, str]) -> str | None:
    """The client column a name designates, or None: the column itself, else the column whose
    user header or canonical name matches after folding case, accents and punctuation.

    Examples
    --------
    >>> find_column("SEGMENT", ["sector", "region"], {"sector": "Segment"})
    'sector'
    >>> find_column("Sector", ["sector", "region"], {"sector": "Segment"})
    'sector'
    """
    from portfolio_core.ingest.columns import fold

    columns = list(columns)
    if name in columns:
        return name
    folded = fold(name)
    for named in (lambda c: user_name(c, names), lambda c: c):
        for column in columns:
            if fold(named(column)) == folded:
                return column
    return None


def resolve_filters(
    filters: Filters, columns: Iterable[str], names: Mapping[str, str]
) -> dict[str, tuple[str, ...]]:
    """Filters keyed by whatever name they came with (URL, saved settings) -> keyed by column.

    Names no column answers to are dropped; two names of one column merge their values.

    Examples
    --------
    >>> resolve_filters({"Segment": ("Corporate",), "sector": ("SMB",), "x": ("1",)}, ["sector"],
    ...                 {"sector": "Segment"})
    {'sector': ('Corporate', 'SMB')}
    """
    columns = list(columns)
    out: dict[str, tuple[str, ...]] = {}
    for name, values in filters.items():
        column = find_column(name, columns, names)
        if column is not None:
            out[column] = tuple(dict.fromkeys((*out.get(column, ()), *values)))
    return out


def filters_from_text(
    items: list[str], segments: pd.DataFrame, names: Mapping[str, str] | None = None
) -> dict[str, tuple[str, ...]]:
    """Read ``COLUMN=VALUE`` filters (the CLI's ``--segment``); column names match loosely.

    COLUMN is the user's own header (``names``, from :func:`column_names`) or the
    canonical column name, in any case. Repeating a column gives alternatives.
    Raises ValueError naming the available columns (by the user's names) or
    values when one is unknown.

    Examples
    --------
    >>> seg = pd.DataFrame({"account_manager": ["Ann", "Bob"], "sector": ["Retail", "Food"]})
    >>> filters_from_text(["Account manager=Ann", "sector=Food", "sector=Retail"], seg)
    {'account_manager': ('Ann',), 'sector': ('Food', 'Retail')}
    >>> filters_from_text(["segment=Food"], seg, {"sector": "Segment"})
    {'sector': ('Food',)}
    """
    names = names or {}
    out: dict[str, tuple[str, ...]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        column = find_column(name.strip(), segments.columns, names) if sep else None
        if column is None:
            shown = ", ".join(user_name(c, names) for c in segments.columns)
            raise ValueError(
                f"--segment {item!r}: use COLUMN=VALUE with one of the columns "
                f"{shown or '(none: the data has no client attributes)'}"
            )
        value = value.strip()
        if value not in set(segments[column]):
            known = ", ".join(sorted(map(str, segments[column].unique()))[:20])
            raise ValueError(
                f"--segment {item!r}: no client has {user_name(column, names)} = {value!r} (values: {known})"
            )
        out[column] = (*out.get(column, ()), value)
    return out


def compare_portfolios(
    earlier: Portfolio,
    later: Portfolio,
    a: float = DEFAULT_A_PCT / 100,
    b: float = DEFAULT_B_PCT / 100,
    rule: Rule = "before",
    include_inactive: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The class migration between two portfolios' revenue per client (two saved reviews).

    Returns :func:`migration`'s transition table (``from``, ``to``, ``clients``,
    ``revenue_before``, ``revenue_after``) and the clients who dropped a class or
    were lost, with a ``name`` column first when the clients tables have one.
    """
    before = earlier.values("revenue", include_inactive)
    after = later.values("revenue", include_inactive)
    table, dropped = migration(before, after, a, b, rule)
    names = pd.concat([earlier.clients.get("name", pd.Series()), later.clients.get("name", pd.Series())])
    names = names[~names.index.duplicated(keep="last")]
    if len(names):
        dropped.insert(0, "name", names.reindex(dropped.index).to_numpy())
    return table, dropped
