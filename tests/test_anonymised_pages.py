"""Anonymised mode (?anon=1, or the toggle on the Export page) on screen: no analysis page shows a
client's name or identifier, only labels such as A-001 (issue #18). The Data and Saved analyses
pages show the files and analyses as they are: they are where the data is loaded and kept."""

from __future__ import annotations

import re
from itertools import chain

import pytest

from portfolio_core.ingest.demo import demo_portfolio
from tests.conftest import each_tab

PAGES = ["abc", "effort", "kpis", "health", "segments", "managers", "clients", "export", "present"]


def _protos(node, out: list[bytes]) -> list[bytes]:
    """Every element of the page as its serialised message: texts, tables, chart data, options."""
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "SerializeToString"):
        out.append(proto.SerializeToString())
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else ():
        _protos(child, out)
    return out


@pytest.fixture(scope="module")
def names() -> list[bytes]:
    clients = demo_portfolio().clients
    return sorted({n.encode() for n in clients["name"].dropna()}, key=len, reverse=True)


@pytest.mark.parametrize("page", PAGES)
def test_an_anonymised_page_shows_labels_never_a_client(app, names, page):
    app.query_params["anon"] = "1"
    app.run()
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception and not app.error
    # the page as opened, then each of its tabs
    shown = b"\n".join(part for _ in chain([None], each_tab(app)) for part in _protos(app._tree, []))
    leaked = [n.decode() for n in names if n in shown]
    assert not leaked, f"{page} shows {leaked[:5]}"
    assert not re.search(rb"C\d{4}", shown), f"{page} shows a client identifier"
    if page in ("abc", "clients", "health"):  # pages that list clients show their labels
        assert re.search(rb"[ABC]-\d{3}", shown)


def test_without_the_mode_the_pages_name_the_clients(app, names):
    app.run()
    app.switch_page("pages/abc.py").run()
    shown = b"\n".join(_protos(app._tree, []))
    assert any(n in shown for n in names)  # the test above would catch a leak
