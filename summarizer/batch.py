"""Batch briefs: many articles, bounded concurrency, a store that makes re-runs free.

``run_batch`` reads every input, looks each article up in the store's cache, and summarizes
the rest on ``concurrency`` worker threads (each takes the next item when it is free). Each
item's state is committed to the store as soon as it is finished (its result, call row and
state in one transaction), so a killed batch resumes when the same command runs again:
finished articles are cache hits, nothing is summarized twice and every output file is
written atomically (temp file + ``os.replace``).
The index and summary files are rebuilt at the end from every item's output.

Retry layers (one owner each, and every attempt is logged in the store's ``calls`` table):
- the openai client retries transport errors, 429 and 5xx (``settings.transport_retries``);
- the extraction loop in llm.py re-asks after invalid output, with instructor's re-ask
  handler (``settings.validation_retries``);
- here, tenacity retries a whole item ONCE more (``ITEM_ATTEMPTS = 2``) and only after a
  transient provider error (timeout, connection lost, 408/409/429/5xx) that outlived the
  client's own retries. An ``ExtractionError`` (the model answered, but invalid after every
  re-ask) is not retried: at temperature 0 the same article would fail the same way.
  Worst case per article: ITEM_ATTEMPTS x (1 + transport_retries) x (1 + validation_retries)
  HTTP requests, each counted in ``calls.requests``.

Re-running the same command (same inputs, out dir and output-relevant settings, hence the
same ``batch_id``):
- done / cached items: served from the cache (zero model calls);
- items never finished (killed run): processed;
- failed items: kept failed without a new call, unless ``retry_failed=True``, which redoes
  exactly those (and makes no model call for anything else).
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_base, wait_exponential

from . import pipeline, workers
from .config import Settings
from .errors import ExtractionError, InputError, ProviderError, SummarizerError
from .llm import LLMClient, ModelClient, make_client
from .reading import Article, read_article, sha256_text
from .records import ArticleBrief
from .render import brief_markdown
from .store import ItemState, ItemStatus, Store
from .workers import CpuWorkers

log = logging.getLogger(__name__)

#: Whole-item attempts (1 = no retry). See the module docstring for why it is small.
ITEM_ATTEMPTS = 2
#: Wait between whole-item attempts (the client has already backed off before giving up).
ITEM_RETRY_WAIT: wait_base = wait_exponential(multiplier=1.0, min=1.0, max=10.0)
INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm")
TMP_PREFIX = ".summarizer-"
TMP_SUFFIX = ".tmp"
INDEX_FIELDS = (
    "article",
    "file",
    "meeting_id",
    "status",
    "primary",
    "kind",
    "series",
    "round",
    "date",
    "city",
    "country",
    "parties",
    "heads",
)

ItemOutcome = Literal["done", "cached", "failed", "pending"]


# ---- inputs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class InputItem:
    """One article to summarize, before it is read."""

    key: str  # the item's key in the store: resolved path, or sha256 of a given text
    label: str  # what the user sees
    path: Path | None = None
    text: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    error: str | None = None  # set when the input line itself is unusable


def expand_inputs(inputs: Sequence[str]) -> list[InputItem]:
    """Files, folders (recursive, sorted), globs and .jsonl lists, in order, without repeats."""
    seen: set[str] = set()
    items: list[InputItem] = []
    for item in _expand_all(inputs):
        if item.key not in seen:
            seen.add(item.key)
            items.append(item)
    return items


def _expand_all(inputs: Sequence[str]) -> Iterator[InputItem]:
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from (_file_item(p) for p in _folder_files(path))
        elif path.is_file() and path.suffix.lower() == ".jsonl":
            yield from _jsonl_items(path)
        elif path.exists() or not glob.has_magic(raw):
            yield _file_item(path)
        else:
            yield from _glob_items(raw)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith(".")
    )


def _glob_items(pattern: str) -> Iterator[InputItem]:
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            yield from (_file_item(p) for p in _folder_files(path))
        elif path.suffix.lower() == ".jsonl":
            yield from _jsonl_items(path)
        else:
            yield _file_item(path)


def _file_item(
    path: Path, url: str | None = None, outlet: str | None = None, published: str | None = None
) -> InputItem:
    return InputItem(
        key=str(path.resolve()),
        label=str(path),
        path=path,
        url=url,
        outlet=outlet,
        published=published,
    )


def _jsonl_items(path: Path) -> Iterator[InputItem]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _jsonl_item(path, number, line)


def _jsonl_item(source: Path, number: int, line: str) -> InputItem:
    where = f"{source}:{number}"
    try:
        entry = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputItem(key=where, label=where, error=f"line is not JSON: {exc.msg}")
    if not isinstance(entry, dict) or not (entry.get("path") or entry.get("text")):
        return InputItem(key=where, label=where, error='line needs "path" or "text"')
    url, outlet, published = (_opt_str(entry.get(k)) for k in ("url", "outlet", "published"))
    if entry.get("path"):
        target = Path(str(entry["path"]))
        target = target if target.is_absolute() else source.parent / target
        return _file_item(target, url=url, outlet=outlet, published=published)
    text = str(entry["text"])
    return InputItem(
        key="sha256:" + sha256_text(text),
        label=url or f"{where} (text)",
        text=text,
        url=url,
        outlet=outlet,
        published=published,
    )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def batch_id_for(items: Sequence[InputItem], out_dir: Path, settings: Settings) -> str:
    """Same inputs + out dir + output-relevant settings -> same id (so a re-run resumes)."""
    identity = {
        "inputs": sorted(item.key for item in items),
        "out_dir": str(out_dir.resolve()),
        "provider": settings.provider,
        "model": settings.model_name,
        "max_tokens": settings.max_tokens,
        "temperature": settings.temperature,
        "keep_ungrounded": settings.keep_ungrounded,
        "fuzzy_threshold": settings.fuzzy_threshold,
    }
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:24]


# ---- results --------------------------------------------------------------------------------


@dataclass(slots=True)
class ItemResult:
    """What happened to one item in this run (small: the brief itself stays on disk).

    ``index_lines`` are the index.jsonl lines of a brief this run had in hand (written or
    served from the cache), so the index is rebuilt without reading that brief back; None
    for an item whose brief is only on disk (finished by an earlier run).
    """

    key: str
    label: str
    status: ItemOutcome
    error: str | None = None
    reason: str | None = None
    outputs: list[str] = field(default_factory=list)
    index_lines: list[str] | None = None
    attempts: int = 0
    requests: int = 0
    tokens_in: int = 0
    tokens_out: int = 0


@dataclass
class FailureInfo:
    article: str
    reason: str
    error: str
    attempts: int = 0


@dataclass
class BatchResult:
    """Counts of this run (``failed`` is every item left failed, so the exit code follows)."""

    batch_id: str
    run_id: str
    out_dir: Path
    articles: int = 0
    done: int = 0
    cached: int = 0
    failed: int = 0
    pending: int = 0
    meetings: int = 0
    calls: int = 0
    requests: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    wall_seconds: float = 0.0
    failures: list[FailureInfo] = field(default_factory=list)

    def add(self, item: ItemResult) -> None:
        self.articles += 1
        self.calls += item.attempts
        setattr(self, item.status, getattr(self, item.status) + 1)
        self.requests += item.requests
        self.tokens_in += item.tokens_in
        self.tokens_out += item.tokens_out
        if item.status == "failed":
            self.failures.append(
                FailureInfo(
                    article=item.label,
                    reason=item.reason or "error",
                    error=item.error or "",
                    attempts=item.attempts,
                )
            )

    def counts(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("failures")
        data["out_dir"] = str(self.out_dir)
        return data


# ---- the batch ------------------------------------------------------------------------------


@dataclass
class _Context:
    """What every worker shares (read-only, apart from the thread-safe store)."""

    client: ModelClient
    settings: Settings
    store: Store
    out_dir: Path
    batch_id: str
    run_id: str
    retry_failed: bool
    previous: dict[str, ItemState]
    cpu: CpuWorkers | None = None  # where articles are finished once the model answered
    _key_locks: dict[str, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def key_lock(self, key: str) -> threading.Lock:
        """One lock per cache key: two inputs with the same article are summarized once."""
        with self._guard:
            return self._key_locks.setdefault(key, threading.Lock())


def _mark(
    ctx: _Context,
    item: InputItem,
    status: ItemStatus,
    article: Article | None,
    key: str | None,
    *,
    error: str | None = None,
    attempts: int | None = None,
    outputs: Sequence[str] | None = None,
) -> None:
    """Record one item's state in this batch, under this run, with its article and key."""
    ctx.store.mark_item(
        ctx.batch_id,
        item.key,
        status=status,
        run_id=ctx.run_id,
        path=item.label,
        article_sha256=article.sha256 if article is not None else None,
        cache_key=key,
        error=error,
        attempts=attempts,
        outputs=outputs,
    )


def run_batch(
    inputs: list[str],
    out_dir: Path,
    settings: Settings,
    *,
    concurrency: int,
    store: Store,
    retry_failed: bool = False,
    client: LLMClient | ModelClient | None = None,
    progress: bool | None = None,
    compare: bool = True,
    command: Sequence[str] | None = None,
    quiet: bool = False,
) -> BatchResult:
    """Summarize every input into ``out_dir``; see the module docstring for the rules.

    ``progress`` shows a live bar on stderr (None: only when stderr is a terminal); the closing
    table is printed to stderr unless ``quiet``. ``compare`` writes comparison.json/.md over
    every brief. ``command`` is recorded in the store (default: ``sys.argv``).
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    items = expand_inputs(inputs)
    out_dir = out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(out_dir)
    batch_id = batch_id_for(items, out_dir, settings)
    console = Console(stderr=True)
    with _client_scope(settings, client) as active:
        run_id = store.start_run(
            list(command if command is not None else sys.argv), batch_id=batch_id, out_dir=out_dir
        )
        ctx = _Context(
            client=active,
            settings=settings,
            store=store,
            out_dir=out_dir,
            batch_id=batch_id,
            run_id=run_id,
            retry_failed=retry_failed,
            previous=store.items(batch_id),
        )
        ctx.cpu = workers.shared(
            _cpu_worker_count(items, ctx, concurrency), idle_only=settings.cpu_workers is None
        )
        result = BatchResult(batch_id=batch_id, run_id=run_id, out_dir=out_dir)
        started = time.perf_counter()
        status: Literal["ok", "failed", "interrupted"] = "failed"
        try:
            show = not quiet and (console.is_terminal if progress is None else progress)
            results = _run_with_progress(items, ctx, concurrency, result, console, show)
            result.wall_seconds = round(time.perf_counter() - started, 3)
            result.meetings = write_index(out_dir, results)
            write_summary(out_dir, store, batch_id, results, result)
            if compare:
                write_comparison(out_dir, results)
            status = "failed" if result.failed else "ok"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            result.wall_seconds = round(time.perf_counter() - started, 3)
            store.finish_run(run_id, status=status, counts=result.counts())
    if not quiet:
        print_closing_table(console, result)
    return result


def _cpu_worker_count(items: Sequence[InputItem], ctx: _Context, concurrency: int) -> int:
    """``settings.cpu_workers``, or by default as many as suit the batch (workers.py)."""
    if ctx.settings.cpu_workers is not None:
        return ctx.settings.cpu_workers
    finished = ("done", "cached")
    to_summarize = sum(
        1
        for item in items
        if (state := ctx.previous.get(item.key)) is None or state.status not in finished
    )
    return workers.auto_count(ctx.settings.provider, concurrency, to_summarize)


@contextmanager
def _client_scope(
    settings: Settings, client: LLMClient | ModelClient | None
) -> Iterator[ModelClient]:
    """The given client, or one built for the batch (one local server for the whole run)."""
    if client is not None:
        yield client
        return
    if settings.provider == "local":
        from .local_model import local_endpoint

        with local_endpoint(settings) as (base_url, _model):
            built = make_client(settings, base_url)
            try:
                yield built
            finally:
                built.close()
        return
    built = make_client(settings)
    try:
        yield built
    finally:
        built.close()


def _run_with_progress(
    items: Sequence[InputItem],
    ctx: _Context,
    concurrency: int,
    result: BatchResult,
    console: Console,
    show: bool,
) -> list[ItemResult]:
    columns = (
        TextColumn("[bold]batch"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[stats]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, disable=not show, transient=False) as bar:
        task = bar.add_task("batch", total=len(items), stats="")

        def finished(item: ItemResult) -> None:
            result.add(item)
            bar.update(task, advance=1, stats=_progress_stats(result))

        return _run_items(items, ctx, concurrency, finished)


def _progress_stats(result: BatchResult) -> str:
    return (
        f"done {result.done} cached {result.cached} failed {result.failed} "
        f"tokens {result.tokens_in}/{result.tokens_out}"
    )


def _run_items(
    items: Sequence[InputItem],
    ctx: _Context,
    concurrency: int,
    finished: Callable[[ItemResult], None],
) -> list[ItemResult]:
    """Process items on ``concurrency`` worker threads; results in input order.

    Each worker takes the next item as soon as it is free and reports it (``finished``, under
    a lock) itself, so no item is handed to or from the main thread: it only waits, and a
    worker's GIL is not taken from it to hand items round. A worker's error (or Ctrl-C in
    the main thread) stops the others taking new items.
    """
    results: list[ItemResult | None] = [None] * len(items)
    queue = iter(enumerate(items))
    taking = threading.Lock()
    reporting = threading.Lock()
    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            with taking:
                taken = next(queue, None)
            if taken is None:
                return
            index, item = taken
            try:
                outcome = process_item(item, ctx)
            except BaseException:
                stop.set()
                raise
            results[index] = outcome
            with reporting:
                finished(outcome)

    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="summarizer-batch")
    running = {pool.submit(work) for _ in range(min(concurrency, len(items)))}
    try:
        while running:  # a timeout, so Ctrl-C is seen at once on every platform
            done, running = wait(running, timeout=0.25, return_when=FIRST_EXCEPTION)
            for worker in done:
                worker.result()  # a worker's error, raised here
    except BaseException:
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [r for r in results if r is not None]


# ---- one item -----------------------------------------------------------------------------


def process_item(item: InputItem, ctx: _Context) -> ItemResult:
    """Read, look up, summarize (with retries), write; never raises for a bad article."""
    try:
        return _process(item, ctx)
    except SummarizerError as exc:
        return _fail(item, ctx, exc.message, _reason(exc), attempts=None)
    except Exception as exc:  # a bug must not stop the other 999 articles
        log.exception("%s: unexpected error", item.label)
        return _fail(item, ctx, f"unexpected {type(exc).__name__}: {exc}", "unexpected", None)


def _process(item: InputItem, ctx: _Context) -> ItemResult:
    if item.error:
        raise InputError(f"{item.label}: {item.error}", path=item.label, reason="bad_line")
    article = _read(item)
    key = pipeline.cache_key(article, ctx.client, ctx.settings)
    stem = output_stem(item, article)
    with ctx.key_lock(key):
        return _process_article(item, ctx, article, key, stem)


def _process_article(
    item: InputItem, ctx: _Context, article: Article, key: str, stem: str
) -> ItemResult:
    previous = ctx.previous.get(item.key)
    served = _serve_cached(item, ctx, article, key, stem, previous)
    if served is not None:
        return served
    failed_before = previous is not None and previous.status == "failed"
    if ctx.retry_failed and not failed_before:
        return ItemResult(key=item.key, label=item.label, status="pending")
    if failed_before and not ctx.retry_failed and previous and previous.cache_key == key:
        return _kept_failure(item, previous)
    try:
        return _summarize_item(item, ctx, article, key, stem, previous)
    except Exception:
        # the item's identity, for the failure process_item records (a finished item
        # records it with its result, in the same transaction)
        _mark(ctx, item, "pending", article, key)
        raise


def _read(item: InputItem) -> Article:
    meta = {"url": item.url, "outlet": item.outlet, "published": item.published}
    if item.text is not None:
        return read_article(text=item.text, **meta)
    return read_article(item.path, **meta)


def _serve_cached(
    item: InputItem,
    ctx: _Context,
    article: Article,
    key: str,
    stem: str,
    previous: ItemState | None,
) -> ItemResult | None:
    """Zero calls: the item is already done here, or its brief is in the cache."""
    expected = [str(ctx.out_dir / f"{stem}.json"), str(ctx.out_dir / f"{stem}.md")]
    if _finished_here(previous, key, expected):
        _record_cached(ctx, article, key)
        return ItemResult(key=item.key, label=item.label, status="cached", outputs=expected)
    brief = ctx.store.get_cached(key)
    if brief is None:
        return None
    brief.run.cached = True
    outputs = write_outputs(ctx.out_dir, stem, brief)
    with ctx.store.transaction():
        _record_cached(ctx, article, key)
        _mark(ctx, item, _cached_status(previous, key), article, key, outputs=outputs)
    return ItemResult(
        key=item.key,
        label=item.label,
        status="cached",
        outputs=outputs,
        index_lines=index_lines(item.label, outputs[0], brief),
    )


def _finished_here(previous: ItemState | None, key: str, expected: list[str]) -> bool:
    """Done or cached by an earlier run of this batch, with its output files in place."""
    return (
        previous is not None
        and previous.cache_key == key
        and previous.status in ("done", "cached")
        and previous.outputs == expected
        and all(Path(p).exists() for p in expected)
    )


def _cached_status(previous: ItemState | None, key: str) -> Literal["done", "cached"]:
    """State of an item served from the cache: ``done`` when this batch paid for the result
    (done before, or in flight when a run was killed after caching it), else ``cached``."""
    if (
        previous is not None
        and previous.cache_key == key
        and previous.status in ("done", "pending")
    ):
        return "done"
    return "cached"


def _record_cached(ctx: _Context, article: Article, key: str) -> None:
    ctx.store.record_call(
        run_id=ctx.run_id,
        article_sha256=article.sha256,
        cache_key=key,
        prompt_versions={},
        model=ctx.client.model,
        provider=ctx.client.provider,
        outcome="cached",
    )


def _kept_failure(item: InputItem, previous: ItemState) -> ItemResult:
    reason, _, error = (previous.error or "error: failed").partition(": ")
    return ItemResult(
        key=item.key,
        label=item.label,
        status="failed",
        error=error + " (failed in an earlier run; not retried without --retry-failed)",
        reason=reason,
    )


def _summarize_item(
    item: InputItem,
    ctx: _Context,
    article: Article,
    key: str,
    stem: str,
    previous: ItemState | None,
) -> ItemResult:
    before = previous.attempts if previous is not None else 0
    tally = ItemResult(key=item.key, label=item.label, status="pending")
    try:
        brief, latency = _summarize_with_retries(item, ctx, article, key, tally)
    except ProviderError as exc:
        return _fail(
            item, ctx, exc.message, _reason(exc), before + tally.attempts, tally, key, article
        )
    try:
        outputs = write_outputs(ctx.out_dir, stem, brief)
    except Exception:
        with ctx.store.transaction():  # the paid-for result is kept (a re-run serves it)
            _record_result(ctx, article, key, tally.attempts, brief, latency)
        raise
    # one transaction: the result, its call row and the item's state land together
    with ctx.store.transaction():
        _record_result(ctx, article, key, tally.attempts, brief, latency)
        _mark(ctx, item, "done", article, key, attempts=before + tally.attempts, outputs=outputs)
    tally.status = "done"
    tally.outputs = outputs
    tally.index_lines = index_lines(item.label, outputs[0], brief)
    return tally


def _record_result(
    ctx: _Context, article: Article, key: str, attempt: int, brief: ArticleBrief, latency: float
) -> None:
    """The paid-for result in the cache and its row in ``calls`` (inside a transaction)."""
    ctx.store.put_result(key, brief)
    _record_attempt(ctx, article, key, attempt, brief=brief, latency=latency)


def _summarize_with_retries(
    item: InputItem, ctx: _Context, article: Article, key: str, tally: ItemResult
) -> tuple[ArticleBrief, float]:
    """Whole-item attempts under tenacity; each attempt is one row in ``calls`` (a failed one
    recorded here, the successful one with its result): the brief and its latency."""
    retrying = Retrying(
        stop=stop_after_attempt(ITEM_ATTEMPTS),
        wait=ITEM_RETRY_WAIT,
        retry=retry_if_exception(is_transient),
        reraise=True,
        before_sleep=_log_retry(item.label),
    )
    for attempt in retrying:
        with attempt:
            tally.attempts += 1
            return _attempt(ctx, article, key, tally)
    raise AssertionError("unreachable: tenacity re-raises the last error")


def _attempt(
    ctx: _Context, article: Article, key: str, tally: ItemResult
) -> tuple[ArticleBrief, float]:
    started = time.perf_counter()
    try:
        brief = pipeline.summarize(article, ctx.client, ctx.settings, finisher=ctx.cpu)
    except ProviderError as exc:
        tally.requests += exc.attempts
        tally.tokens_in += exc.tokens_in
        tally.tokens_out += exc.tokens_out
        latency = time.perf_counter() - started
        _record_attempt(ctx, article, key, tally.attempts, exc=exc, latency=latency)
        raise
    tally.requests += brief.run.calls
    tally.tokens_in += brief.run.tokens_in
    tally.tokens_out += brief.run.tokens_out
    return brief, time.perf_counter() - started


def _record_attempt(
    ctx: _Context,
    article: Article,
    key: str,
    attempt: int,
    *,
    latency: float,
    brief: ArticleBrief | None = None,
    exc: ProviderError | None = None,
) -> None:
    """One row in ``calls`` for one attempt: what it cost and how it ended."""
    run = brief.run if brief is not None else None
    ctx.store.record_call(
        run_id=ctx.run_id,
        article_sha256=article.sha256,
        cache_key=key,
        prompt_versions=run.prompt_versions if run is not None else {},
        model=ctx.client.model,
        provider=ctx.client.provider,
        outcome="ok" if exc is None else "error",
        attempt=attempt,
        requests=run.calls if run is not None else (exc.attempts if exc else 0),
        tokens_in=run.tokens_in if run is not None else (exc.tokens_in if exc else 0),
        tokens_out=run.tokens_out if run is not None else (exc.tokens_out if exc else 0),
        latency_s=round(latency, 4),
        error=exc.message if exc is not None else None,
    )


def is_transient(exc: BaseException) -> bool:
    """A provider failure worth one more whole-item attempt (see the module docstring)."""
    if not isinstance(exc, ProviderError) or isinstance(exc, ExtractionError):
        return False
    flag = getattr(exc, "transient", None)
    if isinstance(flag, bool):
        return flag
    status = getattr(exc.original, "status_code", None)
    if isinstance(status, int):
        return status in (408, 409, 429) or status >= 500
    return exc.original is not None and _is_connection_error(exc.original)


def _is_connection_error(exc: BaseException) -> bool:
    if isinstance(exc, (TimeoutError, ConnectionError)):
        return True
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(
        names & {"APIConnectionError", "APITimeoutError", "TimeoutException", "TransportError"}
    )


def _log_retry(label: str) -> Callable[[RetryCallState], None]:
    def before_sleep(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        log.warning(
            "%s: attempt %d failed (%s); retrying the whole article once more",
            label,
            state.attempt_number,
            error,
        )

    return before_sleep


def _reason(exc: SummarizerError) -> str:
    if isinstance(exc, InputError):
        return exc.reason or "input"
    if isinstance(exc, ExtractionError):
        return "invalid_output"
    if isinstance(exc, ProviderError):
        return "provider"
    return type(exc).__name__


def _fail(
    item: InputItem,
    ctx: _Context,
    error: str,
    reason: str,
    attempts: int | None,
    tally: ItemResult | None = None,
    key: str | None = None,
    article: Article | None = None,
) -> ItemResult:
    _mark(ctx, item, "failed", article, key, error=f"{reason}: {error}", attempts=attempts)
    result = tally or ItemResult(key=item.key, label=item.label, status="failed")
    result.status = "failed"
    result.error = error
    result.reason = reason
    return result


# ---- outputs --------------------------------------------------------------------------------


def output_stem(item: InputItem, article: Article) -> str:
    """``<stem>-<sha8>``: the input's name (or URL's last part) plus the article hash."""
    if item.path is not None:
        base = item.path.stem
    elif item.url:
        base = item.url.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
        base = base.rsplit(".", 1)[0] if "." in base else base
    else:
        base = item.outlet or "article"
    base = re.sub(r"[^\w.-]+", "-", base, flags=re.ASCII).strip("-.")[:60] or "article"
    return f"{base}-{article.sha256[:8]}"


_O_BINARY: int = getattr(os, "O_BINARY", 0)  # Windows: no CRLF translation by the C runtime


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temp file beside ``path``, then rename it over ``path``.

    The bytes a text stream (``_atomic_file``) would write, in four system calls (open,
    write, close, rename) rather than its eight or so (it also stats the file, asks whether
    it is a terminal and seeks): in a batch, each call can hand the GIL to another worker.
    """
    data = (text if os.linesep == "\n" else text.replace("\n", os.linesep)).encode("utf-8")
    with _replacing(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _O_BINARY, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)


@contextmanager
def _atomic_file(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` when the block ends without error."""
    with _replacing(path) as tmp, open(tmp, "w", encoding="utf-8", newline=newline) as handle:
        yield handle


@contextmanager
def _replacing(path: Path) -> Iterator[str]:
    """The temp file to write ``path``'s new content to: renamed over ``path`` when the block
    ends, removed (and ``path`` left as it was) when it fails."""
    tmp = _temp_path(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _temp_path(path: Path) -> str:
    # one writer per thread at a time, so pid + thread id make the name unique (and cheap)
    folder, name = os.path.split(path)
    temp = f"{TMP_PREFIX}{name}.{os.getpid()}-{threading.get_ident()}{TMP_SUFFIX}"
    return os.path.join(folder, temp)


def remove_stale_temp_files(out_dir: Path) -> int:
    """Remove temp files a killed run left behind; return how many."""
    removed = 0
    for stale in out_dir.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"):
        with suppress(OSError):
            stale.unlink()
            removed += 1
    return removed


def write_outputs(out_dir: Path, stem: str, brief: ArticleBrief) -> list[str]:
    json_path = out_dir / f"{stem}.json"
    md_path = out_dir / f"{stem}.md"
    write_atomic(json_path, brief.model_dump_json(indent=2) + "\n")
    write_atomic(md_path, brief_markdown(brief))
    return [str(json_path), str(md_path)]


def _load_brief(outputs: Sequence[str]) -> ArticleBrief | None:
    json_files = [p for p in outputs if p.endswith(".json")]
    if not json_files or not Path(json_files[0]).exists():
        return None
    return ArticleBrief.model_validate_json(Path(json_files[0]).read_text(encoding="utf-8"))


def index_rows(label: str, json_file: str, brief: ArticleBrief) -> Iterator[dict[str, Any]]:
    """One row per meeting of one article."""
    for meeting in brief.meetings:
        heads = [
            f"{d.head.name} ({d.party})" if d.party else d.head.name for d in meeting.delegations
        ]
        yield {
            "article": label,
            "file": Path(json_file).name,
            "meeting_id": meeting.id,
            "status": meeting.status,
            "primary": meeting.primary,
            "kind": meeting.kind,
            "series": meeting.series,
            "round": meeting.round,
            "date": meeting.date.value or meeting.date.text,
            "city": meeting.location.city,
            "country": meeting.location.country,
            "parties": "; ".join(p.code or p.name for p in meeting.parties),
            "heads": "; ".join(heads),
        }


def index_line(row: dict[str, Any]) -> str:
    """One row as index.jsonl writes it."""
    return json.dumps(row, ensure_ascii=False)


def index_lines(label: str, json_file: str, brief: ArticleBrief) -> list[str]:
    """The index.jsonl lines of one article (one per meeting)."""
    return [index_line(row) for row in index_rows(label, json_file, brief)]


def _item_rows(item: ItemResult) -> Iterator[dict[str, Any]]:
    """The index rows of one finished item: from the lines kept when this run had its brief,
    else read back from its JSON file (none if that file is gone)."""
    if item.index_lines is not None:
        yield from (json.loads(line) for line in item.index_lines)
        return
    brief = _load_brief(item.outputs)
    if brief is not None:
        json_file = next(p for p in item.outputs if p.endswith(".json"))
        yield from index_rows(item.label, json_file, brief)


def _all_rows(results: Iterable[ItemResult]) -> Iterator[dict[str, Any]]:
    """Rows of every finished item, each (file, meeting) once, in input order."""
    seen: set[tuple[str, str]] = set()
    for item in results:
        if item.status not in ("done", "cached"):
            continue
        for row in _item_rows(item):
            ident = (row["file"], row["meeting_id"])
            if ident not in seen:
                seen.add(ident)
                yield row


def write_index(out_dir: Path, results: Sequence[ItemResult]) -> int:
    """Rebuild index.jsonl and index.csv from every item's output; return the row count."""
    count = 0
    with (
        _atomic_file(out_dir / "index.jsonl") as jsonl,
        _atomic_file(out_dir / "index.csv", newline="") as csv_file,
    ):
        writer = csv.DictWriter(csv_file, fieldnames=INDEX_FIELDS)
        writer.writeheader()
        for row in _all_rows(results):
            jsonl.write(index_line(row) + "\n")
            writer.writerow(row)
            count += 1
    return count


def write_summary(
    out_dir: Path,
    store: Store,
    batch_id: str,
    results: Sequence[ItemResult],
    result: BatchResult,
) -> None:
    """summary.json: the state of the whole batch (every run) plus this run's counts."""
    states = store.items(batch_id)
    totals = store.batch_totals(batch_id)
    statuses = [states[r.key].status if r.key in states else r.status for r in results]
    summary = {
        "batch_id": batch_id,
        "articles": len(results),
        "done": statuses.count("done"),
        "cached": statuses.count("cached"),
        "failed": statuses.count("failed"),
        "pending": statuses.count("pending"),
        "meetings": result.meetings,
        "calls": totals.calls,
        "requests": totals.requests,
        "tokens_in": totals.tokens_in,
        "tokens_out": totals.tokens_out,
        "wall_seconds": round(totals.wall_seconds + result.wall_seconds, 3),
        "runs": totals.runs,
        "this_run": result.counts(),
        "failures": [asdict(f) for f in result.failures],
        "items": [
            {"article": r.label, "status": s, "outputs": [Path(p).name for p in r.outputs]}
            for r, s in zip(results, statuses, strict=True)
        ],
    }
    write_atomic(out_dir / "summary.json", json.dumps(summary, indent=2, ensure_ascii=False))


def write_comparison(out_dir: Path, results: Sequence[ItemResult]) -> bool:
    """comparison.json / .md over every brief, when compare.py is available."""
    # TODO(lead): import these at the top once compare.py / render_compare.py are final.
    try:
        from .compare import compare_briefs
        from .render_compare import comparison_markdown
    except ImportError:
        return False
    briefs: list[ArticleBrief] = []
    ids: list[str] = []
    for item in results:
        brief = _load_brief(item.outputs) if item.status in ("done", "cached") else None
        if brief is not None:
            briefs.append(brief)
            ids.append(Path(item.outputs[0]).stem)
    if len(briefs) < 2:
        return False
    summary = compare_briefs(briefs, ids)
    write_atomic(out_dir / "comparison.json", summary.model_dump_json(indent=2) + "\n")
    write_atomic(out_dir / "comparison.md", comparison_markdown(summary))
    return True


# ---- report -------------------------------------------------------------------------------


def print_closing_table(console: Console, result: BatchResult) -> None:
    table = Table(title="batch", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("articles", result.articles),
        ("done (model)", result.done),
        ("cached", result.cached),
        ("failed", result.failed),
        ("meetings found", result.meetings),
        ("calls (HTTP requests)", f"{result.calls} ({result.requests})"),
        ("tokens in / out", f"{result.tokens_in} / {result.tokens_out}"),
        ("wall time", f"{result.wall_seconds:.1f} s"),
    ]
    if result.pending:
        rows.insert(4, ("not processed", result.pending))
    for name, value in rows:
        table.add_row(name, str(value))
    console.print(table)
    for failure in result.failures[:10]:
        console.print(f"[red]failed[/red] {failure.article}: {failure.reason}: {failure.error}")
    if len(result.failures) > 10:
        console.print(f"... and {len(result.failures) - 10} more (see summary.json)")
