"""Characters a one-line value must not hold: invisible ones that break a table or hide what it says.

A control character (an ANSI escape pasted from a terminal, a NUL, a tab or line break in
what should be one line) makes the checker refuse the whole file it lands in; a
bidirectional override makes text display in another order than it is stored, so a
name or note can read differently from what it is.
"""

from __future__ import annotations

import unicodedata

# Marks and overrides of the Unicode bidirectional algorithm (LRM, RLM, LRE…RLO, LRI…PDI).
_BIDI = frozenset({"\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))})
_LINE_BREAKS = frozenset({"\u2028", "\u2029"})  # line and paragraph separator: a new line to some readers


def has_unsafe_characters(text: str) -> str | None:
    """The first character of ``text`` that a one-line value must not hold, as ``U+001B``; None when there is none.

    Control characters (tab, line feed and carriage return among them), line separators
    and bidirectional marks and overrides are refused.
    """
    for character in text:
        if character in _BIDI or character in _LINE_BREAKS or unicodedata.category(character) == "Cc":
            return f"U+{ord(character):04X}"
    return None
