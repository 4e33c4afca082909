"""The portfolio: clients, transactions and activities in canonical columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from portfolio_core.ingest.columns import fold
from portfolio_core.ingest.parsing import arrow_text, factorize

Measure = Literal["revenue", "margin"]
STATUSES = ("active", "prospect", "former", "partner")
CLIENT_ATTRIBUTES = (
    "status", "sector", "size", "contract_type", "account_manager", "region",
    "cac", "potential", "start_date",
)  # fmt: skip

_STATUS_WORDS = {
    "prospect": ("prospect", "lead", "opportunit", "suspect", "qualif", "mql", "sql", "subscriber",
                 "potentiel", "a prospecter", "piste"),
    "former": ("former", "ancien", "churn", "lost", "perdu", "inactive", "inactif", "resili",
               "closed", "ferme", "ex client", "lapsed", "terminated", "dormant", "sorti", "archiv"),
    "partner": ("partner", "partenaire", "reseller", "revendeur", "distributor", "distributeur",
                "apporteur", "prescripteur"),
}  # fmt: skip
_STAGE_WORDS = {
    "lost": ("lost", "perdu", "perdue", "rejected", "refuse", "abandon", "cancel", "annul", "void",
             "deleted", "supprim", "declined", "echec", "sans suite"),
    "won": ("won", "gagne", "signe", "signed", "paid", "paye", "invoiced", "facture", "closed won",
            "done", "complete", "accepted", "accepte", "authorised", "authorized", "sent", "envoye",
            "overdue", "en retard", "emise", "issued", "regle", "encaisse", "valide", "conclu",
            # a credit note is a realised sale too, a negative one: it nets against the invoices
            "avoir", "credit note", "credit memo", "creditnote", "credit_note"),
}  # fmt: skip


def _classified(text: pd.Series, classify: Callable[[str], str]) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """The label of each cell, ``classify`` run once per distinct folded value, and the codes of the
    cells and labels of the codes it was made from."""
    codes, uniques = factorize(arrow_text(text))
    labels = np.array([classify(fold(u)) for u in uniques.to_pylist()], dtype=object)
    return pd.Series(labels[codes], index=text.index, dtype=object, copy=False), codes, labels


def _by_distinct(text: pd.Series, classify: Callable[[str], str]) -> pd.Series:
    """Apply ``classify`` to each distinct folded value once, then map back (fast on large columns)."""
    return _classified(text, classify)[0]


def _status_of(folded: str) -> str:
    for status in ("partner", "prospect", "former"):
        if any(w in folded for w in _STATUS_WORDS[status]):
            return status
    return "active"


def _stage_of(folded: str) -> str:
    if any(w in folded for w in _STAGE_WORDS["lost"]):
        return "lost"
    if folded == "" or any(w in folded for w in _STAGE_WORDS["won"]):
        return "won"
    return "open"


def is_won(stage: pd.Series) -> np.ndarray:
    """``stage == "won"`` as a boolean array (a hash lookup: twice as fast as ``==`` on an object column)."""
    return np.asarray(stage.isin(["won"]), dtype=bool)


def deal_weights(tx: pd.DataFrame) -> pd.Series:
    """How many deals each transaction row stands for: its ``deals`` where the rows are totals (the
    engine's, one row per client and stage), else 1.

    >>> deal_weights(pd.DataFrame({"stage": ["won", "lost"]})).tolist()
    [1, 1]
    """
    return tx["deals"] if "deals" in tx.columns else pd.Series(1, index=tx.index)


def normalise_status(text: pd.Series) -> pd.Series:
    """Map free-text statuses (English or French) to active/prospect/former/partner.

    Blank or unknown statuses ("Client", "Customer", "Actif") count as active.

    Examples
    --------
    >>> normalise_status(pd.Series(["Client actif", "Lead", "Ancien client", "Partenaire"])).tolist()
    ['active', 'prospect', 'former', 'partner']
    """
    return _by_distinct(text, _status_of)


def normalise_stage(text: pd.Series) -> pd.Series:
    """Map deal stages to won/lost/open; a blank stage is a won sale (an invoice), a credit note too.

    Examples
    --------
    >>> normalise_stage(pd.Series(["Closed Won", "closedlost", "Proposal", "Gagnée", "", "Avoir"])).tolist()
    ['won', 'lost', 'open', 'won', 'won', 'won']
    """
    return _by_distinct(text, _stage_of)


def stages_and_won(text: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """:func:`normalise_stage` and :func:`is_won` of it, the latter read off the few distinct stages."""
    stages, codes, labels = _classified(text, _stage_of)
    return stages, (labels == "won")[codes]


def won_by_client(
    tx: pd.DataFrame,
    column: str = "amount",
    won: np.ndarray | None = None,
    clients: tuple[np.ndarray, pd.Index] | None = None,
) -> pd.DataFrame:
    """Per client, in order of first appearance: ``total``, the won ``column`` added up (0 without
    a sale), and ``sold``, whether the client has a won row. ``won``: :func:`is_won` of the stage, and
    ``clients``: ``tx["client"]`` factorized (as ``pd.factorize`` does it), if known.
    """
    if won is None:
        won = is_won(tx["stage"]) if "stage" in tx.columns else np.ones(len(tx), dtype=bool)
    if clients is None:
        codes, uniques = pd.factorize(tx["client"])  # for identifiers in Arrow, by Arrow
        clients = codes, uniques.infer_objects()  # the index the group-by by client would give
    codes, names = clients
    shifted = (codes + 1) * won  # the code + 1 on a won row, 0 on the others (and a missing client)
    # Grouped by the codes as categories: pandas' own (compensated) sum, without hashing the
    # identifiers again; a client without a won row sums to 0.
    categories = pd.CategoricalDtype(pd.RangeIndex(len(names)))
    groups = pd.CategoricalIndex(pd.Categorical.from_codes(shifted - 1, dtype=categories, validate=False))
    amounts = pd.Series(tx[column].to_numpy(dtype="float64", na_value=np.nan), copy=False)
    total = amounts.groupby(groups, observed=False).sum().to_numpy()
    sold = np.bincount(shifted, minlength=len(names) + 1)[1:] > 0
    return pd.DataFrame({"total": total, "sold": sold}, index=names.rename("client"))


@dataclass(frozen=True)
class Portfolio:
    """A company's client data in canonical columns.

    - ``clients``: indexed by ``client`` (text); ``status`` in STATUSES and
      any of CLIENT_ATTRIBUTES or extra columns the user brought.
    - ``transactions``: ``client``, ``amount`` and optionally ``date``,
      ``margin``, ``stage`` (won/lost/open), ``product``, ``account_manager``
      (the deal's owner, when the deals file names one); ``deals`` when each row is the total of
      several deals (the engine's, see :mod:`portfolio_core.engine.aggregate`), else one deal a row.
    - ``activities`` (may be empty): ``client``, ``date``, ``type``, ``hours``.
    - ``currency``: the ISO code of the amounts (``"EUR"``), None when the files do not say.
    """

    clients: pd.DataFrame
    transactions: pd.DataFrame
    activities: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["client"]))
    source: str = ""
    currency: str | None = None
    # The won revenue per client that values() adds up, when the loader has added it up already
    # (it groups the transactions by client anyway). Not an argument: dataclasses.replace drops it.
    won_revenue: pd.Series | None = field(default=None, init=False, repr=False, compare=False)

    def won(self) -> pd.DataFrame:
        """Transactions that make revenue (won deals, invoices)."""
        tx = self.transactions
        return tx if "stage" not in tx.columns else tx[is_won(tx["stage"])]

    def in_scope(self, include_inactive: bool = False) -> pd.Index:
        """Clients analysed: active ones, or every company when ``include_inactive``."""
        if include_inactive:
            return self.clients.index
        return self.clients.index[self.clients["status"] == "active"]

    def scope_counts(self) -> dict[str, int]:
        """Number of companies per status (active, prospect, former, partner)."""
        counts = self.clients["status"].value_counts()
        return {s: int(counts.get(s, 0)) for s in STATUSES}

    def has(self, column: str) -> bool:
        """Whether the transactions carry a column (``margin``, ``date``, ``stage``...)."""
        tx = self.transactions
        return column in tx.columns and bool(tx[column].notna().any())

    def values(self, measure: Measure = "revenue", include_inactive: bool = False) -> pd.Series:
        """Won revenue (or margin) per client in scope; clients without sales count 0."""
        column = "amount" if measure == "revenue" else "margin"
        if column not in self.transactions.columns:
            raise ValueError(f"the data has no {measure} column")
        tx = self.transactions
        totals = self.won_revenue if measure == "revenue" else None
        if totals is None:
            totals = won_by_client(tx, column)["total"]
        scope = self.in_scope(include_inactive)
        out = totals.reindex(scope, fill_value=0.0).astype("float64")
        out.index.name = "client"
        out.name = measure
        return out

    def labels(self, clients: pd.Index) -> pd.Series:
        """How a client is shown: its name where the data gives one, else its identifier (as text).

        >>> from portfolio_core.ingest.demo import demo_portfolio
        >>> p = demo_portfolio()
        >>> p.labels(p.clients.index[:1]).iloc[0] == p.clients["name"].iloc[0]
        True
        """
        ids = pd.Series(clients.astype(str), index=clients)
        if "name" not in self.clients.columns:
            return ids
        names = self.clients["name"].reindex(clients)
        return names.where(names.notna() & (names.astype(str).str.strip() != ""), ids).astype(str)

    @property
    def segment_columns(self) -> list[str]:
        """Categorical client columns one can filter or group by."""
        skip = {"status", "cac", "potential", "start_date", "name"}
        cols = []
        for col in self.clients.columns:
            if col in skip or pd.api.types.is_numeric_dtype(self.clients[col]):
                continue
            distinct = self.clients[col].nunique(dropna=True)
            if 1 < distinct <= max(50, len(self.clients) // 20):
                cols.append(col)
        return cols
