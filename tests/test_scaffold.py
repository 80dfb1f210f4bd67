"""``python -m generator new``: templates that fail ``check`` until filled in, and pass once they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue import Catalogue
from generator.cli import main
from generator.diagnostics import Severity
from generator.generate import Result, generate
from generator.invocation import printed_command
from generator.read import improvements, sources, work_processes

from .conftest import BUILD_DATE, SOURCE_DATE_EPOCH, content_tree

# What an author types in, with real values from the base fixture.
FILLED = {
    "source": {"title:": "title: Nieuwe procedure", "type:": "type: procedure", "owner:": "owner: Productie"},
    "work-process": {
        "title:": "title: Omstellen",
        "kind:": "kind: skill",
        "text:": "text: Stelt de lijn om",
        "sources: []": "sources: [sop-opstarten]",
    },
    "improvement": {
        "title:": "title: Kortere opstart",
        "author:": "author: p-001",
        "method:": "method: PDCA",
        "work_processes: []": "work_processes: [opstarten]",
    },
}
# The placeholders that check refuses (a criterion without a source is allowed: the health page shows it).
MUST_FILL = {
    "source": ("title", "type", "owner"),
    "work-process": ("title", "kind", "text"),
    "improvement": ("title", "author", "method", "work_processes"),
}
FOLDERS = {"source": "sources", "work-process": "work-processes", "improvement": "improvements"}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base fixture as the working directory, with the build date pinned."""
    monkeypatch.chdir(content_tree(tmp_path))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    return tmp_path


def checked() -> Result:
    return generate(Path("content"), build_date=BUILD_DATE)


def fill_in(path: Path, values: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for placeholder, value in values.items():
        text, count = re.subn(rf"^(\s*-?\s*){re.escape(placeholder)}$", rf"\g<1>{value}", text, flags=re.MULTILINE)
        assert count == 1, placeholder
    path.write_text(text, encoding="utf-8")


def error_lines(result: Result, path: Path) -> set[int]:
    return {m.location.line or 0 for m in result.report.of(Severity.ERROR) if m.location.path == path.as_posix()}


def line_of(path: Path, key: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.lstrip(" -").startswith(f"{key}:"))


@pytest.mark.parametrize("kind", ["source", "work-process", "improvement"])
def test_new_file_fails_check_until_filled_in_then_passes(project: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", kind, "nieuw"]) == 0
    path = Path("content") / FOLDERS[kind] / "nieuw.md"
    out = capsys.readouterr().out.splitlines()
    words = Catalogue("nl")
    assert out == [words("new.written", path=path.as_posix()), words("new.next", command="python -m generator check content")]

    unfilled = error_lines(checked(), path)
    assert unfilled == {line_of(path, key) for key in MUST_FILL[kind]}

    fill_in(path, FILLED[kind])
    result = checked()
    assert result.report.messages == []
    assert result.site is not None


def test_templates_name_every_required_key_and_only_known_keys(project: Path) -> None:
    schemas = {"source": sources.SCHEMA, "work-process": work_processes.SCHEMA, "improvement": improvements.SCHEMA}
    texts = {}
    for kind, schema in schemas.items():
        assert main(["new", kind, "sjabloon"]) == 0
        texts[kind] = text = (Path("content") / FOLDERS[kind] / "sjabloon.md").read_text(encoding="utf-8")
        written = set(re.findall(r"^(?:# )?(\w+):", text, flags=re.MULTILINE))
        assert {key for key, spec in schema.items() if spec.required} <= written, kind
        assert written <= set(schema), kind
    criterion = set(re.findall(r"^ +(?:- )?(\w+):", texts["work-process"], flags=re.MULTILINE))  # its first criterion
    assert criterion == set(work_processes.CRITERION) - {"retired", "retired_on"}


def test_optional_lines_are_valid_once_uncommented(project: Path) -> None:
    assert main(["new", "improvement", "klaar"]) == 0
    path = Path("content/improvements/klaar.md")
    fill_in(path, {**FILLED["improvement"], "status: idea": "status: done"})
    assert [m.code for m in checked().report.messages] == ["finished-missing"]
    text = path.read_text(encoding="utf-8").replace("# finished:", "finished:").replace("# team:", "team: ploeg-1")
    text = text.replace("# co_authors: []", "co_authors: [p-002]").replace("# tags: []", "tags: [opstart]")
    path.write_text(text.replace("# savings:", "savings: 2 uur per week"), encoding="utf-8")
    assert checked().report.messages == []


def test_refuses_to_overwrite(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = Path("content/sources/sop-opstarten.md")
    before = path.read_bytes()
    assert main(["new", "source", "sop-opstarten"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [f"fout: {Catalogue('nl')('new.exists', path=path.as_posix())}"]
    assert path.read_bytes() == before


def test_refuses_a_bad_id_and_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "improvement", "Kortere Opstart.md"]) == 1
    captured = capsys.readouterr()
    assert "'kortere-opstart'" in captured.err and captured.err.startswith("fout: ")
    assert not Path("content/improvements").exists()
    assert main(["new", "improvement", "index"]) == 1  # the folder's overview page has that name
    assert "[reserved-id]" not in (err := capsys.readouterr().err) and "'index-1'" in err
    assert not Path("content/improvements").exists()


def test_refuses_a_missing_content_folder_and_a_folder_that_leads_outside(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert main(["new", "source", "nieuw", "inhoud"]) == 1
    assert not Path("inhoud").exists()
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    Path("content/improvements").symlink_to(elsewhere, target_is_directory=True)
    assert main(["new", "improvement", "nieuw"]) == 1
    assert list(elsewhere.iterdir()) == []


def test_english_organisation_gets_english_words(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    organisation = Path("content/organisation.yml")
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("language: nl", "language: en"), encoding="utf-8")
    assert main(["new", "improvement", "shorter-start", "content"]) == 0
    text = Path("content/improvements/shorter-start.md").read_text(encoding="utf-8")
    english, dutch = Catalogue("en"), Catalogue("nl")
    assert f"# {english('new.improvement.author')}\nauthor:\n" in text
    assert text.endswith("\n## Background\n\n## Plan\n\n## Do\n\n## Check\n\n## Act\n\n## Result\n")
    assert dutch("new.improvement.author") not in text and "Aanleiding" not in text
    assert capsys.readouterr().out.startswith("New file: content/improvements/shorter-start.md\n")
    assert main(["new", "improvement", "shorter-start"]) == 1
    assert capsys.readouterr().err.startswith("error: ")


def test_dates_start_on_the_build_date_and_a_source_as_draft(project: Path) -> None:
    assert main(["new", "source", "nieuw"]) == 0
    text = Path("content/sources/nieuw.md").read_text(encoding="utf-8")
    assert "\nreviewed: 2026-11-01\n" in text and "\nstatus: draft\n" in text


def test_the_printed_check_command_is_typed_as_the_author_runs_the_generator(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through dev.py (which sets WGO_COMMAND) the guide's form; else where the generator is installed."""
    monkeypatch.delenv("WGO_COMMAND", raising=False)
    assert printed_command("check", "mijn inhoud") == "python -m generator check 'mijn inhoud'"
    monkeypatch.setenv("WGO_COMMAND", "python3 dev.py")
    assert printed_command("new", "work-process", "vullen", "content") == "python3 dev.py new work-process vullen content"
