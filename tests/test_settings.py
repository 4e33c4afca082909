"""The one settings object: the URL and the saved record in and out, validated once."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_core.analysis.effort import DEFAULT_HOURS
from portfolio_core.analysis.settings import AnalysisSettings

# What the app wrote into a saved analysis before the settings object (no effort, no language).
OLD_RECORD = {
    "a": 70,
    "b": 90,
    "rule": "spreadsheet",
    "by": "margin",
    "all": True,
    "within": True,
    "filters": {"Segment": ["Corporate", "SMB"]},
}


def test_a_bare_link_gives_the_80_95_defaults_and_the_stock_effort_assumptions():
    s = AnalysisSettings.from_query({})
    assert (s.a_pct, s.b_pct, s.a, s.b) == (80, 95, 0.8, 0.95)
    assert (s.rule, s.measure, s.include_inactive, s.within, s.filters) == (
        "before",
        "revenue",
        False,
        False,
        (),
    )
    assert (s.hourly_cost, s.hourly_cost_set) == (60.0, False)
    assert s.default_hours == DEFAULT_HOURS and s.currency is None


def test_a_link_is_read_as_the_sliders_would_show_it():
    s = AnalysisSettings.from_query(
        {"a": ["70"], "b": ["90"], "rule": ["spreadsheet"], "by": ["margin"], "all": ["1"], "within": ["1"],
         "f.sector": ["Retail", "Services"], "f.Region": ["North"]},
        lang="fr",
    )  # fmt: skip
    assert (s.a_pct, s.b_pct, s.rule, s.measure, s.include_inactive, s.within) == (
        70, 90, "spreadsheet", "margin", True, True,
    )  # fmt: skip
    assert s.filter_dict == {"Region": ("North",), "sector": ("Retail", "Services")}
    assert s.lang == "fr"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"a": ["0"], "b": ["95"]}, (80, 95)),  # A out of range: the default
        ({"a": ["abc"], "b": ["101"]}, (80, 95)),
        ({"a": ["90"], "b": ["60"]}, (90, 91)),  # B not above A: moved just above it
        ({"a": ["99"], "b": ["50"]}, (99, 100)),
        ({"a": ["72.9"], "b": ["95"]}, (72, 95)),  # the sliders move by whole percents
        ({"rule": ["nonsense"], "by": ["profit"]}, (80, 95)),
    ],
)
def test_a_hand_edited_link_still_opens(query, expected):
    s = AnalysisSettings.from_query(query)
    assert (s.a_pct, s.b_pct) == expected and s.rule == "before" and s.measure == "revenue"


def test_the_url_keeps_its_parameters_and_leaves_out_the_defaults():
    s = AnalysisSettings(a_pct=70, b_pct=90, filters=(("sector", ("Retail",)),), within=True)
    assert s.to_query() == {"a": ["70"], "b": ["90"], "lang": ["en"], "within": ["1"], "f.sector": ["Retail"]}
    # the filters by the user's own header
    assert s.to_query({"sector": "Segment"}.get)["f.Segment"] == ["Retail"]
    assert AnalysisSettings.from_query(s.to_query()) == s


def test_a_record_saved_by_the_previous_app_opens_with_the_default_effort_assumptions():
    s = AnalysisSettings.from_record(OLD_RECORD)
    assert (s.a_pct, s.b_pct, s.rule, s.measure, s.include_inactive, s.within) == (
        70, 90, "spreadsheet", "margin", True, True,
    )  # fmt: skip
    assert s.filter_dict == {"Segment": ("Corporate", "SMB")}
    assert (s.hourly_cost, s.hourly_cost_set, s.default_hours) == (60.0, False, DEFAULT_HOURS)
    # written back in the new shape: the old keys unchanged, the effort and presentation added
    record = s.to_record()
    assert {k: record[k] for k in OLD_RECORD} == OLD_RECORD
    assert record["hourly_cost"] is None and record["durations"] == DEFAULT_HOURS
    assert (record["lang"], record["currency"]) == ("en", None)


def test_the_hourly_cost_and_edited_durations_survive_a_save():
    s = AnalysisSettings(chosen_hourly_cost=45.0).with_changes(durations={"call": 0.5})
    back = AnalysisSettings.from_record(s.to_record())
    assert (back.hourly_cost, back.hourly_cost_set) == (45.0, True)
    assert back.default_hours == {**DEFAULT_HOURS, "call": 0.5}


def test_a_damaged_record_falls_back_value_by_value():
    s = AnalysisSettings.from_record(
        {
            "a": "x",
            "b": 60,
            "hourly_cost": -5,
            "durations": {"call": "abc", "visit": 2, "nap": 8},
            "filters": 3,
        }
    )
    assert (s.a_pct, s.b_pct, s.hourly_cost_set, s.filters) == (80, 81, False, ())
    assert s.default_hours == {**DEFAULT_HOURS, "visit": 2.0}


@pytest.mark.parametrize(
    "changes",
    [
        {"a_pct": 95, "b_pct": 80},
        {"a_pct": 0},
        {"b_pct": 101},
        {"rule": "excel"},
        {"measure": "profit"},
        {"chosen_hourly_cost": -1.0},
        {"durations": (("call", -0.5),)},
    ],
)
def test_settings_are_validated_once_where_they_are_made(changes):
    with pytest.raises(ValueError):
        AnalysisSettings(**changes)


def test_the_caches_key_only_on_what_a_result_depends_on():
    s = AnalysisSettings(a_pct=70, filters=(("sector", ("Retail",)),), chosen_hourly_cost=45.0, lang="fr")
    assert s.scope_only() == AnalysisSettings(filters=s.filters)
    assert s.ranking_only() == AnalysisSettings(a_pct=70, filters=s.filters)


@given(
    a=st.integers(1, 98),
    gap=st.integers(1, 99),
    cost=st.none() | st.floats(0, 1e6, allow_nan=False),
    call=st.floats(0, 24, allow_nan=False),
    values=st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=3),
)
def test_any_settings_come_back_from_their_record_and_their_link(a, gap, cost, call, values):
    s = AnalysisSettings(
        a_pct=a, b_pct=min(100, a + gap), chosen_hourly_cost=cost, filters=(("sector", tuple(values)),)
    ).with_changes(durations={"call": call})
    assert AnalysisSettings.from_record(s.to_record()) == s
    from_link = AnalysisSettings.from_query(s.to_query())
    assert from_link == s.with_changes(chosen_hourly_cost=None, durations={})  # the link holds no effort
