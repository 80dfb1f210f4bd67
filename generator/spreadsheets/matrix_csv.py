"""The matrix of a format as CSV (``<format-id>.csv``), the download beside each matrix page."""

from __future__ import annotations

import csv
import io

from ..derive.matrix import FormatMatrix
from .cells import csv_text


def matrix_csv(matrix: FormatMatrix) -> bytes:
    """``team,id,name,<work processes>,overall``: the matrix's teams in order, then people.csv order; no totals."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["team", "id", "name", *(wp.id for wp in matrix.work_processes), "overall"])
    for section in matrix.sections:
        for row in section.rows:
            levels = (row.standings[wp.id].level for wp in matrix.work_processes)
            writer.writerow([csv_text(value) for value in (section.team.id, row.person.id, row.person.name, *levels, row.overall)])
    return out.getvalue().encode("utf-8")
