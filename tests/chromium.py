"""Headless Chromium for the browser tests: Debian's binary, a loopback server, and a PDF text reader.

The fixtures that use these (one browser for the whole run, pages opened from it) are in conftest.py;
Playwright's sync API holds one session per thread, so every test shares that one.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output free of access logs."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 with an ephemeral port; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def pdf_pages_text(pdf: bytes) -> list[str]:
    """The text of each page of a PDF written by Chromium (Skia), with only the standard library.

    Not a general PDF reader: it knows what Skia writes, namely Type0 fonts with Identity-H encoding
    and a ToUnicode CMap, text shown glyph by glyph with ``<hex> Tj``, content in the page's
    stream and in the form XObjects it draws, font resource names unique in the file (``/F<object>``).
    Skia does not always draw spaces, so words may run together.
    """
    objects: dict[int, bytes] = {}  # object number -> its dictionary
    streams: dict[int, bytes] = {}  # object number -> its decoded stream
    header, position = re.compile(rb"(\d+) 0 obj\s*"), 0
    while found := header.search(pdf, position):
        start, end = found.end(), pdf.index(b"endobj", found.end())
        begin = pdf.find(b"stream", start, end)
        if begin < 0:
            objects[int(found[1])], position = pdf[start:end], end
            continue
        body = objects[int(found[1])] = pdf[start:begin]
        length = re.search(rb"/Length (\d+)", body)
        assert length, "a stream without a direct /Length"
        begin += len(b"stream\r\n") if pdf[begin + 6 : begin + 8] == b"\r\n" else len(b"stream\n")
        data = pdf[begin : begin + int(length[1])]
        streams[int(found[1])] = zlib.decompress(data) if b"/FlateDecode" in body else data
        position = begin + int(length[1])

    def stream(number: int) -> bytes:
        return streams[number]

    def cmap(number: int) -> dict[int, str]:
        text = stream(number).decode("latin-1")
        mapping: dict[int, str] = {}
        for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
            for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                mapping[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
        for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
            for low, high, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                first = int(uni, 16)
                for offset in range(int(high, 16) - int(low, 16) + 1):
                    mapping[int(low, 16) + offset] = chr(first + offset)
        return mapping

    fonts: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            unicode = re.search(rb"/ToUnicode (\d+) 0 R", objects.get(int(number), b""))
            if unicode:
                fonts[name] = cmap(int(unicode[1]))

    def text(number: int, resources: bytes, seen: set[int]) -> str:
        if number in seen:
            return ""
        seen.add(number)
        content, out, font = stream(number), [], {}
        for m in re.finditer(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|/(X\d+) Do", content):
            if m[1]:
                font = fonts.get(m[1], {})
            elif m[3]:
                xobject = re.search(rb"/" + m[3] + rb" (\d+) 0 R", objects[number] + resources)
                if xobject:
                    out.append(text(int(xobject[1]), resources, seen))
            else:
                codes = bytes.fromhex(m[2].decode())
                out.extend(font.get(int.from_bytes(codes[i : i + 2], "big"), "?") for i in range(0, len(codes), 2))
        return "".join(out)

    def page_texts(number: int) -> list[str]:  # the page tree, in reading order
        body = objects[number]
        kids = re.search(rb"/Kids \[([^\]]*)\]", body)
        if kids:
            return [page for kid in re.findall(rb"(\d+) 0 R", kids[1]) for page in page_texts(int(kid))]
        contents = re.search(rb"/Contents (\d+) 0 R", body)
        assert contents, "a page without a content stream"
        return [text(int(contents[1]), body, set())]

    catalog = next(body for body in objects.values() if re.match(rb"<</Type /Catalog\s", body))
    root = re.search(rb"/Pages (\d+) 0 R", catalog)
    assert root, "a PDF without a page tree"
    return page_texts(int(root[1]))
