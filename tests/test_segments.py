"""Segments and managers: hand-computed mixes, global vs within classes, migration, CLI filters."""

import json

import pandas as pd
import pytest

from portfolio_core import classify_abc
from portfolio_core.analysis.segments import (
    classify_selection,
    compare,
    cross_matrix,
    migration,
    rebalancing_hints,
    segment_frame,
    select,
    yearly_classes,
)
from portfolio_core.i18n import Translator
from portfolio_core.report.words import rebalancing_words
from tests.test_cli import cli

# Six clients, total 1000. Ranked: a 400, b 250, c 150, d 100, e 60, f 40.
# before: a 0, b .4, c .65, d .8, e .9, f .96  -> with A 80 / B 95: A a b c, B d e, C f.
VALUES = pd.Series({"a": 400.0, "b": 250.0, "c": 150.0, "d": 100.0, "e": 60.0, "f": 40.0})
SECTOR = pd.Series({"a": "Retail", "b": "Food", "c": "Retail", "d": "Food", "e": "Retail", "f": "Food"})


def test_segment_mix_by_hand():
    table = compare(classify_abc(VALUES), SECTOR, pd.Series({"a": 10.0, "b": 5.0, "f": 5.0}))
    assert table.loc["Retail", ["clients", "A", "B", "C"]].tolist() == [3, 2, 1, 0]  # a c | e
    assert table.loc["Food", ["clients", "A", "B", "C"]].tolist() == [3, 1, 1, 1]  # b | d | f
    assert table.loc["Retail", "revenue"] == 610.0 and table.loc["Food", "revenue_share"] == 0.39
    assert table.loc["Retail", "effort_share"] == 0.5  # a 10 of 20 hours
    assert table.loc["Food", "revenue_per_hour"] == 39.0  # 390 / 10
    assert table.loc["Retail", "largest_client_share"] == pytest.approx(400 / 610)


def test_classes_are_global_by_default_and_within_on_request():
    food = pd.Index(["b", "d", "f"])
    global_ = classify_selection(VALUES, food)["abc_class"].to_dict()
    assert global_ == {"b": "A", "d": "B", "f": "C"}  # as in the whole portfolio
    # within Food (total 390): before b 0, d 250/390 = .64, f 350/390 = .897 -> A A B
    within = classify_selection(VALUES, food, within=True)["abc_class"].to_dict()
    assert within == {"b": "A", "d": "A", "f": "B"}


def test_filters_combine_columns_with_and_values_with_or():
    seg = pd.DataFrame({"sector": SECTOR, "size": ["L", "S", "S", "L", "S", "S"]}, index=SECTOR.index)
    assert list(select(seg, {"sector": ("Food",), "size": ("S",)})) == ["b", "f"]
    assert list(select(seg, {"size": ("S", "L")})) == list("abcdef")


def test_numeric_columns_are_bucketed():
    clients = pd.DataFrame({"employees": [str(n) for n in range(1, 101)]})
    seg = segment_frame(clients)
    assert list(seg.columns) == ["employees (range)"]
    assert seg["employees (range)"].nunique() == 4
    assert seg["employees (range)"].value_counts().tolist() == [25, 25, 25, 25]


def test_migration_matrix_on_two_hand_made_periods():
    before = pd.Series({"a": 500.0, "b": 300.0, "c": 150.0, "d": 50.0})  # A A B C (before .5 .8 .95)
    after = pd.Series({"a": 100.0, "b": 600.0, "c": 250.0, "e": 50.0})  # b A; c .6 A; a .85 B; e .95 C
    moves, dropped = migration(before, after)
    cells = {(r["from"], r["to"]): r["clients"] for _, r in moves.iterrows()}
    assert cells == {("A", "B"): 1, ("A", "A"): 1, ("B", "A"): 1, ("C", "lost"): 1, ("new", "C"): 1}
    assert sorted(dropped.index) == ["a", "d"]  # a fell from A to B, d stopped buying
    assert moves.set_index(["from", "to"]).loc[("A", "B"), "revenue_after"] == 100.0


def test_crossed_matrix_groups():
    # revenue classes: x A, y B, z C; potential: z has the largest potential -> potential A
    revenue_classes = pd.Series({"x": "A", "y": "B", "z": "C"})
    potential = pd.Series({"x": 100.0, "y": 10.0, "z": 900.0})
    cells = cross_matrix(revenue_classes, potential, pd.Series({"x": 80.0, "y": 20.0, "z": 5.0}), 0.8, 0.95)
    # potential before: z 0 -> A, x .9 -> B, y .99 -> C
    filled = cells[cells["clients"] > 0].set_index(["revenue_class", "potential_class"])
    keep, develop = "Core clients to keep", "Clients to develop"
    assert filled["group"].to_dict() == {("A", "B"): keep, ("B", "C"): keep, ("C", "A"): develop}
    assert filled.loc[("C", "A"), "unmet"] == 895.0 and filled.loc[("B", "C"), "unmet"] == 0.0


def test_rebalancing_hint_names_the_overloaded_manager():
    books = pd.DataFrame({"A": [4, 4, 5], "hours": [100.0, 400.0, 120.0]}, index=["Ann", "Bob", "Cy"])
    # Bob's 400 hours against the median of Ann's 100 and Cy's 120 (110): over 1.5 times
    assert rebalancing_hints(books) == [("Bob", "hours", 400.0, 110.0)]
    (hint,) = rebalancing_words(rebalancing_hints(books), Translator("en"))
    assert (
        hint
        == "Bob holds 400 hours of effort, 3.6x the median of the others (110): consider handing some over."
    )


def test_cli_segment_filters_and_within_selection(tmp_path):
    path = tmp_path / "clients.csv"
    rows = "\n".join(f"{c},{v},{SECTOR[c]}" for c, v in VALUES.items())
    path.write_text("Client,Revenue,Sector\n" + rows + "\n", encoding="utf-8")
    food = json.loads(cli("summary", str(path), "--segment", "sector=Food", "--json").stdout)
    assert food["clients"] == 3
    assert {c: v["clients"] for c, v in food["classes"].items()} == {"A": 1, "B": 1, "C": 1}
    within = json.loads(
        cli("summary", str(path), "--segment", "Sector=Food", "--within-selection", "--json").stdout
    )
    assert {c: v["clients"] for c, v in within["classes"].items()} == {"A": 2, "B": 1, "C": 0}
    bad = cli("summary", str(path), "--segment", "sector=Toys")
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "Toys" in bad.stderr


def test_yearly_classes_of_undated_sales_have_no_year_instead_of_failing():
    # an account export without a date column (issue #13): the client card's "Class over time"
    sales = pd.DataFrame({"client": ["x", "y"], "amount": [90.0, 10.0]})
    table = yearly_classes(sales, pd.Index(["x", "y"]))
    assert list(table.index) == ["x", "y"] and list(table.columns) == []
