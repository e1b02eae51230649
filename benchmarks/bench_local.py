"""Benchmark the embedded local model on real articles (not a test: it prints figures).

Reports: model resolution and server start time, seconds per article (median and max),
prompt and generated tokens per article, calls, grounding rejections, peak RSS of the
server process (sampled every 100 ms) and of this process.

    .venv/bin/python benchmarks/bench_local.py [ARTICLE ...] [--n-ctx 8192]

Run it on an otherwise idle machine: two llama servers on 2 cores slow each other 30x.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from summarizer.config import Settings, settings_from_env
from summarizer.llm import make_client
from summarizer.local_model import LocalServer, resolve_model
from summarizer.pipeline import summarize
from summarizer.reading import read_article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
#: Summarized (untimed) by an earlier server before the timed run when --prefix-states new:
#: it leaves the stored prompt-prefix state a user's earlier runs leave; not a seed article.
WARM_UP_ARTICLE = ROOT / "examples" / "articles" / "en_01_india_japan_dialogue.txt"


class PeakRSS:
    """Samples the RSS of a process tree in a background thread."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                proc = psutil.Process(self.pid)
                rss = proc.memory_info().rss + sum(
                    c.memory_info().rss for c in proc.children(recursive=True)
                )
                self.peak = max(self.peak, rss)
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", nargs="*", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--n-ctx", type=int, default=None)
    parser.add_argument("--draft", type=int, default=None, help="tokens drafted per step")
    parser.add_argument("--out", type=Path, help="also write each brief as JSON into this folder")
    parser.add_argument(
        "--prefix-states",
        choices=("new", "off", "keep"),
        default="new",
        help="new (default): an empty folder of prompt-prefix states, filled by an untimed "
        "earlier server summarizing a non-seed article, as after a user's first run; off: "
        "every server evaluates the shared prefix again (a first run ever); keep: the "
        "user's own stored states (may hold these very articles' prompts)",
    )
    args = parser.parse_args(argv)
    overrides: dict[str, object] = {"provider": "local"}
    if args.n_ctx:
        overrides["n_ctx"] = args.n_ctx
    if args.draft is not None:
        overrides["draft_tokens"] = args.draft
    scratch = tempfile.TemporaryDirectory(prefix="bench-prefix-states-")
    if args.prefix_states == "off":
        overrides["prefix_states"] = False
    elif args.prefix_states == "new":
        overrides["prefix_states_dir"] = Path(scratch.name)
    settings: Settings = settings_from_env(**overrides)

    t0 = time.perf_counter()
    info = resolve_model(settings)
    t_resolve = time.perf_counter() - t0
    if args.prefix_states == "new":
        with LocalServer(settings, info) as warm:
            t = time.perf_counter()
            client = make_client(settings.with_(model=info.name), warm.base_url)
            summarize(read_article(WARM_UP_ARTICLE), client, settings)
            print(
                f"warm-up      {WARM_UP_ARTICLE.name}: {time.perf_counter() - t:.1f} s on an "
                "earlier server (untimed; stores the prompt-prefix state)",
                flush=True,
            )
    server = LocalServer(settings, info)
    t1 = time.perf_counter()
    server.start()
    t_start = time.perf_counter() - t1
    assert server.pid is not None
    rows = []
    try:
        client = make_client(settings.with_(model=info.name), server.base_url)
        with PeakRSS(server.pid) as peak:
            for path in args.articles:
                article = read_article(path)
                t = time.perf_counter()
                brief = summarize(article, client, settings)
                seconds = time.perf_counter() - t
                rows.append((path.name, seconds, brief))
                if args.out:
                    args.out.mkdir(parents=True, exist_ok=True)
                    (args.out / f"{path.stem}.json").write_text(brief.model_dump_json(indent=2))
                print(
                    f"{path.name:32} {seconds:6.1f} s  calls={brief.run.calls} "
                    f"in={brief.run.tokens_in} out={brief.run.tokens_out} "
                    f"meetings={len(brief.meetings)} rejected={len(brief.rejected)}",
                    flush=True,
                )
    finally:
        server.stop()

    secs = [r[1] for r in rows]
    print()
    print(f"model        {info.name} ({info.size / 2**30:.2f} GiB, source: {info.source})")
    print(
        f"settings     n_ctx={settings.n_ctx} threads={settings.n_threads} "
        f"max_tokens={settings.max_tokens} draft_tokens={settings.draft_tokens}"
    )
    print(f"prefix state {args.prefix_states}")
    print(f"resolve      {t_resolve:.2f} s")
    print(f"server start {t_start:.2f} s (spawn to /v1/models answering)")
    print(
        f"per article  median {statistics.median(secs):.1f} s, max {max(secs):.1f} s, n={len(secs)}"
    )
    print(
        f"tokens in    median {statistics.median(r[2].run.tokens_in for r in rows):.0f}, "
        f"tokens out median {statistics.median(r[2].run.tokens_out for r in rows):.0f}"
    )
    print(f"calls        {sum(r[2].run.calls for r in rows)} for {len(rows)} articles")
    kept = sum(
        len(m.parties) + len(m.delegations) + len(m.topics) + len(m.outcomes) + len(m.quotes)
        for r in rows
        for m in r[2].meetings
    )
    rejected = sum(len(r[2].rejected) for r in rows)
    print(f"grounding    {rejected} proposed facts rejected, {kept} list facts kept")
    print(
        f"peak RSS     server {peak.peak / 2**30:.2f} GiB, "
        f"client {psutil.Process().memory_info().rss / 2**30:.2f} GiB"
    )
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
