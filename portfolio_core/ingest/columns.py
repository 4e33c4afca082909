"""Recognise what each column of an export means, from its header.

Headers are compared after folding case, accents and punctuation, so
"Chiffre d'affaires", "chiffre_affaires" and "CHIFFRE D AFFAIRES" match alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from portfolio_core.message import N_

# role -> header synonyms (already folded: lowercase ascii, words split by one space)
SYNONYMS: dict[str, tuple[str, ...]] = {
    # identifiers first: when a file has both a code and a name, the code is the key, the name an attribute
    "client": (
        "client id",
        "customer id",
        "account id",
        "company id",
        "organization id",
        "organisation id",
        "client code",
        "customer code",
        "customer number",
        "client number",
        "account number",
        "code client",
        "id client",
        "numero client",
        "no client",
        "n client",
        "ref client",
        "reference client",
        "code tiers",
        "client",
        "customer",
        "client name",
        "customer name",
        "company",
        "company name",
        "account name",
        "organisation",
        "organization",
        "organization name",
        "organisation name",
        "org name",
        "deal organization",
        "deal organisation",
        "deal organization name",
        "deal company",
        "associated company",
        "opportunity account name",
        "societe",
        "raison sociale",
        "nom client",
        "nom du client",
        "nom de la societe",
        "entreprise",
        "nom de l entreprise",
        "organisme",
        "tiers",
        "nom du tiers",
        "contactname",
        "contact name",
        "account",
        "compte",
        "buyer",
        "acheteur",
        "nom",
        "name",
    ),
    "name": (
        "client name",
        "customer name",
        "company name",
        "account name",
        "organization name",
        "organisation name",
        "raison sociale",
        "nom client",
        "nom du client",
        "nom de la societe",
        "nom de l entreprise",
        "societe",
        "company",
        "client",
        "customer",
        "entreprise",
        "nom",
        "name",
        "libelle",
    ),
    "amount": (
        "amount",
        "revenue",
        "sales",
        "ca",
        "chiffre d affaires",
        "chiffre affaires",
        "chiffre d affaires ht",
        "montant",
        "montant ht",
        "total ht",
        "montant total ht",
        "montant net",
        "montant facture",
        "montant ttc",
        "total",
        "value",
        "deal value",
        "deal amount",
        "invoice amount",
        "invoice total",
        "amount ht",
        "net amount",
        "amount excl vat",
        "amount excl tax",
        "subtotal",
        "sub total",
        "turnover",
        "ventes",
        "ca ht",
        "valeur",
        "opportunity amount",
        "total amount",
        "sales amount",
        "amount in company currency",
        "revenue eur",
        "line total",
        "net sales",
        "gross sales",
    ),
    "date": (
        "date",
        "invoice date",
        "invoicedate",
        "close date",
        "closed date",
        "closing date",
        "deal close date",
        "won time",
        "deal won time",
        "won date",
        "deal closed on",
        "deal deal closed on",
        "order date",
        "date facture",
        "date de facture",
        "date de la facture",
        "date de cloture",
        "date commande",
        "date de commande",
        "date de signature",
        "date d emission",
        "transaction date",
        "signed date",
        "posting date",
        "date piece",
        "activity date",
        "date de l activite",
        "due date",
        "expected close date",
        "deal expected close date",
        "created",
        "create date",
    ),
    "margin": ("margin", "gross margin", "marge", "marge brute", "profit", "gross profit", "margin eur"),
    "stage": (
        "deal status",
        "stage",
        "deal stage",
        "status deal",
        "opportunity status",
        "won lost",
        "won",
        "etape",
        "etape de la transaction",
        "etape de l affaire",
        "statut affaire",
        "statut de l affaire",
        "statut opportunite",
        "statut facture",
        "statut de la facture",
        "invoice status",
        "outcome",
        "result",
        "resultat",
        "opportunity stage",
        "pipeline stage",
        "phase",
    ),
    "product": ("product", "produit", "product name", "item", "offre", "service", "gamme", "article"),
    "status": (
        "status",
        "statut",
        "client status",
        "customer status",
        "account status",
        "lifecycle stage",
        "type de compte",
        "account type",
        "company type",
        "relation",
        "statut client",
        "statut du client",
        "type de relation",
        "type de client",
        "client type",
        "customer type",
        "etat",
    ),
    "sector": (
        "sector",
        "secteur",
        "industry",
        "secteur d activite",
        "segment",
        "vertical",
        "naf",
        "code naf",
        "activite",
        "branche",
    ),
    "size": (
        "size",
        "taille",
        "company size",
        "employees",
        "number of employees",
        "nb employees",
        "effectif",
        "effectifs",
        "headcount",
        "employee count",
        "nb salaries",
        "nombre de salaries",
        "tranche d effectif",
        "categorie d entreprise",
    ),
    "contract_type": (
        "contract type",
        "contract",
        "type de contrat",
        "contrat",
        "plan",
        "subscription type",
        "billing type",
        "formule",
        "offre contrat",
    ),
    "account_manager": (
        "account manager",
        "owner",
        "deal owner",
        "account owner",
        "opportunity owner",
        "company owner",
        "contact owner",
        "sales rep",
        "salesperson",
        "sales person",
        "commercial",
        "commercial en charge",
        "responsable",
        "responsable commercial",
        "responsable du compte",
        "charge de compte",
        "charge d affaires",
        "charge de clientele",
        "proprietaire",
        "proprietaire de l affaire",
        "vendeur",
        "key account manager",
        "kam",
        "gestionnaire",
        "assigned to",
        "attribue a",
        "user",
        "utilisateur",
    ),
    "region": (
        "region",
        "territory",
        "territoire",
        "zone",
        "secteur geographique",
        "pays",
        "country",
        "state",
        "departement",
        "ville",
        "city",
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
        "potentiel annuel",
        "wallet",
        "share of wallet",
        "estimated potential",
    ),
    "start_date": (
        "start date",
        "client since",
        "customer since",
        "became a customer date",
        "date de debut",
        "date debut",
        "debut contrat",
        "debut de contrat",
        "first purchase",
        "first order",
        "contract start",
        "contract start date",
        "date d entree",
        "created date",
        "date de creation",
        "client depuis",
        "since",
    ),
    "activity_type": (
        "activity type",
        "type",
        "type d activite",
        "activity",
        "interaction type",
        "type d interaction",
        "canal",
        "channel",
        "action",
    ),
    "hours": (
        "hours",
        "duration",
        "duree",
        "duree h",
        "heures",
        "nb heures",
        "nombre d heures",
        "time spent",
        "temps passe",
        "hours spent",
        "duration hours",
        "effort",
        "effort hours",
        "temps",
        "activity duration",
    ),
}

REQUIRED = ("client", "amount")
ROLE_LABELS = {
    "client": N_("Client (identifier)"),
    "name": N_("Client name"),
    "amount": N_("Amount (revenue)"),
    "date": N_("Date"),
    "margin": N_("Margin"),
    "stage": N_("Deal stage"),
    "product": N_("Product"),
    "status": N_("Client status"),
    "sector": N_("Sector"),
    "size": N_("Size"),
    "contract_type": N_("Contract type"),
    "account_manager": N_("Account manager"),
    "region": N_("Region"),
    "cac": N_("Acquisition cost (CAC)"),
    "potential": N_("Potential"),
    "start_date": N_("Client since"),
    "activity_type": N_("Activity type"),
    "hours": N_("Hours"),
}
# Synonyms too generic to match as part of a longer header ("Deal name" is not the client).
_EXACT_ONLY = {
    "name",
    "nom",
    "type",
    "user",
    "total",
    "value",
    "date",
    "client",
    "account",
    "compte",
    "since",
}
_YEAR = re.compile(r"^(.*?)\s*((?:19|20)\d{2})$")


def fold(header: object) -> str:
    """Lowercase, strip accents and punctuation: ``"Chiffre d'Affaires (€)"`` -> ``"chiffre d affaires"``."""
    text = unicodedata.normalize("NFKD", str(header))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)  # units in brackets: "(EUR)", "[h]"
    text = re.sub(r"(?<=[a-z])(?=(?:19|20)\d{2}\b)", " ", text)  # "CA2024" -> "ca 2024"
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _candidates(folded: dict[str, str], synonym: str, level: int) -> list[str]:
    """Columns matching a synonym: 0 exact, 1 exact up to a year (latest year first), 2 prefix or suffix."""
    if level == 0:
        return [c for c, f in folded.items() if f == synonym]
    if level == 1:
        dated = [
            (int(m.group(2)), c) for c, f in folded.items() if (m := _YEAR.match(f)) and m.group(1) == synonym
        ]
        return [c for _, c in sorted(dated, reverse=True)]
    if synonym in _EXACT_ONLY or len(synonym) <= 3:
        return []
    return [c for c, f in folded.items() if f.startswith(synonym + " ") or f.endswith(" " + synonym)]


def recognise(columns: Iterable[object], roles: Iterable[str] | None = None) -> dict[str, str]:
    """Map roles to column names by header synonyms; each column used at most once.

    Exact synonym matches win over a synonym followed by a year ("CA 2024", the
    latest year first), which win over partial ones (a header that starts or
    ends with a synonym, e.g. "Amount (EUR) excl. VAT" or "Net invoice
    amount"). Within a level, roles are served in the order of ``SYNONYMS``
    and each role's synonyms in their order.

    Examples
    --------
    >>> recognise(["Société", "Chiffre d'affaires", "Commercial"])
    {'client': 'Société', 'amount': "Chiffre d'affaires", 'account_manager': 'Commercial'}
    >>> recognise(["Code client", "Raison sociale", "CA 2023", "CA 2024"])
    {'client': 'Code client', 'name': 'Raison sociale', 'amount': 'CA 2024'}
    """
    cols = [str(c) for c in columns]
    folded = {c: fold(c) for c in cols}
    wanted = list(roles) if roles is not None else list(SYNONYMS)
    mapping: dict[str, str] = {}
    for level in (0, 1, 2):
        for role in wanted:
            if role in mapping:
                continue
            free = {c: f for c, f in folded.items() if c not in mapping.values()}
            for synonym in SYNONYMS[role]:
                found = _candidates(free, synonym, level)
                if found:
                    mapping[role] = found[0]
                    break
    return {role: mapping[role] for role in wanted if role in mapping}
