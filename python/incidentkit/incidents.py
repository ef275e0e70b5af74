"""IncidentSet: the incidents and error records of one run, and ways to export them."""
from __future__ import annotations

import json
import math
import os
import sqlite3
from dataclasses import asdict, dataclass
from typing import Iterator

from . import _native

__all__ = ["IncidentSet", "RunStats", "COLUMNS", "ERROR_COLUMNS"]

# The output contract's fields (shared/eval README) in the order to_pandas() and to_sqlite() use;
# any further fields an extractor adds follow them.
COLUMNS = [
    "id", "doc_id", "published", "event_date", "date_end", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "inter1", "inter2", "civilian_targeting", "country", "iso3", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
    "injured", "victims", "weapons", "targets", "is_aggregate", "evidence", "confidence",
]
_INT_COLUMNS = {"time_precision", "inter1", "inter2", "geo_precision", "fatalities", "fatalities_low",
                "fatalities_high", "injured"}
_BOOL_COLUMNS = {"civilian_targeting", "is_aggregate"}
_FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}
ERROR_COLUMNS = ["source", "line", "id", "code", "message"]


@dataclass
class RunStats:
    """Counts of a run. ``documents == processed + errors`` always holds."""

    documents: int = 0   # documents (and unreadable records) seen
    processed: int = 0   # documents that produced a result (maybe no incident)
    errors: int = 0      # error records
    incidents: int = 0
    bytes: int = 0
    seconds: float = 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def __add__(self, other: "RunStats") -> "RunStats":
        return RunStats(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))

    def as_dict(self) -> dict:
        return asdict(self)


def _parse_jsonl(data: bytes) -> list[dict]:
    # split on "\n" only: str.splitlines() would also split inside strings holding U+2028 etc.
    return [json.loads(line) for line in data.decode("utf-8").split("\n") if line]


class IncidentSet:
    """Incidents (one dict each, the contract's fields) and the error records of one run.

    ``len()``, iteration and indexing go over the incident dicts. Evidence offsets are UTF-8 byte
    offsets into the document's text, as in the JSONL output.
    """

    def __init__(self, results: list | None = None, errors: list[dict] | None = None, stats: RunStats | None = None):
        self._results = list(results or [])  # native Results: the documents, for the writers
        self._jsonl: bytes = _native.write_results(self._results, "jsonl", "")
        self.incidents: list[dict] = _parse_jsonl(self._jsonl)
        self.errors: list[dict] = errors or []
        self.stats: RunStats = stats or RunStats()

    @classmethod
    def concat(cls, parts: list["IncidentSet"]) -> "IncidentSet":
        stats = RunStats()
        for p in parts:
            stats = stats + p.stats
        return cls([r for p in parts for r in p._results], [e for p in parts for e in p.errors], stats)

    def __len__(self) -> int:
        return len(self.incidents)

    def __iter__(self) -> Iterator[dict]:
        return iter(self.incidents)

    def __getitem__(self, i):
        return self.incidents[i]

    def __repr__(self) -> str:
        s = self.stats
        return (f"<IncidentSet {len(self)} incidents from {s.processed} documents, {s.errors} errors>")

    # --- tables -------------------------------------------------------------------------------------
    def columns(self) -> list[str]:
        """COLUMNS, then any further fields in the order first seen."""
        cols = list(COLUMNS)
        seen = set(cols)
        for rec in self.incidents:
            for k in rec:
                if k not in seen:
                    seen.add(k)
                    cols.append(k)
        return cols

    def to_pandas(self):
        """One row per incident, columns in a stable order (COLUMNS first). Needs pandas."""
        import numpy as np
        import pandas as pd

        def column(name):
            values = [rec.get(name) for rec in self.incidents]
            if name in _INT_COLUMNS:
                return pd.array([None if v is None else int(v) for v in values], dtype="Int64")
            if name in _BOOL_COLUMNS:
                return pd.array([None if v is None else bool(v) for v in values], dtype="boolean")
            if name in _FLOAT_COLUMNS:
                return [math.nan if v is None else float(v) for v in values]
            cells = np.empty(len(values), dtype=object)  # lists stay list cells, not a 2-D array
            cells[:] = values
            return cells

        return pd.DataFrame({name: column(name) for name in self.columns()})

    def errors_frame(self):
        """The error records as a DataFrame (source, line, id, code, message). Needs pandas."""
        import pandas as pd

        return pd.DataFrame.from_records(self.errors, columns=ERROR_COLUMNS)

    # --- files --------------------------------------------------------------------------------------
    def to_jsonl(self, path: str | os.PathLike) -> None:
        """Writes the incidents as JSON lines, exactly as `incidentkit extract --format jsonl` does."""
        with open(path, "wb") as f:
            f.write(self._jsonl)

    def to_csv(self, path: str | os.PathLike) -> None:
        """Writes ACLED's columns (the same writer as `incidentkit extract --format csv`)."""
        _native.write_results(self._results, "csv", os.fspath(path))

    def to_geojson(self, path: str | os.PathLike) -> None:
        """Writes a GeoJSON FeatureCollection (incidents with coordinates become points)."""
        _native.write_results(self._results, "geojson", os.fspath(path))

    def to_sqlite(self, path: str | os.PathLike, table: str = "incidents") -> None:
        """Appends the incidents to ``table`` (created when missing) in the SQLite file ``path``.
        Lists and objects (weapons, victims, evidence, ...) are stored as JSON text."""
        cols = self.columns()
        quoted = ", ".join('"' + c.replace('"', '""') + '"' for c in cols)
        name = '"' + table.replace('"', '""') + '"'

        def cell(v):
            return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v

        with sqlite3.connect(os.fspath(path)) as db:
            db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({quoted})")
            db.executemany(f"INSERT INTO {name} ({quoted}) VALUES ({', '.join('?' * len(cols))})",
                           ([cell(rec.get(c)) for c in cols] for rec in self.incidents))
        db.close()
