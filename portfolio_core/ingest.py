"""Build a Portfolio from uploaded tables: recognise roles, parse, report unusable rows."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .columns import recognise
from .loading import LoadError, RawTable
from .parsing import finite, parse_dates, parse_numbers
from .portfolio import CLIENT_ATTRIBUTES, Portfolio, normalise_stage, normalise_status

NUMERIC_ATTRIBUTES = ("cac", "potential")
REJECT_COLUMNS = ["file", "row", "column", "value", "problem"]


@dataclass(frozen=True)
class TableInfo:
    """What one file was recognised as, and how its columns were read."""

    name: str
    role: str  # "transactions", "clients" or "activities"
    mapping: dict[str, str]
    rows: int
    rows_used: int
    date_format: str | None = None


@dataclass(frozen=True)
class LoadReport:
    """What the loader did: one TableInfo per file, and every row it could not use."""

    tables: tuple[TableInfo, ...]
    rejected: pd.DataFrame

    @property
    def rejected_count(self) -> int:
        """Number of rows set aside (a row counts once even with several problems)."""
        return int(self.rejected[["file", "row"]].drop_duplicates().shape[0])


def table_role(mapping: dict[str, str]) -> str | None:
    """Transactions have an amount, activities hours or a type, clients anything else."""
    if "client" not in mapping:
        return None
    if "amount" in mapping:
        return "transactions"
    if "hours" in mapping or "activity_type" in mapping:
        return "activities"
    return "clients"


def _rejects(table: RawTable, mask: pd.Series, column: str, problem: str) -> pd.DataFrame:
    rows = table.frame.index[mask.to_numpy()]
    values = table.frame.loc[rows, column].astype(str) if column in table.frame else ""
    # Row numbers as the user sees them in a spreadsheet: header is row 1.
    return pd.DataFrame(
        {"file": table.name, "row": rows + 2, "column": column, "value": values, "problem": problem}
    )


def _client_ids(table: RawTable, col: str) -> tuple[pd.Series, pd.DataFrame]:
    ids = table.frame[col].astype(str).str.strip()
    blank = ids.eq("")
    return ids, _rejects(table, blank, col, "blank client identifier")


def _transactions(table: RawTable, m: dict[str, str]) -> tuple[pd.DataFrame, list[pd.DataFrame], str | None]:
    f = table.frame
    ids, bad = _client_ids(table, m["client"])
    problems = [bad]
    amount = parse_numbers(f[m["amount"]], prefer_comma=table.french_numbers)
    unreadable = amount.isna() & f[m["amount"]].astype(str).str.strip().ne("")
    problems.append(_rejects(table, unreadable, m["amount"], "amount is not a number"))
    absurd = amount.notna() & ~finite(amount)
    problems.append(_rejects(table, absurd, m["amount"], "amount is not a plausible number"))
    missing = amount.isna() & ~unreadable
    problems.append(_rejects(table, missing, m["amount"], "amount is missing"))
    out = pd.DataFrame({"client": ids, "amount": amount})
    keep = ids.ne("") & amount.notna() & finite(amount)
    date_format = None
    if "date" in m:
        out["date"], date_format = parse_dates(f[m["date"]])
        bad_date = out["date"].isna() & f[m["date"]].astype(str).str.strip().ne("")
        problems.append(_rejects(table, bad_date, m["date"], "date not recognised (row kept, undated)"))
    if "margin" in m:
        out["margin"] = parse_numbers(f[m["margin"]], prefer_comma=table.french_numbers)
        out.loc[~finite(out["margin"]), "margin"] = float("nan")
    out["stage"] = normalise_stage(f[m["stage"]]) if "stage" in m else "won"
    if "product" in m:
        out["product"] = f[m["product"]]
    return out[keep.to_numpy()], problems, date_format


def _activities(table: RawTable, m: dict[str, str]) -> tuple[pd.DataFrame, list[pd.DataFrame], str | None]:
    f = table.frame
    ids, bad = _client_ids(table, m["client"])
    out = pd.DataFrame({"client": ids})
    date_format = None
    if "date" in m:
        out["date"], date_format = parse_dates(f[m["date"]])
    out["type"] = f[m["activity_type"]] if "activity_type" in m else ""
    hours = parse_numbers(f[m["hours"]]) if "hours" in m else pd.Series(float("nan"), index=f.index)
    out["hours"] = hours.where(finite(hours) & (hours >= 0))
    return out[ids.ne("").to_numpy()], [bad], date_format


def _attributes(table: RawTable, m: dict[str, str]) -> pd.DataFrame:
    """Per-client attributes: the mapped ones under their role name, other text columns as they are."""
    f = table.frame
    ids = f[m["client"]].astype(str).str.strip()
    used = set(m.values())
    cols: dict[str, pd.Series] = {}
    for role in CLIENT_ATTRIBUTES:
        if role in m:
            cols[role] = f[m[role]]
    if table_role(m) == "clients":
        for col in f.columns:
            if col not in used and col not in cols:
                cols[col] = f[col]
    attrs = pd.DataFrame(cols, index=f.index)
    attrs["client"] = ids
    attrs = attrs[ids.ne("")].replace("", pd.NA)
    return attrs.groupby("client", sort=False).first()


def build_portfolio(
    tables: list[RawTable], mappings: dict[str, dict[str, str]] | None = None, source: str = ""
) -> tuple[Portfolio, LoadReport]:
    """Recognise each table's role, parse it and join everything on the client.

    ``mappings`` overrides the recognised mapping per file name
    (``{file: {role: column}}``). Raises LoadError when nothing can be
    analysed: no table with a client and an amount, or no positive amount.
    """
    mappings = mappings or {}
    infos, problems = [], []
    transactions, activities, attributes = [], [], []
    for table in tables:
        m = mappings.get(table.name) or recognise(table.frame.columns)
        role = table_role(m)
        if role is None:
            raise LoadError(
                f"{table.name}: no client column recognised among "
                f"{', '.join(map(str, table.frame.columns[:12]))}. "
                "Choose which column identifies the client."
            )
        date_format = None
        if role == "transactions":
            t, p, date_format = _transactions(table, m)
            transactions.append(t)
        elif role == "activities":
            t, p, date_format = _activities(table, m)
            activities.append(t)
        else:
            t, p = table.frame, [_client_ids(table, m["client"])[1]]
        problems.extend(p)
        attributes.append(_attributes(table, m))
        infos.append(TableInfo(table.name, role, dict(m), len(table.frame), len(t), date_format))

    if not transactions:
        raise LoadError(
            "No file has both a client column and an amount column (revenue, sales, montant, CA...). "
            "Upload the invoices or deals, or a client list with a revenue column."
        )
    tx = pd.concat(transactions, ignore_index=True)
    if not (tx.loc[tx["stage"] == "won", "amount"] > 0).any():
        raise LoadError(
            "No positive amount in the won sales: the ABC analysis needs revenue. "
            "Check that the amount column holds the sales figures."
        )
    clients = _clients_table(attributes, tx)
    acts = (
        pd.concat(activities, ignore_index=True)
        if activities
        else pd.DataFrame(columns=["client", "date", "type", "hours"])
    )
    rejected = pd.concat([p for p in problems if len(p)] or [pd.DataFrame(columns=REJECT_COLUMNS)])
    report = LoadReport(tuple(infos), rejected.reset_index(drop=True))
    return Portfolio(clients, tx, acts, source=source or ", ".join(t.name for t in tables)), report


def _clients_table(attributes: list[pd.DataFrame], tx: pd.DataFrame) -> pd.DataFrame:
    attrs = pd.concat(attributes) if attributes else pd.DataFrame()
    attrs = attrs.groupby(level=0, sort=False).first() if len(attrs) else attrs
    everyone = pd.Index(pd.unique(pd.concat([attrs.index.to_series(), tx["client"]])), name="client")
    clients = attrs.reindex(everyone)
    won = set(tx.loc[tx["stage"] == "won", "client"])
    if "status" in clients.columns and clients["status"].notna().any():
        clients["status"] = normalise_status(clients["status"])
    else:
        clients["status"] = ["active" if c in won else "prospect" for c in clients.index]
    for col in NUMERIC_ATTRIBUTES:
        if col in clients.columns:
            clients[col] = parse_numbers(clients[col].astype("string"))
    if "start_date" in clients.columns:
        clients["start_date"] = parse_dates(clients["start_date"].astype("string"))[0]
    clients.index.name = "client"
    return clients
