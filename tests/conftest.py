"""Shared fixtures: no test touches the user's folders or a real model provider."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_000 = "000_caf759044ef1bebc.txt"

_PROVIDER_ENV = (
    "OPENAI_API_KEY",
    "SUMMARIZER_API_KEY",
    "SUMMARIZER_BASE_URL",
    "SUMMARIZER_MODEL",
    "SUMMARIZER_MODEL_PATH",
)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cache and store in temp folders; no provider configured from the environment."""
    home = tmp_path_factory.mktemp("summarizer-home")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("SUMMARIZER_STORE", str(home / "summarizer.db"))
    for name in _PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def seed_article(tmp_path: Path) -> Path:
    """A private copy of seed 000 (9th Pakistan-EU Counter-Terrorism Dialogue)."""
    source = SEEDS / SEED_000
    if not source.is_file():
        pytest.skip(f"seed articles not found at {SEEDS}")
    target = tmp_path / "articles" / SEED_000
    target.parent.mkdir()
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def seed_facts() -> dict[str, Any]:
    """What a model could propose for seed 000 (an extract.ArticleFacts as a dict); the
    framework "Paris Climate Accord" is not in the article, so grounding rejects it."""
    return {
        "meetings": [
            {
                "status": "held",
                "kind": "dialogue",
                "series": "Counter-Terrorism Dialogue",
                "round": 9,
                "date_text": None,
                "city": "Brussels",
                "parties": [
                    "Pakistan",
                    "European Union",
                ],
                "heads": [
                    {
                        "name": "Abdul Hameed",
                        "title": "Director-General for Counter-Terrorism",
                        "party": "Pakistan",
                    },
                    {
                        "name": "Maciej Stadejek",
                        "title": "Director for Security and Defence Policy",
                        "party": "European Union",
                    },
                ],
                "topics": [
                    "Afghanistan",
                    "combating terrorism financing",
                ],
                "outcomes": [
                    {
                        "kind": "condemnation",
                        "quote": "condemned terrorism in all its forms",
                    }
                ],
                "quotes": [
                    {
                        "speaker": "Pakistani foreign office",
                        "start": "The European Union and Pakistan condemned",
                    }
                ],
                "next_meeting": None,
                "framework": ["Strategic Engagement Plan", "Paris Climate Accord"],
            }
        ],
    }


@pytest.fixture
def seed_brief_file(seed_article: Path, seed_facts: dict[str, Any], tmp_path: Path) -> Path:
    """The brief of seed 000 made by the real pipeline from ``seed_facts``, as a JSON file."""
    from summarizer import pipeline
    from summarizer.config import Settings
    from summarizer.reading import read_article
    from summarizer.render import brief_json
    from summarizer.testing import FakeClient

    brief = pipeline.summarize(read_article(seed_article), FakeClient([seed_facts]), Settings())
    path = tmp_path / "brief.json"
    path.write_text(brief_json(brief), encoding="utf-8")
    return path
