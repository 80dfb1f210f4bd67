"""``python -m generator import-matrix``: the example matrix of PRODUCT.md from .xlsx and CSV (issue 13)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.cli import main
from generator.derive import derive_facts
from generator.derive.matrix import format_matrix
from generator.generate import generate

from .conftest import BUILD_DATE, content_tree

# PRODUCT.md's example: team, first name, last name, a level per work process (totals rows left out here).
SEED = [
    (1, "Jan", "Jansen", 1, 0, 0, 0, 0),
    (1, "Piet", "Pietersen", 2, 0, 1, 0, 0),
    (1, "Klaas", "Klaassen", 3, 3, 3, 3, 1),
    (1, "Henk", "de Vries", 4, 4, 4, 4, 4),
    (2, "Rob", "Robberts", 3, 3, 3, 2, 0),
    (2, "Kas", "Kastens", 2, 0, 0, 0, 0),
    (2, "Jens", "Jensen", 3, 3, 3, 3, 2),
    (2, "Henk", "van Groningen", 4, 4, 4, 4, 4),
]
TOTALS = {"ploeg-1": (10, 7, 8, 7, 5), "ploeg-2": (12, 10, 10, 9, 6)}
# The headers as a sheet would have them: a title, an MBO code, an id, an accent and odd case.
HEADERS = ["Opstarten", "B1-K1-W2", "afstoppen", "MONSTERS NEMEN", "Storingen Verhélpen"]
EXTRA_WPS = {
    "afstoppen": ("Afstoppen", "B1-K1-W3"), "monsters-nemen": ("Monsters nemen", ""), "storingen-verhelpen": ("Storingen verhelpen", ""),
}


def with_five_work_processes(root: Path) -> None:
    """The base fixture's format with the five work processes of the sheets these tests import."""
    for wp_id, (title, code) in EXTRA_WPS.items():
        code_line = f"code: {code}\n" if code else ""
        (root / "work-processes" / f"{wp_id}.md").write_text(f"---\ntitle: {title}\n{code_line}criteria: []\n---\nTekst.\n")
    (root / "formats" / "operator.yml").write_text(
        "title: Operator\ndescription: Bedient de installatie.\ntarget_level: 2\ncore_tasks:\n"
        "  - code: B1-K1\n    title: Voert operationele werkzaamheden uit\n"
        "    work_processes: [opstarten, bewaken, afstoppen, monsters-nemen, storingen-verhelpen]\n")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The base fixture with a five-work-process format and only an (inactive) assessor in people.csv."""
    root = content_tree(tmp_path / "project") / "content"
    with_five_work_processes(root)
    (root / "people.csv").write_text("id,name,team,format,target_level,active\np-001,Anna Assessor,ploeg-1,operator,,no\n")
    (root / "signoffs.csv").write_text("person,work_process,criterion,level,date,assessor,note\n")
    (root / "planning.csv").write_text("person,work_process,target_level,due,coach,activity\n")
    return root


def seed_xlsx(path: Path, rows: list[tuple[object, ...]] | None = None, headers: list[str] = HEADERS) -> Path:
    """The example as a planner keeps it: a title row, the header, a totals row under each team."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Blad1"
    sheet.append(["Inzetbaarheidsmatrix operators 2026"])
    sheet.merge_cells("A1:H1")
    sheet.append(["Ploeg", "Voornaam", "Achternaam", *headers])
    rows = rows or SEED
    results: dict[str, object] = {}
    for team in dict.fromkeys(row[0] for row in rows):
        members = [row for row in rows if row[0] == team]
        for row in members:
            sheet.append(list(row))
        first, last = sheet.max_row - len(members) + 1, sheet.max_row
        sheet.append([None, None, None, *(f"=SUM({c}{first}:{c}{last})" for c in "DEFGH")])
        results.update({f"{c}{sheet.max_row}": sum(row[3 + i] for row in members if isinstance(row[3 + i], int | float))
                        for i, c in enumerate("DEFGH")})
    workbook.save(path)
    save_formula_results(path, results)
    return path


def save_formula_results(path: Path, results: dict[str, object]) -> None:
    """Give formulas the results Excel saves with them: openpyxl writes a formula without one."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for cell, result in results.items():
        xml = re.sub(rf'(<c r="{cell}"[^>]*><f>[^<]*</f>)<v ?/>', rf"\g<1><v>{result}</v>", xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def seed_csv(path: Path) -> Path:
    """The example as Dutch Excel saves it: semicolons, a byte-order mark, CR LF, totals rows."""
    lines = ["Inzetbaarheidsmatrix;;;;;;;", ";".join(["Ploeg", "Voornaam", "Achternaam", *HEADERS])]
    for team in (1, 2):
        lines += [";".join(map(str, row)) for row in SEED if row[0] == team]
        lines.append(";;;" + ";".join(map(str, TOTALS[f"ploeg-{team}"])))
    path.write_bytes("\ufeff".encode() + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    return path


def run(sheet: Path, content: Path, *extra: str) -> int:
    return main(["import-matrix", str(sheet), "--format", "operator", "--assessor", "p-001", "--date", "2026-10-01", *extra, str(content)])


def matrix_of(content: Path) -> dict[str, tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]]:
    """Per team: the levels of each row (in people.csv order) and the totals, as the built matrix shows them."""
    result = generate(content, build_date=BUILD_DATE)
    assert result.site is not None, [m.code for m in result.report.messages]
    facts = derive_facts(result.content, BUILD_DATE)
    matrix = format_matrix(result.content, facts, result.content.formats["operator"])
    return {section.team.id: (tuple(tuple(row.standings[wp.id].level for wp in matrix.work_processes) for row in section.rows),
                              section.totals) for section in matrix.sections}


def expected_matrix() -> dict[str, tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]]:
    return {f"ploeg-{team}": (tuple(tuple(row[3:]) for row in SEED if row[0] == team), TOTALS[f"ploeg-{team}"])  # type: ignore[misc]
            for team in (1, 2)}


@pytest.mark.parametrize("make", [seed_xlsx, seed_csv], ids=["xlsx", "semicolon-csv"])
def test_the_seed_matrix_comes_back_with_its_levels_and_totals(content: Path, tmp_path: Path, make: object,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    sheet = make(tmp_path / ("matrix.xlsx" if make is seed_xlsx else "matrix.csv"))  # type: ignore[operator]
    assert run(sheet, content) == 0, capsys.readouterr()
    assert matrix_of(content) == expected_matrix()
    people = (content / "people.csv").read_text().splitlines()
    assert people[1:4] == ["p-001,Anna Assessor,ploeg-1,operator,,no", "p-002,Jan Jansen,ploeg-1,operator,,yes",
                           "p-003,Piet Pietersen,ploeg-1,operator,,yes"]
    signoffs = (content / "signoffs.csv").read_text().splitlines()
    assert signoffs[1] == f"p-002,opstarten,,1,2026-10-01,p-001,ingelezen uit {sheet.name}"
    assert len(signoffs) == 1 + sum(level > 0 for row in SEED for level in row[3:])  # type: ignore[operator]


def test_a_second_import_adds_nothing(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = seed_xlsx(tmp_path / "matrix.xlsx")
    assert run(sheet, content) == 0
    before = {name: (content / name).read_bytes() for name in ("people.csv", "signoffs.csv")}
    capsys.readouterr()
    assert main(["import-matrix", str(sheet), "--format", "operator", "--assessor", "p-001", "--content", str(content)]) == 0
    assert {name: (content / name).read_bytes() for name in before} == before
    out = capsys.readouterr().out
    assert "Nieuwe medewerkers voor people.csv: 0" in out
    assert "Nieuwe niveaus voor signoffs.csv: 0 (al eerder ingelezen uit matrix.xlsx: 28)" in out


def test_dry_run_says_what_it_would_add_and_writes_nothing(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {name: (content / name).read_bytes() for name in ("people.csv", "signoffs.csv")}
    assert run(seed_xlsx(tmp_path / "matrix.xlsx"), content, "--dry-run") == 0
    assert {name: (content / name).read_bytes() for name in before} == before
    out = capsys.readouterr().out
    assert "  p-009  Henk van Groningen  (Ploeg 2)" in out
    assert "  Ploeg 1: 4 nieuwe medewerkers, 13 niveaus" in out
    assert "Proefdraai" in out


def test_existing_rows_keep_their_bytes_separator_and_line_endings(content: Path, tmp_path: Path) -> None:
    (content / "people.csv").write_bytes(b"\xef\xbb\xbfid;name;team;format;target_level;active\r\np-007;Jan Jansen;ploeg-1;operator;;yes")
    before = (content / "people.csv").read_bytes()
    assert run(seed_csv(tmp_path / "matrix.csv"), content, "--dry-run") == 1  # the assessor is gone
    (content / "people.csv").write_bytes(before + b"\r\np-001;Anna Assessor;ploeg-1;operator;;no\r\n")
    before = (content / "people.csv").read_bytes()
    assert run(seed_csv(tmp_path / "matrix.csv"), content) == 0
    after = (content / "people.csv").read_bytes()
    assert after.startswith(before)
    assert after[len(before):].split(b"\r\n")[0] == b"p-008;Piet Pietersen;ploeg-1;operator;;yes"  # Jan Jansen is known
    signoffs = (content / "signoffs.csv").read_text()
    assert "p-007,opstarten,,1,2026-10-01" in signoffs


def test_a_lower_level_than_today_is_pointed_out(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(seed_xlsx(tmp_path / "matrix.xlsx"), content) == 0
    lower = [(1, "Klaas", "Klaassen", 2, 3, 3, 3, 1)]
    capsys.readouterr()
    assert run(seed_xlsx(tmp_path / "nieuw.xlsx", lower), content, "--dry-run") == 0
    assert ("nieuw.xlsx:Blad1!D3: waarschuwing: Klaas Klaassen heeft nu niveau 3 op 'opstarten'; de import legt niveau 2 vast, "
            "dat dan geldt [import-lower-level]") in capsys.readouterr().out


def test_every_problem_is_located_and_nothing_is_written(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows: list[tuple[object, ...]] = [
        (1, "Jan", "Jansen", 1, "twee", 0, 0, 0),
        (1, "Jan", "Jansen", 1, 0, 0, 0, 0),
        (3, "Piet", "Pietersen", 2, 0, 1, 0, 0),
        (2, "Rob", "Robberts", 5, 2.5, 3, 2, 0),
    ]
    (content / "people.csv").write_text("id,name,team,format,target_level,active\np-001,Anna Assessor,ploeg-1,operator,,no\n"
                                        "p-002,Rob Robberts,ploeg-2,operator,,yes\np-003,Rob Robberts,ploeg-2,operator,,no\n")
    before = {name: (content / name).read_bytes() for name in ("people.csv", "signoffs.csv")}
    sheet = seed_xlsx(tmp_path / "matrix.xlsx", rows, headers=[*HEADERS[:4], "Storingen oplossen"])
    assert run(sheet, content) == 1
    assert {name: (content / name).read_bytes() for name in before} == before
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": fout: ")[0] + " " + line.rsplit(" ", 1)[1] for line in err[:-1]] == [
        "matrix.xlsx:Blad1!H2 [import-unknown-column]",
        "matrix.xlsx:Blad1!E3 [import-bad-level]",
        "matrix.xlsx:Blad1!A6 [import-unknown-team]",
        "matrix.xlsx:Blad1!D8 [import-level-out-of-scale]",
        "matrix.xlsx:Blad1!E8 [import-bad-level]",
        "matrix.xlsx:Blad1!B4 [import-duplicate-person]",
        "matrix.xlsx:Blad1!B8 [import-ambiguous-name]",
    ]
    assert err[-1] == "7 probleem/problemen; er is niets geschreven"


def test_a_csv_in_an_unknown_encoding_is_refused_with_advice(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "matrix.csv"
    sheet.write_bytes("Ploeg,Naam,Opstarten\n1,Jan Jansen,1\n".encode("utf-16"))
    assert run(sheet, content) == 1
    assert "CSV UTF-8" in capsys.readouterr().err


def test_windows_1252_is_read(content: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "matrix.csv"
    sheet.write_bytes("Ploeg;Naam;Opstarten\n1;Jos\u00e9 M\u00fcller;2\n".encode("cp1252"))
    assert run(sheet, content) == 0
    assert "José Müller" in (content / "people.csv").read_text()


def test_the_build_date_is_the_default_date(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 9, 1, tzinfo=dt.UTC).timestamp())))
    sheet = seed_csv(tmp_path / "matrix.csv")
    assert main(["import-matrix", str(sheet), "--format", "operator", "--assessor", "p-001", "--content", str(content)]) == 0
    assert ",2026-09-01,p-001," in (content / "signoffs.csv").read_text()
