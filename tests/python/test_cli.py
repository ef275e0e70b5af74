"""The `incidentkit` command: output, exit codes and messages, determinism across threads."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ISSUE_EXAMPLE, REPORTS, read_jsonl, run_cli, write_jsonl


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "incidentkit"
    assert script.exists(), "pip install should create the incidentkit command"


def test_extract_to_stdout_and_summary_on_stderr():
    proc = run_cli("extract", REPORTS / "analyst-notes.jsonl")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert records and all("doc_id" in r and "evidence" in r for r in records)
    summary = proc.stderr.decode().strip().splitlines()[-1]
    for word in ("documents", "incidents", "errors", "MB/s"):
        assert word in summary


def test_quiet_prints_nothing_on_success(tmp_path):
    proc = run_cli("extract", REPORTS, "--output", tmp_path / "o.jsonl", "--quiet")
    assert proc.returncode == 0 and proc.stderr == b""


def test_stdin_input():
    doc = json.dumps({"id": "s1", "text": ISSUE_EXAMPLE}) + "\n"
    proc = run_cli("extract", "-", input=doc.encode())
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout.decode().splitlines()[0])
    assert rec["doc_id"] == "s1" and rec["fatalities"] == 12


def test_missing_input_exits_2_naming_it(tmp_path):
    missing = tmp_path / "no-such-report.txt"
    proc = run_cli("extract", REPORTS, missing)
    assert proc.returncode == 2
    assert str(missing) in proc.stderr.decode() and proc.stdout == b""


def test_csv_without_the_text_column_exits_2_naming_it():
    proc = run_cli("extract", REPORTS / "analyst-notes.csv", "--text-column", "narrative")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "narrative" in err and "E107" in err


def test_unknown_extractor_exits_2():
    proc = run_cli("extract", REPORTS, "--extractors", "sentences.v1,nosuch.v1")
    assert proc.returncode == 2 and "nosuch.v1" in proc.stderr.decode()


def test_random_file_as_plugin_is_refused_naming_it(tmp_path):
    junk = tmp_path / "notes-not-a-plugin.txt"
    junk.write_text("hello")
    for args in (["plugins", "--plugin", junk], ["extract", REPORTS, "--plugin", junk]):
        proc = run_cli(*args)
        assert proc.returncode == 2
        assert str(junk) in proc.stderr.decode()
        assert b"Traceback" not in proc.stderr


def test_plugins_lists_every_builtin():
    proc = run_cli("plugins", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    names = [r["name"] for r in rows]
    import incidentkit
    assert set(incidentkit.default_chain()) <= set(names)
    for r in rows:
        assert set(r) >= {"name", "version", "source", "requires", "assigns"}
    table = run_cli("plugins", check=True).stdout.decode()
    assert "SOURCE" in table and "built-in" in table and "casualties.v1" in table


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_threads_do_not_change_the_output(tmp_path, fmt):
    # Enough documents for several batches, so threads really share the work.
    texts = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
    notes = [r["text"] for r in read_jsonl(REPORTS / "analyst-notes.jsonl")]
    docs = [{"id": f"d{i}", "text": t} for i, t in enumerate((texts + notes) * 60)]
    src = write_jsonl(tmp_path / "many.jsonl", docs)
    outs = []
    for threads in (1, 2):
        out = tmp_path / f"t{threads}.{fmt}"
        run_cli("extract", src, "--format", fmt, "--threads", threads, "--output", out, "--quiet", check=True)
        outs.append(out.read_bytes())
    assert outs[0] and outs[0] == outs[1]


def test_format_follows_the_output_suffix(tmp_path):
    out = tmp_path / "found.csv"
    run_cli("extract", REPORTS, "--output", out, "--quiet", check=True)
    assert out.read_text(encoding="utf-8").startswith("event_id_cnty,")


def test_entry_point_extractors_are_listed_and_broken_ones_reported(tmp_path):
    # A fake installed distribution with two entry points: one good, one that fails to import.
    (tmp_path / "shelter_ext.py").write_text(
        "import incidentkit\n"
        "@incidentkit.extractor('shelters.v1', requires=['sentence'], assigns=['target'])\n"
        "def shelters(doc):\n"
        "    return []\n")
    dist = tmp_path / "shelter_ext-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shelter-ext\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(
        "[incidentkit.extractors]\nshelters = shelter_ext:shelters\nbroken = no_such_module_xyz:thing\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    proc = run_cli("plugins", env=env)
    assert proc.returncode == 0, proc.stderr
    line = next(l for l in proc.stdout.decode().splitlines() if l.startswith("shelters.v1"))
    assert "python" in line
    assert "no_such_module_xyz" in proc.stderr.decode()


def test_the_command_does_not_import_pandas(tmp_path):
    code = ("import sys\nfrom incidentkit.cli import main\n"
            f"status = main(['extract', {str(REPORTS)!r}, '--output', {str(tmp_path / 'o.jsonl')!r}, '--quiet'])\n"
            "assert status == 0\nassert 'pandas' not in sys.modules, 'the CLI path imported pandas'\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
