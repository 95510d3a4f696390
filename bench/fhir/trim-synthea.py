#!/usr/bin/env python3
"""Trims Synthea patient bundles into the small SYNTHETIC sample the CI import test uses.

usage: trim-synthea.py SYNTHEA_FHIR_DIR OUT_DIR [PATIENTS]

Keeps, per patient transaction bundle: the Patient, every Condition, up to 8 pain scores
(LOINC 72514-3) and, to exercise skipping, up to 4 each of Encounter, other Observations,
MedicationRequest and Procedure. Hospital and practitioner bundles are left out. Every kept
Patient gets the security label HTEST (test health data): the data are synthetic (Synthea).
"""
import glob
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 20
os.makedirs(out, exist_ok=True)
files = sorted(f for f in glob.glob(os.path.join(src, "*.json"))
               if not os.path.basename(f).startswith(("hospitalInformation", "practitionerInformation")))
for n, f in enumerate(files[:limit]):
    bundle = json.load(open(f))
    kept, counts = [], {}
    for e in bundle["entry"]:
        r = e["resource"]
        t = r["resourceType"]
        pain = t == "Observation" and any(c.get("code") == "72514-3" for c in r["code"].get("coding", []))
        key = "pain" if pain else t
        cap = {"Patient": 1, "Condition": 10**6, "pain": 8}.get(key, 4)
        if key in ("Patient", "Condition", "pain", "Encounter", "Observation", "MedicationRequest", "Procedure") \
                and counts.get(key, 0) < cap:
            counts[key] = counts.get(key, 0) + 1
            if t == "Patient":
                r.setdefault("meta", {}).setdefault("security", []).append(
                    {"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HTEST",
                     "display": "test health data"})
            kept.append(e)
    bundle["entry"] = kept
    with open(os.path.join(out, "synthetic-patient-%02d.json" % (n + 1)), "w") as w:
        json.dump(bundle, w, separators=(",", ":"))
