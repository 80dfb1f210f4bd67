"""Time ``import-matrix`` on a large sheet: by default 3,000 people × 40 work processes (issue 13).

Writes a content tree (one format with the work processes, ten teams, one assessor) and
the sheet as .xlsx and as a semicolon CSV into --out, then times, in-process, a dry run
and a real import of each into a fresh copy of the content. For timing from outside:

    python bench/import_matrix.py --out /tmp/imp --setup-only
    farm-bench -- .venv/bin/python -m generator import-matrix /tmp/imp/matrix.xlsx --format operator \\
        --assessor p-0001 --dry-run /tmp/imp/content
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import shutil
import time
from pathlib import Path

from openpyxl import Workbook

from generator.cli import main

TEAMS = 10


def write_content(root: Path, work_processes: int) -> None:
    (root / "work-processes").mkdir(parents=True)
    (root / "formats").mkdir()
    (root / "sources").mkdir()
    for number in range(1, work_processes + 1):
        (root / "work-processes" / f"wp-{number:02d}.md").write_text(
            f"---\ntitle: Werkproces {number}\ncode: B1-K1-W{number}\ncriteria: []\n---\nTekst.\n", encoding="utf-8")
    wps = ", ".join(f"wp-{number:02d}" for number in range(1, work_processes + 1))
    (root / "formats" / "operator.yml").write_text(
        f"title: Operator\ndescription: Bedient.\ntarget_level: 3\ncore_tasks:\n  - code: B1-K1\n    title: Werk\n"
        f"    work_processes: [{wps}]\n", encoding="utf-8")
    teams = "".join(f"  - {{id: ploeg-{t}, name: Ploeg {t}}}\n" for t in range(1, TEAMS + 1))
    (root / "organisation.yml").write_text(f"name: Bench BV\nteams:\n{teams}personal_data: true\n", encoding="utf-8")
    (root / "people.csv").write_text("id,name,team,format,target_level,active\np-0001,Anna Assessor,ploeg-1,operator,,no\n")
    (root / "signoffs.csv").write_text("person,work_process,criterion,level,date,assessor,note\n")


def sheet_rows(people: int, work_processes: int) -> list[list[object]]:
    chance = random.Random(13)
    header: list[object] = ["Ploeg", "Voornaam", "Achternaam", *(f"Werkproces {n}" for n in range(1, work_processes + 1))]
    rows = [["Inzetbaarheidsmatrix"], header]
    for number in range(people):
        rows.append([number % TEAMS + 1, f"Voornaam{number}", f"Achternaam{number}",
                     *(chance.choice((0, 0, 1, 2, 3, 4)) for _ in range(work_processes))])
    return rows


def write_sheets(out: Path, rows: list[list[object]]) -> None:
    workbook = Workbook()  # not write_only: that leaves out the sheet's dimension, which Excel always writes
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Blad1"
    for row in rows:
        sheet.append(row)
    workbook.save(out / "matrix.xlsx")
    text = "\r\n".join(";".join("" if cell is None else str(cell) for cell in row) for row in rows)
    (out / "matrix.csv").write_bytes("\ufeff".encode() + text.encode("utf-8") + b"\r\n")


def timed_import(sheet: Path, content: Path, *extra: str) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["import-matrix", str(sheet), "--format", "operator", "--assessor", "p-0001", *extra, str(content)])
    assert code == 0
    return time.perf_counter() - start


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--work-processes", type=int, default=40)
    parser.add_argument("--out", type=Path, default=Path("bench/out/import"))
    parser.add_argument("--setup-only", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    write_content(args.out / "content", args.work_processes)
    write_sheets(args.out, sheet_rows(args.people, args.work_processes))
    if args.setup_only:
        return
    for name in ("matrix.xlsx", "matrix.csv"):
        fresh = args.out / f"content-{name}"
        shutil.copytree(args.out / "content", fresh)
        dry, real = timed_import(args.out / name, fresh, "--dry-run"), timed_import(args.out / name, fresh)
        again = timed_import(args.out / name, fresh)
        lines = (fresh / "signoffs.csv").read_text().count("\n") - 1
        print(f"{name}: {args.people} people × {args.work_processes} work processes: dry run {dry:.2f} s, "
              f"import {real:.2f} s ({lines} sign-off rows), again (adds nothing) {again:.2f} s")


if __name__ == "__main__":
    main_bench()
