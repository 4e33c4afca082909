"""Per-client totals computed by the engine, and the :class:`Portfolio` built from them.

What the commands read: ``summary`` and ``classify`` rank ``Portfolio.values()`` (the won amounts
summed per client in scope) and the KPI block counts won and lost *deals* (the win rate) and asks
whether some deal is won or lost and some not won. So the engine brings back one row per client
(:func:`client_table`): the won, lost and open amounts, margins and deal counts, the first and last
sale dates and the client attributes' first value. :func:`load_source` turns each row into at most
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
distinct identifier. Attributes: the first non-blank value the engine meets, which is the file's
first when the client's rows agree (the row order of a scan is not guaranteed).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pandas as pd

from portfolio_core.engine.sources import masked, open_table
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
from portfolio_core.ingest.parsing import ANY_SPACE, LIMIT, currency_of
from portfolio_core.ingest.portfolio import CLIENT_ATTRIBUTES, Portfolio, _stage_of, is_won

STAGES = ("won", "lost", "open")
SAMPLE_ROWS = 1000  # rows read to recognise the columns (with their headers)
ATTRIBUTES = ("name", *CLIENT_ATTRIBUTES)


class TextNumbersError(LoadError):
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
    """``ingest.build.clean_ids`` in the engine: whitespace runs collapsed to one space, trimmed."""
    return raw.re_replace(f"{ANY_SPACE}+", " ").re_replace("^ | $", "")


def _stage_lists(texts: list[str | None]) -> dict[str, list[str]]:
    """The distinct stage texts by the stage the pandas path gives them."""
    out: dict[str, list[str]] = {s: [] for s in STAGES}
    for text in texts:
        out[_stage_of(fold(text or ""))].append(text or "")
    return out


def client_table(table: ir.Table, mapping: Mapping[str, str], days: bool = False) -> ir.Table:
    """One row per client (per client and day with ``days``): ``won_amount``, ``won_margin``,
    ``won_deals`` and the same for ``lost`` and ``open``, ``first_sale``, ``last_sale`` (won, dated),
    ``rows`` (the client's rows) and the attributes' first non-blank value, sorted by client.

    Rows without a client or without a usable amount (missing, not finite, 10^15 or more) make no deal;
    the client still counts (its attributes, 0 deals).
    """
    m = dict(mapping)
    amount = _number(table, m["amount"])
    usable = amount.notnull() & (amount.abs() < LIMIT)
    dated = "date" in m and table[m["date"]].type().is_temporal()
    keys: dict[str, ir.Value] = {"raw_id": table[m["client"]].cast("string")}
    keys["raw_stage"] = table[m["stage"]].cast("string").fill_null("") if "stage" in m else ibis.literal("")
    if days and dated:
        keys["day"] = table[m["date"]].cast("date")
    metrics: dict[str, ir.Value] = {
        "amount": amount.sum(where=usable),
        "deals": usable.cast("int64").sum(),
        "rows": table.count(),
    }
    if "margin" in m:
        margin = _number(table, m["margin"])
        metrics["margin"] = margin.sum(where=usable & margin.notnull() & (margin.abs() < LIMIT))
    if dated:
        metrics["first_sale"] = table[m["date"]].cast("date").min(where=usable)
        metrics["last_sale"] = table[m["date"]].cast("date").max(where=usable)
    attributes = [a for a in ATTRIBUTES if a in m]
    for a in attributes:
        metrics[a] = table[m[a]].cast("string").strip().nullif("").first()
    inner = table.group_by(**keys).aggregate(**metrics)
    if "stage" in m:
        inner = inner.cache()  # a small table (clients x stage texts): read the stage texts from it
        stages = _stage_lists(inner.select("raw_stage").distinct().to_pandas()["raw_stage"].tolist())
    else:
        stages = {"won": [""], "lost": [], "open": []}
    client = _clean_id(inner.raw_id)
    blank = client.isnull() | (client == "") | client.lower().isin(sorted(BLANK_IDS))
    inner = inner.mutate(client=client).filter(~blank)
    out: dict[str, ir.Value] = {}
    for stage in STAGES:
        here = inner.raw_stage.isin(stages[stage]) if stages[stage] else ibis.literal(False)
        out[f"{stage}_amount"] = inner.amount.sum(where=here)
        if "margin" in m:
            out[f"{stage}_margin"] = inner.margin.sum(where=here)
        out[f"{stage}_deals"] = inner.deals.sum(where=here).fill_null(0)
        if stage == "won" and dated:
            out["first_sale"] = inner.first_sale.min(where=here)
            out["last_sale"] = inner.last_sale.max(where=here)
    out["rows"] = inner.rows.sum()
    for a in attributes:
        out[a] = inner[a].first()
    by = ["client", "day"] if "day" in keys else ["client"]
    return inner.group_by(by).aggregate(**out).order_by(by)


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
    t = open_table(source, table)
    name = table or Path(source).name
    m = recognise_table(t, name, mapping)
    frame = client_table(t, m, days).to_pandas()
    frame["client"] = frame["client"].astype("string[pyarrow]")
    tx = _transactions(frame, m)
    won_rows = pd.Series(is_won(tx["stage"]), index=tx.index)
    check_revenue(tx, won_rows)
    attributes = [a for a in ATTRIBUTES if a in m]
    attrs = frame[["client", *attributes]].groupby("client", sort=False).first()
    clients = clients_table([attrs], tx, won_rows)
    currency = currency_of(m["amount"], _sample(t.select(m["amount"]))[m["amount"]])
    info = TableInfo(name, "transactions", m, int(frame["rows"].sum()), int(tx["deals"].sum()))
    report = LoadReport((info,), pd.DataFrame(columns=REJECT_COLUMNS))
    return Portfolio(clients, tx, source=masked(source), currency=currency), report
