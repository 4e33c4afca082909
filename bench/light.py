"""Light load: 20 sessions at once moving the A slider, over Streamlit's own websocket protocol.

No browser: each session is a websocket client that speaks like Streamlit's frontend (``BackMsg``
``rerun_script`` out, ``ForwardMsg`` in), so the timings measure the server, not 20 chromiums on
its cores. A session opens /abc on the demo portfolio, then sets "A cut-off (%)" one step at a
time; a step is timed from the rerun request to ``script_finished``, and counts only when the
"A clients" metric it got back is the count :func:`classify_abc` gives for the new cut-off (a
rerun that ignored the value fails). Errors: exception or error elements, a page not found, a
run that did not finish, a disconnect, a timeout. The figures are p50 and p95 of the steps of the
20 sessions against the median step of a single session alone in the same run.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from bench.common import Row
from portfolio_core import classify_abc, demo_portfolio
from tests.browser.harness import running_app

SESSIONS = 20
MOVES = 10
B = 95
LIMIT_S = 600
TIMEOUT_S = 120  # one rerun
SLIDER = "A cut-off (%)"
METRIC = "A clients"


class AppError(Exception):
    """The app answered a rerun with an error, or not as asked."""


class Session:
    """One websocket session, holding what the frontend keeps between reruns."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.page_hash = ""  # the frontend sends the page's hash once the server has named it
        self.query = ""
        self.cached: set[str] = set()  # hashes of large messages the frontend would keep
        self.slider_id = ""

    async def rerun(self, page: str = "", value: int | None = None) -> dict[str, str]:
        """Ask for a rerun (with the slider at ``value``); the metrics shown, by label, once it finished."""
        state = ClientState(query_string=self.query, page_script_hash=self.page_hash, page_name=page)
        state.cached_message_hashes.extend(self.cached)
        if value is not None:
            widget = state.widget_states.widgets.add(id=self.slider_id)
            widget.double_array_value.data.append(value)
        await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
        metrics: dict[str, str] = {}
        while True:
            msg = ForwardMsg.FromString(await asyncio.wait_for(self.ws.recv(), TIMEOUT_S))
            kind = msg.WhichOneof("type")
            if msg.metadata.cacheable:
                self.cached.add(msg.hash)
            if kind == "navigation":  # st.navigation names the page it ran
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                raise AppError(f"page not found: {page}")
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                shown = element.WhichOneof("type")
                if shown == "slider" and element.slider.label == SLIDER:
                    self.slider_id = element.slider.id
                elif shown == "metric":
                    metrics[element.metric.label] = element.metric.body
                elif shown == "exception" or (shown == "alert" and element.alert.format == Alert.ERROR):
                    raise AppError(f"{shown} shown")
            elif kind == "script_finished":
                if msg.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    raise AppError(f"script finished with status {msg.script_finished}")
                return metrics


async def _session(
    url: str, start_a: int, expected: dict[int, int], latencies: list[float], errors: list[str],
    ready: asyncio.Barrier,
) -> None:  # fmt: skip
    """Open /abc at ``start_a``, wait for the others (``ready``), then move the A slider MOVES steps."""
    waited = False
    try:
        async with connect(url, subprotocols=["streamlit"], max_size=None) as ws:
            session = Session(ws)
            session.query = f"a={start_a}&b={B}"
            shown = await session.rerun("abc")
            if not session.slider_id or shown.get(METRIC) != str(expected[start_a]):
                raise AppError(f"no slider or {METRIC} {shown.get(METRIC)} at a={start_a}")
            waited = True
            await ready.wait()
            for a in range(start_a + 1, start_a + MOVES + 1):
                start = time.perf_counter()
                shown = await session.rerun("abc", a)
                elapsed = time.perf_counter() - start
                if shown.get(METRIC) != str(expected[a]):
                    raise AppError(f"{METRIC} {shown.get(METRIC)} at a={a}, expected {expected[a]}")
                latencies.append(elapsed)
    except Exception as exc:  # any failure of a session counts as an error
        errors.append(f"{type(exc).__name__}: {exc}"[:200])
        if not waited:
            await ready.wait()  # the others do not wait for this one in vain


async def _run(base: str, expected: dict[int, int]) -> tuple[list[float], list[float], list[str]]:
    url = base.replace("http", "ws", 1) + "/_stcore/stream"
    # The first session after a server start meets Streamlit's pages/ folder mode (deep links are
    # not found): open the root once, as the browser benchmarks do, before measuring.
    async with connect(url, subprotocols=["streamlit"], max_size=None) as ws:
        await Session(ws).rerun()
    alone: list[float] = []
    errors: list[str] = []
    await _session(url, 60, expected, alone, errors, asyncio.Barrier(1))
    together: list[float] = []
    ready = asyncio.Barrier(SESSIONS)
    jobs = [_session(url, 50 + i % 20, expected, together, errors, ready) for i in range(SESSIONS)]
    await asyncio.wait_for(asyncio.gather(*jobs), timeout=LIMIT_S)
    return alone, together, errors


def _a_counts() -> dict[int, int]:
    """The number of A clients of the demo portfolio for every A cut-off (B at 95 %)."""
    values = demo_portfolio().values("revenue", False)
    return {a: int((classify_abc(values, a / 100, B / 100)["abc_class"] == "A").sum()) for a in range(1, B)}


def run() -> list[Row]:
    expected = _a_counts()
    with tempfile.TemporaryDirectory() as tmp, running_app(Path(tmp)) as base:
        alone, together, errors = asyncio.run(_run(base, expected))
    for error in errors:
        print(f"light: {error}")
    p50 = statistics.median(together) if together else float("nan")
    p95 = statistics.quantiles(together, n=20)[18] if len(together) >= 20 else float("nan")
    single = statistics.median(alone) if alone else float("nan")
    done = SESSIONS * MOVES
    return [
        Row(f"{SESSIONS} light sessions: reruns done / errors", len(together), len(errors), "n",
            f"{done} / 0", len(together) == done and not errors),
        Row(f"{SESSIONS} light sessions: p50 rerun vs 1 session", p50, single, "s", "recorded", True),
        Row(f"{SESSIONS} light sessions: p95 rerun vs 1 session", p95, single, "s", "recorded", True),
    ]  # fmt: skip
