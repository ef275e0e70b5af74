"""Python extractors (@incidentkit.extractor) run in the native pipeline beside the C++ ones; plugin-path
failures reach Python's logging."""
import logging

import pytest

import incidentkit
from conftest import ISSUE_EXAMPLE

SHELTER = "Jets struck a shelter for displaced families in Sarmada on 2 May 2020, killing at least 7 civilians."


@incidentkit.extractor("shelters.v1", requires=["sentence"], assigns=["target"])
def shelters(doc):
    start = 0
    while (i := doc.text.find("shelter", start)) >= 0:
        yield incidentkit.Mention(i, i + len("shelter"), "target", "camp", confidence=0.9)
        start = i + 1


@incidentkit.extractor("echo_places.v1", requires=["place"], assigns=["echo"])
def echo_places(doc, config):
    # Reads an earlier stage's mentions; returns dicts; sees its config.
    return [{"span": (m.start, m.end), "label": "echo", "value": m.value, "attrs": {"tag": config["tag"]}}
            for m in doc.mentions("place")]


@incidentkit.extractor("failing.v1", requires=["sentence"], assigns=["nothing"])
def failing(doc):
    if "explode" in doc.text:
        raise RuntimeError("this extractor refuses the document")
    return None


@incidentkit.extractor("outside.v1", assigns=["bad"])
def outside(doc):
    return [{"start": 0, "end": len(doc.text) + 5, "label": "bad"}]


def test_python_extractor_runs_alongside_the_cpp_chain():
    pipe = incidentkit.Pipeline(plugins=[shelters])
    chain = pipe.extractors
    assert "shelters.v1" in chain
    assert chain.index("shelters.v1") < chain.index("incidents.v1")  # before the assembler
    assert chain[0] == "sentences.v1"
    found = pipe.extract([SHELTER])
    assert found and "camp" in found[0]["targets"]
    mentions = pipe.annotate(SHELTER)
    ours = [m for m in mentions if m["extractor"] == "shelters.v1"]
    assert ours and ours[0]["text"] == "shelter" and ours[0]["value"] == "camp"
    assert any(m["extractor"] == "casualties.v1" for m in mentions)


def test_offsets_are_str_indices_even_with_non_ascii_text():
    text = "Ça — « témoins » : a shelter in Idlib was hit on 2 May 2020, killing 7 civilians."
    mentions = incidentkit.Pipeline(plugins=[shelters], threads=2).annotate(text)
    ours = [m for m in mentions if m["extractor"] == "shelters.v1"]
    assert ours and ours[0]["text"] == "shelter"
    raw = text.encode("utf-8")
    bs, be = ours[0]["byte_span"]
    assert raw[bs:be] == b"shelter"


def test_python_extractor_reads_earlier_mentions_and_config():
    pipe = incidentkit.Pipeline(extractors=["sentences.v1", "places.v1", "echo_places.v1"],
                                config={"echo_places.v1": {"tag": "seen"}})
    text = "Shelling hit Aleppo and Idlib on Monday."
    mentions = pipe.annotate(text)
    places = [m for m in mentions if m["label"] == "place"]
    echoes = [m for m in mentions if m["label"] == "echo"]
    assert len(echoes) == len(places) > 0
    assert {e["span"] for e in echoes} == {p["span"] for p in places}
    assert all(e["attrs"] == {"tag": "seen"} for e in echoes)


def test_a_failing_python_extractor_fails_only_its_document():
    pipe = incidentkit.Pipeline(plugins=[failing], threads=2)
    texts = [ISSUE_EXAMPLE, "The bomb will explode, killing 3.", ISSUE_EXAMPLE]
    found = pipe.extract(texts)
    assert found.stats.documents == 3 and found.stats.errors == 1 and found.stats.processed == 2
    err = found.errors[0]
    assert err["code"] == "E401" and err["line"] == 2
    assert "failing.v1" in err["message"] and "refuses" in err["message"]
    with pytest.raises(RuntimeError):  # ExtractionError when asking for one document's mentions
        pipe.annotate("explode")


def test_a_span_outside_the_text_is_an_extraction_error():
    found = incidentkit.Pipeline(extractors=["outside.v1"]).extract(["short text"])
    assert found.stats.errors == 1 and found.errors[0]["code"] == "E401"
    assert "outside" in found.errors[0]["message"]


def test_extractor_names_are_checked():
    with pytest.raises(ImportError):
        incidentkit.extractor("no version")


def test_python_extractors_are_listed_with_source_python():
    rows = {r["name"]: r for r in incidentkit.list_extractors()}
    assert rows["shelters.v1"]["source"] == "python"
    assert rows["shelters.v1"]["requires"] == ["sentence"] and rows["shelters.v1"]["assigns"] == ["target"]
    assert rows["casualties.v1"]["source"] == "built-in"


def test_plugin_path_failures_reach_python_logging(tmp_path, monkeypatch, caplog):
    (tmp_path / "ik_broken.so").write_bytes(b"\x7fELF but not really")
    monkeypatch.setenv("INCIDENTKIT_PLUGIN_PATH", str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="incidentkit"):
        incidentkit.Pipeline()
    hits = [r for r in caplog.records if "ik_broken.so" in r.getMessage()]
    assert hits and hits[0].name.startswith("incidentkit")
