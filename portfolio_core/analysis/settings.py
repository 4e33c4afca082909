"""The settings of an analysis: one frozen object that the URL, the saved record, the pages, the
exports and the CLI all read and write.

- scope: ``filters`` (client column -> kept values), ``include_inactive`` (prospects, former
  clients and partners ranked too), ``within`` (rank the selection among itself);
- ranking: ``a_pct`` and ``b_pct`` (cut-offs in percent, as on the sliders, the URL and the CLI;
  :attr:`~AnalysisSettings.a` and :attr:`~AnalysisSettings.b` give them as fractions), ``rule``
  and ``measure``;
- effort: ``chosen_hourly_cost`` (None until the user sets one: :attr:`~AnalysisSettings.hourly_cost`
  is then :data:`DEFAULT_HOURLY_COST`) and ``durations`` (hours per activity type logged without one);
- presentation: ``lang`` and ``currency`` (an ISO code such as ``"EUR"``, or None when unknown).

The constructor validates; :meth:`~AnalysisSettings.from_query` and
:meth:`~AnalysisSettings.from_record` read what a user or an older app wrote and fall back to the
defaults on a value out of range, as a link or a saved analysis must always open.

Examples
--------
>>> s = AnalysisSettings.from_query({"a": ["70"], "b": ["90"], "f.sector": ["Retail"]})
>>> s.a_pct, s.a, s.b, s.filters
(70, 0.7, 0.9, (('sector', ('Retail',)),))
>>> s.to_query()
{'a': ['70'], 'b': ['90'], 'lang': ['en'], 'f.sector': ['Retail']}
>>> AnalysisSettings.from_record(s.to_record()) == s
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast, get_args

from portfolio_core.analysis.abc import DEFAULT_A_PCT, DEFAULT_B_PCT
from portfolio_core.analysis.effort import DEFAULT_HOURS
from portfolio_core.ingest.parsing import CURRENCIES

Rule = Literal["before", "spreadsheet"]
Measure = Literal["revenue", "margin"]
RULES: tuple[Rule, ...] = get_args(Rule)
MEASURES: tuple[Measure, ...] = get_args(Measure)
DEFAULT_HOURLY_COST = 60.0  # used, and said to be a default, until the user sets an hourly cost
FILTER_PREFIX = "f."  # ?f.sector=Retail&f.sector=Services
Filters = tuple[tuple[str, tuple[str, ...]], ...]
Durations = tuple[tuple[str, float], ...]


def _filters(mapping: Mapping[str, Sequence[Any]]) -> Filters:
    """Filters in their one shape: sorted by column, values as text, empty ones dropped."""
    return tuple(sorted((str(c), tuple(str(v) for v in vs)) for c, vs in mapping.items() if vs))


def _durations(mapping: Mapping[str, Any]) -> Durations:
    """Every activity type's duration: the given ones (0 or more) over :data:`DEFAULT_HOURS`."""
    given = {}
    for kind, hours in mapping.items():
        number = _number(hours)
        if kind in DEFAULT_HOURS and number is not None and number >= 0:
            given[kind] = number
    return tuple({**DEFAULT_HOURS, **given}.items())


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _cutoffs(a: Any, b: Any) -> tuple[int, int]:
    """Cut-offs read from a link or a record: whole percents, A in 1-99 and B in 2-100 (else the
    default), B moved above A when it is not."""
    a_num, b_num = _number(a), _number(b)
    a_pct = int(a_num) if a_num is not None and 1 <= a_num <= 99 else DEFAULT_A_PCT
    b_pct = int(b_num) if b_num is not None and 2 <= b_num <= 100 else DEFAULT_B_PCT
    return (a_pct, b_pct) if b_pct > a_pct else (a_pct, min(100, a_pct + 1))


def _percent_text(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class AnalysisSettings:
    """Everything that describes an analysis besides its data (see the module docstring)."""

    filters: Filters = ()
    include_inactive: bool = False
    within: bool = False
    a_pct: float = DEFAULT_A_PCT
    b_pct: float = DEFAULT_B_PCT
    rule: Rule = "before"
    measure: Measure = "revenue"
    chosen_hourly_cost: float | None = None
    durations: Durations = field(default_factory=lambda: tuple(DEFAULT_HOURS.items()))
    lang: str = "en"
    currency: str | None = None

    def __post_init__(self) -> None:
        if not 0 < self.a_pct < self.b_pct <= 100:
            raise ValueError(
                f"cut-offs must satisfy 0 < A < B <= 100 (got A {self.a_pct:g}, B {self.b_pct:g})"
            )
        if self.rule not in RULES:
            raise ValueError(f"the ABC rule must be one of {', '.join(RULES)} (got {self.rule!r})")
        if self.measure not in MEASURES:
            raise ValueError(
                f"the ranking measure must be one of {', '.join(MEASURES)} (got {self.measure!r})"
            )
        if self.chosen_hourly_cost is not None and not self.chosen_hourly_cost >= 0:
            raise ValueError(f"the hourly cost must be 0 or more (got {self.chosen_hourly_cost:g})")
        if any(hours < 0 for _kind, hours in self.durations):
            raise ValueError("activity durations must be 0 hours or more")

    # --- derived values -------------------------------------------------------------------------

    @property
    def a(self) -> float:
        """The A cut-off as a fraction (0.8 for 80 %)."""
        return self.a_pct / 100

    @property
    def b(self) -> float:
        """The B cut-off as a fraction."""
        return self.b_pct / 100

    @property
    def hourly_cost(self) -> float:
        """The hourly cost in use: the user's, else :data:`DEFAULT_HOURLY_COST`."""
        return DEFAULT_HOURLY_COST if self.chosen_hourly_cost is None else float(self.chosen_hourly_cost)

    @property
    def hourly_cost_set(self) -> bool:
        """Whether the user chose the hourly cost (False: the files and pages say it is a default)."""
        return self.chosen_hourly_cost is not None

    @property
    def default_hours(self) -> dict[str, float]:
        """Hours per activity type logged without a duration."""
        return dict(self.durations)

    @property
    def filter_dict(self) -> dict[str, tuple[str, ...]]:
        """The filters as a mapping, column -> kept values."""
        return dict(self.filters)

    def scope_only(self) -> AnalysisSettings:
        """These settings with only what picks the clients (filters, scope); the rest as defaults.
        A cache keyed on it is not recomputed when a cut-off or the hourly cost moves."""
        return AnalysisSettings(filters=self.filters, include_inactive=self.include_inactive)

    def ranking_only(self) -> AnalysisSettings:
        """These settings with only what the classes depend on (scope and ranking): no effort or
        presentation."""
        return replace(self.scope_only(), within=self.within, a_pct=self.a_pct, b_pct=self.b_pct,
                       rule=self.rule, measure=self.measure)  # fmt: skip

    def with_changes(self, **changes: Any) -> AnalysisSettings:
        """A copy with some fields changed, normalised (filters and durations take mappings)."""
        if "filters" in changes and isinstance(changes["filters"], Mapping):
            changes["filters"] = _filters(changes["filters"])
        if "durations" in changes and isinstance(changes["durations"], Mapping):
            changes["durations"] = _durations(changes["durations"])
        return replace(self, **changes)

    # --- the URL --------------------------------------------------------------------------------

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]], lang: str = "en") -> AnalysisSettings:
        """Settings from a link's parameters (each a list of values, as ``st.query_params.to_dict``
        with ``get_all`` gives them): ``a``, ``b`` in percent, ``rule``, ``by``, ``all``,
        ``within``, ``cur`` (a currency code the user set) and one ``f.<column>`` per filtered
        column. Anything unknown or out of range takes the default. The language is read by the
        caller (it also looks at the browser)."""

        def first(name: str) -> str | None:
            values = query.get(name) or []
            return str(values[0]) if values else None

        a_pct, b_pct = _cutoffs(first("a"), first("b"))
        rule = first("rule")
        currency = (first("cur") or "").upper()
        return cls(
            filters=_filters(
                {k[len(FILTER_PREFIX) :]: list(v) for k, v in query.items() if k.startswith(FILTER_PREFIX)}
            ),
            include_inactive=first("all") == "1",
            within=first("within") == "1",
            a_pct=a_pct,
            b_pct=b_pct,
            rule=cast(Rule, rule) if rule in RULES else "before",
            measure="margin" if first("by") == "margin" else "revenue",
            lang=lang,
            currency=currency if currency in set(CURRENCIES.values()) else None,
        )

    def to_query(self, column_name: Callable[[str], str] = str) -> dict[str, list[str]]:
        """The link's parameters: the cut-offs and the language, then what differs from the
        defaults; ``column_name`` names a filtered column in the URL (the user's header)."""
        query = {"a": [_percent_text(self.a_pct)], "b": [_percent_text(self.b_pct)], "lang": [self.lang]}
        if self.rule != "before":
            query["rule"] = [self.rule]
        if self.measure != "revenue":
            query["by"] = [self.measure]
        if self.include_inactive:
            query["all"] = ["1"]
        if self.within:
            query["within"] = ["1"]
        if self.currency:
            query["cur"] = [self.currency]
        query.update({FILTER_PREFIX + column_name(col): list(values) for col, values in self.filters})
        return query

    # --- the saved record -----------------------------------------------------------------------

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> AnalysisSettings:
        """Settings saved with an analysis, by this app or an older one (which saved no hourly
        cost, durations, language or currency: those take the defaults)."""
        a_pct, b_pct = _cutoffs(record.get("a"), record.get("b"))
        rule, lang, currency = record.get("rule"), record.get("lang"), record.get("currency")
        cost = _number(record.get("hourly_cost"))
        filters = record.get("filters")
        durations = record.get("durations")
        return cls(
            filters=_filters(filters if isinstance(filters, Mapping) else {}),
            include_inactive=bool(record.get("all", False)),
            within=bool(record.get("within", False)),
            a_pct=a_pct,
            b_pct=b_pct,
            rule=cast(Rule, rule) if rule in RULES else "before",
            measure="margin" if record.get("by") == "margin" else "revenue",
            chosen_hourly_cost=cost if cost is not None and cost >= 0 else None,
            durations=_durations(durations if isinstance(durations, Mapping) else {}),
            lang=lang if isinstance(lang, str) and lang else "en",
            currency=currency if isinstance(currency, str) and currency else None,
        )

    def to_record(self, column_name: Callable[[str], str] = str) -> dict[str, Any]:
        """The JSON-ready record saved with an analysis (the shape of older records, plus the
        effort and presentation fields); ``column_name`` as in :meth:`to_query`."""
        return {
            "a": self.a_pct,
            "b": self.b_pct,
            "rule": self.rule,
            "by": self.measure,
            "all": self.include_inactive,
            "within": self.within,
            "filters": {column_name(col): list(values) for col, values in self.filters},
            "hourly_cost": self.chosen_hourly_cost,
            "durations": dict(self.durations),
            "lang": self.lang,
            "currency": self.currency,
        }
