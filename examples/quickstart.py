"""A tour of the Python API: texts in, incidents out, the evidence behind each value, a Python extractor.

    .venv/bin/python examples/quickstart.py
"""
import re

import incidentkit

REPORT = ("Updated 31 January 2020\n\n"
          "Airstrikes on the town of Ariha in northwest Syria killed at least 10 civilians on Thursday night, "
          "among them three children. Hours earlier, artillery shelled Kafr Nuran, killing a woman and her two sons.")

# 1. Incidents from texts (files, folders and DataFrames work the same way).
found = incidentkit.extract([REPORT])
print(found)
print(found.to_pandas()[["event_date", "location", "sub_event_type", "fatalities", "weapons"]].to_string(), "\n")

# 2. Every value points at its evidence: byte offsets into the document text.
raw = REPORT.encode("utf-8")
for ev in found[0]["evidence"]:
    print(f"  {ev['field']:>12} <- {raw[ev['start']:ev['end']].decode()!r}")

# 3. Mentions, for showing what each extractor saw (spans are str indices here).
pipe = incidentkit.Pipeline()
for m in pipe.annotate(REPORT):
    if m["label"] in ("date", "place", "casualty", "weapon"):
        print(f"  {m['label']:>8} {m['text']!r:32} -> {m['value']} {m['number'] if m['number'] is not None else ''}")


# 4. A Python extractor runs inside the native pipeline, next to the C++ ones.
@incidentkit.extractor("shelters.v1", requires=["sentence"], assigns=["target"])
def shelters(doc):
    for m in re.finditer(r"\bshelters?\b", doc.text):
        yield incidentkit.Mention(m.start(), m.end(), "target", "camp")


text = "Jets struck a shelter for displaced families in Sarmada on 2 May 2020, killing at least 7 civilians."
print("\n", incidentkit.extract([text], plugins=[shelters])[0]["targets"])
