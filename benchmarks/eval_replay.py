"""The gold-set evaluation, with each article's model exchanges kept as a vcrpy cassette.

    .venv/bin/python benchmarks/eval_replay.py [--split heldout|tune] [--out PREFIX]
    .venv/bin/python benchmarks/eval_replay.py --record        # (re-)record from the local model

An article whose cassette exists (cassettes/eval/<name>.yaml) is summarized again from the
recorded responses: no model, no server, a few seconds for the whole gold set. So a change to
the code side (grounding, normalisation, readers) is scored at once against exactly what the
model said, and the held-out report can be reproduced offline. An article without a cassette
is recorded from the embedded local model (started for the purpose). `--record` re-records
every article, after a prompt or model change. Prints the same report as `summarizer eval`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from cassettes import make_vcr  # noqa: E402
from summarizer.config import DEFAULT_LOCAL_MODEL_NAME, Settings  # noqa: E402
from summarizer.errors import ExtractionError  # noqa: E402
from summarizer.evaluate import events_from_briefs, load_gold, render_markdown, score  # noqa: E402
from summarizer.llm import LLMClient, make_client  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402
from summarizer.reading import read_article  # noqa: E402
from summarizer.records import ArticleBrief  # noqa: E402

REPLAY_BASE_URL = "http://local-model/v1"
SETTINGS = Settings(provider="local", model=DEFAULT_LOCAL_MODEL_NAME)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "gold" / "gold.jsonl")
    parser.add_argument("--split", choices=["tune", "heldout"])
    parser.add_argument("--record", action="store_true", help="re-record every cassette")
    parser.add_argument("--out", help="write PREFIX.json and PREFIX.md")
    parser.add_argument("--briefs", type=Path, help="also write each brief to DIR/<name>.json")
    args = parser.parse_args(argv)

    gold = [g for g in load_gold(args.gold) if args.split in (None, g.split)]
    folder = ROOT / "cassettes" / "eval"
    folder.mkdir(parents=True, exist_ok=True)
    briefs: dict[str, ArticleBrief] = {}
    replay = make_client(SETTINGS, REPLAY_BASE_URL)
    live: LLMClient | None = None
    server = None
    started = time.perf_counter()
    recorded = 0
    failed: list[str] = []
    try:
        for g in gold:
            path = (args.gold.parent.parent / g.article).resolve()
            cassette = f"{path.stem}.yaml"
            article = read_article(path)
            try:
                if (folder / cassette).exists() and not args.record:
                    with make_vcr("eval", record=False).use_cassette(cassette):
                        brief = summarize(article, replay, SETTINGS)
                else:
                    if live is None:
                        from summarizer.local_model import LocalServer, resolve_model

                        server = LocalServer(SETTINGS, resolve_model(SETTINGS))
                        live = make_client(SETTINGS, server.start())
                    (folder / cassette).unlink(missing_ok=True)  # "all" appends: start empty
                    t = time.perf_counter()
                    try:
                        with make_vcr("eval", record=True).use_cassette(cassette):
                            brief = summarize(article, live, SETTINGS)
                    finally:
                        recorded += 1
                        took = time.perf_counter() - t
                        print(f"recorded {path.name}: {took:.1f} s", file=sys.stderr)
            except ExtractionError as error:
                # the model's answer stayed invalid: scored as no brief (nothing found), and
                # its exchanges are kept in the cassette, so a replay fails the same way
                failed.append(path.name)
                print(f"FAILED {path.name}: {error}", file=sys.stderr)
                continue
            briefs[str(path)] = brief
            if args.briefs:
                args.briefs.mkdir(parents=True, exist_ok=True)
                (args.briefs / f"{path.stem}.json").write_text(brief.model_dump_json(indent=2))
    finally:
        if server is not None:
            server.stop()
    report = score(gold, briefs, events_from_briefs(briefs), root=args.gold.parent.parent)
    markdown = render_markdown(report)
    print(markdown)
    print(
        f"{len(briefs)} articles, {recorded} recorded from the model, "
        f"{time.perf_counter() - started:.1f} s"
        + (f"; the model failed on {len(failed)}: {', '.join(failed)}" if failed else ""),
        file=sys.stderr,
    )
    if args.out:
        Path(f"{args.out}.json").write_text(
            json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
        )
        Path(f"{args.out}.md").write_text(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
