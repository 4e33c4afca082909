"""A deterministic demo portfolio: a plausible B2B company with a skewed revenue."""

from __future__ import annotations

import numpy as np
import pandas as pd

from portfolio_core.ingest.portfolio import Portfolio
from portfolio_core.message import N_

SECTORS = ("Manufacturing", "Services", "Retail", "Healthcare", "Construction", "Software", "Public sector")
SIZES = ("Micro", "Small", "Medium", "Large")
CONTRACTS = ("Subscription", "Framework agreement", "One-off project")
REGIONS = ("Île-de-France", "Auvergne-Rhône-Alpes", "Occitanie", "Hauts-de-France", "Grand Est", "Bretagne")
MANAGERS = ("Claire Martin", "Julien Bernard", "Sophie Dubois", "Karim Haddad", "Émilie Laurent")
ACTIVITY_HOURS = {"Call": 0.25, "Email": 0.1, "Meeting": 1.0, "Visit": 3.0, "Support ticket": 0.5}
_PREFIX = ("Alpha", "Nordis", "Azur", "Vertex", "Lumen", "Atlas", "Orion", "Helio", "Cobalt",
           "Sirius", "Delta", "Opale", "Quartz", "Boreal", "Cedre", "Aster", "Nova", "Pixel",
           "Arcade", "Rivage", "Granit", "Iris", "Kappa", "Zephyr", "Mistral")  # fmt: skip
_SUFFIX = ("Industrie", "Logistique", "Conseil", "Santé", "Bâtiment", "Systèmes", "Distribution",
           "Énergie", "Médical", "Services", "Habitat", "Digital", "Transports", "Agro", "Finance",
           "Ingénierie", "Textile", "Packaging", "Robotique", "Labs", "Immobilier")  # fmt: skip
COUNTS = {"active": 400, "prospect": 60, "former": 45, "partner": 15}
END = pd.Timestamp("2026-10-31")
START = END - pd.DateOffset(years=3) + pd.Timedelta(days=1)


def _names(rng: np.random.Generator, n: int) -> list[str]:
    pairs = [f"{p} {s}" for p in _PREFIX for s in _SUFFIX]
    picked = rng.choice(len(pairs), size=n, replace=False)
    return [pairs[i] for i in picked]


def demo_portfolio(seed: int = 7) -> Portfolio:
    """The built-in demo: ~400 active clients plus prospects, former clients and partners.

    Three years of deals (won, lost, open, with margin) and an activity log
    with hours; revenue follows a heavy-tailed law as in a real portfolio, and
    effort is only loosely tied to revenue, so some small clients eat time.
    Same seed, same portfolio.
    """
    rng = np.random.default_rng(seed)
    n = sum(COUNTS.values())
    status = np.repeat(list(COUNTS), list(COUNTS.values()))
    ids = [f"C{i:04d}" for i in range(1, n + 1)]
    size_idx = rng.choice(len(SIZES), size=n, p=[0.3, 0.35, 0.25, 0.1])
    clients = pd.DataFrame(
        {
            "name": _names(rng, n),
            "status": status,
            "sector": rng.choice(SECTORS, size=n),
            "size": np.array(SIZES)[size_idx],
            "contract_type": rng.choice(CONTRACTS, size=n, p=[0.45, 0.3, 0.25]),
            "account_manager": rng.choice(MANAGERS, size=n, p=[0.28, 0.22, 0.2, 0.18, 0.12]),
            "region": rng.choice(REGIONS, size=n),
        },
        index=pd.Index(ids, name="client"),
    )
    # Yearly spend: heavy tail, larger companies spend more.
    annual = np.exp(rng.normal(9.2 + 0.6 * size_idx, 1.35, size=n)).round(-1)
    clients["cac"] = (np.exp(rng.normal(7.2 + 0.35 * size_idx, 0.5, size=n))).round(-1)
    clients["potential"] = (annual * np.exp(rng.normal(0.45, 0.4, size=n))).round(-2)
    clients["start_date"] = END - pd.to_timedelta(rng.integers(60, 365 * 11, size=n), unit="D")
    clients["start_date"] = clients["start_date"].dt.normalize()

    deals = []
    for i, cid in enumerate(ids):
        first = max(START, clients["start_date"].iloc[i])
        last = END - pd.Timedelta(days=int(rng.integers(400, 900))) if status[i] == "former" else END
        if status[i] == "partner" or last <= first:
            continue
        span = (last - first).days
        recurring = 2.0 if clients["contract_type"].iloc[i] == "Subscription" else 1.0
        k = max(1, rng.poisson((4 + 3 * size_idx[i]) * recurring * span / 1095))
        days = np.sort(rng.integers(0, span + 1, size=k))
        amounts = annual[i] * span / 365 / k * np.exp(rng.normal(0, 0.35, size=k))
        stage = rng.choice(["won", "lost", "open"], size=k, p=[0.72, 0.2, 0.08])
        if status[i] == "prospect":
            stage = np.where(stage == "won", "lost", stage)
        stage = np.where((stage == "open") & (days < span - 150), "lost", stage)
        if status[i] in ("active", "former") and not (stage == "won").any():
            stage[0] = "won"
        deals.append(
            pd.DataFrame(
                {
                    "client": cid,
                    "date": first + pd.to_timedelta(days, unit="D"),
                    "amount": amounts.round(2),
                    "margin": (amounts * rng.uniform(0.15, 0.45)).round(2),
                    "stage": stage,
                    "product": rng.choice(["Licence", "Consulting", "Support", "Training"], size=k),
                }
            )
        )
    transactions = pd.concat(deals, ignore_index=True)

    # Effort: loosely tied to revenue, with a few demanding clients.
    demanding = np.exp(rng.normal(0, 1.0, size=n))
    acts = []
    for i, cid in enumerate(ids):
        if status[i] == "former":
            continue
        k = int(rng.poisson(3 + 9 * np.log1p(annual[i] / 8000) * demanding[i]))
        if k == 0:
            continue
        types = rng.choice(list(ACTIVITY_HOURS), size=k, p=[0.3, 0.2, 0.25, 0.1, 0.15])
        hours = np.array([ACTIVITY_HOURS[t] for t in types]) * np.exp(rng.normal(0, 0.3, size=k))
        acts.append(
            pd.DataFrame(
                {
                    "client": cid,
                    "date": START + pd.to_timedelta(rng.integers(0, 1095, size=k), unit="D"),
                    "type": types,
                    "hours": hours.round(2),
                }
            )
        )
    activities = pd.concat(acts, ignore_index=True).sort_values(["date", "client"], ignore_index=True)
    return Portfolio(clients, transactions, activities, source=N_("Demo portfolio"))
