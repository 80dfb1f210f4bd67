"""Odd and large CSV tables give located messages, never a traceback (issue 8)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator import csvfile, generate
from generator.csvfile import _lines

from .conftest import BUILD_DATE, content_tree

HEADER = "person,work_process,criterion,level,date,assessor,note\n"
GOOD = "p-001,opstarten,opstarten-1-01,,2026-03-02,p-002,\n"


def found(project: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int | None]]:
    """(file name, code, line) of every message about the content in ``project``."""
    monkeypatch.chdir(project)
    result = generate(Path("content"), build_date=BUILD_DATE)
    return [(Path(m.location.path).name, m.code, m.location.line) for m in result.report.in_file_order()]


def with_signoffs(tmp_path: Path, text: str) -> Path:
    project = content_tree(tmp_path)
    (project / "content" / "signoffs.csv").write_text(text, encoding="utf-8")
    return project


def test_a_cell_over_the_csv_modules_limit_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    long_note = "x" * 131_073
    project = with_signoffs(tmp_path, HEADER + GOOD + f"p-001,opstarten,opstarten-1-01,,2026-03-02,p-002,{long_note}\n" + GOOD)
    assert found(project, monkeypatch) == [("signoffs.csv", "csv-syntax", 3)]


def test_a_superscript_digit_is_not_a_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = with_signoffs(tmp_path, HEADER + GOOD + "p-002,opstarten,,\u00b2,2026-03-02,p-002,\n")
    assert found(project, monkeypatch) == [("signoffs.csv", "bad-number", 3)]


def test_a_4300_digit_level_is_out_of_scale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = with_signoffs(tmp_path, HEADER + GOOD + f"p-002,opstarten,,{'9' * 4300},2026-03-02,p-002,\n")
    assert found(project, monkeypatch) == [("signoffs.csv", "level-out-of-scale", 3)]


def test_a_nul_byte_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = with_signoffs(tmp_path, HEADER + GOOD + GOOD + "p-001,opstarten,opstarten-1-01,,2026-03-02,p-002,a\0b\n")
    assert found(project, monkeypatch) == [("signoffs.csv", "control-character", 4)]


def test_an_unclosed_quote_at_the_end_is_located_where_its_row_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The lenient csv reader would take the rest of the file as one note and drop these rows silently.
    project = with_signoffs(tmp_path, HEADER + GOOD + 'p-001,opstarten,opstarten-1-01,,2026-03-02,p-002,"open\n' + GOOD * 3)
    assert found(project, monkeypatch) == [("signoffs.csv", "csv-syntax", 3)]


def test_text_after_a_closing_quote_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = with_signoffs(tmp_path, HEADER + GOOD + 'p-001,"opstarten"x,opstarten-1-01,,2026-03-02,p-002,\n' + GOOD)
    assert found(project, monkeypatch) == [("signoffs.csv", "csv-syntax", 3)]


def test_people_csv_as_a_folder_is_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = content_tree(tmp_path)
    people = project / "content" / "people.csv"
    people.unlink()
    people.mkdir()
    # Not taken as absent: that would give an unknown-person error for every row of the other tables.
    assert found(project, monkeypatch) == [("people.csv", "folder-not-file", None)]


def test_a_large_table_reports_each_error_on_its_own_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 50,000 rows in CR LF, as Excel writes them: well over one chunk handed to the csv module.
    bad = {
        2: "p-001,opstarten,opstarten-1-01,,2026-02-30,p-002,",
        25_001: "p-099,opstarten,opstarten-1-01,,2026-03-02,p-002,",
        30_000: 'p-001,opstarten,opstarten-1-01,,2026-03-02,p-002,"two\r\nlines"',
        30_002: "p-001,opstarten,,\u00b2,2026-03-02,p-002,",
        50_001: "p-001,opstarten,opstarten-1-01,,2026-03-02",
    }
    rows, line = [HEADER.strip()], 2
    while line <= 50_001:
        rows.append(bad.get(line, GOOD.strip()))
        line += 2 if line == 30_000 else 1  # the quoted note takes two lines
    project = with_signoffs(tmp_path, "\r\n".join(rows) + "\r\n")
    # The filler rows are one sign-off repeated, which is a warning of its own on each of them.
    assert [f for f in found(project, monkeypatch) if f[1] != "duplicate-signoff"] == [
        ("signoffs.csv", "bad-date", 2),
        ("signoffs.csv", "unknown-person", 25_001),
        ("signoffs.csv", "bad-number", 30_002),
        ("signoffs.csv", "csv-missing-fields", 50_001),
    ]


@pytest.mark.parametrize("text", [
    "a,b\r\nc,d\r\n" * 40,
    "a,b\rc,d\r" * 40,
    "a,b\r\nc,d\n" * 20 + "e,f\rg,h\r" * 20,
    'a,"b\r\nc",d\n' * 40,
    "a,b\nc,d",
    "",
])
def test_lines_come_in_chunks_as_a_file_gives_them(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvfile, "_CHUNK", 7)  # chunks that end at every possible place
    assert list(_lines(text)) == list(io.StringIO(text, newline=""))


def test_a_table_over_the_csv_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvfile, "CSV_LIMIT", 200)  # the real limit is 200 MiB; the rule is the same
    project = with_signoffs(tmp_path, HEADER + GOOD * 5)
    assert found(project, monkeypatch) == [("signoffs.csv", "file-too-large", None)]
