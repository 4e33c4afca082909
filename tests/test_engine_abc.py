"""The engine's A/B/C classes (portfolio_core/engine/abc.py) against classify_abc."""

from __future__ import annotations

import ibis
import numpy as np
import pandas as pd
import pytest

from portfolio_core.analysis.abc import classify_abc
from portfolio_core.engine.abc import abc_classes
from portfolio_core.ingest.demo import demo_portfolio


def engine_classes(values: pd.Series, a: float = 0.8, b: float = 0.95) -> pd.Series:
    table = ibis.memtable(pd.DataFrame({"client": values.index.astype(str), "value": values.to_numpy()}))
    out = ibis.duckdb.connect().to_pyarrow(abc_classes(table, a, b)).to_pandas()
    return out.set_index("client")["abc_class"].sort_index()


def pandas_classes(values: pd.Series, a: float = 0.8, b: float = 0.95) -> pd.Series:
    classes = classify_abc(values, a, b)["abc_class"].astype(str)
    classes.index = classes.index.astype(str)
    return classes.sort_index()


def test_ties_share_a_class_and_the_top_client_is_a():
    # 1000 then four ties of 1: before(1) = 1000/1004 for all four -> C; the dominant client is A
    values = pd.Series([1000.0, 1.0, 1.0, 1.0, 1.0], index=list("vwxyz"))
    assert engine_classes(values).tolist() == ["A", "C", "C", "C", "C"]
    # equal values straddling the A cut-off: 40, 40, 20 -> before = 0, 0, 0.8 -> A, A, B
    assert engine_classes(pd.Series([40.0, 40.0, 20.0], index=list("abc"))).tolist() == ["A", "A", "B"]


def test_non_positive_values_are_c():
    values = pd.Series([10.0, 0.0, -5.0], index=list("abc"))
    assert engine_classes(values).tolist() == ["A", "C", "C"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_equal_to_classify_abc_on_values_with_many_ties(seed):
    rng = np.random.default_rng(seed)
    values = pd.Series(rng.integers(-5, 60, 2000).astype(float), index=[f"c{i}" for i in range(2000)])
    for a, b in ((0.8, 0.95), (0.5, 0.9), (0.7, 1.0)):
        pd.testing.assert_series_equal(
            engine_classes(values, a, b), pandas_classes(values, a, b), check_names=False
        )


def test_equal_to_classify_abc_on_the_demo():
    values = demo_portfolio().values()
    pd.testing.assert_series_equal(engine_classes(values), pandas_classes(values), check_names=False)
