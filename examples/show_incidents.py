"""Prints a short table of the incidents in a JSONL file written by `incidentkit extract` (used by `make demo`).

    python examples/show_incidents.py out/incidents.jsonl
"""
import sys

import pandas as pd

path = sys.argv[1] if len(sys.argv) > 1 else "out/incidents.jsonl"
df = pd.read_json(path, lines=True, dtype=False)
if df.empty:
    print(f"{path}: no incidents")
    sys.exit(0)

table = pd.DataFrame({
    "document": df["doc_id"].astype(str).str.slice(0, 28),
    "date": df["event_date"].fillna("?"),
    "place": df["location"].fillna("?").astype(str).str.slice(0, 18),
    "country": df["country"].fillna("?").astype(str).str.slice(0, 12),
    "type": df["sub_event_type"].fillna("?").astype(str).str.slice(0, 24),
    "killed": df["fatalities"].astype("Int64"),
    "injured": df["injured"].astype("Int64"),
    "weapons": df["weapons"].map(lambda w: ",".join(w) if isinstance(w, list) else ""),
    "total?": df["is_aggregate"].map({True: "period", False: ""}),
})
pd.set_option("display.width", 160)
print(f"\n{len(df)} incidents in {df['doc_id'].nunique()} documents ({path}):\n")
print(table.to_string(index=False))
print(f"\n{int(df['is_aggregate'].fillna(False).astype(bool).sum())} of them are totals over a period (is_aggregate)")
print("also written: out/incidents.csv (ACLED columns), out/incidents.geojson")
