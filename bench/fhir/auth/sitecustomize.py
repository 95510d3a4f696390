"""Loaded by Python at start-up when bench/fhir/auth is on PYTHONPATH (bench/fhir/run.sh).

Relief's /fhir needs a bearer token; ../shared/bench/fhir-bench.py sends none. This adds
`Authorization: Bearer $FHIR_BEARER` to every request it makes, and nothing else: request
bodies, timing and the measured requests are the shared script's own.
"""
import http.client
import os

_token = os.environ.get("FHIR_BEARER")
if _token:
    _request = http.client.HTTPConnection.request

    def _with_token(self, method, url, body=None, headers=None, **kw):
        headers = dict(headers or {})
        headers["Authorization"] = "Bearer " + _token
        return _request(self, method, url, body=body, headers=headers, **kw)

    http.client.HTTPConnection.request = _with_token
