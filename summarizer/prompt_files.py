"""Load the versioned prompt templates shipped in ``prompts/`` (package ``summarizer.prompts``).

A prompt file is YAML with ``task``, ``version``, ``description``, ``system`` and ``user_header``.
``user_header`` may hold ``{name}`` fields filled by ``str.format`` with values the code
computes (language, date, counts). Article text is never formatted into a template: the
caller appends it after the header, delimited.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .errors import ConfigError

REQUIRED_KEYS = ("task", "version", "system", "user_header")

#: The prompt version each task uses. Bump here when adding prompts/<task>/vN.yaml.
CURRENT_VERSIONS: dict[str, str] = {
    "extract": "v2",
    "recheck": "v1",
    "translate": "v1",
    "translate_article": "v1",
}


@dataclass(frozen=True)
class Prompt:
    task: str
    version: str
    system: str
    user_header: str
    description: str = ""

    def header(self, **values: object) -> str:
        return self.user_header.format(**values)

    @property
    def fields(self) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(self.user_header) if f}


@cache
def load_prompt(task: str, version: str | None = None) -> Prompt:
    version = version or CURRENT_VERSIONS[task]
    ref = resources.files("summarizer.prompts").joinpath(task, f"{version}.yaml")
    if not ref.is_file():
        raise ConfigError(f"no prompt file prompts/{task}/{version}.yaml")
    data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ConfigError(f"prompts/{task}/{version}.yaml: not a mapping")
    missing = [k for k in REQUIRED_KEYS if not isinstance(data.get(k), str)]
    if missing:
        raise ConfigError(f"prompts/{task}/{version}.yaml: missing {', '.join(missing)}")
    if data["task"] != task or data["version"] != version:
        raise ConfigError(f"prompts/{task}/{version}.yaml: task/version fields do not match")
    return Prompt(
        task=task,
        version=version,
        system=data["system"].strip(),
        user_header=data["user_header"].strip(),
        description=str(data.get("description", "")).strip(),
    )


def prompt_versions() -> dict[str, str]:
    return dict(CURRENT_VERSIONS)
