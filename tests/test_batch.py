"""Batch briefs through the REAL client path against a fault-injecting server on 127.0.0.1."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fault_server import Faults, FaultServer, article_of, meeting_respond, synthetic_article
from tenacity import wait_none

from summarizer import batch as batch_module
from summarizer.batch import (
    BatchResult,
    batch_id_for,
    expand_inputs,
    is_transient,
    remove_stale_temp_files,
    run_batch,
    write_atomic,
)
from summarizer.config import Settings
from summarizer.errors import ExtractionError, ProviderError
from summarizer.records import ArticleBrief, ComparativeSummary
from summarizer.store import Store
from summarizer.testing import FakeClient

REPO = Path(__file__).resolve().parent.parent


# ---- helpers ----------------------------------------------------------------------------------


def write_articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"report-{i:03d}.txt"
        path.write_text(synthetic_article(i), encoding="utf-8")
        paths.append(path)
    return paths


def settings_for(server: FaultServer, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "provider": "openai-compatible",
        "base_url": server.url,
        "api_key": "test",
        "model": "fault-model",
        "timeout": 3.0,
        "transport_retries": 2,
        "validation_retries": 1,
    }
    values.update(changes)
    return Settings(**values)


def batch(
    server: FaultServer, inputs: list[Path], out: Path, store: Store, **kwargs: Any
) -> BatchResult:
    settings = kwargs.pop("settings", None) or settings_for(server)
    kwargs.setdefault("concurrency", 4)
    kwargs.setdefault("compare", False)
    return run_batch([str(p) for p in inputs], out, settings, store=store, progress=False, **kwargs)


def query(store_path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(store_path)
    try:
        return list(db.execute(sql, params).fetchall())
    finally:
        db.close()


def ok_calls_per_article(store_path: Path) -> dict[str, int]:
    rows = query(
        store_path,
        "SELECT article_sha256, COUNT(*) FROM calls WHERE outcome = 'ok' GROUP BY 1",
    )
    return dict(rows)


def assert_complete_files(out: Path) -> None:
    """No temp file left, every JSON parses, index lines parse and are unique per meeting."""
    assert not list(out.glob("*.tmp")), "a temp file was left behind"
    for path in out.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name not in ("summary.json", "comparison.json"):
            ArticleBrief.model_validate(data)
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    idents = [(r["file"], r["meeting_id"]) for r in rows]
    assert len(idents) == len(set(idents)), "duplicate index rows"


def summary_of(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(autouse=True)
def no_item_retry_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_module, "ITEM_RETRY_WAIT", wait_none())


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(respond=meeting_respond) as running:
        yield running


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.db") as opened:
        yield opened


# ---- inputs -----------------------------------------------------------------------------------


def test_expand_inputs_files_folders_globs_and_jsonl(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "deep").mkdir(parents=True)
    for name in ("b.txt", "a.md", "deep/c.html", "deep/d.htm", "skip.pdf", ".hidden.txt"):
        (folder / name).write_text("x")
    lone = tmp_path / "lone.txt"
    lone.write_text("y")
    listing = tmp_path / "list.jsonl"
    listing.write_text(
        "\n".join(
            [
                json.dumps({"path": "lone.txt", "outlet": "Dawn", "published": "2024-03-02"}),
                json.dumps({"text": "An article given inline.", "url": "https://x.org/a/story"}),
                "{not json",
                json.dumps({"url": "https://x.org/no-body"}),
                "",
            ]
        )
    )
    items = expand_inputs([str(folder), str(tmp_path / "*.txt"), str(listing)])
    labels = [Path(i.label).name if i.path else i.label for i in items]
    assert labels[:4] == ["a.md", "b.txt", "c.html", "d.htm"]  # sorted, recursive, filtered
    assert labels[4] == "lone.txt"
    # the .jsonl path entry points at the same file: kept once, first occurrence wins
    assert sum(1 for i in items if i.path == lone or i.path == tmp_path / "lone.txt") == 1
    inline = next(i for i in items if i.text is not None)
    assert inline.url == "https://x.org/a/story" and inline.key.startswith("sha256:")
    bad = [i for i in items if i.error]
    assert [b.label.rsplit(":", 1)[1] for b in bad] == ["3", "4"]
    assert "not JSON" in (bad[0].error or "") and "path" in (bad[1].error or "")


def test_batch_id_follows_inputs_out_dir_and_settings(tmp_path: Path) -> None:
    items = expand_inputs([str(p) for p in write_articles(tmp_path / "in", 3)])
    settings = Settings(provider="openai-compatible", base_url="http://a", model="m")
    same = batch_id_for(list(reversed(items)), tmp_path / "out", settings)
    assert batch_id_for(items, tmp_path / "out", settings) == same
    assert batch_id_for(items, tmp_path / "other", settings) != same
    assert batch_id_for(items[:2], tmp_path / "out", settings) != same
    assert batch_id_for(items, tmp_path / "out", settings.with_(model="m2")) != same
    # the server's address does not change what the batch produces
    assert batch_id_for(items, tmp_path / "out", settings.with_(base_url="http://b")) == same


def test_local_provider_starts_one_endpoint_for_the_whole_batch(
    tmp_path: Path, server: FaultServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer import local_model

    started: list[Settings] = []

    @contextmanager
    def fake_endpoint(settings: Settings) -> Iterator[tuple[str, None]]:
        started.append(settings)
        yield server.url, None

    monkeypatch.setattr(local_model, "local_endpoint", fake_endpoint)
    write_articles(tmp_path / "in", 3)
    settings = settings_for(server, provider="local", base_url=None)
    result = batch(server, [tmp_path / "in"], tmp_path / "out", store, settings=settings)
    assert result.done == 3 and len(started) == 1
    assert server.requests == 3
    assert {row[0] for row in query(store.path, "SELECT provider FROM calls")} == {"local"}


def test_quiet_prints_nothing(
    tmp_path: Path, server: FaultServer, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "in", 1)
    batch(server, [tmp_path / "in"], tmp_path / "out", store, quiet=True)
    assert capsys.readouterr().err == ""
    batch(server, [tmp_path / "in"], tmp_path / "out", store)
    assert "articles" in capsys.readouterr().err


# ---- outputs ----------------------------------------------------------------------------------


def test_batch_writes_briefs_index_and_summary(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    paths = write_articles(tmp_path / "in", 5)
    out = tmp_path / "out"
    result = batch(server, [tmp_path / "in"], out, store, concurrency=3)
    assert (result.articles, result.done, result.cached, result.failed) == (5, 5, 0, 0)
    assert result.calls == 5 and result.requests == server.requests == 5
    assert result.tokens_in > 0 and result.tokens_out > 0
    for path in paths:
        briefs = list(out.glob(f"{path.stem}-*.json"))
        assert len(briefs) == 1
        brief = ArticleBrief.model_validate_json(briefs[0].read_text())
        assert briefs[0].stem == f"{path.stem}-{brief.source.sha256[:8]}"
        assert briefs[0].with_suffix(".md").read_text().strip()
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert len(rows) == 5 == result.meetings
    assert sorted(r["round"] for r in rows) == [1, 2, 3, 4, 5]
    assert len({r["meeting_id"] for r in rows}) == 5
    with (out / "index.csv").open(newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert [r["meeting_id"] for r in csv_rows] == [r["meeting_id"] for r in rows]
    assert set(csv_rows[0]) == set(batch_module.INDEX_FIELDS)
    summary = summary_of(out)
    assert (summary["articles"], summary["done"], summary["failed"]) == (5, 5, 0)
    assert summary["meetings"] == 5 and summary["calls"] == 5
    assert summary["tokens_in"] == result.tokens_in
    assert_complete_files(out)
    assert ok_calls_per_article(store.path) == {
        ArticleBrief.model_validate_json(p.read_text()).source.sha256: 1
        for p in out.glob("report-*.json")
    }


def test_unreadable_inputs_fail_with_reason_and_the_batch_goes_on(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    good = write_articles(tmp_path / "in", 2)
    binary = tmp_path / "in" / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("   \n")
    listing = tmp_path / "list.jsonl"
    listing.write_text("{oops\n")
    missing = tmp_path / "nowhere.txt"
    result = batch(server, [*good, binary, empty, missing, listing], tmp_path / "out", store)
    assert (result.done, result.failed) == (2, 4)
    reasons = {Path(f.article).name: f.reason for f in result.failures}
    assert reasons == {
        "scan.txt": "binary",
        "empty.txt": "empty",
        "nowhere.txt": "missing",
        "list.jsonl:1": "bad_line",
    }
    assert server.requests == 2  # nothing unreadable reached the model
    summary = summary_of(tmp_path / "out")
    assert summary["failed"] == 4
    assert all(f["reason"] and f["error"] for f in summary["failures"])


def test_same_article_under_two_names_is_summarized_once(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    (first,) = write_articles(tmp_path / "in", 1)
    copy = tmp_path / "in" / "copy-of-report.txt"
    copy.write_bytes(first.read_bytes())
    result = batch(server, [first, copy], tmp_path / "out", store, concurrency=2)
    assert (result.done, result.cached) == (1, 1)
    assert server.requests == 1
    assert len(list((tmp_path / "out").glob("*.json"))) == 3  # two briefs + summary


def test_comparison_written_over_every_brief(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    write_articles(tmp_path / "in", 3)
    out = tmp_path / "out"
    batch(server, [tmp_path / "in"], out, store, compare=True)
    summary = ComparativeSummary.model_validate_json((out / "comparison.json").read_text())
    assert len(summary.articles) == 3
    assert {a.id for a in summary.articles} == {p.stem for p in out.glob("report-*.json")}
    assert (out / "comparison.md").read_text().strip()


def test_write_atomic_leaves_no_temp_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    write_atomic(target, "old")
    with pytest.raises(RuntimeError), batch_module._atomic_file(target) as handle:
        handle.write("half")
        raise RuntimeError("killed mid-write")
    assert target.read_text() == "old"
    assert not list(tmp_path.glob("*.tmp"))
    (tmp_path / ".summarizer-y.json.abc.tmp").write_text("stale")
    assert remove_stale_temp_files(tmp_path) == 1


def test_write_atomic_writes_what_a_text_stream_writes(tmp_path: Path) -> None:
    text = "Brief — résumé, 北京\nsecond line\n"
    write_atomic(tmp_path / "fast.md", text)
    with batch_module._atomic_file(tmp_path / "stream.md") as handle:
        handle.write(text)
    assert (tmp_path / "fast.md").read_bytes() == (tmp_path / "stream.md").read_bytes()
    assert (tmp_path / "fast.md").read_text(encoding="utf-8") == text
    assert not list(tmp_path.glob("*.tmp"))


def test_write_atomic_keeps_the_old_file_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.json"
    write_atomic(target, "old")

    def disk_full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(OSError):
        patch.setattr(batch_module.os, "write", disk_full)
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert not list(tmp_path.glob("*.tmp"))


# ---- cache, failures, retry_failed ------------------------------------------------------------


def test_identical_rerun_makes_zero_model_calls(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    write_articles(tmp_path / "in", 6)
    out = tmp_path / "out"
    first = batch(server, [tmp_path / "in"], out, store)
    assert first.done == 6
    requests = server.requests
    paid = store.count_calls(outcomes=("ok", "error"))
    index = (out / "index.jsonl").read_text()
    second = batch(server, [tmp_path / "in"], out, store)
    assert (second.done, second.cached, second.calls, second.tokens_in) == (0, 6, 0, 0)
    assert server.requests == requests
    assert store.count_calls(outcomes=("ok", "error")) == paid
    assert store.count_calls(outcomes=("cached",)) == 6
    assert (out / "index.jsonl").read_text() == index
    summary = summary_of(out)
    assert summary["done"] == 6 and summary["runs"] == 2  # still done by the first run
    assert summary["this_run"]["cached"] == 6


def test_cache_is_shared_across_batches(tmp_path: Path, server: FaultServer, store: Store) -> None:
    write_articles(tmp_path / "in", 3)
    batch(server, [tmp_path / "in"], tmp_path / "out1", store)
    requests = server.requests
    other = batch(server, [tmp_path / "in"], tmp_path / "out2", store)
    assert (other.cached, other.done) == (3, 0)
    assert server.requests == requests
    assert len(list((tmp_path / "out2").glob("report-*.json"))) == 3
    assert summary_of(tmp_path / "out2")["cached"] == 3


def test_failures_are_kept_and_retry_failed_redoes_only_them(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    write_articles(tmp_path / "in", 6)
    out = tmp_path / "out"
    broken = {"(Report number 1.)", "(Report number 4.)"}

    def flaky(request: dict[str, Any]) -> dict[str, Any]:
        if any(mark in article_of(request) for mark in broken):
            return {"headline": 5, "summary": None, "meetings": "none"}
        return meeting_respond(request)

    server.respond = flaky
    first = batch(server, [tmp_path / "in"], out, store)
    assert (first.done, first.failed) == (4, 2)
    assert {f.reason for f in first.failures} == {"invalid_output"}
    # invalid output is re-asked by the client (1 + validation_retries), never by the batch
    assert server.requests == 4 + 2 * 2

    server.respond = meeting_respond
    requests = server.requests
    plain = batch(server, [tmp_path / "in"], out, store)
    assert (plain.cached, plain.failed, plain.calls) == (4, 2, 0)
    assert server.requests == requests
    assert all("retry-failed" in f.error for f in plain.failures)

    retried = batch(server, [tmp_path / "in"], out, store, retry_failed=True)
    assert (retried.done, retried.cached, retried.failed) == (2, 4, 0)
    assert server.requests == requests + 2
    assert set(ok_calls_per_article(store.path).values()) == {1}
    assert len(ok_calls_per_article(store.path)) == 6
    assert summary_of(out)["failed"] == 0 and summary_of(out)["meetings"] == 6
    assert_complete_files(out)


def test_a_failed_output_write_keeps_the_paid_for_result(
    tmp_path: Path, server: FaultServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_articles(tmp_path / "in", 3)
    out = tmp_path / "out"
    real = batch_module.write_outputs

    def disk_full(out_dir: Path, stem: str, brief: ArticleBrief) -> list[str]:
        if stem.startswith("report-001-"):
            raise OSError(28, "No space left on device")
        return real(out_dir, stem, brief)

    with monkeypatch.context() as patch:
        patch.setattr(batch_module, "write_outputs", disk_full)
        first = batch(server, [tmp_path / "in"], out, store)
    assert (first.done, first.failed, server.requests) == (2, 1, 3)
    rows = query(store.path, "SELECT status, article_sha256, cache_key FROM items")
    assert sorted(r[0] for r in rows) == ["done", "done", "failed"]
    assert all(sha and key for _, sha, key in rows)  # the failed item's identity is kept
    again = batch(server, [tmp_path / "in"], out, store)  # served from the cache: no call
    assert (again.cached, again.failed, server.requests) == (3, 0, 3)
    assert_complete_files(out)


def test_an_interrupt_in_a_worker_stops_the_batch(tmp_path: Path, store: Store) -> None:
    write_articles(tmp_path / "in", 8)
    client = FakeClient([KeyboardInterrupt()])
    settings = Settings(provider="openai-compatible", base_url="http://unused", api_key="x")
    with pytest.raises(KeyboardInterrupt):
        run_batch(
            [str(tmp_path / "in")],
            tmp_path / "out",
            settings,
            concurrency=3,
            store=store,
            client=client,
            progress=False,
            compare=False,
        )
    (run,) = store.recent_runs()
    assert run.status == "interrupted"
    assert query(store.path, "SELECT COUNT(*) FROM items WHERE status = 'done'") == [(0,)]


def test_retry_failed_processes_nothing_new(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    write_articles(tmp_path / "in", 3)
    result = batch(server, [tmp_path / "in"], tmp_path / "out", store, retry_failed=True)
    assert (result.pending, result.done, server.requests) == (3, 0, 0)


def test_fifty_articles_at_thirty_percent_faults(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    write_articles(tmp_path / "in", 50)
    out = tmp_path / "out"
    server.set_faults(Faults.mixed(0.3, seed=7))
    result = batch(server, [tmp_path / "in"], out, store, concurrency=8)
    assert result.articles == 50
    assert result.done + result.failed == 50
    for kind in ("500", "429", "cut", "invalid"):
        assert server.counts[kind] > 0, f"no {kind} fault was injected"
    summary = summary_of(out)
    assert summary["done"] + summary["failed"] == 50
    assert len(summary["failures"]) == summary["failed"]
    assert all(f["reason"] and f["error"] for f in summary["failures"])
    assert len(list(out.glob("report-*.json"))) == summary["done"]
    assert summary["meetings"] == summary["done"]
    assert_complete_files(out)
    assert set(ok_calls_per_article(store.path).values()) <= {1}
    # the HTTP requests behind every brief (retries included) are accounted for in the store
    clean = query(
        store.path,
        "SELECT article_sha256, SUM(requests) FROM calls GROUP BY 1 "
        "HAVING SUM(outcome = 'error') = 0 AND SUM(outcome = 'ok') = 1",
    )
    assert clean and all(server.by_article[sha] == requests for sha, requests in clean)
    assert summary["requests"] <= server.requests


def test_hang_past_timeout_is_retried_once_as_a_whole_item(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    write_articles(tmp_path / "in", 1)
    server.set_faults(Faults(rate_hang=1.0, hang_seconds=5))
    settings = settings_for(server, timeout=0.3, transport_retries=0)
    result = batch(server, [tmp_path / "in"], tmp_path / "out", store, settings=settings)
    assert (result.failed, result.calls) == (1, batch_module.ITEM_ATTEMPTS)
    assert result.failures[0].reason == "provider"
    attempts = query(store.path, "SELECT attempt, outcome FROM calls ORDER BY id")
    assert attempts == [(n, "error") for n in range(1, batch_module.ITEM_ATTEMPTS + 1)]
    assert server.requests == batch_module.ITEM_ATTEMPTS


def test_transport_retries_are_counted_as_requests(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    write_articles(tmp_path / "in", 1)
    server.set_faults(Faults(script=("500", "cut", None)))
    result = batch(server, [tmp_path / "in"], tmp_path / "out", store)
    assert (result.done, result.calls, result.requests) == (1, 1, 3)
    assert query(store.path, "SELECT attempt, outcome, requests FROM calls") == [(1, "ok", 3)]


def test_requests_behind_invalid_output_are_all_counted(
    tmp_path: Path, server: FaultServer, store: Store
) -> None:
    write_articles(tmp_path / "in", 1)
    server.set_faults(Faults(script=("invalid", "500", "invalid")))
    result = batch(server, [tmp_path / "in"], tmp_path / "out", store)
    assert result.failures[0].reason == "invalid_output"
    assert server.requests == 3
    assert query(store.path, "SELECT requests FROM calls") == [(3,)]


def test_is_transient_only_for_transport_failures() -> None:
    class Status(Exception):
        def __init__(self, code: int) -> None:
            self.status_code = code

    def err(original: BaseException | None) -> ProviderError:
        return ProviderError("x", provider="p", model="m", original=original)

    assert is_transient(err(Status(503)))
    assert is_transient(err(Status(429)))
    assert not is_transient(err(Status(400)))
    assert not is_transient(err(Status(401)))
    assert is_transient(err(TimeoutError()))
    assert not is_transient(err(None))
    assert not is_transient(ExtractionError("x", provider="p", model="m", original=Status(500)))
    assert not is_transient(ValueError("x"))


# ---- resume after kill -9 -----------------------------------------------------------------------

RUNNER = """
import sys
from pathlib import Path
from summarizer.batch import run_batch
from summarizer.config import Settings
from summarizer.store import Store

base_url, folder, out, db = sys.argv[1:5]
settings = Settings(provider="openai-compatible", base_url=base_url, api_key="test",
                    model="fault-model", timeout=10.0, transport_retries=1, validation_retries=1)
with Store(db) as store:
    result = run_batch([folder], Path(out), settings, concurrency=4, store=store,
                       progress=False, compare=False, command=["runner", folder, out])
sys.exit(1 if result.failed else 0)
"""


def done_items(store_path: Path) -> int:
    if not store_path.exists():
        return 0
    try:
        rows = query(store_path, "SELECT COUNT(*) FROM items WHERE status = 'done'")
    except sqlite3.OperationalError:  # tables not created yet
        return 0
    return int(rows[0][0])


def test_resume_after_sigkill_does_every_article_exactly_once(
    tmp_path: Path, server: FaultServer
) -> None:
    n = 24
    write_articles(tmp_path / "in", n)
    out, db = tmp_path / "out", tmp_path / "store.db"
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER)
    server.set_faults(Faults(latency=0.4))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    argv = [sys.executable, str(runner), server.url, str(tmp_path / "in"), str(out), str(db)]

    log = (tmp_path / "first.log").open("w")
    first = subprocess.Popen(argv, env=env, stderr=log, stdout=log)
    deadline = time.monotonic() + 60
    while done_items(db) < 6 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait()
    log.close()
    done_before = done_items(db)
    assert 6 <= done_before < n, (tmp_path / "first.log").read_text()[-2000:]
    requests_before = server.requests

    second = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr[-2000:]
    # finished articles were not redone: at most the in-flight ones were asked twice
    assert server.requests - requests_before <= n - done_before
    assert server.requests <= n + 4
    per_article = ok_calls_per_article(db)
    assert len(per_article) == n and set(per_article.values()) == {1}
    assert_complete_files(out)
    assert len(list(out.glob("report-*.json"))) == n
    assert len(list(out.glob("report-*.md"))) == n
    summary = summary_of(out)
    assert (summary["articles"], summary["done"], summary["failed"]) == (n, n, 0)
    assert summary["meetings"] == n and summary["runs"] == 2
