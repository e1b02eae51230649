"""The SQLite store: migrations, calls, the result cache, runs and batch items."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from summarizer import store as store_module
from summarizer.records import ArticleBrief, RunInfo, SourceInfo
from summarizer.store import MIGRATIONS, Store, default_store_path


def make_brief(sha: str = "a" * 64, headline: str = "Talks held") -> ArticleBrief:
    return ArticleBrief(
        source=SourceInfo(path="a.txt", sha256=sha, chars=120),
        headline=headline,
        summary="Two delegations met.",
        run=RunInfo(
            model="m1", provider="openai-compatible", prompt_versions={"extract": "v1"}, calls=1
        ),
    )


def call(store: Store, **changes: object) -> int:
    values: dict[str, object] = {
        "article_sha256": "a" * 64,
        "cache_key": "k1",
        "prompt_versions": {"extract": "v1"},
        "model": "m1",
        "provider": "openai-compatible",
        "outcome": "ok",
        "requests": 1,
        "tokens_in": 100,
        "tokens_out": 20,
    }
    values.update(changes)
    return store.record_call(**values)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "sub" / "s.db")


def test_creates_file_in_wal_mode_with_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "s.db"
    with Store(path) as st:
        assert st.migrations() == sorted(m.__name__ for m in MIGRATIONS)
    assert path.exists()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"calls", "results", "runs", "items", "_migrations"} <= tables


def test_reopening_applies_nothing_twice_and_new_migrations_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.db"
    Store(path).close()

    def m999_extra(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE extra (x INTEGER)")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*MIGRATIONS, m999_extra])
    st = Store(path)
    assert st.migrate() == []  # already applied by the constructor
    assert "m999_extra" in st.migrations()
    st.close()
    again = Store(path)
    assert again.migrations().count("m999_extra") == 1


def test_cache_round_trip_and_replace(store: Store) -> None:
    assert store.get_cached("k1") is None
    store.put_result("k1", make_brief(headline="first"))
    cached = store.get_cached("k1")
    assert cached is not None
    assert cached.headline == "first"
    assert cached.run.prompt_versions == {"extract": "v1"}
    store.put_result("k1", make_brief(headline="second"))
    again = store.get_cached("k1")
    assert again is not None and again.headline == "second"


def test_token_totals_per_model_ignore_cached_rows(store: Store) -> None:
    call(store)
    call(store, outcome="error", error="boom", requests=3, tokens_in=50, tokens_out=0)
    call(store, model="m2", tokens_in=7, tokens_out=3)
    call(store, outcome="cached", requests=0, tokens_in=999, tokens_out=999)
    totals = {t.model: t for t in store.token_totals()}
    assert totals["m1"].calls == 2
    assert totals["m1"].requests == 4
    assert (totals["m1"].tokens_in, totals["m1"].tokens_out) == (150, 20)
    assert (totals["m2"].tokens_in, totals["m2"].tokens_out) == (7, 3)
    assert store.count_calls(outcomes=("cached",)) == 1


def test_outcome_is_checked(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        call(store, outcome="maybe")


def test_runs_are_recorded_and_listed_newest_first(store: Store) -> None:
    first = store.start_run(["summarizer", "batch", "a"], batch_id="b1", out_dir="/tmp/o")
    second = store.start_run(["summarizer", "batch", "b"], batch_id="b2")
    store.finish_run(first, status="ok", counts={"done": 3})
    runs = store.recent_runs(5)
    assert [r.run_id for r in runs] == [second, first]
    assert runs[1].command == ["summarizer", "batch", "a"]
    assert runs[1].counts == {"done": 3}
    assert runs[1].status == "ok" and runs[1].finished is not None
    assert runs[0].status == "running" and runs[0].finished is None
    assert len(store.recent_runs(1)) == 1


def test_mark_item_upserts_and_keeps_unset_fields(store: Store) -> None:
    store.mark_item(
        "b1", "/a.txt", status="pending", path="a.txt", article_sha256="s", cache_key="k"
    )
    store.mark_item("b1", "/a.txt", status="failed", error="provider: boom", attempts=2)
    state = store.items("b1")["/a.txt"]
    assert (state.status, state.error, state.attempts) == ("failed", "provider: boom", 2)
    assert (state.path, state.cache_key) == ("a.txt", "k")  # kept from the first mark
    store.mark_item("b1", "/a.txt", status="done", outputs=["o.json", "o.md"])
    state = store.items("b1")["/a.txt"]
    assert state.status == "done"
    assert state.error is None  # cleared once the item succeeds
    assert state.attempts == 2
    assert state.outputs == ["o.json", "o.md"]
    assert store.items("other") == {}


def test_failed_items_only_lists_failures_of_that_batch(store: Store) -> None:
    store.mark_item("b1", "x", status="failed", error="e1")
    store.mark_item("b1", "y", status="done")
    store.mark_item("b2", "z", status="failed", error="e2")
    assert [s.item_key for s in store.failed_items("b1")] == ["x"]


def test_failures_merge_calls_and_items_newest_first(store: Store) -> None:
    call(store, outcome="error", error="HTTP 500")
    store.mark_item("b1", "x", status="failed", path="x.txt", error="binary: not text")
    failures = store.failures(10)
    assert [(f.kind, f.error) for f in failures] == [
        ("item", "binary: not text"),
        ("call", "HTTP 500"),
    ]
    assert failures[0].subject == "x.txt"
    assert len(store.failures(1)) == 1


def test_batch_totals_count_only_that_batch(store: Store) -> None:
    run = store.start_run(["x"], batch_id="b1")
    other = store.start_run(["y"], batch_id="b2")
    call(store, run_id=run, requests=2)
    call(store, run_id=run, outcome="cached", requests=0)
    call(store, run_id=other, tokens_in=1000)
    store.finish_run(run, status="ok", counts={})
    totals = store.batch_totals("b1")
    assert (totals.runs, totals.calls, totals.requests) == (1, 1, 2)
    assert totals.tokens_in == 100
    assert totals.wall_seconds >= 0.0


def test_transaction_rolls_back_every_write_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.put_result("k9", make_brief())
        call(store, cache_key="k9")
        raise RuntimeError("killed between writes")
    assert store.get_cached("k9") is None
    assert store.count_calls() == 0


def test_concurrent_writers_from_threads(store: Store) -> None:
    def worker(n: int) -> None:
        for i in range(25):
            call(store, cache_key=f"k{n}-{i}")
            store.mark_item("b", f"{n}-{i}", status="done")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count_calls() == 200
    assert len(store.items("b")) == 200


def test_two_connections_see_each_other(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as a, Store(path) as b:
        a.put_result("shared", make_brief())
        assert b.get_cached("shared") is not None


def test_default_path_env_override(tmp_path: Path) -> None:
    assert default_store_path({"SUMMARIZER_STORE": str(tmp_path / "x.db")}) == tmp_path / "x.db"
    default = default_store_path({})
    assert default.name == "summarizer.db"
    assert "summarizer" in str(default.parent)
