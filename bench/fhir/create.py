#!/usr/bin/env python3
"""Runs `fhir-bench.py create` against Relief, unchanged except for its one set-up request.

The shared script's set-up Patient has a name and gender only; Relief's registry requires a date
of birth and an MRN, so that one POST /Patient gets `birthDate` and an MRN identifier added. The
measured requests (single Observation creates, same body, same concurrency) are untouched.
usage: create.py SHARED_FHIR_BENCH_PY create --base URL [--count N] [--concurrency N]
"""
import importlib.util
import json
import sys
import time

spec = importlib.util.spec_from_file_location("fhir_bench", sys.argv[1])
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
original = bench.request


def request(base, method, path, body=None):
    if method == "POST" and path == "/Patient" and body:
        patient = json.loads(body)
        patient.setdefault("birthDate", "1970-01-01")
        patient.setdefault("identifier", [{"system": "https://relief.health/fhir/sid/mrn",
                                           "value": "BENCH-%d" % (time.time_ns() % 10**12)}])
        body = json.dumps(patient)
    return original(base, method, path, body)


bench.request = request
sys.argv = [sys.argv[1]] + sys.argv[2:]
bench.main()
