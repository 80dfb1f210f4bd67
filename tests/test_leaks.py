"""tests/leaks.py sees through each disguise a name can take in a built site.

Each disguise test first checks that a plain search of the bytes finds none of the names, so that only
the decoding under test can find them: remove that decoding and the test fails.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from . import leaks
from .leaks import find_names

NAMES = ("Mehmet Yılmaz", "José Gonçalves", "Henk de Vries", "Jan Jansen", "Anna Bakker", "𠮷田 太郎")


def _tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write the files under root, text as UTF-8; returns root."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def _plainly_found(root: Path) -> list[tuple[str, str]]:
    """What a plain search finds: each name exactly as written, in the bytes read as UTF-8 or as Latin-1."""
    found: list[tuple[str, str]] = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            texts = (data.decode("utf-8", "replace"), data.decode("latin-1"))
            found += [(path.relative_to(root).as_posix(), name) for name in NAMES if any(name in text for text in texts)]
    return found


def _zip(members: dict[str, str | bytes]) -> bytes:
    """A deflated ZIP archive of the members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _xlsx(cell: str, *, creator: str = "openpyxl") -> io.BytesIO:
    """A workbook saved by openpyxl, with the cell in A1."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet["A1"] = cell
    workbook.properties.creator = creator
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer


def test_html_character_references_and_attribute_values(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "decimal.html": "<p>Mehmet Y&#305;lmaz</p>",
            "hex.html": "<p>Mehmet Y&#x131;lmaz</p>",
            "named.html": "<p>Jos&eacute; Gon&ccedil;alves</p>",
            "title.html": '<a href="/mensen/p-001/" title="Mehmet Y&#305;lmaz">MY</a>',
            "aria.html": '<button aria-label="Jos&#xE9; Gon&#xE7;alves">×</button>',
            "twice.html": "<p>Jos&amp;eacute; Gon&amp;ccedil;alves</p>",  # escaped twice, shown as entities
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("aria.html", "José Gonçalves"),
        ("decimal.html", "Mehmet Yılmaz"),
        ("hex.html", "Mehmet Yılmaz"),
        ("named.html", "José Gonçalves"),
        ("title.html", "Mehmet Yılmaz"),
        ("twice.html", "José Gonçalves"),
    ]


def test_a_name_split_over_tags(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "cells.html": "<table><tr><td>Jan</td><td>Jansen</td></tr></table>",
            "strong.html": "<p>Anna <strong>Bakker</strong></p>",
            "spans.html": "<p><span>Meh</span>met Y<span>ılmaz</span></p>",
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("cells.html", "Jan Jansen"),
        ("spans.html", "Mehmet Yılmaz"),
        ("strong.html", "Anna Bakker"),
    ]


def test_json_escapes_in_a_search_index(tmp_path: Path) -> None:
    index = {
        "config": {"lang": ["nl"]},
        "docs": [{"location": "mensen/", "title": "Mensen", "text": "<p>Mehmet Yılmaz, José Gonçalves</p>"}],
    }
    _tree(
        tmp_path,
        {
            "search/search_index.json": json.dumps(index),  # ensure_ascii: \u0131, \u00e9, \u00e7
            "search/key.json": json.dumps({"𠮷田 太郎": "lid"}),  # a key, with a surrogate pair: \ud842\udfb7
            "search/html.json": json.dumps({"docs": [{"text": "<p>Anna&nbsp;<strong>Bakker</strong></p>"}]}),
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("search/html.json", "Anna Bakker"),
        ("search/key.json", "𠮷田 太郎"),
        ("search/search_index.json", "José Gonçalves"),
        ("search/search_index.json", "Mehmet Yılmaz"),
    ]


def test_javascript_string_escapes(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "search/search_index.js": r'var __index = {"docs":[{"text":"Jos\u00e9 Gon\u00e7alves"}]}',
            "assets/people.js": r'const a = "Mehmet Y\u{131}lmaz", b = '
            + r"'Anna\x20Bakker'"
            + r', c = "\ud842\udfb7\u7530 \u592a\u90ce";'
            + "\n"
            + r'const d = "<a href=\"\/mensen\/\">Henk de\u00a0Vries<\/a>";',
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("assets/people.js", "Anna Bakker"),
        ("assets/people.js", "Henk de Vries"),
        ("assets/people.js", "Mehmet Yılmaz"),
        ("assets/people.js", "𠮷田 太郎"),
        ("search/search_index.js", "José Gonçalves"),
    ]


def test_gzip(tmp_path: Path) -> None:
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://intranet.example/mensen/</loc><image:image><image:caption>Henk de Vries</image:caption></image:image></url>"
        "</urlset>"
    )
    _tree(
        tmp_path,
        {
            "sitemap.xml.gz": gzip.compress(sitemap.encode(), mtime=0),
            "assets/logo.svgz": gzip.compress(b'<svg xmlns="http://www.w3.org/2000/svg"><title>Anna Bakker</title></svg>', mtime=0),
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [("assets/logo.svgz", "Anna Bakker"), ("sitemap.xml.gz", "Henk de Vries")]


def test_xlsx_shared_strings_inline_strings_and_properties(tmp_path: Path) -> None:
    buffer = _xlsx("Anna Bakker", creator="Jan Jansen")  # openpyxl writes every string inline: <is><t>; the creator in docProps
    # openpyxl writes no shared strings, so the part is added the way Excel writes it; the second one in rich-text runs
    shared = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">'
        "<si><t>Mehmet Yılmaz</t></si>"
        '<si><r><t xml:space="preserve">José </t></r><r><rPr><b/><sz val="11"/></rPr><t>Gonçalves</t></r></si></sst>'
    )
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", shared)
    _tree(tmp_path, {"matrix/laborant.xlsx": buffer.getvalue()})
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("matrix/laborant.xlsx", "Anna Bakker"),
        ("matrix/laborant.xlsx", "Jan Jansen"),
        ("matrix/laborant.xlsx", "José Gonçalves"),
        ("matrix/laborant.xlsx", "Mehmet Yılmaz"),
    ]


def test_zip_archives_inside_archives_and_member_names(tmp_path: Path) -> None:
    inner = _zip({"Jan Jansen.txt": "", "notes.md": "Henk&nbsp;de Vries"})
    document = "<w:document><w:body><w:p><w:r><w:t>Anna Bak</w:t></w:r><w:r><w:t>ker</w:t></w:r></w:p></w:body></w:document>"
    _tree(
        tmp_path,
        {
            "downloads/bundle.zip": _zip({"archief/inner.zip": inner}),
            "downloads/verslag.docx": _zip({"word/document.xml": document}),
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("downloads/bundle.zip", "Henk de Vries"),
        ("downloads/bundle.zip", "Jan Jansen"),
        ("downloads/verslag.docx", "Anna Bakker"),
    ]


def test_a_pdf_in_hex_and_octal_strings_and_in_a_flate_stream(tmp_path: Path) -> None:
    author = b"<FEFF" + "Jan Jansen".encode("utf-16-be").hex().upper().encode() + b">"
    subject = "".join(f"\\{byte:03o}" for byte in codecs.BOM_UTF16_BE + "Anna Bakker".encode("utf-16-be")).encode()
    xmp = zlib.compress(b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Mehmet Y&#305;lmaz</dc:creator></x:xmpmeta>')
    pdf = (
        b"%PDF-1.7\n1 0 obj\n<< /Title (Overdracht) /Author " + author + b" /Subject (" + subject + b") >>\nendobj\n"
        b"2 0 obj\n<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length "
        + str(len(xmp)).encode()
        + b" >>\nstream\n"
        + xmp
        + b"\nendstream\nendobj\ntrailer\n<< /Info 1 0 R >>\n%%EOF\n"
    )
    _tree(tmp_path, {"bronnen/files/overdracht.pdf": pdf})
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("bronnen/files/overdracht.pdf", "Anna Bakker"),
        ("bronnen/files/overdracht.pdf", "Jan Jansen"),
        ("bronnen/files/overdracht.pdf", "Mehmet Yılmaz"),
    ]


def test_utf16_in_binary_files(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            # a font's name table is UTF-16 big-endian, here at an odd offset; EXIF's XPAuthor is UTF-16 little-endian
            "assets/fonts/huisstijl.ttf": b"\x00\x01\x00\x00\x00\x0c\x00" + "Anna Bakker".encode("utf-16-be") + bytes(range(256)),
            "images/foto.jpg": b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00" + "Jan Jansen".encode("utf-16-le") + b"\x00\x00\xff\xd9",
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [("assets/fonts/huisstijl.ttf", "Anna Bakker"), ("images/foto.jpg", "Jan Jansen")]


def test_a_suffix_that_lies(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "index.html": gzip.compress(b"<p>Mehmet Y&#305;lmaz</p>", mtime=0),  # a precompressed page
            "logo.png": b'<svg xmlns="http://www.w3.org/2000/svg"><title>Jos&eacute; Gon&ccedil;alves</title></svg>',
            "data.json": _zip({"people.html": "<p>Anna&nbsp;Bakker</p>"}),
            "LICENSE": "Henk&#160;de Vries",
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("LICENSE", "Henk de Vries"),
        ("data.json", "Anna Bakker"),
        ("index.html", "Mehmet Yılmaz"),
        ("logo.png", "José Gonçalves"),
    ]


def test_line_breaks_no_break_spaces_invisible_characters_and_letter_case(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "wrapped.html": "<p>Henk\n    de Vries</p>",
            "nbsp.html": "<p>Henk&nbsp;de&nbsp;Vries</p>",
            "nbsp.md": "Henk\u00a0de\u202fVries",
            "invisible.html": "<p>Hen&shy;k de Vr\u200bies</p>",
            "upper.txt": "HENK DE VRIES",
            "people.csv": "naam;team\nhenk de vries;Lab\n",
            "decomposed.md": "Jose\u0301 Gonc\u0327alves",  # é and ç as a letter and a combining mark
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [
        ("decomposed.md", "José Gonçalves"),
        ("invisible.html", "Henk de Vries"),
        ("nbsp.html", "Henk de Vries"),
        ("nbsp.md", "Henk de Vries"),
        ("people.csv", "Henk de Vries"),
        ("upper.txt", "Henk de Vries"),
        ("wrapped.html", "Henk de Vries"),
    ]


def test_percent_encoded_links(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "space.html": '<a href="/x/Jan%20Jansen">profiel</a>',
            "utf8.html": '<a href="/mensen/Mehmet%20Y%C4%B1lmaz/">profiel</a>',
            "twice.html": '<a href="/zoeken?q=Anna%2520Bakker">zoeken</a>',
        },
    )
    assert _plainly_found(tmp_path) == []
    assert find_names(tmp_path, NAMES) == [("space.html", "Jan Jansen"), ("twice.html", "Anna Bakker"), ("utf8.html", "Mehmet Yılmaz")]


def test_a_name_in_a_file_path(tmp_path: Path) -> None:
    _tree(tmp_path, {"mensen/Jan Jansen.html": "", "mensen/Anna%20Bakker/index.html": "<p>Profiel</p>"})
    assert find_names(tmp_path, NAMES) == [("mensen/Anna%20Bakker/index.html", "Anna Bakker"), ("mensen/Jan Jansen.html", "Jan Jansen")]


@pytest.mark.parametrize("prefix", ["beperkt/", "beperkt", "/beperkt/"])
def test_a_skipped_prefix_is_a_folder_from_the_root(tmp_path: Path, prefix: str) -> None:
    paths = ["beperkt/index.html", "beperkt/team/p-001.html", "beperkt-x.html", "beperkter/index.html", "anders/beperkt/index.html"]
    _tree(tmp_path, dict.fromkeys(paths, "<p>Jan Jansen</p>"))
    assert find_names(tmp_path, NAMES, skip=[prefix]) == [
        ("anders/beperkt/index.html", "Jan Jansen"),
        ("beperkt-x.html", "Jan Jansen"),
        ("beperkter/index.html", "Jan Jansen"),
    ]
    assert len(find_names(tmp_path, NAMES)) == len(paths)


def test_hidden_files_are_read_and_symlinks_not_followed(tmp_path: Path) -> None:
    site = _tree(tmp_path / "site", {".well-known/contact.txt": "Henk de Vries", ".hidden.html": "<p>Anna Bakker</p>"})
    outside = _tree(tmp_path / "outside", {"secret.html": "<p>Jan Jansen</p>"})
    os.symlink(outside / "secret.html", site / "link.html")
    os.symlink(outside, site / "linked")
    assert find_names(site, NAMES) == [(".hidden.html", "Anna Bakker"), (".well-known/contact.txt", "Henk de Vries")]


def test_a_clean_tree_gives_nothing(tmp_path: Path) -> None:
    buffer = _xlsx("Procesoperator niveau 2")
    _tree(
        tmp_path,
        {
            "index.html": '<p title="Voorbeeld Chemie BV">Werkplekgericht opleiden &amp; Jan-Willem&#39;s team</p>',
            "search/search_index.json": json.dumps({"docs": [{"location": "", "title": "Welkom", "text": "<p>Jansen-regels</p>"}]}),
            "search/search_index.js": r'var __index = {"docs":[{"text":"Caf\u00e9"}]}',
            "sitemap.xml.gz": gzip.compress(b"<urlset><url><loc>https://intranet.example/</loc></url></urlset>", mtime=0),
            "matrix/procesoperator.xlsx": buffer.getvalue(),
            "assets/logo.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
            "assets/wgo.css": "body { font-family: sans-serif; }",
        },
    )
    assert find_names(tmp_path, NAMES) == []


def test_a_gzip_bomb_is_refused_quickly_and_in_little_memory(tmp_path: Path) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: with a gzip header and trailer
    zeros = bytes(1024 * 1024)
    (tmp_path / "sitemap.xml.gz").write_bytes(b"".join(compressor.compress(zeros) for _ in range(300)) + compressor.flush())
    del zeros
    tracemalloc.start()
    try:
        started = time.perf_counter()
        with pytest.warns(UserWarning, match="sitemap.xml.gz: not scanned"):
            found = find_names(tmp_path, NAMES)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == []
    assert seconds < 30
    assert peak < 64 * 1024 * 1024  # the 300 MB it unpacks to are counted, never held


def test_archives_nested_too_deep_are_reported_not_unpacked(tmp_path: Path) -> None:
    archive = _zip({"notes.txt": "Jan Jansen"})
    for level in range(leaks.MAX_DEPTH):
        archive = _zip({f"level-{level}.zip": archive})
    _tree(tmp_path, {"downloads/deep.zip": archive})
    with pytest.warns(UserWarning, match="level-0.zip: not unpacked, it lies more than 8 archives deep"):
        assert find_names(tmp_path, NAMES) == []


def test_archives_that_do_not_unpack_are_reported_and_read_as_bytes(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "matrix/laborant.xlsx": b"not a ZIP archive, by Jan Jansen",
            "sitemap.xml.gz": gzip.compress(b"<urlset>" + b"<url><loc>https://intranet.example/</loc></url>" * 50, mtime=0)[:-20],
        },
    )
    with pytest.warns(UserWarning) as warned:
        assert find_names(tmp_path, NAMES) == [("matrix/laborant.xlsx", "Jan Jansen")]
    assert sorted(str(warning.message).split(":")[0].rsplit("/", 2)[-1] for warning in warned) == ["laborant.xlsx", "sitemap.xml.gz"]


@pytest.mark.parametrize(
    ("needles", "skip", "error"),
    [
        (["  "], [], ValueError),
        ("Jan Jansen", [], TypeError),
        (NAMES, [""], ValueError),
        (NAMES, ["/"], ValueError),
        (NAMES, "beperkt/", TypeError),
    ],
)
def test_arguments_that_would_find_everything_or_skip_everything_are_refused(
    tmp_path: Path, needles: tuple[str, ...] | list[str] | str, skip: list[str] | str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        find_names(tmp_path, needles, skip=skip)


def test_a_missing_root_is_an_error_not_a_clean_site(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        find_names(tmp_path / "site", NAMES)
