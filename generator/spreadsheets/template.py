"""A workbook written once by openpyxl, then copied with a few cells filled in: one sheet per person, quickly.

openpyxl takes some 5 ms to write even a small workbook (its styles, theme and archive), which
for a sheet per person is 15 s for an organisation of 3,000. So openpyxl writes one workbook per
kind of sheet (the styles, widths, validation, document properties and every cell the copies
share), with its *slots* left empty but styled, so that openpyxl writes each as an empty
``<c r="B3" s="2" .../>``. A copy is the template's archive without the worksheet, packed once,
with the worksheet's XML added, the slots' values put in: a tenth of the time. A slot holds text
(an inline string) or a whole number, never a formula.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from openpyxl import Workbook

from .xlsx import archive_bytes, reproducible_bytes

_SHEET = "xl/worksheets/sheet1.xml"  # the first sheet, the only one a template has


@dataclass(frozen=True)
class WorkbookTemplate:
    others: bytes  # the archive of every part but the worksheet, packed
    around: tuple[bytes, ...]  # the worksheet's XML before, between and after the slots
    slots: tuple[tuple[str, str], ...]  # each slot's cell reference and style attribute

    def filled(self, values: Sequence[str | int]) -> bytes:
        """A copy of the workbook with ``values`` in the slots, in their order."""
        cells = [_cell(reference, style, value) for (reference, style), value in zip(self.slots, values, strict=True)]
        sheet = b"".join(part for pair in zip(self.around, [*cells, b""], strict=True) for part in pair)
        return archive_bytes([(_SHEET, sheet)], base=self.others)


def workbook_template(workbook: Workbook, slots: Sequence[str]) -> WorkbookTemplate:
    """``workbook`` (one sheet) as a template whose cells ``slots`` (references in sheet order: row by row, left to right)
    are filled per copy; each must be styled and empty, or openpyxl does not write it."""
    with zipfile.ZipFile(io.BytesIO(reproducible_bytes(workbook))) as archive:
        parts = tuple((info.filename, archive.read(info)) for info in archive.infolist())
    xml = dict(parts)[_SHEET]
    around, found, start = [], [], 0
    for reference in slots:
        match = re.compile(rb'<c r="%s"( s="\d+")?[^>]*/>' % reference.encode("ascii")).search(xml, start)
        if match is None:
            raise ValueError(f"the template has no empty styled cell {reference} after the slots before it")
        around.append(xml[start:match.start()])
        found.append((reference, (match.group(1) or b"").decode("ascii")))
        start = match.end()
    around.append(xml[start:])
    others = archive_bytes((name, data) for name, data in parts if name != _SHEET)
    return WorkbookTemplate(others=others, around=tuple(around), slots=tuple(found))


def _cell(reference: str, style: str, value: str | int) -> bytes:
    if isinstance(value, int):
        return f'<c r="{reference}"{style} t="n"><v>{value}</v></c>'.encode()
    return f'<c r="{reference}"{style} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'.encode()
