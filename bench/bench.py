"""Benchmark the generator on a synthetic organisation of a chosen size.

Writes a complete project folder (``organisation.py``), then measures the generator's own step in-process,
the full ``mkdocs build`` and the size of the site (``timing.py``), a plain MkDocs build of as many trivial
pages for comparison (``plain.py``), and with ``--serve`` the time from an edit to the page served
(``serve_latency.py``). This file holds the targets, the report and the command line.
Run ``python bench/bench.py --help``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, replace
from functools import partial
from pathlib import Path
from typing import Any

# The benchmark folder is no package: its modules are found through sys.path (the script's own folder).
from organisation import PRESETS, REPO, Size, copy_project_files, reusable, write_project
from plain import PLAIN_FOLDER, PLAIN_LAYOUTS, plain_paths, write_plain_project
from timing import MAX_PAGE_BYTES, Build, SiteStats, mkdocs_build, profile_generate, progress, site_stats, time_generate

from generator import Result
from generator.diagnostics import Severity
from generator.render.site import NavItem

DEFAULT_OUT = REPO / "bench" / "out"
LATEST_DATE = dt.date(2026, 10, 31)  # content dates stay before 2026-11-01 (and before today)
TARGET_VS_PLAIN = 1.5  # full build ≤ 1.5 × the plain build in folders (issue 9)
TARGET_GENERATOR_SECONDS = {"medium": 2.0, "large": 12.0}  # the generator's own step (issue 9)
TARGET_PEAK_MB = 2000  # peak resident memory of the full build (issue 9)
TARGET_SERVE_SECONDS = 5.0  # serve: a work-process edit shown within 5 s on medium (issue 9)
TARGET_SERVE_EXAMPLE_SECONDS = 1.5  # and within 1.5 s on the example


# --- the report ----------------------------------------------------------------------------------


def revision() -> str:
    """The repository's commit, marked when the generator, theme or config differ from it (the code measured)."""
    def git(*command: str) -> str:
        done = subprocess.run(["git", "-C", str(REPO), *command], capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else "?"

    dirty = git("status", "--porcelain", "--", "generator", "theme", "mkdocs.yml")
    return git("rev-parse", "--short", "HEAD") + (" with uncommitted changes" if dirty else "")


def _build_time(build: Build) -> str:
    if build.returncode == -1:
        return f"> {build.seconds:.0f} s (stopped by --build-timeout)"
    reported = f" (MkDocs says {build.reported:.1f} s)" if build.reported is not None else ""
    return f"{build.seconds:.2f} s{reported}, exit {build.returncode}"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB ({size:,} B)"


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def content_rows(size: Size, seed: int, content: Path, seconds: float | None) -> list[tuple[str, str]]:
    files = [p for p in content.rglob("*") if p.is_file()]
    rows = [("size", ", ".join(f"{k}={v:,}" for k, v in asdict(size).items())), ("seed", str(seed)),
            ("content files / bytes", f"{len(files):,} / {_mb(sum(p.stat().st_size for p in files))}")]
    if seconds is not None:
        rows.append(("content written in", f"{seconds:.2f} s"))
    return rows


def generate_rows(seconds: float, repeat: int, result: Result, preset: str) -> list[tuple[str, str]]:
    errors, warnings = (len(result.report.of(s)) for s in (Severity.ERROR, Severity.WARNING))
    pages = len(result.site.pages) if result.site else 0
    files = len(result.site.files) if result.site else 0
    rows = [("content check", f"{errors} errors, {warnings} warnings"),
            (f"generator step (best of {repeat})", f"{seconds:.2f} s"),
            ("generated pages / files", f"{pages:,} / {files:,}")]
    if preset in TARGET_GENERATOR_SECONDS:
        target = TARGET_GENERATOR_SECONDS[preset]
        rows.append((f"target: generator step ≤ {target:g} s ({preset})", _yes(seconds <= target)))
    if result.site is not None:
        in_nav = sum((item.path or "").startswith("pop/") for item in _nav_items(result.site.nav))
        rows.append(("POP pages absent from navigation", f"{_yes(in_nav == 0)} ({in_nav} nav entries under pop/)"))
    return rows


def _nav_items(items: Sequence[NavItem]) -> Iterator[NavItem]:
    for item in items:
        yield item
        yield from _nav_items(item.children)


def build_rows(generator_seconds: float, full: Build, stats: SiteStats | None, plain: dict[str, Build]) -> list[tuple[str, str]]:
    peak = f", peak memory {full.peak_mb:,.0f} MB" if full.peak_mb else ""
    rows = [("full mkdocs build", f"{_build_time(full)}, {full.warnings} warning lines{peak}")]
    for layout, build in plain.items():
        rows.append((f"plain mkdocs build ({_PLAIN_NAMES[layout]})", _build_time(build)))
        if build.returncode == 0 and full.returncode == 0:
            ratio = full.seconds / build.seconds
            rows.append((f"full build / plain build ({layout})", f"{ratio:.2f}×"))
            if layout == "folders":
                rows.append((f"target: full build ≤ {TARGET_VS_PLAIN}× plain (folders)", _yes(ratio <= TARGET_VS_PLAIN)))
    rows.append(("generator step / full build", f"{100 * generator_seconds / full.seconds:.1f} %"))
    if full.peak_mb:
        rows.append((f"target: peak memory of full build ≤ {TARGET_PEAK_MB:,} MB", _yes(full.peak_mb <= TARGET_PEAK_MB)))
    if stats is not None:
        rows += [
            ("HTML pages", f"{stats.html_pages:,}"),
            ("largest page", f"{stats.largest_page}: {_mb(stats.largest_bytes)}"),
            ("total site size", _mb(stats.total_bytes)),
            ("target: no page over 1 MB", _yes(stats.largest_bytes <= MAX_PAGE_BYTES)),
            ("POP pages absent from search index", f"{_yes(stats.pop_in_search == 0)} ({stats.pop_pages:,} POP pages, "
                                                   f"{stats.pop_in_search} index entries under pop/)"),
        ]
    return rows


_PLAIN_NAMES = {"folders": f"42-line pages in folders of {PLAIN_FOLDER}", "same": "one-line pages at the generator's paths"}


def print_table(title: str, rows: Sequence[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in rows)
    print(f"\n{title}\n{'=' * len(title)}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


# --- command line ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the generator and the MkDocs build on a synthetic organisation.")
    parser.add_argument("--size", choices=sorted(PRESETS), default="small", help="preset (default small); the options below override it")
    for name in ("formats", "work-processes", "criteria", "sources", "people", "signoffs", "teams"):
        parser.add_argument(f"--{name}", type=int, metavar="N")
    parser.add_argument("--seed", type=int, default=20261101)
    parser.add_argument("--latest-date", type=dt.date.fromisoformat, help="latest content date (default: min(2026-10-31, yesterday))")
    parser.add_argument("--name", help="output folder name under bench/out/ (default: the preset, or 'custom')")
    parser.add_argument("--out", type=Path, help="output folder (default bench/out/<name>/)")
    parser.add_argument("--reuse", action="store_true", help="keep existing content made with the same size, seed and date")
    parser.add_argument("--repeat", type=int, default=3, choices=(1, 2, 3), help="runs of the generator step; the best counts")
    parser.add_argument("--skip-mkdocs", action="store_true", help="time only the generator")
    parser.add_argument("--skip-plain", action="store_true", help="skip the plain-MkDocs comparison build")
    parser.add_argument("--plain-layout", choices=(*PLAIN_LAYOUTS, "both"), default="both",
                        help=f"plain comparison: 42-line pages in folders of {PLAIN_FOLDER} (the targets' layout), "
                             "one-line pages at the generator's paths (the old comparison), or both (default)")
    parser.add_argument("--build-timeout", type=float, metavar="SECONDS", help="stop an mkdocs build that takes longer")
    parser.add_argument("--profile", type=int, metavar="N", default=0, help="also print the generator's top N cumulative cProfile entries")
    parser.add_argument("--serve", action="store_true",
                        help="also time mkdocs serve --dirty from a work-process edit to the changed page, here and on the example")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the measurements as JSON")
    return parser.parse_args(argv)


def chosen_size(args: argparse.Namespace) -> tuple[Size, str]:
    size = PRESETS[args.size]
    overrides = {key: getattr(args, key) for key in asdict(size) if getattr(args, key) is not None}
    if any(value < 1 for value in overrides.values()):
        sys.exit("every count must be at least 1")
    return replace(size, **overrides), args.size if not overrides else "custom"


def prepare_content(args: argparse.Namespace, size: Size, out: Path, latest: dt.date) -> tuple[Path, float | None]:
    """The content folder (written afresh unless ``--reuse`` finds a matching one) and the seconds it took to write."""
    if args.reuse and reusable(out, size, args.seed, latest):
        copy_project_files(out)  # the config and theme are code under test: always today's
        return out / "content", None
    progress(f"writing the project into {out} …")
    start = time.perf_counter()
    content = write_project(out, size, args.seed, latest)
    return content, time.perf_counter() - start


def show_problems(result: Result) -> None:
    messages = [m for m in result.report.in_file_order() if m.severity is not Severity.INFO]
    if messages:
        print("\n".join(result.catalogue.lines(messages[:20])), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    size, default_name = chosen_size(args)
    latest = args.latest_date or min(LATEST_DATE, dt.date.today() - dt.timedelta(days=1))
    out = (args.out or DEFAULT_OUT / (args.name or default_name)).resolve()
    content, written = prepare_content(args, size, out, latest)
    print(f"project folder: {out}")
    code = revision()
    rows = content_rows(size, args.seed, content, written)
    progress(f"generator step, {args.repeat} run(s) …")
    seconds, result = time_generate(content, args.repeat)
    show_problems(result)
    rows += generate_rows(seconds, args.repeat, result, default_name)
    report: dict[str, Any] = {"size": asdict(size), "seed": args.seed, "latest_date": latest.isoformat(), "project": str(out),
                              "generator_seconds": seconds, "pages": len(result.site.pages) if result.site else 0}
    if result.site is not None and not args.skip_mkdocs:
        rows += run_builds(out, seconds, [page.path for page in result.site.pages], args, report)
    if args.serve:
        rows += serve_rows(out, default_name, report)
    after = report.pop("revision_after", None) or revision()
    rows.insert(0, ("code measured", code if after == code else f"{code} → {after} (CHANGED during the run: figures are mixed)"))
    report["revision"] = code if after == code else [code, after]
    print_table(f"Benchmark ({default_name})", rows)
    if args.profile:
        print(f"\ncProfile of generate(), top {args.profile} cumulative entries in the generator package:")
        print(profile_generate(content, args.profile))
    if args.json:
        report["table"] = dict(rows)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if result.site is None or report.get("full_build", {}).get("returncode", 0) else 0


def serve_rows(out: Path, preset: str, report: dict[str, Any]) -> list[tuple[str, str]]:
    """Edit-to-page latency of ``mkdocs serve --dirty`` on this project and on a copy of the example."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: serve_latency.py lies beside it
    import serve_latency

    rows = []
    targets = {"medium": TARGET_SERVE_SECONDS}  # the issue sets none for the other sizes
    for name, measure, target in (("this project", partial(serve_latency.measure, out), targets.get(preset)),
                                  ("the example", serve_latency.measure_example, TARGET_SERVE_EXAMPLE_SECONDS)):
        progress(f"mkdocs serve on {name} …")
        try:
            latency = measure()
        except TimeoutError as error:  # keep the figures measured so far
            rows.append((f"serve: edit to page, {name}", f"FAILED: {error}"))
            continue
        report.setdefault("serve", {})[name] = asdict(latency)
        rows.append((f"serve: edit to page, {name}", serve_latency.describe(latency)))
        if target is not None:
            rows.append((f"target: serve on {name} ≤ {target:g} s", _yes(latency.median <= target)))
    return rows


def run_builds(
    out: Path, generator_seconds: float, page_paths: list[str], args: argparse.Namespace, report: dict[str, Any]
) -> list[tuple[str, str]]:
    """The full build of the project, the plain comparison builds, and the site's figures."""
    site = out / "site"
    if site.exists():
        shutil.rmtree(site)
    full = mkdocs_build(out, site, args.build_timeout)
    report["revision_after"] = revision()  # the plain builds below do not run the generator
    if full.returncode:
        print(full.tail, file=sys.stderr)
    stats = site_stats(site) if full.returncode == 0 else None
    plain: dict[str, Build] = {}
    layouts = () if args.skip_plain else PLAIN_LAYOUTS if args.plain_layout == "both" else (args.plain_layout,)
    for layout in layouts:
        folder = out / ("plain" if layout == "folders" else f"plain-{layout}")
        write_plain_project(folder, plain_paths(page_paths, layout), layout)
        plain[layout] = mkdocs_build(folder, folder / "site", args.build_timeout)
    report.update(full_build=asdict(full), site=asdict(stats) if stats else None,
                  plain_builds={layout: asdict(build) for layout, build in plain.items()},
                  ratio_percent=100 * generator_seconds / full.seconds)
    return build_rows(generator_seconds, full, stats, plain)


if __name__ == "__main__":
    raise SystemExit(main())
