"""The matrix as an .xlsx download beside its CSV: same cells, totals, coverage, colours, and the same bytes every build."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.generate import generate
from generator.spreadsheets import xlsx

from .conftest import BUILD_DATE, content_tree


def files_of(content: Path) -> dict[str, bytes]:
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None
    return {file.path: file.read() for file in result.site.files}


def test_the_workbook_holds_the_csv_with_totals_coverage_and_colours(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    (content / "people.csv").write_text("id,name,team,format,target_level,active\np-001,Ali Aydin,ploeg-1,operator,,yes\n"
                                        "p-002,Bea de Boer,ploeg-2,operator,,\np-003,=Cas Cornelis,ploeg-1,operator,,yes\n")
    files = files_of(content)
    rows = list(csv.reader(io.StringIO(files["matrix/operator.csv"].decode())))
    workbook = load_workbook(io.BytesIO(files["matrix/operator.xlsx"]))
    sheet = workbook.active
    assert sheet is not None
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0][0] == "Operator — inzetbaarheidsmatrix, stand van 2026-11-01"
    assert cells[1] == rows[0]
    people = [row for row in cells[2:] if row[1] is not None]
    assert people == [[int(c) if c.isdigit() else c.removeprefix("'") for c in row] for row in rows[1:]]
    assert all(isinstance(level, int) for row in people for level in row[3:])
    assert cells[4][:3] == ["ploeg-1", None, "Totaal Ploeg 1"] and cells[5][2] == "Aantal op niveau ≥ 2 (minimaal 1)"
    assert cells[4][3:5] == [sum(row[3] for row in people[:2]), sum(row[4] for row in people[:2])]  # type: ignore[misc]
    assert sheet.freeze_panes == "D3"
    # The level colours are conditional formats over the people's levels (not the totals): one rule per level.
    (formats,) = list(sheet.conditional_formatting)
    assert str(formats.sqref) == "D3:F4 D7:F7"  # Ploeg 1's two people, then Ploeg 2's one, levels and overall
    colours = {(rule.operator, rule.formula[0]): rule.dxf.fill.bgColor.rgb[-6:] for rule in formats.rules}
    assert colours == {("equal", "0"): "EEEEEE", ("equal", "1"): "FDE0C5", ("equal", "2"): "FFF3A6",
                       ("equal", "3"): "B9E4B0", ("greaterThanOrEqual", "4"): "7CC4E8"}
    assert sheet["C4"].data_type == "s" and sheet["C4"].value == "=Cas Cornelis"  # text, not a formula


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    builds = [{path: data for path, data in files_of(content).items() if path.endswith(".xlsx")} for _ in range(2)]
    assert sorted(builds[0]) == ["aftekenlijsten/operator-niveau-1.xlsx", "aftekenlijsten/operator-niveau-2.xlsx", "matrix/operator.xlsx",
                                 "pop/p-001/zelfbeoordeling.xlsx", "pop/p-002/zelfbeoordeling.xlsx",
                                 "teams/ploeg-1/matrix/operator.xlsx", "teams/ploeg-2/matrix/operator.xlsx"]
    assert builds[0] == builds[1]
    first = builds[0]["matrix/operator.xlsx"]
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2026-11-01T00:00:00Z" in archive.read("docProps/core.xml")


def test_no_workbook_without_personal_data(tmp_path: Path) -> None:
    content = content_tree(tmp_path) / "content"
    organisation = content / "organisation.yml"
    organisation.write_text(organisation.read_text().replace("personal_data: true", "personal_data: false"))
    assert not [path for path in files_of(content) if path.startswith(("matrix/", "teams/"))]


FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"klik\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "=1+1")


def test_every_published_sheet_holds_text_not_formulas(tmp_path: Path) -> None:
    """Every author-written text that reaches a sheet (titles, criteria, names, labels) starts as a formula would."""
    project = content_tree(tmp_path)
    content = project / "content"
    replace = {
        "organisation.yml": [("Testfabriek BV", f"'{FORMULAS[5]}'"), ("Niet opgeleid", "'=0'"), ("Medewerker", "'+2'"),
                             ("Ploeg 1", "'@ploeg'")],
        "formats/operator.yml": [("title: Operator", "title: '=1+1'"),
                                 ("Voert operationele werkzaamheden uit", "'-Voert operationele werkzaamheden uit'")],
        "work-processes/opstarten.md": [("title: Opstarten", "title: '@Opstarten'"),
                                        ("Benoemt de stappen", "'=HYPERLINK(\"http://evil.example\",\"klik\")'"),
                                        ("Start zelfstandig op", "'+Start zelfstandig op'")],
        "people.csv": [("Ali Aydin", "=cmd|' /C calc'!A0"), ("Bea de Boer", "-Bea")],
    }
    for name, pairs in replace.items():
        text = (content / name).read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (name, old)
            text = text.replace(old, new)
        (content / name).write_text(text, encoding="utf-8")
    files = files_of(content)
    sheets = {path: data for path, data in files.items() if path.endswith((".xlsx", ".csv"))}
    assert len([p for p in sheets if p.endswith(".xlsx")]) > 1, sorted(sheets)  # the matrix and the sign-off sheets
    seen = []
    for path, data in sheets.items():
        if path.endswith(".csv"):
            fields = [field for row in csv.reader(io.StringIO(data.decode("utf-8"))) for field in row]
            assert not [f for f in fields if f.startswith(("=", "+", "-", "@", "\t", "\r"))], path
            seen += fields
            continue
        for sheet in load_workbook(io.BytesIO(data)).worksheets:  # not data_only: formulas would show as formulas
            for row in sheet.iter_rows():
                assert not [c.coordinate for c in row if c.data_type == "f"], (path, sheet.title)
                seen += [str(c.value) for c in row if c.value is not None]
    # The texts are there, as text: the test would pass vacuously without them.
    assert {"=1+1", "=HYPERLINK(\"http://evil.example\",\"klik\")", "'=cmd|' /C calc'!A0", "'-Bea"} <= {
        value.split(" — ")[0] for value in seen} | set(seen), sorted(set(seen))[:40]


def test_a_matrix_beyond_an_excel_sheet_is_an_error_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel's 1,048,576 rows, lowered here: title and header, 2 active people, 2 teams × 2 rows of totals = 8 rows."""
    content = content_tree(tmp_path) / "content"
    monkeypatch.setattr(xlsx, "EXCEL_ROWS", 7)
    monkeypatch.chdir(content.parent)
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is None
    lines = result.catalogue.lines(result.report.in_file_order())
    assert [line for line in lines if "[matrix-too-large]" in line] == [
        "content/formats/operator.yml:1: fout: de matrix van dit format wordt 8 rijen bij 6 kolommen, meer dan een "
        "Excel-blad kan bevatten (7 rijen, 16384 kolommen); verdeel de medewerkers of werkprocessen over meer formats "
        "[matrix-too-large]"]
    monkeypatch.setattr(xlsx, "EXCEL_ROWS", 8)
    assert generate(content, build_date=BUILD_DATE).site is not None
