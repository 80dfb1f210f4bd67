"""Every printed page can be placed when it lies loose (issue 23): each A4 page of the matrix, a POP, the
planning, a team page and a checklist (blank and pre-filled) says in its top margin what it is and the date
of the data, and at its foot "pagina X van Y"; nothing is cut off at the margins.

The pages are printed as Chromium prints them (A4, the page's own size: the matrix and the planning in
landscape) and read back with pypdf: the text drawn in the margins, everything painted (borders, rules,
backgrounds), the page's content area (where Chromium clips it) and the scale the page was laid out at.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import pytest
from pypdf import PageObject, PdfReader

pytestmark = pytest.mark.browser

DATE = "Stand per 01-11-2026"  # conftest.BUILD_DATE, the date the example's data is as of

# Page type: (address in the example site, what its pages say they are).
PRINTED = {
    "matrix": ("beperkt/alle/matrix/procesoperator/", "Inzetbaarheidsmatrix Procesoperator"),
    "POP": ("beperkt/ploeg-1/pop/p-007/", "POP Mehmet Yılmaz"),
    "planning": ("beperkt/alle/planning/", "Opleidingsplanning"),
    "team": ("beperkt/ploeg-1/", "Ploeg 1"),
    "checklist": ("aftekenlijsten/procesoperator-niveau-2/", "Aftekenlijst Procesoperator — niveau 2 (Medewerker)"),
    "pre-filled checklist": (
        "beperkt/ploeg-1/pop/p-007/aftekenlijst/",
        "Aftekenlijst Procesoperator niveau 2 (Medewerker) voor Mehmet Yılmaz",
    ),
}

# CSS pixels are 0.75 pt on paper; a page laid out wider than its sheet is scaled down by Chromium to fit.
POINTS_PER_PIXEL = 0.75

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


@dataclass(frozen=True, kw_only=True)
class PrintedPage:
    """One sheet of paper: the words in its margins, where its content may go, what was painted and at what scale."""

    header: str
    footer: str
    content: Box
    painted: Box
    scale: float
    landscape: bool


def test_every_printed_page_says_what_it_is_the_date_and_its_page_number(printed_types: dict[str, list[PrintedPage]]) -> None:
    for kind, (_, what) in PRINTED.items():
        sheets = printed_types[kind]
        assert len(sheets) >= 2, f"the {kind} prints on {len(sheets)} page(s): too short to test what each page carries"
        for number, sheet in enumerate(sheets, start=1):
            assert what in sheet.header, f"{kind}, page {number}: '{what}' is not in the top margin ({sheet.header!r})"
            assert DATE in sheet.header, f"{kind}, page {number}: '{DATE}' is not in the top margin ({sheet.header!r})"
            assert sheet.footer == f"pagina {number} van {len(sheets)}", f"{kind}, page {number}: the foot says {sheet.footer!r}"


def test_nothing_printed_is_cut_off_at_the_margins_or_shrunk_to_fit(printed_types: dict[str, list[PrintedPage]]) -> None:
    cut, shrunk = [], []
    for kind, sheets in printed_types.items():
        for number, sheet in enumerate(sheets, start=1):
            # Sideways only: where a page breaks, a box split over two pages is cut there by design.
            left, _, right, _ = sheet.content
            painted_left, _, painted_right, _ = sheet.painted
            if painted_left < left - 0.01 or painted_right > right + 0.01:
                cut.append(f"{kind} p. {number}: painted {painted_left:.2f}-{painted_right:.2f} pt, shown {left:.2f}-{right:.2f}")
            if sheet.scale != pytest.approx(POINTS_PER_PIXEL):
                shrunk.append(f"{kind} p. {number}: {sheet.scale:.3f} pt a pixel")
    assert cut == [], "cut off at the page's side margins"
    assert shrunk == [], "laid out wider than the page, so Chromium shrank it to fit"


def test_wide_pages_print_in_landscape(printed_types: dict[str, list[PrintedPage]]) -> None:
    landscape = {kind for kind, sheets in printed_types.items() if all(sheet.landscape for sheet in sheets)}
    assert landscape == {"matrix", "planning"}


@pytest.fixture(scope="module")
def printed_types(browser: Any, site_url: str) -> dict[str, list[PrintedPage]]:
    """Each page type of the example printed once, for all tests of this module (printing takes ~1 s a page)."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.emulate_media(media="print")
        printed = {}
        for kind, (address, _) in PRINTED.items():
            tab.goto(f"{site_url}/{address}")
            printed[kind] = printed_pages(tab.pdf(format="A4", prefer_css_page_size=True))
        return printed
    finally:
        context.close()


def printed_pages(pdf: bytes) -> list[PrintedPage]:
    reader = PdfReader(io.BytesIO(pdf))
    return [read_page(page) for page in reader.pages]


def read_page(page: PageObject) -> PrintedPage:
    drawing = Drawing()
    drawing.walk(page.get_contents(), page["/Resources"], (1, 0, 0, 1, 0, 0))
    assert drawing.content is not None and drawing.scale is not None, "a page without a content area or anything painted"
    _, bottom, _, top = drawing.content
    header: list[str] = []
    footer: list[str] = []

    def visit(text: str, cm: Matrix, tm: Matrix, *rest: Any) -> None:
        y = point(multiply(tm, cm), 0, 0)[1]  # where the text starts, on the page
        if y > top:
            header.append(text)
        elif y < bottom:
            footer.append(text)

    page.extract_text(visitor_text=visit)
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    return PrintedPage(
        header=squeeze("".join(header)), footer=squeeze("".join(footer)), content=drawing.content,
        painted=drawing.painted, scale=drawing.scale, landscape=width > height,
    )


class Drawing:
    """What a page's content stream paints, in PDF points: its first clipping rectangle (the page's content
    area, outside which Chromium shows nothing), the box around every painted path, and the scale at which
    the first path was painted (points per CSS pixel).

    Skia writes operands as plain numbers and names and strings in hex, so splitting the stream at white
    space gives its tokens: some twenty times faster than pypdf's general parser on the POP's charts (the suite
    is near its time limit)."""

    PAINT = frozenset({b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})

    def __init__(self) -> None:
        self.content: Box | None = None
        self.scale: float | None = None
        self.points: list[tuple[float, float]] = []

    @property
    def painted(self) -> Box:
        return box(self.points)

    def walk(self, stream: Any, resources: Any, ctm: Matrix) -> None:
        saved: list[Matrix] = []
        path: list[tuple[float, float]] = []
        numbers: list[float] = []
        name = ""
        for token in stream.get_data().split():
            if token[:1] in b"-.0123456789":
                numbers.append(float(token))
                continue
            if token.startswith(b"/"):
                name = token.decode()
            elif token == b"q":
                saved.append(ctm)
            elif token == b"Q":
                ctm = saved.pop()
            elif token == b"cm":
                ctm = multiply(matrix(numbers[-6:]), ctm)
            elif token == b"re":
                x, y, w, h = numbers[-4:]
                path += [point(ctm, x, y), point(ctm, x + w, y + h)]
            elif token in {b"m", b"l", b"c"}:
                path.append(point(ctm, *numbers[-2:]))
            elif token in {b"W", b"W*"} and self.content is None:
                self.content = box(path)
            elif token in self.PAINT:
                self.points += path
                self.scale = self.scale or abs(ctm[0])
                path = []
            elif token == b"n":
                path = []
            elif token == b"Do":
                self._form(resources["/XObject"][name].get_object(), resources, ctm)
            numbers = []

    def _form(self, xobject: Any, resources: Any, ctm: Matrix) -> None:
        if xobject["/Subtype"] == "/Form":
            placed = matrix([float(value) for value in xobject.get("/Matrix", (1, 0, 0, 1, 0, 0))])
            self.walk(xobject, xobject.get("/Resources", resources), multiply(placed, ctm))


def matrix(numbers: list[float]) -> Matrix:
    a, b, c, d, e, f = numbers
    return (a, b, c, d, e, f)


def multiply(a: Matrix, b: Matrix) -> Matrix:
    return (
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
    )


def point(ctm: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5])


def box(points: list[tuple[float, float]]) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
