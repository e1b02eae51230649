"""A fault-injecting OpenAI-compatible server for tests and benchmarks (real HTTP, 127.0.0.1).

    with FaultServer(faults=Faults(rate_500=0.1, latency=0.2, seed=1)) as server:
        settings = Settings(provider="openai-compatible", base_url=server.url, api_key="test")

``POST /v1/chat/completions`` answers like an OpenAI chat completion that an instructor
TOOLS-mode call accepts: one ``tool_calls`` entry named after the tool in the request, whose
``function.arguments`` is the JSON of ``respond(request_json)``. The default ``respond`` builds
a minimal instance of the tool's JSON Schema (required fields only, empty lists, nulls where
allowed). ``GET /v1/models`` lists one model.

Faults, drawn per request from a seeded RNG at the configured rates (mutually exclusive):
``429`` with Retry-After, ``500``, a ``hang`` past the client's timeout, a ``cut`` response
(Content-Length larger than the body, then the connection closes), ``invalid`` tool
arguments (valid JSON that fails the schema), and an answer cut by its token ``budget`` (the
arguments' JSON stopped at ``budget_share`` of its length, as many tokens out as the request's
``max_tokens``, finish_reason "tool_calls" as llama.cpp's server reports it). ``latency`` is
added to every answer.
Counts are thread-safe: ``server.requests`` (chat completions) and ``server.counts[kind]``.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

Respond = Callable[[dict[str, Any]], dict[str, Any]]
FAULT_KINDS = ("429", "500", "hang", "cut", "invalid", "budget")


@dataclass
class Faults:
    """Fault rates (0..1, summed they must stay <= 1) and their parameters."""

    latency: float = 0.0  # seconds added before every answer
    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_hang: float = 0.0
    rate_cut: float = 0.0
    rate_invalid: float = 0.0
    rate_budget: float = 0.0
    budget_share: float = 0.6  # of the answer's JSON kept by a "budget" fault
    retry_after: float = 0.01  # seconds, sent as Retry-After and retry-after-ms
    hang_seconds: float = 30.0  # a hang ends when the server stops, at the latest
    seed: int = 0
    #: faults of the first requests, in order (None = a normal answer); then the rates apply
    script: tuple[str | None, ...] = ()

    def rates(self) -> list[tuple[str, float]]:
        return [
            ("429", self.rate_429),
            ("500", self.rate_500),
            ("hang", self.rate_hang),
            ("cut", self.rate_cut),
            ("invalid", self.rate_invalid),
            ("budget", self.rate_budget),
        ]

    @classmethod
    def mixed(cls, total: float, **kwargs: Any) -> Faults:
        """Errors at ``total`` rate, split evenly among 500, 429, cut and invalid."""
        share = total / 4
        return cls(rate_500=share, rate_429=share, rate_cut=share, rate_invalid=share, **kwargs)


# ---- default answers: a minimal instance of a JSON Schema ------------------------------------


def minimal_instance(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> Any:
    """The smallest value that validates against ``schema`` (required keys only)."""
    defs = defs if defs is not None else schema.get("$defs", {})
    if "$ref" in schema:
        return minimal_instance(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = schema[key]
            if any(option.get("type") == "null" for option in options):
                return None
            return minimal_instance(options[0], defs)
    if "allOf" in schema:
        return minimal_instance(schema["allOf"][0], defs)
    return _minimal_of_type(schema, defs)


def _minimal_of_type(schema: dict[str, Any], defs: dict[str, Any]) -> Any:
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = "null" if "null" in kind else kind[0]
    if kind == "object":
        props = schema.get("properties", {})
        return {name: minimal_instance(props[name], defs) for name in schema.get("required", [])}
    if kind == "array":
        return [minimal_instance(schema.get("items", {}), defs)] * schema.get("minItems", 0)
    if kind == "string":
        return "x" * max(1, schema.get("minLength", 1))
    if kind == "integer":
        return int(schema.get("minimum", schema.get("exclusiveMinimum", -1) + 1))
    if kind == "number":
        return float(schema.get("minimum", 0.0))
    if kind == "boolean":
        return False
    return None


def default_respond(request: dict[str, Any]) -> dict[str, Any]:
    """A minimal valid payload for the first tool of the request."""
    tools = request.get("tools") or []
    if not tools:
        return {}
    value = minimal_instance(tools[0]["function"].get("parameters", {}))
    return value if isinstance(value, dict) else {}


def invalid_arguments(valid: dict[str, Any]) -> Any:
    """Valid JSON that fails the schema: every top-level value of the wrong type."""
    if not valid:
        return ["not", "an", "object"]
    return {
        key: (12345 if isinstance(value, dict) else {"invalid": True})
        for key, value in valid.items()
    }


def tool_name(request: dict[str, Any]) -> str | None:
    choice = request.get("tool_choice")
    if isinstance(choice, dict) and choice.get("function", {}).get("name"):
        return str(choice["function"]["name"])
    tools = request.get("tools") or []
    return str(tools[0]["function"]["name"]) if tools else None


def completion(request: dict[str, Any], arguments: str, number: int) -> dict[str, Any]:
    """An OpenAI chat completion carrying ``arguments`` as a tool call (or as content)."""
    name = tool_name(request)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if name:
        message["tool_calls"] = [
            {
                "id": f"call_{number}",
                "type": "function",
                "function": {"name": name, "arguments": arguments},
            }
        ]
    else:
        message["content"] = arguments
    prompt_tokens = max(1, len(json.dumps(request.get("messages", []))) // 4)
    completion_tokens = max(1, len(arguments) // 4)
    return {
        "id": f"chatcmpl-fault-{number}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "fault-model"),
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": "tool_calls" if name else "stop",
                "logprobs": None,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


# ---- the server -------------------------------------------------------------------------------


class FaultServer:
    """Context manager: serves on 127.0.0.1 (a free port) in a background thread."""

    def __init__(
        self,
        respond: Respond | None = None,
        faults: Faults | None = None,
        *,
        model: str = "fault-model",
        keep_bodies: bool = False,
    ) -> None:
        self.respond: Respond = respond or default_respond
        self.faults = faults or Faults()
        self.model = model
        self.counts: Counter[str] = Counter()
        #: chat requests per article (sha256 of the text between <article> tags)
        self.by_article: Counter[str] = Counter()
        #: the raw body of every chat request, in order (only with ``keep_bodies``)
        self.bodies: list[bytes] = []
        self.keep_bodies = keep_bodies
        self._lock = threading.Lock()
        self._rng = random.Random(self.faults.seed)
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread: threading.Thread | None = None

    # -- lifecycle

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FaultServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- state

    @property
    def requests(self) -> int:
        """Chat completion requests received so far."""
        with self._lock:
            return self.counts["requests"]

    def set_faults(self, faults: Faults) -> None:
        with self._lock:
            self.faults = faults
            self._rng = random.Random(faults.seed)

    def next_request(self) -> tuple[int, str | None, Faults]:
        """Count a request and draw its fault (None for a normal answer)."""
        with self._lock:
            self.counts["requests"] += 1
            number = self.counts["requests"]
            draw = self._rng.random()
            faults = self.faults
        if number <= len(faults.script):
            kind = faults.script[number - 1]
            self.count(kind or "ok")
            return number, kind, faults
        edge = 0.0
        for kind, rate in faults.rates():
            edge += rate
            if draw < edge:
                self.count(kind)
                return number, kind, faults
        self.count("ok")
        return number, None, faults

    def count_article(self, request: dict[str, Any]) -> None:
        """Count the request under the sha256 of the article it carries (if any)."""
        text = article_of(request)
        if text:
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            with self._lock:
                self.by_article[digest] += 1

    def keep_body(self, body: bytes) -> None:
        if self.keep_bodies:
            with self._lock:
                self.bodies.append(body)

    def count(self, kind: str) -> None:
        with self._lock:
            self.counts[kind] += 1

    def wait_stopping(self, seconds: float) -> None:
        self._stopping.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: FaultServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # one buffered write per answer and no Nagle: otherwise headers and body go out in two
    # segments and the client's delayed ACK adds ~40 ms to every request
    wbufsize = -1
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # silence the access log
        return

    # -- routes

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            owner = self.server.owner
            self._send_json(
                200,
                {
                    "object": "list",
                    "data": [{"id": owner.model, "object": "model", "owned_by": "fault-server"}],
                },
            )
            return
        self._send_json(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send_json(404, {"error": {"message": f"no route {self.path}"}})
            return
        owner = self.server.owner
        owner.keep_body(body)
        number, fault, faults = owner.next_request()
        try:
            request = json.loads(body)
        except json.JSONDecodeError:
            self._send_json(400, {"error": {"message": "body is not JSON"}})
            return
        owner.count_article(request)
        if faults.latency:
            owner.wait_stopping(faults.latency)
        self._answer(request, number, fault, faults)

    # -- answers

    def _answer(
        self, request: dict[str, Any], number: int, fault: str | None, faults: Faults
    ) -> None:
        owner = self.server.owner
        if fault == "429":
            headers = {
                "Retry-After": f"{faults.retry_after:g}",
                "retry-after-ms": str(int(faults.retry_after * 1000)),
            }
            self._send_json(429, _error("rate limited (injected)", "rate_limit"), headers)
        elif fault == "500":
            self._send_json(500, _error("server error (injected)", "server_error"))
        elif fault == "hang":
            owner.wait_stopping(faults.hang_seconds)
            self.close_connection = True
        elif fault == "cut":
            self._send_cut(completion(request, json.dumps(owner.respond(request)), number))
        elif fault == "budget":
            arguments = json.dumps(owner.respond(request))
            kept = arguments[: int(len(arguments) * faults.budget_share)]
            body = completion(request, kept, number)
            body["usage"]["completion_tokens"] = int(request.get("max_tokens") or 1)
            self._send_json(200, body)
        else:
            payload: Any = owner.respond(request)
            if fault == "invalid":
                payload = invalid_arguments(payload)
            self._send_json(200, completion(request, json.dumps(payload), number))

    def _send_json(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _send_cut(self, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data) + 100))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        self.close_connection = True


def _error(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": kind}}


# ---- synthetic articles and answers for summarizer's extraction tool -------------------------

_PAIRS = [
    ("France", "Japan"),
    ("Germany", "Brazil"),
    ("Pakistan", "Norway"),
    ("Kenya", "Canada"),
    ("India", "Mexico"),
    ("Chile", "Egypt"),
    ("Spain", "Vietnam"),
]
_CITIES = ["Geneva", "Vienna", "Oslo", "Nairobi", "Lisbon", "Hanoi", "Ottawa"]
_ARTICLE_RE = re.compile(
    r"(?P<a>[A-Z][a-z]+) and (?P<b>[A-Z][a-z]+) held the (?P<ordinal>(?P<round>\d+)[a-z]{2}) "
    r"round of the (?P<series>[A-Za-z-]+ Strategic Dialogue) in (?P<city>[A-Z][a-z]+) on "
    r"(?P<date>\d+ March 2024)"
)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def synthetic_article(i: int) -> str:
    """A short English news report of one meeting; ``i`` makes it unique (round = i + 1)."""
    a, b = _PAIRS[i % len(_PAIRS)]
    city = _CITIES[i % len(_CITIES)]
    day = 1 + i % 28
    return (
        f"{city}, {day} March 2024. {a} and {b} held the {_ordinal(i + 1)} round of the "
        f"{a}-{b} Strategic Dialogue in {city} on {day} March 2024. The talks covered trade, "
        "energy security and cooperation against terrorism. Both sides agreed to meet again "
        f"next year. Officials described the meeting as constructive. (Report number {i}.)\n"
    )


def article_of(request: dict[str, Any]) -> str:
    """The article text the pipeline sent (between <article> tags), or ''."""
    for message in request.get("messages", []):
        content = message.get("content")
        if isinstance(content, str) and "<article>\n" in content:
            return content.rsplit("<article>\n", 1)[1].rsplit("\n</article>", 1)[0]
    return ""


def meeting_respond(request: dict[str, Any]) -> dict[str, Any]:
    """A valid ``ArticleFacts`` answer for a :func:`synthetic_article` (quotes verbatim)."""
    if tool_name(request) != "ArticleFacts":
        return default_respond(request)
    found = _ARTICLE_RE.search(article_of(request))
    if found is None:
        return {"meetings": []}
    parties = [found[k] for k in ("a", "b")]
    meeting = {
        "status": "held",
        "kind": "dialogue",
        "series": "Strategic Dialogue",
        "round": int(found["round"]),
        "date_text": found["date"],
        "city": found["city"],
        "parties": parties,
        "heads": [],
        "topics": ["trade"],
        "outcomes": [],
        "quotes": [],
        "next_meeting": None,
        "framework": [],
    }
    return {
        "meetings": [meeting],
    }
