"""The words of the analysis: its codes and values put into sentences in a translator's language.

The analysis returns values and codes (action ids, reason codes, churn reason codes, KPI ids); the
pages, the workbook, the deck and the CLI all word them here, so they show the same text. The English
texts are the catalog's msgids (``N_`` marks them for ``make messages``).
"""

from __future__ import annotations

import string
from collections.abc import Mapping

import pandas as pd

from portfolio_core.analysis.segments import RANGE, user_name
from portfolio_core.i18n import Translator
from portfolio_core.ingest.columns import ROLE_LABELS
from portfolio_core.message import N_

ACTION_TEXTS = {  # the moves of analysis.actions.ACTIONS
    "advocate": N_("Retain and delight; ask for a referral, a testimonial or a case study"),
    "retain": N_("Retain: secure the relationship"),
    "develop_potential": N_("Develop: unmet potential"),
    "grow_wallet": N_("Develop: grow the share of wallet"),
    "reprice": N_("Reprice or let go: costs more than it brings"),
    "serve_cheaper": N_("Serve more cheaply: fewer visits, remote contact"),
    "light_touch": N_("Light touch: no extra time"),
}
REASON_TEXTS = {  # the reasons of analysis.actions.recommend, but "bought_years" (a plural)
    "share": N_("{share} of revenue"),
    "unmet_potential": N_("{amount} a year of potential not yet sold"),
    "no_potential_column": N_("mid-sized client; no potential column to size the gap"),
    "no_activity_log": N_("{share} of revenue; no activity log to weigh the time it takes"),
    "effort_margin": N_("{hours} h of effort for {margin} of margin (profit {profit})"),
    "effort_revenue": N_("{hours} h of effort for {revenue} of revenue"),
}
CHURN_REASONS = {  # the churn_reason codes of analysis.kpis.churn_risk
    "own_pace": N_(
        "Last purchase {days} days ago; usually buys every {interval} days ({times}x the usual interval)"
    ),
    "one_purchase": N_(
        "Only one purchase, {days} days ago; regular clients buy every {interval} days "
        "({times}x the usual interval)"
    ),
    "two_days": N_(
        "Bought on two days only, last {days} days ago; regular clients buy every {interval} days "
        "({times}x the usual interval)"
    ),
    "no_benchmark": N_("Too few purchases and no regular buyer to compare with"),
    "no_sale": N_("No won sale in the data"),
}
KPI_NEEDS = {  # the need codes of analysis.kpis.missing_kpis
    "dated_sales": N_("needs a date column on the sales (one row per invoice or deal, with its date)"),
    "dated_sales_or_start": N_("needs a date column on the sales or a contract start date on the clients"),
    "margin": N_("needs a margin column on the sales"),
    "margin_for_clv": N_("needs a margin column on the sales (CLV is margin per year x expected lifetime)"),
    "dated_sales_for_clv": N_("needs a date column on the sales (for margin per year and retention)"),
    "cac": N_("needs an acquisition cost (CAC) column on the clients"),
    "stages": N_("needs a deal stage column (won, lost, open)"),
    "open_deals": N_("needs a deal stage column with open deals"),
    "activities": N_("needs an activity log (client, date, type)"),
    "potential": N_("needs a potential column on the clients"),
    "indicators": N_("need client columns such as product usage, web visits, clicks or satisfaction (NPS)"),
}
# Codes of the analysis shown as their own English word: measures, migration states, quadrants, the
# cross matrix's groups, risk levels, activity types, the activity log's "type" column as a label,
# deal stages and client statuses, and the words for a blank choice or value.
VOCABULARY = (
    N_("revenue"), N_("margin"), N_("new"), N_("lost"),
    N_("Keep"), N_("Develop"), N_("Serve cheaper"), N_("Reconsider"),
    N_("Core clients to keep"), N_("Clients to develop"), N_("Clients to serve economically"),
    N_("High"), N_("Medium"), N_("Low"), N_("Unknown"), N_("No purchase"),
    N_("call"), N_("email"), N_("meeting"), N_("visit"), N_("support ticket"), N_("other"), N_("Type"),
    N_("won"), N_("open"), N_("active"), N_("prospect"), N_("former"), N_("partner"),
    N_("(none)"), N_("(not set)"),
)  # fmt: skip
COLUMN_LABELS = {  # the canonical client columns, as labels (a user's own header is shown as written)
    "sector": N_("Sector"),
    "size": N_("Size"),
    "contract_type": N_("Contract type"),
    "account_manager": N_("Account manager"),
    "region": N_("Region"),
    "status": N_("Status"),
    "cac": N_("Cac"),
    "potential": N_("Potential"),
    "start_date": N_("Start date"),
    "amount": N_("Amount"),
    "stage": N_("Stage"),
    "cac (range)": N_("Cac (range)"),
    "potential (range)": N_("Potential (range)"),
}


def fill(template: str, index: pd.Index, **columns: pd.Series) -> pd.Series:
    """``template`` filled row by row with text columns, vectorised (any placeholder order).

    Examples
    --------
    >>> fill("{b} after {a}", pd.Index([0]), a=pd.Series(["x"]), b=pd.Series(["y"])).tolist()
    ['y after x']
    """
    out = pd.Series("", index=index, dtype=object)
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        out = out + literal
        if name:
            out = out + columns[name].astype(object)
    return out


# The number each placeholder of the reasons stands for: (column of ``recommend``, decimals, percent).
REASON_NUMBERS = {
    "share": ("revenue_share", 1, True),
    "amount": ("unmet_potential", 0, False),
    "hours": ("hours", 1, False),
    "margin": ("margin", 0, False),
    "profit": ("profit", 0, False),
    "revenue": ("revenue", 0, False),
}


def action_words(actions: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """``action`` and ``reason`` in ``t``'s language for the codes and values of
    :func:`portfolio_core.analysis.actions.recommend`, indexed like ``actions``."""
    idx = actions.index
    action = actions["action"].map({code: t(ACTION_TEXTS[code]) for code in actions["action"].unique()})

    def fill_in(template: str, rows: pd.Index) -> pd.Series:
        """``template`` for ``rows``, each placeholder's number formatted for those rows only."""
        numbers = {
            name: t.numbers(actions.loc[rows, column].fillna(0), decimals, percent=percent)
            for name, (column, decimals, percent) in REASON_NUMBERS.items()
            if "{" + name + "}" in template
        }
        return fill(template, rows, **numbers)

    reason = pd.Series("", index=idx, dtype=object)
    for code, rows in actions.groupby("reason", sort=False).groups.items():
        if code == "bought_years":  # a plural: one template per number of years
            years = actions.loc[rows, "buying_years"].astype("int64")
            for n, same in years.groupby(years).groups.items():
                template = t.plural(
                    "{share} of revenue, bought in {n} year", "{share} of revenue, bought in {n} years", n,
                    share="{share}",
                )  # fmt: skip
                reason[same] = fill_in(template, same)
        else:
            reason[rows] = fill_in(t(REASON_TEXTS[str(code)]), rows)
    return pd.DataFrame({"action": action, "reason": reason}, index=idx)


def churn_reasons(table: pd.DataFrame, t: Translator) -> pd.Series:
    """Why each client has its churn risk, in ``t``'s language, from the ``churn_reason`` codes and
    the values of :func:`portfolio_core.analysis.kpis.churn_risk`."""
    texts = {
        "days": t.numbers(table["days_since_purchase"].fillna(0)),
        "interval": t.numbers(table["reference_days"].fillna(0)),
        "times": t.numbers(table["lateness"].fillna(0), 1),
    }
    out = pd.Series("", index=table.index, dtype=object)
    for code, rows in table.groupby("churn_reason", sort=False).groups.items():
        out[rows] = fill(t(CHURN_REASONS[str(code)]), rows, **{k: v[rows] for k, v in texts.items()})
    return out


def kpi_needs(missing: Mapping[str, str], t: Translator) -> dict[str, str]:
    """What each KPI the data does not allow needs, in ``t``'s language (``missing`` comes from
    :func:`portfolio_core.analysis.kpis.missing_kpis`: KPI name -> need code)."""
    return {kpi: t(KPI_NEEDS[need]) for kpi, need in missing.items()}


def rebalancing_words(hints: list[tuple[str, str, float, float]], t: Translator) -> list[str]:
    """The sentences of :func:`portfolio_core.analysis.segments.rebalancing_hints`'s findings.

    Examples
    --------
    >>> rebalancing_words([("Ann", "A", 10, 2.5)], Translator("en"))
    ['Ann holds 10 A clients, 4.0x the median of the others (2.5): consider handing some over.']
    """
    nouns = {"A": t("A clients"), "hours": t("hours of effort")}
    return [
        t(
            "{name} holds {value} {noun}, {ratio}x the median of the others ({median}): "
            "consider handing some over.",
            name=name,
            value=t.number(value),
            noun=nouns[column],
            ratio=t.number(value / median, 1),
            median=f"{median:.4g}".replace(".", "," if t.lang == "fr" else "."),
        )
        for name, column, value, median in hints
    ]


def column_label(column: str, names: Mapping[str, str], t: Translator) -> str:
    """A client column's label: the user's own header as written, or the app's translated label for
    a canonical column the user did not name (the demo's ``account_manager`` -> "Account manager").

    Examples
    --------
    >>> en = Translator("en")
    >>> column_label("sector", {"sector": "Segment"}, en), column_label("account_manager", {}, en)
    ('Segment', 'Account manager')
    >>> column_label("ARR band", {}, en)  # a column of the user's that no role took: kept as written
    'ARR band'
    """
    base = column.removesuffix(RANGE)
    if base in names or base not in ROLE_LABELS:
        return user_name(column, names)
    return t(COLUMN_LABELS[column]) if column in COLUMN_LABELS else t.label(column)


SIGNAL_TEXTS = {  # the signals of analysis.health.SIGNALS
    "revenue_trend": N_("Revenue trend"),
    "activity": N_("Probability still active"),
    "margin": N_("Margin rate"),
    "effort_trend": N_("Revenue per hour trend"),
    "win_rate_trend": N_("Win-rate trend"),
}
LEVEL_TEXTS = {
    "healthy": N_("Healthy"),
    "watch": N_("Watch"),
    "at_risk": N_("At risk"),
}  # analysis.health.LEVELS
RFM_SEGMENT_TEXTS = {  # analysis.rfm.SEGMENTS
    "champions": N_("Champions"),
    "loyal": N_("Loyal"),
    "potential_loyalists": N_("Potential loyalists"),
    "new": N_("New"),
    "at_risk": N_("At risk"),
    "need_attention": N_("Need attention"),
    "hibernating": N_("Hibernating"),
    "lost": N_("Lost"),
}
PRICING_MEASURE_TEXTS = {"margin_rate": N_("Margin rate"), "revenue_per_hour": N_("Revenue per hour")}
BRIDGE_STEP_TEXTS = {  # analysis.retention.STEPS
    "start": N_("Last period"),
    "expansion": N_("Expansion"),
    "contraction": N_("Contraction"),
    "churned": N_("Churned"),
    "new": N_("New"),
    "end": N_("This period"),
}
