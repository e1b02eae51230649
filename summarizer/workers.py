"""CPU workers: the code's part of an article (``pipeline.finish``) in other processes.

A batch's threads wait on the model together, but what code does once the model has answered
(grounding, normalisation, the checks against the original text: ~2 ms for a short article,
16-170 ms for a real one) holds Python's GIL, so a batch summarizes on one core however many
it has. With ``CpuWorkers``, a thread hands its ``pipeline.Answered`` to a worker process and
waits for the brief with the GIL released; HTTP, the store and the output files stay in the
batch's process, which then has its core to itself.

The workers are started in the background (a thread finishes in-process until one is
ready): each is a fresh interpreter (``sys.executable``) running ``_main``, a plain
subprocess, so the caller's main module is never run again as multiprocessing's spawn would
run it; it imports the pipeline once and serves one article at a time over its stdin and
stdout (anything else it prints goes to stderr). ``pipeline.finish`` is a pure function of
the answer, so a brief made by a worker is the one the thread would have made. An answer a
worker could not finish (an error, or the worker gone) is finished again in the calling
thread: the error is raised there, exactly as without workers, and a worker that died is not
used again. A worker ignores Ctrl-C (the batch handles it) and exits when its stdin closes:
when the batch closes it, or when the batch process ends, killed or not.

One set of workers serves every batch of a process (``shared``), so the workers' caches stay
warm from one batch to the next.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import math
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from typing import IO

from . import normalize, pipeline
from .records import ArticleBrief

#: A worker's first message: the pipeline is imported, it takes articles.
_READY = b"ready"
#: A worker's answer when it could not finish an article (a brief's JSON is never empty).
_FAILED = b""
#: Batches with fewer articles to summarize than this finish them in-process (``auto_count``).
AUTO_MIN_ARTICLES = 50
#: At most this many workers by default (each holds its own tables: ~180 MB).
AUTO_MAX_WORKERS = 4


def auto_count(provider: str, concurrency: int, articles: int, cpus: int | None = None) -> int:
    """How many workers a batch asks for by default: one per core but the batch's own, no
    more than its threads nor AUTO_MAX_WORKERS; none for the embedded local model (its
    server needs every core) or a small batch. (Only as many start as the cores other
    processes leave idle: ``CpuWorkers(idle_only=True)``.)"""
    if cpus is None:
        cpus = cpu_count()
    if provider == "local" or concurrency < 2 or articles < AUTO_MIN_ARTICLES:
        return 0
    if getattr(sys, "frozen", False) or not sys.executable:  # no interpreter to start
        return 0
    return min(concurrency, cpus - 1, AUTO_MAX_WORKERS)


def cpu_count() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def idle_workers(cpus: int, others: float) -> int:
    """How many workers fit in the cores other processes leave idle (``others``: the cores
    they keep busy), the batch's own process taking one. Without an idle core a worker only
    adds its cost (measured: ~15% slower on a 2-core machine whose other core was busy)."""
    return max(0, math.ceil(cpus - others - 0.1) - 1)


def others_load(window: float = 0.25) -> float | None:
    """The cores other processes kept busy over ``window`` seconds (Linux's /proc/stat, less
    this process's own CPU time); None where that cannot be read."""
    try:
        busy, own, started = _busy_seconds(), time.process_time(), time.monotonic()
        time.sleep(window)
        busy_after, own_after, ended = _busy_seconds(), time.process_time(), time.monotonic()
    except (OSError, ValueError, IndexError):
        return None
    return max(0.0, ((busy_after - busy) - (own_after - own)) / (ended - started))


def _busy_seconds() -> float:
    """CPU seconds every core has spent busy since boot (not idle, not waiting for I/O)."""
    with open("/proc/stat", encoding="ascii") as stat:
        ticks = [int(v) for v in stat.readline().split()[1:9]]  # user .. steal
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def _main() -> None:
    """A worker: finish every answer that comes on stdin until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything else written to stdout goes to stderr
    requests = sys.stdin.buffer
    _warm_up()
    _send(replies, _READY)
    while True:
        data = _receive(requests)
        if data is None:
            return
        try:
            reply = pipeline.finish(pickle.loads(data)).model_dump_json().encode()
        except Exception:  # finished again by the caller, who raises it
            reply = _FAILED
        try:
            _send(replies, reply)
        except OSError:
            return


def _warm_up() -> None:
    """Build the tables nearly every article reads (the city index and pattern, the party
    index: about a second) before saying ready, so a worker's first article is not slow while
    the batch's threads wait for it."""
    normalize.cities_in("Paris")
    normalize.city_info("Paris")
    normalize.party_code("France")


def _send(stream: IO[bytes], data: bytes) -> None:
    stream.write(len(data).to_bytes(8, "little") + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> bytes | None:
    """One message, or None at the end of the stream."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "little")
    data = stream.read(size)
    return data if len(data) == size else None


class _Ticket:
    """One article sent to a worker: its reply once read (None: the worker is gone)."""

    __slots__ = ("done", "reply")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.reply: bytes | None = None


class _Worker:
    """One worker process, its two pipes, and the articles sent to it not yet answered.

    Calls are pipelined: a thread sends its article at once, even while the worker is busy
    with another, and a reader thread hands each reply to the thread that waits for it (the
    worker answers in order). So the worker's next article is already in its pipe when it
    finishes one, rather than waiting for a thread of the batch to get the GIL and send it.
    """

    def __init__(self) -> None:
        # the summarizer package this process runs, whatever its sys.path
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        code = (
            f"import sys; sys.path.insert(0, {root!r}); "
            "from summarizer import workers; workers._main()"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        # buffered: a read of n bytes returns n bytes (or the end)
        self.requests: IO[bytes] = self.process.stdin
        self.replies: IO[bytes] = self.process.stdout
        self.ready = False  # it has said so
        self.alive = True  # no send or read has failed
        self.pending: collections.deque[_Ticket] = collections.deque()
        # two locks, so that a thread blocked writing a long article into a full pipe (the
        # worker busy writing a long reply) never keeps the reader from taking that reply
        self._send_lock = threading.Lock()  # one article written at a time, in ticket order
        self._pending_lock = threading.Lock()  # pending and alive
        self._reader: threading.Thread | None = None

    def start_reading(self) -> None:
        """Once the worker is ready: read its replies in the background."""
        self._reader = threading.Thread(
            target=self._read, name="summarizer-cpu-replies", daemon=True
        )
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                reply = _receive(self.replies)
            except (OSError, ValueError):
                reply = None
            with self._pending_lock:
                if reply is None:  # gone: every waiting caller finishes in-process
                    self.alive = False
                    waiting, self.pending = list(self.pending), collections.deque()
                else:
                    waiting = [self.pending.popleft()] if self.pending else []
            for ticket in waiting:
                ticket.reply = reply
                ticket.done.set()
            if reply is None:
                return

    def call(self, data: bytes) -> bytes | None:
        """The worker's reply to ``data`` (sent at once, answered in turn); None if the
        worker is gone."""
        ticket = _Ticket()
        with self._send_lock:
            with self._pending_lock:
                if not self.alive:
                    return None
                self.pending.append(ticket)
            try:
                _send(self.requests, data)
            except (OSError, ValueError):
                with self._pending_lock:
                    self.alive = False
                    if ticket in self.pending:
                        self.pending.remove(ticket)
                return None
        ticket.done.wait()
        return ticket.reply

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.requests.close()

    def join_reader(self, timeout: float) -> None:
        if self._reader is not None:
            self._reader.join(timeout)


class CpuWorkers:
    """``count`` worker processes finishing answers for any number of threads."""

    def __init__(self, count: int, *, idle_only: bool = False) -> None:
        """``idle_only``: start only as many as the cores other processes leave idle
        (measured for a quarter of a second, in the background), perhaps none."""
        self.count = count
        self.idle_only = idle_only
        self._state = threading.Lock()
        self._usable: list[_Worker] = []  # ready, and not dead
        self._closed = False
        self._workers: list[_Worker] = []
        self._starter = threading.Thread(
            target=self._start, name="summarizer-cpu-start", daemon=True
        )
        self._starter.start()

    def _start(self) -> None:
        count = self.count
        if self.idle_only:
            others = others_load()
            if others is not None:
                count = min(count, idle_workers(cpu_count(), others))
        started = []
        for _ in range(count):
            with self._state:
                if self._closed:
                    return
                try:
                    worker = _Worker()
                except OSError:
                    return
                self._workers.append(worker)
            started.append(worker)
        for worker in started:
            try:
                ready = _receive(worker.replies) == _READY
            except OSError:
                ready = False
            with self._state:
                worker.ready = ready
                if ready and not self._closed:
                    worker.start_reading()
                    self._usable.append(worker)
                else:
                    worker.close()

    def finish(self, answered: pipeline.Answered) -> ArticleBrief:
        """``pipeline.finish(answered)``, in the ready worker with the fewest articles waiting;
        in-process while none is ready (or every one has died, or the workers are closed)."""
        worker = self._least_busy()
        if worker is None:
            return pipeline.finish(answered)
        reply = worker.call(pickle.dumps(answered, pickle.HIGHEST_PROTOCOL))
        if reply is None:  # the worker is gone
            self._drop(worker)
            return pipeline.finish(answered)
        if reply == _FAILED:
            return pipeline.finish(answered)  # raises here what the worker met
        # JSON, not pickle: ~0.09 ms to read a brief here against ~0.5 ms for unpickling it
        # (pydantic restores a pickled model object by object), and here is the batch's own
        # busy process. A brief's JSON round trip is exact (tests/test_workers.py).
        return ArticleBrief.model_validate_json(reply)

    def _least_busy(self) -> _Worker | None:
        with self._state:
            if not self._usable or self._closed:
                return None
            return min(self._usable, key=lambda w: len(w.pending))

    def _drop(self, worker: _Worker) -> None:
        with self._state:
            if worker in self._usable:
                self._usable.remove(worker)
        worker.close()

    def wait_ready(self, timeout: float) -> bool:
        """Wait until the workers have started (or ``timeout`` s); whether any has, and every
        one started is ready and usable (none has died; the workers are not closed)."""
        self._starter.join(timeout)
        with self._state:
            return 0 < len(self._usable) == len(self._workers)

    def pids(self) -> list[int]:
        """The worker processes' ids (those started so far)."""
        with self._state:
            return [w.process.pid for w in self._workers]

    def close(self, timeout: float = 5.0) -> None:
        """Stop the workers: their stdin closes and they exit (killed after ``timeout`` s; one
        still starting is killed at once, as it reads nothing before it is ready)."""
        with self._state:
            self._closed = True
            self._usable = []
            started = list(self._workers)
            starting = [w for w in started if not w.ready]
        for worker in started:
            worker.close()
        for worker in starting:
            with contextlib.suppress(OSError):
                worker.process.kill()
        for worker in started:
            try:
                worker.process.wait(timeout)
            except subprocess.TimeoutExpired:
                worker.process.kill()
                worker.process.wait(timeout)
            worker.join_reader(timeout)
            with contextlib.suppress(OSError):
                worker.replies.close()


_SHARED: CpuWorkers | None = None
_SHARED_LOCK = threading.Lock()


def shared(count: int, *, idle_only: bool = False) -> CpuWorkers | None:
    """The process's workers, ``count`` of them at most (started on first use, or again when
    asked otherwise); None for ``count`` 0. ``idle_only``: see CpuWorkers."""
    global _SHARED
    if count <= 0:
        return None
    with _SHARED_LOCK:
        if _SHARED is not None and (_SHARED.count, _SHARED.idle_only) != (count, idle_only):
            _SHARED.close()
            _SHARED = None
        if _SHARED is None:
            _SHARED = CpuWorkers(count, idle_only=idle_only)
        return _SHARED


def shared_pids() -> list[int]:
    """The process ids of the shared workers (none if there are none)."""
    with _SHARED_LOCK:
        return _SHARED.pids() if _SHARED is not None else []


def close_shared() -> None:
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is not None:
            _SHARED.close()
            _SHARED = None


atexit.register(close_shared)
