"""Whatever the content folder holds, the generator answers with located messages: never a
traceback, never a hang, never a file from outside the folder (issue 8).

Each test lays one odd thing over the base fixture and checks the message it gets: its
file, line and code. File kinds that git cannot hold (links, pipes) are made here.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import generate
from generator.dates import OutOfRange, add_months, build_date
from generator.diagnostics import Location, Report, Severity, printable
from generator.fields import hint, is_id
from generator.files import read_text
from generator.generate import Result

from .conftest import BUILD_DATE, build_site, content_tree, with_site_config

SOURCE = "content/sources/sop-opstarten.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base fixture in ``tmp_path/project``, as the working directory (messages name content/…)."""
    root = content_tree(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A test that hangs (a read of a named pipe) fails after 30 s instead of blocking the suite."""
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("the generator hung")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def run(project: Path) -> Result:
    """Generate the project's content; the fixture made it the working directory, so paths read content/…."""
    assert Path.cwd() == project
    return generate(Path("content"), build_date=BUILD_DATE)


def found(project: Path) -> list[tuple[str, int | None, str]]:
    """(file, line, code) of every message, in file order."""
    return [(m.location.path, m.location.line, m.code) for m in run(project).report.in_file_order()]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- nothing from outside the content folder -------------------------------------------------


def test_symlinked_attachment_is_refused_and_not_listed(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"root:x:0:0")
    (project / "content/sources/files").mkdir()
    (project / "content/sources/files/passwd.pdf").symlink_to(secret)
    result = run(project)
    assert [(m.location.path, m.code) for m in result.report.messages] == [("content/sources/files/passwd.pdf", "symlink")]
    assert result.content.attachments == ()


def test_symlinked_folder_is_refused_once_and_not_entered(project: Path) -> None:
    (project / "content/sources/files").mkdir()
    (project / "content/sources/files/ssl").symlink_to("/etc", target_is_directory=True)
    result = run(project)
    assert [(m.location.path, m.code) for m in result.report.messages] == [("content/sources/files/ssl", "symlink")]
    assert result.content.attachments == ()


@pytest.mark.parametrize("target", ["/etc/hostname", "does-not-exist.md", "loop.md"], ids=["outside", "dangling", "loop"])
def test_symlinked_content_file_is_refused(project: Path, target: str) -> None:
    (project / "content/sources/loop.md").symlink_to(target)
    assert ("content/sources/loop.md", None, "symlink") in found(project)


def test_symlinked_organisation_file_is_a_link_not_missing(project: Path) -> None:
    (project / "content/organisation.yml").unlink()
    (project / "content/organisation.yml").symlink_to("/dev/null")
    assert ("content/organisation.yml", None, "symlink") in found(project)


def test_source_file_must_lie_under_sources_files(project: Path) -> None:
    replace_in(project / SOURCE, "status: valid", "status: valid\nfile: sop-opstarten.md")
    assert found(project) == [(SOURCE, 8, "attachment-outside")]


def test_plugin_publishes_checked_attachments_and_nothing_else(project: Path, tmp_path: Path) -> None:
    write(project / "content/sources/files/sop.pdf", "%PDF attachment")
    write(project / "content/notes.txt", "a stray file in the content folder")
    write(project / "content/formats/extra.css", "a stray file in a content subfolder")
    result = build_site(with_site_config(project), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "bronnen/files/sop.pdf").read_text(encoding="utf-8") == "%PDF attachment"
    assert not (site / "notes.txt").exists() and not (site / "formats/extra.css").exists()
    assert not (site / "sources").exists()  # the content folder's own layout is never published


# --- files that are not ordinary files -----------------------------------------------------


def test_named_pipe_is_refused_without_opening_it(project: Path) -> None:
    os.mkfifo(project / "content/sources/pipe.md")
    os.mkfifo(project / "content/people.csv.tmp")
    (project / "content/signoffs.csv").unlink()
    os.mkfifo(project / "content/signoffs.csv")
    assert ("content/sources/pipe.md", None, "special-file") in found(project)
    assert ("content/signoffs.csv", None, "special-file") in found(project)


def test_folder_with_a_file_name_is_refused(project: Path) -> None:
    (project / "content/sources/map.md").mkdir()
    (project / "content/pages/deel.md").mkdir()
    write(project / "content/pages/deel.md/index.md", "# Een pagina in een map die op .md eindigt\n")
    assert found(project) == [("content/sources/map.md", None, "folder-not-file")]


def test_unreadable_file_and_folder_are_reported(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: the suite may run as root, who can read a file whatever its mode.
    real_open, real_scandir = os.open, os.scandir

    def refusing_open(path: str | Path, flags: int, *args: int) -> int:
        if str(path).endswith("wi-bewaken.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    def refusing_scandir(path: str | Path) -> Iterator[os.DirEntry[str]]:
        if str(path).endswith("pages"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("generator.files.os.open", refusing_open)
    monkeypatch.setattr("generator.files.os.scandir", refusing_scandir)
    messages = run(project).report.in_file_order()
    assert [(m.location.path, m.code) for m in messages] == [
        ("content/pages", "unreadable-folder"), ("content/sources/wi-bewaken.md", "unreadable-file"),
    ]


def test_oversized_file_is_refused_unread(project: Path) -> None:
    big = project / "content/sources/groot.md"
    write(big, "---\ntitle: x\n---\n" + "x" * (20 * 2**20 + 1))
    assert found(project) == [("content/sources/groot.md", None, "file-too-large")]
    report = Report()
    assert read_text(big, Location(path="groot.md"), report, limit=10) is None
    assert report.messages[0].params == {"size": "20.0 MB", "limit": "0.0 MB"}


def test_not_utf8_names_its_line(project: Path) -> None:
    (project / SOURCE).write_bytes((project / SOURCE).read_bytes() + b"Stap 2: de M\xe9\xe9n klep.\n")
    assert found(project) == [(SOURCE, 10, "not-utf8")]


# --- YAML with limits ------------------------------------------------------------------------


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\x85\x80"], ids=["nul", "escape", "delete", "c1"])
def test_control_character_is_located(project: Path, character: str) -> None:
    replace_in(project / SOURCE, "owner: Productie", f"owner: Produc{character}tie")
    assert found(project) == [(SOURCE, 4, "control-character")]


def test_deep_nesting_is_refused(project: Path) -> None:
    nested = "".join("  " * depth + "a:\n" for depth in range(500)) + "  " * 500 + "b"
    write(project / "content/formats/diep.yml", nested)
    assert found(project) == [("content/formats/diep.yml", 52, "yaml-too-deep")]


def test_recursive_alias_is_refused(project: Path) -> None:
    replace_in(project / SOURCE, "owner: Productie", "owner: &a [*a]")
    assert found(project) == [(SOURCE, 4, "yaml-recursive")]


def test_billion_laughs_is_refused(project: Path) -> None:
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    write(project / "content/formats/lach.yml", "\n".join(lines) + "\n")
    assert [code for _, _, code in found(project)] == ["yaml-too-large"]


def test_merge_key_bomb_is_refused(project: Path) -> None:
    lines = ["m0: &m0 {k: 1}"] + [f"m{i}: &m{i} {{<<: [{', '.join([f'*m{i - 1}'] * 9)}], k{i}: 1}}" for i in range(1, 12)]
    write(project / "content/formats/samen.yml", "\n".join(lines) + "\n")
    assert [code for _, _, code in found(project)] == ["yaml-too-large"]


def test_merge_keys_give_written_keys_precedence(project: Path) -> None:
    replace_in(project / SOURCE, "title: Opstartprocedure\ntype: procedure\n",
               "<<: {title: Oud, type: procedure}\ntitle: Opstartprocedure\n")
    result = run(project)
    assert result.report.messages == []
    assert result.content.sources["sop-opstarten"].title == "Opstartprocedure"


def test_custom_tag_is_refused(project: Path) -> None:
    replace_in(project / SOURCE, "owner: Productie", "owner: !python/name:os.system Productie")
    assert found(project) == [(SOURCE, 4, "yaml-tag")]


@pytest.mark.parametrize("tagged", ["!!bool maybe", "!!timestamp maybe", "!!int maybe", "!!float maybe"])
def test_impossible_standard_tag_keeps_the_text(project: Path, tagged: str) -> None:
    replace_in(project / SOURCE, "owner: Productie", f"owner: {tagged}")
    result = run(project)
    assert result.report.messages == []
    assert result.content.sources["sop-opstarten"].owner == "maybe"


def test_indented_dashes_in_a_text_block_do_not_end_front_matter(project: Path) -> None:
    replace_in(project / SOURCE, 'version: "1.0"\n', "version: |\n  ---\n  tweede regel\n")
    result = run(project)
    assert result.report.messages == []
    assert result.content.sources["sop-opstarten"].version == "---\ntweede regel\n"


# --- dates off the calendar ------------------------------------------------------------------


def test_review_date_off_the_calendar_is_an_error_on_its_key(project: Path) -> None:
    replace_in(project / SOURCE, "reviewed: 2026-01-01", "reviewed: 9999-12-31")
    assert found(project) == [(SOURCE, 6, "date-out-of-range")]


@pytest.mark.parametrize(("file", "key", "line"), [
    (SOURCE, "review_months: 1000000", 8),
    ("content/work-processes/bewaken.md", "valid_months: 100000", 3),
])
def test_absurd_month_counts_are_too_large(project: Path, file: str, key: str, line: int) -> None:
    path = project / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(line - 1, key + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    assert found(project) == [(file, line, "too-large")]


def test_month_arithmetic_raises_only_its_own_error() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    with pytest.raises(OutOfRange):
        add_months(dt.date(9999, 12, 1), 1)


@pytest.mark.parametrize("value", ["99999999999999", "²", "١٢٣", "abc", "253402214400", "-5"])
def test_unusable_source_date_epoch_means_today(value: str) -> None:
    assert build_date({"SOURCE_DATE_EPOCH": value}) == dt.date.today()


def test_usable_source_date_epoch_gives_its_date() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)


def test_mkdocs_build_with_overflowing_source_date_epoch_warns(project: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "99999999999999", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=with_site_config(project), env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "[bad-source-date-epoch]" in result.stderr


# --- messages safe to print, ids without a trailing newline -----------------------------------


def test_message_values_are_escaped_and_cut() -> None:
    assert printable("rood\x1b[31m\nregel") == "rood\\x1b[31m\\nregel"
    cut = printable("x" * 10_000)
    assert len(cut) == 120 and cut.endswith("…")


def test_a_huge_value_gives_one_short_line(project: Path) -> None:
    replace_in(project / SOURCE, "type: procedure", "type: " + "x" * 1_000_000)
    result = run(project)
    [line] = result.catalogue.lines(result.report.messages)
    assert "\n" not in line and len(line) < 600


def test_control_characters_in_a_file_name_are_escaped(project: Path) -> None:
    write(project / "content/sources/\x1b[31mrood.md", "---\ntitle: x\n---\n")
    result = run(project)
    [line] = result.catalogue.lines(result.report.messages)
    assert "\x1b" not in line and "\\x1b[31mrood" in line and "[bad-file-id]" in line


def test_ids_do_not_end_in_a_newline(project: Path) -> None:
    assert not is_id("ploeg-9\n") and is_id("ploeg-9")
    write(project / "content/sources/bron\n.md", "---\ntitle: x\n---\n")
    replace_in(project / "content/organisation.yml", "{id: ploeg-2, name: Ploeg 2}", '{id: "ploeg-2\\n", name: Ploeg 2}')
    codes = [code for _, _, code in found(project)]
    assert codes.count("bad-file-id") == 1 and "bad-id" in codes
    assert all(m.severity is not Severity.INFO for m in run(project).report.messages)


def test_did_you_mean_is_worked_out_once_per_wrong_id_and_for_a_limited_number(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def counting_hint(word: str, known: object) -> object:
        calls.append(word)
        return hint(word, known)

    monkeypatch.setattr("generator.references.hint", counting_hint)
    monkeypatch.setattr("generator.references.MAX_HINTS", 2)
    wrong = ["p-0011", "p-0011", "p-0022", "p-0033"]
    rows = "".join(f"{person},opstarten,,1,2026-01-0{day},p-002,\n" for day, person in enumerate(wrong, 1))
    with (project / "content/signoffs.csv").open("a", encoding="utf-8") as table:
        table.write(rows)
    messages = [m for m in run(project).report.messages if m.code == "unknown-person"]
    assert calls == ["p-0011", "p-0022"]
    # One message for both rows that name p-0011; no "did you mean p-001": another number is another person.
    assert [str(m.params["hint"]) for m in messages] == ["Text(key='hint.none', params={})"] * 3
