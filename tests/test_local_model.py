"""The embedded local model: weights resolution and assembly, server lifecycle (fake server)."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
from support_local_model import DIE_EXIT_CODE, REPO, SCRIPT, fake_command, wait_until

from summarizer import local_model as lm
from summarizer.config import Settings
from summarizer.errors import EXIT_LOCAL_MODEL, LocalModelError, WeightsHashMismatch

NAME = "fake-model"


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", server_start_timeout=20.0)


@pytest.fixture
def gguf(tmp_path: Path) -> Path:
    path = tmp_path / "my-model.gguf"
    path.write_bytes(b"GGUF" + os.urandom(1000))
    return path


def make_parts(root: Path, prefix: str, count: int, *, first: bytes = b"GGUF") -> list[bytes]:
    """Part packages laid out like the real wheels; importing them would fail on purpose."""
    chunks = []
    for index in range(1, count + 1):
        package = root / f"{prefix}{index}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("raise RuntimeError('must not be imported')\n")
        chunk = (first if index == 1 else b"") + os.urandom(3000 + index)
        (package / "data" / f"part{index:02d}.bin").write_bytes(chunk)
        chunks.append(chunk)
    return chunks


@pytest.fixture
def parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], bytes, str]:
    """Three fake part modules on sys.path: (module names, full content, its sha256)."""
    prefix = f"fakepart_{tmp_path.name.replace('-', '_')}_"
    root = tmp_path / "site"
    chunks = make_parts(root, prefix, 3)
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()
    content = b"".join(chunks)
    return [f"{prefix}{i}" for i in range(1, 4)], content, hashlib.sha256(content).hexdigest()


class NoHashing:
    """Stands in for the hashlib module: any hashing fails the test."""

    def sha256(self, *args: object) -> object:
        raise AssertionError("the model was hashed again")


def listed(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.fixture
def model(gguf: Path) -> lm.ModelInfo:
    return lm.ModelInfo(gguf, None, gguf.stat().st_size, "explicit", NAME)


@pytest.fixture
def servers() -> Iterator[list[lm.LocalServer]]:
    """Collects servers a test starts and stops any a failing test left running."""
    started: list[lm.LocalServer] = []
    yield started
    for server in started:
        server.stop()


# ---------------------------------------------------------------- explicit model path


def test_explicit_gguf_is_used_without_hashing(
    settings: Settings, gguf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lm, "hashlib", NoHashing())
    info = lm.resolve_model(settings.with_(model_path=gguf))
    assert info == lm.ModelInfo(gguf, None, gguf.stat().st_size, "explicit", "my-model")


def test_explicit_file_that_is_not_gguf_is_refused(settings: Settings, tmp_path: Path) -> None:
    bogus = tmp_path / "weights.bin"
    bogus.write_bytes(b"PK\x03\x04 a zip, not a model")
    with pytest.raises(LocalModelError) as caught:
        lm.resolve_model(settings.with_(model_path=bogus))
    assert str(bogus) in caught.value.message
    assert "GGUF" in caught.value.message


def test_explicit_missing_file_is_named(settings: Settings, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "model.gguf"
    with pytest.raises(LocalModelError, match="not found") as caught:
        lm.resolve_model(settings.with_(model_path=missing))
    assert str(missing) in caught.value.message
    assert caught.value.exit_code == EXIT_LOCAL_MODEL


# ---------------------------------------------------------------- cache and assembly


def test_assembles_parts_in_order_verifies_and_writes_sidecar(
    settings: Settings, parts: tuple[list[str], bytes, str]
) -> None:
    modules, content, digest = parts
    seen: list[tuple[int, int]] = []
    info = lm.resolve_model(
        settings,
        part_modules=modules,
        expected_sha256=digest,
        name=NAME,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert info.source == "assembled"
    assert info.path == settings.cache_dir / "models" / f"{NAME}.gguf"
    assert info.path.read_bytes() == content
    assert (info.sha256, info.size) == (digest, len(content))
    assert seen[-1] == (len(content), len(content))
    sidecar = json.loads(lm.sidecar_path(info.path).read_text())
    assert (sidecar["sha256"], sidecar["size"]) == (digest, len(content))
    assert listed(info.path.parent) == [f"{NAME}.gguf", f"{NAME}.gguf.sha256"]


def test_second_resolve_uses_cache_without_rehashing(
    settings: Settings, parts: tuple[list[str], bytes, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    modules, _, digest = parts
    first = lm.resolve_model(settings, part_modules=modules, expected_sha256=digest, name=NAME)
    monkeypatch.setattr(lm, "hashlib", NoHashing())
    second = lm.resolve_model(settings, part_modules=modules, expected_sha256=digest, name=NAME)
    assert second.source == "cache"
    assert (second.path, second.sha256, second.size) == (first.path, digest, first.size)


def test_cache_is_used_when_the_parts_are_gone(settings: Settings, tmp_path: Path) -> None:
    target = lm.cache_path(settings, NAME)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"GGUF cached")
    digest = hashlib.sha256(b"GGUF cached").hexdigest()
    lm.write_sidecar(target, digest)
    info = lm.resolve_model(
        settings, part_modules=["absent_part_a"], expected_sha256=digest, name=NAME
    )
    assert (info.source, info.sha256, info.path) == ("cache", digest, target)


def test_cache_with_stale_sidecar_is_not_trusted(settings: Settings) -> None:
    target = lm.cache_path(settings, NAME)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"GGUF cached")
    digest = hashlib.sha256(b"GGUF cached").hexdigest()
    lm.write_sidecar(target, digest)
    target.write_bytes(b"GGUF cached, then changed")  # size no longer matches the sidecar
    assert lm.cached_model(target, digest, NAME) is None
    with pytest.raises(LocalModelError):
        lm.resolve_model(
            settings, part_modules=["absent_part_a"], expected_sha256=digest, name=NAME
        )


def test_cache_without_sidecar_is_hashed_once_then_trusted(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = lm.cache_path(settings, NAME)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"GGUF copied here by hand")
    digest = hashlib.sha256(b"GGUF copied here by hand").hexdigest()
    first = lm.resolve_model(settings, part_modules=["absent_a"], expected_sha256=digest, name=NAME)
    assert first.source == "cache"
    assert lm.read_sidecar(target) is not None
    monkeypatch.setattr(lm, "hashlib", NoHashing())
    second = lm.resolve_model(
        settings, part_modules=["absent_a"], expected_sha256=digest, name=NAME
    )
    assert second == first


def test_hash_mismatch_raises_and_leaves_no_file(
    settings: Settings, parts: tuple[list[str], bytes, str]
) -> None:
    modules, _, digest = parts
    wrong = "0" * 64
    with pytest.raises(WeightsHashMismatch) as caught:
        lm.resolve_model(settings, part_modules=modules, expected_sha256=wrong, name=NAME)
    assert (caught.value.expected, caught.value.actual) == (wrong, digest)
    assert listed(settings.cache_dir / "models") == []


def test_missing_part_is_named(settings: Settings, parts: tuple[list[str], bytes, str]) -> None:
    modules, _, digest = parts
    with pytest.raises(LocalModelError) as caught:
        lm.resolve_model(
            settings, part_modules=[*modules, "fakepart_missing_9"], expected_sha256=digest
        )
    assert "fakepart_missing_9" in caught.value.message
    assert "1 of 4" in caught.value.message


def test_nothing_available_names_the_fix(settings: Settings) -> None:
    with pytest.raises(LocalModelError) as caught:
        lm.resolve_model(settings, part_modules=["absent_part_a", "absent_part_b"])
    text = str(caught.value)
    assert "scripts/setup.sh" in text
    assert "pip install 'summarizer[local]'" in text
    assert "--model-path PATH/TO/model.gguf" in text
    assert caught.value.exit_code == EXIT_LOCAL_MODEL


def test_no_assembly_when_not_asked_and_status_says_so(
    settings: Settings, parts: tuple[list[str], bytes, str]
) -> None:
    modules, _, digest = parts
    with pytest.raises(LocalModelError, match="not assembled yet"):
        lm.resolve_model(settings, assemble=False, part_modules=modules, expected_sha256=digest)
    report = lm.status(settings, part_modules=modules)
    assert report["model_state"] == "not assembled yet"
    assert (report["parts_installed"], report["parts_expected"], report["model"]) == (3, 3, None)
    assert report["server"] is None
    assert not lm.cache_path(settings).exists()


def test_install_weights_ignores_model_path_and_is_instant_the_second_time(
    settings: Settings,
    gguf: Path,
    parts: tuple[list[str], bytes, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    modules, content, digest = parts
    chosen = settings.with_(model_path=gguf)
    first = lm.install_weights(chosen, part_modules=modules, expected_sha256=digest)
    assert first.source == "assembled"
    assert first.path.read_bytes() == content
    monkeypatch.setattr(lm, "hashlib", NoHashing())
    assert lm.install_weights(chosen, part_modules=modules, expected_sha256=digest).source == (
        "cache"
    )


def test_status_reports_a_ready_explicit_model(settings: Settings, gguf: Path) -> None:
    report = lm.status(settings.with_(model_path=gguf), part_modules=["absent_part_a"])
    assert report["model_state"] == "ready"
    assert report["model"] == {
        "name": "my-model",
        "path": str(gguf),
        "source": "explicit",
        "sha256": None,
        "size": gguf.stat().st_size,
    }
    states = report["prefix_states"]
    assert isinstance(states, dict) and states["count"] == 0 and states["enabled"] is True


def test_status_counts_the_stored_prefix_states_of_this_model(
    settings: Settings, gguf: Path, tmp_path: Path
) -> None:
    settings = settings.with_(model_path=gguf, prefix_states_dir=tmp_path / "states")
    model = lm.resolve_model(settings, part_modules=["absent_part_a"])
    folder = lm.prefix_states_folder(settings, model)
    folder.mkdir(parents=True)
    (folder / "a.state").write_bytes(b"x" * 10)
    (folder / "a.tokens").write_bytes(b"y")
    report = lm.status(settings, part_modules=["absent_part_a"])
    assert report["prefix_states"] == {
        "enabled": True,
        "folder": str(folder),
        "count": 1,
        "bytes": 10,
    }


def test_the_server_is_told_where_prefix_states_live_unless_they_are_off(
    settings: Settings, gguf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[dict[str, str]] = []

    def popen(argv: list[str], **kwargs: Any) -> Any:
        seen.append(kwargs["env"])
        raise OSError("not started in this test")

    monkeypatch.setattr(lm.subprocess, "Popen", popen)
    model = lm.resolve_model(settings.with_(model_path=gguf), part_modules=["absent_part_a"])
    for enabled in (True, False):
        server = lm.LocalServer(settings.with_(model_path=gguf, prefix_states=enabled), model)
        with pytest.raises(Exception, match="not started"):
            server._spawn(lm.free_port())
    on, off = seen
    assert on["SUMMARIZER_PREFIX_STATES"] == str(lm.prefix_states_folder(settings, model))
    assert "SUMMARIZER_PREFIX_STATES" not in off


# ---------------------------------------------------------------- runtime and argv


def test_runtime_unavailable_when_llama_cpp_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None) -> object:
        return None if name == "llama_cpp" else real(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    assert lm.runtime_available() is False


def test_start_without_runtime_names_the_fix(
    settings: Settings, model: lm.ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lm, "runtime_available", lambda: False)
    with pytest.raises(LocalModelError, match="llama-cpp-python") as caught:
        lm.LocalServer(settings, model).start()
    assert "scripts/setup.sh" in caught.value.fix


def test_default_command_serves_the_model_on_localhost(
    settings: Settings, model: lm.ModelInfo
) -> None:
    argv = lm.LocalServer(settings.with_(n_ctx=4096, n_threads=3), model)._argv(5123)
    assert argv[:3] == [sys.executable, "-m", "summarizer.llama_server"]
    pairs = dict(zip(argv[3::2], argv[4::2], strict=True))
    assert pairs["--model"] == str(model.path)
    assert pairs["--model_alias"] == NAME
    assert (pairs["--host"], pairs["--port"]) == ("127.0.0.1", "5123")
    assert (pairs["--n_ctx"], pairs["--n_threads"]) == ("4096", "3")
    assert "--chat_format" not in pairs  # the GGUF's own chat template is used


# ---------------------------------------------------------------- server lifecycle


def test_start_answers_then_stop_leaves_no_process(
    settings: Settings, model: lm.ModelInfo, servers: list[lm.LocalServer]
) -> None:
    handler_before = signal.getsignal(signal.SIGTERM)
    server = lm.LocalServer(settings, model, command=fake_command("--model", NAME))
    servers.append(server)
    base_url = server.start()
    assert base_url == f"http://127.0.0.1:{server.port}/v1"
    assert server.alive()
    reply = httpx.get(f"{base_url}/models", trust_env=False)
    assert reply.json()["data"][0]["id"] == NAME
    assert server.log_path == settings.cache_dir / "logs" / f"server-{server.port}.log"
    pid = server.pid
    assert pid is not None
    server.stop()
    assert not server.alive()
    assert gone(pid)
    server.stop()  # idempotent
    assert signal.getsignal(signal.SIGTERM) == handler_before


def test_stop_kills_the_whole_process_group(
    settings: Settings, model: lm.ModelInfo, tmp_path: Path, servers: list[lm.LocalServer]
) -> None:
    child_file = tmp_path / "child.pid"
    server = lm.LocalServer(
        settings, model, command=fake_command("--child-pid-file", str(child_file))
    )
    servers.append(server)
    server.start()
    assert wait_until(child_file.exists)
    child = int(child_file.read_text())
    assert psutil.pid_exists(child)
    server.stop()
    assert wait_until(lambda: gone(child), timeout=5)


def test_stop_escalates_to_sigkill(
    settings: Settings,
    model: lm.ModelInfo,
    servers: list[lm.LocalServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lm, "STOP_GRACE_SECONDS", 0.3)
    server = lm.LocalServer(settings, model, command=fake_command("--ignore-term"))
    servers.append(server)
    server.start()
    pid = server.pid
    assert pid is not None
    server.stop()
    assert gone(pid)


def test_keyboard_interrupt_in_the_caller_stops_the_server(
    settings: Settings, model: lm.ModelInfo
) -> None:
    pids: list[int | None] = []
    with (
        pytest.raises(KeyboardInterrupt),
        lm.LocalServer(settings, model, command=fake_command()) as server,
    ):
        pids.append(server.pid)
        raise KeyboardInterrupt
    assert pids[0] is not None
    assert gone(pids[0])


def test_ctrl_c_while_the_model_loads_stops_the_server(
    settings: Settings, model: lm.ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(base_url: str, timeout: float = 2.0) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(lm, "answers_models", interrupted)
    server = lm.LocalServer(settings, model, command=fake_command())
    spawned: list[int] = []
    real_spawn = server._spawn

    def spawn(port: int) -> None:
        real_spawn(port)
        assert server.pid is not None
        spawned.append(server.pid)

    monkeypatch.setattr(server, "_spawn", spawn)
    with pytest.raises(KeyboardInterrupt):
        server.start()
    assert len(spawned) == 1
    assert gone(spawned[0])


def test_server_that_exits_at_once_reports_the_log_tail(
    settings: Settings, model: lm.ModelInfo
) -> None:
    log = settings.cache_dir / "start.log"
    server = lm.LocalServer(settings, model, log_path=log, command=fake_command("--mode", "exit"))
    with pytest.raises(LocalModelError) as caught:
        server.start()
    message = str(caught.value)
    assert "exited with code 3" in message
    assert "failing on purpose (model file is broken)" in message
    assert caught.value.log_path == str(log)
    assert not server.alive()


def test_server_that_never_answers_times_out_and_is_stopped(
    settings: Settings, model: lm.ModelInfo, servers: list[lm.LocalServer]
) -> None:
    server = lm.LocalServer(
        settings.with_(server_start_timeout=1.0), model, command=fake_command("--mode", "hang")
    )
    servers.append(server)
    with pytest.raises(LocalModelError, match="did not answer within 1 s"):
        server.start()
    assert server.pid is None
    assert not server.alive()


def test_requested_port_in_use_fails_clearly(settings: Settings, model: lm.ModelInfo) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = lm.LocalServer(settings, model, command=fake_command(), port=port)
        with pytest.raises(LocalModelError, match=f"port {port} on 127.0.0.1 is already in use"):
            server.start()
        assert server.pid is None


def test_picked_port_taken_meanwhile_is_retried_on_another(
    settings: Settings,
    model: lm.ModelInfo,
    servers: list[lm.LocalServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_free_port = lm.free_port
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        offered = iter([taken])
        monkeypatch.setattr(lm, "free_port", lambda: next(offered, None) or real_free_port())
        server = lm.LocalServer(settings, model, command=fake_command())
        servers.append(server)
        server.start()
        assert server.port not in (None, taken)
        first_log = (settings.cache_dir / "logs" / f"server-{taken}.log").read_text()
        assert "Address already in use" in first_log
        server.stop()


def test_server_dying_mid_run_is_detected_with_its_log(
    settings: Settings, model: lm.ModelInfo, servers: list[lm.LocalServer]
) -> None:
    server = lm.LocalServer(settings, model, command=fake_command())
    servers.append(server)
    base_url = server.start()
    with pytest.raises(httpx.HTTPError):
        httpx.get(base_url.removesuffix("/v1") + "/die", trust_env=False)
    assert wait_until(lambda: not server.alive())
    error = lm.server_died_error(server)
    assert f"exit code {DIE_EXIT_CODE}" in error.message
    assert "fake server: listening" in error.message
    assert error.log_path == str(server.log_path)


# ---------------------------------------------------------------- shared server (model serve)


def test_local_endpoint_starts_and_stops_its_own_server(
    settings: Settings, gguf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lm, "default_command", lambda settings, model: fake_command())
    monkeypatch.setattr(lm, "runtime_available", lambda: True)
    with lm.local_endpoint(settings.with_(model_path=gguf)) as (base_url, info):
        assert info.path == gguf
        assert httpx.get(f"{base_url}/models", trust_env=False).status_code == 200
        (pid,) = [p.pid for p in psutil.Process().children() if str(SCRIPT) in p.cmdline()]
    assert gone(pid)


@pytest.fixture
def serve_process(settings: Settings, gguf: Path) -> Iterator[subprocess.Popen[str]]:
    """`serve_forever` in a child process, with the fake server as its command."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, str(SCRIPT), "serve"]
    argv += ["--cache-dir", str(settings.cache_dir), "--model-path", str(gguf)]
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, text=True)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_is_reused_by_local_endpoint_and_sigterm_cleans_up(
    settings: Settings,
    gguf: Path,
    serve_process: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert serve_process.stdout is not None
    announced = serve_process.stdout.readline()
    assert "serving" in announced
    state = lm.read_state(settings)
    assert state is not None
    assert state["base_url"] in announced
    assert state["model_path"] == str(gguf)

    def no_new_server(self: lm.LocalServer) -> str:
        raise AssertionError("a second server was started")

    monkeypatch.setattr(lm.LocalServer, "start", no_new_server)
    with lm.local_endpoint(settings.with_(model_path=gguf)) as (base_url, info):
        assert base_url == state["base_url"]
        assert info.path == gguf
    assert lm.status(settings.with_(model_path=gguf))["server"] == state
    with pytest.raises(LocalModelError, match="already running"):
        lm.serve_forever(settings.with_(model_path=gguf), command=fake_command())

    serve_process.send_signal(signal.SIGTERM)
    assert serve_process.wait(timeout=15) == 0
    assert "serve: stopped" in serve_process.stdout.read()
    assert not lm.state_path(settings).exists()
    assert gone(state["pid"])


def test_state_for_another_model_or_a_dead_process_is_not_reused(
    settings: Settings,
    gguf: Path,
    model: lm.ModelInfo,
    servers: list[lm.LocalServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lm, "default_command", lambda settings, model: fake_command())
    monkeypatch.setattr(lm, "runtime_available", lambda: True)
    other = lm.LocalServer(settings, model, command=fake_command())
    servers.append(other)
    other.start()
    record = {"pid": other.pid, "port": other.port, "model_path": "/elsewhere/x.gguf"}
    lm.write_json_atomic(lm.state_path(settings), record)
    assert lm.live_state(settings) == record
    with lm.local_endpoint(settings.with_(model_path=gguf)) as (base_url, _):
        assert base_url != other.base_url
    other.stop()
    assert lm.live_state(settings) is None


def test_sigterm_to_the_caller_stops_its_server(settings: Settings, gguf: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, str(SCRIPT), "hold"]
    argv += ["--cache-dir", str(settings.cache_dir), "--model-path", str(gguf)]
    caller = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert caller.stdout is not None
        server_pid = int(caller.stdout.readline())
        assert not gone(server_pid)
        caller.send_signal(signal.SIGTERM)
        assert caller.wait(timeout=15) == 128 + signal.SIGTERM
        assert gone(server_pid)
    finally:
        if caller.poll() is None:
            caller.kill()
            caller.wait()


# ---------------------------------------------------------------- the real model


@pytest.mark.live
def test_live_server_answers_models() -> None:
    settings = Settings()
    if not lm.runtime_available():
        pytest.skip("llama-cpp-python[server] is not installed")
    try:
        info = lm.resolve_model(settings, assemble=False)
    except LocalModelError as exc:
        pytest.skip(f"no assembled local model: {exc.message}")
    started = time.monotonic()
    with lm.LocalServer(settings, info) as server:
        reply = httpx.get(f"{server.base_url}/models", trust_env=False, timeout=10)
        pid = server.pid
        assert time.monotonic() - started < settings.server_start_timeout
    assert reply.status_code == 200
    assert reply.json()["data"][0]["id"] == info.name
    assert pid is not None and gone(pid)


def test_speculative_decoding_only_when_asked_and_logits_kept_only_then(
    settings: Settings, model: lm.ModelInfo
) -> None:
    plain = lm.LocalServer(settings, model)._argv(5123)
    pairs = dict(zip(plain[3::2], plain[4::2], strict=True))
    assert "--draft_model" not in pairs and pairs["--logits_all"] == "false"
    drafting = lm.LocalServer(settings.with_(draft_tokens=4), model)._argv(5123)
    pairs = dict(zip(drafting[3::2], drafting[4::2], strict=True))
    assert pairs["--draft_model"] == "prompt-lookup-decoding"
    assert pairs["--draft_model_num_pred_tokens"] == "4"
    assert pairs["--logits_all"] == "true"
