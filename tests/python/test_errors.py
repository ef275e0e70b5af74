"""Bad input: every document is accounted for (documents == processed + errors), error records name
where the problem is, and exceptions are the documented classes that also inherit builtins."""
import json
from pathlib import Path

import pytest

import incidentkit
from conftest import ISSUE_EXAMPLE, run_cli

ERROR_FIELDS = {"source", "line", "id", "code", "message"}


@pytest.fixture
def bad_jsonl(tmp_path):
    """A JSONL file with one good document and one of each kind of bad line; returns (path, codes by line)."""
    lines = [
        json.dumps({"id": "good", "text": ISSUE_EXAMPLE}).encode(),
        b'{"id": "broken", "text": "unterminated',
        b"[1, 2, 3]",
        json.dumps({"id": "notext", "title": "no text here"}).encode(),
        b'{"id": "latin1", "text": "caf\xe9 bombed"}',
        json.dumps({"id": "nul", "text": "a\u0000b killed 3"}).encode(),
        json.dumps({"id": "huge", "text": "x " * (5 << 20)}).encode(),  # 10 MB, over the 8 MiB limit
        json.dumps({"id": "good2", "text": ISSUE_EXAMPLE}).encode(),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    expected = {2: "E102", 3: "E103", 4: "E104", 5: "E105", 6: "E110", 7: "E106"}
    return path, expected


def check_accounting(stats, errors, n_documents):
    assert stats.documents == n_documents
    assert stats.documents == stats.processed + stats.errors
    assert stats.errors == len(errors)
    for e in errors:
        assert set(e) >= ERROR_FIELDS
        assert e["code"].startswith("E") and e["message"]


def test_bad_jsonl_lines_become_error_records(bad_jsonl):
    path, expected = bad_jsonl
    found = incidentkit.extract(path)
    check_accounting(found.stats, found.errors, 8)
    assert {e["line"]: e["code"] for e in found.errors} == expected
    for e in found.errors:
        assert e["source"].endswith("bad.jsonl")
    assert {r["doc_id"] for r in found} == {"good", "good2"}


def test_cli_writes_one_error_line_per_failed_document(bad_jsonl, tmp_path):
    path, expected = bad_jsonl
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    proc = run_cli("extract", path, "--output", out, "--errors", errs)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in errs.read_text(encoding="utf-8").splitlines()]
    assert {r["line"]: r["code"] for r in records} == expected
    assert all(set(r) >= ERROR_FIELDS for r in records)
    summary = proc.stderr.decode().strip().splitlines()[-1]
    assert "8 documents" in summary and "6 errors" in summary


def test_in_memory_bad_documents():
    texts = [ISSUE_EXAMPLE, None, b"caf\xe9 bombed", "a\x00b", "", "x " * (5 << 20), "\ud800 lone surrogate",
             ISSUE_EXAMPLE]
    found = incidentkit.extract(texts)
    check_accounting(found.stats, found.errors, len(texts))
    codes = {e["line"]: e["code"] for e in found.errors}
    assert codes == {2: "E104", 3: "E105", 4: "E110", 5: "E104", 6: "E106", 7: "E105"}
    assert {e["id"] for e in found.errors} == {"1", "2", "3", "4", "5", "6"}
    assert len(found) == 2


def test_nul_byte_and_bad_utf8_in_text_files(tmp_path):
    (tmp_path / "ok.txt").write_text(ISSUE_EXAMPLE, encoding="utf-8")
    (tmp_path / "nul.txt").write_bytes(b"killed\x00 three")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9")
    found = incidentkit.extract(tmp_path)
    check_accounting(found.stats, found.errors, 3)
    by_file = {Path(e["source"]).name: e["code"] for e in found.errors}
    assert by_file == {"nul.txt": "E110", "latin.txt": "E105"}


def test_missing_file_raises_file_not_found(tmp_path):
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(FileNotFoundError) as err:
        incidentkit.extract(missing)
    assert isinstance(err.value, incidentkit.InputError)
    assert err.value.code == "E101" and "nope.jsonl" in str(err.value)


def test_csv_without_the_named_column_raises(tmp_path):
    csv = tmp_path / "notes.csv"
    csv.write_text("id,notes\n1,\"" + ISSUE_EXAMPLE + "\"\n", encoding="utf-8")
    assert len(incidentkit.extract(csv)) == 1  # "notes" is found on its own
    with pytest.raises(ValueError) as err:
        incidentkit.extract(csv, text_column="body")
    assert err.value.code == "E107" and "body" in str(err.value)


@pytest.mark.parametrize("cls, builtin", [
    (incidentkit.IncidentkitError, Exception),
    (incidentkit.InputError, ValueError),
    (incidentkit.MissingInputError, FileNotFoundError),
    (incidentkit.MissingInputError, OSError),
    (incidentkit.ConfigError, ValueError),
    (incidentkit.PluginError, ImportError),
    (incidentkit.ExtractionError, RuntimeError),
])
def test_exceptions_inherit_builtins(cls, builtin):
    assert issubclass(cls, builtin)
    assert issubclass(cls, incidentkit.IncidentkitError)


def test_raised_errors_carry_codes(tmp_path):
    junk = tmp_path / "junk.so"
    junk.write_bytes(b"not a shared library")
    with pytest.raises(ImportError) as err:
        incidentkit.Pipeline(plugins=[junk])
    assert isinstance(err.value, incidentkit.PluginError)
    assert err.value.code.startswith("E30") and "junk.so" in str(err.value)
    with pytest.raises(incidentkit.ConfigError) as err:
        incidentkit.Pipeline(config={"places.v1": 3})
    assert err.value.code == "E201"
