"""The Python API: inputs of every kind, IncidentSet and its exports, annotate()."""
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import incidentkit
from conftest import ISSUE_EXAMPLE, REPORTS, run_cli

SECOND = "Shelling hit a school in Saraqib on 4 May 2020, killing 3 children and wounding 7 others."


def test_issue_example_gives_one_row_with_twelve_killed():
    df = incidentkit.extract([ISSUE_EXAMPLE]).to_pandas()
    assert len(df) == 1
    assert df.loc[0, "fatalities"] == 12
    assert df.loc[0, "event_date"] == "2021-03-03"


def test_columns_start_with_the_contract_in_a_stable_order():
    df = incidentkit.extract([ISSUE_EXAMPLE, SECOND]).to_pandas()
    assert list(df.columns[: len(incidentkit.COLUMNS)]) == incidentkit.COLUMNS
    empty = incidentkit.extract(["Nothing happened here today."]).to_pandas()
    assert list(empty.columns[: len(incidentkit.COLUMNS)]) == incidentkit.COLUMNS
    assert len(empty) == 0


def test_dataframe_input_uses_text_id_and_published_columns():
    frame = pd.DataFrame({"report_id": ["r1", "r2"], "body": [ISSUE_EXAMPLE, SECOND],
                          "published": ["2021-03-04", "2020-05-05"], "id": ["a-1", "b-2"]})
    found = incidentkit.extract(frame)
    df = found.to_pandas()
    assert set(df["doc_id"]) <= {"a-1", "b-2"} and "a-1" in set(df["doc_id"])
    row = df[df["doc_id"] == "a-1"].iloc[0]
    assert row["published"] == "2021-03-04"
    assert row["fatalities"] == 12
    assert found.stats.documents == 2


def test_dataframe_text_column_can_be_named_and_missing_one_raises():
    frame = pd.DataFrame({"a": [ISSUE_EXAMPLE], "b": ["x"]})
    assert len(incidentkit.extract(frame, text_column="a")) == 1
    with pytest.raises(incidentkit.InputError) as err:
        incidentkit.extract(frame, text_column="zzz")
    assert "zzz" in str(err.value) and err.value.code == "E107"
    with pytest.raises(ValueError):  # no column that looks like text
        incidentkit.extract(pd.DataFrame({"a": [1]}))


def test_series_and_records_inputs():
    s = pd.Series([ISSUE_EXAMPLE], index=["n7"])
    assert incidentkit.extract(s)[0]["doc_id"] == "n7"
    recs = [{"id": "rec-1", "text": ISSUE_EXAMPLE, "published": "2021-03-03"}]
    found = incidentkit.extract(recs)
    assert found[0]["doc_id"] == "rec-1" and found[0]["published"] == "2021-03-03"


def test_a_str_is_a_path_when_it_names_a_file(tmp_path):
    f = tmp_path / "report.txt"
    f.write_text(ISSUE_EXAMPLE, encoding="utf-8")
    by_str = incidentkit.extract(str(f))
    by_path = incidentkit.extract(f)
    by_text = incidentkit.extract(ISSUE_EXAMPLE)
    assert len(by_str) == len(by_path) == len(by_text) == 1
    assert by_str[0]["fatalities"] == by_text[0]["fatalities"] == 12
    with pytest.raises(FileNotFoundError):  # looks like a file name, does not exist
        incidentkit.extract(str(tmp_path / "missing.txt"))


def test_folder_input_reads_every_report():
    found = incidentkit.extract(REPORTS)
    n_files = sum(1 for p in REPORTS.iterdir() if p.suffix == ".txt")
    assert found.stats.documents >= n_files
    assert found.stats.errors == 0
    assert len({r["doc_id"] for r in found}) >= 3


def test_mixed_list_keeps_input_order(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text(SECOND, encoding="utf-8")
    found = incidentkit.extract([ISSUE_EXAMPLE, Path(f), ISSUE_EXAMPLE])
    assert found.stats.documents == 3
    ids = [r["doc_id"] for r in found]
    assert ids[0] == "0" and ids[-1] == "2"  # texts are numbered by their position in the input


def test_iteration_len_and_stats_agree():
    found = incidentkit.extract([ISSUE_EXAMPLE, SECOND, "No violence reported."])
    assert len(found) == len(list(found)) == found.stats.incidents
    assert found.stats.documents == found.stats.processed + found.stats.errors == 3
    assert all(isinstance(r, dict) for r in found)


def test_exports_match_the_cli(tmp_path):
    found = incidentkit.extract(REPORTS, threads=1)
    found.to_jsonl(tmp_path / "api.jsonl")
    found.to_csv(tmp_path / "api.csv")
    found.to_geojson(tmp_path / "api.geojson")
    for fmt, name in (("jsonl", "api.jsonl"), ("csv", "api.csv"), ("geojson", "api.geojson")):
        out = tmp_path / f"cli.{fmt}"
        run_cli("extract", REPORTS, "--format", fmt, "--output", out, "--threads", "1", "--quiet", check=True)
        assert (tmp_path / name).read_bytes() == out.read_bytes(), fmt
    header = (tmp_path / "api.csv").read_text(encoding="utf-8").split("\n")[0]
    assert header.startswith("event_id_cnty,event_date")  # ACLED's columns
    geo = json.loads((tmp_path / "api.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    located = [r for r in found if r["latitude"] is not None]
    assert len(geo["features"]) == len(located)


def test_to_sqlite(tmp_path):
    found = incidentkit.extract([ISSUE_EXAMPLE, SECOND])
    db = tmp_path / "i.sqlite"
    found.to_sqlite(db, table="attacks")
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT id, fatalities, weapons, evidence FROM attacks").fetchall()
    assert len(rows) == len(found)
    by_id = {r[0]: r for r in rows}
    first = found[0]
    assert by_id[first["id"]][1] == first["fatalities"]
    assert json.loads(by_id[first["id"]][2]) == first["weapons"]
    assert json.loads(by_id[first["id"]][3]) == first["evidence"]


def test_evidence_is_byte_offsets_into_the_text():
    text = "Le 3 mars 2021 à Ariha — government warplanes struck a market in Ariha, killing at least 12 civilians."
    found = incidentkit.extract([text])
    raw = text.encode("utf-8")
    assert found.incidents
    for inc in found:
        for ev in inc["evidence"]:
            assert raw[ev["start"]:ev["end"]].decode("utf-8") == ev["text"]


def test_annotate_spans_slice_the_str():
    text = "Près d’Idlib — On 3 March 2021, government warplanes struck a market in Ariha, killing at least 12 civilians."
    mentions = incidentkit.Pipeline().annotate(text)
    labels = {m["label"] for m in mentions}
    assert {"sentence", "date", "casualty", "incident"} <= labels
    raw = text.encode("utf-8")
    for m in mentions:
        s, e = m["span"]
        assert text[s:e] == m["text"]
        bs, be = m["byte_span"]
        assert raw[bs:be].decode("utf-8") == m["text"]
        assert m["extractor"].endswith(".v1")
    killed = [m for m in mentions if m["label"] == "casualty" and m["value"] == "killed"]
    assert killed and killed[0]["number"] == 12


def test_pipeline_chain_and_threads_do_not_change_results():
    texts = [ISSUE_EXAMPLE, SECOND] * 40
    one = incidentkit.Pipeline(threads=1).extract(texts)
    two = incidentkit.Pipeline(threads=2).extract(texts)
    assert one.incidents == two.incidents
    assert incidentkit.Pipeline().extractors == incidentkit.default_chain()


def test_unknown_extractor_and_broken_chain_raise_config_errors():
    with pytest.raises(incidentkit.ConfigError) as err:
        incidentkit.Pipeline(extractors=["sentences.v1", "nosuch.v9"])
    assert err.value.code == "E202" and "nosuch.v9" in str(err.value)
    with pytest.raises(ValueError) as err:
        incidentkit.Pipeline(extractors=["dates.v1"])  # needs sentences first
    assert err.value.code == "E203"


def test_errors_frame_has_the_record_columns():
    found = incidentkit.extract([ISSUE_EXAMPLE, None])
    frame = found.errors_frame()
    assert list(frame.columns) == ["source", "line", "id", "code", "message"]
    assert frame.loc[0, "code"] == "E104" and frame.loc[0, "line"] == 2


def test_dask_dataframe_partitions():
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame({"id": [f"n{i}" for i in range(6)], "text": [ISSUE_EXAMPLE, SECOND] * 3})
    out = incidentkit.extract_dask(dd.from_pandas(frame, npartitions=3)).compute()
    assert list(out.columns) == incidentkit.COLUMNS
    direct = incidentkit.extract(frame).to_pandas()
    assert sorted(out["id"]) == sorted(direct["id"])


def test_a_total_over_named_days_becomes_daily_rows_that_add_up():
    text = ("Clashes between herders and farmers around Agatu killed 23 people and wounded 9 over "
            "12-14 March 2016, local officials said.")
    df = incidentkit.extract([text]).to_pandas()
    days = df[~df["is_aggregate"]]
    total = df[df["is_aggregate"]]
    assert len(days) == 3 and len(total) == 1
    assert list(days["event_date"]) == ["2016-03-12", "2016-03-13", "2016-03-14"]
    assert days["fatalities"].sum() == total["fatalities"].iloc[0] == 23
    assert days["injured"].sum() == total["injured"].iloc[0] == 9
    assert [s["day"] for s in days["split"]] == [1, 2, 3]
    assert total["split"].iloc[0] == {"days": 3}
    # every row cites the run of days it was split over
    for evidence in df["evidence"]:
        assert any(e["field"] == "split" and e["text"] == "12-14 March 2016" for e in evidence)
