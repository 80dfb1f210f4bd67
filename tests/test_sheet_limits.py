"""Imported sheets are read within limits, and nothing in them passes unseen (issue 20).

Every hostile file is built here, small: a zip bomb of some tens of kB, a million rows
of a few MB; the refusals are checked by code and place, and through the command that
nothing is written.
"""

from __future__ import annotations

import os
import random
import socket
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.catalogue import Catalogue
from generator.characters import has_unsafe_characters
from generator.cli import main
from generator.diagnostics import Report, Text
from generator.spreadsheets import sheet as sheet_module
from generator.spreadsheets.sheet import (
    CELL_LIMIT,
    COLUMN_LIMIT,
    FILE_LIMIT,
    PROBLEM_LIMIT,
    ROW_LIMIT,
    Sheet,
    looks_like_formula,
    read_sheet,
)

from .conftest import content_tree
from .test_import_matrix import content, run, seed_xlsx  # noqa: F401  (content is a fixture)

SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET_PART = "xl/worksheets/sheet1.xml"


def read(path: Path) -> tuple[Sheet | None, list[tuple[str, str]]]:
    report = Report()
    sheet = read_sheet(path, None, report)
    return sheet, [(str(m.location), m.code) for m in report.messages]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Blad1"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def replace_parts(path: Path, parts: dict[str, str | bytes]) -> Path:
    """The workbook at ``path`` with some of its parts replaced by hand-written XML."""
    with zipfile.ZipFile(path) as archive:
        kept = {info.filename: archive.read(info) for info in archive.infolist()}
    kept.update({name: data.encode() if isinstance(data, str) else data for name, data in parts.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in kept.items():
            archive.writestr(name, data)
    return path


def sheet_xml(rows: str, *, before: str = "", prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{SPREADSHEET_NS}">{before}'
            f"<sheetData>{rows}</sheetData></worksheet>")


def hand_sheet(path: Path, rows: str, **xml: str) -> Path:
    """A workbook whose sheet is ``rows`` of hand-written <row> elements (inline strings need no shared strings)."""
    return replace_parts(workbook(path, [["x"]]), {SHEET_PART: sheet_xml(rows, **xml)})


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


# --- only regular files, at most FILE_LIMIT bytes -------------------------------------------------


def test_a_pipe_a_device_a_folder_and_a_socket_are_refused_before_opening(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")  # opening it for reading would block until a writer came
    (tmp_path / "zero.csv").symlink_to("/dev/zero")  # reading it would never end
    (tmp_path / "folder.xlsx").mkdir()
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "socket.csv"))
        for name, what in [("pipe.csv", "special"), ("zero.csv", "special"), ("folder.xlsx", "folder"), ("socket.csv", "special")]:
            report = Report()
            assert read_sheet(tmp_path / name, None, report) is None
            assert [(str(m.location), m.code, m.params["what"]) for m in report.messages] == [
                (name, "import-not-a-file", Text(f"import.kind-{what}"))]
    assert read(tmp_path / "gone.csv") == (None, [("gone.csv", "import-missing")])
    line = Catalogue("nl").line(read_report(tmp_path / "zero.csv").messages[0])
    assert line == ("zero.csv: fout: dit is geen gewoon bestand maar een pipe, apparaat of socket, en wordt niet gelezen; "
                    "geef een .xlsx- of .csv-bestand op [import-not-a-file]")


def read_report(path: Path) -> Report:
    report = Report()
    read_sheet(path, None, report)
    return report


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.csv").write_text("Ploeg;Naam\n1;Jan\n")
    (tmp_path / "matrix.csv").symlink_to(tmp_path / "real.csv")
    sheet, messages = read(tmp_path / "matrix.csv")
    assert messages == []
    assert sheet is not None and sheet.rows == (("Ploeg", "Naam"), ("1", "Jan"))


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    for name in ("big.csv", "big.xlsx"):
        with (tmp_path / name).open("wb") as file:
            file.truncate(FILE_LIMIT + 1)  # sparse: nothing is written
        assert read(tmp_path / name) == (None, [(name, "file-too-large")])


# --- a workbook's parts measured before unpacking ---------------------------------------------------


def zip_bomb(path: Path, unpacked: int) -> Path:
    """A workbook whose sheet unpacks to ``unpacked`` bytes of nothing; packed a thousandth of that."""
    workbook(path, [["x"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/sharedStrings2.xml", "w") as part:
        chunk = b" " * 2**20
        for _ in range(unpacked // len(chunk)):
            part.write(chunk)
    return path


def test_a_zip_bomb_is_refused_by_the_sizes_its_directory_declares(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.xlsx", 64 * 2**20)
    assert bomb.stat().st_size < 200_000
    start = time.perf_counter()
    assert read(bomb) == (None, [("bomb.xlsx", "import-unpacked-too-large")])
    assert time.perf_counter() - start < 1


def test_a_part_that_unpacks_a_thousandfold_is_refused(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.xlsx", 4 * 2**20)
    report = read_report(bomb)
    assert [m.code for m in report.messages] == ["import-packed-ratio"]
    assert report.messages[0].params["part"] == "xl/sharedStrings2.xml"


def test_a_512_mib_string_never_reaches_the_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's 527 kB workbook: its shared strings declare 512 MiB; nothing is unpacked to find out."""
    path = workbook(tmp_path / "string.xlsx", [["x"]])
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist() if info.filename != "xl/sharedStrings.xml"}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(f'<sst xmlns="{SPREADSHEET_NS}"><si><t>'.encode())
            for _ in range(64):
                part.write(b"a" * 2**20)
            part.write(b"</t></si></sst>")
    monkeypatch.setattr(sheet_module, "load_workbook", lambda *args, **kwargs: pytest.fail("unpacked"))
    assert read(path) == (None, [("string.xlsx", "import-unpacked-too-large")])


# --- XML without entities ---------------------------------------------------------------------------------

BILLION_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
                  '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
                  '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
                  '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
                  '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
                  '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
                  '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>')


@pytest.mark.parametrize("part", [SHEET_PART, "xl/styles.xml", "xl/workbook.xml", "docProps/core.xml"])
def test_an_entity_bomb_is_a_located_message(tmp_path: Path, part: str) -> None:
    path = workbook(tmp_path / "lol.xlsx", [["x"]])
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part).decode()
    declaration_end = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
    xml = xml[:declaration_end] + BILLION_LAUGHS + xml[declaration_end:].replace(">x<", ">&lol9;<")
    replace_parts(path, {part: xml})
    report = read_report(path)
    assert [(str(m.location), m.code) for m in report.messages] == [("lol.xlsx", "import-xml-entities")]
    assert Catalogue("en").line(report.messages[0]).startswith("lol.xlsx: error: the XML in this workbook declares entities")


def test_one_entity_declaration_is_refused_too(tmp_path: Path) -> None:
    path = hand_sheet(tmp_path / "entity.xlsx", f'<row r="1">{text_cell("A1", "&naam;")}</row>',
                      prolog='<!DOCTYPE worksheet [<!ENTITY naam "Jan Jansen">]>')
    assert read(path) == (None, [("entity.xlsx", "import-xml-entities")])


def test_broken_xml_and_a_broken_zip_are_located_messages(tmp_path: Path) -> None:
    broken = replace_parts(workbook(tmp_path / "broken.xlsx", [["x"]]), {SHEET_PART: "<worksheet><sheetData><row>"})
    assert read(broken) == (None, [("broken.xlsx", "import-not-xlsx")])
    (tmp_path / "zip.xlsx").write_bytes(b"PK\x03\x04 not a zip at all")
    assert read(tmp_path / "zip.xlsx") == (None, [("zip.xlsx", "import-not-xlsx")])


# --- rows, columns and cells ----------------------------------------------------------------------------


def test_a_million_rows_stop_at_the_row_limit(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b"Ploeg;Naam;Opstarten\n" + b"1;Jan;2\n" * (2**20 - 1))
    start = time.perf_counter()
    assert read(path) == (None, [(f"rows.csv:A{ROW_LIMIT + 1}", "import-too-many-rows")])
    assert time.perf_counter() - start < 2


def test_rows_past_the_limit_in_a_workbook_stop_the_reading(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(1, ROW_LIMIT + 50))
    assert read(hand_sheet(tmp_path / "rows.xlsx", rows)) == (None, [(f"rows.xlsx:Blad1!A{ROW_LIMIT + 1}", "import-too-many-rows")])
    last = '<row r="1048576"><c r="B1048576"><v>1</v></c></row>'
    assert read(hand_sheet(tmp_path / "last.xlsx", last)) == (None, [("last.xlsx:Blad1!B1048576", "import-too-many-rows")])


def test_empty_rows_past_the_limit_are_no_rows(tmp_path: Path) -> None:
    rows = f'<row r="1">{text_cell("A1", "Ploeg")}</row><row r="1048576"><c r="A1048576" s="0"/></row>'
    sheet, messages = read(hand_sheet(tmp_path / "styled.xlsx", rows))
    assert messages == []
    assert sheet is not None and len(sheet.rows) == ROW_LIMIT and sheet.rows[0] == ("Ploeg",)


def test_a_column_past_the_limit_is_refused(tmp_path: Path) -> None:
    beyond = sheet_module.get_column_letter(COLUMN_LIMIT + 1)
    path = hand_sheet(tmp_path / "wide.xlsx", f'<row r="1">{text_cell("A1", "Ploeg")}<c r="{beyond}1"><v>1</v></c></row>')
    assert read(path) == (None, [(f"wide.xlsx:Blad1!{beyond}1", "import-too-many-columns")])
    assert read(hand_sheet(tmp_path / "xfd.xlsx", '<row r="2"><c r="XFD2"><v>1</v></c></row>')) == (
        None, [("xfd.xlsx:Blad1!XFD2", "import-too-many-columns")])
    (tmp_path / "wide.csv").write_text("Ploeg;Naam\n" + ";" * COLUMN_LIMIT + "3\n")
    assert read(tmp_path / "wide.csv") == (None, [(f"wide.csv:{beyond}2", "import-too-many-columns")])


def test_a_declared_size_is_not_trusted(tmp_path: Path) -> None:
    """openpyxl pads every row to the size a sheet declares: 16,384 columns, or cuts cells beyond a size too small."""
    rows = f'<row r="1">{text_cell("A1", "Ploeg")}{text_cell("B1", "Naam")}{text_cell("C1", "Opstarten")}</row>'
    for ref in ("A1:XFD1048576", "A1:A1"):
        sheet, messages = read(hand_sheet(tmp_path / "size.xlsx", rows, before=f'<dimension ref="{ref}"/>'))
        assert messages == []
        assert sheet is not None and sheet.rows == (("Ploeg", "Naam", "Opstarten"),)


def test_a_long_cell_is_refused_at_its_place(tmp_path: Path) -> None:
    long = "a" * (CELL_LIMIT + 1)
    workbook(tmp_path / "long.xlsx", [["Ploeg", "Naam"], [1, long]])
    assert read(tmp_path / "long.xlsx") == (None, [("long.xlsx:Blad1!B2", "import-cell-too-long")])
    (tmp_path / "long.csv").write_text(f"Ploeg;Naam\n1;{long}\n")
    assert read(tmp_path / "long.csv") == (None, [("long.csv:B2", "import-cell-too-long")])
    workbook(tmp_path / "fits.xlsx", [["Ploeg", "Naam"], [1, "a" * CELL_LIMIT]])
    assert read(tmp_path / "fits.xlsx")[1] == []


def test_bad_cells_are_reported_up_to_a_limit(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text("Naam\n" + "=1+1\n" * (PROBLEM_LIMIT + 50))
    _, messages = read(tmp_path / "bad.csv")
    assert len(messages) == PROBLEM_LIMIT + 1
    assert messages[-1] == (f"bad.csv:A{PROBLEM_LIMIT + 1}", "import-too-many-problems")


# --- no silent damage ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "formula"), [
    ("=cmd|' /C calc'!A0", True), ("=SUM(A1:A3)", True), ("+31 6 12345678", True), ("@SUM(A1)", True), ("-2+3", True),
    (" =HYPERLINK(\"http://x\")", True), ("-", False), ("-3", False), ("+2", False), ("-1,5", False), ("3", False),
    ("Jan-Piet", False), ("", False), ("=", False),
])
def test_what_looks_like_a_formula(text: str, formula: bool) -> None:
    assert looks_like_formula(text) is formula


def test_formula_text_is_refused_in_a_text_cell_and_as_a_saved_value(tmp_path: Path) -> None:
    workbook(tmp_path / "text.xlsx", [["Ploeg", "Voornaam", "Achternaam"], [1, "Jan", "-3"], [1, "Piet", "@SUM(A1)"]])
    assert read(tmp_path / "text.xlsx") == (None, [("text.xlsx:Blad1!C3", "import-formula-text")])
    # A formula cell whose saved value is the formula text: data_only reading gives that text.
    saved = '<c r="B1" t="str"><f>A1&amp;""</f><v>=cmd|\' /C calc\'!A0</v></c>'
    assert read(hand_sheet(tmp_path / "saved.xlsx", f'<row r="1">{text_cell("A1", "Naam")}{saved}</row>')) == (
        None, [("saved.xlsx:Blad1!B1", "import-formula-text")])
    (tmp_path / "text.csv").write_text("Ploeg;Naam\n1;=cmd|' /C calc'!A0\n")
    assert read(tmp_path / "text.csv") == (None, [("text.csv:B2", "import-formula-text")])


def test_invisible_characters_are_refused_at_their_cell(tmp_path: Path) -> None:
    # XML has no C0 controls but tab, line feed and carriage return, not even as &#x1B;: those reach us from CSV only.
    cells = ["&#x202E;Jan", "Jan\x7fJansen", "Jan\u0085", "Jan&#x2066;", "Regel 1\nRegel 2", "Regel 1\r\nRegel 2"]
    rows = "".join(f'<row r="{n}">{text_cell(f"A{n}", text)}</row>' for n, text in enumerate(cells, start=1))
    report = read_report(hand_sheet(tmp_path / "hidden.xlsx", rows))
    assert [(str(m.location), m.code, m.params["character"]) for m in report.messages] == [
        ("hidden.xlsx:Blad1!A1", "import-unsafe-character", "U+202E"),
        ("hidden.xlsx:Blad1!A2", "import-unsafe-character", "U+007F"),
        ("hidden.xlsx:Blad1!A3", "import-unsafe-character", "U+0085"),
        ("hidden.xlsx:Blad1!A4", "import-unsafe-character", "U+2066"),
    ]  # a line break in a cell (Alt+Enter in Excel) is no problem, nor is a tab: check reads both as text
    (tmp_path / "hidden.csv").write_bytes(b"Naam\n\"Jan\xe2\x80\x8fJansen\"\nJan\x1b[31mJansen\n\"Regel 1\nRegel 2\"\n")
    assert read(tmp_path / "hidden.csv") == (None, [("hidden.csv:A2", "import-unsafe-character"),
                                                   ("hidden.csv:A3", "import-unsafe-character")])


def test_a_formula_without_a_saved_value_is_an_error_at_its_cell(tmp_path: Path) -> None:
    workbook(tmp_path / "formula.xlsx", [["Ploeg", "Naam", "Opstarten"], [1, "Jan", "=1+1"]])  # openpyxl computes nothing
    report = read_report(tmp_path / "formula.xlsx")
    assert [(str(m.location), m.code) for m in report.messages] == [("formula.xlsx:Blad1!C2", "import-uncomputed-formula")]
    assert Catalogue("nl").line(report.messages[0]).endswith("open en bewaar het bestand in Excel [import-uncomputed-formula]")


def test_saved_formula_results_are_read(tmp_path: Path) -> None:
    cells = ('<c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1" s="0"/>'
             f'{text_cell("D1", "Jan")}<c r="E1" t="str"><f>D1</f><v>Jan</v></c>')
    sheet, messages = read(hand_sheet(tmp_path / "saved.xlsx", f'<row r="1">{cells}</row>'))
    assert messages == []
    assert sheet is not None and sheet.rows == ((2, "", None, "Jan", "Jan"),)


def test_a_csv_mixing_utf8_and_windows_1252_is_refused_at_the_first_bad_line(tmp_path: Path) -> None:
    mixed = "Ploeg;Naam\n1;José Gonçalves\n".encode() + "1;Jürgen Müller\n".encode("cp1252")
    (tmp_path / "mixed.csv").write_bytes(mixed)
    report = read_report(tmp_path / "mixed.csv")
    assert [(str(m.location), m.code) for m in report.messages] == [("mixed.csv:3", "import-mixed-encoding")]
    # A byte-order mark says UTF-8: a Windows-1252 byte after it is the mixed case too.
    (tmp_path / "marked.csv").write_bytes(b"\xef\xbb\xbfPloeg;Naam\n1;J\xfcrgen\n")
    assert read(tmp_path / "marked.csv") == (None, [("marked.csv:2", "import-mixed-encoding")])
    # Without any UTF-8 it is Windows-1252, as Excel saves "CSV" in Western Europe.
    (tmp_path / "ansi.csv").write_bytes("Ploeg;Naam\n1;José Gonçalves\n".encode("cp1252"))
    sheet, messages = read(tmp_path / "ansi.csv")
    assert messages == [] and sheet is not None and sheet.rows[1] == ("1", "José Gonçalves")


@pytest.mark.parametrize(("text", "found"), [
    ("Jan Jansen", None), ("Jos\u00e9 \u05e9\u05dc\u05d5\u05dd", None), ("a\x00b", "U+0000"), ("a\tb", None),
    ("a\nb", None), ("\x7f", "U+007F"), ("a\x85", "U+0085"), ("\u200eJan", "U+200E"), ("\u200f", "U+200F"),
    ("\u202aJan", "U+202A"), ("x\u202e", "U+202E"), ("\u2066", "U+2066"), ("\u2069", "U+2069"), ("\u2028", None),
])
def test_unsafe_characters(text: str, found: str | None) -> None:
    assert has_unsafe_characters(text) == found


# --- through the command: refused, located, nothing written ---------------------------------------------


def test_the_import_writes_nothing_for_a_formula_in_a_name(content: Path, tmp_path: Path,  # noqa: F811
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = {name: (content / name).read_bytes() for name in ("people.csv", "signoffs.csv")}
    (tmp_path / "matrix.csv").write_text("Ploeg;Voornaam;Achternaam;Opstarten\n1;Jan;=cmd|' /C calc'!A0;1\n")
    assert run(tmp_path / "matrix.csv", content) == 1
    assert {name: (content / name).read_bytes() for name in before} == before
    err = capsys.readouterr().err.splitlines()
    assert err == ["matrix.csv:C2: fout: '=cmd|' /C calc'!A0' begint met =, +, - of @ en zou in Excel als formule worden "
                   "uitgevoerd zodra people.csv of signoffs.csv wordt geopend; haal dat teken weg of zet er tekst voor "
                   "[import-formula-text]", "1 probleem/problemen; er is niets geschreven"]


def test_an_import_from_a_fifo_neither_blocks_nor_writes(content: Path, tmp_path: Path,  # noqa: F811
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "matrix.csv")
    assert run(tmp_path / "matrix.csv", content) == 1
    assert "[import-not-a-file]" in capsys.readouterr().err


def test_a_signoff_sheet_with_a_formula_in_a_note_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793534400")  # 2026-11-01
    content_dir = content_tree(tmp_path / "project") / "content"
    (tmp_path / "aftekenblad.csv").write_text(
        "criterion,person,date,assessor,note\n"
        "opstarten-1-01,p-001,2026-10-05,p-002,\"=HYPERLINK(\"\"http://x.example\"\",\"\"klik\"\")\"\n"
        "bewaken-1-01,\u202ep-001,2026-10-05,p-002,op de vloer\n")
    before = (content_dir / "signoffs.csv").read_bytes()
    assert main(["import-signoffs", str(tmp_path / "aftekenblad.csv"), str(content_dir)]) == 1
    assert (content_dir / "signoffs.csv").read_bytes() == before
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": fout: ")[0] + " " + line.rsplit(" ", 1)[1] for line in err[:-1]] == [
        "aftekenblad.csv:E2 [import-formula-text]", "aftekenblad.csv:B3 [import-unsafe-character]"]


def test_the_import_stops_after_a_hundred_bad_levels(content: Path, tmp_path: Path,  # noqa: F811
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"1;Naam {n};x;x;x;x;x\n" for n in range(ROW_LIMIT - 10))
    (tmp_path / "matrix.csv").write_text("Ploeg;Naam;Opstarten;B1-K1-W2;afstoppen;monsters nemen;storingen verhelpen\n" + rows)
    assert run(tmp_path / "matrix.csv", content) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == PROBLEM_LIMIT + 2
    assert err[-2].startswith("matrix.csv:A22: fout: 100 cellen met een probleem")


def test_a_damaged_workbook_is_a_message_never_a_traceback(tmp_path: Path) -> None:
    """Seeded damage to each part of a small workbook; seed 1 once raised TypeError and IndexError from inside openpyxl."""
    base = workbook(tmp_path / "base.xlsx", [["Ploeg", "Naam", "Opstarten"], [1, "Jan", 2], [1, "Piet", "=1+1"]])
    with zipfile.ZipFile(base) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    tokens = [b"<", b">", b'"', b'r="ZZZ99999999"', b't="s"', b't="e"', b't="d"', b"<v>x</v>", b'sheetId="x"', b"-1", b"<f>",
              b"&#0;", b"\xff", b's="999"', b'<dimension ref="A0:B"/>']
    chance = random.Random(1)
    for number in range(60):
        name = chance.choice(sorted(parts))
        data = bytearray(parts[name])
        for _ in range(chance.randint(1, 3)):
            at, what = chance.randrange(len(data) + 1), chance.random()
            if what < 0.4:
                data[at:at + chance.randint(1, 8)] = b""
            elif what < 0.8:
                data[at:at] = chance.choice(tokens)
            else:
                data[at:at + 1] = bytes([chance.randrange(256)])
        damaged = replace_parts(workbook(tmp_path / f"damaged-{number}.xlsx", []), {**parts, name: bytes(data)})
        read(damaged)  # raises if anything escapes
