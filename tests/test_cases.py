"""Every content mistake, one small content tree per case, with the exact messages expected.

Run with ``UPDATE_GOLDEN=1`` to rewrite the expected files — then read every line
of the diff before committing it: these files are the specification of the messages.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import generate

from .conftest import BUILD_DATE, CASES, content_tree

CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def messages(project: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(project)
    result = generate(Path("content"), build_date=BUILD_DATE)
    return result.catalogue.lines(result.report.in_file_order())


def test_base_tree_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert messages(content_tree(tmp_path), monkeypatch) == []


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case_messages(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = messages(content_tree(tmp_path, case), monkeypatch)
    expected_file = CASES / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text("\n".join(found) + "\n", encoding="utf-8")
    assert found == expected_file.read_text(encoding="utf-8").splitlines()
