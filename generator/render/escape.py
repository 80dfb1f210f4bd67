"""Escaping of content values for the Markdown (with inline HTML) that the templates write.

Values from YAML and CSV are text, never markup. HTML-escaping alone is not enough
in Markdown: a ``*`` or ``|`` in a title would still format text or split a table
cell. Markdown's own backslash escapes do not work inside HTML blocks, so the
special characters become numeric character references, which both Markdown and
HTML show as the plain character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

# One table for both languages, applied in one pass (a second pass would escape the first one's "&#").
_SPECIALS = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]#|!\"'"} | {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}


def escape_text(value: Any) -> Markup:
    """A value shown as plain text in Markdown or HTML, on one line."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, int):
        return Markup(value)
    return _escape_str(str(value))


@lru_cache(maxsize=65536)
def _escape_str(text: str) -> Markup:
    # Cached: a large site shows the same titles and names on thousands of rows.
    escaped = " ".join(text.split()).translate(_SPECIALS)
    # At the start of a line "- x", "+ x" or "1. x" would begin a list; a value may stand there.
    if escaped[:1] in ("-", "+"):
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    elif match := _ORDERED_LIST.match(escaped):
        escaped = f"{match.group(1)}&#46;{escaped[match.end():]}"
    return Markup(escaped)


_ORDERED_LIST = re.compile(r"^(\d+)\.")
_URL_UNSAFE = {ord(c): f"%{ord(c):02X}" for c in "()<>\"'`| "}


def escape_url(value: str) -> Markup:
    """A (validated) web address as a Markdown link target: characters that end or break it are percent-encoded."""
    return Markup(str(escape(value.translate(_URL_UNSAFE))))


def escape_html(value: str) -> str:
    """Escape for places that are HTML but not Markdown: page titles in front matter and navigation."""
    return str(escape(value))
