"""The A/B/C classes in the engine, for client counts too large to bring back (DESIGN.md's ABC rule).

With ``T`` the sum of positive values, ``before(v)`` is the sum of the positive values strictly
greater than ``v``, over ``T``: a window sum over the values in descending order with ``RANGE`` (every
client tied with ``v`` is inside the frame), minus the tied clients' own sum. A if ``before < a``, B if
``before < b``, else C; values <= 0 are C. The same as :func:`portfolio_core.analysis.abc.classify_abc`
with ``rule="before"`` (tests/test_engine_abc.py).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from portfolio_core.analysis.abc import _EPS, DEFAULT_A_PCT, DEFAULT_B_PCT


def abc_classes(values: ir.Table, a: float = DEFAULT_A_PCT / 100, b: float = DEFAULT_B_PCT / 100) -> ir.Table:
    """``values`` (columns ``client``, ``value``) with ``before_share`` and ``abc_class`` added."""
    if not 0 < a < b <= 1:
        raise ValueError(f"cut-offs must satisfy 0 < a < b <= 1 (got a={a}, b={b})")
    value = values.value.fill_null(0.0)
    positive = ibis.greatest(value, 0.0)
    up_to = ibis.window(order_by=ibis.desc(value), range=(None, 0))
    above = positive.sum().over(up_to) - positive.sum().over(ibis.window(group_by=value))
    before = ibis.greatest(above / positive.sum().over(ibis.window()), 0.0)
    cls = ibis.cases((value <= 0, "C"), (before < a - _EPS, "A"), (before < b - _EPS, "B"), else_="C")
    return values.mutate(before_share=before, abc_class=cls)
