"""Helpers for tests/test_local_model.py, also runnable as a script.

`python support_local_model.py server --port N [--mode ok|exit|hang] ...` is a stand-in for
llama.cpp's server: it answers GET /v1/models, and GET /die makes it exit with code 7.
`python support_local_model.py serve --cache-dir D --model-path F` runs
`summarizer.local_model.serve_forever` with that fake server as its command; `hold` (same
options) runs a plain LocalServer until it is signalled.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parents[1]
DIE_EXIT_CODE = 7


def fake_command(*extra: str) -> list[str]:
    """The argv of the fake server; `{port}` is filled in by LocalServer."""
    return [sys.executable, str(SCRIPT), "server", "--port", "{port}", *extra]


class _Handler(BaseHTTPRequestHandler):
    model_name = "fake-model"

    def do_GET(self) -> None:
        if self.path == "/die":
            os._exit(DIE_EXIT_CODE)
        if self.path != "/v1/models":
            self.send_error(404)
            return
        body = json.dumps({"object": "list", "data": [{"id": self.model_name}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def run_server(args: argparse.Namespace) -> int:
    print(f"fake server: mode={args.mode} port={args.port}", flush=True)
    if args.ignore_term:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if args.child_pid_file:
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        Path(args.child_pid_file).write_text(str(child.pid))
    if args.mode == "exit":
        print("fake server: failing on purpose (model file is broken)", flush=True)
        return 3
    if args.mode == "hang":
        time.sleep(600)
        return 0
    _Handler.model_name = args.model
    server = ThreadingHTTPServer(("127.0.0.1", args.port), _Handler)
    print("fake server: listening", flush=True)
    server.serve_forever()
    return 0


def run_serve(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(REPO))
    from summarizer.config import Settings
    from summarizer.local_model import serve_forever

    settings = Settings(
        cache_dir=Path(args.cache_dir), model_path=Path(args.model_path), server_start_timeout=20
    )
    serve_forever(settings, command=fake_command(), announce=lambda line: print(line, flush=True))
    print("serve: stopped", flush=True)
    return 0


def run_hold(args: argparse.Namespace) -> int:
    """Start a LocalServer (no serve_forever), print its pid, then wait to be signalled."""
    sys.path.insert(0, str(REPO))
    from summarizer.config import Settings
    from summarizer.local_model import LocalServer, ModelInfo

    path = Path(args.model_path)
    model = ModelInfo(path, None, path.stat().st_size, "explicit", path.stem)
    settings = Settings(cache_dir=Path(args.cache_dir), server_start_timeout=20)
    with LocalServer(settings, model, command=fake_command()) as server:
        print(server.pid, flush=True)
        time.sleep(600)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    server = sub.add_parser("server")
    server.add_argument("--port", type=int, required=True)
    server.add_argument("--mode", choices=["ok", "exit", "hang"], default="ok")
    server.add_argument("--model", default="fake-model")
    server.add_argument("--ignore-term", action="store_true")
    server.add_argument("--child-pid-file")
    serve = sub.add_parser("serve")
    serve.add_argument("--cache-dir", required=True)
    serve.add_argument("--model-path", required=True)
    hold = sub.add_parser("hold")
    hold.add_argument("--cache-dir", required=True)
    hold.add_argument("--model-path", required=True)
    args = parser.parse_args()
    runners = {"server": run_server, "serve": run_serve, "hold": run_hold}
    return runners[args.what](args)


def wait_until(condition: Callable[[], object], timeout: float = 10.0) -> bool:
    """Poll `condition` until it returns something true or the timeout passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


if __name__ == "__main__":
    sys.exit(main())
