"""The theme's copies of Material's templates differ from Material's own only where we mean them to.

theme/mkdocs/partials/header.html is Material's header with words for two labels (issue 23). When an
upgrade of Material changes its header, this fails, so that the copy is taken again rather than kept stale.
"""

from __future__ import annotations

from pathlib import Path

import material

from .conftest import ROOT

OURS = ROOT / "theme" / "mkdocs" / "partials" / "header.html"
MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "header.html"

# The lines we add, and the opening of the label (Material's) that each sits in, a few lines above it.
ADDED = {
    '<span class="wgo-sr-only">{{ lang.t(\'nav\') }}</span>': 'for="__drawer">',
    '<span class="wgo-sr-only">{{ lang.t(\'search\') }}</span>': 'for="__search">',
}


def _without_comments(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    while "{#" in text:
        start = text.index("{#")
        text = text[:start] + text[text.index("#}", start) + 2:]
    return [line for line in text.splitlines() if line.strip()]


def test_the_header_is_materials_own_plus_the_two_labels() -> None:
    ours = _without_comments(OURS.read_text(encoding="utf-8").splitlines())
    theirs = _without_comments(MATERIAL.read_text(encoding="utf-8").splitlines())
    added = [(i, line.strip()) for i, line in enumerate(ours) if line.strip() in ADDED]
    assert [line for _, line in added] == list(ADDED)
    for i, line in added:
        assert ADDED[line] in " ".join(ours[i - 3:i]), (line, ours[i - 3:i])
    assert [line for line in ours if line.strip() not in ADDED] == theirs
