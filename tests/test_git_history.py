"""The content's git history (issue 21): dates of last change, edit links, and the checks on what changed.

Each test makes a small git repository of the base fixture in a temporary folder, with fixed commit dates.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import generate
from generator.diagnostics import Report
from generator.generate import Result
from generator.git import State, parse_log, read_history

from .conftest import BUILD_DATE, build_site, content_tree, with_site_config

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

SOURCE = "content/sources/sop-opstarten.md"
WORK_PROCESS = "content/work-processes/opstarten.md"


def git(project: Path, *arguments: str, date: str = "2026-01-10") -> str:
    stamp = f"{date}T12:00:00+01:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "Auteur",
           "GIT_AUTHOR_EMAIL": "auteur@example.org", "GIT_COMMITTER_NAME": "Auteur", "GIT_COMMITTER_EMAIL": "auteur@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", *arguments], cwd=project, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(project: Path, date: str, message: str = "change") -> None:
    git(project, "add", "-A", date=date)
    git(project, "commit", "-q", "-m", message, date=date)


def repository(tmp_path: Path) -> Path:
    project = content_tree(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    commit(project, "2026-01-10", "first")
    return project


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def built(project: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.chdir(project)
    return generate(Path("content"), build_date=BUILD_DATE)


def codes(result: Result) -> list[str]:
    return [f"{m.location}:{m.code}" for m in result.report.in_file_order()]


def markdown(result: Result, path: str) -> str:
    assert result.site is not None
    return next(page.markdown for page in result.site.pages if page.path == path)


# --- reading the history ---------------------------------------------------------------------


def test_the_log_is_parsed_in_one_pass() -> None:
    log = ("\x1eaaa 2026-03-01T23:30:00-05:00\0\nsources/a.md\0work-processes/b.md\0"
           "\x1ebbb 2026-02-01T10:00:00+01:00\0"  # a merge: no files
           "\x1eccc 2026-01-01T10:00:00+01:00\0\nsources/a.md\0")
    found = parse_log(log)
    assert [(r.commit, r.date) for r in found["sources/a.md"]] == [("aaa", dt.date(2026, 3, 1)), ("ccc", dt.date(2026, 1, 1))]
    assert [r.commit for r in found["work-processes/b.md"]] == ["aaa"]  # the author's own date, not the build machine's


def test_outside_a_repository_nothing_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = built(content_tree(tmp_path), monkeypatch)
    assert codes(result) == []
    assert "Laatst bijgewerkt" not in markdown(result, "werkprocessen/opstarten.md")


def test_pages_show_the_date_of_their_files_last_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)
    edit(project, WORK_PROCESS, "Het opstarten van de installatie.", "Het opstarten van de hele installatie.")
    commit(project, "2026-02-20")
    result = built(project, monkeypatch)
    assert codes(result) == []
    assert "- **Laatst bijgewerkt:** 20-02-2026" in markdown(result, "werkprocessen/opstarten.md")
    assert "| Laatst bijgewerkt | 10-01-2026 |" in markdown(result, "bronnen/sop-opstarten.md")
    assert "Auteur" not in "".join(page.markdown for page in result.site.pages)  # who changed it: never shown


def test_the_same_history_builds_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)
    first, second = built(project, monkeypatch), built(project, monkeypatch)
    assert first.site == second.site


def test_a_shallow_clone_is_said_once_and_shows_no_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)
    edit(project, SOURCE, "1. Controleer", "1. Controleer eerst")
    commit(project, "2026-02-01")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", str(clone))
    result = built(clone, monkeypatch)
    assert codes(result) == ["content:git-shallow"]
    assert "Laatst bijgewerkt" not in markdown(result, "bronnen/sop-opstarten.md")


def test_without_git_a_repository_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    result = built(project, monkeypatch)
    assert codes(result) == ["content:git-unavailable"]
    assert result.site is not None


def test_a_git_error_is_said_once_with_gits_own_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = content_tree(tmp_path / "project")
    (project / ".git").write_text("gitdir: /nowhere/at/all\n", encoding="utf-8")
    result = built(project, monkeypatch)
    assert codes(result) == ["content:git-unavailable"]
    assert "/nowhere/at/all" in result.catalogue.line(result.report.messages[0])


def test_the_history_may_be_switched_off(tmp_path: Path) -> None:
    project = repository(tmp_path)
    result = generate(project / "content", build_date=BUILD_DATE, git_history=False)
    assert "Laatst bijgewerkt" not in markdown(result, "werkprocessen/opstarten.md")


def test_the_log_is_read_relative_to_the_content_folder(tmp_path: Path) -> None:
    project = repository(tmp_path)
    history = read_history(project / "content", Report())
    assert history.state is State.READ
    assert "sources/sop-opstarten.md" in history.revisions
    assert history.prefix == "content/"


# --- a source's text changed after `changed:` --------------------------------------------------


def test_a_text_changed_after_changed_is_a_warning_with_the_line_to_add(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)  # p-001 was signed off on opstarten-1-01 (cites the source) on 2026-03-02
    edit(project, SOURCE, "1. Controleer", "1. Controleer eerst")
    commit(project, "2026-04-01")
    result = built(project, monkeypatch)
    assert codes(result) == [f"{SOURCE}:2:source-changed-in-git"]
    line = result.catalogue.lines(result.report.in_file_order())[0]
    assert "'changed: 2026-04-01'" in line
    # Setting `changed:` as the message says clears it (the commit that sets it is the change it records).
    edit(project, SOURCE, "status: valid", "changed: 2026-04-01\nstatus: valid")
    commit(project, "2026-04-02")
    assert codes(built(project, monkeypatch)) == []


def test_the_commit_that_sets_changed_is_not_a_later_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)
    edit(project, SOURCE, "1. Controleer", "1. Controleer eerst")
    edit(project, SOURCE, "status: valid", "changed: 2026-03-30\nstatus: valid")
    commit(project, "2026-04-01")  # committed two days after the date it gives
    assert codes(built(project, monkeypatch)) == []


def test_a_change_of_the_header_only_is_no_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)
    edit(project, SOURCE, 'version: "1.0"', 'version: "1.1"')
    commit(project, "2026-04-01")
    assert codes(built(project, monkeypatch)) == []


def test_a_change_before_anyone_was_signed_off_is_no_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)  # the first evidence: p-002's direct assessment of 2025-01-15
    edit(project, SOURCE, "reviewed: 2026-01-01", "reviewed: 2024-01-01")
    commit(project, "2024-01-02")  # commit dates need not follow the order of the commits
    edit(project, SOURCE, "1. Controleer", "1. Controleer eerst")
    commit(project, "2024-12-01")
    assert codes(built(project, monkeypatch)) == []


def test_a_reviewed_change_needs_no_re_instruction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)
    edit(project, SOURCE, "1. Controleer", "1. Controleer eerst")
    edit(project, SOURCE, "reviewed: 2026-01-01", "reviewed: 2026-04-01")
    commit(project, "2026-04-01")
    assert codes(built(project, monkeypatch)) == []


# --- a criterion's level changed under its sign-offs -------------------------------------------


def test_a_criterion_moved_to_another_level_names_its_sign_offs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)  # opstarten-1-01 at level 1 when p-001 was signed off on 2026-03-02
    edit(project, WORK_PROCESS, "  - id: opstarten-1-01\n    level: 1", "  - id: opstarten-1-01\n    level: 2")
    commit(project, "2026-05-01")
    result = built(project, monkeypatch)
    assert codes(result) == [f"{WORK_PROCESS}:5:criterion-level-changed"]
    line = result.catalogue.lines(result.report.in_file_order())[0]
    assert re.search(r"niveau 1 toen 1 aftekening\(en\).*nu op niveau 2", line), line


def test_a_sign_off_after_the_move_is_not_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = repository(tmp_path)
    edit(project, WORK_PROCESS, "  - id: opstarten-1-01\n    level: 1", "  - id: opstarten-1-01\n    level: 2")
    commit(project, "2026-02-01")  # before the sign-off of 2026-03-02
    assert codes(built(project, monkeypatch)) == []


# --- edit links --------------------------------------------------------------------------------


def test_pages_record_the_file_they_come_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = built(content_tree(tmp_path), monkeypatch)
    assert result.site is not None
    files = {page.path: page.source_file for page in result.site.pages}
    assert files["werkprocessen/opstarten.md"] == "work-processes/opstarten.md"
    assert files["bronnen/sop-opstarten.md"] == "sources/sop-opstarten.md"
    assert files["index.md"] == "pages/index.md"
    assert files["werkprocessen/index.md"] == ""  # an index of many files


def test_mkdocs_links_each_public_page_to_its_content_file(tmp_path: Path) -> None:
    project = with_site_config(content_tree(tmp_path / "project"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nrepo_url: https://git.example.org/opleiden\n"
                      "edit_uri: edit/main/content/\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "werkprocessen" / "opstarten" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://git.example.org/opleiden/edit/main/content/work-processes/opstarten.md"' in page
    overview = (tmp_path / "site" / "werkprocessen" / "index.html").read_text(encoding="utf-8")
    assert "edit/main" not in overview
