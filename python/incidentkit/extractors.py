"""Python extractors: a decorated function becomes a pipeline stage next to the C++ ones.

    @incidentkit.extractor("shelters.v1", requires=["sentence"], assigns=["target"])
    def shelters(doc):
        for m in re.finditer(r"\\bshelters?\\b", doc.text):
            yield incidentkit.Mention(m.start(), m.end(), "target", "camp")

The function gets a :class:`Doc` and returns or yields mentions (:class:`Mention` or dicts with the
same keys). Offsets in Python are ``str`` indices into ``doc.text``; the adapter converts them to the
UTF-8 byte offsets the core uses. Packages can ship extractors through the entry-point group
``incidentkit.extractors``; they are imported the first time a pipeline is built.
"""
from __future__ import annotations

import inspect
import json
import logging
import math
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, Callable, Iterable

from . import _native
from .errors import PluginError

__all__ = ["Mention", "Doc", "extractor", "registered_extractors", "entry_point_failures"]

ENTRY_POINT_GROUP = "incidentkit.extractors"
_NAME = re.compile(r"^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_.-]{1,64})$")
_log = logging.getLogger("incidentkit")


@dataclass
class Mention:
    """A labelled span of ``doc.text`` (``str`` offsets, end exclusive). See plugins/LABELS.md."""

    start: int
    end: int
    label: str
    value: str | None = None
    number: float | None = None
    low: float | None = None
    high: float | None = None
    attrs: dict = field(default_factory=dict)
    confidence: float = 1.0
    extractor: str | None = None  # set when read back from the pipeline

    def as_dict(self) -> dict:
        return {
            "span": (self.start, self.end), "label": self.label, "value": self.value, "number": self.number,
            "low": self.low, "high": self.high, "attrs": self.attrs, "confidence": self.confidence,
            "extractor": self.extractor,
        }


class Offsets:
    """Maps between ``str`` indices and UTF-8 byte offsets of one text (identity for ASCII)."""

    def __init__(self, text: str):
        self.length = len(text)
        self.ascii = text.isascii()
        if not self.ascii:
            sizes = (1 if c < "\x80" else 2 if c < "\u0800" else 3 if c < "\U00010000" else 4 for c in text)
            self._bytes = array("q", accumulate(sizes, initial=0))  # byte offset of each char index

    def to_bytes(self, i: int) -> int:
        return i if self.ascii else self._bytes[i]

    def to_chars(self, b: int) -> int:
        return b if self.ascii else bisect_right(self._bytes, b) - 1


class Doc:
    """The document a Python extractor sees. Valid only during the call."""

    def __init__(self, view: Any):
        self._view = view
        self.text: str = view.text
        self.id: str = view.id
        self.title: str = view.title
        self.url: str = view.url
        self.source: str = view.source
        self.published: str | None = view.published or None
        self.offsets = Offsets(self.text)

    @property
    def meta(self) -> dict:
        return json.loads(self._view.meta_json)

    def mentions(self, label: str | None = None) -> list[Mention]:
        """Mentions added by earlier stages (all, or those with ``label``), with ``str`` offsets."""
        out = []
        for m in json.loads(self._view.mentions_json(label or "")):
            out.append(Mention(self.offsets.to_chars(m["start"]), self.offsets.to_chars(m["end"]), m["label"],
                               m["value"], m["number"], m["low"], m["high"], m["attrs"] or {},
                               m["confidence"], m["extractor"]))
        return out


def _num(x) -> float:
    return math.nan if x is None else float(x)


def _to_native(m: Any, offsets: Offsets) -> tuple:
    """One mention (Mention or dict) as the tuple the extension expects, with byte offsets."""
    if isinstance(m, Mention):
        start, end, label, value, number, low, high, attrs, conf = (
            m.start, m.end, m.label, m.value, m.number, m.low, m.high, m.attrs, m.confidence)
    elif isinstance(m, dict):
        if "span" in m:
            start, end = m["span"]
        else:
            start, end = m["start"], m["end"]
        label, value = m["label"], m.get("value")
        number, low, high = m.get("number"), m.get("low"), m.get("high")
        attrs, conf = m.get("attrs"), m.get("confidence", 1.0)
    else:
        raise TypeError(f"an extractor must return Mention objects or dicts, not {type(m).__name__}")
    start, end = int(start), int(end)
    if not 0 <= start <= end <= offsets.length:
        raise ValueError(f"mention span ({start}, {end}) is outside the text of {offsets.length} characters")
    return (offsets.to_bytes(start), offsets.to_bytes(end), str(label), None if value is None else str(value),
            _num(number), _num(low), _num(high), json.dumps(attrs) if attrs else None, float(conf))


@dataclass
class ExtractorSpec:
    name: str  # "shelters.v1"
    func: Callable
    requires: list[str]
    assigns: list[str]
    default_config: dict

    def make(self, config_json: str) -> Callable:
        """The adapter the extension calls per document (config goes to functions taking two arguments)."""
        config = json.loads(config_json)
        takes_config = len(inspect.signature(self.func).parameters) >= 2
        func = self.func

        def run(view) -> list[tuple]:
            doc = Doc(view)
            found = func(doc, config) if takes_config else func(doc)
            if found is None:
                return []
            if isinstance(found, (Mention, dict)):
                found = [found]
            return [_to_native(m, doc.offsets) for m in found]

        return run


_REGISTERED: dict[str, ExtractorSpec] = {}
_entry_points_loaded = False
_entry_point_failures: list[str] = []


def extractor(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), default_config: dict | None = None):
    """Registers ``f(doc)`` (or ``f(doc, config)``) as the extractor ``name`` ("shelters.v1").

    ``requires``: labels earlier stages must assign; ``assigns``: labels it writes. Returns the function
    unchanged (with ``.extractor_name``), so it can still be called directly.
    """
    match = _NAME.match(name)
    if not match:
        raise PluginError(f"[E304] extractor name {name!r} must look like 'name.v1'", "E304")

    def register(func: Callable) -> Callable:
        _REGISTERED[name] = ExtractorSpec(name, func, list(requires), list(assigns), dict(default_config or {}))
        func.extractor_name = name
        return func

    return register


def registered_extractors() -> dict[str, ExtractorSpec]:
    """Python extractors known to this process (decorated ones and those from entry points)."""
    load_entry_points()
    return dict(_REGISTERED)


def entry_point_failures() -> list[str]:
    """Messages for entry points of group ``incidentkit.extractors`` that failed to load."""
    load_entry_points()
    return list(_entry_point_failures)


def load_entry_points() -> None:
    """Imports every ``incidentkit.extractors`` entry point once; failures are logged, not raised."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            ep.load()  # importing runs the @extractor decorators
        except Exception as e:  # a broken third-party package must not break incidentkit
            msg = f"[E306] entry point {ep.name} = {ep.value} failed to load: {type(e).__name__}: {e}"
            _entry_point_failures.append(msg)
            _log.warning(msg)


def new_registry() -> "_native.Registry":
    """A registry with the built-ins, INCIDENTKIT_PLUGIN_PATH plugins and every Python extractor."""
    registry = _native.Registry()
    registry.load_plugin_path()  # failures are logged by the core (logger incidentkit.plugin)
    for spec in registered_extractors().values():
        add_python(registry, spec)
    return registry


def add_python(registry, spec: ExtractorSpec) -> None:
    base, version = _NAME.match(spec.name).groups()
    registry.add_python(base, version, spec.requires, spec.assigns, json.dumps(spec.default_config), spec.make)
