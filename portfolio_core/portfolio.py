"""The portfolio: clients, transactions and activities in canonical columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from .columns import fold

Measure = Literal["revenue", "margin"]
STATUSES = ("active", "prospect", "former", "partner")
CLIENT_ATTRIBUTES = (
    "status", "sector", "size", "contract_type", "account_manager", "region",
    "cac", "potential", "start_date",
)  # fmt: skip

_STATUS_WORDS = {
    "prospect": ("prospect", "lead", "opportunit", "suspect", "qualif", "mql", "sql"),
    "former": ("former", "ancien", "churn", "lost", "perdu", "inactive", "inactif", "resili",
               "closed", "ferme", "ex client", "lapsed", "terminated"),
    "partner": ("partner", "partenaire", "reseller", "revendeur", "distributor", "distributeur"),
}  # fmt: skip
_STAGE_WORDS = {
    "lost": ("lost", "perdu", "perdue", "rejected", "refuse", "abandon", "cancel", "annul"),
    "won": ("won", "gagne", "signe", "signed", "paid", "paye", "invoiced", "facture", "closed won",
            "done", "complete", "accepted", "accepte"),
}  # fmt: skip


def normalise_status(text: pd.Series) -> pd.Series:
    """Map free-text statuses (English or French) to active/prospect/former/partner.

    Blank or unknown statuses count as active: the file is a client list.
    """
    folded = text.fillna("").map(fold)
    out = pd.Series("active", index=text.index, dtype=object)
    for status in ("partner", "prospect", "former"):
        hit = folded.map(lambda s, words=_STATUS_WORDS[status]: any(w in s for w in words))
        out = out.mask(hit & (out == "active"), status)
    return out


def normalise_stage(text: pd.Series) -> pd.Series:
    """Map deal stages to won/lost/open; a blank stage is a won sale (an invoice)."""
    folded = text.fillna("").map(fold)
    lost = folded.map(lambda s: any(w in s for w in _STAGE_WORDS["lost"]))
    won = folded.map(lambda s: s == "" or any(w in s for w in _STAGE_WORDS["won"]))
    return pd.Series("open", index=text.index, dtype=object).mask(won, "won").mask(lost, "lost")


@dataclass(frozen=True)
class Portfolio:
    """A company's client data in canonical columns.

    - ``clients``: indexed by ``client`` (text); ``status`` in STATUSES and
      any of CLIENT_ATTRIBUTES or extra columns the user brought.
    - ``transactions``: ``client``, ``amount`` and optionally ``date``,
      ``margin``, ``stage`` (won/lost/open), ``product``.
    - ``activities`` (may be empty): ``client``, ``date``, ``type``, ``hours``.
    """

    clients: pd.DataFrame
    transactions: pd.DataFrame
    activities: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["client"]))
    source: str = ""

    def won(self) -> pd.DataFrame:
        """Transactions that make revenue (won deals, invoices)."""
        t = self.transactions
        return t if "stage" not in t.columns else t[t["stage"] == "won"]

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
        t = self.transactions
        return column in t.columns and bool(t[column].notna().any())

    def values(self, measure: Measure = "revenue", include_inactive: bool = False) -> pd.Series:
        """Won revenue (or margin) per client in scope; clients without sales count 0."""
        column = "amount" if measure == "revenue" else "margin"
        if column not in self.transactions.columns:
            raise ValueError(f"the data has no {measure} column")
        totals = self.won().groupby("client", sort=False)[column].sum()
        scope = self.in_scope(include_inactive)
        out = totals.reindex(scope, fill_value=0.0).astype("float64")
        out.index.name = "client"
        out.name = measure
        return out

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
