"""The SQLite store: every model call, the result cache, and the state of batch runs.

One file (WAL mode) shared by every command. One connection per ``Store`` guarded by a lock,
so a ``Store`` can be used from the worker threads of a batch; every write runs in a
transaction, and ``Store.transaction()`` groups several writes into one.

Schema changes are an ordered list of small named functions (``m001_initial``, ...) recorded
in the ``_migrations`` table: never edit a released migration, append a new one.

Tables:
- ``calls``: one row per attempt at an article (``outcome`` ok | error | cached), with the
  number of HTTP requests it made, tokens and latency.
- ``results``: the cache, one brief per cache key (article hash + prompt versions + model +
  settings that change the output).
- ``runs``: one row per invocation of a batch (``batch_id`` groups the runs of the same
  command, so a re-run finds the state of the previous one).
- ``items``: the state of each input of a batch, committed after each item.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from .config import default_data_dir
from .records import ArticleBrief

STORE_ENV = "SUMMARIZER_STORE"
STORE_FILENAME = "summarizer.db"

CallOutcome = Literal["ok", "error", "cached"]
ItemStatus = Literal["pending", "done", "failed", "cached"]
RunStatus = Literal["running", "ok", "failed", "interrupted"]


def default_store_path(env: Mapping[str, str] | None = None) -> Path:
    """``$SUMMARIZER_STORE`` if set, else ``<data dir>/summarizer.db``."""
    env = os.environ if env is None else env
    if env.get(STORE_ENV):
        return Path(env[STORE_ENV])
    return default_data_dir() / STORE_FILENAME


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


# ---- migrations -----------------------------------------------------------------------


def m001_initial(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            run_id TEXT,
            article_sha256 TEXT NOT NULL,
            cache_key TEXT NOT NULL,
            prompt_versions TEXT NOT NULL,
            model TEXT NOT NULL,
            provider TEXT NOT NULL,
            attempt INTEGER NOT NULL DEFAULT 1,
            requests INTEGER NOT NULL DEFAULT 0,
            tokens_in INTEGER NOT NULL DEFAULT 0,
            tokens_out INTEGER NOT NULL DEFAULT 0,
            latency_s REAL NOT NULL DEFAULT 0,
            outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error', 'cached')),
            error TEXT,
            created TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE results (
            cache_key TEXT PRIMARY KEY,
            article_sha256 TEXT NOT NULL,
            model TEXT NOT NULL,
            prompt_versions TEXT NOT NULL,
            brief TEXT NOT NULL,
            created TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            batch_id TEXT,
            command TEXT NOT NULL,
            out_dir TEXT,
            started TEXT NOT NULL,
            finished TEXT,
            status TEXT NOT NULL,
            counts TEXT
        )
        """
    )


def m002_items(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE items (
            batch_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            path TEXT,
            article_sha256 TEXT,
            cache_key TEXT,
            status TEXT NOT NULL
                CHECK (status IN ('pending', 'done', 'failed', 'cached')),
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            outputs TEXT,
            run_id TEXT,
            updated TEXT NOT NULL,
            PRIMARY KEY (batch_id, item_key)
        )
        """
    )


def m003_indexes(db: sqlite3.Connection) -> None:
    db.execute("CREATE INDEX calls_run ON calls (run_id)")
    db.execute("CREATE INDEX calls_cache_key ON calls (cache_key)")
    db.execute("CREATE INDEX calls_created ON calls (created)")
    db.execute("CREATE INDEX runs_batch ON runs (batch_id, started)")
    db.execute("CREATE INDEX items_status ON items (batch_id, status)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    m001_initial,
    m002_items,
    m003_indexes,
]


# ---- rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemState:
    batch_id: str
    item_key: str
    path: str | None
    article_sha256: str | None
    cache_key: str | None
    status: ItemStatus
    error: str | None
    attempts: int
    outputs: list[str]
    run_id: str | None
    updated: str


@dataclass(frozen=True)
class RunRow:
    run_id: str
    batch_id: str | None
    command: list[str]
    out_dir: str | None
    started: str
    finished: str | None
    status: str
    counts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Failure:
    """A failed call (``kind == "call"``) or a batch item that failed (``kind == "item"``)."""

    when: str
    kind: Literal["call", "item"]
    run_id: str | None
    subject: str  # article sha256 for a call, input path or key for an item
    error: str


@dataclass(frozen=True)
class TokenTotal:
    model: str
    provider: str
    calls: int  # attempts at an article that reached the model (ok or error)
    requests: int  # HTTP requests those attempts made (retries and re-asks included)
    tokens_in: int
    tokens_out: int


@dataclass(frozen=True)
class BatchTotals:
    runs: int
    calls: int
    requests: int
    tokens_in: int
    tokens_out: int
    wall_seconds: float


# ---- the store --------------------------------------------------------------------------


class Store:
    """The SQLite store at ``path`` (created, with its folder, on first use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._depth = 0
        self._db = sqlite3.connect(
            str(self.path), check_same_thread=False, isolation_level=None, timeout=30.0
        )
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=30000")
        self.migrate()

    # -- plumbing

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one transaction (nested uses join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._db
                finally:
                    self._depth -= 1
                return
            self._db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")
            finally:
                self._depth = 0

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        applied: list[str] = []
        with self.transaction() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TEXT)"
            )
            done = {row["name"] for row in db.execute("SELECT name FROM _migrations")}
            for migration in MIGRATIONS:
                if migration.__name__ in done:
                    continue
                migration(db)
                db.execute(
                    "INSERT INTO _migrations (name, applied) VALUES (?, ?)",
                    (migration.__name__, utc_now()),
                )
                applied.append(migration.__name__)
        return applied

    def migrations(self) -> list[str]:
        return [row["name"] for row in self._query("SELECT name FROM _migrations ORDER BY name")]

    # -- calls and the cache

    def record_call(
        self,
        *,
        article_sha256: str,
        cache_key: str,
        prompt_versions: Mapping[str, str],
        model: str,
        provider: str,
        outcome: CallOutcome,
        run_id: str | None = None,
        attempt: int = 1,
        requests: int = 0,
        tokens_in: int = 0,
        tokens_out: int = 0,
        latency_s: float = 0.0,
        error: str | None = None,
    ) -> int:
        """Record one attempt at an article; return the row id."""
        with self.transaction() as db:
            cursor = db.execute(
                """
                INSERT INTO calls (run_id, article_sha256, cache_key, prompt_versions, model,
                    provider, attempt, requests, tokens_in, tokens_out, latency_s, outcome,
                    error, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    run_id,
                    article_sha256,
                    cache_key,
                    json.dumps(dict(prompt_versions), sort_keys=True),
                    model,
                    provider,
                    attempt,
                    requests,
                    tokens_in,
                    tokens_out,
                    latency_s,
                    outcome,
                    error,
                    utc_now(),
                ),
            )
            return int(cursor.lastrowid or 0)

    def get_cached(self, cache_key: str) -> ArticleBrief | None:
        rows = self._query("SELECT brief FROM results WHERE cache_key = ?", (cache_key,))
        if not rows:
            return None
        return ArticleBrief.model_validate_json(rows[0]["brief"])

    def put_result(self, cache_key: str, brief: ArticleBrief) -> None:
        """Cache ``brief`` under ``cache_key`` (a later result for the same key replaces it)."""
        with self.transaction() as db:
            db.execute(
                """
                INSERT OR REPLACE INTO results
                    (cache_key, article_sha256, model, prompt_versions, brief, created)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                (
                    cache_key,
                    brief.source.sha256,
                    brief.run.model,
                    json.dumps(brief.run.prompt_versions, sort_keys=True),
                    brief.model_dump_json(),
                    utc_now(),
                ),
            )

    # -- runs

    def start_run(
        self,
        command: Sequence[str],
        *,
        batch_id: str | None = None,
        out_dir: str | Path | None = None,
    ) -> str:
        """Record the start of a run; return its new id."""
        run_id = uuid.uuid4().hex
        with self.transaction() as db:
            db.execute(
                """
                INSERT INTO runs (run_id, batch_id, command, out_dir, started, status)
                VALUES (?, ?, ?, ?, ?, 'running')
                """,
                (run_id, batch_id, json.dumps(list(command)), _opt_str(out_dir), utc_now()),
            )
        return run_id

    def finish_run(self, run_id: str, *, status: RunStatus, counts: Mapping[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET finished = ?, status = ?, counts = ? WHERE run_id = ?",
                (utc_now(), status, json.dumps(dict(counts), sort_keys=True), run_id),
            )

    def recent_runs(self, n: int = 10) -> list[RunRow]:
        rows = self._query("SELECT * FROM runs ORDER BY started DESC LIMIT ?", (n,))
        return [_run_row(row) for row in rows]

    def batch_runs(self, batch_id: str) -> list[RunRow]:
        rows = self._query("SELECT * FROM runs WHERE batch_id = ? ORDER BY started", (batch_id,))
        return [_run_row(row) for row in rows]

    # -- batch items

    def mark_item(
        self,
        batch_id: str,
        item_key: str,
        *,
        status: ItemStatus,
        run_id: str | None = None,
        path: str | None = None,
        article_sha256: str | None = None,
        cache_key: str | None = None,
        error: str | None = None,
        attempts: int | None = None,
        outputs: Sequence[str] | None = None,
    ) -> None:
        """Create or update the state of one item; fields given as None keep their value
        (except ``error``, which is cleared unless the status is ``failed``)."""
        with self.transaction() as db:
            db.execute(
                """
                INSERT INTO items (batch_id, item_key, path, article_sha256, cache_key, status,
                    error, attempts, outputs, run_id, updated)
                VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE(?, 0), ?, ?, ?)
                ON CONFLICT (batch_id, item_key) DO UPDATE SET
                    path = COALESCE(excluded.path, path),
                    article_sha256 = COALESCE(excluded.article_sha256, article_sha256),
                    cache_key = COALESCE(excluded.cache_key, cache_key),
                    status = excluded.status,
                    error = excluded.error,
                    attempts = COALESCE(?, attempts),
                    outputs = COALESCE(excluded.outputs, outputs),
                    run_id = COALESCE(excluded.run_id, run_id),
                    updated = excluded.updated
                """,
                (
                    batch_id,
                    item_key,
                    path,
                    article_sha256,
                    cache_key,
                    status,
                    error if status == "failed" else None,
                    attempts,
                    None if outputs is None else json.dumps(list(outputs)),
                    run_id,
                    utc_now(),
                    attempts,
                ),
            )

    def items(self, batch_id: str) -> dict[str, ItemState]:
        rows = self._query("SELECT * FROM items WHERE batch_id = ?", (batch_id,))
        return {row["item_key"]: _item_state(row) for row in rows}

    def failed_items(self, batch_id: str) -> list[ItemState]:
        rows = self._query(
            "SELECT * FROM items WHERE batch_id = ? AND status = 'failed' ORDER BY item_key",
            (batch_id,),
        )
        return [_item_state(row) for row in rows]

    def batch_totals(self, batch_id: str) -> BatchTotals:
        """Calls and tokens spent by every run of a batch (cached answers cost nothing)."""
        calls = self._query(
            """
            SELECT COUNT(*) AS calls, COALESCE(SUM(requests), 0) AS requests,
                   COALESCE(SUM(tokens_in), 0) AS tokens_in,
                   COALESCE(SUM(tokens_out), 0) AS tokens_out
            FROM calls JOIN runs USING (run_id)
            WHERE runs.batch_id = ? AND calls.outcome != 'cached'
            """,
            (batch_id,),
        )[0]
        runs = self.batch_runs(batch_id)
        wall = sum(_seconds_between(run.started, run.finished) for run in runs)
        return BatchTotals(
            runs=len(runs),
            calls=int(calls["calls"]),
            requests=int(calls["requests"]),
            tokens_in=int(calls["tokens_in"]),
            tokens_out=int(calls["tokens_out"]),
            wall_seconds=round(wall, 3),
        )

    # -- queries for `summarizer log`

    def failures(self, n: int = 20) -> list[Failure]:
        """The ``n`` most recent failed calls and failed batch items, newest first."""
        rows = self._query(
            """
            SELECT created AS "when", 'call' AS kind, run_id, article_sha256 AS subject,
                   COALESCE(error, '') AS error
            FROM calls WHERE outcome = 'error'
            UNION ALL
            SELECT updated, 'item', run_id, COALESCE(path, item_key), COALESCE(error, '')
            FROM items WHERE status = 'failed'
            ORDER BY 1 DESC LIMIT ?
            """,
            (n,),
        )
        return [
            Failure(
                when=row["when"],
                kind=row["kind"],
                run_id=row["run_id"],
                subject=row["subject"],
                error=row["error"],
            )
            for row in rows
        ]

    def token_totals(self) -> list[TokenTotal]:
        """Calls and tokens per model (cached answers are not counted: they cost nothing)."""
        rows = self._query(
            """
            SELECT model, provider, COUNT(*) AS calls, SUM(requests) AS requests,
                   SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out
            FROM calls WHERE outcome != 'cached'
            GROUP BY model, provider ORDER BY model, provider
            """
        )
        return [
            TokenTotal(
                model=row["model"],
                provider=row["provider"],
                calls=int(row["calls"]),
                requests=int(row["requests"]),
                tokens_in=int(row["tokens_in"]),
                tokens_out=int(row["tokens_out"]),
            )
            for row in rows
        ]

    def count_calls(self, *, outcomes: Sequence[CallOutcome] = ("ok", "error", "cached")) -> int:
        marks = ", ".join("?" for _ in outcomes)
        rows = self._query(f"SELECT COUNT(*) AS n FROM calls WHERE outcome IN ({marks})", outcomes)
        return int(rows[0]["n"])


# ---- helpers ------------------------------------------------------------------------------


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _json_list(text: str | None) -> list[str]:
    return [str(item) for item in json.loads(text)] if text else []


def _run_row(row: sqlite3.Row) -> RunRow:
    return RunRow(
        run_id=row["run_id"],
        batch_id=row["batch_id"],
        command=_json_list(row["command"]),
        out_dir=row["out_dir"],
        started=row["started"],
        finished=row["finished"],
        status=row["status"],
        counts=json.loads(row["counts"]) if row["counts"] else {},
    )


def _item_state(row: sqlite3.Row) -> ItemState:
    return ItemState(
        batch_id=row["batch_id"],
        item_key=row["item_key"],
        path=row["path"],
        article_sha256=row["article_sha256"],
        cache_key=row["cache_key"],
        status=row["status"],
        error=row["error"],
        attempts=int(row["attempts"]),
        outputs=_json_list(row["outputs"]),
        run_id=row["run_id"],
        updated=row["updated"],
    )


def _seconds_between(start: str, end: str | None) -> float:
    if end is None:
        return 0.0
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()
