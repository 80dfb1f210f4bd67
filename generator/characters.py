"""Characters that do not belong in a single-line value an author or a spreadsheet hands us.

Control characters are invisible and break what they land in (an escape sequence
recolours a terminal, a NUL ends a C string, a tab shifts a CSV column); bidirectional
overrides, isolates and marks make text display in another order than it is stored,
so a name or an id can read as something it is not ("Trojan Source").
"""

from __future__ import annotations

import re

# C0 controls (tab, line feed and carriage return among them: a single-line value has none),
# DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def has_unsafe_characters(text: str) -> str | None:
    """The first unsafe character of a single-line value as ``U+001B``; None when the text is clean."""
    match = _UNSAFE.search(text)
    return None if match is None else f"U+{ord(match.group()):04X}"
