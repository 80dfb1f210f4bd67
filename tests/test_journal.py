"""Imports and sign-offs are all or nothing, also when the process is stopped halfway (issue 20).

The fault-injection tests run a command in a forked child that stops dead
(``os._exit``) at the n-th named step of :mod:`generator.journal`, for every n,
then check that the tables are exactly the old ones or (with the journal there)
each old or new, that ``check`` refuses a half-written state, and that after the
next command's recovery the content is exactly the old or exactly the new and valid.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import journal
from generator.characters import has_unsafe_characters
from generator.cli import main
from generator.diagnostics import Report
from generator.generate import generate
from generator.journal import JOURNAL, TEMP_SUFFIX, TableChange, recover, write_tables

from .conftest import BUILD_DATE, SOURCE_DATE_EPOCH, content_tree
from .test_import_matrix import seed_csv, with_five_work_processes
from .test_selfassessment_sheet import downloaded

STOPPED = 93  # the exit code of a child stopped at its step
TABLES = ("people.csv", "signoffs.csv", "selfassessments.csv")
SIGNOFF = ["signoff", "p-001", "--criterion", "opstarten-2-01", "--assessor", "p-002", "--date", "2026-10-30", "--note", "vloer"]


@pytest.fixture(autouse=True)
def build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The base fixture with the five work processes of the import-matrix tests, and the seed matrix beside it."""
    root = content_tree(tmp_path / "template") / "content"
    with_five_work_processes(root)
    seed_csv(tmp_path / "matrix.csv")
    return tmp_path


def import_matrix(project: Path, content: Path) -> list[str]:
    return ["import-matrix", str(project / "matrix.csv"), "--format", "operator", "--assessor", "p-002", "--date", "2026-10-01",
            "--content", str(content)]


def tables(content: Path) -> tuple[bytes | None, ...]:
    """Each table's bytes; None for one that is not there (selfassessments.csv may be missing)."""
    return tuple((content / name).read_bytes() if (content / name).exists() else None for name in TABLES)


def leftovers(content: Path) -> list[str]:
    return sorted(name for name in os.listdir(content) if name == JOURNAL or name.endswith(TEMP_SUFFIX))


def codes(content: Path) -> list[str]:
    return [message.code for message in generate(content, build_date=BUILD_DATE).report.messages]


def steps_of(command: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The named steps ``command`` passes, run to the end."""
    names: list[str] = []
    with monkeypatch.context() as patch:
        patch.setattr(journal, "reached", names.append)
        assert main(command) == 0
    return names


def stopped_at(step: int, command: list[str]) -> bool:
    """Run ``command`` in a child that stops dead at its ``step``-th named step; whether it got that far."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)
            os.dup2(quiet, 2)
            counted = iter(range(1, step + 1))
            journal.reached = lambda name: os._exit(STOPPED) if next(counted, None) == step else None  # type: ignore[assignment]
            main(command)
        finally:
            os._exit(0)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == STOPPED


def each_crash(template: Path, work: Path, command: Callable[[Path], list[str]], count: int) -> Iterator[tuple[int, Path]]:
    """For each step 1..count: a fresh copy of ``template`` in which ``command`` was stopped at that step."""
    for step in range(1, count + 1):
        content = work / f"crash-{step}" / "content"
        shutil.copytree(template, content)
        assert stopped_at(step, command(content)), step
        yield step, content


def assert_all_or_nothing(template: Path, work: Path, command: Callable[[Path], list[str]], monkeypatch: pytest.MonkeyPatch) -> int:
    """Stop ``command`` at each of its steps, then (for a journal left) stop the recovery at each of its steps;
    the number of stops."""
    done = work / "done" / "content"
    shutil.copytree(template, done)
    steps = steps_of(command(done), monkeypatch)
    old, new = tables(template), tables(done)
    assert old != new and leftovers(done) == []
    stops = 0
    for step, content in each_crash(template, work, command, len(steps)):
        stops += 1
        if (content / JOURNAL).exists():
            assert all(table in (before, after) for table, before, after in zip(tables(content), old, new, strict=True)), steps[step - 1]
            assert "unfinished-import" in codes(content)  # check and the build refuse a half-written state
            stops += _recover_with_crashes(content, new)
        else:  # before the journal: nothing changed; after it was removed: all changed
            assert tables(content) == (old if step < steps.index("journal in place") + 1 else new), steps[step - 1]
        assert main(["recover", str(content)]) == 0
        assert tables(content) in (old, new), steps[step - 1]
        assert leftovers(content) == []
        assert [code for code in codes(content) if code != "personal-data-public"] == []
    return stops


def _recover_with_crashes(content: Path, new: tuple[bytes, ...]) -> int:
    """Stop the recovery of a copy of ``content`` at each of its steps; a journal is always finished forward."""
    stops = 0
    while True:
        copy = content.parent / f"recovery-{stops + 1}" / "content"
        shutil.copytree(content, copy)
        if not stopped_at(stops + 1, ["recover", str(copy)]):
            return stops
        stops += 1
        assert main(["recover", str(copy)]) == 0
        assert tables(copy) == new and leftovers(copy) == []


def test_import_matrix_is_all_or_nothing_wherever_it_stops(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stops = assert_all_or_nothing(project / "template" / "content", project / "runs", lambda c: import_matrix(project, c), monkeypatch)
    assert stops >= 20


def test_signoff_is_all_or_nothing_wherever_it_stops(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stops = assert_all_or_nothing(project / "template" / "content", project / "runs", lambda c: [*SIGNOFF, "--content", str(c)],
                                  monkeypatch)
    assert stops >= 14


def test_import_selfassessments_is_all_or_nothing_wherever_it_stops(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The table is not there before: stopped anywhere, it is afterwards missing or whole, never empty or half written."""
    template = project / "template" / "content"
    sheet = downloaded(template, project, B4="2026-10-20", E7=2, E8=1, F8="zelf gedaan")
    stops = assert_all_or_nothing(template, project / "runs", lambda c: ["import-selfassessments", str(sheet), str(c)], monkeypatch)
    assert stops >= 10


class _Stopped(BaseException):
    """The process stopped dead at a step (raised in place of os._exit, so the test goes on in this process)."""


def test_a_table_the_command_created_is_removed_when_rolled_back(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = project / "template" / "content"
    people = (content / "people.csv").read_bytes()
    changes = [TableChange(name="selfassessments.csv", old=b"", new=b"person,work_process,level,date,note\n"),
               TableChange(name="people.csv", old=people, new=people + b"p-099,Nieuw,ploeg-1,operator,,yes\n")]

    def stop(step: str) -> None:
        if step == "renamed selfassessments.csv":
            raise _Stopped

    monkeypatch.setattr(journal, "reached", stop)
    with pytest.raises(_Stopped):
        write_tables(content, changes, Report())
    monkeypatch.undo()
    assert (content / "selfassessments.csv").exists() and (content / JOURNAL).exists()
    temp = content / f".people.csv{TEMP_SUFFIX}"
    temp.write_bytes(temp.read_bytes()[:-5])  # damaged: the journal cannot be finished
    report = Report()
    recover(content, report)
    assert [message.code for message in report.messages] == ["journal-rolled-back"]
    assert not (content / "selfassessments.csv").exists() and (content / "people.csv").read_bytes() == people
    assert leftovers(content) == []


def test_the_steps_are_the_protocol(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = project / "template" / "content"
    steps = steps_of(import_matrix(project, content), monkeypatch)
    temps = [step for step in steps if step.endswith(TEMP_SUFFIX) and JOURNAL not in step]
    assert steps.index(f"synced .signoffs.csv{TEMP_SUFFIX}") < steps.index("journal in place") < steps.index("renamed people.csv")
    assert steps[-1] == "folder synced after journal removed"
    assert len(temps) == 8 and len(steps) == 19


def test_the_next_signoff_finishes_an_interrupted_import_and_says_so(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    renamed_people = 15  # stopped right after people.csv was renamed: signoffs.csv is still old
    assert stopped_at(renamed_people, import_matrix(project, content))
    assert (content / JOURNAL).exists()
    people = (content / "people.csv").read_text()
    assert "Henk van Groningen" in people and "2026-10-01" not in (content / "signoffs.csv").read_text()
    capsys.readouterr()
    assert main([*SIGNOFF, "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert f"{os.path.relpath(content / JOURNAL)}: info: een onderbroken import of aftekening is afgemaakt: people.csv, " \
           "signoffs.csv bijgewerkt [journal-completed]" in out
    assert (content / "signoffs.csv").read_text().count("2026-10-01") == 28
    assert (content / "signoffs.csv").read_text().endswith("p-001,opstarten,opstarten-2-01,,2026-10-30,p-002,vloer\n")
    assert leftovers(content) == []


def test_check_reports_an_unfinished_journal_and_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    assert stopped_at(15, import_matrix(project, content))
    before = sorted(os.listdir(content))
    assert main(["check", str(content)]) == 1
    assert "[unfinished-import]" in capsys.readouterr().out
    assert main(["import-matrix", str(project / "matrix.csv"), "--format", "operator", "--assessor", "p-002", "--dry-run",
                 "--content", str(content)]) == 1  # a dry run writes nothing, not even the recovery
    assert sorted(os.listdir(content)) == before


def test_a_damaged_temporary_file_is_undone(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    old = tables(content)
    assert stopped_at(15, import_matrix(project, content))  # people.csv renamed, signoffs.csv pending
    temp = content / f".signoffs.csv{TEMP_SUFFIX}"
    temp.write_bytes(temp.read_bytes()[:-5])
    capsys.readouterr()
    assert main(["recover", str(content)]) == 0
    assert "[journal-rolled-back]" in capsys.readouterr().out
    assert tables(content) == old and leftovers(content) == []


def test_a_journal_names_no_other_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    organisation = (content / "organisation.yml").read_bytes()
    (content / f".organisation.yml{TEMP_SUFFIX}").write_bytes(b"name: overgenomen\n")
    (content / JOURNAL).write_text('{"version": 1, "tables": [{"table": "organisation.yml", "old_size": 0, "old_sha256": "", '
                                   '"new_size": 18, "new_sha256": ""}]}')
    assert main(["recover", str(content)]) == 0
    assert (content / "organisation.yml").read_bytes() == organisation and leftovers(content) == []


def test_stray_temporary_files_are_ignored_then_removed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    old = tables(content)
    assert stopped_at(5, import_matrix(project, content))  # people.csv's copy written, signoffs.csv's just created: no journal
    assert leftovers(content) == [f".people.csv{TEMP_SUFFIX}", f".signoffs.csv{TEMP_SUFFIX}"]
    assert tables(content) == old
    assert [code for code in codes(content) if code != "personal-data-public"] == []  # not read, not reported
    site = generate(content, build_date=BUILD_DATE).site
    assert site is not None and not any(TEMP_SUFFIX in path for path in [p.path for p in site.pages] + [f.path for f in site.files])
    capsys.readouterr()
    assert main(["new", "source", "sop-nieuw", str(content)]) == 0
    assert "[journal-strays-removed]" in capsys.readouterr().out
    assert leftovers(content) == []


def test_recover_with_nothing_to_do_says_so(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recover", str(project / "template" / "content")]) == 0
    assert "Geen onderbroken import of aftekening" in capsys.readouterr().out


# --- what cannot be written is found before anything is written -------------------------


def as_nobody(command: list[str]) -> int:
    """Run ``command`` in a child as the unprivileged user 'nobody' (root ignores file permissions); its exit code."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            code = main(command)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        finally:
            os._exit(99)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def run_unprivileged(command: list[str]) -> int:
    return as_nobody(command) if os.geteuid() == 0 else main(command)


@pytest.fixture
def shared(project: Path) -> Iterator[Path]:
    """The template content in a folder that 'nobody' may reach (pytest's own temporary folder is root's alone)."""
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        content = Path(folder) / "content"
        shutil.copytree(project / "template" / "content", content)
        shutil.copy(project / "matrix.csv", Path(folder) / "matrix.csv")
        if os.geteuid() == 0:
            for path in [content, *content.rglob("*")]:
                os.chown(path, 65534, 65534)
        yield content


@pytest.mark.parametrize("read_only", ["signoffs.csv", "."])
def test_a_read_only_table_or_folder_is_refused_before_anything_is_written(shared: Path, read_only: str,
                                                                           capfd: pytest.CaptureFixture[str]) -> None:
    old = tables(shared)
    target = shared / read_only
    target.chmod(0o555 if target.is_dir() else 0o444)
    try:
        assert run_unprivileged(import_matrix(shared.parent, shared)) == 1
        assert run_unprivileged([*SIGNOFF, "--content", str(shared)]) == 1
    finally:
        target.chmod(0o755 if target.is_dir() else 0o644)
    err = capfd.readouterr().err
    assert "Traceback" not in err
    code = "folder-not-writable" if read_only == "." else "file-not-writable"
    where = os.path.relpath(shared if read_only == "." else target)
    assert f"{where}: fout: " in err and f"[{code}]" in err
    assert err.count("er is niets geschreven") == 2
    assert tables(shared) == old and leftovers(shared) == []


def test_the_permission_check_asks_the_system(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    old = tables(content)
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path).name != "signoffs.csv")
    assert main(import_matrix(project, content)) == 1
    assert "signoffs.csv: fout: dit bestand kan niet worden geschreven" in capsys.readouterr().err
    assert tables(content) == old


def test_a_failing_write_is_a_message_and_changes_nothing(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    old = tables(content)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full_disk)
        assert main(import_matrix(project, content)) == 1
    err = capsys.readouterr().err
    assert f"{os.path.relpath(content / 'people.csv')}: fout: schrijven lukte niet (No space left on device); people.csv en " \
           "signoffs.csv zijn niet veranderd [write-failed]" in err
    assert tables(content) == old and leftovers(content) == []


def test_a_failing_rename_leaves_the_journal_to_finish(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    replace = os.replace

    def refused_for_signoffs(source: Path, target: Path) -> None:
        if target.name == "signoffs.csv":
            raise PermissionError(13, "Permission denied", str(target))
        replace(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refused_for_signoffs)
        assert main(import_matrix(project, content)) == 1
    err = capsys.readouterr().err
    assert "[journal-recovery-failed]" in err and "er is niets geschreven" not in err
    assert main(["recover", str(content)]) == 0
    assert (content / "signoffs.csv").read_text().count("2026-10-01") == 28 and leftovers(content) == []


# --- values check would refuse are refused ----------------------------------------------


# Tab and line feed are ordinary text to check (a quoted CSV cell may span lines), so a note may hold them.
@pytest.mark.parametrize(("note", "character"), [
    ("rood\x1b[31m", "U+001B"), ("a\x00b", "U+0000"), ("a\x0bb", "U+000B"),
    ("abc\u202edcb", "U+202E"), ("\u2066x\u2069", "U+2066"), ("x\u200fy", "U+200F"), ("\x85", "U+0085"),
])
def test_a_note_with_a_character_check_refuses_is_refused(project: Path, note: str, character: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "template" / "content"
    old = tables(content)
    assert main([*SIGNOFF[:-2], "--note", note, "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert f"--note: fout: hierin staat een onzichtbaar teken ({character}:" in err and "[spreadsheet-unsafe-character]" in err
    assert tables(content) == old


def test_unsafe_characters() -> None:
    assert has_unsafe_characters("Jan de Vries — één, 'x' (y)") is None
    assert has_unsafe_characters("a\x7fb") == "U+007F"
    assert has_unsafe_characters("a\tb\nc\r\n") is None  # ordinary text, in a file and in a value alike
    assert has_unsafe_characters("\u200e") == "U+200E"
    assert has_unsafe_characters("\u202a") == "U+202A"
    assert has_unsafe_characters("ok\u202fok") is None  # a narrow no-break space is ordinary text
