"""vcrpy configuration shared by the cassette tests.

- Cassettes live in the top-level `cassettes/` folder.
- Secrets never reach a cassette: authorization, API-key and cookie headers are filtered.
- The local server's random port is rewritten to a fixed host, so replay needs no server.
- Replay uses record mode "none": a request that was not recorded fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import vcr

ROOT = Path(__file__).resolve().parents[1]
CASSETTES = ROOT / "cassettes"
SEEDS = ROOT.parent / "shared" / "seeds"
_LOCAL = re.compile(r"^http://127\.0\.0\.1:\d+")
SECRET_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "cookie",
    "set-cookie",
    "openai-project",
]


def _scrub_request(request: Any) -> Any:
    request.uri = _LOCAL.sub("http://local-model", request.uri)
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


def make_vcr(folder: str, *, record: bool) -> vcr.VCR:
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES / folder),
        record_mode="all" if record else "none",
        match_on=["method", "scheme", "host", "path", "body"],
        filter_headers=SECRET_HEADERS,
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )


def e2e_vcr(*, record: bool) -> vcr.VCR:
    return make_vcr("e2e", record=record)
