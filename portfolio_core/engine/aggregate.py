"""Per-client totals computed by the engine, and the :class:`Portfolio` built from them.

What the commands read: ``summary`` and ``classify`` rank ``Portfolio.values()`` (the won amounts
summed per client in scope) and the KPI block counts won and lost *deals* (the win rate) and asks
whether some deal is won or lost and some not won. So the engine brings back one row per client
(:func:`client_table`): the won, lost and open amounts, margins and deal counts, the first and last
sale dates and the client attributes' value. :func:`load_source` turns each row into at most
three transaction rows (won, lost, open) that carry the stage's totals and a ``deals`` count, which
the KPIs count deals by (``ingest.portfolio.deal_weights``): the same values, classes and win rate as
the row-per-deal path, up to the order of the float additions (relative 1e-9 on the totals).
With ``days=True`` the grain is client x day (the report's dated KPIs read purchase days, never the
time of day; average deal sizes per client then count a day's deals as one row).

The engine reads the data as typed: numbers must be stored as numbers (text amounts such as
"1 234,56 €" raise :class:`TextNumbersError`; the CLI reads such CSV files with the pandas path), and
dates as dates (text dates are left out). Stages: the few distinct stage texts are fetched, classified
in Python (``ingest.portfolio._stage_of``, as the pandas path does) and pushed back as ``isin`` tests.
Identifiers are cleaned as the pandas path does (whitespace runs collapsed, trimmed, blank markers
dropped), after a first grouping on the raw values so that the regular expressions run once per
distinct identifier. Attributes: the smallest non-blank value, which is the file's first when the
client's rows agree (a scan's row order is not guaranteed, and Postgres has no ``first`` aggregate).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import ibis
import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa
from ibis.common.exceptions import IbisError, TableNotFound

from portfolio_core.engine.sources import EngineReadError, masked, open_table
from portfolio_core.ingest.build import (
    BLANK_IDS,
    KIND_ROLES,
    REJECT_COLUMNS,
    LoadReport,
    TableInfo,
    check_revenue,
    clients_table,
    guess_mapping,
    with_overrides,
)
from portfolio_core.ingest.columns import fold
from portfolio_core.ingest.loading import LoadError, RawTable
from portfolio_core.ingest.parsing import LIMIT, WHITESPACE, currency_of
from portfolio_core.ingest.portfolio import CLIENT_ATTRIBUTES, Portfolio, _stage_of, is_won, won_by_client

STAGES = ("won", "lost", "open")
SAMPLE_ROWS = 1000  # rows read to recognise the columns (with their headers)
ATTRIBUTES = ("name", *CLIENT_ATTRIBUTES)
# the whitespace characters themselves: every engine's regular expressions read them (not \x{..})
_SPACE = "[" + "".join(WHITESPACE) + "]"


class TextNumbersError(EngineReadError):
    """A number column (amount, margin) holds text: the engine does not parse text numbers."""


def _sample(table: ir.Table) -> pd.DataFrame:
    """The first rows as text cells ("" where empty), as the file reader gives them."""
    rows = table.limit(SAMPLE_ROWS).to_pandas()
    return pd.DataFrame({c: [("" if pd.isna(v) else str(v)) for v in rows[c]] for c in rows.columns})


def recognise_table(table: ir.Table, name: str, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The role -> column mapping of a transaction table: its headers and a sample, then ``overrides``."""
    raw = RawTable(name, _sample(table))
    kind, guessed = guess_mapping(raw)
    m = with_overrides(guessed, overrides or {}, list(raw.frame.columns))
    if "client" not in m:
        raise LoadError(
            "{file}: no client column recognised among {columns}. Name it with --map client=COLUMN.",
            file=name,
            columns=", ".join(f"“{c}”" for c in table.columns[:12]),
        )
    if "amount" not in m:
        raise LoadError(
            "{file}: no amount column recognised among {columns}. Name it with --map amount=COLUMN.",
            file=name,
            columns=", ".join(f"“{c}”" for c in table.columns[:12]),
        )
    return {r: c for r, c in m.items() if r in KIND_ROLES["transactions"]}


def _number(table: ir.Table, column: str) -> ir.FloatingValue:
    col = table[column]
    if not col.type().is_numeric():
        raise TextNumbersError(
            "“{column}” holds text, not numbers: the engine reads numbers stored as numbers. "
            "Read the file as CSV, or store the column as numbers.",
            column=column,
        )
    return col.cast("float64")


def _clean_id(raw: ir.StringValue) -> ir.StringValue:
    """``ingest.build.clean_ids`` in the engine: whitespace runs collapsed to one space, trimmed (only
    the identifiers with whitespace are rewritten: one test instead of two rewrites on the others)."""
    cleaned = raw.re_replace(f"{_SPACE}+", " ").re_replace("^ | $", "")
    return ibis.ifelse(raw.re_search(_SPACE), cleaned, raw)


def _stage_lists(texts: list[str | None]) -> dict[str, list[str]]:
    """The distinct stage texts by the stage the pandas path gives them."""
    out: dict[str, list[str]] = {s: [] for s in STAGES}
    for text in texts:
        out[_stage_of(fold(text or ""))].append(text or "")
    return out


def client_table(
    table: ir.Table, mapping: Mapping[str, str], days: bool = False, sale_dates: bool = True
) -> ir.Table:
    """One row per client (per client and day with ``days``): ``won_amount``, ``won_margin``,
    ``won_deals`` and the same for ``lost`` and ``open``, ``first_sale`` and ``last_sale`` (won, dated;
    with ``sale_dates``),
    ``rows`` (the client's rows) and the attributes' smallest non-blank value, sorted by client.

    Rows without a client or without a usable amount (missing, not finite, 10^15 or more) make no deal;
    the client still counts (its attributes, 0 deals).
    """
    m = dict(mapping)
    amount = _number(table, m["amount"])
    usable = amount.notnull() & (amount.abs() < LIMIT)
    margin = _number(table, m["margin"]) if "margin" in m else None
    date = table[m["date"]].cast("date") if "date" in m and table[m["date"]].type().is_temporal() else None
    keys: dict[str, ir.Value] = {"raw_id": table[m["client"]].cast("string")}
    if days and date is not None:
        keys["day"] = date
    at = _stage_tests(table, m)
    metrics: dict[str, ir.Value] = {}
    for stage in STAGES:
        here = usable & at[stage]
        metrics[f"{stage}_amount"] = amount.sum(where=here)
        if margin is not None:
            metrics[f"{stage}_margin"] = margin.sum(where=here & margin.notnull() & (margin.abs() < LIMIT))
        metrics[f"{stage}_deals"] = table.count(where=here)
    if sale_dates and date is not None:
        metrics["first_sale"] = date.min(where=usable & at["won"])
        metrics["last_sale"] = date.max(where=usable & at["won"])
    metrics["rows"] = table.count()
    attributes = [a for a in ATTRIBUTES if a in m]
    for a in attributes:
        metrics[a] = table[m[a]].cast("string").strip().nullif("").min()
    inner = table.group_by(**keys).aggregate(**metrics)
    # The identifiers cleaned once per distinct raw value (two raw values may become one client). The
    # blank test is an aggregate: as a filter on the key, DuckDB would push it (and its regular
    # expressions) below the grouping, onto every row.
    client = _clean_id(inner.raw_id)
    inner = inner.mutate(client=client)
    out: dict[str, ir.Value] = {
        "blank": (client.isnull() | (client == "") | client.lower().isin(sorted(BLANK_IDS))).any()
    }
    for name in metrics:
        column = inner[name]
        if name in attributes:
            out[name] = column.min()
        elif name == "first_sale":
            out[name] = column.min()
        elif name == "last_sale":
            out[name] = column.max()
        else:
            out[name] = column.sum()
    by = ["client", "day"] if "day" in keys else ["client"]
    totals = inner.group_by(by).aggregate(**out)
    return totals.filter(~totals.blank).drop("blank").order_by(by)


def _stage_tests(table: ir.Table, m: Mapping[str, str]) -> dict[str, ir.BooleanValue]:
    """Per stage, whether a row is in it: the distinct stage texts are fetched and classified in Python
    as the pandas path does (a blank stage is a sale), then tested with ``isin``."""
    if "stage" not in m:
        return {stage: ibis.literal(stage == "won") for stage in STAGES}
    text = table[m["stage"]].cast("string").fill_null("")
    distinct = table.select(stage=text).distinct().to_pyarrow()["stage"].to_pylist()
    lists = _stage_lists(distinct)
    return {stage: text.isin(lists[stage]) if lists[stage] else ibis.literal(False) for stage in STAGES}


def _transactions(frame: pd.DataFrame, mapping: Mapping[str, str]) -> pd.DataFrame:
    """The client table as transaction rows: one per client (and day) and stage with deals."""
    parts = []
    for stage in STAGES:
        rows = frame[frame[f"{stage}_deals"] > 0]
        part = pd.DataFrame({"client": rows["client"], "amount": rows[f"{stage}_amount"].astype("float64")})
        if "day" in frame.columns:
            part["date"] = pd.to_datetime(rows["day"])
        if "margin" in mapping:
            part["margin"] = rows[f"{stage}_margin"].astype("float64")
        part["stage"] = stage
        part["deals"] = rows[f"{stage}_deals"].astype("int64")
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def load_source(
    source: str, table: str | None = None, mapping: Mapping[str, str] | None = None, days: bool = False
) -> tuple[Portfolio, LoadReport]:
    """Open SOURCE (see :func:`portfolio_core.engine.sources.open_table`), recognise its columns
    (``mapping`` overrides roles), total it per client in the engine and build the portfolio."""
    name = table or Path(source).name
    try:
        t = open_table(source, table)
        m = recognise_table(t, name, mapping)
    except (duckdb.Error, IbisError, TableNotFound) as exc:
        raise EngineReadError(
            "cannot read {path}: {error}", path=source, error=str(exc).splitlines()[0]
        ) from exc
    frame = client_table(t, m, days, sale_dates=False).to_pyarrow().to_pandas()
    frame["client"] = frame["client"].astype("string[pyarrow]")
    tx = _transactions(frame, m)
    won_rows = pd.Series(is_won(tx["stage"]), index=tx.index)
    by_client = won_by_client(tx, won=won_rows.to_numpy())
    check_revenue(tx, won_rows, by_client["total"])
    attributes = [a for a in ATTRIBUTES if a in m]
    attrs = frame.set_index("client")[attributes]
    if days:  # a row per client and day
        attrs = attrs.groupby(level=0, sort=False).first()
    selling = by_client.index[by_client["sold"].to_numpy()]
    clients = clients_table([attrs], tx, selling, [pa.array(frame["client"].unique())])
    currency = currency_of(m["amount"], _sample(t.select(m["amount"]))[m["amount"]])
    info = TableInfo(name, "transactions", m, int(frame["rows"].sum()), int(tx["deals"].sum()))
    report = LoadReport((info,), pd.DataFrame(columns=REJECT_COLUMNS))
    return Portfolio(clients, tx, source=masked(source), currency=currency), report
