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
from urllib.parse import quote

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
# Kept as they are in a web address: its delimiters, and '%' of what is already encoded. Everything
# else (spaces, quotes, parentheses, backticks, '<', '>', '\\', control and non-ASCII characters) is
# percent-encoded, so that nothing can end a Markdown link or an HTML attribute.
_URL_KEEP = "!#$%&*+,/:;=?@[]~"
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# What browsers ignore in an address (WHATWG URL): leading/trailing controls and spaces, tabs and newlines anywhere.
_IGNORED = re.compile(r"[\t\n\r]")
_CONTROLS_AND_SPACE = "".join(map(chr, range(0x21)))
_NOWHERE = Markup("#")


def escape_url(value: str) -> Markup:
    """A web address as a link target: only http, https, mailto and relative addresses pass (anything
    else becomes ``#``, a link to the page itself), percent-encoded and HTML-escaped for an attribute."""
    url = _IGNORED.sub("", value).strip(_CONTROLS_AND_SPACE)
    if not _is_allowed(url):
        return _NOWHERE
    return Markup(str(escape(quote(url, safe=_URL_KEEP))))


def _is_allowed(url: str) -> bool:
    scheme = _SCHEME.match(url)
    if scheme:
        return scheme.group(1).lower() in _SAFE_SCHEMES
    # A relative address, but not one that a browser reads as another host ('//host', '\\host')
    # or whose first segment holds a ':' that is not a scheme.
    return not url.startswith(("//", "\\", "/\\")) and ":" not in re.split(r"[/?#]", url, maxsplit=1)[0]


def escape_html(value: str) -> str:
    """Escape for places that are HTML but not Markdown: page titles in front matter and navigation."""
    return str(escape(value))


def escape_css_string(value: str) -> Markup:
    """Text for inside a quoted CSS string in a ``<style>`` element, where neither HTML escaping nor
    character references work: every character but ASCII letters, digits and spaces as a CSS escape
    (hexadecimal, ended by a space, which CSS takes as part of the escape)."""
    return Markup("".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} " for c in value))
