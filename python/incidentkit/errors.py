"""Exceptions. They mirror the C++ ones and also inherit the builtin a Python user would catch.

Every exception has ``.code`` (``"E101"``; the catalogue is in the README), and the message starts
with it: ``[E101] reports/x.txt: no such file or directory``.
"""
from __future__ import annotations

__all__ = [
    "IncidentkitError",
    "InputError",
    "MissingInputError",
    "ConfigError",
    "PluginError",
    "ExtractionError",
]


class IncidentkitError(Exception):
    """Base class of every incidentkit error."""

    def __init__(self, message: str, code: str | None = None, source: str | None = None, line: int = 0):
        super().__init__(message)
        self.code = code
        self.source = source
        self.line = line

    def __str__(self) -> str:  # OSError subclasses would otherwise format their own way
        return self.args[0] if self.args else ""


class InputError(IncidentkitError, ValueError):
    """Input that cannot be read: a CSV without the text column, a malformed document (E1xx)."""


class MissingInputError(InputError, FileNotFoundError):
    """A path that does not exist (E101). Also a FileNotFoundError."""


class ConfigError(IncidentkitError, ValueError):
    """A bad option, an unknown extractor or a broken chain (E2xx)."""


class PluginError(IncidentkitError, ImportError):
    """A plugin file or Python extractor that cannot be loaded (E3xx)."""


class ExtractionError(IncidentkitError, RuntimeError):
    """An extractor failed (E4xx). In batch runs failures become error records instead."""


_BY_KIND = {
    "IncidentkitError": IncidentkitError,
    "InputError": InputError,
    "ConfigError": ConfigError,
    "PluginError": PluginError,
    "ExtractionError": ExtractionError,
}


def from_native(kind: str, code: str, message: str, source: str | None = None, line: int = 0) -> IncidentkitError:
    """The exception for a C++ error (called by the extension module)."""
    cls = MissingInputError if code == "E101" else _BY_KIND.get(kind, IncidentkitError)
    return cls(message, code, source, line)


def from_record(record: dict) -> IncidentkitError:
    """The exception for an error record (a document that failed)."""
    code = record.get("code") or "E499"
    family = {"1": InputError, "2": ConfigError, "3": PluginError}.get(code[1:2], ExtractionError)
    cls = MissingInputError if code == "E101" else family
    message = record.get("message") or ""
    return cls(message if message.startswith("[") else f"[{code}] {message}", code, record.get("source"), record.get("line") or 0)
