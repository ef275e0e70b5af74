"""incidentkit: structured incident records (who, what, where, when, how many) from reports of violence
against civilians, every value tied to the text it came from.

    >>> import incidentkit
    >>> found = incidentkit.extract(["On 3 March 2021, government warplanes struck a market in Ariha, "
    ...                              "killing at least 12 civilians."])
    >>> found.to_pandas()[["event_date", "location", "fatalities"]]

The work is done by a C++ core (``incidentkit._native``); this package is the Python face of it.
pandas is imported only by the methods that return DataFrames.
"""
from __future__ import annotations

from pathlib import Path

from .errors import (ConfigError, ExtractionError, IncidentkitError, InputError, MissingInputError,
                     PluginError)
from .extractors import Doc, Mention, entry_point_failures, extractor, registered_extractors
from .incidents import COLUMNS, IncidentSet, RunStats
from .pipeline import Pipeline, data_dir, default_chain, extract

__version__ = "0.1.0"

__all__ = [
    "extract", "extract_dask", "Pipeline", "IncidentSet", "RunStats", "COLUMNS", "extractor", "Mention", "Doc",
    "default_chain", "data_dir", "registered_extractors", "entry_point_failures", "list_extractors",
    "get_include", "get_cmake_dir", "IncidentkitError", "InputError", "MissingInputError", "ConfigError",
    "PluginError", "ExtractionError",
]


def extract_dask(ddf, *, text_column=None, **options):
    """Incidents of a dask DataFrame as a lazy dask DataFrame (needs the `dask` extra)."""
    from .dataframes import extract_dask as run

    return run(ddf, text_column=text_column, **options)


def list_extractors(plugins=()) -> list[dict]:
    """Every extractor known (built-in, plugin files given or on INCIDENTKIT_PLUGIN_PATH, Python):
    name, version, source, requires, assigns."""
    from . import extractors as _ex

    registry = _ex.new_registry()
    for p in plugins:
        registry.load_plugin(str(p))
    return [{k: v for k, v in info.items() if k != "default_config"} for info in registry.list()]


def get_include() -> str:
    """The directory holding incidentkit/plugin_abi.h and incidentkit/sdk.hpp (for plugin authors)."""
    return str(Path(__file__).resolve().parent / "include")


def get_cmake_dir() -> str:
    """The directory holding incidentkitConfig.cmake: pass it as -Dincidentkit_DIR=... to CMake."""
    return str(Path(__file__).resolve().parent / "cmake")
