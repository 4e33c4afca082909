"""Recognise what each column of an export means, from its header.

Headers are compared after folding case, accents and punctuation, so
"Chiffre d'affaires", "chiffre_affaires" and "CHIFFRE D AFFAIRES" match alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# role -> header synonyms (already folded: lowercase ascii, words split by one space)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "client": (
        "client",
        "client id",
        "client name",
        "customer",
        "customer id",
        "customer name",
        "company",
        "company name",
        "account",
        "account name",
        "account id",
        "organisation",
        "organization",
        "organization name",
        "organisation name",
        "org name",
        "societe",
        "raison sociale",
        "nom client",
        "nom du client",
        "code client",
        "id client",
        "entreprise",
        "compte",
        "nom de l entreprise",
        "deal company",
        "associated company",
        "partner",
        "buyer",
        "nom",
        "name",
    ),
    "amount": (
        "amount",
        "revenue",
        "sales",
        "ca",
        "chiffre d affaires",
        "chiffre affaires",
        "montant",
        "montant ht",
        "montant ttc",
        "total",
        "total ht",
        "value",
        "deal value",
        "deal amount",
        "invoice amount",
        "amount ht",
        "net amount",
        "turnover",
        "ventes",
        "ca ht",
        "valeur",
        "opportunity amount",
        "amount eur",
        "amount usd",
        "total amount",
        "sales amount",
        "revenue eur",
        "montant facture",
        "price",
        "prix",
    ),
    "date": (
        "date",
        "invoice date",
        "close date",
        "closed date",
        "won time",
        "won date",
        "order date",
        "date facture",
        "date de facture",
        "date de cloture",
        "date commande",
        "transaction date",
        "deal close date",
        "closing date",
        "created",
        "date de signature",
        "signed date",
    ),
    "margin": ("margin", "gross margin", "marge", "marge brute", "profit", "margin eur"),
    "stage": (
        "stage",
        "deal stage",
        "status deal",
        "deal status",
        "etape",
        "etape de la transaction",
        "statut affaire",
        "outcome",
        "won lost",
        "result",
        "opportunity stage",
        "pipeline stage",
    ),
    "product": ("product", "produit", "product name", "item", "offre", "service", "gamme"),
    "status": (
        "status",
        "statut",
        "client status",
        "customer status",
        "lifecycle stage",
        "type de compte",
        "account type",
        "relation",
        "statut client",
        "type de relation",
    ),
    "sector": ("sector", "secteur", "industry", "secteur d activite", "segment", "vertical", "naf"),
    "size": (
        "size",
        "taille",
        "company size",
        "employees",
        "number of employees",
        "effectif",
        "headcount",
        "employee count",
        "nb salaries",
        "tranche d effectif",
    ),
    "contract_type": (
        "contract",
        "contract type",
        "type de contrat",
        "contrat",
        "plan",
        "subscription type",
        "billing type",
        "formule",
    ),
    "account_manager": (
        "account manager",
        "owner",
        "deal owner",
        "account owner",
        "sales rep",
        "salesperson",
        "commercial",
        "responsable",
        "charge de compte",
        "charge d affaires",
        "vendeur",
        "key account manager",
        "kam",
        "responsable commercial",
        "gestionnaire",
        "assigned to",
        "company owner",
        "user",
    ),
    "region": (
        "region",
        "territory",
        "territoire",
        "zone",
        "pays",
        "country",
        "state",
        "ville",
        "city",
        "departement",
    ),
    "cac": (
        "cac",
        "acquisition cost",
        "customer acquisition cost",
        "cout d acquisition",
        "cout acquisition",
        "acquisition",
    ),
    "potential": (
        "potential",
        "potentiel",
        "potential revenue",
        "potentiel ca",
        "wallet",
        "share of wallet",
        "estimated potential",
    ),
    "start_date": (
        "start date",
        "client since",
        "customer since",
        "date de debut",
        "date debut",
        "debut contrat",
        "first purchase",
        "contract start",
        "date d entree",
        "created date",
        "date de creation",
        "since",
    ),
    "activity_type": (
        "activity type",
        "type",
        "type d activite",
        "activity",
        "interaction type",
        "canal",
        "channel",
        "type d interaction",
    ),
    "hours": (
        "hours",
        "duration",
        "duree",
        "duree h",
        "heures",
        "time spent",
        "temps passe",
        "hours spent",
        "duration hours",
        "effort",
        "effort hours",
        "temps",
    ),
}

REQUIRED = ("client", "amount")


def fold(header: object) -> str:
    """Lowercase, strip accents and punctuation: ``"Chiffre d'Affaires (€)"`` -> ``"chiffre d affaires"``."""
    text = unicodedata.normalize("NFKD", str(header))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)  # units in brackets: "(EUR)", "[h]"
    return " ".join(re.findall(r"[a-z0-9]+", text))


def recognise(columns: Iterable[object], roles: Iterable[str] | None = None) -> dict[str, str]:
    """Map roles to column names by header synonyms; each column used at most once.

    Exact synonym matches win over partial ones (a header that starts with a
    synonym, e.g. "Amount (EUR) excl. VAT"). Roles are filled in the order of
    ``SYNONYMS`` so that "client" and "amount" are served first.

    Examples
    --------
    >>> recognise(["Société", "Chiffre d'affaires", "Commercial"])
    {'client': 'Société', 'amount': "Chiffre d'affaires", 'account_manager': 'Commercial'}
    """
    cols = [str(c) for c in columns]
    folded = {c: fold(c) for c in cols}
    wanted = list(roles) if roles is not None else list(SYNONYMS)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for exact in (True, False):
        for role in wanted:
            if role in mapping:
                continue
            for synonym in SYNONYMS[role]:
                match = next(
                    (
                        c
                        for c in cols
                        if c not in used
                        and (
                            folded[c] == synonym
                            if exact
                            else len(synonym) > 3 and folded[c].startswith(synonym + " ")
                        )
                    ),
                    None,
                )
                if match is not None:
                    mapping[role] = match
                    used.add(match)
                    break
    return {role: mapping[role] for role in wanted if role in mapping}
