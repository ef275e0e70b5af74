"""Pipeline and extract(): what turns texts, files and DataFrames into an IncidentSet."""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Callable, Iterable

from . import _native
from .errors import InputError, MissingInputError, from_record
from .extractors import Offsets, add_python, new_registry, registered_extractors
from .incidents import ERROR_COLUMNS, IncidentSet, RunStats

__all__ = ["Pipeline", "extract", "default_chain", "data_dir"]

ASSEMBLER = "incidents.v1"
MAX_DOCUMENT_BYTES = 8 << 20  # larger documents become E106 error records
# Column names tried, in order, when no text_column is given (the CSV/JSONL loaders use the same idea).
TEXT_COLUMNS = ("text", "notes", "body", "content", "article", "description", "full_text", "sentence")
ID_COLUMNS = ("id", "doc_id", "event_id_cnty", "event_id")
# A str is taken as a path when it names an existing file or folder; one that looks like a file name
# (no whitespace, one of these endings) but does not exist is a mistake, not a text: E101.
_FILE_SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".ndjson")


def default_chain() -> list[str]:
    """The built-in extractors in pipeline order."""
    return list(_native.default_chain())


def data_dir() -> Path | None:
    """The installed data directory (gazetteer, lexicons), or None when running from a source tree."""
    d = Path(__file__).resolve().parent / "data"
    return d if d.is_dir() else None


def _default_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


class Pipeline:
    """A configured chain of extractors.

    extractors: the chain by name ("dates.v1") or decorated function; None = the default chain plus
        the extractors from ``plugins``, inserted before the assembler (incidents.v1).
    plugins: plugin files (.so) and/or Python extractors (decorated functions) to add.
    config: {"places.v1": {...}, "*": {...}} passed to the extractors.
    threads: worker threads (default: the CPUs available). Output does not depend on it.
    """

    def __init__(self, extractors: Iterable[str | Callable] | None = None, plugins: Iterable[Any] = (),
                 config: Mapping | None = None, threads: int | None = None, *, batch_size: int = 256):
        self._registry = new_registry()
        self._chain = None if extractors is None else [self._name_of(e) for e in extractors]
        self._added: list[str] = []
        self._config = dict(config or {})
        self._threads = int(threads) if threads else _default_threads()
        if self._threads < 1:
            raise ValueError("threads must be >= 1")
        self._batch_size = batch_size
        for p in plugins:
            self._add(p)
        self._build()

    # --- set-up -------------------------------------------------------------------------------------
    def _name_of(self, e: str | Callable) -> str:
        name = getattr(e, "extractor_name", None)
        if name is None and not isinstance(e, str):
            raise TypeError(f"an extractor is a name like 'dates.v1' or an @incidentkit.extractor function, not {e!r}")
        return name or e

    def _add(self, plugin: Any) -> list[str]:
        name = getattr(plugin, "extractor_name", None)
        if name is not None:  # a Python extractor: already in the registry (decorated before we were built)
            if not any(info["name"] == name for info in self._registry.list()):
                add_python(self._registry, registered_extractors()[name])
            names = [name]
        else:
            names = list(self._registry.load_plugin(os.fspath(plugin)))
        self._added += names
        return names

    def _names(self) -> list[str]:
        if self._chain is not None:
            return list(self._chain)
        chain = default_chain()
        at = chain.index(ASSEMBLER) if ASSEMBLER in chain else len(chain)
        return chain[:at] + [n for n in self._added if n not in chain] + chain[at:]

    def _build(self) -> None:
        config = dict(self._config)
        d = data_dir()
        if d is not None:
            config["*"] = {"data_dir": str(d), **dict(config.get("*", {}))}
        self._native = _native.Pipeline(self._registry, self._names(), self._threads, self._batch_size,
                                        json.dumps(config))

    def load_plugin(self, path: str | os.PathLike | Callable) -> list[str]:
        """Loads a plugin file (or adds a Python extractor). With the default chain its extractors run
        before the assembler; returns their names. Raises PluginError naming the file."""
        names = self._add(path)
        self._build()
        return names

    @property
    def extractors(self) -> list[str]:
        """The chain's extractor names, in order."""
        return list(self._native.stages)

    @property
    def threads(self) -> int:
        return self._threads

    def available(self) -> list[dict]:
        """Every extractor this pipeline's registry knows: name, version, source, requires, assigns."""
        return [{k: v for k, v in info.items() if k != "default_config"} for info in self._registry.list()]

    # --- running ------------------------------------------------------------------------------------
    def annotate(self, text: str, *, published: str | None = None) -> list[dict]:
        """Every mention the chain finds in ``text``, for showing evidence: dicts with span (str
        offsets, so ``text[start:end]`` is the mention), byte_span, text, label, value, number, low,
        high, attrs, confidence, extractor. Raises ExtractionError when an extractor fails."""
        out = json.loads(self._native.annotate(text, "0", published or ""))
        if out["error"]:
            raise from_record(out["error"])
        norm = out["text"]  # the normalised text (CRLF -> LF); offsets refer to it
        offsets = Offsets(norm)
        mentions = []
        for m in out["mentions"]:
            s, e = offsets.to_chars(m["start"]), offsets.to_chars(m["end"])
            mentions.append({
                "span": (s, e), "byte_span": (m["start"], m["end"]), "text": norm[s:e], "label": m["label"],
                "value": m["value"], "number": m["number"], "low": m["low"], "high": m["high"],
                "attrs": m["attrs"], "confidence": m["confidence"], "extractor": m["extractor"],
            })
        return mentions

    def extract(self, data: Any, *, text_column: str | None = None) -> IncidentSet:
        """Incidents from ``data``; see :func:`incidentkit.extract` for the input kinds."""
        parts = [self._run(kind, items, text_column, first) for kind, items, first in _groups(data)]
        return parts[0] if len(parts) == 1 else IncidentSet.concat(parts)

    def extract_to(self, paths: Iterable[str | os.PathLike], output: str | os.PathLike, *, format: str = "jsonl",
                   errors: str | os.PathLike | None = None, text_column: str | None = None,
                   progress: Callable[[RunStats], None] | None = None, keep_errors: int = 1000):
        """Streams files (or "-" for standard input) through the pipeline into ``output`` ("-" = standard
        output) in ``format`` (jsonl, csv, geojson), all in native code: memory stays flat however large
        the input. ``errors``: a file for the error records (JSON lines); without it the first
        ``keep_errors`` are returned. Returns (RunStats, [error dicts])."""
        callback = None if progress is None else (lambda s: progress(RunStats(**s)))
        _, kept, stats = self._native.run_paths(
            [os.fspath(p) for p in paths], text_column or "", "", format, os.fspath(output),
            "" if errors is None else os.fspath(errors), keep_errors, MAX_DOCUMENT_BYTES, callback)
        return RunStats(**stats), [dict(zip(ERROR_COLUMNS, e)) for e in kept]

    def _run(self, kind: str, items: Any, text_column: str | None, first: int) -> IncidentSet:
        if kind == "paths":
            results, errors, stats = self._native.run_paths(
                [os.fspath(p) for p in items], text_column or "", "", "jsonl", "", "", 1 << 62,
                MAX_DOCUMENT_BYTES, None)
        elif kind == "frame":
            results, errors, stats = self._run_frame(items, text_column)
        elif kind == "records":
            results, errors, stats = self._run_records(items, text_column, first)
        else:  # texts: ids are their positions in the input
            results, errors, stats = self._native.run_texts(list(items), [], [], [], [], "<python>", MAX_DOCUMENT_BYTES,
                                                          first + 1)
        return IncidentSet([results], [dict(zip(ERROR_COLUMNS, e)) for e in errors], RunStats(**stats))

    def _run_frame(self, df, text_column: str | None):
        col = _pick(list(map(str, df.columns)), text_column, TEXT_COLUMNS, "DataFrame")
        cols = {str(c): c for c in df.columns}
        texts = [None if _missing(t) else t for t in df[cols[col]].tolist()]

        def meta(names):
            for n in names:
                for c in cols:
                    if c.lower() == n:
                        return [("" if _missing(v) else _iso(v)) for v in df[cols[c]].tolist()]
            return []

        ids = meta(ID_COLUMNS) or [str(i) for i in df.index.tolist()]
        return self._native.run_texts(texts, ids, meta(("title",)), meta(("url",)),
                                      meta(("published", "date")), "<DataFrame>", MAX_DOCUMENT_BYTES, 1)

    def _run_records(self, records: list[Mapping], text_column: str | None, first: int):
        keys = list(dict.fromkeys(k for r in records for k in r))
        col = _pick(keys, text_column, TEXT_COLUMNS, "records")

        def field(r, names, default=""):
            for n in names:
                if r.get(n) is not None:
                    return str(r[n])
            return default

        texts = [r.get(col) for r in records]
        ids = [field(r, ID_COLUMNS, str(first + i)) for i, r in enumerate(records)]
        return self._native.run_texts(texts, ids, [field(r, ("title",)) for r in records],
                                      [field(r, ("url",)) for r in records],
                                      [field(r, ("published",)) for r in records], "<records>", MAX_DOCUMENT_BYTES,
                                      first + 1)


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def _iso(v) -> str:
    """A date-like cell as YYYY-MM-DD when it is a date/Timestamp, else its text."""
    if hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d")
    return str(v)


def _pick(columns: list[str], wanted: str | None, candidates: tuple, what: str) -> str:
    if wanted is not None:
        if wanted not in columns:
            raise InputError(f"[E107] {what}: no column {wanted!r} (columns: {', '.join(columns)})", "E107", what)
        return wanted
    lower = {c.lower(): c for c in columns}
    for c in candidates:
        if c in lower:
            return lower[c]
    raise InputError(f"[E107] {what}: no text column found among {', '.join(columns) or 'no columns'}; "
                     f"pass text_column=", "E107", what)


def _classify(item: Any) -> str:
    if isinstance(item, os.PathLike):
        return "path"
    if isinstance(item, Mapping):
        return "record"
    if isinstance(item, str):
        if "\n" not in item and len(item) < 4096:
            if os.path.exists(item):
                return "path"
            if not any(ch.isspace() for ch in item) and item.lower().endswith(_FILE_SUFFIXES):
                raise MissingInputError(f"[E101] {item}: no such file or directory", "E101", item)
        return "text"
    if isinstance(item, (bytes, bytearray)) or item is None:
        return "text"
    raise TypeError(f"cannot read {type(item).__name__} as a document (give str, bytes, a path or a dict)")


def _groups(data: Any) -> list[tuple[str, Any, int]]:
    """Splits the input into runs of one kind (paths, texts, records or a DataFrame) in input order:
    (kind, items, position of the first item)."""
    if hasattr(data, "columns") and hasattr(data, "iloc"):  # a pandas DataFrame (pandas not imported here)
        return [("frame", data, 0)]
    if hasattr(data, "iloc") and hasattr(data, "tolist"):  # a pandas Series of texts
        return [("frame", data.to_frame(name="text"), 0)]
    if isinstance(data, (str, bytes, bytearray, os.PathLike, Mapping)):
        data = [data]
    groups: list[tuple[str, list, int]] = []
    for pos, item in enumerate(data):
        kind = {"path": "paths", "record": "records", "text": "texts"}[_classify(item)]
        if groups and groups[-1][0] == kind:
            groups[-1][1].append(item)
        else:
            groups.append((kind, [item], pos))
    return groups or [("texts", [], 0)]


_cache: dict[tuple, Pipeline] = {}


def extract(data: Any, *, text_column: str | None = None, threads: int | None = None, plugins: Iterable[Any] = (),
            extractors: Iterable[str | Callable] | None = None, config: Mapping | None = None) -> IncidentSet:
    """Incidents from texts, files or a DataFrame.

    data:
      - a str: the text itself, or a path when it names an existing file or folder (a str without
        spaces ending in .txt/.jsonl/.json/.csv that does not exist raises MissingInputError);
        use pathlib.Path to say "this is a file" explicitly;
      - bytes: a text (must be UTF-8);
      - a pathlib.Path or a list of them: .txt files, folders (recursive), .jsonl and .csv files;
      - a list of str: texts (an item that is an existing path is read as a file);
      - a dict or list of dicts: records with a text field (text_column or auto-detected) and optional
        id/title/url/published;
      - a pandas DataFrame or Series: text column given or auto-detected ("text", "notes", ...);
        id/published/title/url columns used when present.
    Per-document failures become error records (``.errors``); a missing file or missing column raises.
    """
    key = None
    try:
        key = (threads, tuple(map(_key_of, plugins)), None if extractors is None else tuple(map(_key_of, extractors)),
               json.dumps(config, sort_keys=True) if config else "",
               tuple((n, id(spec.func)) for n, spec in sorted(registered_extractors().items())))
        pipeline = _cache.get(key)
    except TypeError:  # unhashable or non-JSON options: no caching
        pipeline = None
    if pipeline is None:
        pipeline = Pipeline(extractors=extractors, plugins=plugins, config=config, threads=threads)
        if key is not None:
            _cache.clear()  # keep one: building a pipeline loads the gazetteer
            _cache[key] = pipeline
    return pipeline.extract(data, text_column=text_column)


def _key_of(x: Any) -> Any:
    name = getattr(x, "extractor_name", None)
    return (name, id(x)) if name else os.fspath(x)
