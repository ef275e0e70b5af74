"""The `incidentkit` command.

    incidentkit extract PATH... [--format jsonl|csv|geojson] [--output FILE] [--threads N]
                                [--plugin FILE]... [--errors FILE] [--text-column NAME]
                                [--extractors a.v1,b.v1] [--quiet]
    incidentkit plugins [--plugin FILE]... [--json]

`extract` runs entirely in native code (reading, extraction, writing); this module only parses the
arguments and reports. It must not import pandas. Exit status: 0 done (documents that failed are
error records, not failures of the run), 2 bad usage, a missing input or column, a bad plugin or
configuration, 1 any other error, 130 interrupted.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time

from . import __version__
from .errors import ConfigError, IncidentkitError, InputError, PluginError

USAGE_ERRORS = (InputError, ConfigError, PluginError)
FORMAT_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".geojson": "geojson", ".json": "geojson"}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="incidentkit", description="Structured incident records from conflict reports.")
    p.add_argument("--version", action="version", version=f"incidentkit {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract incidents from files, folders or standard input")
    ex.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .csv files, folders, or - for stdin")
    ex.add_argument("--format", choices=["jsonl", "csv", "geojson"],
                    help="output format (default: from the --output suffix, else jsonl)")
    ex.add_argument("--output", "-o", default="-", metavar="FILE", help="output file (default: standard output)")
    ex.add_argument("--threads", "-j", type=int, metavar="N", help="worker threads (default: all CPUs)")
    ex.add_argument("--plugin", action="append", default=[], metavar="FILE", help="load a plugin library (repeatable)")
    ex.add_argument("--errors", metavar="FILE", help="write one JSON line per failed document here")
    ex.add_argument("--text-column", metavar="NAME", help="the text field of CSV/JSONL input (default: auto)")
    ex.add_argument("--extractors", metavar="A.v1,B.v1", help="the chain to run (default: the built-in chain)")
    ex.add_argument("--quiet", "-q", action="store_true", help="no progress, no summary")

    pl = sub.add_parser("plugins", help="list every extractor: name, version, source, requires, assigns")
    pl.add_argument("--plugin", action="append", default=[], metavar="FILE", help="load a plugin library first")
    pl.add_argument("--json", action="store_true", help="one JSON object per extractor")
    return p


def _fail(message: str, status: int) -> int:
    print(f"incidentkit: error: {message}", file=sys.stderr)
    return status


class Progress:
    """A progress line on stderr: redrawn on a terminal, else a line every 10 s once the run is long."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def __call__(self, stats) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        elapsed = now - self.started
        if self.tty:
            if now - self.last < 0.25:
                return
            end = "\r"
        else:
            if elapsed < 10 or now - self.last < 10:
                return
            end = "\n"
        self.last = now
        mb = stats.bytes / 1e6
        print(f"  {stats.documents:,} documents, {stats.incidents:,} incidents, {stats.errors:,} errors, "
              f"{mb:,.1f} MB, {mb / elapsed if elapsed else 0:,.1f} MB/s ", end=end, file=sys.stderr, flush=True)
        self.drawn = self.tty

    def clear(self) -> None:
        if self.drawn:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def _extract(args) -> int:
    from .pipeline import Pipeline  # after argument parsing, so --help stays fast

    missing = [p for p in args.paths if p != "-" and not os.path.exists(p)]
    if missing:
        return _fail(f"[E101] {missing[0]}: no such file or directory", 2)
    if args.threads is not None and args.threads < 1:
        return _fail("--threads must be at least 1", 2)
    fmt = args.format or FORMAT_BY_SUFFIX.get(os.path.splitext(args.output)[1].lower(), "jsonl")
    extractors = [e.strip() for e in args.extractors.split(",") if e.strip()] if args.extractors else None

    pipeline = Pipeline(extractors=extractors, plugins=args.plugin, threads=args.threads)
    progress = Progress(enabled=not args.quiet)
    try:
        stats, kept = pipeline.extract_to(args.paths, args.output, format=fmt, errors=args.errors,
                                          text_column=args.text_column, progress=progress, keep_errors=5)
    finally:
        progress.clear()
    if not args.quiet:
        for e in kept:
            print(f"incidentkit: {e['message'] if e['message'].startswith('[') else '[' + e['code'] + '] ' + e['message']}",
                  file=sys.stderr)
        if stats.errors > len(kept) and not args.errors:
            print(f"incidentkit: ... {stats.errors - len(kept):,} more errors; --errors FILE keeps them all",
                  file=sys.stderr)
        print(f"incidentkit: {stats.documents:,} documents, {stats.incidents:,} incidents, {stats.errors:,} errors, "
              f"{stats.bytes / 1e6:,.2f} MB in {stats.seconds:.2f} s ({stats.mb_per_s:,.1f} MB/s, "
              f"{pipeline.threads} threads)", file=sys.stderr)
    return 0


def _plugins(args) -> int:
    from . import entry_point_failures, list_extractors

    rows = list_extractors(plugins=args.plugin)
    if args.json:
        for r in rows:
            print(json.dumps(r))
    else:
        table = [("NAME", "VERSION", "SOURCE", "REQUIRES", "ASSIGNS")]
        table += [(r["name"], r["version"], r["source"], " ".join(r["requires"]) or "-", " ".join(r["assigns"]) or "-")
                  for r in rows]
        widths = [max(len(row[i]) for row in table) for i in range(4)]
        for row in table:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  " + row[4])
    for msg in entry_point_failures():
        print(f"incidentkit: warning: {msg}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(format="incidentkit: %(levelname)s: %(name)s: %(message)s",
                        level=logging.ERROR if getattr(args, "quiet", False) else logging.WARNING)
    try:
        return _extract(args) if args.command == "extract" else _plugins(args)
    except USAGE_ERRORS as e:
        return _fail(str(e), 2)
    except IncidentkitError as e:
        return _fail(str(e), 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:  # e.g. `incidentkit extract ... | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
