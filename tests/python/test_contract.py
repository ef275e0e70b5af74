"""The output contract (shared/eval/README.md) on the dev sets, when ../shared is beside the checkout.
Checks the shape of every record, not accuracy (that is the scorer's job)."""
import re

import pytest

from conftest import SHARED, read_jsonl, run_cli, write_jsonl

DEV = SHARED / "eval" / "dev"
SETS = ["seeds.jsonl", "acled2023.jsonl"]

FIELDS = ["id", "doc_id", "published", "event_date", "date_end", "time_precision", "event_type", "sub_event_type",
          "actor1", "actor2", "inter1", "inter2", "civilian_targeting", "country", "iso3", "admin1", "admin2",
          "location", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
          "injured", "victims", "weapons", "targets", "is_aggregate", "evidence", "confidence"]
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
WEAPONS = {"firearms", "explosive", "ied", "landmine", "grenade", "car_bomb", "suicide_bomb", "air_strike", "drone",
           "barrel_bomb", "shelling", "missile", "cluster_munition", "incendiary", "chemical", "heavy_weapons",
           "bladed", "arson", "blunt"}
TARGETS = {"hospital", "school", "market", "residential", "place_of_worship", "camp", "bakery", "civil_defense",
           "government", "military", "infrastructure", "vehicle"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module", params=SETS)
def dev_run(request, tmp_path_factory):
    path = DEV / request.param
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is not beside the checkout)")
    # Only the input fields go in: the gold labels stay out of the run.
    docs = [{k: d[k] for k in ("id", "text", "published", "title", "source", "url") if k in d} for d in read_jsonl(path)]
    tmp = tmp_path_factory.mktemp("dev")
    src = write_jsonl(tmp / "input.jsonl", docs)
    out, errs = tmp / "out.jsonl", tmp / "errors.jsonl"
    proc = run_cli("extract", src, "--format", "jsonl", "--output", out, "--errors", errs, check=True)
    return docs, read_jsonl(out), read_jsonl(errs), proc.stderr.decode()


def test_every_document_is_processed(dev_run):
    docs, incidents, errors, stderr = dev_run
    assert errors == []
    assert f"{len(docs):,} documents" in stderr
    assert incidents, "the dev documents describe incidents; none found"


def test_records_carry_every_contract_field_with_valid_values(dev_run):
    docs, incidents, _, _ = dev_run
    ids = {d["id"] for d in docs}
    seen = set()
    for r in incidents:
        missing = [f for f in FIELDS if f not in r]
        assert not missing, f"{r.get('id')}: missing {missing}"
        assert r["doc_id"] in ids
        assert r["id"] not in seen
        seen.add(r["id"])
        for f in ("event_date", "date_end", "published"):
            assert r[f] is None or ISO_DATE.match(r[f]), (f, r[f])
        if r["event_type"] is not None:
            assert r["event_type"] in ACLED_TYPES, r["event_type"]
            assert r["sub_event_type"] is None or r["sub_event_type"] in ACLED_TYPES[r["event_type"]], r["sub_event_type"]
        for f in ("inter1", "inter2"):
            assert r[f] is None or r[f] in range(1, 9)
        assert r["geo_precision"] is None or r["geo_precision"] in (1, 2, 3)
        assert r["time_precision"] is None or r["time_precision"] in (1, 2, 3)
        assert set(r["weapons"] or []) <= WEAPONS, r["weapons"]
        assert set(r["targets"] or []) <= TARGETS, r["targets"]
        assert 0 <= r["confidence"] <= 1
        assert isinstance(r["is_aggregate"], bool)
        if r["latitude"] is not None:
            assert -90 <= r["latitude"] <= 90 and -180 <= r["longitude"] <= 180
        if r["fatalities"] is not None:
            assert r["fatalities"] >= 0
            if r["fatalities_low"] is not None:
                assert r["fatalities_low"] <= r["fatalities"]
            if r["fatalities_high"] is not None:
                assert r["fatalities"] <= r["fatalities_high"]
        assert r["victims"] is None or isinstance(r["victims"], dict)


def test_evidence_offsets_point_at_the_evidence_text(dev_run):
    docs, incidents, _, _ = dev_run
    text_of = {d["id"]: d["text"].encode("utf-8") for d in docs}
    checked = 0
    for r in incidents:
        raw = text_of[r["doc_id"]]
        assert isinstance(r["evidence"], list)
        for ev in r["evidence"]:
            assert 0 <= ev["start"] <= ev["end"] <= len(raw)
            assert raw[ev["start"]:ev["end"]].decode("utf-8") == ev["text"], (r["doc_id"], ev)
            checked += 1
    assert checked > 0
