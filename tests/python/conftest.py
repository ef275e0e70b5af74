"""Shared helpers for the Python tests: they test incidentkit as installed (make test installs it)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "examples" / "reports"
SHARED = ROOT.parent / "shared"  # read-only material beside the checkout; tests skip without it

ISSUE_EXAMPLE = "On 3 March 2021, government warplanes struck a market in Ariha, killing at least 12 civilians."


def run_cli(*args, input=None, env=None, check=False):
    """`incidentkit ARGS...` in a fresh process; returns CompletedProcess with bytes stdout/stderr."""
    proc = subprocess.run([sys.executable, "-m", "incidentkit", *map(str, args)], input=input,
                          capture_output=True, env=env, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    return proc


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").split("\n") if line]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def cli():
    return run_cli
