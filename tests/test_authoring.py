"""Issue 11: every mistake an author makes comes back as its root cause, first, without a cascade.

Each ``tests/cases/author-*`` case makes one mistake; its ``expected.txt`` (checked in
test_cases.py) holds the exact messages. Here: the rule that holds for all of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import generate

from .conftest import BUILD_DATE, CASES, content_tree

AUTHOR_CASES = sorted(p.name for p in CASES.iterdir() if p.name.startswith("author-"))
MAX_MESSAGES = 3  # for one mistake; a message that names many places counts once


@pytest.mark.parametrize("case", AUTHOR_CASES)
def test_one_mistake_gives_its_root_cause_first(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(content_tree(tmp_path, case))
    result = generate(Path("content"), build_date=BUILD_DATE)
    messages = result.report.in_file_order()
    expected_code = (CASES / case / "code.txt").read_text(encoding="utf-8").strip()
    assert 1 <= len(messages) <= MAX_MESSAGES
    assert messages[0].code == expected_code
    # No "did you mean" that points at another record: the cited record is the one that is wrong.
    assert not [m for m in messages[1:] if m.code.startswith("unknown-")]
