"""``python -m generator signoff``: checked as the checker would, then appended, or nothing written (issue 13)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.cli import main
from generator.generate import generate

from .conftest import BUILD_DATE, content_tree

HEADER = "person,work_process,criterion,level,date,assessor,note"


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793534400")  # 2026-11-01
    return content_tree(tmp_path) / "content"


def signoff(content: Path, *args: str) -> int:
    return main(["signoff", *args, "--content", str(content)])


def test_criteria_are_appended_by_name_and_the_content_stays_valid(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (content / "signoffs.csv").read_bytes()
    assert signoff(content, "Ali Aydin", "--criterion", "opstarten-2-01", "bewaken-1-01", "--assessor", "bea de boer",
                   "--date", "2026-10-30", "--note", "op de vloer") == 0
    after = (content / "signoffs.csv").read_bytes()
    assert after.startswith(before)
    assert after[len(before):].decode().splitlines() == [
        "p-001,opstarten,opstarten-2-01,,2026-10-30,p-002,op de vloer",
        "p-001,bewaken,bewaken-1-01,,2026-10-30,p-002,op de vloer",
    ]
    assert "Toegevoegd aan signoffs.csv: 2 regel(s) voor Ali Aydin (p-001)." in capsys.readouterr().out
    assert generate(content, build_date=BUILD_DATE).site is not None


def test_a_level_assessment_defaults_to_the_build_date(content: Path) -> None:
    assert signoff(content, "p-002", "--work-process", "bewaken", "--level", "3", "--assessor", "p-001") == 0
    assert (content / "signoffs.csv").read_text().splitlines()[-1] == "p-002,bewaken,,3,2026-11-01,p-001,"


def test_every_mistake_is_named_and_nothing_is_written(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (content / "signoffs.csv").read_bytes()
    assert signoff(content, "Ali Aydinn", "--criterion", "opstarten-2-1", "--assessor", "p-009", "--date", "2027-01-01") == 1
    assert signoff(content, "p-001", "--work-process", "bewaakt", "--level", "7", "--assessor", "p-002") == 1
    assert (content / "signoffs.csv").read_bytes() == before
    err = capsys.readouterr().err
    for expected in (
        "--date: fout: de datum 2027-01-01 ligt na de bouwdatum 2026-11-01",
        "PERSON: fout: 'Ali Aydinn' staat niet in people.csv (als id of als naam) — bedoelt u 'Ali Aydin'?",
        "--assessor: fout: 'p-009' staat niet in people.csv",
        "--criterion: fout: criterium 'opstarten-2-1' bestaat niet — bedoelt u 'opstarten-2-01'?",
        "--work-process: fout: werkproces 'bewaakt' bestaat niet — bedoelt u 'bewaken'?",
        "--level: fout: niveau 7 bestaat niet; de schaal in organisation.yml loopt van 0 tot en met 4",
    ):
        assert expected in err
    assert err.count("er is niets geschreven") == 2


def test_a_name_of_two_people_asks_for_the_id(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = content / "people.csv"
    people.write_text(people.read_text() + "p-003,Ali Aydin,ploeg-2,operator,,yes\n")
    assert signoff(content, "Ali Aydin", "--criterion", "bewaken-1-01", "--assessor", "p-002") == 1
    assert "'Ali Aydin' is de naam van meer mensen (p-001, p-003); gebruik het id" in capsys.readouterr().err


def test_work_process_needs_a_level(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert signoff(content, "p-001", "--work-process", "bewaken", "--assessor", "p-002") == 2
    assert "--work-process and --level go together" in capsys.readouterr().err


def signoff_sheet(content: Path, tmp_path: Path) -> Path:
    """The sheet as downloaded beside the level-1 checklist, filled in for Ali (by name) on two criteria."""
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    data = next(file.read() for file in result.site.files if file.path == "aftekenlijsten/operator-niveau-1.xlsx")
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[2] == ["criterion", "work_process", "kind", "text", "person", "date", "assessor", "note"]
    assert [row[0] for row in rows[3:]] == ["opstarten-1-01", "bewaken-1-01"]
    sheet["E4"], sheet["F4"], sheet["G4"] = "Ali Aydin", dt.datetime(2026, 10, 5), "p-002"
    sheet["E5"], sheet["F5"], sheet["G5"], sheet["H5"] = "p-001", "05-10-2026", "Bea de Boer", "op de vloer"
    workbook.save(path := tmp_path / "aftekenblad.xlsx")
    return path


def test_a_filled_in_signoff_sheet_is_appended_once(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = signoff_sheet(content, tmp_path)
    before = (content / "signoffs.csv").read_text()
    assert main(["import-signoffs", str(sheet), str(content)]) == 0
    assert (content / "signoffs.csv").read_text()[len(before):].splitlines() == [
        "p-001,opstarten,opstarten-1-01,,2026-10-05,p-002,ingelezen uit aftekenblad.xlsx",
        "p-001,bewaken,bewaken-1-01,,2026-10-05,p-002,op de vloer",
    ]
    after = (content / "signoffs.csv").read_bytes()
    assert main(["import-signoffs", str(sheet), "--content", str(content)]) == 0
    assert (content / "signoffs.csv").read_bytes() == after
    assert "Nieuwe aftekeningen voor signoffs.csv: 0 (al aanwezig: 2)" in capsys.readouterr().out
    assert generate(content, build_date=BUILD_DATE).site is not None


def test_a_signoff_sheet_with_mistakes_writes_nothing(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = signoff_sheet(content, tmp_path)
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["A4"], sheet["F5"], sheet["G5"] = "opstarten-9-99", "2027-01-01", "Zoë Onbekend"
    sheet.append(["bewaken-1-01", None, None, None, None, "2026-10-01"])
    workbook.save(path)
    before = (content / "signoffs.csv").read_bytes()
    assert main(["import-signoffs", str(path), str(content)]) == 1
    assert (content / "signoffs.csv").read_bytes() == before
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": fout: ")[0] for line in err[:-1]] == [
        "aftekenblad.xlsx:niveau-1!A4", "aftekenblad.xlsx:niveau-1!G5", "aftekenblad.xlsx:niveau-1!F5", "aftekenblad.xlsx:niveau-1!E6",
    ]


def test_a_signoff_already_recorded_is_refused_at_its_row(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The base tree has p-001's sign-off on opstarten-1-01 of 2026-03-02 by p-002 on line 2: running it again adds nothing."""
    before = (content / "signoffs.csv").read_bytes()
    assert signoff(content, "p-001", "--criterion", "opstarten-1-01", "--assessor", "p-002", "--date", "2026-03-02") != 0
    assert (content / "signoffs.csv").read_bytes() == before
    assert "signoffs.csv:2: fout: deze aftekening staat hier al (zelfde persoon, werkproces, criterium of niveau, datum en " \
        "beoordelaar); er is niets toegevoegd [signoff-already-recorded]" in capsys.readouterr().err
