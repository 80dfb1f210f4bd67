"""Spreadsheets the site publishes hold text, never a live formula (OWASP's "CSV injection").

Criterion texts, titles and names come from authors; a value starting with ``=`` (or, for a
program that reads a CSV file, ``+``, ``-``, ``@``, a tab or a carriage return) would otherwise
become a formula in the reader's spreadsheet program, which can fetch an address or run a command.
"""

from __future__ import annotations

from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: object) -> object:
    """A CSV field as a spreadsheet program must read it: text that would start a formula gets a leading
    apostrophe, which Excel and LibreOffice show as nothing and read as "this is text"."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def as_text_only(workbook: Workbook) -> None:
    """Every string cell of ``workbook`` written as a string: openpyxl makes any string starting with ``=``
    a formula cell, and in .xlsx a string cell is never evaluated, whatever it starts with."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
