"""Dask support (pip install "incidentkit[dask]"): incidents of a dask DataFrame, partition by partition."""
from __future__ import annotations

from typing import Any

from .incidents import COLUMNS, IncidentSet
from .pipeline import extract


def extract_dask(ddf: Any, *, text_column: str | None = None, **options: Any):
    """A lazy dask DataFrame of the incidents in ``ddf`` (one partition of incidents per partition of
    documents), with the contract's columns (COLUMNS). ``options`` go to :func:`incidentkit.extract`.
    Each worker process builds its pipeline once and reuses it."""

    def one(part):
        return extract(part, text_column=text_column, **options).to_pandas()[COLUMNS]

    meta = IncidentSet().to_pandas()[COLUMNS]
    return ddf.map_partitions(one, meta=meta)
