"""Time and peak memory of ``import-matrix`` refusing the hostile sheets of issue 20.

Builds, in --out, a content tree (bench/import_matrix.py's) and the files the issue
names, then runs ``python -m generator import-matrix FILE ... --dry-run`` on each
under ``/usr/bin/time -v`` in a process of its own, and prints wall time, peak
resident memory and the message that refused it:

- ``string.xlsx`` — a workbook of some 500 kB whose one shared string is 512 MiB;
- ``bomb.xlsx`` — a zip bomb of some 2 MB whose sheet unpacks to 2 GiB;
- ``rows.xlsx`` — the issue's sheet of 1,048,576 rows (team, name, four levels);
- ``rows-sparse.xlsx`` — 20,000 rows and a cell in row 1,048,576, small enough
  unpacked that the row limit stops it;
- ``dense.xlsx`` — just under the unpacked limit of tiny rows, and no declared size:
  the slowest sheet to refuse within the limits;
- ``rows.csv`` — 1,048,576 rows of CSV;
- ``entities.xlsx`` — a billion-laughs entity bomb in the sheet's XML;
- ``zero.csv`` — a link to /dev/zero.

    .venv/bin/python bench/sheet_limits.py --out /tmp/sheet-limits

Figures of a run are in bench/sheet_limits.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from import_matrix import write_content  # the benchmark folder is no package: found through sys.path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MIB = 2**20
ROWS = 1_048_576  # Excel's last row

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
            '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
HEADER = ("Ploeg", "Naam", "Werkproces 1", "Werkproces 2", "Werkproces 3", "Werkproces 4")


def write_workbook(path: Path, sheet: Iterator[bytes], strings: Iterator[bytes]) -> None:
    """A workbook as Excel lays it out, its sheet and shared strings streamed in pieces (zip64 where needed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
            archive.writestr(name, text)
        for name, pieces in (("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", strings)):
            with archive.open(name, "w", force_zip64=True) as part:
                for piece in pieces:
                    part.write(piece)


def sheet_of(rows: Iterator[bytes], prolog: bytes = b"") -> Iterator[bytes]:
    yield b'<?xml version="1.0" encoding="UTF-8"?>' + prolog + f'<worksheet xmlns="{NS}"><sheetData>'.encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def strings_of(*texts: str) -> Iterator[bytes]:
    yield f'<sst xmlns="{NS}" count="{len(texts)}" uniqueCount="{len(texts)}">'.encode()
    yield from (f"<si><t>{text}</t></si>".encode() for text in texts)
    yield b"</sst>"


def header_row() -> bytes:
    return b'<row r="1">' + b"".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>'.encode() for i in range(len(HEADER))) + b"</row>"


def string_xlsx(path: Path) -> None:
    """The issue's 527 kB workbook: one shared string of 512 MiB in cell B2."""
    def strings() -> Iterator[bytes]:
        yield f'<sst xmlns="{NS}">'.encode() + b"".join(f"<si><t>{text}</t></si>".encode() for text in HEADER) + b"<si><t>"
        for _ in range(512):
            yield b"a" * MIB
        yield b"</t></si></sst>"
    row = f'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>{len(HEADER)}</v></c></row>'.encode()
    write_workbook(path, sheet_of(iter([header_row(), row])), strings())


def bomb_xlsx(path: Path) -> None:
    """A sheet that unpacks to 2 GiB of white space between its rows."""
    def rows() -> Iterator[bytes]:
        yield header_row()
        for _ in range(2048):
            yield b" " * MIB
    write_workbook(path, sheet_of(rows()), strings_of(*HEADER))


def person_row(n: int) -> bytes:
    return (f'<row r="{n}"><c r="A{n}"><v>{n % 2 + 1}</v></c><c r="B{n}" t="inlineStr"><is><t>Naam {n}</t></is></c>'
            f'<c r="C{n}"><v>1</v></c><c r="D{n}"><v>2</v></c><c r="E{n}"><v>3</v></c><c r="F{n}"><v>1</v></c></row>').encode()


def rows_xlsx(path: Path) -> None:
    """The issue's sheet: 1,048,576 rows of team, name and four levels."""
    write_workbook(path, sheet_of(iter([header_row(), *map(person_row, range(2, ROWS + 1))])), strings_of(*HEADER))


def sparse_xlsx(path: Path) -> None:
    last = f'<row r="{ROWS}"><c r="A{ROWS}"><v>1</v></c></row>'.encode()
    write_workbook(path, sheet_of(iter([header_row(), *map(person_row, range(2, 20_002)), last])), strings_of(*HEADER))


def dense_xlsx(path: Path) -> None:
    """Rows of one cell each up to just under the unpacked limit, without a declared size."""
    def rows() -> Iterator[bytes]:
        yield header_row()
        size, n = 0, 2
        while size < 19 * MIB:
            row = f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>'.encode()
            size, n = size + len(row), n + 1
            yield row
    write_workbook(path, sheet_of(rows()), strings_of(*HEADER))


def rows_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8") as file:
        file.write(";".join(HEADER) + "\n")
        file.writelines(f"{n % 2 + 1};N{n};1;2;3;1\n" for n in range(2, ROWS + 1))


def entities_xlsx(path: Path) -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    prolog = f'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{entities}]>'.encode()
    row = b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    write_workbook(path, sheet_of(iter([header_row(), row]), prolog), strings_of(*HEADER))


BUILDERS = {
    "string.xlsx": string_xlsx,
    "bomb.xlsx": bomb_xlsx,
    "rows.xlsx": rows_xlsx,
    "rows-sparse.xlsx": sparse_xlsx,
    "dense.xlsx": dense_xlsx,
    "rows.csv": rows_csv,
    "entities.xlsx": entities_xlsx,
    "zero.csv": lambda path: path.symlink_to("/dev/zero"),
}


def measured_import(sheet: Path, content: Path) -> tuple[float, int, int, str]:
    """Wall seconds, peak resident kB, exit code and the first message of one import in a process of its own."""
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "generator", "import-matrix", str(sheet), "--format", "operator",
               "--assessor", "p-0001", "--dry-run", str(content)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    status = re.search(r"Exit status: (\d+)", done.stderr)
    assert wall and peak and status, done.stderr
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, int(peak.group(1)), int(status.group(1)), done.stderr.splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("bench/out/sheet-limits"))
    parser.add_argument("--only", nargs="*", choices=sorted(BUILDERS), help="these files only")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    write_content(args.out / "content", 4)
    print("| file | size | time | peak memory | exit | message |\n|---|--:|--:|--:|--:|---|")
    for name in args.only or BUILDERS:
        path = args.out / name
        BUILDERS[name](path)
        size = path.lstat().st_size
        seconds, peak, code, message = measured_import(path, args.out / "content")
        print(f"| {name} | {size / MIB:.1f} MB | {seconds:.2f} s | {peak / 1024:.0f} MB | {code} | `{message[:150]}` |", flush=True)


if __name__ == "__main__":
    main()
