"""Live: the default path on a clean machine — the CLI, the managed local server, the real model.

No cassette here. Skipped where the runtime or weights are not installed, except in CI
(CI=true), where their absence is a set-up bug and fails the test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import psutil
import pytest

from summarizer import local_model
from summarizer.cli import main
from summarizer.config import default_cache_dir, settings_from_env
from summarizer.records import ArticleBrief
from summarizer.schema_files import validate_document

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED = SEEDS / "003_76b5edc329202b10.txt"

pytestmark = pytest.mark.live


@pytest.fixture(autouse=True)
def real_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(default_cache_dir()))
    state = local_model.status(settings_from_env())
    ready = state["runtime_installed"] and state["model_state"] in ("ready", "not assembled yet")
    if not ready or not SEED.is_file():
        why = f"local model not ready: {state['model_state']}; runtime {state['runtime_installed']}"
        if os.environ.get("CI"):
            pytest.fail(why + " (CI must install it: scripts/setup.sh)")
        pytest.skip(why)


def _servers() -> set[int]:
    found = set()
    for proc in psutil.process_iter(["pid", "cmdline"]):
        cmd = " ".join(proc.info["cmdline"] or [])
        if "llama_cpp.server" in cmd:
            found.add(proc.info["pid"])
    return found


def test_cli_summarizes_a_seed_with_the_managed_local_model(tmp_path: Path) -> None:
    before = _servers()
    out = tmp_path / "brief.json"
    code = main(["summarize", str(SEED), "--out", str(out)])
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert validate_document(data, "article_brief") == []
    brief = ArticleBrief.model_validate(data)
    assert brief.run.provider == "local" and brief.run.calls >= 1
    primary = brief.meetings[0]
    assert {p.code for p in primary.parties} == {"PAK", "RUS"}
    text = SEED.read_text(encoding="utf-8")
    for party in primary.parties:
        for span in party.evidence:
            assert text[span.start : span.end] == span.text
    # the server the command started is gone
    assert _servers() - before == set()
