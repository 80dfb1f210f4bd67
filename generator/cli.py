"""``python -m generator check|build|new|recover|init|serve`` and the spreadsheet commands.

All but ``serve`` are the generator without any site engine; ``serve`` starts MkDocs' preview.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from .access import write_access_rules
from .catalogue import Catalogue
from .checking import show_check
from .dates import build_date
from .diagnostics import Report, Severity, display_path, printable
from .generate import generate
from .init import init
from .journal import recover
from .read.organisation import read_organisation
from .render.inputs import Reuse
from .render.site import SiteAddress
from .scaffold import FOLDERS, create
from .spreadsheets.commands import Outcome, import_matrix
from .spreadsheets.selfassessment_sheet import import_selfassessments
from .spreadsheets.signoff import record_signoff
from .spreadsheets.signoff_sheet import import_signoffs
from .writer import CONFIG_FILE, SITE_DIR, engine_config, is_earlier_output, plugins, read_config, write_tree

DEFAULT_CONTENT = Path("content")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Check or build a training site from a content folder.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the content and print every problem")
    check.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT)
    check.add_argument("--format", dest="output", choices=("text", "json"), default="text",
                       help="json: a JSON array with one message per line (for editors' problem matchers)")
    check.add_argument("--render", action="store_true",
                       help="also render every page, as a build does (finds mistakes in overridden templates; slower)")
    build = commands.add_parser("build", help="write the generated pages under docs/ and an mkdocs.yml with the navigation")
    build.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT)
    build.add_argument("--out", type=Path, required=True, help="folder to write (replaced entirely)")
    build.add_argument("--site-url", default="", help="the address the site will be served at, for absolute links in the feed")
    new = commands.add_parser("new", help="write a new source, work process or improvement from a template")
    new.add_argument("kind", choices=tuple(FOLDERS))
    new.add_argument("id", help="the new file's name without .md: lowercase letters, digits and hyphens")
    new.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT)
    recover = commands.add_parser("recover", help="finish (or undo) an import or sign-off that was interrupted halfway")
    recover.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT)
    _add_spreadsheet_commands(commands)
    _add_project_commands(commands)
    args = _with_trailing_content(parser, *parser.parse_known_args(argv))

    if args.command == "init":
        return _init(args.folder)
    if args.command == "serve":
        return _serve(args)
    if args.command == "new":
        return _new(args.kind, args.id, args.content)
    if args.command == "recover":
        return _recover(args.content, quiet=False)
    if args.command == "import-matrix":
        return _import_matrix(args)
    if args.command == "signoff":
        return _signoff(args)
    if args.command == "import-signoffs":
        return _show(import_signoffs(args.file, sheet_name=args.sheet, content_dir=_content_of(args), dry_run=args.dry_run))
    if args.command == "import-selfassessments":
        return _show(import_selfassessments(args.file, sheet_name=args.sheet, content_dir=_content_of(args), dry_run=args.dry_run))
    if args.command == "build" and (problem := _unsafe_out(args.out, args.content)):
        return _usage_error(problem)
    if args.command == "build" and args.site_url and not args.site_url.startswith(("https://", "http://")):
        return _usage_error(f"--site-url {args.site_url} must start with https:// or http://")
    project: dict[str, Any] | None = None
    if args.command == "build":
        try:
            project = _project_config(args.content)
        except (OSError, ValueError, yaml.YAMLError) as error:
            return _usage_error(f"{_config_path(args.content)} cannot be read: {error}")
    # The tree is for engines that rewrite relative links inside raw HTML too (Zensical), so HTML pages
    # link to the .md files as Markdown pages do.
    address = SiteAddress(url=args.site_url, source_links=True) if args.command == "build" else None
    # check stops short of rendering: every mistake in the content is found before (links against the pages' paths).
    reuse = Reuse.plan() if args.command == "check" and not args.render else None
    result = generate(args.content, address=address, template_dirs=_template_dirs(args.content, project), reuse=reuse)
    if args.command == "check":
        return show_check(result, args.content, as_json=args.output == "json")
    for line in result.catalogue.lines(result.report.in_file_order()):
        print(line)
    if result.site is None:
        print(result.catalogue("content-errors", count=len(result.report.of(Severity.ERROR))), file=sys.stderr)
        return 1
    if args.command == "build":
        config = engine_config(result.site, project, name=result.content.organisation.name or "", language=result.catalogue.language,
                               site_url=args.site_url, theme=(theme := _theme_dir(args.content, project)) is not None)
        try:
            write_tree(result.site, args.out, config, theme)
            write_access_rules(args.out / SITE_DIR, result.access_rules, result.content.organisation, result.catalogue)
        except OSError as error:
            return _usage_error(f"--out {args.out} cannot be written: {error.strerror or error}")
    return 0


def _add_spreadsheet_commands(commands: Any) -> None:
    matrix = commands.add_parser("import-matrix", help="add the people and levels of an existing matrix (.xlsx or .csv)")
    matrix.add_argument("file", type=Path, help="the spreadsheet: .xlsx (first sheet unless --sheet) or .csv")
    matrix.add_argument("content", nargs="?", type=Path, default=None)
    matrix.add_argument("--content", dest="content_option", type=Path, default=None, help="the content folder (default content)")
    matrix.add_argument("--format", required=True, help="the training format the sheet's work processes belong to")
    matrix.add_argument("--assessor", required=True, help="the id of the person recorded as assessor")
    matrix.add_argument("--date", default=None, help="the date of the assessments, YYYY-MM-DD (default: the build date)")
    matrix.add_argument("--sheet", default=None, help="the sheet to read (default: the first)")
    matrix.add_argument("--dry-run", action="store_true", help="show what would be added and write nothing")
    signoff = commands.add_parser("signoff", help="append sign-offs to signoffs.csv, checked as the checker would")
    signoff.add_argument("person", help="the person's id, or their name when no one else has it")
    what = signoff.add_mutually_exclusive_group(required=True)
    what.add_argument("--criterion", nargs="+", action="extend", default=[], help="the criteria signed off")
    what.add_argument("--work-process", default=None, help="the work process assessed as a whole (with --level)")
    signoff.add_argument("--level", type=int, default=None, help="the level reached on --work-process")
    signoff.add_argument("--assessor", required=True, help="the assessor's id, or name when no one else has it")
    signoff.add_argument("--date", default=None, help="YYYY-MM-DD (default: the build date)")
    signoff.add_argument("--note", default="", help="a note on the row")
    signoff.add_argument("--content", dest="content_option", type=Path, default=None, help="the content folder (default content)")
    _add_sheet_import(commands, "import-signoffs", "append the filled-in rows of a sign-off sheet (.xlsx) to signoffs.csv",
                      "the filled-in sign-off sheet (.xlsx or .csv)")
    _add_sheet_import(commands, "import-selfassessments",
                      "append the own levels of a filled-in self-assessment sheet (.xlsx) to selfassessments.csv",
                      "the filled-in self-assessment sheet (.xlsx or .csv)")


def _add_sheet_import(commands: Any, name: str, help_text: str, file_help: str) -> None:
    sheet = commands.add_parser(name, help=help_text)
    sheet.add_argument("file", type=Path, help=file_help)
    sheet.add_argument("content", nargs="?", type=Path, default=None)
    sheet.add_argument("--content", dest="content_option", type=Path, default=None, help="the content folder (default content)")
    sheet.add_argument("--sheet", default=None, help="the sheet to read (default: the first)")
    sheet.add_argument("--dry-run", action="store_true", help="show what would be added and write nothing")


def _add_project_commands(commands: Any) -> None:
    start = commands.add_parser("init", help="start a new organisation: a repository folder that builds on its own")
    start.add_argument("folder", type=Path, help="a new or empty folder")
    serve = commands.add_parser("serve", help="preview the site with live reload (mkdocs serve) on http://127.0.0.1:8000/")
    where = serve.add_mutually_exclusive_group()
    where.add_argument("--port", type=_port, default=None, help="the port on 127.0.0.1 (default 8000)")
    where.add_argument("-a", "--dev-addr", default=None, metavar="HOST:PORT", help="the address to serve on (default 127.0.0.1:8000)")
    serve.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the site's configuration (default mkdocs.yml)")


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text} is not a port: a whole number from 1 to 65535")
    return int(text)


def _content_of(args: argparse.Namespace) -> Path:
    return args.content_option or getattr(args, "content", None) or DEFAULT_CONTENT


def _with_trailing_content(parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]) -> argparse.Namespace:
    """The content folder as the last positional after options (``import-matrix FILE --format F content``).

    argparse fills both positionals from the first run of them, so a later one is left over.
    """
    if extra and getattr(args, "content_option", False) is None and getattr(args, "content", False) is None and len(extra) == 1 \
            and not extra[0].startswith("-"):
        args.content = Path(extra[0])
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _signoff(args: argparse.Namespace) -> int:
    if (args.work_process is None) != (args.level is None):
        return _usage_error("--work-process and --level go together")
    return _show(record_signoff(args.person, criteria=args.criterion, work_process=args.work_process, level=args.level,
                                assessor=args.assessor, date_text=args.date, note=args.note, content_dir=_content_of(args)))


def _show(outcome: Outcome) -> int:
    for line in outcome.lines:
        print(line)
    for line in outcome.errors:
        print(line, file=sys.stderr)
    return outcome.code


def _import_matrix(args: argparse.Namespace) -> int:
    return _show(import_matrix(args.file, format_id=args.format, assessor=args.assessor, date_text=args.date,
                               sheet_name=args.sheet, content_dir=_content_of(args), dry_run=args.dry_run))


def _usage_error(problem: str) -> int:
    """A mistake on the command line: one line on stderr and exit code 2, as argparse does."""
    print(f"python -m generator: error: {printable(problem, None)}", file=sys.stderr)
    return 2


def _recover(content: Path, *, quiet: bool) -> int:
    """Finish or undo an interrupted import (the journal) and say what was done; 1 when it could not be done."""
    report = Report()
    recover(content, report)
    words = Catalogue(read_organisation(content, Report()).language)
    for message in report.messages:
        print(words.line(message), file=sys.stderr if message.severity is Severity.ERROR else sys.stdout)
    if not report.messages and not quiet:
        print(words("journal.nothing", folder=display_path(content)))
    return 1 if report.has_errors else 0


def _new(kind: str, new_id: str, content: Path) -> int:
    """Write the new file; what was written and what next on stdout, a refusal on stderr."""
    if _recover(content, quiet=True):  # a new file beside half-changed tables would be built on them
        return 1
    outcome = create(kind, new_id, content, build_date())
    for line in outcome.lines:
        print(line, file=sys.stdout if outcome.written else sys.stderr)
    return 0 if outcome.written else 1


def _init(folder: Path) -> int:
    """Write the new organisation's folder; what was written and what next on stdout, a refusal on stderr."""
    outcome = init(folder, build_date())
    for line in outcome.lines:
        print(line, file=sys.stdout if outcome.written else sys.stderr)
    return 0 if outcome.written else 1


def _serve(args: argparse.Namespace) -> int:
    """Check the configuration and the address first, so that a mistake is one line and nothing is built."""
    from .serving import busy_port, preview  # MkDocs only for the command that needs it

    words = _serve_words(args.config_file)
    host, port = "127.0.0.1", args.port or 8000
    if args.dev_addr is not None:
        host, _, number = args.dev_addr.rpartition(":")
        if not host or not number.isdigit() or not 0 < int(number) < 65536:
            return _serve_refused(words, words("serve.bad-address", address=args.dev_addr))
        host = host.removeprefix("[").removesuffix("]")  # [::1]:8000
        port = int(number)
    if not args.config_file.is_file():
        return _serve_refused(words, words("serve.no-config", path=display_path(args.config_file)))
    if problem := busy_port(host, port):
        return _serve_refused(words, words.word(problem))
    return preview(args.config_file, host, port)


def _serve_words(config_file: Path) -> Catalogue:
    """The catalogue in the site's language, from the content folder that ``mkdocs.yml`` names."""
    try:
        docs_dir = read_config(config_file).get("docs_dir", "content")
    except (OSError, ValueError, yaml.YAMLError):
        return Catalogue()
    content = config_file.parent / (docs_dir if isinstance(docs_dir, str) else "content")
    return Catalogue(read_organisation(content, Report()).language)


def _serve_refused(words: Catalogue, line: str) -> int:
    print(f"{words('severity.error')}: {line}", file=sys.stderr)
    return 1


def _unsafe_out(out: Path, content: Path) -> str | None:
    """Why ``--out`` must not be used, since it is replaced entirely; None when it is safe."""
    try:
        out, content = out.resolve(), content.resolve()
    except (OSError, ValueError) as error:  # a NUL in the name, a link loop
        return f"--out {out} is not a usable path ({error})"
    if out.exists() and not out.is_dir():
        return f"--out {out} is a file; choose a folder"
    if out.is_relative_to(content) or content.is_relative_to(out):
        return f"--out {out} overlaps the content folder {content}; choose a folder outside it"
    if out.is_dir() and any(out.iterdir()) and not is_earlier_output(out):
        return f"--out {out} is a folder with other files in it; choose an empty folder or an earlier output of build"
    return None


# The project around the content folder, as MkDocs sees it: the mkdocs.yml beside the content folder
# gives the written folder the same theme, features and extensions, and its page templates.


def _config_path(content: Path) -> Path:
    return content.absolute().parent / CONFIG_FILE


def _project_config(content: Path) -> dict[str, Any] | None:
    path = _config_path(content)
    return read_config(path) if path.is_file() else None


def _theme_dir(content: Path, project: dict[str, Any] | None) -> Path | None:
    theme = (project or {}).get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    folder = _config_path(content).parent / custom_dir if isinstance(custom_dir, str) else None
    return folder if folder is not None and folder.is_dir() else None


def _template_dirs(content: Path, project: dict[str, Any] | None) -> tuple[Path, ...]:
    """The page templates the MkDocs plugin would use (its ``templates_dir``), so both builds render alike."""
    for name, options in plugins(project or {}):
        if name == "wgo":
            folder = options.get("templates_dir") if isinstance(options, dict) else None
            return (_config_path(content).parent / (folder if isinstance(folder, str) else "theme/pages"),)
    return ()
