"""User-facing texts as data: an English template and its values, put into words where they are shown.

The pipeline (ingest, analysis, store) returns :class:`Message` objects or codes, never translated
sentences; ``ui/`` and ``report/`` translate them with a :class:`portfolio_core.i18n.Translator`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def N_(text: str) -> str:
    """Mark a text for the catalog without translating it (it is translated where it is shown)."""
    return text


@dataclass(frozen=True)
class Message:
    """A user-facing text: its English template and values, translated where it is shown.

    Values may be messages themselves (a detail inside a sentence). ``str()`` is the English text.

    Examples
    --------
    >>> m = Message("Analysis #{id}: {detail}", {"id": 3, "detail": Message("no {what}", {"what": "x"})})
    >>> fr = {"Analysis #{id}: {detail}": "Analyse n° {id} : {detail}", "no {what}": "pas de {what}"}
    >>> str(m), m.translate(lambda text, **values: fr[text].format(**values))
    ('Analysis #3: no x', 'Analyse n° 3 : pas de x')
    """

    template: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def translate(self, t: Callable[..., str], escape: Callable[[Any], Any] | None = None) -> str:
        """The text in ``t``'s language (``t`` is a :class:`portfolio_core.i18n.Translator`).

        ``escape`` is applied to every value that is not a message (a path, a name, an error text), e.g.
        to show them as plain text in Markdown.
        """
        values = {
            k: v.translate(t, escape) if isinstance(v, Message) else escape(v) if escape else v
            for k, v in self.values.items()
        }
        return t(self.template, **values)

    def __str__(self) -> str:
        values = {k: str(v) for k, v in self.values.items()}
        return self.template.format(**values) if values else self.template
