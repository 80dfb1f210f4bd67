"""What ``python3 dev.py site`` tells the user after a build (issue 23): how to look at the site it built."""

from __future__ import annotations

from pathlib import Path

import dev


def test_a_normal_build_says_to_serve_it_not_to_open_index_html() -> None:
    """Opened from the folder, a normal build shows folder listings and no search: it needs a web server."""
    hint = dev.viewing_hint(Path("/x/site"), offline=False)
    assert "python3 dev.py serve" in hint and "--offline" in hint
    assert "open /x/site/index.html" not in hint


def test_an_offline_build_says_to_open_its_index_html() -> None:
    hint = dev.viewing_hint(Path("/x/site"), offline=True)
    assert "open /x/site/index.html" in hint and "dev.py serve" not in hint
