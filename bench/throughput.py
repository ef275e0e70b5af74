#!/usr/bin/env python3
"""Throughput of `incidentkit extract` against what a user would otherwise reach for.

    .venv/bin/python bench/throughput.py [--mb 12] [--keep DIR]

Builds a corpus of conflict-report-like documents (~12 MB JSONL: the texts of ../shared/eval/dev when
present, else generated from the template grammar below), then times, in this one invocation:
  - incidentkit extract, whole process (start-up and gazetteer load included), --threads 1 and 2;
  - a Python `re` extractor written here (casualty counts, dates, places from a lexicon);
  - spaCy's PhraseMatcher over the same place lexicon (blank English pipeline), if spacy is installed;
  - dateparser.search_dates on a sample (it is slow), extrapolated, if dateparser is installed.
Prints MB/s and the ratio to incidentkit at one thread. Not part of `make test`; no numbers are asserted.
The peers do less than incidentkit (no incident assembly, no geocoding, no ACLED typing): the
comparison is a floor on what the alternative costs, not a like-for-like reimplementation.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# --- the corpus --------------------------------------------------------------------------------------

PLACES = ["Ariha", "Saraqib", "Maarat al-Numan", "Khan Shaykhun", "Jisr al-Shughur", "Sarmada", "Atarib", "Idlib",
          "Aleppo", "Afrin", "Azaz", "Al-Bab", "Jarablus", "Kafr Nabl", "Binnish", "Taftanaz", "Darkush", "Harim",
          "Maiduguri", "Gwoza", "Bama", "Konduga", "Damboa", "Monguno", "Kramatorsk", "Kharkiv", "Bakhmut",
          "Sloviansk", "Mariupol", "Kherson", "Mykolaiv", "Goma", "Beni", "Bunia", "Mopti", "Gao", "Kidal"]
ACTORS = ["government warplanes", "Russian jets", "regime helicopters", "unidentified gunmen", "suspected Boko Haram fighters",
          "ISWAP militants", "Russian forces", "pro-government militiamen", "a suicide bomber", "armed men on motorcycles",
          "ADF rebels", "soldiers"]
ACTIONS = ["struck", "shelled", "bombed", "attacked", "raided", "opened fire on", "dropped barrel bombs on",
           "fired rockets at", "set fire to"]
TARGETS = ["a market", "a hospital", "a school", "a residential building", "a bakery", "a camp for displaced people",
           "a mosque", "a bus", "the town centre", "a village", "farmers in their fields", "a checkpoint"]
COUNTS = ["at least {n}", "{n}", "more than {n}", "nearly {n}", "around {n}", "up to {n}", "{w}"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen"]
VICTIMS = ["civilians", "people", "children", "women", "villagers", "worshippers", "passengers", "displaced people"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
BOILER = ["Share on Facebook   Share on Twitter   Email", "Leave a Reply", "Your email address will not be published.",
          "Related Stories", "Think your friends would be interested? Share this story!", "Short Url", "Follow"]


def _date(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2015, 2023)
    return rng.choice([f"{d} {m} {y}", f"{m} {d}, {y}", f"on {rng.choice(['Monday', 'Friday', 'Sunday'])}"])


def _count(rng: random.Random) -> str:
    return rng.choice(COUNTS).format(n=rng.randint(2, 60), w=rng.choice(WORDS))


def _incident(rng: random.Random) -> str:
    place, date = rng.choice(PLACES), _date(rng)
    s = [f"On {date}, {rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(TARGETS)} in {place}, "
         f"killing {_count(rng)} {rng.choice(VICTIMS)} and wounding {_count(rng)} others, local sources said.",
         f"{_count(rng).capitalize()} {rng.choice(VICTIMS)} were killed when {rng.choice(ACTORS)} {rng.choice(ACTIONS)} "
         f"{rng.choice(TARGETS)} near {place} {date}.",
         f"In {place}, {rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(TARGETS)}; rescuers recovered "
         f"{_count(rng)} bodies, among them {rng.choice(WORDS)} children."]
    return rng.choice(s)


def generated_docs(target_bytes: int, seed: int = 7):
    rng = random.Random(seed)
    size, i = 0, 0
    while size < target_bytes:
        paras = [f"Updated {_date(rng)}", rng.choice(BOILER)]
        paras += [" ".join(_incident(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(2, 6))]
        paras.append(f"According to monitors, {rng.randint(100, 3000):,} civilians have been killed in the area "
                     f"since {rng.choice(MONTHS)} {rng.randint(2011, 2022)}.")
        paras.append(rng.choice(BOILER))
        text = "\n\n".join(paras)
        yield {"id": f"gen-{i}", "text": text}
        size += len(text.encode())
        i += 1


def dev_docs(target_bytes: int):
    texts = []
    for path in sorted((SHARED / "eval" / "dev").glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f]
    size, i = 0, 0
    while size < target_bytes:
        for t in texts:
            yield {"id": f"dev-{i}", "text": t}
            size += len(t.encode())
            i += 1
            if size >= target_bytes:
                return


def place_lexicon() -> list[str]:
    """Place names for the peers: GeoNames towns of 15,000+ people when ../shared is there, else PLACES."""
    src = SHARED / "gazetteer" / "world_cities1000.tsv"
    if not src.exists():
        return list(PLACES)
    names = set(PLACES)
    with open(src, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            try:
                if int(row[col["population"]]) >= 15000:
                    names.add(row[col["name"]])
            except (KeyError, ValueError, IndexError):
                continue
    return sorted(names)


# --- the Python regex extractor ------------------------------------------------------------------------

def trie_regex(words: list[str]) -> str:
    """One alternation factored as a trie (the fast way to match many literals with `re`)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if list(node) == [""]:
            return ""
        alts, optional = [], "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


NUM = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|scores)"
QUAL = r"(?:at least|more than|over|nearly|around|about|up to|some)\s+"
GROUPS = r"(?:civilians|people|persons|children|women|men|villagers|worshippers|passengers|soldiers|fighters|others)"
CASUALTY = re.compile(
    rf"\b(?:killing|killed|wounding|injuring)\s+(?:{QUAL})?({NUM})\s+{GROUPS}"
    rf"|\b(?:{QUAL})?({NUM})\s+(?:\w+\s+)?{GROUPS}\s+(?:were|was|have been)\s+(killed|wounded|injured|dead)", re.I)
DATE = re.compile(
    r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})"
    r"|\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})")


class RegexExtractor:
    def __init__(self, places: list[str]):
        self.places = re.compile(r"\b(" + trie_regex(places) + r")\b", re.I)

    def __call__(self, text: str) -> dict:
        return {
            "casualties": [m.group(0) for m in CASUALTY.finditer(text)],
            "dates": [m.group(0) for m in DATE.finditer(text)],
            "places": [m.group(0) for m in self.places.finditer(text)],
        }


# --- runs ------------------------------------------------------------------------------------------------

def incidentkit_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "incidentkit"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "incidentkit"]


def time_incidentkit(corpus: Path, threads: int, out: Path) -> float:
    t = time.perf_counter()
    subprocess.run(incidentkit_cmd() + ["extract", str(corpus), "--threads", str(threads), "--output", str(out),
                                        "--quiet"], check=True)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=12.0, help="corpus size in MB (default 12)")
    ap.add_argument("--sample-mb", type=float, default=0.3, help="sample for dateparser (default 0.3 MB)")
    ap.add_argument("--generated", action="store_true", help="use the template grammar even when ../shared exists")
    ap.add_argument("--keep", type=Path, help="keep the corpus and outputs in this directory")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ik-bench-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    target = int(args.mb * 1e6)
    use_dev = not args.generated and (SHARED / "eval" / "dev").is_dir()
    docs = list(dev_docs(target) if use_dev else generated_docs(target))
    corpus = work / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    texts = [d["text"] for d in docs]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"corpus: {len(docs):,} documents, {mb:.1f} MB of text ({'dev-set texts' if use_dev else 'generated'}), "
          f"{os.cpu_count()} CPUs")

    results: list[tuple[str, float, str]] = []  # (tool, MB/s, note)

    for threads in (1, 2):
        secs = time_incidentkit(corpus, threads, work / f"incidents-{threads}.jsonl")
        results.append((f"incidentkit extract --threads {threads}", mb / secs, "whole process, full incident records"))

    places = place_lexicon()
    t = time.perf_counter()
    rx = RegexExtractor(places)
    build = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        rx(text)
    secs = time.perf_counter() - t
    results.append(("Python re (casualties, dates, places)", mb / secs,
                    f"{len(places):,} places, trie-factored; compile {build:.1f} s not counted"))

    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        results.append(("spaCy PhraseMatcher", 0.0, "skipped: pip install spacy"))
    else:
        nlp = spacy.blank("en")
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("PLACE", list(nlp.tokenizer.pipe(places)))
        t = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=256):
            matcher(doc)
        secs = time.perf_counter() - t
        results.append(("spaCy PhraseMatcher (places only)", mb / secs, "blank 'en' pipeline: tokenizer + matcher"))

    try:
        from dateparser.search import search_dates
    except ImportError:
        results.append(("dateparser.search_dates", 0.0, "skipped: pip install dateparser"))
    else:
        sample, size = [], 0
        for text in texts:
            if size >= args.sample_mb * 1e6:
                break
            sample.append(text)
            size += len(text.encode())
        t = time.perf_counter()
        for text in sample:
            search_dates(text, languages=["en"])
        secs = time.perf_counter() - t
        results.append(("dateparser.search_dates (dates only)", size / 1e6 / secs,
                        f"on a {size / 1e6:.2f} MB sample, extrapolated"))

    base = results[0][1]
    print(f"\n{'tool':<42} {'MB/s':>9} {'vs ik -j1':>10}  note")
    for tool, rate, note in results:
        ratio = f"{rate / base:.2f}x" if rate else "-"
        print(f"{tool:<42} {rate:>9.2f} {ratio:>10}  {note}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
