"""Find people's names in every published byte of a built site, whatever form the bytes take.

A name reaches a reader in many disguises, so each file is decoded every way a browser, a feed
reader, a spreadsheet program or a script could decode it before the names are looked for:

- HTML and XML (pages, sitemap, feeds, SVG, the XML parts of an .xlsx): character references and
  entities are decoded (``Y&#305;lmaz``, ``&eacute;``; twice, as double escaping happens), attribute
  values included, because ``title`` and ``aria-label`` are read aloud; and the text is read without
  its tags too, so a name split over tags (``Jan <b>Jansen</b>``, two table cells) still reads as one.
- JavaScript: string escapes are decoded (``\\u0131``, ``\\u{131}``, ``\\xe9``, ``\\/``), because
  Material's offline build writes the search index into ``search_index.js`` as JSON inside JS; pages
  get the same for their inline scripts, YAML for its double-quoted strings.
- JSON (``search_index.json``): every key and string, escapes and surrogate pairs decoded by the JSON
  parser, then read as HTML too, because the search entries hold page HTML.
- gzip (``sitemap.xml.gz``) and ZIP (``.xlsx``, ``.docx``, ``.zip``): unpacked, recursively, each part
  read by its own name, and the archive's own bytes too (member names, the file name in a gzip header).
  Unpacking one published file stops with a warning past MAX_INFLATED bytes, so a bomb cannot hang
  the run or fill the memory; an archive that does not unpack (truncated, encrypted) is warned about too.
- PDF: its Flate streams are inflated (XMP metadata, object streams) and its strings decoded, because
  ``/Author`` is often UTF-16, in hex or octal escapes.
- Text (.csv, .md, .yml, .txt, .css): UTF-8 with or without a BOM (UTF-16 with one), also as Latin-1
  when it is not valid UTF-8, and read as HTML too, because Markdown carries HTML.
- Anything else (images, fonts): the bytes as UTF-8, Latin-1 and UTF-16 in both byte orders, so a
  plain name in metadata (EXIF, a font's name table) is still found; the signature decides before the
  suffix (a gzip ``.html``, a ZIP ``.json``), and bytes that are valid UTF-8 are read as text too.
- find_names also reads each file's own path, because it is the file's URL, and a symlink's target;
  it follows no symlink, so nothing outside the root is read.
- Every text is also percent-decoded, because a name can sit in a URL (``/mensen/Jan%20Jansen``).

``normalise`` then folds case, compatibility forms (NFKC: a decomposed é), invisible characters (soft
hyphen, zero-width space) and every kind of whitespace, so a name broken over two lines or joined by
``&nbsp;`` is still one name.
"""

from __future__ import annotations

import codecs
import gzip
import html
import io
import json
import lzma
import os
import re
import stat
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

MAX_INFLATED = 200 * 1024 * 1024
"""Bytes that unpacking one published file may produce; past this it is taken for a bomb and not scanned."""

MAX_DEPTH = 8
"""Archives nested deeper than this are read as plain bytes, with a warning (a ZIP quine holds itself forever)."""

_CHUNK = 1024 * 1024
_GZIP = b"\x1f\x8b"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_GZIP_SUFFIXES = {".gz": "", ".svgz": ".svg", ".tgz": ".tar"}
_ZIP_SUFFIXES = frozenset({".zip", ".xlsx", ".xlsm", ".docx", ".pptx", ".odt", ".ods", ".odp", ".epub"})
_JSON_SUFFIXES = frozenset({".json", ".map", ".webmanifest"})
_TEXT_SUFFIXES = frozenset(
    {".html", ".htm", ".xhtml", ".xml", ".svg", ".rss", ".atom", ".js", ".mjs", ".cjs", ".css"}
    | {".csv", ".tsv", ".md", ".markdown", ".yml", ".yaml", ".txt", ".ics", ".vcf"}
)
_BROKEN = (OSError, EOFError, RuntimeError, NotImplementedError, ValueError, zlib.error, lzma.LZMAError, zipfile.BadZipFile)

_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200d\u2060\ufeff]")
_WHITESPACE = re.compile(r"[^\S ]\s*| \s+")  # every run of whitespace but a lone space, which stays as it is
_JS_ESCAPE = re.compile(r"\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|(\r\n|[\s\S]))")
_JS_LINE_BREAKS = ("\n", "\r", "\r\n", "\u2028", "\u2029")  # after a backslash: the line goes on, no character
_JS_SINGLE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "0": "\0"} | dict.fromkeys(_JS_LINE_BREAKS, "")
_TAG = re.compile(r"<[^<>]*>")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_PDF_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_PDF_HEX = re.compile(rb"<([0-9A-Fa-f\s]+)>")
_PDF_LITERAL = re.compile(rb"\(((?:[^()\\]|\\.)*)\)", re.DOTALL)
_PDF_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|[\s\S]))")
_PDF_SINGLE = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\n": b"", b"\r": b"", b"\r\n": b""}


@dataclass
class _Budget:
    """Bytes that unpacking may still produce for one published file."""

    left: int


_Reader = Callable[[str, bytes, int, _Budget], Iterator[str]]


def normalise(text: str) -> str:
    """Casefolded, compatibility forms folded (NFKC), invisible characters dropped, each run of whitespace one space."""
    if not text.isascii():  # as most of a site is, and then there is nothing to fold or drop
        text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    return _WHITESPACE.sub(" ", text).casefold()


def readable_texts(path: Path, data: bytes | None = None) -> Iterator[str]:
    """Every text a reader or a program could get out of one published file, decoded by what the file is."""
    if data is None:
        data = path.read_bytes()
    seen: set[str] = set()
    for text in _texts(path.as_posix(), data, 0, _Budget(MAX_INFLATED)):
        for form in _layers(text, unquote):
            if form not in seen:
                seen.add(form)
                yield form


def find_names(root: Path, needles: Iterable[str], *, skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Sorted (path relative to root, needle) pairs: each needle in a readable text or the path of a file under root."""
    wanted = _normalised_needles(needles)
    prefixes = _skip_prefixes(skip)
    found: set[tuple[str, str]] = set()
    for path, relative in _published(root, prefixes):
        found.update((relative, needle) for needle in _needles_in(path, relative, wanted))
    return sorted(found)


def _normalised_needles(needles: Iterable[str]) -> dict[str, str]:
    """Each needle with its normalised form, computed once."""
    if isinstance(needles, str):
        raise TypeError("needles is a collection of names, not one string")
    wanted = {needle: normalise(needle).strip() for needle in needles}
    if "" in wanted.values():
        raise ValueError("an empty needle would be found in every file")
    return wanted


def _skip_prefixes(skip: Iterable[str]) -> tuple[str, ...]:
    """The skipped folder prefixes as POSIX paths from the root, without slashes around them."""
    if isinstance(skip, str):
        raise TypeError("skip is a collection of folder prefixes, not one string")
    prefixes = tuple(PurePosixPath(prefix.strip("/")).as_posix() for prefix in skip)
    if "." in prefixes:
        raise ValueError("an empty skip prefix would skip the whole site")
    return prefixes


def _skipped(relative: str, prefixes: tuple[str, ...]) -> bool:
    """Whether a path lies under a skipped prefix, matched on whole path segments."""
    return any(relative == prefix or relative.startswith(prefix + "/") for prefix in prefixes)


def _published(root: Path, prefixes: tuple[str, ...]) -> Iterator[tuple[Path, str]]:
    """Every file and symlink under root, hidden ones too, with its POSIX path relative to root; skipped folders left out."""
    for folder, folders, files in os.walk(root, onerror=_raise):
        here = Path(folder)
        folders[:] = [name for name in folders if not _skipped((here / name).relative_to(root).as_posix(), prefixes)]
        # os.walk lists a symlink to a folder among the folders without entering it: it is published as a link
        links = [name for name in folders if (here / name).is_symlink()]
        for name in (*files, *links):
            relative = (here / name).relative_to(root).as_posix()
            if not _skipped(relative, prefixes):
                yield here / name, relative


def _raise(error: OSError) -> None:
    """Stop the walk: a folder that cannot be read would otherwise be left out in silence."""
    raise error


def _needles_in(path: Path, relative: str, wanted: dict[str, str]) -> set[str]:
    """The needles found in one file's path or readable texts."""
    missing = dict(wanted)
    for text in _file_texts(path, relative):
        folded = normalise(text)
        for needle in [needle for needle, key in missing.items() if key in folded]:
            del missing[needle]
        if not missing:
            break
    return set(wanted) - set(missing)


def _file_texts(path: Path, relative: str) -> Iterator[str]:
    """A file's path (it is in its URL) and what it holds; for a symlink its target, never what it points at."""
    yield from _layers(relative, unquote)
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        yield from _layers(os.readlink(path), unquote)
    elif stat.S_ISREG(mode):  # a FIFO would block the read
        yield from readable_texts(path)


def _texts(name: str, data: bytes, depth: int, budget: _Budget) -> Iterator[str]:
    """The texts in a file or archive member, read as what its signature says it is, else as its suffix says."""
    suffix = PurePosixPath(name).suffix.lower()
    container = _container(suffix, data)
    if container is not None and depth < MAX_DEPTH:
        yield from container(name, data, depth, budget)
        return
    if container is not None:
        warnings.warn(f"{name}: not unpacked, it lies more than {MAX_DEPTH} archives deep", stacklevel=2)
    if suffix in _JSON_SUFFIXES:
        yield from _json_texts(data)
    elif suffix in _TEXT_SUFFIXES:
        for text in _decoded(data):
            yield from _unescaped(text)
    else:
        yield from _binary_texts(data)


def _container(suffix: str, data: bytes) -> _Reader | None:
    """The reader of a gzip, ZIP or PDF file, by its signature first, because a suffix can lie."""
    if data.startswith(_GZIP) or suffix in _GZIP_SUFFIXES:
        return _gzip_texts
    if data.startswith(_ZIP) or suffix in _ZIP_SUFFIXES:
        return _zip_texts
    if b"%PDF-" in data[:1024] or suffix == ".pdf":
        return _pdf_texts
    return None


def _gzip_texts(name: str, data: bytes, depth: int, budget: _Budget) -> Iterator[str]:
    """A gzip file's own bytes (its header can hold a file name) and what it inflates to, read by the inner name."""
    yield from _binary_texts(data)
    inner = _inflate(partial(_gzip_chunks, data), budget, name)
    if inner is not None:
        yield from _texts(_inner_name(name), inner, depth + 1, budget)


def _inner_name(name: str) -> str:
    """The name of what a gzip file holds: sitemap.xml.gz holds sitemap.xml, logo.svgz an SVG."""
    for suffix, inner in _GZIP_SUFFIXES.items():
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] + inner
    return name


def _zip_texts(name: str, data: bytes, depth: int, budget: _Budget) -> Iterator[str]:
    """A ZIP archive's own bytes and member names, and every member, each read by its own name."""
    yield from _binary_texts(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _BROKEN as error:
        warnings.warn(f"{name}: not unpacked, it is no readable ZIP archive ({error!r})", stacklevel=2)
        return
    with archive:
        yield "\0".join(archive.namelist())
        for info in archive.infolist():
            if info.is_dir():
                continue
            member = _inflate(partial(_member_chunks, archive, info), budget, f"{name}/{info.filename}")
            if member is not None:
                yield from _texts(f"{name}/{info.filename}", member, depth + 1, budget)


def _pdf_texts(name: str, data: bytes, depth: int, budget: _Budget) -> Iterator[str]:
    """A PDF's bytes and strings, and those of each of its streams that inflates."""
    yield from _pdf_parts(data)
    view = memoryview(data)
    for number, match in enumerate(_PDF_STREAM.finditer(data)):
        start = data.rfind(b"obj", 0, match.start())
        if _PDF_IMAGE.search(data, max(start, 0), match.start()):
            continue  # pixels hold no text, and a photo inflates to tens of megabytes
        end = data.find(b"endstream", match.end())
        chunks = partial(_flate_chunks, view[match.end() : end if end >= 0 else None])
        # quiet: "stream" also starts streams in other encodings (DCT, ASCII85), and can occur inside binary data
        stream = _inflate(chunks, budget, f"{name} (stream {number})", quiet=True)
        if stream:
            yield from _pdf_parts(stream)


def _pdf_parts(data: bytes) -> Iterator[str]:
    """The bytes read as unknown bytes, and the PDF strings in them run together as a text extractor would."""
    yield from _binary_texts(data)
    yield "".join(_pdf_strings(data))


def _pdf_strings(data: bytes) -> Iterator[str]:
    """The hexadecimal and literal strings of a PDF, decoded."""
    for match in _PDF_HEX.finditer(data):
        digits = re.sub(rb"\s+", b"", match.group(1))
        yield _pdf_text(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii")))
    for match in _PDF_LITERAL.finditer(data):
        yield _pdf_text(_PDF_ESCAPE.sub(_pdf_byte, match.group(1)))


def _pdf_byte(match: re.Match[bytes]) -> bytes:
    """One backslash escape of a PDF literal string, decoded."""
    octal, single = match.groups()
    if octal is not None:
        return bytes([int(octal, 8) & 0xFF])
    return _PDF_SINGLE.get(single, single)


def _pdf_text(data: bytes) -> str:
    """A PDF string's bytes as text: UTF-16 or UTF-8 by their byte order mark, else Latin-1 (close to PDFDocEncoding)."""
    if data.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)):
        return data.decode("utf-16", "replace")
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", "replace")
    return data.decode("latin-1")


def _inflate(chunks: Callable[[], Iterator[bytes]], budget: _Budget, label: str, *, quiet: bool = False) -> bytes | None:
    """The unpacked bytes, or None (with a warning unless quiet) when broken or over the budget.

    The first pass only counts, so a bomb is never held in memory.
    """
    try:
        size = 0
        for chunk in chunks():
            size += len(chunk)
            if size > budget.left:
                warnings.warn(f"{label}: not scanned, it unpacks to more than the {budget.left:,} bytes left to unpack", stacklevel=2)
                return None
        unpacked = b"".join(chunks())
    except _BROKEN as error:
        if not quiet:
            warnings.warn(f"{label}: not scanned, it does not unpack ({error!r})", stacklevel=2)
        return None
    budget.left -= len(unpacked)
    return unpacked


def _gzip_chunks(data: bytes) -> Iterator[bytes]:
    """What gzip data (of one member or several) inflates to, a chunk at a time."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def _member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A ZIP member's bytes, a chunk at a time."""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def _flate_chunks(data: memoryview) -> Iterator[bytes]:
    """What the zlib stream at the start of data inflates to, a chunk at a time; what follows the stream is ignored."""
    inflater = zlib.decompressobj()
    while not inflater.eof and (chunk := inflater.decompress(data, _CHUNK)):
        data = memoryview(inflater.unconsumed_tail)
        yield chunk


def _json_texts(data: bytes) -> Iterator[str]:
    """Every key and string of a JSON document run together, read as HTML; text that is not JSON is read as JavaScript."""
    for text in _decoded(data):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            yield from _unescaped(text)
        else:
            yield from _unescaped("\0".join(_json_strings(document)))


def _json_strings(document: Any) -> Iterator[str]:
    """Every key and string in decoded JSON, without recursion (deep nesting is valid JSON)."""
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from value.keys()
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _decoded(data: bytes) -> list[str]:
    """A text file's text: by its byte order mark, else as UTF-8, else both as UTF-8 with replacement and as Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return [data.decode("utf-8-sig", "replace")]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return [data.decode("utf-16", "replace")]
    try:
        return [data.decode("utf-8")]
    except UnicodeDecodeError:
        return [data.decode("utf-8", "replace"), data.decode("latin-1")]


def _binary_texts(data: bytes) -> Iterator[str]:
    """Bytes of no known text form as UTF-8, Latin-1 and UTF-16 (both orders, both alignments); as text if valid UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        yield data.decode("utf-8", "replace")
    else:
        yield from _unescaped(text)
    yield data.decode("latin-1")
    for codec in ("utf-16-le", "utf-16-be"):
        yield data.decode(codec, "replace")
        yield data[1:].decode(codec, "replace")


def _unescaped(text: str) -> Iterator[str]:
    """The text with each layer of JavaScript and HTML escaping peeled off, and what a markup parser reads in it."""
    for layer in _layers(text, _js_unescape):
        yield from _layers(layer, html.unescape)
        yield from _markup_parts(layer)


def _layers(text: str, decode: Callable[[str], str]) -> Iterator[str]:
    """The text, then each decoding of it while that changes something; twice at most, as double escaping happens."""
    yield text
    for _ in range(2):
        decoded = decode(text)
        if decoded == text:
            return
        text = decoded
        yield text


def _js_unescape(text: str) -> str:
    """JavaScript (and JSON) string escapes decoded, surrogate pairs joined into one character."""
    if "\\" not in text:
        return text
    decoded = _JS_ESCAPE.sub(_js_character, text)
    if _SURROGATE.search(decoded):
        decoded = decoded.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return decoded


def _js_character(match: re.Match[str]) -> str:
    """One JavaScript escape, decoded."""
    braced, four, two, single = match.groups()
    digits = braced or four or two
    if digits is None:
        return _JS_SINGLE.get(single, single)
    point = int(digits, 16)
    return chr(point) if point <= 0x10FFFF else match.group()


def _markup_parts(text: str) -> Iterator[str]:
    """The text without its tags, HTML-unescaped: run together, and with a line break for each tag (two table cells)."""
    if "<" not in text:
        return  # no markup: the HTML-unescaped layers already read like this
    yield html.unescape(_TAG.sub("", text))
    yield html.unescape(_TAG.sub("\n", text))
