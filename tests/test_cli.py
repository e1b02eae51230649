"""The command line, driven through ``main([...])`` with a FakeClient (no model, no network)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer import cli, schema_files
from summarizer.errors import EXIT_FAILED, EXIT_INPUT, EXIT_PROVIDER, EXIT_USAGE, InputError
from summarizer.extract import ArticleFacts
from summarizer.records import DOCUMENTS
from summarizer.testing import FakeClient

COMMANDS = ("summarize", "batch", "compare", "validate", "schema", "model", "log", "eval")


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, client: FakeClient | None = None
) -> tuple[int, str, str]:
    code = cli.main(list(argv), client=client)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("summarizer: error: ")
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


# ---- help ---------------------------------------------------------------------------------


def test_help_mentions_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in COMMANDS:
        assert name in out


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_help_with_an_example(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, _ = run(capsys, name, "--help")
    assert code == 0
    assert f"summarizer {name}" in out.split("example:", 1)[1]


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == EXIT_USAGE
    assert "COMMAND" in err


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "schema"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == list(DOCUMENTS)


# ---- summarize ----------------------------------------------------------------------------


def test_summarize_writes_a_valid_brief(
    capsys: pytest.CaptureFixture[str], seed_article: Path, seed_facts: dict[str, Any]
) -> None:
    client = FakeClient([seed_facts])
    code, out, err = run(capsys, "summarize", str(seed_article), client=client)
    assert code == 0, err
    data = json.loads(out)
    assert schema_files.validate_document(data) == []
    assert data["meetings"][0]["round"] == 9
    # an agreement is not a series; "fears by some nations" names no subject
    assert [r["value"] for r in data["rejected"]] == [
        "Paris Climate Accord",
        "fears by some nations",
    ]
    assert client.requests[0][0] is ArticleFacts
    assert err == ""  # not a terminal: no status messages


def test_summarize_markdown_has_the_headline(
    capsys: pytest.CaptureFixture[str], seed_article: Path, seed_facts: dict[str, Any]
) -> None:
    code, out, _ = run(
        capsys, "summarize", str(seed_article), "--format", "md", client=FakeClient([seed_facts])
    )
    assert code == 0
    # seed 000 has no title line, so the headline is the primary meeting's title
    assert out.startswith("# 9th Pakistan–European Union Counter-Terrorism Dialogue\n")
    assert "## Rejected by grounding (2)" in out


def test_summarize_out_file_and_flags(
    capsys: pytest.CaptureFixture[str],
    seed_article: Path,
    seed_facts: dict[str, Any],
    tmp_path: Path,
) -> None:
    target = tmp_path / "brief.json"
    code, out, _ = run(
        capsys,
        "summarize",
        str(seed_article),
        "--out",
        str(target),
        "--published",
        "2025-02-21",
        "--outlet",
        "Dawn",
        client=FakeClient([seed_facts]),
    )
    assert code == 0 and out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["source"]["published"] == "2025-02-21"
    assert data["source"]["outlet"] == "Dawn"
    assert schema_files.validate_file(target).ok


@pytest.mark.parametrize(
    ("content", "words"),
    [(None, "no such file"), (b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary")],
)
def test_bad_input_is_exit_3_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, words: str
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    client = FakeClient()
    code, out, err = run(capsys, "summarize", str(path), client=client)
    assert code == EXIT_INPUT
    assert out == ""
    assert_one_error_line(err, str(path), words)
    assert client.requests == []


def test_debug_flag_re_raises(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(InputError):
        cli.main(["summarize", str(tmp_path / "gone.txt"), "--debug"], client=FakeClient())


def test_provider_error_is_exit_5(capsys: pytest.CaptureFixture[str], seed_article: Path) -> None:
    code, _, err = run(capsys, "summarize", str(seed_article), client=FakeClient())
    assert code == EXIT_PROVIDER
    assert_one_error_line(err, "no response queued")


def test_interrupt_is_exit_130(capsys: pytest.CaptureFixture[str], seed_article: Path) -> None:
    client = FakeClient([KeyboardInterrupt()])
    code, _, err = run(capsys, "summarize", str(seed_article), client=client)
    assert code == 130
    assert err.strip() == "summarizer: interrupted"


@pytest.mark.parametrize(
    "flags",
    [["--published", "21/02/2025"], ["--format", "pdf"], ["--n-ctx", "0"], ["--retries", "x"]],
)
def test_bad_flags_are_usage_errors(
    capsys: pytest.CaptureFixture[str], seed_article: Path, flags: list[str]
) -> None:
    code, _, err = run(capsys, "summarize", str(seed_article), *flags, client=FakeClient())
    assert code == EXIT_USAGE
    assert "Traceback" not in err


def test_api_key_env_must_name_a_set_variable(
    capsys: pytest.CaptureFixture[str], seed_article: Path
) -> None:
    code, _, err = run(capsys, "summarize", str(seed_article), "--api-key-env", "NO_SUCH_KEY_VAR")
    assert code == EXIT_USAGE
    assert_one_error_line(err, "NO_SUCH_KEY_VAR")


def test_provider_flags_reach_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_KEY", "sk-test")
    parser = cli.build_parser()
    args = parser.parse_args(
        ["summarize", "x.txt", "--api-key-env", "MY_KEY", "--reasks", "0", "--keep-ungrounded"]
    )
    settings = cli.build_settings(args)
    assert settings.provider == "openai" and settings.api_key == "sk-test"
    assert settings.validation_retries == 0 and settings.keep_ungrounded
    args = parser.parse_args(["summarize", "x.txt", "--base-url", "http://127.0.0.1:9/v1"])
    assert cli.build_settings(args).provider == "openai-compatible"


# ---- validate and schema --------------------------------------------------------------------


def test_validate_a_good_file(capsys: pytest.CaptureFixture[str], seed_brief_file: Path) -> None:
    code, out, _ = run(capsys, "validate", str(seed_brief_file))
    assert code == 0
    assert out == f"{seed_brief_file}: ok\n"


def test_validate_names_the_bad_field(
    capsys: pytest.CaptureFixture[str], seed_brief_file: Path, tmp_path: Path
) -> None:
    data = json.loads(seed_brief_file.read_text(encoding="utf-8"))
    data["meetings"][0]["round"] = "nine"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(seed_brief_file), str(bad))
    assert code == EXIT_FAILED
    lines = out.splitlines()
    assert lines[0] == f"{seed_brief_file}: ok"
    assert lines[1].startswith(f"{bad}: meetings[0].round: ")


def test_validate_catches_changed_evidence_text(
    capsys: pytest.CaptureFixture[str], seed_brief_file: Path
) -> None:
    data = json.loads(seed_brief_file.read_text(encoding="utf-8"))
    data["meetings"][0]["location"]["evidence"][0]["text"] = "Brusseli"
    seed_brief_file.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(seed_brief_file))
    assert code == EXIT_FAILED
    assert f"{seed_brief_file}: meetings[0].location.evidence[0]: " in out


def test_schema_lists_prints_and_checks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and out.split() == list(DOCUMENTS)
    code, out, _ = run(capsys, "schema", "meeting_record")
    assert code == 0 and json.loads(out)["$id"] == schema_files.schema_id("meeting_record")
    code, out, _ = run(capsys, "schema", "--check", str(tmp_path))
    assert code == EXIT_FAILED and "summarizer schema --write schemas/" in out
    assert run(capsys, "schema", "--write", str(tmp_path))[0] == 0
    assert run(capsys, "schema", "--check", str(tmp_path))[:2] == (0, "")


# ---- compare, batch, log, eval ---------------------------------------------------------------


def test_compare_mixes_briefs_and_articles(
    capsys: pytest.CaptureFixture[str],
    seed_brief_file: Path,
    seed_article: Path,
    seed_facts: dict[str, Any],
    tmp_path: Path,
) -> None:
    other = tmp_path / "second_report.txt"
    other.write_text(seed_article.read_text(encoding="utf-8"), encoding="utf-8")
    client = FakeClient([seed_facts])
    prefix = tmp_path / "cmp"
    code, _, err = run(
        capsys, "compare", str(seed_brief_file), str(other), "--out", str(prefix), client=client
    )
    assert code == 0, err
    assert len(client.requests) == 1  # only the article was summarized
    data = json.loads(prefix.with_suffix(".json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 2 and len(data["events"]) == 1
    assert schema_files.validate_file(prefix.with_suffix(".json")).ok
    assert prefix.with_suffix(".md").read_text(encoding="utf-8").startswith("# Comparative")


def test_batch_and_log(
    capsys: pytest.CaptureFixture[str],
    seed_article: Path,
    seed_facts: dict[str, Any],
    tmp_path: Path,
) -> None:
    empty = seed_article.with_name("empty.txt")
    empty.write_text("", encoding="utf-8")
    out_dir = tmp_path / "briefs"
    client = FakeClient(default=seed_facts)
    code, _, _ = run(
        capsys, "batch", str(seed_article.parent), "--out", str(out_dir), client=client
    )
    assert code == EXIT_FAILED  # the empty file failed
    briefs = sorted(out_dir.glob(f"{seed_article.stem}-*.json"))
    assert len(briefs) == 1 and schema_files.validate_file(briefs[0]).ok
    code, out, _ = run(capsys, "log", "--failures", "--tokens")
    assert code == 0
    assert "empty.txt" in out and "fake/fake-model: 1 calls" in out
    assert "runs" not in out
    code, out, _ = run(capsys, "log")
    assert code == 0
    assert out.startswith("runs (newest first, 1):")
    assert f"batch {seed_article.parent}" in out and "failed 1" in out


def test_eval_scores_summarized_gold_articles(
    capsys: pytest.CaptureFixture[str],
    seed_article: Path,
    seed_facts: dict[str, Any],
    tmp_path: Path,
) -> None:
    gold = {
        "article": f"articles/{seed_article.name}",
        "split": "tune",
        "language": "en",
        "kind": "news_report",
        "event": "pak-eu-ctd-9",
        "meetings": [
            {
                "primary": True,
                "status": "held",
                "parties": ["PAK", "EU"],
                "series": "Counter-Terrorism Dialogue",
                "round": 9,
                "date": None,
                "city": "Paris",
            }
        ],
    }
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    prefix = tmp_path / "eval"
    code, out, err = run(
        capsys,
        "eval",
        "--gold",
        str(gold_file),
        "--root",
        str(tmp_path),
        "--out",
        str(prefix),
        client=FakeClient([seed_facts]),
    )
    assert code == 0, err
    assert out.startswith("# Evaluation")
    report = json.loads(prefix.with_suffix(".json").read_text(encoding="utf-8"))
    assert report["missing_briefs"] == []
    assert report["fields"]["round"]["tp"] == 1
    assert report["fields"]["city"]["fn"] == 1  # Brussels predicted, Paris in this gold


def test_briefs_folder_skips_batch_summary_files(tmp_path: Path) -> None:
    from summarizer.cli import briefs_in_folder

    (tmp_path / "summary.json").write_text('{"articles": 5, "meetings": 5}', encoding="utf-8")
    assert briefs_in_folder(tmp_path) == {}
