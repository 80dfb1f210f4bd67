"""Characters that never belong in what authors write: invisible control characters and direction overrides.

A control character (an escape, a NUL) breaks the CSV readers and terminals that later read the
content; a bidirectional override or isolate (U+202E …) makes text display in another order than
it is stored, so that a name, an id or a link reads as something it is not ("Trojan Source").
Tab, line feed and carriage return are ordinary text. One rule, for every way text comes in:
the files as read (files.py), values that YAML escapes produce (yamlfile.py), and the values of
the commands that write content tables (signoff, the imports).
"""

from __future__ import annotations

import re

UNSAFE_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f"  # C0 controls but tab, line feed and carriage return
    "\x7f-\x9f"  # delete and the C1 controls
    "\u061c\u200e\u200f"  # direction marks
    "\u202a-\u202e\u2066-\u2069]"  # direction embeddings, overrides and isolates
)


def has_unsafe_characters(text: str) -> str | None:
    """The first character of ``text`` that is refused, as ``U+001B``; None when there is none."""
    found = UNSAFE_CHARACTER.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"
