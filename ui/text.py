"""User text (client names, file names, column values) shown as plain text in Markdown elements.

Streamlit renders titles, captions, messages and labels as Markdown (with LaTeX, colour and emoji
directives): a client called ``**Top** [offer](http://x) $x$`` must appear exactly so.
"""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=@&\"'])")


def plain(text: object) -> str:
    """Escape ``text`` so that Markdown shows it as it is.

    Examples
    --------
    >>> plain("**Acme** <b>")
    '\\\\*\\\\*Acme\\\\*\\\\* \\\\<b\\\\>'
    """
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
