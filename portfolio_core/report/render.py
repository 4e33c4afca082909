"""Charts rendered to PNG in a process of their own, while this one writes the other files.

vl-convert holds the GIL while it renders: in a thread, it would stop the workbook. Importing this module
is cheap (no Altair), so the renderer can start, and its JavaScript engine with it, before the rest.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import altair as alt

# The program of a :class:`PngRenderer`: it starts vl-convert's JavaScript engine on an empty chart,
# then reads the chart specs (pickled; none when the report stopped) and writes their PNG bytes.
_RENDERER = """
import pickle, sys, vl_convert as vlc
vlc.vegalite_to_png({"mark": "point"})
job = sys.stdin.buffer.read()
if job:
    scale, specs = pickle.loads(job)
    pngs = {key: bytes(vlc.vegalite_to_png(spec, scale=scale)) for key, spec in specs.items()}
    pickle.dump(pngs, sys.stdout.buffer)
"""


class PngRenderer(Mapping[str, bytes]):
    """A process that renders charts to PNG while this one goes on: vl-convert holds the GIL while it
    renders (a thread would stop the workbook), and its engine, half a second to start, starts as soon
    as the renderer is made. Use it as a context manager: :meth:`send` the charts, then read their
    PNGs by key (it is a mapping, waited for on the first read) or all at once (:meth:`result`)."""

    def __init__(self) -> None:
        self.charts: dict[str, alt.TopLevelMixin] = {}
        self.scale: float = 2
        self.pngs: dict[str, bytes] | None = None
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", _RENDERER], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def send(self, charts: Mapping[str, alt.TopLevelMixin], scale: float = 2) -> None:
        """Have ``charts`` rendered (``scale`` as for :func:`chart_png`)."""
        self.charts, self.scale = dict(charts), scale
        specs = {key: chart.to_dict() for key, chart in self.charts.items()}
        with suppress(BrokenPipeError), self.process.stdin as stdin:  # type: ignore[union-attr]
            stdin.write(pickle.dumps((scale, specs)))

    def result(self) -> dict[str, bytes]:
        """The PNGs by chart key: the bytes :func:`chart_png` gives (rendered here if the other process
        failed; its error is on stderr)."""
        if self.pngs is None:
            self.pngs = self._rendered()
        return self.pngs

    def _rendered(self) -> dict[str, bytes]:
        out = self.process.stdout.read()  # type: ignore[union-attr]
        if self.process.wait() == 0:
            return dict(pickle.loads(out))
        from portfolio_core.report.images import chart_png

        return {key: chart_png(chart, self.scale) for key, chart in self.charts.items()}

    def __getitem__(self, key: str) -> bytes:
        return self.result()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.result())

    def __len__(self) -> int:
        return len(self.result())

    def __enter__(self) -> PngRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:  # the report stopped before the charts were rendered
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()
