"""The matrix of a format as CSV (``<format-id>.csv``), the download beside each matrix page."""

from __future__ import annotations

import csv
import io

from ..derive.matrix import FormatMatrix


def matrix_csv(matrix: FormatMatrix) -> bytes:
    """``team,id,name,<work processes>,overall``: the matrix's teams in order, then people.csv order; no totals."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["team", "id", "name", *(wp.id for wp in matrix.work_processes), "overall"])
    for section in matrix.sections:
        for row in section.rows:
            levels = (row.standings[wp.id].level for wp in matrix.work_processes)
            writer.writerow([section.team.id, row.person.id, _spreadsheet_text(row.person.name), *levels, row.overall])
    return out.getvalue().encode("utf-8")


def _spreadsheet_text(text: str) -> str:
    """Free text for a CSV that people open in Excel: a leading ``=``, ``+``, ``-`` or ``@`` would make
    the cell a formula (OWASP "CSV injection"), so such text gets a leading apostrophe."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
