"""Batch benchmarks against the fault-injecting server (tests/fault_server.py), offline.

    .venv/bin/python benchmarks/bench_batch.py [--quick] [--cpu-workers N] [--dir DIR]

(a) per-article overhead of the tool with an instant provider (1,000 articles): wall and CPU
    milliseconds per article (the CPU workers' included: summarizer/workers.py, started and
    warmed with the caches before the timed batch), RSS at start / middle / end (flat = no
    per-article growth);
(b) concurrency efficiency: 200 articles at 1 s latency, concurrency 16 (ideal / actual);
(c) a full cached re-run of (b): model calls and seconds.

The server runs in its own process, so its CPU is not counted as the tool's. Articles,
outputs and the store go to a temp folder under --dir (default: the system's temp folder).
The first rows report what writing one output file costs there when the bench starts: that is
the disk's share of each article (two files), and on a shared VM it varies from minute to
minute (0.1 to 0.9 ms a file on this project's VM), which moves (a) by as much.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import math
import multiprocessing
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

import psutil
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fault_server import Faults, FaultServer, meeting_respond, synthetic_article  # noqa: E402

from summarizer import pipeline, workers  # noqa: E402
from summarizer.batch import BatchResult, run_batch, write_atomic  # noqa: E402
from summarizer.config import Settings  # noqa: E402
from summarizer.llm import Message, ModelClient, Usage, article_context  # noqa: E402
from summarizer.reading import Article  # noqa: E402
from summarizer.records import ArticleBrief  # noqa: E402
from summarizer.store import Store  # noqa: E402

T = TypeVar("T", bound=BaseModel)


class InstantClient:
    """An in-process model: the fault server's answers without HTTP, openai or instructor.

    Measures what batch + pipeline cost on their own (the client boundary excluded).
    """

    provider = "instant"
    model = "instant-model"

    def extract(
        self,
        response_model: type[T],
        messages: Sequence[Message],
        *,
        max_tokens: int,
        article: str | None = None,
        published: str | None = None,
    ) -> tuple[T, Usage]:
        tool = {"name": response_model.__name__, "parameters": _schema(response_model)}
        request = {"tools": [{"function": tool}], "messages": list(messages)}
        with article_context(article, published):
            value = response_model.model_validate(meeting_respond(request))
        return value, Usage(calls=1, tokens_in=100, tokens_out=20)


@functools.cache
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def serve(faults: Faults, pipe: Connection) -> None:
    """Child process: run the fault server until told to stop; report its request count."""
    with FaultServer(respond=meeting_respond, faults=faults) as server:
        pipe.send(server.url)
        pipe.recv()
        pipe.send(server.requests)


@dataclass
class Server:
    url: str
    process: multiprocessing.Process
    pipe: Connection

    def stop(self) -> int:
        self.pipe.send("stop")
        requests = int(self.pipe.recv())
        self.process.join(timeout=10)
        return requests


def start_server(faults: Faults) -> Server:
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.Process(target=serve, args=(faults, child), daemon=True)
    process.start()
    return Server(url=str(parent.recv()), process=process, pipe=parent)


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"report-{i:04d}.txt").write_text(synthetic_article(i), encoding="utf-8")


#: --cpu-workers: None lets each batch decide (summarizer/workers.py), a number forces it.
CPU_WORKERS: int | None = None


def settings_for(url: str) -> Settings:
    return Settings(
        cpu_workers=CPU_WORKERS,
        provider="openai-compatible",
        base_url=url,
        api_key="bench",
        model="fault-model",
        timeout=30.0,
        transport_retries=2,
        validation_retries=1,
    )


class RssSampler:
    """Samples this process's RSS every ``interval`` seconds in a background thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._process = psutil.Process()

    def _run(self, interval: float) -> None:
        while not self._stop.is_set():
            self.samples.append((time.perf_counter(), self._process.memory_info().rss))
            self._stop.wait(interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def at_fraction(self, fraction: float) -> int:
        start, end = self.samples[0][0], self.samples[-1][0]
        target = start + (end - start) * fraction
        return min(self.samples, key=lambda s: abs(s[0] - target))[1]


class SummarizeTimer:
    """Thread CPU time spent inside ``pipeline.summarize`` (model client included), so the
    batch layer's own cost is the process CPU minus this."""

    def __init__(self) -> None:
        self.cpu_seconds = 0.0
        self._lock = threading.Lock()
        self._original = pipeline.summarize

    def _timed(
        self, article: Article, client: ModelClient, settings: Settings, **options: Any
    ) -> ArticleBrief:
        started = time.thread_time()
        try:
            return self._original(article, client, settings, **options)
        finally:
            with self._lock:
                self.cpu_seconds += time.thread_time() - started

    def __enter__(self) -> SummarizeTimer:
        pipeline.summarize = self._timed
        return self

    def __exit__(self, *exc: object) -> None:
        pipeline.summarize = self._original


def batch(
    url: str,
    work: Path,
    n: int,
    concurrency: int,
    out: str = "out",
    client: InstantClient | None = None,
) -> BatchResult:
    with Store(work / "store.db") as store:
        return run_batch(
            [str(work / "in")],
            work / out,
            settings_for(url),
            concurrency=concurrency,
            store=store,
            client=client,
            progress=False,
            compare=False,
            command=["bench", str(n)],
        )


#: --dir: the folder the bench's temp folders are made in (None: the system's temp folder).
BENCH_DIR: Path | None = None


def bench_dir() -> tempfile.TemporaryDirectory[str]:
    if BENCH_DIR is not None:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(dir=BENCH_DIR)


def file_write_ms(files: int = 500) -> float:
    """Milliseconds to write one 4 kB output file atomically (batch.write_atomic) in the
    bench's folder: the disk's share of each article's two output files."""
    with bench_dir() as tmp:
        started = time.perf_counter()
        for i in range(files):
            write_atomic(Path(tmp) / f"probe-{i}.json", "x" * 4096)
        return 1000 * (time.perf_counter() - started) / files


def bench_overhead(n: int, concurrency: int, *, in_process: bool = False) -> dict[str, Any]:
    server = start_server(Faults())
    client = InstantClient() if in_process else None
    with bench_dir() as tmp:
        work = Path(tmp)
        write_articles(work / "in", n)
        batch(server.url, work, 10, concurrency, out="warmup", client=client)  # warm up
        # ... and the CPU workers the batch will use (started and warmed, as the caches are)
        settings = settings_for(server.url)
        count = settings.cpu_workers
        if count is None:
            count = workers.auto_count(settings.provider, concurrency, n)
        pool = workers.shared(count, idle_only=settings.cpu_workers is None)
        if pool is not None:
            pool.wait_ready(300)
        (work / "store.db").unlink()
        cpu = psutil.Process().cpu_times()
        cpu_workers = workers_cpu()
        cpu_server = process_cpu(server.process.pid)
        started = time.perf_counter()
        with RssSampler() as rss, SummarizeTimer() as inner:
            result = batch(server.url, work, n, concurrency, client=client)
        wall = time.perf_counter() - started
        cpu_after = psutil.Process().cpu_times()
        workers_s = workers_cpu() - cpu_workers
        server_s = process_cpu(server.process.pid) - cpu_server
    server.stop()
    cpu_s = (cpu_after.user - cpu.user) + (cpu_after.system - cpu.system)
    mib = 1024 * 1024
    return {
        "articles": n,
        "done": result.done,
        "wall_ms_per_article": 1000 * wall / n,
        "cpu_ms_per_article": 1000 * (cpu_s + workers_s) / n,
        "summarize_cpu_ms_per_article": 1000 * inner.cpu_seconds / n,
        "workers_cpu_ms_per_article": 1000 * workers_s / n,
        "workers": len(workers.shared_pids()),
        "batch_cpu_ms_per_article": 1000 * (cpu_s - inner.cpu_seconds) / n,
        "server_cpu_ms_per_article": 1000 * server_s / n,
        "cpus": workers.cpu_count(),
        "rss_mib": [rss.at_fraction(f) / mib for f in (0.0, 0.5, 1.0)],
    }


def workers_cpu() -> float:
    """CPU seconds the batch's worker processes (summarizer/workers.py) have used so far."""
    return sum(process_cpu(pid) for pid in workers.shared_pids())


def process_cpu(pid: int | None) -> float:
    """CPU seconds process ``pid`` has used so far (0 if it is gone)."""
    with contextlib.suppress(psutil.Error, TypeError):
        times = psutil.Process(pid).cpu_times()
        return float(times.user + times.system)
    return 0.0


def bench_concurrency(n: int, latency: float, concurrency: int) -> dict[str, Any]:
    server = start_server(Faults(latency=latency))
    with bench_dir() as tmp:
        work = Path(tmp)
        write_articles(work / "in", n)
        warm = work / "warm"
        write_articles(warm / "in", 2)  # load langdetect / dateparser data once, as (a) does
        batch(server.url, warm, 2, concurrency, client=InstantClient())
        started = time.perf_counter()
        first = batch(server.url, work, n, concurrency)
        actual = time.perf_counter() - started
        started = time.perf_counter()
        again = batch(server.url, work, n, concurrency)
        rerun = time.perf_counter() - started
    total_requests = server.stop()
    ideal = math.ceil(n / concurrency) * latency  # the makespan of n equal tasks on c slots
    return {
        "articles": n,
        "done": first.done,
        "ideal_s": ideal,
        "actual_s": actual,
        "efficiency": ideal / actual,
        "rerun_calls": again.calls,
        "rerun_cached": again.cached,
        "rerun_s": rerun,
        "server_requests": total_requests,
    }


def overhead_rows(data: dict[str, Any], inner: str) -> list[tuple[str, str, str]]:
    return [
        ("    wall ms/article", f"{data['wall_ms_per_article']:.2f}", "< 5"),
        ("    CPU ms/article", f"{data['cpu_ms_per_article']:.2f}", ""),
        (f"      in summarize ({inner})", f"{data['summarize_cpu_ms_per_article']:.2f}", ""),
        (
            f"      in {data['workers']} CPU worker process(es)",
            f"{data['workers_cpu_ms_per_article']:.2f}",
            "",
        ),
        ("      batch layer (read/store/write)", f"{data['batch_cpu_ms_per_article']:.2f}", "< 5"),
        (
            f"    fault server's CPU (same {data['cpus']} cores)",
            f"{data['server_cpu_ms_per_article']:.2f}",
            "",
        ),
        (
            "    RSS MiB start / middle / end",
            " / ".join(f"{v:.0f}" for v in data["rss_mib"]),
            "flat",
        ),
    ]


def main() -> None:
    global CPU_WORKERS, BENCH_DIR
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument(
        "--cpu-workers", type=int, metavar="N", help="CPU worker processes (default: auto)"
    )
    parser.add_argument(
        "--dir",
        type=Path,
        metavar="DIR",
        help="folder for the bench's articles, outputs and store (default: system temp)",
    )
    args = parser.parse_args()
    CPU_WORKERS = args.cpu_workers
    BENCH_DIR = args.dir.resolve() if args.dir else None
    probe = file_write_ms()
    n_overhead, n_conc, latency = (100, 40, 0.2) if args.quick else (1000, 200, 1.0)
    overhead = bench_overhead(n_overhead, concurrency=4)
    inproc = bench_overhead(n_overhead, concurrency=4, in_process=True)
    conc = bench_concurrency(n_conc, latency=latency, concurrency=16)
    rows = [
        ("folder", str(BENCH_DIR or tempfile.gettempdir()), ""),
        ("    one output file written, ms", f"{probe:.2f}", ""),
        ("(a) overhead, instant provider", f"{overhead['articles']} articles, concurrency 4", ""),
        *overhead_rows(overhead, "pipeline+client"),
        ("(a') same, in-process instant client", "no HTTP, openai, instructor", ""),
        *overhead_rows(inproc, "pipeline only"),
        (f"(b) concurrency 16, latency {latency:g} s", f"{conc['articles']} articles", ""),
        ("    ideal / actual s", f"{conc['ideal_s']:.2f} / {conc['actual_s']:.2f}", ""),
        ("    efficiency", f"{conc['efficiency']:.3f}", ">= 0.9"),
        ("(c) cached re-run of (b)", f"{conc['rerun_cached']} cached", ""),
        ("    model calls", str(conc["rerun_calls"]), "0"),
        ("    seconds", f"{conc['rerun_s']:.2f}", "< 2"),
        ("    server requests, both runs", str(conc["server_requests"]), str(conc["articles"])),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>28}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>28}  {target}")


if __name__ == "__main__":
    main()
