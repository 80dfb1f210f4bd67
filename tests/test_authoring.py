"""Issue 11: every mistake an author makes comes back as its root cause, first, without a cascade.

Each ``tests/cases/author-*`` case makes one mistake; its ``expected.txt`` (checked in
test_cases.py) holds the exact messages. Here: the rule that holds for all of them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import generate

from .conftest import BUILD_DATE, CASES, PUBLIC_NAMES_NOTE, SOURCE_DATE_EPOCH, content_tree

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


def run_check(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "check", *options, "content"], cwd=project,
                          capture_output=True, text=True, check=False, env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


def test_check_says_so_when_all_is_well(tmp_path: Path) -> None:
    result = run_check(content_tree(tmp_path, "_started"))
    assert result.returncode == 0 and result.stdout == ""
    assert re.fullmatch(r"geen problemen gevonden in \d+ bestanden\n", result.stderr)


def test_check_advises_on_a_work_process_in_no_format(tmp_path: Path) -> None:
    result = run_check(content_tree(tmp_path, "advice-work-process-in-no-format"))
    assert result.returncode == 0
    assert result.stdout == (CASES / "advice-work-process-in-no-format/check.txt").read_text(encoding="utf-8")


def test_check_says_which_work_process_holds_overall_levels_at_0(tmp_path: Path) -> None:
    """The base tree: nobody is signed off on 'bewaken' yet, so both operators stay at overall level 0."""
    result = run_check(content_tree(tmp_path))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "content/formats/operator.yml:7: info: nog niemand met format 'Operator' is afgetekend op werkproces 'bewaken', "
        "dus het houdt het totaalniveau van 2 medewerker(s) op 0 tot de eerste aftekeningen binnen zijn "
        "(het totaalniveau is het laagste niveau) [work-process-unstarted]",
        PUBLIC_NAMES_NOTE,
    ]


def test_check_counts_errors_and_never_speaks_of_a_build(tmp_path: Path) -> None:
    result = run_check(content_tree(tmp_path, "author-yaml-tab"))
    assert result.returncode == 1
    assert result.stderr == "1 fout(en) en 0 waarschuwing(en) in de inhoud\n"
    assert "niet gebouwd" not in result.stderr


def test_check_as_json_is_an_array_with_one_message_per_line(tmp_path: Path) -> None:
    result = run_check(content_tree(tmp_path, "author-removed-source"), "--format", "json")
    lines = result.stdout.splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    note, message = json.loads(result.stdout)
    assert note["code"] == "personal-data-public" and note["severity"] == "info"
    assert json.loads(lines[2]) == message
    assert message["file"] == "content/work-processes/opstarten.md" and message["line"] == 9
    assert message["severity"] == "error" and message["code"] == "unknown-source"
    assert message["message"].startswith("onbekende bron 'handboek-1998'")
    # The README's problem matcher for VS Code matches the line.
    assert re.match(r'^\{"file": "(.*?)", "line": (\d+), "column": null, "severity": "(error|warning|info)", '
                    r'"code": "(.*?)", "message": "(.*)"\},?$', lines[1])
