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
    other: str = ""  # the plural template of a text that depends on ``count`` (see :meth:`plural`)
    count: int | None = None

    @classmethod
    def plural(cls, singular: str, plural: str, n: int, **values: Any) -> Message:
        """A text that depends on a count ``n`` (``{n}`` in the templates), like ``Translator.plural``.

        Examples
        --------
        >>> str(Message.plural("{n} company", "{n} companies", 1200, file="a.csv"))
        '1,200 companies'
        """
        return cls(singular, values, plural, n)

    def translate(self, t: Callable[..., str], escape: Callable[[Any], Any] | None = None) -> str:
        """The text in ``t``'s language (``t`` is a :class:`portfolio_core.i18n.Translator`).

        ``escape`` is applied to every value that is not a message (a path, a name, an error text), e.g.
        to show them as plain text in Markdown.
        """
        values = {
            k: v.translate(t, escape) if isinstance(v, Message) else escape(v) if escape else v
            for k, v in self.values.items()
        }
        if self.count is not None:
            return t.plural(self.template, self.other, self.count, **values)  # type: ignore[attr-defined]
        return t(self.template, **values)

    def __str__(self) -> str:
        values = {k: str(v) for k, v in self.values.items()}
        if self.count is not None:
            return (self.template if self.count == 1 else self.other).format(n=f"{self.count:,}", **values)
        return self.template.format(**values) if values else self.template


class MessageError(Exception):
    """An error whose message is a :class:`Message`: ``str(exc)`` is the English text (the CLI, the
    log), ``exc.translated(t)`` the text in a translator's language (a page).

    Built from an English template and named values: ``LoadError("{file} is empty.", file=name)``.
    """

    def __init__(self, template: str, **values: Any) -> None:
        self.message = Message(template, values)
        super().__init__(str(self.message))

    def translated(self, t: Callable[..., str], escape: Callable[[Any], Any] | None = None) -> str:
        """The message in ``t``'s language (``escape``: see :meth:`Message.translate`)."""
        return self.message.translate(t, escape)
