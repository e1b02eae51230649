"""CPU workers (summarizer/workers.py): a brief finished in a worker process is the one the
calling thread would have made; an error is raised as in-process; a dead worker is replaced
by the calling thread; a batch with workers writes what one without writes, and a killed
batch leaves no worker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fault_server import Faults, FaultServer, meeting_respond, synthetic_article
from pydantic import BaseModel

from cassettes import ROOT, make_vcr
from summarizer import pipeline, workers
from summarizer.batch import run_batch
from summarizer.config import DEFAULT_LOCAL_MODEL_NAME, Settings
from summarizer.llm import Message, make_client
from summarizer.reading import read_article
from summarizer.store import Store
from summarizer.testing import FakeClient

REPO = Path(__file__).resolve().parent.parent
#: Gold articles whose cassettes exercise translation, romanisation and the CJK checks.
REPLAYED = ["ar_02_egypt_greece_dialogue", "fr_01_senegal_mauritanie_commission"]


@pytest.fixture(scope="module")
def cpu() -> Iterator[workers.CpuWorkers]:
    pool = workers.CpuWorkers(1)
    assert pool.wait_ready(120), "the worker did not start"
    yield pool
    pool.close()


def instant(response_model: type[BaseModel], messages: list[Message]) -> dict[str, Any]:
    """The fault server's answer, without the server."""
    tool = {"name": response_model.__name__, "parameters": response_model.model_json_schema()}
    return meeting_respond({"tools": [{"function": tool}], "messages": list(messages)})


def answered(i: int) -> pipeline.Answered:
    client = FakeClient(default=instant)
    settings = Settings(provider="fake")
    return pipeline.answer(read_article(text=synthetic_article(i)), client, settings)


def test_a_brief_finished_in_a_worker_is_the_in_process_one(cpu: workers.CpuWorkers) -> None:
    for i in range(12):
        assert cpu.finish(answered(i)) == pipeline.finish(answered(i))


@pytest.mark.parametrize("name", REPLAYED)
def test_a_translated_article_finished_in_a_worker_is_the_in_process_one(
    cpu: workers.CpuWorkers, name: str
) -> None:
    path = ROOT / "examples" / "articles" / f"{name}.txt"
    if not path.exists() or not (ROOT / "cassettes" / "eval" / f"{name}.yaml").exists():
        pytest.skip(f"{name} or its cassette is not here")
    settings = Settings(provider="local", model=DEFAULT_LOCAL_MODEL_NAME)
    client = make_client(settings, "http://local-model/v1")
    with make_vcr("eval", record=False).use_cassette(f"{name}.yaml"):
        answer = pipeline.answer(read_article(path), client, settings)
    assert answer.translation is not None
    assert cpu.finish(answer) == pipeline.finish(answer)


def test_a_busy_worker_is_sent_the_next_article_at_once(cpu: workers.CpuWorkers) -> None:
    # pipelined: a thread does not wait for the worker to be free before sending, so the
    # worker never idles while a thread of the batch waits for the GIL to send it work
    jobs = [answered(i) for i in range(24)]
    expected = [pipeline.finish(a) for a in jobs]
    (worker,) = cpu._usable
    most = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal most
        while not done.is_set():
            most = max(most, len(worker.pending))
            time.sleep(0.0005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with ThreadPoolExecutor(4) as pool:
            got = list(pool.map(cpu.finish, jobs))
    finally:
        done.set()
        watcher.join()
    assert got == expected  # each thread gets its own article's brief, whatever the order
    assert most >= 2


def test_an_error_in_a_worker_is_raised_as_in_process(cpu: workers.CpuWorkers) -> None:
    good = answered(1)
    bad = pipeline.Answered(**{**vars(good), "published": "2024-03-04"})  # not a date
    with pytest.raises(AttributeError) as in_process:
        pipeline.finish(bad)
    with pytest.raises(AttributeError) as in_worker:
        cpu.finish(bad)
    assert str(in_worker.value) == str(in_process.value)
    assert cpu.finish(good) == pipeline.finish(good)  # the worker goes on


def test_a_dead_worker_is_replaced_by_the_calling_thread() -> None:
    pool = workers.CpuWorkers(1)
    try:
        assert pool.wait_ready(120)
        os.kill(pool.pids()[0], signal.SIGKILL)
        for i in range(3):
            assert pool.finish(answered(i)) == pipeline.finish(answered(i))
        assert pool.wait_ready(0) is False  # not used again
    finally:
        pool.close()


def test_closing_workers_that_are_still_starting_does_not_wait_for_them() -> None:
    pool = workers.CpuWorkers(1)
    while not pool.pids():
        time.sleep(0.01)
    started = time.monotonic()
    pool.close()
    assert time.monotonic() - started < 2.0
    assert pool.finish(answered(2)) == pipeline.finish(answered(2))  # closed: in-process


def test_workers_by_default_only_for_a_large_batch_on_idle_cores() -> None:
    many = workers.AUTO_MIN_ARTICLES
    assert workers.auto_count("openai-compatible", 4, many, cpus=2) == 1
    assert workers.auto_count("openai", 16, many, cpus=4) == 3
    assert workers.auto_count("openai", 16, many, cpus=32) == workers.AUTO_MAX_WORKERS
    assert workers.auto_count("openai", 3, many, cpus=8) == 3
    assert workers.auto_count("local", 4, many, cpus=8) == 0  # the model server's cores
    assert workers.auto_count("openai", 4, many - 1, cpus=8) == 0
    assert workers.auto_count("openai", 1, many, cpus=8) == 0
    assert workers.auto_count("openai", 4, many, cpus=1) == 0
    assert Settings().cpu_workers is None
    # of those, as many start as the cores other processes leave idle, the batch taking one
    assert [workers.idle_workers(2, others) for others in (0.0, 0.5, 0.95, 1.0, 1.2, 3.0)] == [
        1,
        1,
        0,
        0,
        0,
        0,
    ]
    assert workers.idle_workers(8, 5.5) == 2


@pytest.mark.skipif(not Path("/proc/stat").exists(), reason="reads /proc/stat")
def test_the_load_of_other_processes_is_measured_without_this_ones() -> None:
    import threading

    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            pass

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        load = workers.others_load(0.3)
    finally:
        stop.set()
        spinner.join()
    assert load is not None and 0.0 <= load < workers.cpu_count()


def outputs(out: Path) -> dict[str, str]:
    """Every output file's text, without the seconds an article took."""
    texts = {}
    for path in sorted(out.glob("report-*")):
        text = path.read_text(encoding="utf-8")
        texts[path.name] = "\n".join(
            line
            for line in text.splitlines()
            if '"seconds":' not in line and not line.startswith("*Run:*")
        )
    texts["index.jsonl"] = (out / "index.jsonl").read_text(encoding="utf-8")
    return texts


def test_a_batch_with_workers_writes_what_a_batch_without_writes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(16):
        (folder / f"report-{i:03d}.txt").write_text(synthetic_article(i), encoding="utf-8")
    written = {}
    with FaultServer(respond=meeting_respond) as server:
        for count in (0, 1):
            settings = Settings(
                provider="openai-compatible",
                base_url=server.url,
                api_key="test",
                model="fault-model",
                cpu_workers=count,
            )
            if count:
                pool = workers.shared(count)
                assert pool is not None and pool.wait_ready(120)
            with Store(tmp_path / f"store-{count}.db") as store:
                result = run_batch(
                    [str(folder)],
                    tmp_path / f"out-{count}",
                    settings,
                    concurrency=4,
                    store=store,
                    progress=False,
                    compare=False,
                )
            assert result.done == 16
            written[count] = outputs(tmp_path / f"out-{count}")
    workers.close_shared()
    assert written[1] == written[0]


RUNNER = """
import sys, threading, time
from pathlib import Path
from summarizer import workers
from summarizer.batch import run_batch
from summarizer.config import Settings
from summarizer.store import Store

base_url, folder, out, db, pids = sys.argv[1:6]

def report():
    while not workers.shared_pids():
        time.sleep(0.01)
    Path(pids).write_text(" ".join(map(str, workers.shared_pids())))

threading.Thread(target=report, daemon=True).start()
settings = Settings(provider="openai-compatible", base_url=base_url, api_key="test",
                    model="fault-model", timeout=10.0, transport_retries=1, validation_retries=1,
                    cpu_workers=1)
with Store(db) as store:
    result = run_batch([folder], Path(out), settings, concurrency=4, store=store,
                       progress=False, compare=False, command=["runner", folder, out])
sys.exit(1 if result.failed else 0)
"""


def running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting for a parent is not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_batch_leaves_no_worker_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    n = 20
    for i in range(n):
        (folder / f"report-{i:03d}.txt").write_text(synthetic_article(i), encoding="utf-8")
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER)
    pids = tmp_path / "pids"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    with FaultServer(respond=meeting_respond) as server:
        server.set_faults(Faults(latency=0.2))
        argv = [sys.executable, str(runner), server.url, str(folder)]
        argv += [str(tmp_path / "out"), str(tmp_path / "store.db"), str(pids)]
        first = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not pids.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)
        first.send_signal(signal.SIGKILL)
        first.wait()
        worker_pids = [int(p) for p in pids.read_text().split()]
        assert worker_pids
        deadline = time.monotonic() + 30
        while any(map(running, worker_pids)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(running, worker_pids)), "a worker outlived its batch"
        second = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=180)
        assert second.returncode == 0, second.stderr[-2000:]
    assert len(list((tmp_path / "out").glob("report-*.json"))) == n
