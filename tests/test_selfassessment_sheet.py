"""Issue 22: the self-assessment sheet beside each POP, and ``import-selfassessments`` (all or nothing, idempotent)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from generator.cli import main
from generator.generate import generate
from generator.spreadsheets.template import workbook_template

from .conftest import BUILD_DATE, SOURCE_DATE_EPOCH, content_tree

SIGNOFFS = (
    "person,work_process,criterion,level,date,assessor,note\n"
    "p-001,opstarten,,2,2026-01-10,p-002,\n"
    "p-002,opstarten,,4,2025-01-15,p-002,\n"
    "p-002,bewaken,,4,2025-01-15,p-002,\n"
)
SHEET = "pop/p-001/zelfbeoordeling.xlsx"
HEADER = "person,work_process,level,date,note"


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)  # 2026-11-01, as BUILD_DATE
    root = content_tree(tmp_path / "project") / "content"
    (root / "signoffs.csv").write_text(SIGNOFFS, encoding="utf-8")
    return root


def files_of(content: Path) -> dict[str, bytes]:
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None, result.catalogue.lines(result.report.messages)
    return {file.path: file.read() for file in result.site.files}


def worksheet(data: bytes) -> Worksheet:
    sheet = load_workbook(io.BytesIO(data)).active  # not data_only: a formula would show as one
    assert isinstance(sheet, Worksheet)
    return sheet


def downloaded(content: Path, folder: Path, **cells: object) -> Path:
    """p-001's sheet as published, with ``cells`` (``E7=3``) filled in, saved as zelfbeoordeling.xlsx in ``folder``."""
    workbook = load_workbook(io.BytesIO(files_of(content)[SHEET]))
    sheet = workbook.active
    assert sheet is not None
    for reference, value in cells.items():
        sheet[reference] = value
    workbook.save(path := folder / "zelfbeoordeling.xlsx")
    return path


def import_sheet(path: Path, content: Path, *options: str) -> int:
    return main(["import-selfassessments", str(path), *options, str(content)])


# --- the sheet ------------------------------------------------------------------------------------


def test_the_sheet_lists_the_persons_work_processes_with_the_assessed_level_and_room_for_their_own(content: Path) -> None:
    sheet = worksheet(files_of(content)[SHEET])
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Zelfbeoordeling — Ali Aydin — Operator, stand van 2026-11-01"
    assert "'Mijn niveau'" in rows[1][0] and "0 Niet opgeleid, 1 Assistent" in rows[1][0]
    assert rows[2] == ["Medewerker", "p-001", "Ali Aydin", None, None, None]
    assert rows[3][:2] == ["Datum", None]
    assert rows[5] == ["Werkproces (id)", "Code", "Werkproces", "Beoordeeld niveau", "Mijn niveau", "Toelichting"]
    assert [row[:6] for row in rows[6:]] == [["opstarten", "B1-K1-W1", "Opstarten", 2, None, None],
                                             ["bewaken", "B1-K1-W2", "Bewaken", 0, None, None]]
    assert sheet.freeze_panes == "A7"
    (validation,) = sheet.data_validations.dataValidation
    assert (validation.type, validation.formula1, validation.formula2, str(validation.sqref)) == ("whole", "0", "4", "E7:E8")
    assert {cell.data_type for row in sheet.iter_rows() for cell in row if cell.value is not None} == {"s", "n"}


def test_names_and_titles_that_look_like_formulas_stay_text(content: Path) -> None:
    people = content / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("Ali Aydin", "=cmd|' /C calc'!A0 & <b>"), encoding="utf-8")
    fmt = content / "formats/operator.yml"
    fmt.write_text(fmt.read_text(encoding="utf-8").replace("title: Operator", "title: '=1+1'"), encoding="utf-8")
    sheet = worksheet(files_of(content)[SHEET])
    assert (sheet["C3"].value, sheet["C3"].data_type) == ("=cmd|' /C calc'!A0 & <b>", "s")
    assert sheet["A1"].value.startswith("Zelfbeoordeling — =cmd") and sheet["A1"].data_type == "s"
    assert not [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def test_a_filled_template_reads_as_openpyxl_would_write_it() -> None:
    def workbook(values: dict[str, object]) -> Workbook:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet["A1"], sheet["C2"] = "vast", "ook vast"
        for reference in ("A2", "B2", "B3"):
            sheet[reference].font = Font(bold=True)
        for reference, value in values.items():
            sheet[reference] = value
        return book

    values = {"A2": "<&> '=1+1'", "B2": 3, "B3": "  spaties  "}
    filled = workbook_template(workbook({}), list(values)).filled(list(values.values()))
    by_openpyxl = io.BytesIO()
    workbook(values).save(by_openpyxl)
    cells = [[(c.value, c.data_type, c.font.b) for c in row] for row in worksheet(filled).iter_rows()]
    assert cells == [[(c.value, c.data_type, c.font.b) for c in row] for row in worksheet(by_openpyxl.getvalue()).iter_rows()]
    with pytest.raises(ValueError, match="A2"):
        workbook_template(workbook({}), ["B3", "A2"])  # not in sheet order


def test_the_sheet_is_in_the_persons_restricted_folder_and_nowhere_public(content: Path) -> None:
    organisation = content / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "access: {planners_group: GG-Planners}\n", encoding="utf-8")
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None and result.access_rules is not None
    sheets = {file.path: file for file in result.site.files if file.path.endswith("zelfbeoordeling.xlsx")}
    assert sorted(sheets) == ["beperkt/ploeg-1/pop/p-001/zelfbeoordeling.xlsx", "beperkt/ploeg-2/pop/p-002/zelfbeoordeling.xlsx"]
    sheet = sheets["beperkt/ploeg-1/pop/p-001/zelfbeoordeling.xlsx"]
    assert sheet.audience.restricted and sheet.audience.person == "p-001"
    assert any(sheet.path.startswith(rule.folder + "/") for rule in result.access_rules.rules)  # the web server guards it
    pop = next(page for page in result.site.pages if page.path == "beperkt/ploeg-1/pop/p-001/index.md")
    assert 'href="zelfbeoordeling.xlsx">Zelfbeoordeling invullen (Excel)</a>' in (pop.html or "")


def test_no_sheet_without_personal_data(content: Path) -> None:
    organisation = content / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("personal_data: true", "personal_data: false"))
    assert not [path for path in files_of(content) if "zelfbeoordeling" in path]


# --- import-selfassessments -----------------------------------------------------------------------


def test_a_filled_in_sheet_is_appended_once(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = downloaded(content, tmp_path, B4="20-10-2026", E7=3, F7="kan het opstarten\nzelf", E8=0)
    assert not (content / "selfassessments.csv").exists()
    assert import_sheet(path, content) == 0
    assert (content / "selfassessments.csv").read_text(encoding="utf-8") == (
        f'{HEADER}\np-001,opstarten,3,2026-10-20,"kan het opstarten\nzelf"\np-001,bewaken,0,2026-10-20,\n')
    assert capsys.readouterr().out.splitlines() == [
        "Zelfbeoordeling van Ali Aydin (p-001) op 2026-10-20: nieuw voor selfassessments.csv: 2 (al aanwezig: 0)",
        "  opstarten: eigen niveau 3 (beoordeeld: 2)",
        "  bewaken: eigen niveau 0 (beoordeeld: 0)",
    ]
    after = (content / "selfassessments.csv").read_bytes()
    assert import_sheet(path, content) == 0
    assert (content / "selfassessments.csv").read_bytes() == after
    assert "nieuw voor selfassessments.csv: 0 (al aanwezig: 2)" in capsys.readouterr().out
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    pop = next(page for page in result.site.pages if page.path == "pop/p-001/index.md")
    assert "bespreken: ziet zich hoger" in (pop.html or "")


def test_rows_are_appended_after_the_existing_ones_which_stay_as_they_are(content: Path, tmp_path: Path) -> None:
    table = content / "selfassessments.csv"
    table.write_bytes(b"\xef\xbb\xbfperson;work_process;level;date;note\r\np-002;bewaken;3;2026-09-01;zo is het\r\n")
    before = table.read_bytes()
    assert import_sheet(downloaded(content, tmp_path, B4="2026-10-20", E8=1), content) == 0
    assert table.read_bytes() == before + b"p-001;bewaken;1;2026-10-20;\r\n"


def test_an_undated_sheet_takes_the_day_of_the_import_and_adds_nothing_when_read_again_later(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    path = downloaded(content, tmp_path, E7=2, F7="gaat goed")
    assert import_sheet(path, content) == 0
    assert (content / "selfassessments.csv").read_text(encoding="utf-8").splitlines()[1:] == ["p-001,opstarten,2,2026-11-01,gaat goed"]
    assert "Het blad heeft geen datum: de dag van inlezen (2026-11-01) is gebruikt." in capsys.readouterr().out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(SOURCE_DATE_EPOCH) + 7 * 86400))  # a week later
    before = (content / "selfassessments.csv").read_bytes()
    assert import_sheet(path, content) == 0
    assert (content / "selfassessments.csv").read_bytes() == before
    # What the person says now is new, whatever the day.
    assert import_sheet(downloaded(content, tmp_path, E7=3, F7="gaat goed"), content) == 0
    assert (content / "selfassessments.csv").read_text(encoding="utf-8").splitlines()[-1] == "p-001,opstarten,3,2026-11-08,gaat goed"


def test_a_dry_run_says_what_it_would_write_and_writes_nothing(content: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = downloaded(content, tmp_path, B4="2026-10-20", E8=1)
    assert import_sheet(path, content, "--dry-run") == 0
    assert not (content / "selfassessments.csv").exists()
    assert capsys.readouterr().out.splitlines() == [
        "Zelfbeoordeling van Ali Aydin (p-001) op 2026-10-20: nieuw voor selfassessments.csv: 1 (al aanwezig: 0)",
        "  bewaken: eigen niveau 1 (beoordeeld: 0)",
        "Proefdraai (--dry-run): er is niets geschreven.",
    ]


def test_an_empty_sheet_says_so_and_writes_nothing(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert import_sheet(downloaded(content, tmp_path), content) == 0
    assert "Het blad is nog niet ingevuld: de kolom 'Mijn niveau' is leeg." in capsys.readouterr().out
    assert not (content / "selfassessments.csv").exists()


def test_every_mistake_is_named_at_its_cell_and_nothing_is_written(content: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (content / "selfassessments.csv").write_text(f"{HEADER}\np-002,bewaken,3,2026-09-01,\n", encoding="utf-8")
    before = (content / "selfassessments.csv").read_bytes()
    path = downloaded(content, tmp_path, B3="Ali Aydinn", B4="2026-12-01", E7="twee", E8=5,
                      A9="opstartn", E9=1, A10="bewaken", E10=2, A11="bewaken", F11="alleen een toelichting")
    assert import_sheet(path, content) == 1
    assert (content / "selfassessments.csv").read_bytes() == before
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": fout: ")[0] + " " + line.rsplit(" ", 1)[1] for line in err[:-1]] == [
        "zelfbeoordeling.xlsx:zelfbeoordeling!B3 [spreadsheet-unknown-person]",
        "zelfbeoordeling.xlsx:zelfbeoordeling!B4 [selfassessment-future-date]",
        "zelfbeoordeling.xlsx:zelfbeoordeling!E7 [import-bad-level]",
        "zelfbeoordeling.xlsx:zelfbeoordeling!E8 [import-level-out-of-scale]",
        "zelfbeoordeling.xlsx:zelfbeoordeling!A9 [spreadsheet-unknown-work-process]",
        "zelfbeoordeling.xlsx:zelfbeoordeling!A10 [import-selfassessment-twice]",
        "zelfbeoordeling.xlsx:zelfbeoordeling!E11 [import-selfassessment-no-level]",
    ]
    assert "'Ali Aydinn' staat niet in people.csv (als id of als naam) — bedoelt u 'Ali Aydin'?" in err[0]
    assert "werkproces 'opstartn' bestaat niet — bedoelt u 'opstarten'?" in err[4]
    assert "werkproces 'bewaken' staat ook op zelfbeoordeling.xlsx:zelfbeoordeling!A8" in err[5]
    assert err[-1] == "7 probleem/problemen; er is niets geschreven"


def test_a_retired_work_process_and_an_unsafe_note_are_refused(content: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = downloaded(content, tmp_path, E7=1, F8="rechts\u202eom", E8=1)
    assert import_sheet(path, content) == 1
    assert "zelfbeoordeling.xlsx:zelfbeoordeling!F8: fout:" in (err := capsys.readouterr().err) and "[import-unsafe-character]" in err
    wp = content / "work-processes/bewaken.md"
    wp.write_text(wp.read_text(encoding="utf-8").replace("---\n", "---\nretired: true\n", 1), encoding="utf-8")
    workbook = load_workbook(path)
    workbook.active["F8"] = "gewoon"  # type: ignore[index]
    workbook.save(path)
    assert import_sheet(path, content) == 1
    assert "zelfbeoordeling!A8: fout: werkproces 'bewaken' is buiten gebruik" in capsys.readouterr().err
    assert not (content / "selfassessments.csv").exists()


def test_a_sheet_in_the_other_language_reads_the_same(content: Path, tmp_path: Path) -> None:
    english = {"A3": "Employee", "A4": "Date", "A6": "Work process (id)", "E6": "My level", "F6": "Note"}
    path = downloaded(content, tmp_path, **english, B4="2026-10-20", E7=2, F7="fine")
    assert import_sheet(path, content) == 0
    assert (content / "selfassessments.csv").read_text(encoding="utf-8").splitlines()[1:] == ["p-001,opstarten,2,2026-10-20,fine"]


def test_a_sheet_that_is_not_a_self_assessment_sheet_is_refused(content: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    workbook = Workbook()
    workbook.active.append(["criterion", "person", "date", "assessor"])  # type: ignore[union-attr]
    workbook.save(path := tmp_path / "aftekenblad.xlsx")
    assert import_sheet(path, content) == 1
    err = capsys.readouterr().err
    assert "aftekenblad.xlsx:Sheet!A1: fout: geen kopregel gevonden: het zelfbeoordelingsblad heeft een regel met de kolommen " \
        "'Werkproces (id)' en 'Mijn niveau' [import-no-selfassessment-header]" in err
    assert "[import-selfassessment-no-person]" in err
