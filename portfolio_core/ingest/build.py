"""Build a Portfolio from uploaded tables: recognise roles, parse, join on the client, report unusable rows.

Input: :class:`~portfolio_core.ingest.loading.RawTable` objects (text cells). Each file is
recognised as ``transactions`` (it has an amount: invoices, deals, or a client
list with a revenue column), ``activities`` (hours or an activity type with a
date) or ``clients`` (attributes). Every row that cannot be used is listed in
``LoadReport.rejected`` with its file, spreadsheet row number, column, value
and problem; nothing is dropped silently.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_core.ingest.columns import recognise
from portfolio_core.ingest.loading import LoadError, RawTable
from portfolio_core.ingest.parsing import (
    ANY_SPACE,
    arrow_text,
    currency_of,
    distinct_series,
    factorize,
    finite,
    missing,
    not_finite_text,
    parse_dates,
    parse_hours,
    parse_numbers,
    text_series,
)
from portfolio_core.ingest.portfolio import (
    _STAGE_WORDS,
    _STATUS_WORDS,
    CLIENT_ATTRIBUTES,
    Portfolio,
    deal_weights,
    normalise_status,
    stages_and_won,
    won_by_client,
)
from portfolio_core.message import N_, Message

KINDS = ("transactions", "clients", "activities")
NUMERIC_ATTRIBUTES = ("cac", "potential")
REJECT_COLUMNS = ["file", "row", "column", "value", "problem", "outcome"]
BLANK_IDS = {"n/a", "#n/a", "null", "none", "nan", "-", "--"}  # "NA" may be a real code (North America)
_BLANK_IDS = pa.array(sorted(BLANK_IDS), type=pa.large_string())
# A client identifier is a code or a company name: a longer "identifier" is a wrong column or a
# quote left open that swallowed the rest of the file.
MAX_ID_CHARS = 1_000
# The problem and outcome of a row (the "problem" and "outcome" columns): English texts, translated
# where shown.
NOT_USED = N_("row not used")
KEPT = N_("row used without this value")
_TX_ROLES = ("client", "name", "amount", "date", "stage", "margin", "product", *CLIENT_ATTRIBUTES)
KIND_ROLES = {
    "transactions": _TX_ROLES,
    "clients": ("client", "name", *CLIENT_ATTRIBUTES),
    "activities": ("client", "name", "date", "activity_type", "hours"),
}
# Columns are parsed side by side: most of the work is in Arrow kernels, which run outside the GIL.
WORKERS = max(1, min(4, os.cpu_count() or 1))
SIZE_BANDS = ([0, 10, 50, 250, 5000, np.inf], ["1–9", "10–49", "50–249", "250–4,999", "5,000+"])


class MissingRoleError(LoadError):
    """A file lacks a required role (client, or an amount somewhere): the user must choose the column."""

    def __init__(self, template: str, file: str, role: str, **values: object) -> None:
        super().__init__(template, file=file, **values)
        self.file = file
        self.role = role


@dataclass(frozen=True)
class TableInfo:
    """What one file was recognised as, and how its columns were read."""

    name: str
    role: str  # "transactions", "clients" or "activities"
    mapping: dict[str, str]
    rows: int
    rows_used: int
    date_format: str | None = None
    notes: tuple[Message, ...] = field(default_factory=tuple)  # shown translated


@dataclass(frozen=True)
class LoadReport:
    """What the loader did: one TableInfo per file, and every row it could not (fully) use."""

    tables: tuple[TableInfo, ...]
    rejected: pd.DataFrame

    @property
    def rejected_count(self) -> int:
        """Number of rows not used at all (a row counts once even with several problems)."""
        r = self.rejected
        if "outcome" in r.columns:
            r = r[r["outcome"] == NOT_USED]
        return int(r[["file", "row"]].drop_duplicates().shape[0])

    @property
    def flagged_count(self) -> int:
        """Number of rows used with a value left out (an unreadable date, hours...)."""
        r = self.rejected
        return int(r.loc[r["outcome"] == KEPT, ["file", "row"]].drop_duplicates().shape[0])


def table_role(mapping: dict[str, str]) -> str | None:
    """Transactions have an amount, activities hours or a type, clients anything else.

    Examples
    --------
    >>> table_role({"client": "Client", "amount": "CA"}), table_role({"client": "Client"})
    ('transactions', 'clients')
    """
    if "client" not in mapping:
        return None
    if "amount" in mapping:
        return "transactions"
    if "hours" in mapping or ("activity_type" in mapping and "date" in mapping):
        return "activities"
    return "clients"


def _words_share(values: pd.Series, words: tuple[str, ...]) -> float:
    """Share of the distinct non-blank values that contain one of ``words`` (folded)."""
    from portfolio_core.ingest.columns import fold

    uniq = [fold(v) for v in pd.unique(values.astype(str)) if str(v).strip()][:200]
    return sum(any(w in u for w in words) for u in uniq) / len(uniq) if uniq else 0.0


def guess_mapping(table: RawTable) -> tuple[str | None, dict[str, str]]:
    """The file's kind and its role -> column mapping, from the headers and a look at the values.

    A "Status" column in a deals file that holds won/lost is the deal stage; a
    "Type" column in a client list that holds customer/prospect/partner is the
    client status.
    """
    m = recognise(table.frame.columns)
    kind = table_role(m)
    f = table.frame
    if kind == "transactions" and "stage" not in m and "status" in m:
        stage_words = _STAGE_WORDS["won"] + _STAGE_WORDS["lost"] + ("open", "ouvert", "en cours")
        if _words_share(f[m["status"]], stage_words) >= 0.5:
            m["stage"] = m.pop("status")
    if kind == "clients" and "status" not in m and "activity_type" in m:
        status_words = sum(_STATUS_WORDS.values(), ()) + ("customer", "client", "active", "actif")
        if _words_share(f[m["activity_type"]], status_words) >= 0.5:
            m["status"] = m.pop("activity_type")
    if kind is not None:
        m = {r: c for r, c in m.items() if r in KIND_ROLES[kind]}
    return kind, m


def with_overrides(
    guessed: dict[str, str], overrides: Mapping[str, str], columns: list[str]
) -> dict[str, str]:
    """The recognised mapping with the roles the user named (``--map ROLE=COLUMN``); a column
    the user gave a role leaves the role it was recognised as.

    >>> with_overrides({"client": "A", "amount": "B"}, {"amount": "C", "name": "A"}, ["A", "B", "C"])
    {'amount': 'C', 'name': 'A'}
    """
    roles = sorted({r for kind_roles in KIND_ROLES.values() for r in kind_roles})
    for role, column in overrides.items():
        if role not in roles:
            known = ", ".join(roles)
            raise LoadError("--map {role}=…: unknown role; use one of {roles}.", role=role, roles=known)
        if column not in columns:
            raise LoadError(
                "--map {role}={column}: no column “{column}” among {columns}.",
                role=role,
                column=column,
                columns=", ".join(f"“{c}”" for c in columns[:12]),
            )
    taken = set(overrides.values())
    return {**{r: c for r, c in guessed.items() if c not in taken and r not in overrides}, **overrides}


def _reject(
    table: RawTable, mask: pd.Series | np.ndarray, column: str, problem: str, outcome: str = NOT_USED
) -> pd.DataFrame:
    flags = np.asarray(mask.fillna(False) if isinstance(mask, pd.Series) else mask, dtype=bool)
    if not flags.any():
        return pd.DataFrame(columns=REJECT_COLUMNS)
    rows = table.frame.index[flags]
    values = table.frame.loc[rows, column].astype(str) if column in table.frame else ""
    # Row numbers as the user sees them in a spreadsheet: the header is row 1.
    return pd.DataFrame(
        {
            "file": table.name,
            "row": rows + 2 + table.skipped_lines,
            "column": column,
            "value": values,
            "problem": problem,
            "outcome": outcome,
        }
    )


def clean_ids(values: pd.Series) -> pd.Series:
    """Client identifiers as text: trimmed, inner runs of spaces collapsed, leading zeros kept.

    Examples
    --------
    >>> clean_ids(pd.Series([" 00042 ", "Acme\u00a0 SA"])).tolist()
    ['00042', 'Acme SA']

    The work is done on the distinct values: identifiers without any whitespace (nearly
    all of them, and the reader has already trimmed them) are left as they are, the
    others are cleaned once each, and only then are the rows that hold them rewritten.
    """
    text = arrow_text(values)
    distinct = pc.unique(text)
    spaced = pc.match_substring_regex(distinct, ANY_SPACE)
    if pc.any(spaced).as_py():
        dirty = distinct.filter(spaced)
        fixed = distinct_series(dirty).str.replace(r"\s+", " ", regex=True).str.strip().astype(str)
        cleaned = arrow_text(fixed).combine_chunks()
        text = pc.coalesce(pc.take(cleaned, pc.index_in(text, value_set=dirty)), text)
    return text_series(text, values.index, values.name)


def _only(
    where: pd.Series | np.ndarray, test: Callable[[pd.Series], pd.Series], text: pd.Series
) -> pd.Series:
    """``test(text)`` on the rows where ``where`` is true, False elsewhere (a text test run on few rows)."""
    out = np.zeros(len(text), dtype=bool)
    rows = np.asarray(where, dtype=bool)
    if rows.any():
        out[rows] = test(text[rows]).to_numpy(dtype=bool, na_value=False)
    return pd.Series(out, index=text.index)


def _numbers(table: RawTable, column: str) -> pd.Series:
    """A column as numbers: Excel's own numbers where it stored them, the text parsed elsewhere."""
    text = table.frame[column]
    if table.numbers is None:
        return parse_numbers(text, prefer_comma=table.french_numbers)
    typed = table.numbers[column]
    out = typed.astype("float64")
    rest = typed.isna()
    if rest.any():
        out[rest] = parse_numbers(text[rest], prefer_comma=table.french_numbers)
    return out


class Ids(NamedTuple):
    """A file's client identifiers, cleaned ("" where blank), and what was found on the way."""

    ids: pd.Series
    rejected: pd.DataFrame  # the blank rows
    blank: np.ndarray  # whether each row's identifier is blank (is "")
    named: pa.Array  # the distinct non-blank identifiers, in order of first appearance
    codes: np.ndarray  # a code per row: the position of its (cleaned) identifier in ``distinct``
    distinct: pa.Array  # the distinct cleaned identifiers, blanks included, in order of first appearance


def _ids(table: RawTable, m: dict[str, str]) -> Ids:
    """The file's client identifiers, factorized once and cleaned on the distinct values."""
    col = m["client"]
    text = arrow_text(table.frame[col])
    codes, raw = factorize(text)
    cleaned = arrow_text(clean_ids(distinct_series(raw)))
    distinct = raw
    if not cleaned.equals(pa.chunked_array([raw])):
        merged, distinct = factorize(cleaned)  # cleaning may have made two distinct identifiers equal
        codes = merged[codes]
        text = pa.chunked_array([distinct.take(codes)])
    ids = text_series(text, table.frame.index, col)
    # Blank or a missing marker, tested on the distinct identifiers (pandas' str.lower on this
    # column is the same Arrow kernel), then read off on the rows by their codes.
    blank_ids = pc.or_(pc.equal(distinct, ""), pc.is_in(pc.utf8_lower(distinct), value_set=_BLANK_IDS))
    blank_codes = blank_ids.to_numpy(zero_copy_only=False)
    blank = blank_codes[codes] if blank_codes.any() else np.zeros(len(ids), dtype=bool)
    if blank.all():
        raise MissingRoleError(
            "{file}: the client column “{column}” is blank on every row. "
            "Choose the column that identifies the client, or fill it in and upload again.",
            table.name,
            "client",
            column=col,
        )
    longest = pc.max(pc.utf8_length(distinct)).as_py() or 0
    if longest > MAX_ID_CHARS:
        at = pc.index(pc.greater(pc.utf8_length(text), MAX_ID_CHARS), True).as_py()
        raise LoadError(
            "{file}: the client identifier on row {row} of “{column}” "
            "is {length} characters long, over the limit of {limit}; check that “{column}” "
            "is the client column and that no quote is left open, then upload again.",
            file=table.name,
            row=f"{at + 2 + table.skipped_lines:,}",
            column=col,
            length=f"{longest:,}",
            limit=f"{MAX_ID_CHARS:,}",
        )
    named = distinct
    if blank.any():
        ids = ids.where(~blank, "")
        named = distinct.filter(pc.invert(blank_ids))
    rejected = _reject(table, blank, col, N_("client identifier is blank"))
    return Ids(ids, rejected, blank, named, codes, distinct)


def _column_jobs(pool: Executor, table: RawTable, m: dict[str, str]) -> dict[str, Future]:
    """Start parsing a transaction file's amount, date, margin and stage columns, each on its own."""
    f = table.frame
    jobs: dict[str, Future] = {"amount": pool.submit(_numbers, table, m["amount"])}
    if "date" in m:
        jobs["date"] = pool.submit(parse_dates, f[m["date"]])
    if "margin" in m:
        jobs["margin"] = pool.submit(_numbers, table, m["margin"])
    if "stage" in m:
        jobs["stage"] = pool.submit(stages_and_won, f[m["stage"]])
    return jobs


class Transactions(NamedTuple):
    """One file's usable transactions, its problems and date format, and what the totals per client need."""

    rows: pd.DataFrame
    problems: list[pd.DataFrame]
    date_format: str | None
    won: np.ndarray  # is_won(rows["stage"])
    clients: tuple[np.ndarray, pd.Index]  # rows["client"] factorized, as won_by_client takes it


def _transactions(
    table: RawTable, m: dict[str, str], ident: Ids | None = None, jobs: dict[str, Future] | None = None
) -> Transactions:
    """The usable transactions and the problems of one file. ``ident``: its :func:`_ids`, and
    ``jobs``: its :func:`_column_jobs`, if already started."""
    if jobs is None:
        with ThreadPoolExecutor(WORKERS) as pool:
            return _transactions(table, m, ident, _column_jobs(pool, table, m))
    f = table.frame
    ident = ident or _ids(table, m)
    ids = ident.ids
    problems = [ident.rejected]
    col = m["amount"]
    amount = jobs["amount"].result()
    numbers = amount.to_numpy(dtype="float64", na_value=np.nan)
    # The text tests only where they can be true: a missing marker parses to NaN, and a spelled-out
    # non-number (NaN, inf, #DIV/0!) to NaN or an infinity.
    nan = np.isnan(numbers)
    blank = _only(nan, missing, f[col]).to_numpy()
    spelled = _only(~np.isfinite(numbers), not_finite_text, f[col]).to_numpy()
    plausible = finite(amount).to_numpy()
    absurd = (~nan & ~plausible) | spelled
    unreadable = nan & ~blank & ~spelled
    problems += [
        _reject(table, blank, col, N_("amount is missing")),
        _reject(table, unreadable, col, N_("amount is not a number")),
        _reject(table, absurd, col, N_("amount is not a plausible number (NaN, infinite or over 10^15)")),
    ]
    usable = ~nan & plausible
    keep = ~ident.blank & usable
    if not keep.any():
        bad_rows = f.loc[~usable, col].head(3)
        examples = ", ".join(f"row {int(i) + 2} “{v}”" for i, v in zip(bad_rows.index, bad_rows, strict=True))
        raise MissingRoleError(
            "{file}: no usable amount in the column “{column}” ({examples}). "
            "Choose the column that holds the sales figures, or fix the amounts and upload again.",
            table.name,
            "amount",
            column=col,
            examples=examples,
        )
    out = pd.DataFrame({"client": ids, "amount": amount.where(usable)})
    date_format = None
    if "date" in m:
        out["date"], date_format = jobs["date"].result()
        nat = np.isnat(out["date"].to_numpy())
        bad_date = nat & ~_only(nat, missing, f[m["date"]]).to_numpy()
        problems.append(_reject(table, bad_date, m["date"], N_("date not recognised"), KEPT))
    if "margin" in m:
        margin = jobs["margin"].result()
        bad_margin = (margin.isna() & ~_only(margin.isna(), missing, f[m["margin"]])) | (
            margin.notna() & ~finite(margin)
        )
        problems.append(_reject(table, bad_margin, m["margin"], N_("margin is not a usable number"), KEPT))
        out["margin"] = margin.where(finite(margin))
    if "stage" in m:
        out["stage"], won = jobs["stage"].result()
    else:
        out["stage"], won = "won", np.ones(len(out), dtype=bool)
    if "product" in m:
        out["product"] = f[m["product"]].replace("", pd.NA)
    if "account_manager" in m:  # the deal's own owner: per-owner win rates count each deal by it
        out["account_manager"] = f[m["account_manager"]].replace("", pd.NA)
    clients = pd.Index(text_series(ident.distinct, pd.RangeIndex(len(ident.distinct))))
    if keep.all():
        return Transactions(out.reset_index(drop=True), problems, date_format, won, (ident.codes, clients))
    codes, present = pd.factorize(ident.codes[keep])  # the codes of the clients left, in their order
    rows = out[keep].reset_index(drop=True)
    return Transactions(rows, problems, date_format, won[keep], (codes, clients.take(present)))


def _activities(
    table: RawTable, m: dict[str, str], ident: Ids | None = None
) -> tuple[pd.DataFrame, list[pd.DataFrame], str | None]:
    from portfolio_core.ingest.columns import fold

    f = table.frame
    ident = ident or _ids(table, m)
    ids = ident.ids
    problems = [ident.rejected]
    out = pd.DataFrame({"client": ids})
    date_format = None
    if "date" in m:
        out["date"], date_format = parse_dates(f[m["date"]])
        bad_date = out["date"].isna() & ~_only(out["date"].isna(), missing, f[m["date"]])
        problems.append(_reject(table, bad_date, m["date"], N_("date not recognised"), KEPT))
    else:
        out["date"] = pd.Series(pd.NaT, index=f.index, dtype="datetime64[ns]")
    out["type"] = f[m["activity_type"]] if "activity_type" in m else ""
    minutes = False
    if "hours" in m:
        words = fold(m["hours"]).split() + [w.strip("()[]").lower() for w in m["hours"].split()]
        minutes = any(w in ("min", "mins", "minutes", "minute", "mn") for w in words)
        hours = parse_hours(f[m["hours"]], minutes=minutes)
        unusable = (hours.isna() & ~_only(hours.isna(), missing, f[m["hours"]])) | (
            hours.notna() & ~(finite(hours) & (hours >= 0))
        )
        problems.append(
            _reject(table, unusable, m["hours"], N_("duration is not a usable number of hours"), KEPT)
        )
        out["hours"] = hours.where(finite(hours) & (hours >= 0) & (hours < 1e5))
    else:
        out["hours"] = np.nan
    out = out[ids.ne("").to_numpy()].reset_index(drop=True)
    out.attrs["minutes"] = "hours" in m and minutes
    return out, problems, date_format


def _attributes(
    table: RawTable, m: dict[str, str], kind: str, ids: pd.Series, named: pa.Array | None = None
) -> pd.DataFrame:
    """Per-client attributes: the mapped ones under their role name; in a one-row-per-client
    table, the other columns too, as they are (extra segments the user brought).

    ``named``: the distinct non-blank identifiers in order of first appearance, if known.
    """
    f = table.frame
    cols: dict[str, pd.Series] = {}
    for role in ("name", *CLIENT_ATTRIBUTES):
        if role in m and role in KIND_ROLES[kind]:
            cols[role] = f[m[role]]
    text = arrow_text(ids)
    blanks = pc.sum(pc.equal(text, "")).as_py() or 0
    if named is None:
        distinct = pc.unique(text)
        named = distinct.filter(pc.not_equal(distinct, ""))
    one_per_client = kind == "clients" or (kind == "transactions" and len(named) == len(ids) - blanks)
    if not cols and not one_per_client:
        # Only the identifiers: one row per distinct identifier, as the group-by below gives it.
        index = pd.Index(text_series(named, pd.RangeIndex(len(named))), name="client")
        return pd.DataFrame(index=index, columns=pd.Index([], dtype="str"))
    if one_per_client:
        used = set(m.values())
        reserved = {"client", "amount", "margin", "stage", "date", "product", *KIND_ROLES["transactions"]}
        for col in f.columns:
            if col not in used and col not in cols and col not in reserved:
                cols[col] = f[col]
    attrs = pd.DataFrame(cols, index=f.index)
    attrs["client"] = ids
    if blanks:
        attrs = attrs[ids.ne("")]
    attrs = attrs.mask(attrs == "")
    return attrs.groupby("client", sort=False).first()


def _rekey_by_name(
    table: RawTable, m: dict[str, str], known: set[str]
) -> tuple[dict[str, str], Message | None]:
    """Join on the name column when the transactions name their clients by it, not by the code."""
    if "name" not in m or not known:
        return m, None
    among = pa.array(list(known), type=pa.large_string())
    by_id = pc.sum(pc.is_in(arrow_text(clean_ids(table.frame[m["client"]])), value_set=among)).as_py() or 0
    by_name = pc.sum(pc.is_in(arrow_text(clean_ids(table.frame[m["name"]])), value_set=among)).as_py() or 0
    if by_name > by_id:
        swapped = {**m, "client": m["name"], "name": m["client"]}
        return swapped, Message(
            "joined on “{column}”: the transactions name their clients the way this column does",
            {"column": m["name"]},
        )
    return m, None


def _size_bands(size: pd.Series) -> pd.Series:
    """Employee counts grouped in bands (1–9, 10–49, 50–249, 250–4,999, 5,000+); text sizes as they are."""
    numbers = parse_numbers(size.astype("string"))
    filled = size.notna() & size.astype("string").str.strip().ne("")
    if not filled.any() or numbers[filled].notna().mean() < 0.8:
        return size
    bands = pd.cut(numbers, SIZE_BANDS[0], labels=SIZE_BANDS[1], right=False).astype(object)
    return bands.where(numbers.notna(), size)


def build_portfolio(
    tables: list[RawTable],
    mappings: dict[str, dict[str, str]] | None = None,
    source: str = "",
    kinds: dict[str, str] | None = None,
) -> tuple[Portfolio, LoadReport]:
    """Recognise each table's kind and columns, parse it and join everything on the client.

    ``mappings`` overrides the recognised mapping per file name
    (``{file: {role: column}}``) and ``kinds`` the file's kind
    (``"transactions"``, ``"clients"`` or ``"activities"``). Raises
    :class:`MissingRoleError` (a LoadError) when a file has no client column or
    no file has an amount, and LoadError when there is no positive revenue.

    Examples
    --------
    >>> import pandas as pd
    >>> t = RawTable("x.csv", pd.DataFrame({"Client": ["A", "B", ""], "CA": ["10", "5", "1"]}))
    >>> p, report = build_portfolio([t])
    >>> p.values().to_dict(), report.rejected_count
    ({'A': 10.0, 'B': 5.0}, 1)
    """
    mappings, kinds = mappings or {}, kinds or {}
    plan = []
    for table in tables:
        guessed_kind, guessed = guess_mapping(table)
        m = {r: c for r, c in (mappings.get(table.name) or guessed).items() if c in table.frame.columns}
        kind = kinds.get(table.name) or (guessed_kind if table.name not in mappings else table_role(m))
        if "client" not in m or kind is None:
            raise MissingRoleError(
                "{file}: no client column recognised among {columns}. "
                "Choose which column identifies the client.",
                table.name,
                "client",
                columns=", ".join(f"“{c}”" for c in table.frame.columns[:12]),
            )
        if kind == "transactions" and "amount" not in m:
            raise MissingRoleError(
                "{file}: choose the column that holds the amount (revenue) of each row.", table.name, "amount"
            )
        plan.append((table, kind, {r: c for r, c in m.items() if r in KIND_ROLES[kind]}))

    if not any(kind == "transactions" for _, kind, _ in plan):
        first = plan[0][0].name if plan else "the files"
        raise MissingRoleError(
            "No file has an amount column (revenue, sales, montant, CA, deal value...). Upload the invoices "
            "or deals, or a client list with a revenue column, or set a file's type to Transactions "
            "and choose its amount column.",
            first,
            "amount",
        )

    infos, problems = [], []
    transactions, activities, attributes = [], [], []
    parsed: list[Transactions] = []
    tx_distinct: list[pa.Array] = []  # each transaction file's distinct clients
    tx_clients: set[str] = set()  # all of them, made when a file of another kind needs them
    listed: set[str] = set()
    tx_by_file: dict[str, pd.DataFrame] = {}
    for table, kind, m in sorted(plan, key=lambda p: p[1] != "transactions"):
        notes: list[Message] = []
        if kind != "transactions":  # the transaction files come first
            if not tx_clients:
                tx_clients = set(pa.chunked_array(tx_distinct, type=pa.large_string()).to_pylist())
            m, note = _rekey_by_name(table, m, tx_clients)
            notes += [note] if note else []
        date_format = None
        with ThreadPoolExecutor(WORKERS) as pool:
            jobs = _column_jobs(pool, table, m) if kind == "transactions" else None
            ident = _ids(table, m)  # meanwhile the columns are parsed
            if jobs is not None:
                parsed.append(_transactions(table, m, ident, jobs))
        ids, bad, named = ident.ids, ident.rejected, ident.named
        if kind == "transactions":
            rows, p, date_format = parsed[-1].rows, parsed[-1].problems, parsed[-1].date_format
            transactions.append(rows)
            tx_by_file[table.name] = rows
            # every row with a client kept: the file's clients are its distinct identifiers
            clients_here = (
                named if len(rows) == len(ids) - len(bad) else pc.unique(arrow_text(rows["client"]))
            )
            tx_distinct.append(clients_here)
            used = len(rows)
        elif kind == "activities":
            rows, p, date_format = _activities(table, m, ident)
            activities.append(rows)
            used = len(rows)
            if rows.attrs.get("minutes"):
                notes.append(
                    Message(
                        "durations in “{column}” read as minutes and converted to hours",
                        {"column": m["hours"]},
                    )
                )
        else:
            p, used = [bad], int(ids.ne("").sum())
            listed |= set(pd.unique(ids[ids.ne("")]))
            unknown = len(set(pd.unique(ids[ids.ne("")])) - tx_clients)
            if tx_clients and unknown:
                notes.append(
                    Message.plural(
                        "{n} company of this file with no transaction (0 revenue)",
                        "{n} companies of this file with no transaction (0 revenue)",
                        unknown,
                    )
                )
        problems.extend(p)
        attributes.append(_attributes(table, m, kind, ids, named))
        infos.append(TableInfo(table.name, kind, dict(m), len(table.frame), used, date_format, tuple(notes)))
    if listed:
        for i, info in enumerate(infos):
            if info.role == "transactions":
                absent = len(set(pd.unique(tx_by_file[info.name]["client"])) - listed)
                if absent:
                    note = Message.plural(
                        "{n} client not in the client list (added, status from the deals)",
                        "{n} clients not in the client list (added, status from the deals)",
                        absent,
                    )
                    infos[i] = TableInfo(**{**info.__dict__, "notes": (*info.notes, note)})
    order = {t.name: i for i, t in enumerate(tables)}
    infos.sort(key=lambda i: order[i.name])

    tx = pd.concat(transactions, ignore_index=True)
    won = np.concatenate([t.won for t in parsed])
    won_rows = pd.Series(won, index=tx.index)
    by_client = won_by_client(tx, won=won, clients=parsed[0].clients if len(parsed) == 1 else None)
    check_revenue(tx, won_rows, by_client["total"])
    clients = clients_table(attributes, tx, by_client.index[by_client["sold"].to_numpy()], tx_distinct)
    acts = (
        pd.concat(activities, ignore_index=True)
        if activities
        else pd.DataFrame(
            {
                "client": pd.Series(dtype=object),
                "date": pd.Series(dtype="datetime64[ns]"),
                "type": pd.Series(dtype=object),
                "hours": pd.Series(dtype="float64"),
            }
        )
    )
    found = [p for p in problems if len(p)]
    rejected = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=REJECT_COLUMNS)
    rejected = rejected.sort_values(["file", "row"], kind="stable").reset_index(drop=True)
    report = LoadReport(tuple(infos), rejected)
    named = {currency_of(m["amount"], t.frame[m["amount"]]) for t, kind, m in plan if kind == "transactions"}
    currency = named.pop() if len(named) == 1 else None  # files that disagree name no currency
    name = source or ", ".join(t.name for t in tables)
    portfolio = Portfolio(clients, tx, acts, source=name, currency=currency)
    object.__setattr__(portfolio, "won_revenue", by_client["total"])  # grouped once, here
    return portfolio, report


def check_revenue(tx: pd.DataFrame, won_rows: pd.Series, totals: pd.Series) -> None:
    """Refuse transactions without a won deal or without a client whose won amounts add up to more than 0.

    ``tx`` may hold one row per deal or per client and stage (the engine's totals): the test is the same;
    ``totals``: the won amount per client (``won_by_client``).
    """
    if not won_rows.any():
        stages = (
            tx.groupby("stage")["deals"].sum().sort_values(ascending=False)
            if "deals" in tx.columns
            else tx["stage"].value_counts()
        ).to_dict()
        raise LoadError(
            "None of the {n} deals is won ({stages}), so there is no revenue to analyse. "
            "Check the deal stage column, or upload the won deals or invoices.",
            n=f"{int(deal_weights(tx).sum()):,}",
            stages=", ".join(f"{v} {k}" for k, v in stages.items()),
        )
    if not (totals > 0).any():
        raise LoadError(
            "No positive amount: no client has a positive total of sales "
            "(the won amounts add up to {total}): "
            "the ABC analysis needs revenue. Check that the amount column holds the sales figures, "
            "not credit notes or balances.",
            total=f"{tx.loc[won_rows, 'amount'].sum():,.2f}",
        )


def _everyone(attrs: pd.DataFrame, tx: pd.DataFrame, tx_distinct: list[pa.Array] | None = None) -> pd.Index:
    """Every company: those with attributes (every file gives its identifiers), then any other client.

    ``attrs``: one row per company (its index unique); ``tx_distinct``: the distinct clients of each
    transaction file, if known.
    """
    index, clients = attrs.index, tx["client"]
    if all(isinstance(x.dtype, pd.StringDtype) and x.dtype.storage == "pyarrow" for x in (index, clients)):
        known = arrow_text(index.to_series())
        if tx_distinct is None:
            tx_distinct = [pc.unique(arrow_text(clients))]
        distinct = pa.chunked_array(tx_distinct, type=pa.large_string())
        if distinct.equals(known) or pc.sum(pc.is_in(distinct, value_set=known)).as_py() == len(distinct):
            return pd.Index(index, name="client")  # as below, without a pass over every transaction
    return pd.Index(pd.unique(pd.concat([index.to_series(), clients])), name="client")


def clients_table(
    attributes: list[pd.DataFrame],
    tx: pd.DataFrame,
    selling: pd.Index,
    tx_distinct: list[pa.Array] | None = None,
) -> pd.DataFrame:
    """One row per company: attributes (first non-blank value per client), status, numbers, dates.

    ``attributes``: frames of one row per client; ``selling``: the clients with at least one sale.
    """
    attrs = pd.concat(attributes) if attributes else pd.DataFrame()
    if len(attributes) > 1 and len(attrs):  # each frame has a row per client: merge theirs
        attrs = attrs.groupby(level=0, sort=False).first()
    everyone = _everyone(attrs, tx, tx_distinct)
    clients = attrs.reindex(everyone)
    # A client is a company with at least one sale (an invoice, a won deal), whatever the amounts
    # add up to: sales netting to 0 or less make a client in class C, flagged "no net revenue".
    sold = pc.is_in(arrow_text(everyone.to_series()), value_set=arrow_text(selling.to_series()))
    sold = sold.to_numpy(zero_copy_only=False)
    derived = pd.Series(
        np.array(["prospect", "active"], dtype=object)[sold.astype(np.intp)], index=everyone, dtype=object
    )
    if "status" in clients.columns:
        given = clients["status"].notna() & clients["status"].astype("string").str.strip().ne("")
        clients["status"] = normalise_status(clients["status"]).where(given, derived)
    else:
        clients["status"] = derived
    clients["status"] = clients["status"].astype(object)
    for col in NUMERIC_ATTRIBUTES:
        if col in clients.columns:
            clients[col] = parse_numbers(clients[col].astype("string"))
    if "start_date" in clients.columns:
        clients["start_date"] = parse_dates(clients["start_date"].astype("string"))[0]
    if "size" in clients.columns:
        clients["size"] = _size_bands(clients["size"])
    clients.index.name = "client"
    return clients
